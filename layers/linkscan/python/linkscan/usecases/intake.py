"""Intake: scan requests become submissions and queued scans; a target scanned recently, or already
queued, is not scanned again.

``request_scans`` is the deduplicating core that the API's submissions (``usecases/submissions.py``) and
the mini-program link graph share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal

from linkscan.clock import parse_stamp, utc_now
from linkscan.items import SubmissionRecord, TargetRecord
from linkscan.messages import ScanMessage
from linkscan.models import JUDGED_OUTCOMES
from linkscan.scanner import new_scan_id
from linkscan.settings import ServiceSettings
from linkscan.stores import Backend

QUEUE_REFUSED = "the scan queue did not accept the request; submit again"


def metadata_key_for(scan_id: str) -> str:
    """Where a mini-program scan's metadata is kept in the evidence bucket."""
    return f"metadata/{scan_id}.json"


@dataclass(frozen=True)
class ScanRequest:
    """A validated, canonical target to scan; a mini-program brings its metadata or where to fetch it."""

    target_id: str
    target_type: Literal["url", "miniprogram"]
    target: str
    force: bool = False
    metadata: dict[str, Any] | None = None
    metadata_url: str | None = None


@dataclass(frozen=True)
class Intake:
    """What became of one scan request: its submission, the scan that answers it, and that scan's state."""

    request: ScanRequest
    submission_id: str
    scan_id: str
    status: Literal["queued", "done", "failed"]
    deduplicated: bool


def _is_recent(timestamp: str | None, now: str, window_seconds: int) -> bool:
    if not timestamp or window_seconds <= 0:
        return False
    elapsed = parse_stamp(now) - parse_stamp(timestamp)
    return elapsed < timedelta(seconds=window_seconds)


def _reusable_scan(
    request: ScanRequest, current: TargetRecord | None, now: str, window: int
) -> tuple[str, bool] | None:
    """The scan that already answers this request (its id, and whether it is done), or None to scan anew."""
    if request.force or current is None:
        return None
    # A failed fetch is no verdict to reuse.
    judged = current.decision is not None and (current.outcome or "ok") in JUDGED_OUTCOMES
    if judged and current.scan_id and _is_recent(current.scanned_at, now, window):
        return current.scan_id, True
    if current.pending_scan_id and _is_recent(current.pending_since, now, window):
        return current.pending_scan_id, False
    return None


def request_scans(
    requests: Sequence[ScanRequest], *, requested_by: str, settings: ServiceSettings, backend: Backend
) -> list[Intake]:
    """Record one submission per request and queue the scans they need (at most one per target).

    Everything is recorded before anything is queued; a scan the queue refuses is marked failed and its
    requests say so.
    """
    now = utc_now()
    currents = backend.records.currents([request.target_id for request in requests])
    new_scans: dict[str, str] = {}  # target id -> the scan this batch started for it
    intakes: list[Intake] = []
    submissions: list[SubmissionRecord] = []
    messages: list[dict[str, Any]] = []
    for request in requests:
        reused = _reusable_scan(request, currents.get(request.target_id), now, settings.rescan_window_seconds)
        start = request.target_id not in new_scans and reused is None
        if request.target_id in new_scans:
            scan_id, done = new_scans[request.target_id], False
        elif reused is not None:
            scan_id, done = reused
        else:
            scan_id, done = new_scan_id(), False
            new_scans[request.target_id] = scan_id
        metadata_key = None
        if start and request.metadata is not None:
            metadata_key = metadata_key_for(scan_id)
            backend.objects.put_json(metadata_key, request.metadata)
        intake = Intake(request, new_scan_id(), scan_id, "done" if done else "queued", deduplicated=not start)
        intakes.append(intake)
        submissions.append(
            SubmissionRecord(
                submission_id=intake.submission_id,
                target_id=request.target_id,
                target_type=request.target_type,
                target=request.target,
                scan_id=scan_id,
                submitted_by=requested_by,
                created_at=now,
                deduplicated=intake.deduplicated,
                metadata_key=metadata_key,
            )
        )
        if start:
            scan_message = ScanMessage(
                scan_id=scan_id,
                target_id=request.target_id,
                target_type=request.target_type,
                target=request.target,
                metadata_key=metadata_key,
                metadata_url=request.metadata_url,
            )
            messages.append(scan_message.model_dump(exclude_none=True))
    backend.records.create_submissions(submissions)
    for message in messages:
        backend.records.mark_pending(
            message["target_id"], message["target_type"], message["target"], message["scan_id"], now
        )
    failed = set(backend.queue.send(messages))
    for scan_id in failed:
        backend.records.fail_scan(scan_id, QUEUE_REFUSED, now)
    return [
        Intake(i.request, i.submission_id, i.scan_id, "failed", i.deduplicated) if i.scan_id in failed else i
        for i in intakes
    ]
