"""What the main table holds, one typed record per item kind; storage maps them to and from DynamoDB.

Code above ``linkscan.storage`` reads and writes these records and never an item's attribute names.
``advance_target`` is how a finished scan moves a target's current state forward: both stores (DynamoDB
and the in-memory one the use-case tests run on) apply exactly what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from linkscan.models import Verdict

ScanState = Literal["queued", "scanning", "retrying", "done", "failed"]


@dataclass(frozen=True)
class Moderation:
    """A moderator's decision on a target: ``uphold`` or ``overturn`` the scanner's verdict."""

    action: str
    by: str = ""
    at: str = ""
    reason: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"action": self.action, "by": self.by, "at": self.at, "reason": self.reason}


@dataclass(frozen=True)
class Liveness:
    """A listed link's liveness as the last rescan found it (rescan/liveness.py): online, offline or dormant."""

    status: str
    last_checked: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"status": self.status, "last_checked": self.last_checked}


@dataclass(frozen=True)
class TargetRecord:
    """A target's current state: its latest verdict's summary, moderation, and a scan in the queue.

    ``decision`` is None until a scan judged something. ``verdict_key`` is the store's handle on the
    latest verdict (pass it back to ``verdict``); ``revision`` guards every update of the record.
    """

    target_id: str
    target_type: str = "url"
    target: str = ""
    decision: str | None = None
    effective_decision: str | None = None
    scan_id: str | None = None
    scanned_at: str | None = None
    verdict_key: str | None = None
    outcome: str | None = None
    rules_version: str | None = None
    score: float | None = None
    category: str | None = None
    subcategory: str | None = None
    severity: str | None = None
    public_reason: str | None = None
    actions: tuple[str, ...] | None = None
    listing_scope: str | None = None
    landing_url: str | None = None  # where the latest scan's redirects ended, when not at ``target``
    moderation: Moderation | None = None
    principal: str | None = None  # a mini-program's registered developer
    metadata_key: str | None = None  # where a mini-program's metadata is kept, for re-evaluations
    pending_scan_id: str | None = None  # a scan queued for this target, which new submissions join
    pending_since: str | None = None
    liveness: Liveness | None = None  # set by rescans only; a scan's verdict leaves it as it is
    revision: int = 0  # 0: never revised


@dataclass(frozen=True)
class CurrentUpdate:
    """What a finished scan writes to its target's current state (see docs/storage.md)."""

    verdict: Verdict
    effective_decision: str
    public_reason: str
    listing_scope: str | None = None
    principal: str | None = None
    metadata_key: str | None = None
    keep_previous_decision: bool = False  # a failed fetch never overturns an earlier verdict


def advance_target(current: TargetRecord | None, update: CurrentUpdate, verdict_key: str) -> TargetRecord:
    """The target's state once ``update``'s verdict is recorded on top of ``current``.

    A value the verdict does not have (None) leaves the current one; a decision kept from an earlier
    verdict keeps its summary and landing page; the scan's pending mark is cleared.
    """
    verdict = update.verdict
    base = current or TargetRecord(target_id=verdict.target_id)
    top = verdict.categories[0] if verdict.categories else None
    final_url = verdict.fetch.final_url if verdict.fetch and verdict.target_type == "url" else None
    landing_url = final_url if final_url and final_url != verdict.target else None
    changes: dict[str, Any] = {
        "target_id": verdict.target_id,
        "target_type": verdict.target_type,
        "target": verdict.target,
        "scan_id": verdict.scan_id,
        "scanned_at": verdict.scanned_at,
        "verdict_key": verdict_key,
        "outcome": verdict.outcome,
        "rules_version": verdict.rules_version,
        "listing_scope": update.listing_scope,
        "principal": update.principal,
        "metadata_key": update.metadata_key,
    }
    if not update.keep_previous_decision:
        changes |= {
            "landing_url": landing_url,
            "decision": verdict.decision,
            "effective_decision": update.effective_decision,
            "score": verdict.score,
            "category": top.category if top else None,
            "subcategory": top.subcategory if top else None,
            "severity": top.severity if top else None,
            "public_reason": update.public_reason,
            "actions": tuple(verdict.actions),
        }
    kept = {name: value for name, value in changes.items() if value is not None}
    advanced = replace(base, **kept, revision=base.revision + 1)
    if base.pending_scan_id == verdict.scan_id:
        advanced = replace(advanced, pending_scan_id=None, pending_since=None)
    if not update.keep_previous_decision and landing_url is None:
        advanced = replace(advanced, landing_url=None)  # not redirected away: the old landing page is released
    return advanced


def changed_fields(before: TargetRecord | None, after: TargetRecord) -> tuple[dict[str, Any], list[str]]:
    """The fields ``after`` sets (new or different values) and those it clears, relative to ``before``."""
    set_fields: dict[str, Any] = {}
    cleared: list[str] = []
    for spec in fields(TargetRecord):
        old = getattr(before, spec.name) if before is not None else None
        new = getattr(after, spec.name)
        if new is None and old is not None:
            cleared.append(spec.name)
        elif new is not None and new != old:
            set_fields[spec.name] = new
    return set_fields, cleared


@dataclass(frozen=True)
class SubmissionRecord:
    """Who submitted what, and which scan answers it."""

    submission_id: str
    target_id: str
    target_type: str
    target: str
    scan_id: str
    submitted_by: str
    created_at: str
    deduplicated: bool = False
    metadata_key: str | None = None


@dataclass(frozen=True)
class ScanRecord:
    """One scan's progress; ``verdict_key`` is set once its verdict is recorded."""

    scan_id: str
    state: ScanState = "queued"
    attempts: int = 0
    last_error: str | None = None
    last_outcome: str | None = None
    verdict_key: str | None = None


@dataclass(frozen=True)
class ChildLink:
    """A mini-program's outbound web link, scanned as a target of its own."""

    child_id: str
    url: str


@dataclass(frozen=True)
class AppealRecord:
    """A site owner's appeal against a listing; ``token_hash`` checks the appellant's status token."""

    appeal_id: str
    target_id: str
    url: str
    contact: str
    reason: str
    source_ip: str
    created_at: str
    token_hash: str = ""
    state: Literal["open", "resolved"] = "open"
    resolution: dict[str, Any] = field(default_factory=dict)
    resolved_at: str | None = None

    def public(self) -> dict[str, Any]:
        """The appeal as moderators see it (never the token hash)."""
        shown = {
            "appeal_id": self.appeal_id,
            "target_id": self.target_id,
            "url": self.url,
            "contact": self.contact,
            "reason": self.reason,
            "source_ip": self.source_ip,
            "created_at": self.created_at,
            "state": self.state,
            "resolution": self.resolution or None,
            "resolved_at": self.resolved_at,
        }
        return {name: value for name, value in shown.items() if value is not None}
