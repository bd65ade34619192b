"""Use cases behind the API and the scan worker: submit, status, moderate, process a scan.

Each use case takes its collaborators (records, queue, objects, detector, settings) as arguments, so the
same code runs in Lambda, in the local stack and in tests against moto.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from linkscan.api_models import (
    DecisionRequest,
    MiniProgramSubmission,
    MiniProgramSummary,
    PrincipalApps,
    ScanMessage,
    SubmissionReceipt,
    SubmissionStatus,
    TargetView,
    UrlSubmission,
)
from linkscan.blocklist.appeals import AppealItem, AppealPage, AppealStatus, decode_token, encode_token
from linkscan.clock import utc_now
from linkscan.errors import InvalidInputError, InvalidUrlError, NotFoundError
from linkscan.models import JUDGED_OUTCOMES, Outcome, Verdict
from linkscan.scanner import effective_decision, listing_scope_hint, new_scan_id, public_reason
from linkscan.settings import ServiceSettings
from linkscan.storage.records import (
    QUEUE_POSITION_KEYS,
    CurrentUpdate,
    NewSubmission,
    Objects,
    Records,
    ScanQueue,
    appeal_queue_key,
)
from linkscan.targets import target_id

if TYPE_CHECKING:
    from linkscan.detect import Detector
    from linkscan.miniprogram import MiniProgramMetadata

# Transient fetch failures are retried this many times (by SQS redelivery) before the failure is final.
MAX_SCAN_ATTEMPTS = 3
RETRY_BASE_SECONDS = 30


class RetryLaterError(Exception):
    """A transient failure: the message goes back to the queue and is retried with backoff."""

    def __init__(self, message: str, delay_seconds: int) -> None:
        super().__init__(message)
        self.delay_seconds = delay_seconds


@dataclass(frozen=True)
class Backend:
    """The storage a use case works against."""

    records: Records
    queue: ScanQueue
    objects: Objects

    @classmethod
    def from_settings(cls, settings: ServiceSettings) -> Backend:
        settings.require("table_name", "scan_queue_url", "evidence_bucket")
        return cls(
            Records(settings.table_name),
            ScanQueue(settings.scan_queue_url),
            Objects(settings.evidence_bucket),
        )


def metadata_key_for(scan_id: str) -> str:
    """Where a mini-program scan's metadata is kept in the evidence bucket."""
    return f"metadata/{scan_id}.json"


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _is_recent(timestamp: str | None, now: str, window_seconds: int) -> bool:
    if not timestamp or window_seconds <= 0:
        return False
    return _parse_time(now) - _parse_time(timestamp) < timedelta(seconds=window_seconds)


@dataclass
class _Prepared:
    index: int
    target_id: str
    target_type: str
    target: str
    force: bool
    metadata: dict[str, Any] | None = None
    metadata_url: str | None = None


def _prepare(items: Sequence[UrlSubmission | MiniProgramSubmission], batch: bool) -> list[_Prepared]:
    """Validate and canonicalize every item before anything is stored (a bad item stores nothing)."""
    from linkscan.miniprogram import checked_metadata, target_id_for_appid

    prepared: list[_Prepared] = []
    for index, item in enumerate(items):
        where = f"submissions[{index}]." if batch else ""
        if isinstance(item, UrlSubmission):
            try:
                tid, url = target_id(item.url)
            except InvalidUrlError as exc:
                raise InvalidInputError(f"{where}url: {exc}", field=f"{where}url") from exc
            prepared.append(_Prepared(index, tid, "url", url, item.force))
            continue
        try:
            metadata = checked_metadata(item)
        except InvalidInputError as exc:
            raise InvalidInputError(f"{where}{exc}", field=f"{where}{exc.field}") from exc
        prepared.append(
            _Prepared(
                index,
                target_id_for_appid(item.appid),
                "miniprogram",
                item.appid,
                item.force,
                metadata=metadata,
                metadata_url=item.metadata_url,
            )
        )
    return prepared


