"""A mini-program's scan: its metadata (inline or fetched), repeat offences, the verdict, its outbound links."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linkscan.clock import utc_now
from linkscan.errors import InvalidInputError
from linkscan.messages import ScanMessage
from linkscan.models import Outcome, Verdict
from linkscan.settings import ServiceSettings
from linkscan.stores import Backend
from linkscan.usecases.attempts import MAX_SCAN_ATTEMPTS, RETRY_BASE_SECONDS, RetryLaterError, backoff_seconds
from linkscan.usecases.intake import metadata_key_for
from linkscan.usecases.link_graph import queue_children
from linkscan.usecases.verdicts import record_verdict

if TYPE_CHECKING:
    from linkscan.detect import Detector
    from linkscan.miniprogram import MiniProgramMetadata


class MetadataRejectedError(Exception):
    """A mini-program's metadata cannot be used: a permanent failure, recorded at once with its outcome."""

    def __init__(self, outcome: Outcome, detail: str) -> None:
        super().__init__(detail)
        self.outcome: Outcome = outcome


def _load_metadata(message: ScanMessage, attempts: int, settings: ServiceSettings, backend: Backend) -> Any:
    if message.metadata_key:
        return backend.objects.get_json(message.metadata_key)
    import json

    from linkscan.fetch import fetch

    result = fetch(message.metadata_url or "", settings.fetch)
    if result.outcome != "ok" or result.text is None:
        if result.retriable and attempts < MAX_SCAN_ATTEMPTS:
            backend.records.record_retriable_failure(message.scan_id, result.outcome, result.detail, utc_now())
            raise RetryLaterError(f"metadata fetch: {result.outcome}", backoff_seconds(attempts))
        outcome: Outcome = "invalid_metadata" if result.outcome == "ok" else result.outcome
        raise MetadataRejectedError(
            outcome, f"metadata_url could not be fetched: {result.outcome} {result.detail or ''}"
        )
    if result.partial_reason in ("timeout", "connection_closed"):
        # A page cut short is still judged; a JSON document cut short is not a document: try again.
        if attempts < MAX_SCAN_ATTEMPTS:
            backend.records.record_retriable_failure(message.scan_id, "timeout", result.partial_reason, utc_now())
            raise RetryLaterError(f"metadata fetch: body cut short ({result.partial_reason})", RETRY_BASE_SECONDS)
        raise MetadataRejectedError("invalid_metadata", f"metadata_url body cut short ({result.partial_reason})")
    try:
        return json.loads(result.text)
    except RecursionError:
        raise MetadataRejectedError("invalid_metadata", "metadata_url returned JSON nested too deeply") from None
    except ValueError as exc:
        raise MetadataRejectedError("invalid_metadata", f"metadata_url did not return JSON: {exc}") from None


def _usable_metadata(
    message: ScanMessage, attempts: int, settings: ServiceSettings, backend: Backend
) -> MiniProgramMetadata:
    """The scan's metadata, validated; MetadataRejectedError for anything that will never validate."""
    from linkscan.miniprogram import parse_metadata

    raw = _load_metadata(message, attempts, settings, backend)
    try:
        return parse_metadata(message.target, raw)
    except InvalidInputError as exc:
        raise MetadataRejectedError("invalid_metadata", str(exc)) from None
    except RecursionError:
        raise MetadataRejectedError("invalid_metadata", "metadata nested too deeply") from None


def _prior_violations(appid: str, principal: str | None, backend: Backend) -> int:
    """Earlier upheld violations of this mini-program or its developer: repeat offences escalate."""
    from linkscan.miniprogram import target_id_for_appid

    own = backend.records.current(target_id_for_appid(appid))
    count = 1 if own is not None and own.effective_decision == "block" else 0
    if principal:
        count += sum(
            1
            for app in backend.records.principal_apps(principal)
            if app.target != appid and app.effective_decision == "block"
        )
    return count


