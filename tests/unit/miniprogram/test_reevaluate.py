"""Linked pages: a child scan's block reaches the mini-program that links or pushes to it."""

from __future__ import annotations

from collections.abc import Callable

from linkscan.miniprogram import reevaluate
from linkscan.models import CategoryScore, Verdict
from tests.unit.miniprogram.helpers import event_metadata, metadata

Scan = Callable[..., Verdict]
PARTNER = "https://deals.partner-trips.example/weekend"
WEBVIEW = "https://m.partner-trips.example/h5/booking"


def test_children_that_are_not_blocked_change_nothing(scan: Scan) -> None:
    meta = event_metadata("blocked_link_only")
    verdict = scan(meta)
    assert reevaluate(verdict, meta, {PARTNER: "review", WEBVIEW: "allow"}) == verdict


def test_reevaluation_recomputes_from_the_scan_instead_of_stacking(scan: Scan) -> None:
    meta = event_metadata("blocked_link_only")
    verdict = scan(meta)
    first = reevaluate(verdict, meta, {WEBVIEW: "block"})
    again = reevaluate(first, meta, {WEBVIEW: "allow"})  # the page was cleared on appeal
    assert first.decision == "block"
    assert again.decision == verdict.decision == "allow"
    assert again.categories == verdict.categories and again.reasons == verdict.reasons
    twice = reevaluate(first, meta, {WEBVIEW: "block"})
    assert len(twice.reasons) == len(first.reasons)


def test_a_push_cue_on_the_page_makes_a_link_pushed(scan: Scan) -> None:
    meta = metadata(pages=[{"path": "p", "text": "额度秒到，立即申请", "links": ["https://apply.example/x"]}])
    verdict = reevaluate(scan(meta), meta, {"https://apply.example/x": "block"})
    assert verdict.decision == "block"
    assert any("pushed (立即申请)" in reason for reason in verdict.reasons)


def test_child_verdict_category_is_carried_and_keys_match_canonical_urls(scan: Scan) -> None:
    meta = metadata(navigation=[{"url": "HTTP://Loan.Example:80/h5/../apply#top"}])
    child = Verdict(
        target_id="u0",
        target="http://loan.example/apply",
        decision="block",
        categories=[CategoryScore(category="cash_loan", subcategory="predatory_loan", score=0.95)],
    )
    verdict = reevaluate(scan(meta), meta, {"http://loan.example/apply": child})
    assert verdict.decision == "block"
    linked = [c for c in verdict.categories if c.evidence and c.evidence[0].rule == "miniprogram.linked_page"]
    assert [(c.category, c.subcategory) for c in linked] == [("cash_loan", "predatory_loan")]
    assert linked[0].evidence[0].field == "navigation[0]"
    assert verdict.actions


def test_prior_violations_escalate_the_actions(scan: Scan) -> None:
    meta = event_metadata("counterfeit_shop")
    first, repeat = scan(meta), scan(meta, prior_violations=1)
    ladder = ["warn", "restrict", "ban"]
    assert ladder.index(repeat.actions[0]) == min(ladder.index(first.actions[0]) + 1, 2)
