"""Which events a change of a target's CURRENT item stands for, and what they carry."""

from __future__ import annotations

import dataclasses

from linkscan.events.model import DETAIL_TYPES, TargetSnapshot, derive_events

BASE = "https://api.example"
AT = "2026-12-07T10:00:00Z"


def _loan(**changes: object) -> TargetSnapshot:
    snapshot = TargetSnapshot(
        target_id="u1",
        target_type="url",
        target="https://loan.example/apply",
        rev=1,
        decision="block",
        effective_decision="block",
        scan_id="s1",
        scanned_at="2026-12-07T09:59:00Z",
        outcome="ok",
        category="cash_loan",
        subcategory="predatory_loan",
        severity="high",
        actions=("block",),
        rules_version="r1",
        verdict_sk="VERDICT#2026-12-07T09:59:00Z#s1",
    )
    return dataclasses.replace(snapshot, **changes)  # type: ignore[arg-type]


def _kinds(old: TargetSnapshot | None, new: TargetSnapshot | None) -> list[str]:
    return [event.detail.kind for event in derive_events(old, new, base_url=BASE, occurred_at=AT)]


def test_a_first_block_verdict_is_a_new_verdict_and_a_listing() -> None:
    assert _kinds(None, _loan()) == ["verdict.new", "target.listed"]


def test_a_pending_scan_note_is_no_event() -> None:
    pending = TargetSnapshot(target_id="u1", target_type="url", target="https://loan.example/apply")
    assert _kinds(None, pending) == []


def test_a_rescan_that_changes_the_decision_is_a_decision_change_and_a_delisting() -> None:
    later = _loan(rev=2, scan_id="s2", scanned_at=AT, decision="allow", effective_decision="allow")
    assert _kinds(_loan(), later) == ["verdict.new", "decision.changed", "target.delisted"]


def test_a_moderator_overturn_is_a_moderation_and_a_delisting() -> None:
    overturned = _loan(
        rev=2, effective_decision="allow", moderation_action="overturn", moderation_by="mod", moderation_at=AT
    )
    assert _kinds(_loan(), overturned) == ["verdict.moderated", "target.delisted"]


def test_a_deleted_listed_target_is_delisted() -> None:
    assert _kinds(_loan(), None) == ["target.delisted"]


def test_a_listed_link_going_dormant_and_back_is_a_status_change() -> None:
    online = _loan(liveness_status="online", last_checked="2026-12-07T09:00:00Z")
    dormant = _loan(liveness_status="dormant", last_checked="2026-12-14T09:00:00Z")
    (event,) = derive_events(online, dormant, base_url=BASE, occurred_at=AT)
    assert event.detail.kind == "target.status_changed" and event.detail_type == "Listing Status Changed"
    assert (event.detail.status, event.detail.last_checked) == ("dormant", "2026-12-14T09:00:00Z")
    assert _kinds(dormant, online) == ["target.status_changed"]
    assert _kinds(None, online) == ["verdict.new", "target.listed"]  # a first status is no change


def test_mini_programs_are_never_listed() -> None:
    app = _loan(target_type="miniprogram", target="wx0123456789abcdef")
    assert _kinds(None, app) == ["verdict.new"]


def test_the_event_carries_the_documented_fields_and_links() -> None:
    (event, _listed) = derive_events(None, _loan(), base_url=BASE, occurred_at=AT)
    assert event.source == "linkscan" and event.detail_type == DETAIL_TYPES["verdict.new"] == "Verdict Recorded"
    detail = event.detail.model_dump()
    assert detail["schema_version"] == "1"
    assert detail["target"] == {"target_id": "u1", "type": "url", "target": "https://loan.example/apply"}
    assert detail["decision"] == "block" and detail["actions"] == ["block"] and detail["rules_version"] == "r1"
    assert detail["categories"] == [{"category": "cash_loan", "subcategory": "predatory_loan", "severity": "high"}]
    assert detail["links"]["status"] == f"{BASE}/v1/targets/u1"
    assert detail["links"]["evidence"].startswith(f"{BASE}/v1/targets/u1")


def test_a_redelivered_change_gives_the_same_event_ids() -> None:
    first = derive_events(None, _loan(), base_url=BASE, occurred_at=AT)
    again = derive_events(None, _loan(), base_url=BASE, occurred_at="2026-12-07T10:05:00Z")
    assert [e.detail.event_id for e in first] == [e.detail.event_id for e in again]
    assert len({e.detail.event_id for e in first}) == 2
