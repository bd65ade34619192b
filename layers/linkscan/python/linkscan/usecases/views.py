"""Read views: a submission's status, a target's current verdict and history, the appeal queue, a developer's apps."""

from __future__ import annotations

from typing import Any

from linkscan.api_models import MiniProgramSummary, PrincipalApps, SubmissionStatus, TargetView
from linkscan.blocklist.appeals import AppealItem, AppealPage, AppealStatus
from linkscan.errors import NotFoundError
from linkscan.models import Verdict
from linkscan.stores import RecordStore


def _state(state: str, verdict: Verdict | None) -> Any:
    """A finished scan that analyzed nothing (the fetch failed) is not_scanned, never a plain done."""
    return "not_scanned" if state == "done" and verdict is not None and not verdict.judged else state


def submission_status(submission_id: str, records: RecordStore) -> SubmissionStatus:
    sub = records.submission(submission_id)
    scan = records.scan(sub.scan_id)
    verdict = None
    if scan is not None and scan.verdict_key:
        verdict = records.verdict(sub.target_id, scan.verdict_key)
    return SubmissionStatus(
        submission_id=submission_id,
        target_id=sub.target_id,
        target_type=sub.target_type,
        target=sub.target,
        state=_state(scan.state if scan is not None else "queued", verdict),
        submitted_at=sub.created_at,
        attempts=scan.attempts if scan is not None else 0,
        last_error=scan.last_error if scan is not None else None,
        verdict=verdict,
    )


def target_view(target_id: str, records: RecordStore) -> TargetView:
    current = records.current(target_id)
    if current is None:
        raise NotFoundError(f"no target {target_id}")
    history = records.history(target_id, limit=20)
    return TargetView(
        target_id=target_id,
        target_type=current.target_type,
        target=current.target,
        decision=current.decision,
        judged=history[0].judged if history else None,
        effective_decision=current.effective_decision,
        scanned_at=current.scanned_at,
        moderation=current.moderation.as_dict() if current.moderation else None,
        verdict=history[0] if history else None,
        history=history,
        appeals=[appeal.public() for appeal in records.appeals(target_id)],
    )


def appeal_queue(status: AppealStatus, limit: int, next_token: str | None, *, records: RecordStore) -> AppealPage:
    """One page of the moderators' appeal queue, each appeal with its target's current decision."""
    items, following = records.appeal_queue(status, limit, next_token)
    currents = records.currents([appeal.target_id for appeal in items])
    appeals = []
    for appeal in items:
        current = currents.get(appeal.target_id)
        decisions = {"decision": current.decision, "effective_decision": current.effective_decision} if current else {}
        appeals.append(AppealItem.model_validate({**appeal.public(), **decisions}))
    return AppealPage(status=status, appeals=appeals, next_token=following)


def principal_apps(principal: str, records: RecordStore) -> PrincipalApps:
    return PrincipalApps(
        principal=principal,
        miniprograms=[
            MiniProgramSummary(
                appid=app.target,
                target_id=app.target_id,
                decision=app.decision,
                effective_decision=app.effective_decision,
                scanned_at=app.scanned_at,
            )
            for app in records.principal_apps(principal)
        ],
    )