def scan_miniprogram_target(
    message: ScanMessage, attempts: int, detector: Detector, settings: ServiceSettings, backend: Backend
) -> Verdict:
    """Judge a mini-program from its metadata, record the verdict, and queue its outbound links as targets."""
    from linkscan.miniprogram import outbound_urls, scan_miniprogram

    now = utc_now()
    try:
        meta = _usable_metadata(message, attempts, settings, backend)
    except MetadataRejectedError as exc:
        verdict = Verdict(
            target_id=message.target_id,
            target_type="miniprogram",
            target=message.target,
            decision="allow",
            outcome=exc.outcome,
            outcome_detail=str(exc),
            scan_id=message.scan_id,
            scanned_at=now,
            rules_version=detector.rules_version,
            reasons=[f"metadata rejected: {exc}"],
        )
        record_verdict(verdict, backend)
        return verdict
    principal = meta.principal.name if meta.principal else None
    submitted = meta
    meta, images = _read_page_images(meta, settings, backend)
    verdict = scan_miniprogram(
        meta,
        detector,
        prior_violations=_prior_violations(meta.appid, principal, backend),
        scan_id=message.scan_id,
        scanned_at=now,
        jump_targets=_known_jump_targets(meta, backend),
    )
    if images is not None:
        from linkscan.miniprogram.images import image_reasons

        verdict.extra["images"] = images
        verdict.reasons += image_reasons(images)
    metadata_key = message.metadata_key or metadata_key_for(message.scan_id)
    if message.metadata_key is None:  # fetched from metadata_url: keep it for re-evaluations
        backend.objects.put_json(metadata_key, submitted.model_dump(mode="json"))
    record_verdict(verdict, backend, principal=principal, metadata_key=metadata_key)
    queue_children(message.target_id, outbound_urls(meta), settings=settings, backend=backend)
    return verdict


def _known_jump_targets(meta: MiniProgramMetadata, backend: Backend) -> dict[str, MiniProgramMetadata]:
    """The stored metadata of each mini-program ``meta`` jumps to that linkscan has judged before.

    The judgement itself is linkscan.miniprogram.platform_rules; a re-evaluation's verdict points to the
    metadata its target record names, so the target record (not the scan id) says where it is.
    """
    from linkscan.miniprogram import parse_metadata, target_id_for_appid
    from linkscan.miniprogram.platform_rules import MAX_JUMP_SCANS, jump_appids

    known: dict[str, MiniProgramMetadata] = {}
    for _index, appid in jump_appids(meta, MAX_JUMP_SCANS):
        jumped_id = target_id_for_appid(appid)
        current = backend.records.current(jumped_id)
        if current is None or current.verdict_key is None or current.metadata_key is None:
            continue
        verdict = backend.records.verdict(jumped_id, current.verdict_key)
        if verdict is None or verdict.outcome != "ok":  # never judged, or its metadata was refused
            continue
        known[appid] = parse_metadata(appid, backend.objects.get_json(current.metadata_key))
    return known


def _read_page_images(
    meta: MiniProgramMetadata, settings: ServiceSettings, backend: Backend
) -> tuple[MiniProgramMetadata, list[dict[str, Any]] | None]:
    """When the deployment renders, the pages' images are read (QR codes, OCR) and what they hold joins the
    metadata (miniprogram/images.py); their evidence is stored. Without a renderer, or if it fails, nothing."""
    from linkscan.miniprogram.images import image_urls, with_image_findings

    urls = image_urls(meta)
    if not urls:
        return meta, None
    from linkscan.render import RenderFailed, RenderRequest, renderer_for

    renderer = renderer_for(settings.render, settings.fetch, settings.analysis)
    if renderer is None:
        return meta, None
    try:
        report, evidence = renderer(RenderRequest(url="", browser=False, images=urls))
    except RenderFailed as exc:
        return meta, [{"error": str(exc)}]
    for key, body, content_type in evidence:
        backend.objects.put(key, body, content_type)
    return with_image_findings(meta, report), report.images
