"""What the API shows: a submission's state, a target with history and appeals; moderation and its appeals."""

from __future__ import annotations

import pytest

from linkscan.api_models import DecisionRequest
from linkscan.errors import NotFoundError
from linkscan.items import AppealRecord
from linkscan.settings import ServiceSettings
from linkscan.stores import Backend
from linkscan.usecases.intake import ScanRequest, request_scans
from linkscan.usecases.moderation import moderate
from linkscan.usecases.verdicts import record_verdict
from linkscan.usecases.views import appeal_queue, submission_status, target_view
from tests.unit.usecases.conftest import LOAN, verdict_for


def _submitted(backend: Backend, settings: ServiceSettings) -> tuple[str, str]:
    (intake,) = request_scans([ScanRequest("u1", "url", LOAN)], requested_by="p", settings=settings, backend=backend)
    return intake.submission_id, intake.scan_id


def test_a_submission_is_queued_until_its_verdict_is_recorded(backend: Backend, settings: ServiceSettings) -> None:
    submission_id, scan_id = _submitted(backend, settings)
    assert submission_status(submission_id, backend.records).state == "queued"

    record_verdict(verdict_for("u1", LOAN, scan_id, "2026-12-01T00:00:00Z", decision="block"), backend)

    status = submission_status(submission_id, backend.records)
    assert status.state == "done" and status.verdict is not None and status.verdict.decision == "block"


def test_a_scan_that_read_nothing_is_not_scanned_and_keeps_the_earlier_decision(
    backend: Backend, settings: ServiceSettings
) -> None:
    _, first = _submitted(backend, settings)
    record_verdict(verdict_for("u1", LOAN, first, "2026-12-01T00:00:00Z", decision="block"), backend)
    (again,) = request_scans(
        [ScanRequest("u1", "url", LOAN, force=True)], requested_by="p", settings=settings, backend=backend
    )

    failed = verdict_for("u1", LOAN, again.scan_id, "2026-12-02T00:00:00Z", decision="allow", outcome="dns_error")
    record_verdict(failed, backend)

    assert submission_status(again.submission_id, backend.records).state == "not_scanned"
    view = target_view("u1", backend.records)
    assert view.decision == "block" and view.judged is False and len(view.history) == 2


def test_an_unknown_target_is_not_found(backend: Backend) -> None:
    with pytest.raises(NotFoundError):
        target_view("u-unknown", backend.records)


def test_an_overturn_changes_the_effective_decision_and_resolves_open_appeals(
    backend: Backend, settings: ServiceSettings
) -> None:
    _, scan_id = _submitted(backend, settings)
    record_verdict(verdict_for("u1", LOAN, scan_id, "2026-12-01T00:00:00Z", decision="block"), backend)
    appeal = AppealRecord("a1", "u1", LOAN, "owner@example.com", "Licensed lender.", "198.51.100.7", "2026-12-02")
    backend.records.record_appeal(appeal)
    assert [a.appeal_id for a in appeal_queue("open", 10, None, records=backend.records).appeals] == ["a1"]

    view = moderate("u1", DecisionRequest(action="overturn", reason="licensed"), caller="mod", records=backend.records)

    assert (view.decision, view.effective_decision) == ("block", "allow")
    assert view.moderation is not None and view.moderation["by"] == "mod"
    assert appeal_queue("open", 10, None, records=backend.records).appeals == []
    (resolved,) = appeal_queue("resolved", 10, None, records=backend.records).appeals
    assert resolved.resolution is not None and resolved.resolution.action == "overturn"
    assert resolved.effective_decision == "allow"


def test_a_later_scan_does_not_undo_a_moderators_decision(backend: Backend, settings: ServiceSettings) -> None:
    _, scan_id = _submitted(backend, settings)
    record_verdict(verdict_for("u1", LOAN, scan_id, "2026-12-01T00:00:00Z", decision="block"), backend)
    moderate("u1", DecisionRequest(action="overturn", reason="licensed"), caller="mod", records=backend.records)

    record_verdict(verdict_for("u1", LOAN, "s2", "2026-12-03T00:00:00Z", decision="block"), backend)

    assert target_view("u1", backend.records).effective_decision == "allow"
