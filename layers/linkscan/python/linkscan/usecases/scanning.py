"""The scan worker's use case: one queued scan, run to exactly one recorded verdict."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from linkscan.clock import utc_now
from linkscan.messages import ScanMessage
from linkscan.models import Verdict
from linkscan.settings import ServiceSettings
from linkscan.stores import Backend
from linkscan.usecases.attempts import MAX_SCAN_ATTEMPTS, RetryLaterError, backoff_seconds
from linkscan.usecases.intake import ScanRequest, request_scans
from linkscan.usecases.link_graph import reevaluate_parent
from linkscan.usecases.miniprogram_scans import scan_miniprogram_target
from linkscan.usecases.verdicts import record_verdict

if TYPE_CHECKING:
    from linkscan.detect import Detector


def process_scan(
    message: ScanMessage,
    *,
    receive_count: int,
    detector: Detector,
    settings: ServiceSettings,
    backend: Backend,
) -> Verdict | None:
    """Run one queued scan to a recorded verdict. Returns None for a scan already done (redelivery).

    Raises RetryLaterError for a transient failure while attempts remain; every other failure is
    recorded as a verdict with its outcome, so no accepted submission is lost.
    """
    scan = backend.records.begin_scan(message.model_dump(), utc_now())
    if scan is None:
        return None
    attempts = max(scan.attempts or 1, receive_count)
    if message.target_type == "url":
        verdict = _scan_link(message, attempts, detector, settings, backend)
        if not record_verdict(verdict, backend, rescan=message.purpose == "rescan"):
            return None  # a delivery running alongside recorded this scan first
    else:
        verdict = scan_miniprogram_target(message, attempts, detector, settings, backend)
    for parent_id in backend.records.parents(message.target_id):
        reevaluate_parent(parent_id, backend=backend)
    return verdict


def _scan_link(
    message: ScanMessage, attempts: int, detector: Detector, settings: ServiceSettings, backend: Backend
) -> Verdict:
    from linkscan.render import renderer_for
    from linkscan.scanner import scan_url

    result = scan_url(
        message.target,
        target_id=message.target_id,
        detector=detector,
        fetch_settings=settings.fetch,
        analysis_settings=settings.analysis,
        scan_id=message.scan_id,
        scanned_at=utc_now(),
        renderer=renderer_for(settings.render, settings.fetch, settings.analysis),
    )
    verdict = result.verdict
    if verdict.retriable and attempts < MAX_SCAN_ATTEMPTS:
        backend.records.record_retriable_failure(message.scan_id, verdict.outcome, verdict.outcome_detail, utc_now())
        raise RetryLaterError(f"{verdict.outcome}: {verdict.outcome_detail}", backoff_seconds(attempts))
    for key, body, content_type in result.evidence:
        backend.objects.put(key, body, content_type)
    _queue_linked(message.target_id, result.linked_urls, settings, backend)
    return verdict


def _queue_linked(parent_id: str, urls: Sequence[str], settings: ServiceSettings, backend: Backend) -> None:
    """A QR code's link to another site is scanned as a target of its own, like any submitted link."""
    if not urls:
        return
    from linkscan.api_models import UrlSubmission
    from linkscan.errors import InvalidUrlError
    from linkscan.targets import target_id

    requests: list[ScanRequest] = []
    for url in urls:
        try:
            # The API's own checks: what a submitter could not submit is not queued from a QR code either.
            tid, canonical = target_id(UrlSubmission(type="url", url=target_id(url)[1]).url)
        except (InvalidUrlError, ValueError):
            continue  # a QR code may encode anything; what no fetch would accept is not queued
        requests.append(ScanRequest(tid, "url", canonical))
    if requests:
        request_scans(requests, requested_by=f"qr:{parent_id}", settings=settings, backend=backend)