def submit(
    items: Sequence[UrlSubmission | MiniProgramSubmission],
    *,
    batch: bool,
    caller: str,
    base_url: str,
    settings: ServiceSettings,
    backend: Backend,
) -> list[SubmissionReceipt]:
    """Record submissions and queue the scans they need. Recent or queued scans are reused, not repeated."""
    prepared = _prepare(items, batch)
    now = utc_now()
    currents = backend.records.currents([p.target_id for p in prepared])
    scan_for_target: dict[str, str] = {}
    submissions: list[NewSubmission] = []
    messages: list[dict[str, Any]] = []
    receipts: list[SubmissionReceipt] = []
    for item in prepared:
        current = currents.get(item.target_id, {})
        submission_id = new_scan_id()
        status = "queued"
        if item.target_id in scan_for_target:
            scan_id, deduplicated, start = scan_for_target[item.target_id], True, False
        elif (
            not item.force
            and "decision" in current
            and current.get("outcome", "ok") in JUDGED_OUTCOMES  # a failed fetch is no verdict to reuse
            and _is_recent(current.get("scanned_at"), now, settings.rescan_window_seconds)
        ):
            scan_id, deduplicated, start, status = str(current["scan_id"]), True, False, "done"
        elif (
            not item.force
            and current.get("pending_scan_id")
            and _is_recent(current.get("pending_since"), now, settings.rescan_window_seconds)
        ):
            scan_id, deduplicated, start = str(current["pending_scan_id"]), True, False
        else:
            scan_id, deduplicated, start = new_scan_id(), False, True
            scan_for_target[item.target_id] = scan_id
        metadata_key = None
        if start and item.metadata is not None:
            metadata_key = metadata_key_for(scan_id)
            backend.objects.put_json(metadata_key, item.metadata)
        submissions.append(
            NewSubmission(
                submission_id=submission_id,
                target_id=item.target_id,
                target_type=item.target_type,
                target=item.target,
                scan_id=scan_id,
                submitted_by=caller,
                created_at=now,
                deduplicated=deduplicated,
                metadata_key=metadata_key,
            )
        )
        if start:
            messages.append(
                ScanMessage(
                    scan_id=scan_id,
                    target_id=item.target_id,
                    target_type=item.target_type,  # type: ignore[arg-type]
                    target=item.target,
                    metadata_key=metadata_key,
                    metadata_url=item.metadata_url,
                ).model_dump(exclude_none=True)
            )
        receipts.append(
            SubmissionReceipt(
                submission_id=submission_id,
                target_id=item.target_id,
                target=item.target,
                status=status,  # type: ignore[arg-type]
                deduplicated=deduplicated,
                status_url=f"{base_url}/v1/submissions/{submission_id}",
                verdict_url=f"{base_url}/v1/targets/{item.target_id}" if status == "done" else None,
            )
        )
    backend.records.create_submissions(submissions)
    for message in messages:
        backend.records.mark_pending(
            message["target_id"], message["target_type"], message["target"], message["scan_id"], now
        )
    failed = set(backend.queue.send(messages))
    for scan_id in failed:
        backend.records.fail_scan(scan_id, "the scan queue did not accept the request; submit again", now)
    for receipt, sub in zip(receipts, submissions, strict=True):
        if sub.scan_id in failed:
            receipt.status, receipt.error = "failed", "could not be queued; submit again with force"
    return receipts


def _state(state: str, verdict: Verdict | None) -> Any:
    """A finished scan that analyzed nothing (the fetch failed) is not_scanned, never a plain done."""
    return "not_scanned" if state == "done" and verdict is not None and not verdict.judged else state


def submission_status(submission_id: str, records: Records) -> SubmissionStatus:
    sub = records.submission(submission_id)
    scan = records.scan(sub["scan_id"]) or {}
    verdict = None
    if scan.get("verdict_sk"):
        verdict = records.verdict(sub["target_id"], scan["verdict_sk"])
    return SubmissionStatus(
        submission_id=submission_id,
        target_id=sub["target_id"],
        target_type=sub["target_type"],
        target=sub["target"],
        state=_state(scan.get("state", "done" if verdict else "queued"), verdict),
        submitted_at=sub["created_at"],
        attempts=int(scan.get("attempts", 0)),
        last_error=scan.get("last_error"),
        verdict=verdict,
    )


def target_view(target_id: str, records: Records) -> TargetView:
    current = records.current(target_id)
    if current is None:
        raise NotFoundError(f"no target {target_id}")
    history = records.history(target_id, limit=20)
    return TargetView(
        target_id=target_id,
        target_type=current.get("target_type", "url"),
        target=current.get("target", ""),
        decision=current.get("decision"),
        judged=history[0].judged if history else None,
        effective_decision=current.get("effective_decision"),
        scanned_at=current.get("scanned_at"),
        moderation=current.get("moderation"),
        verdict=history[0] if history else None,
        history=history,
        appeals=records.appeals(target_id),
    )


def moderate(target_id: str, request: DecisionRequest, *, caller: str, records: Records) -> TargetView:
    effective = effective_decision("", {"action": request.action})
    records.moderate(target_id, request.action, effective, caller, request.reason, utc_now())
    return target_view(target_id, records)


