"""The dead-letter redrive answers every scan: requeued or recorded as scan_failed; a late duplicate is dropped."""

from __future__ import annotations

import json

from linkscan.messages import ScanMessage
from linkscan.stores import Backend
from linkscan.usecases.redrive import redrive_dead_letters
from linkscan.usecases.verdicts import record_verdict
from tests.memory_store import MemoryQueue
from tests.unit.usecases.conftest import LOAN, verdict_for


def _dead_letters(*scan_ids: str) -> MemoryQueue:
    queue = MemoryQueue()
    queue.send([ScanMessage(scan_id=s, target_id="u1", target_type="url", target=LOAN).model_dump() for s in scan_ids])
    return queue


def test_recording_answers_each_scan_with_scan_failed_and_empties_the_queue(backend: Backend) -> None:
    dead = _dead_letters("s1")

    report = redrive_dead_letters(dead, requeue=False, backend=backend)

    assert (report.recorded, report.requeued, dead.messages) == (1, 0, [])
    scan = backend.records.scan("s1")
    assert scan is not None and scan.verdict_key is not None
    verdict = backend.records.verdict("u1", scan.verdict_key)
    assert verdict is not None and verdict.outcome == "scan_failed" and not verdict.judged


def test_requeueing_sends_the_scan_back_and_a_scan_already_answered_is_dropped(backend: Backend) -> None:
    record_verdict(verdict_for("u1", LOAN, "s-done", "2026-12-01T00:00:00Z", decision="allow"), backend)
    dead = _dead_letters("s-done", "s-open")

    report = redrive_dead_letters(dead, requeue=True, backend=backend)

    assert (report.already_done, report.requeued, dead.messages) == (1, 1, [])
    assert isinstance(backend.queue, MemoryQueue)
    assert [body["scan_id"] for body in backend.queue.bodies()] == ["s-open"]


def test_a_message_that_is_no_scan_request_stays_in_the_queue(backend: Backend) -> None:
    dead = MemoryQueue()
    dead.send([{"scan_id": "x", "not": "a scan"}])

    report = redrive_dead_letters(dead, requeue=False, backend=backend)

    assert len(report.unreadable) == 1 and len(dead.messages) == 1
    assert json.loads(dead.messages[0].body)["not"] == "a scan"
