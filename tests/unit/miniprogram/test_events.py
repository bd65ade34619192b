"""Acceptance: every submission event, parsed and scanned with the real detector."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from linkscan.miniprogram import reevaluate, target_id_for_appid
from linkscan.models import Verdict
from tests.support import load_event
from tests.unit.miniprogram.helpers import event_metadata, extra_items, submission_body, with_changes

Scan = Callable[..., Verdict]
SCENARIOS = [
    "clean",
    "cashloan_wrong_category",
    "counterfeit_shop",
    "contraband_seller",
    "apk_download",
    "blocked_link_only",
]


@pytest.mark.parametrize("scenario", [*SCENARIOS, "metadata_url"])
def test_event_is_a_rest_proxy_submission_from_an_iam_caller(scenario: str) -> None:
    event = load_event(f"api_submit_miniprogram_{scenario}.json")
    assert (event["httpMethod"], event["path"], event["resource"]) == ("POST", "/v1/submissions", "/v1/submissions")
    assert event["requestContext"]["identity"]["userArn"].startswith("arn:aws:sts::")
    assert event["headers"]["Authorization"].startswith("AWS4-HMAC-SHA256 ")
    assert submission_body(scenario)["type"] == "miniprogram"


def test_clean_mini_program_is_allowed_without_actions(scan: Scan) -> None:
    meta = event_metadata("clean")
    verdict = scan(meta)
    assert verdict.decision == "allow"
    assert verdict.actions == []
    assert verdict.categories == []
    assert verdict.reasons == []
    assert (verdict.target_type, verdict.target, verdict.target_id) == (
        "miniprogram",
        meta.appid,
        target_id_for_appid(meta.appid),
    )


def test_cash_loan_registered_as_bookkeeping_tool_is_blocked_as_qualification_evasion(scan: Scan) -> None:
    verdict = scan(event_metadata("cashloan_wrong_category"))
    assert verdict.decision == "block"
    assert verdict.categories[0].category == "cash_loan"
    assert any(r.startswith("qualification evasion: 网络借贷/小额贷款") for r in verdict.reasons)
    assert set(verdict.actions) & {"restrict", "ban"}
    gap = extra_items(verdict, "qualification_gaps")[0]
    assert gap["topic"] == "lending" and not gap["category_covered"] and not gap["licence_held"]


def test_a_lending_licence_does_not_excuse_predatory_terms_no_licence_permits(scan: Scan) -> None:
    # Given the loan app's own pages ("不看征信", "黑户"...) under a microcredit licence and category
    evading = event_metadata("cashloan_wrong_category")
    licence = {"type": "小额贷款经营许可证", "number": "粤深小贷〔2024〕12号", "issuer": "深圳市地方金融监督管理局"}
    licensed = with_changes(evading, categories=["金融业-小额贷款"], qualifications=[licence])
    # When both are scanned
    evaded, covered = scan(evading), scan(licensed)
    # Then the licence voids nothing: the gap names the breach, and the grade table bans both alike
    gap = extra_items(covered, "qualification_gaps")[0]
    assert gap["category_covered"] and not gap["licence_held"]
    assert any("content no licence permits" in r for r in covered.reasons)
    assert evaded.actions == covered.actions == ["ban"]


def test_counterfeit_shop_is_blocked_and_its_brand_claim_counts_as_impersonation(scan: Scan) -> None:
    verdict = scan(event_metadata("counterfeit_shop"))
    assert verdict.decision == "block"
    assert {(c.category, c.subcategory) for c in verdict.categories} >= {("counterfeit", "impersonation")}
    assert any(r.startswith("impersonation: Louis Vuitton") for r in verdict.reasons)
    assert verdict.actions


def test_contraband_seller_is_blocked_with_evidence_from_its_pages(scan: Scan) -> None:
    verdict = scan(event_metadata("contraband_seller"))
    assert verdict.decision == "block"
    assert verdict.categories[0].category == "contraband"
    assert {e.field for e in verdict.categories[0].evidence} <= {"pages[0].text", "pages[1].text", "pages[1].title"}
    assert verdict.actions == ["ban"]


def test_apk_download_leading_is_reviewed_with_a_channel_leading_reason(scan: Scan) -> None:
    verdict = scan(event_metadata("apk_download"))
    assert verdict.decision == "review"
    assert any(r.startswith("channel leading:") and "app_download" in r for r in verdict.reasons)
    kinds = {item["kind"] for item in extra_items(verdict, "channel_leading")}
    assert {"app_download", "copy_to_browser"} <= kinds
    assert verdict.actions == []


def test_apk_download_leading_with_loan_content_is_blocked(scan: Scan) -> None:
    meta = event_metadata("apk_download")
    loan_page = {"path": "pages/loan/loan", "title": "急用钱", "text": "下载APP借款，最高额度5万，放款快，日息低。"}
    with_loan = with_changes(meta, pages=[*meta.model_dump()["pages"], loan_page])
    verdict = scan(with_loan)
    assert verdict.decision == "block"
    assert any(c.category == "cash_loan" for c in verdict.categories)
    assert verdict.actions


def test_link_to_blocked_page_is_allowed_alone_then_reviewed_or_blocked_by_reevaluation(scan: Scan) -> None:
    meta = event_metadata("blocked_link_only")
    verdict = scan(meta)
    assert verdict.decision == "allow"
    partner_page, booking_webview = (
        "https://deals.partner-trips.example/weekend",
        "https://m.partner-trips.example/h5/booking",
    )
    assert set(extra_items(verdict, "outbound_urls")) == {partner_page, booking_webview}

    linked = reevaluate(verdict, meta, {partner_page: "block", booking_webview: "allow"})
    assert linked.decision == "review"
    assert any(r.startswith("linked page blocked: " + partner_page) for r in linked.reasons)

    pushed = reevaluate(verdict, meta, {booking_webview: "block"})
    assert pushed.decision == "block"
    assert pushed.actions
    assert any("pushed (navigation)" in r for r in pushed.reasons)
