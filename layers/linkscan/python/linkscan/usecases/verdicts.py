"""Recording a verdict on its target: the one place a scan's result reaches storage."""

from __future__ import annotations

from linkscan.clock import utc_now
from linkscan.items import CurrentUpdate, TargetRecord
from linkscan.messages import ScanMessage
from linkscan.models import Verdict
from linkscan.scanner import effective_decision, listing_scope_hint, public_reason
from linkscan.stores import Backend

# Outcomes after which the page was read: anything else is a failed fetch, which keeps an earlier decision.
_READ_OUTCOMES = ("ok", "not_fetched", "analysis_limit")


def record_verdict(
    verdict: Verdict,
    backend: Backend,
    *,
    principal: str | None = None,
    metadata_key: str | None = None,
    rescan: bool = False,
) -> bool:
    """Store the verdict once and move its target forward; False when this scan's verdict was already stored.

    A moderator's decision on the target outlasts the verdict, a failed fetch keeps an earlier real
    decision (a site that is down for a while is not delisted), and a rescan that finds a listed page clean
    keeps it listed (liveness decides about dormancy: rescan/liveness.py).
    """
    reason = public_reason(verdict)
    scope = listing_scope_hint(verdict.target) if verdict.target_type == "url" else None

    def update_for(current: TargetRecord | None) -> CurrentUpdate:
        moderation = current.moderation if current is not None else None
        return CurrentUpdate(
            verdict=verdict,
            effective_decision=effective_decision(verdict.decision, moderation.action if moderation else None),
            public_reason=reason,
            listing_scope=scope,
            principal=principal,
            metadata_key=metadata_key,
            keep_previous_decision=_keeps_previous_decision(verdict, current, rescan=rescan),
        )

    return backend.records.record_verdict(verdict, update_for)


def _keeps_previous_decision(verdict: Verdict, current: TargetRecord | None, *, rescan: bool) -> bool:
    if current is None or current.decision is None:
        return False
    if verdict.outcome not in _READ_OUTCOMES:
        return True
    return rescan and verdict.decision != "block" and current.decision == "block"


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
    return record_verdict(verdict, backend)
