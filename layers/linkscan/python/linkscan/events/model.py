"""The verdict event schema (version 1) and how a change of a target's CURRENT state becomes events.

Consumers match on ``source`` and ``detail-type``; ``detail.schema_version`` changes only when a field
changes meaning or goes away (added fields keep the version). docs/events.md documents every field.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

SCHEMA_VERSION = "1"
EVENT_SOURCE = "linkscan"

EventKind = Literal[
    "verdict.new", "decision.changed", "verdict.moderated", "target.listed", "target.delisted", "target.status_changed"
]

# EventBridge's detail-type for each kind: what a rule's pattern matches.
DETAIL_TYPES: dict[EventKind, str] = {
    "verdict.new": "Verdict Recorded",
    "decision.changed": "Decision Changed",
    "verdict.moderated": "Verdict Moderated",
    "target.listed": "Target Listed",
    "target.delisted": "Target Delisted",
    "target.status_changed": "Listing Status Changed",
}


@dataclass(frozen=True)
class TargetSnapshot:
    """What the events read of a target's CURRENT item (storage builds it from a stream image)."""

    target_id: str
    target_type: str
    target: str
    rev: int = 0
    decision: str | None = None
    effective_decision: str | None = None
    scan_id: str | None = None
    scanned_at: str | None = None
    outcome: str | None = None
    category: str | None = None
    subcategory: str | None = None
    severity: str | None = None
    actions: tuple[str, ...] = ()
    rules_version: str | None = None
    public_reason: str | None = None
    moderation_action: str | None = None
    moderation_by: str | None = None
    moderation_at: str | None = None
    moderation_reason: str | None = None
    verdict_sk: str | None = None
    liveness_status: str | None = None  # online, offline, dormant: set once a listed link has a rescan entry
    last_checked: str | None = None

    @property
    def listed(self) -> bool:
        """Listing follows the effective decision of a link (mini-programs are enforced, never listed)."""
        return self.target_type == "url" and self.effective_decision == "block"


class EventTarget(BaseModel):
    target_id: str
    type: str
    target: str


class EventCategory(BaseModel):
    category: str
    subcategory: str | None = None
    severity: str | None = None


class EventModeration(BaseModel):
    action: str
    by: str | None = None
    at: str | None = None
    reason: str | None = None


class EventLinks(BaseModel):
    status: str  # the target view (IAM): current verdict, moderation, history
    evidence: str  # the target's newest verdict with its evidence (rule, term, snippet, fetch record)


class VerdictEventDetail(BaseModel):
    """``detail`` of every linkscan event."""

    schema_version: str = SCHEMA_VERSION
    event_id: str  # stable for one change of one target: consumers deduplicate on it
    kind: EventKind
    occurred_at: str
    target: EventTarget
    decision: str | None
    effective_decision: str | None
    previous_decision: str | None
    previous_effective_decision: str | None
    outcome: str | None
    categories: list[EventCategory]
    actions: list[str]
    rules_version: str | None
    scan_id: str | None
    scanned_at: str | None
    public_reason: str | None
    moderation: EventModeration | None
    status: str | None = None  # a listed link's liveness (online, offline, dormant), from rescans
    last_checked: str | None = None
    links: EventLinks


class VerdictEvent(BaseModel):
    """One event as it goes on the bus (``detail_type`` is EventBridge's ``detail-type``)."""

    source: str = EVENT_SOURCE
    detail_type: str
    detail: VerdictEventDetail


def _kinds(old: TargetSnapshot | None, new: TargetSnapshot) -> list[EventKind]:
    kinds: list[EventKind] = []
    before = old or TargetSnapshot(new.target_id, new.target_type, new.target)
    if new.scan_id and new.scan_id != before.scan_id and new.scanned_at:
        kinds.append("verdict.new")
    if before.decision is not None and new.decision != before.decision:
        kinds.append("decision.changed")
    if new.moderation_at and new.moderation_at != before.moderation_at:
        kinds.append("verdict.moderated")
    if new.listed and not before.listed:
        kinds.append("target.listed")
    if before.listed and not new.listed:
        kinds.append("target.delisted")
    if new.listed and before.liveness_status and new.liveness_status != before.liveness_status:
        kinds.append("target.status_changed")  # e.g. dormant: out of the hosts, adblock and RPZ lists
    return kinds


def _event_id(new: TargetSnapshot, kind: str) -> str:
    # The same stream record delivered twice yields the same id, so a consumer can drop the repeat.
    identity = f"{new.target_id}|{kind}|{new.rev}|{new.scan_id}|{new.liveness_status}"
    return hashlib.sha256(identity.encode()).hexdigest()[:32]


def derive_events(
    old: TargetSnapshot | None, new: TargetSnapshot | None, *, base_url: str, occurred_at: str
) -> list[VerdictEvent]:
    """The events one change of a target's CURRENT item stands for (none for a pending-scan note)."""
    if new is None:
        if old is None or not old.listed:
            return []
        gone = TargetSnapshot(old.target_id, old.target_type, old.target, rev=old.rev + 1)
        return [_event("target.delisted", old, gone, base_url, occurred_at)]
    return [_event(kind, old, new, base_url, occurred_at) for kind in _kinds(old, new)]


def _event(
    kind: EventKind, old: TargetSnapshot | None, new: TargetSnapshot, base_url: str, occurred_at: str
) -> VerdictEvent:
    target_url = f"{base_url}/v1/targets/{new.target_id}"
    moderation = (
        EventModeration(
            action=new.moderation_action, by=new.moderation_by, at=new.moderation_at, reason=new.moderation_reason
        )
        if new.moderation_action
        else None
    )
    categories = (
        [EventCategory(category=new.category, subcategory=new.subcategory, severity=new.severity)]
        if new.category
        else []
    )
    detail = VerdictEventDetail(
        event_id=_event_id(new, kind),
        kind=kind,
        occurred_at=occurred_at,
        target=EventTarget(target_id=new.target_id, type=new.target_type, target=new.target),
        decision=new.decision,
        effective_decision=new.effective_decision,
        previous_decision=old.decision if old else None,
        previous_effective_decision=old.effective_decision if old else None,
        outcome=new.outcome,
        categories=categories,
        actions=list(new.actions),
        rules_version=new.rules_version,
        scan_id=new.scan_id,
        scanned_at=new.scanned_at,
        public_reason=new.public_reason,
        moderation=moderation,
        status=new.liveness_status,
        last_checked=new.last_checked,
        links=EventLinks(status=target_url, evidence=f"{target_url}#verdict"),
    )
    return VerdictEvent(detail_type=DETAIL_TYPES[kind], detail=detail)
