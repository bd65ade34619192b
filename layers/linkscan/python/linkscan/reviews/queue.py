"""The review queue's use cases: list, take (lease), decide. A decision is a moderation, made through
the same use case as ``PUT /v1/targets/{id}/decision``, and is kept as a labelled example."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from linkscan.api_models import DecisionRequest
from linkscan.clock import parse_stamp, stamp
from linkscan.errors import ConflictError, NotFoundError
from linkscan.platform_api_models import HistoryEntry, ReviewItem, ReviewLease, ReviewPage
from linkscan.reviews.model import LabelledExample, ReviewEntry

if TYPE_CHECKING:
    from linkscan.storage.platform import PlatformRecords
    from linkscan.stores import RecordStore

# The moderation action that gives each review decision (scanner.MODERATED_DECISION maps them back).
ACTION_FOR = {"block": "uphold", "allow": "overturn"}
HISTORY_LENGTH = 10


def _item(entry: ReviewEntry, now: datetime, records: RecordStore) -> ReviewItem:
    history = records.history(entry.target_id, limit=HISTORY_LENGTH)
    verdict = next((v for v in history if entry.verdict_sk and entry.verdict_sk.endswith(v.scan_id)), None)
    return ReviewItem(
        **{name: getattr(entry, name) for name in ReviewEntry.__dataclass_fields__ if name in ReviewItem.model_fields},
        age_seconds=max(0, int((now - parse_stamp(entry.queued_at)).total_seconds())),
        verdict=verdict or (history[0] if history else None),
        history=[
            HistoryEntry(
                scan_id=v.scan_id,
                scanned_at=v.scanned_at,
                decision=v.decision,
                judged=v.judged,
                outcome=v.outcome,
                score=v.score,
            )
            for v in history
        ],
    )


def review_page(
    status: str, category: str | None, limit: int, now: datetime, *, queue: PlatformRecords, records: RecordStore
) -> ReviewPage:
    entries = queue.review_queue(status, category, limit)
    return ReviewPage(status=status, items=[_item(entry, now, records) for entry in entries])  # type: ignore[arg-type]


def take(target_id: str, who: str, now: datetime, lease_seconds: int, *, queue: PlatformRecords) -> ReviewLease:
    """Lease an item to ``who``; ConflictError while another moderator's lease runs."""
    entry = queue.take_lease(target_id, who, stamp(now), stamp(now + timedelta(seconds=lease_seconds)))
    return ReviewLease(target_id=target_id, lease_by=who, lease_until=entry.lease_until or "")


def decide(
    target_id: str,
    decision: str,
    reason: str,
    who: str,
    now: datetime,
    *,
    queue: PlatformRecords,
    records: RecordStore,
) -> ReviewItem:
    """Apply a leased item's decision as a moderation, close the item and keep the labelled example."""
    from linkscan.usecases.moderation import moderate

    entry = queue.review(target_id)
    if entry is None:
        raise NotFoundError(f"no review item for target {target_id}")
    if entry.state != "pending":
        raise ConflictError(f"target {target_id} was already decided by {entry.decided_by}")
    if entry.lease_by != who or not entry.lease_until or parse_stamp(entry.lease_until) <= now:
        raise ConflictError(f"take the item first (POST /v1/reviews/{target_id}/lease); the lease is not yours")
    moderate(target_id, DecisionRequest(action=ACTION_FOR[decision], reason=reason), caller=who, records=records)  # type: ignore[arg-type]
    verdict = next(iter(records.history(target_id, limit=1)), None)
    text_ref = {"target_id": target_id}
    if entry.verdict_sk:
        text_ref["verdict_sk"] = entry.verdict_sk
    if verdict and verdict.fetch and verdict.fetch.evidence_key:
        text_ref["evidence_key"] = verdict.fetch.evidence_key
    at = stamp(now)
    label = LabelledExample(
        target_id=target_id,
        target=entry.target,
        decision=decision,
        by=who,
        at=at,
        reason=reason,
        text_ref=text_ref,
        category=entry.category,
        subcategory=entry.subcategory,
    )
    queue.close_review(entry, decision=decision, by=who, at=at, reason=reason, label=label)
    closed = queue.review(target_id) or entry
    return _item(closed, now, records)
