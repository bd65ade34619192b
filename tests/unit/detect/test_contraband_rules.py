"""Contraband rule packs: the seller's words flag an offering, the same goods words in ordinary
commerce or company news do not. Texts are written for the tests, in the style of the dev set."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from linkscan.detect import Detector
from linkscan.settings import DetectionSettings

DEVSET = Path(__file__).resolve().parents[2] / "data" / "devset.jsonl"


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.load(DetectionSettings())


def verdict(detector: Detector, text: str) -> tuple[str, str | None, str | None]:
    d = detector.detect(text)
    if not d.categories:
        return d.decision, None, None
    return d.decision, d.categories[0].category, d.categories[0].subcategory


def flagged(decision: str) -> bool:
    return decision in ("review", "block")


def assert_flagged_as(detector: Detector, text: str, category: str, subcategory: str) -> None:
    decision, found_category, found_subcategory = verdict(detector, text)
    assert flagged(decision)
    assert (found_category, found_subcategory) == (category, subcategory)


def test_invoice_seller_is_flagged_but_a_shop_that_issues_invoices_is_not(detector: Detector) -> None:
    seller = "您好！如需（发*票）请联系：13912345678 王经理，诚信合作。"
    assert_flagged_as(detector, seller, "contraband", "forged_documents")
    shop = "三月家电节：预存50元抵200元，凭发票再降100元，可开发票，详询13912345678，欢迎选购！"
    assert verdict(detector, shop)[0] == "allow"


def test_licence_point_dealer_is_flagged(detector: Detector) -> None:
    text = "本店提供车辆年审、驾照代扣分业务，欢迎来电咨询 13912345678"
    assert_flagged_as(detector, text, "contraband", "forged_documents")


@pytest.mark.xfail(
    strict=True,
    reason="offer model reads this short English pitch as discussion (docs/detection.md, Limits)",
)
def test_dispensary_opening_with_a_partnership_is_an_offering(detector: Detector) -> None:
    text = (
        "Green Leaf, a cannabis retailer, opens its new dispensary at 12 Main Street today through a strategic "
        "partnership with a local grower. The store is open seven days a week; shoppers can talk to our "
        "budtenders, browse the product menu online and choose in-store pickup or curbside pickup."
    )
    assert_flagged_as(detector, text, "contraband", "drugs")


def test_cannabis_partnership_news_without_a_sale_is_allowed(detector: Detector) -> None:
    text = (
        "Green Leaf, a cannabis company, announced a strategic partnership with a data provider to study "
        "cannabis markets. Investors and shareholders welcomed the acquisition, the company said."
    )
    assert verdict(detector, text)[0] == "allow"


def test_a_holster_shops_lifetime_warranty_does_not_make_it_a_gun_seller(detector: Detector) -> None:
    text = "Our new holsters fit every Glock pistol and other handguns. Every holster comes with a lifetime warranty."
    assert verdict(detector, text)[0] == "allow"
    listing = "NETFLIX PREMIUM ACCOUNT LIFETIME WARRANTY - instant delivery after your order"
    assert_flagged_as(detector, listing, "contraband", "personal_data")


def test_darknet_shipping_words_offer_named_drugs(detector: Detector) -> None:
    decision, category, _ = verdict(detector, "Amnesia Haze weed 28 grams - ships to EU, tracked shipping, signed for")
    assert decision == "block"
    assert category == "contraband"


def test_clinic_that_tracked_outcomes_of_weight_loss_patients_is_allowed(detector: Detector) -> None:
    text = (
        "The wellness centre tracked outcomes of 200 patients who lost weight on semaglutide and Ozempic, "
        "and now refers surgeons' patients to its oxygen therapy sessions."
    )
    assert verdict(detector, text)[0] == "allow"


def test_dev_set_meets_the_issue_minimums() -> None:
    rows = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    labels = Counter(row["label"] for row in rows)
    assert len({row["id"] for row in rows}) == len(rows)
    assert set(labels) == {"cash_loan", "counterfeit", "contraband", "clean"}
    assert len(rows) >= 600
    assert all(labels[category] >= 100 for category in ("cash_loan", "counterfeit", "contraband"))
    assert labels["clean"] >= 200
    assert sum(row["hard_negative"] for row in rows) >= 60
    assert all(not row["hard_negative"] or row["label"] == "clean" for row in rows)
