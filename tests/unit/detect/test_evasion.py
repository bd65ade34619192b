"""Disguised offers stay caught: every evasion kind of devstack.evasion, on offers written for this test."""

from __future__ import annotations

import pytest

from devstack.evasion import variants
from linkscan.detect import Detector

OFFERS = {
    "en": [
        ("contraband", "Buy cocaine and MDMA here, fast worldwide shipping, order now on telegram"),
        ("counterfeit", "Replica Rolex watches for sale, super clone quality, free shipping, whatsapp us to order"),
        ("cash_loan", "Bad credit loans with no credit check, instant approval, apply now and get cash today"),
    ],
    "zh": [
        ("cash_loan", "急用钱找我，黑户白户都能做，无抵押当天下款，加微信详谈"),
        ("counterfeit", "莆田纯原高仿鞋，一比一复刻，支持专柜验货，微信下单包邮"),
        ("contraband", "出售冰毒K粉，保密发货，量大从优，加微信联系"),
    ],
}
CASES = [
    pytest.param(lang, kind, category, variant, id=f"{lang}-{kind}-{category}")
    for lang, offers in OFFERS.items()
    for number, (category, text) in enumerate(offers)
    for kind, variant in variants(f"{lang}{number}", text, lang).items()
]


def _caught(detector: Detector, text: str) -> str:
    detection = detector.detect(text)
    return detection.categories[0].category if detection.decision != "allow" and detection.categories else "clean"


def test_the_originals_are_caught() -> None:
    detector = Detector.load()
    for offers in OFFERS.values():
        for category, text in offers:
            assert _caught(detector, text) == category, text


@pytest.mark.parametrize(("lang", "kind", "category", "variant"), CASES)
def test_a_disguised_offer_is_still_caught(lang: str, kind: str, category: str, variant: str) -> None:
    assert _caught(Detector.load(), variant) == category, variant


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("b.u.y c.o.c.a.i.n.e f.o.r s.a.l.e", "buy cocaine for sale"),
        ("b u y   c o c a i n e", "buy cocaine"),
        ("c o c a i n e", "cocaine"),
        ("b\u200bu\u200by \u200bc\u200bo\u200bk\u200be", "buy coke"),
    ],
)
def test_spaced_letters_keep_the_gaps_between_words(text: str, normalized: str) -> None:
    from linkscan.detect.normalize import normalize

    assert normalize(text).text == normalized


def test_leetspeak_is_read_as_letters_by_the_offer_model_and_the_patterns() -> None:
    # a replica-watch listing row: the model read "f4ct0ry" and "m0v3m3nt" as unknown words and
    # the factory pattern ("factory: vsf") did not match; both read the leet words as letters now
    detector = Detector.load()
    plain = detector.detect("Rolex Submariner 126610LN | factory: VSF | movement: VS3235 | case: 41mm")
    leet = detector.detect("R0l3x Submariner 126610LN | f4ct0ry: VSF | m0v3m3nt: VS3235 | c453: 41mm")
    assert leet.decision != "allow" and leet.categories[0].category == "counterfeit"
    assert leet.offer is not None and plain.offer is not None and leet.offer.probability >= 0.5
    rules = {evidence.rule for evidence in leet.categories[0].evidence}
    assert "counterfeit.replica_factories" in rules


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Omega Seamaster 300M | f\u200ba\u200bc\u200bt\u200bo\u200br\u200by\u200b:\u200b VSF", "factory: vsf"),
        ("O-m-e-g-a S-e-a-m-a-s-t-e-r 300M | f-a-c-t-o-r-y: VSF | m-o-v-e-m-e-n-t: clone", "factory: vsf"),
        ("C a r t i e r T a n k S o l o | f a c t o r y: AF | c a s e: 34mm", "factory: af"),
        ("2\u200b8\u200b \u200bg\u200br\u200ba\u200bm of pure cocaine, ships tomorrow", "28 gram"),
    ],
)
def test_the_patterns_read_through_zero_width_characters_and_spelled_out_words(text: str, term: str) -> None:
    # normalization drops zero-width characters and joins spelled-out letters for the terms; the
    # patterns need the colon it drops too, so they read the folded text, where neither is undone
    detection = Detector.load().detect(text)
    assert term in {evidence.term for category in detection.categories for evidence in category.evidence}
