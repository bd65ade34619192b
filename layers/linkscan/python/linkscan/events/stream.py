"""What one change of a target's CURRENT item sets off: verdict events, a review item, rescan bookkeeping.

Runs on the main table's stream (the EventsFunction). Every step is idempotent, so a redelivered
stream record changes nothing and puts events with the same ids again.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from linkscan.clock import stamp
from linkscan.events.model import TargetSnapshot, VerdictEvent, derive_events
from linkscan.rescan.liveness import Observation, RescanPolicy, new_entry, observe
from linkscan.reviews.model import ReviewEntry

if TYPE_CHECKING:
    from linkscan.models import Verdict
    from linkscan.storage.platform import EventBus, PlatformRecords


def on_target_change(
    old: TargetSnapshot | None,
    new: TargetSnapshot | None,
    *,
    now: datetime,
    base_url: str,
    records: PlatformRecords,
    bus: EventBus,
    policy: RescanPolicy,
) -> list[VerdictEvent]:
    """Apply one CURRENT change; returns the events put on the bus (raises if the bus refused any)."""
    events = derive_events(old, new, base_url=base_url, occurred_at=stamp(now))
    kinds: set[str] = {event.detail.kind for event in events}
    if new is not None:
        if "verdict.new" in kinds and new.decision == "review" and not new.moderation_action:
            _enqueue_review(new, now, records)
        if "verdict.moderated" in kinds:
            records.settle_review(
                new.target_id,
                by=new.moderation_by or "",
                at=new.moderation_at or stamp(now),
                decision=new.effective_decision or "",
            )
        _track_liveness(new, kinds, now, records, policy)
    elif old is not None:
        records.remove_rescan(old.target_id)
    if events:
        refused = bus.put(events)
        if refused:
            raise RuntimeError(f"EventBridge refused events {refused}; the stream record is retried")
    return events


def _enqueue_review(new: TargetSnapshot, now: datetime, records: PlatformRecords) -> None:
    records.enqueue_review(
        ReviewEntry(
            target_id=new.target_id,
            target_type=new.target_type,
            target=new.target,
            state="pending",
            source="verdict",
            queued_at=stamp(now),
            category=new.category,
            subcategory=new.subcategory,
            verdict_sk=new.verdict_sk,
        )
    )


def observation_of(verdict: Verdict) -> Observation:
    if not verdict.judged:
        return "gone"
    return "offending" if verdict.decision == "block" else "clean"


def content_digest(verdict: Verdict) -> str | None:
    """The fetched body's SHA-256, from its evidence key (``evidence/<sha256>/...``)."""
    key = verdict.fetch.evidence_key if verdict.fetch else None
    parts = key.split("/") if key else []
    return parts[1] if len(parts) > 2 and parts[0] == "evidence" else None


def _track_liveness(
    new: TargetSnapshot, kinds: set[str], now: datetime, records: PlatformRecords, policy: RescanPolicy
) -> None:
    """Listed links get a rescan entry; each later scan of one is a check of its liveness."""
    if "target.delisted" in kinds:
        records.remove_rescan(new.target_id)
        return
    if new.target_type != "url" or "verdict.new" not in kinds:
        return
    entry = records.rescan(new.target_id)
    if entry is None:
        if new.listed:
            entry = new_entry(new.target_id, new.target, now, policy)
            records.put_rescan(entry)
            records.set_liveness(new.target_id, entry.status, entry.last_checked)
        return
    if "target.listed" in kinds:
        return  # listed by this very scan: the entry's first check is still ahead
    verdict = records.latest_verdict(new.target_id, new.verdict_sk)
    if verdict is None:
        return
    updated = observe(
        entry,
        observation_of(verdict),
        now,
        policy,
        content_sha256=content_digest(verdict),
        moderator_upheld=new.moderation_action == "uphold",
    )
    records.put_rescan(updated)
    records.set_liveness(new.target_id, updated.status, updated.last_checked)
