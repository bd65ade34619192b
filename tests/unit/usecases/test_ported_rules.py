"""Rules the other branches added to the scan path, in their use cases: a rescan never delists on its own,
a jump's target is judged from the metadata its target record names, and a QR code's links become scans."""

from __future__ import annotations

import json

from linkscan.detect import Detector
from linkscan.settings import ServiceSettings
from linkscan.stores import Backend
from linkscan.usecases.scanning import _queue_linked
from linkscan.usecases.verdicts import record_verdict
from tests.memory_store import MemoryQueue
from tests.support import jump_hub_submission, load_event
from tests.unit.usecases.conftest import LOAN, submit_and_scan_miniprogram, verdict_for


def test_a_clean_rescan_keeps_a_listed_link_listed_and_a_clean_scan_does_not(backend: Backend) -> None:
    record_verdict(verdict_for("u1", LOAN, "s1", "2030-01-01T00:00:00Z", decision="block"), backend)

    record_verdict(verdict_for("u1", LOAN, "s2", "2030-01-02T00:00:00Z", decision="allow"), backend, rescan=True)
    kept = backend.records.current("u1")
    assert kept is not None and (kept.decision, kept.effective_decision, kept.scan_id) == ("block", "block", "s2")

    record_verdict(verdict_for("u1", LOAN, "s3", "2030-01-03T00:00:00Z", decision="allow"), backend)
    cleared = backend.records.current("u1")
    assert cleared is not None and (cleared.decision, cleared.effective_decision) == ("allow", "allow")


def test_a_rescan_that_finds_the_offer_again_records_it(backend: Backend) -> None:
    record_verdict(verdict_for("u1", LOAN, "s1", "2030-01-01T00:00:00Z", decision="allow"), backend)

    record_verdict(verdict_for("u1", LOAN, "s2", "2030-01-02T00:00:00Z", decision="block"), backend, rescan=True)

    current = backend.records.current("u1")
    assert current is not None and current.decision == "block"


def test_a_jump_is_judged_from_the_metadata_its_target_record_names_after_a_re_evaluation(
    backend: Backend, settings: ServiceSettings, detector: Detector
) -> None:
    # A loan mini-program, judged, then judged again from its stored metadata (a fresh scan id: no ids to parse)
    loan = json.loads(load_event("api_submit_miniprogram_cashloan_wrong_category.json")["body"])
    loan_id = submit_and_scan_miniprogram(loan, backend, settings, detector)
    before = backend.records.current(loan_id)
    assert before is not None and before.decision == "block"
    again = {"target_type": "miniprogram", "decision": "block"}
    record_verdict(
        verdict_for(loan_id, loan["appid"], "re-1", "2999-01-01T00:00:00Z", **again),
        backend,
        metadata_key=before.metadata_key,
    )  # as link_graph.reevaluate_parent does
    assert backend.records.current(loan_id).scan_id == "re-1"  # type: ignore[union-attr]

    hub_id = submit_and_scan_miniprogram(jump_hub_submission(loan["appid"]), backend, settings, detector)

    verdict = backend.records.history(hub_id, limit=1)[0]
    assert verdict.decision == "block"
    assert verdict.extra["jumps_scanned"] == [{"appid": loan["appid"], "field": "navigation[0]", "decision": "block"}]


def test_a_qr_codes_web_links_are_queued_as_targets_and_what_no_fetch_accepts_is_not(
    backend: Backend, settings: ServiceSettings
) -> None:
    _queue_linked(
        "u-parent",
        ["https://loan-app.example/download", "weixin://dl/business?t=abc", "ftp://files.example/app.apk", "no url"],
        settings,
        backend,
    )

    assert isinstance(backend.queue, MemoryQueue)
    assert [m["target"] for m in backend.queue.bodies()] == ["https://loan-app.example/download"]
    (submission,) = backend.records.submissions.values()  # type: ignore[attr-defined]
    assert submission.submitted_by == "qr:u-parent"