def appeal_queue(status: AppealStatus, limit: int, next_token: str | None, *, records: Records) -> AppealPage:
    """One page of the moderators' appeal queue, each appeal with its target's current decision."""
    # A position inside this status's queue partition only: a resolved-queue token cannot page the open one.
    partition = {"GSI1PK": appeal_queue_key(status, "", "")["GSI1PK"]}
    start = decode_token(next_token, partition, QUEUE_POSITION_KEYS)
    items, position = records.appeal_queue(status, limit, start)
    currents = records.currents([item["target_id"] for item in items])
    appeals = [
        AppealItem.model_validate(
            {
                **item,
                "decision": currents.get(item["target_id"], {}).get("decision"),
                "effective_decision": currents.get(item["target_id"], {}).get("effective_decision"),
            }
        )
        for item in items
    ]
    return AppealPage(status=status, appeals=appeals, next_token=encode_token(position))


def principal_apps(principal: str, records: Records) -> PrincipalApps:
    return PrincipalApps(
        principal=principal,
        miniprograms=[
            MiniProgramSummary(
                appid=item["target"],
                target_id=item["target_id"],
                decision=item.get("decision"),
                effective_decision=item.get("effective_decision"),
                scanned_at=item.get("scanned_at"),
            )
            for item in records.principal_apps(principal)
        ],
    )


# ---------------------------------------------------------------------- scanning
def _record(verdict: Verdict, backend: Backend, *, principal: str | None = None) -> bool:
    reason = public_reason(verdict)
    scope = listing_scope_hint(verdict.target) if verdict.target_type == "url" else None

    def update_for(current: Mapping[str, Any]) -> CurrentUpdate:
        return CurrentUpdate(
            verdict=verdict,
            effective_decision=effective_decision(verdict.decision, current.get("moderation")),
            public_reason=reason,
            listing_scope=scope,
            principal=principal,
            # A failed fetch keeps an earlier real verdict: a site that is down for a while is not delisted.
            keep_previous_decision=verdict.outcome not in ("ok", "not_fetched", "analysis_limit")
            and "decision" in current,
        )

    return backend.records.record_verdict(verdict, update_for)


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
    attempts = max(int(scan.get("attempts", 1)), receive_count)
    if message.target_type == "url":
        verdict = _scan_link(message, attempts, detector, settings, backend)
        if not _record(verdict, backend):
            return None  # a delivery running alongside recorded this scan first
    else:
        verdict = _scan_miniprogram(message, attempts, detector, settings, backend)
    for parent_id in backend.records.parents(message.target_id):
        reevaluate_parent(parent_id, detector=detector, settings=settings, backend=backend)
    return verdict


def _scan_link(
    message: ScanMessage, attempts: int, detector: Detector, settings: ServiceSettings, backend: Backend
) -> Verdict:
    from linkscan.scanner import scan_url

    result = scan_url(
        message.target,
        target_id=message.target_id,
        detector=detector,
        fetch_settings=settings.fetch,
        analysis_settings=settings.analysis,
        scan_id=message.scan_id,
        scanned_at=utc_now(),
    )
    verdict = result.verdict
    if verdict.retriable and attempts < MAX_SCAN_ATTEMPTS:
        backend.records.record_retriable_failure(message.scan_id, verdict.outcome, verdict.outcome_detail, utc_now())
        raise RetryLaterError(f"{verdict.outcome}: {verdict.outcome_detail}", RETRY_BASE_SECONDS * 2**attempts)
    for key, body, content_type in result.evidence:
        backend.objects.put(key, body, content_type)
    return verdict


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
            raise RetryLaterError(f"metadata fetch: {result.outcome}", RETRY_BASE_SECONDS * 2**attempts)
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

    own = backend.records.current(target_id_for_appid(appid)) or {}
    count = 1 if own.get("effective_decision") == "block" else 0
    if principal:
        count += sum(
            1
            for app in backend.records.principal_apps(principal)
            if app.get("target") != appid and app.get("effective_decision") == "block"
        )
    return count


def _scan_miniprogram(
    message: ScanMessage, attempts: int, detector: Detector, settings: ServiceSettings, backend: Backend
) -> Verdict:
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
        _record(verdict, backend)
        return verdict
    principal = meta.principal.name if meta.principal else None
    verdict = scan_miniprogram(
        meta,
        detector,
        prior_violations=_prior_violations(meta.appid, principal, backend),
        scan_id=message.scan_id,
        scanned_at=now,
    )
    if message.metadata_key is None:  # fetched from metadata_url: keep it for re-evaluations
        backend.objects.put_json(metadata_key_for(message.scan_id), meta.model_dump(mode="json"))
    _record(verdict, backend, principal=principal)
    _queue_children(message.target_id, outbound_urls(meta), detector, settings, backend)
    return verdict


