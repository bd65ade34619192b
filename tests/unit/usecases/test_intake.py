"""Intake: one scan per target, recent verdicts and queued scans reused, nothing stored for a bad batch."""

from __future__ import annotations

import pytest

from linkscan.api_models import UrlSubmission
from linkscan.clock import utc_now
from linkscan.errors import InvalidInputError
from linkscan.settings import ServiceSettings
from linkscan.stores import Backend
from linkscan.usecases.intake import ScanRequest, request_scans
from linkscan.usecases.submissions import submit
from linkscan.usecases.verdicts import record_verdict
from tests.memory_store import MemoryQueue, MemoryRecords
from tests.unit.usecases.conftest import LOAN, verdict_for


def _submit(backend: Backend, settings: ServiceSettings, *urls: str, force: bool = False) -> list[str]:
    items = [UrlSubmission(type="url", url=url, force=force) for url in urls]
    receipts = submit(items, batch=True, caller="p", base_url="https://api", settings=settings, backend=backend)
    return [receipt.status for receipt in receipts]


def _queued(backend: Backend) -> list[str]:
    assert isinstance(backend.queue, MemoryQueue)
    return [body["target"] for body in backend.queue.bodies()]


def test_a_new_link_is_recorded_and_queued_once_even_when_submitted_twice(
    backend: Backend, settings: ServiceSettings
) -> None:
    assert _submit(backend, settings, LOAN, LOAN) == ["queued", "queued"]

    assert _queued(backend) == [LOAN]
    records = backend.records
    assert isinstance(records, MemoryRecords)
    scans = {sub.scan_id for sub in records.submissions.values()}
    assert len(records.submissions) == 2 and len(scans) == 1
    assert [sub.deduplicated for sub in records.submissions.values()] == [False, True]


def test_a_queued_scan_is_joined_by_a_later_submission(backend: Backend, settings: ServiceSettings) -> None:
    _submit(backend, settings, LOAN)

    assert _submit(backend, settings, LOAN) == ["queued"]
    assert _queued(backend) == [LOAN]


def _judged(backend: Backend, settings: ServiceSettings, outcome: str) -> str:
    (intake,) = request_scans([ScanRequest("u1", "url", LOAN)], requested_by="p", settings=settings, backend=backend)
    verdict = verdict_for("u1", LOAN, intake.scan_id, utc_now(), decision="block", outcome=outcome)
    assert record_verdict(verdict, backend)
    return intake.scan_id


def test_a_recent_verdict_answers_a_new_submission_without_a_scan(backend: Backend, settings: ServiceSettings) -> None:
    scan_id = _judged(backend, settings, "ok")

    (intake,) = request_scans([ScanRequest("u1", "url", LOAN)], requested_by="p", settings=settings, backend=backend)

    assert (intake.status, intake.scan_id, intake.deduplicated) == ("done", scan_id, True)
    assert len(_queued(backend)) == 1  # only the first scan


@pytest.mark.parametrize(("outcome", "force"), [("dns_error", False), ("ok", True)])
def test_a_failed_fetch_or_force_scans_again(
    backend: Backend, settings: ServiceSettings, outcome: str, force: bool
) -> None:
    first = _judged(backend, settings, outcome)

    (intake,) = request_scans(
        [ScanRequest("u1", "url", LOAN, force=force)], requested_by="p", settings=settings, backend=backend
    )

    assert intake.status == "queued" and intake.scan_id != first and not intake.deduplicated


def test_a_scan_the_queue_refuses_is_marked_failed(backend: Backend, settings: ServiceSettings) -> None:
    assert isinstance(backend.queue, MemoryQueue)
    backend.queue.refuse = True

    assert _submit(backend, settings, LOAN) == ["failed"]
    (scan,) = backend.records.scans.values()  # type: ignore[attr-defined]
    assert scan.state == "failed" and "did not accept" in (scan.last_error or "")


def test_an_invalid_item_stores_nothing_of_the_batch(backend: Backend, settings: ServiceSettings) -> None:
    with pytest.raises(InvalidInputError) as caught:
        _submit(backend, settings, LOAN, "ftp://files.example/loan.zip")

    assert caught.value.field == "submissions[1].url"
    assert backend.records.submissions == {} and _queued(backend) == []  # type: ignore[attr-defined]