def _queue_children(
    parent_id: str, urls: Sequence[str], detector: Detector, settings: ServiceSettings, backend: Backend
) -> None:
    """Every outbound web link of a mini-program is scanned as a target of its own."""
    children: list[tuple[str, str]] = []
    for url in urls:
        try:
            children.append(target_id(url))
        except InvalidUrlError:
            continue
    if not children:
        return
    backend.records.link_children(parent_id, children)
    receipts = submit(
        [UrlSubmission(type="url", url=url) for _, url in children],
        batch=True,
        caller=f"miniprogram:{parent_id}",
        base_url=settings.public_base_url,
        settings=settings,
        backend=backend,
    )
    if any(receipt.status == "done" for receipt in receipts):
        # Some links already have a recent verdict: no scan will finish to trigger the re-evaluation.
        reevaluate_parent(parent_id, detector=detector, settings=settings, backend=backend)


def reevaluate_parent(parent_id: str, *, detector: Detector, settings: ServiceSettings, backend: Backend) -> None:
    """A child link's verdict changed: judge the mini-program again with what its links now are."""
    from linkscan.miniprogram import parse_metadata, reevaluate

    parent = backend.records.current(parent_id)
    if not parent or "verdict_sk" not in parent:
        return
    previous = backend.records.verdict(parent_id, parent["verdict_sk"])
    if previous is None:
        return
    children = backend.records.children(parent_id)
    currents = backend.records.currents([child["child_id"] for child in children])
    decisions = {
        child["url"]: {
            "decision": currents[child["child_id"]].get("effective_decision", "allow"),
            "category": currents[child["child_id"]].get("category"),
            "subcategory": currents[child["child_id"]].get("subcategory"),
        }
        for child in children
        if "decision" in currents.get(child["child_id"], {})
    }
    # A re-evaluation's scan id is "<original scan id>:reeval:<n>"; the metadata is the original scan's.
    original_scan_id = previous.scan_id.split(":")[0]
    meta = parse_metadata(previous.target, backend.objects.get_json(metadata_key_for(original_scan_id)))
    updated = reevaluate(previous, meta, decisions)
    if updated.decision == previous.decision and updated.categories == previous.categories:
        return
    updated.scan_id = f"{original_scan_id}:reeval:{new_scan_id()[:8]}"
    updated.scanned_at = utc_now()
    principal = meta.principal.name if meta.principal else None
    _record(updated, backend, principal=principal)


@dataclass
class RedriveReport:
    """What a dead-letter redrive did with each message it read."""

    recorded: int = 0  # recorded as a scan_failed verdict
    requeued: int = 0  # sent back to the scan queue for a fresh set of attempts
    already_done: int = 0  # the scan had a verdict already (a late duplicate): dropped
    unreadable: list[str] = dataclasses.field(default_factory=list)  # not scan requests: left in the dead-letter queue


def redrive_dead_letters(
    dead_letters: ScanQueue, *, requeue: bool, backend: Backend, limit: int = 10_000
) -> RedriveReport:
    """Empty the scan dead-letter queue: requeue each scan, or record it as failed, so none stays unanswered.

    Recording is for messages that failed for a reason a retry will not cure; the verdict keeps the
    target's earlier decision (a failure never delists), and the submission shows state ``done`` with
    outcome ``scan_failed``. A message is deleted only after its scan is requeued or recorded.
    """
    from pydantic import ValidationError

    report = RedriveReport()
    seen = 0
    while seen < limit:
        batch = dead_letters.receive(10)  # each read message stays hidden for this run: the loop ends
        if not batch:
            break
        for queued in batch:
            seen += 1
            try:
                message = ScanMessage.model_validate_json(queued.body)
            except ValidationError:
                report.unreadable.append(queued.body[:200])
                continue
            scan = backend.records.scan(message.scan_id) or {}
            if scan.get("verdict_sk"):
                report.already_done += 1
            elif requeue:
                if backend.queue.send([message.model_dump(exclude_none=True)]):
                    continue  # not accepted: the message stays in the dead-letter queue
                report.requeued += 1
            else:
                detail = f"the scan failed {queued.receive_count} deliveries; recorded from the dead-letter queue"
                record_scan_failure(message, detail, backend=backend)
                report.recorded += 1
            dead_letters.delete(queued.receipt_handle)
    return report


def record_scan_failure(message: ScanMessage, detail: str, *, backend: Backend) -> bool:
    """Answer a scan that cannot finish with a ``scan_failed`` verdict; False if it had a verdict already."""
    verdict = Verdict(
        target_id=message.target_id,
        target_type=message.target_type,
        target=message.target,
        decision="allow",
        outcome="scan_failed",
        outcome_detail=detail,
        scan_id=message.scan_id,
        scanned_at=utc_now(),
        reasons=[detail],
    )
    return _record(verdict, backend)
