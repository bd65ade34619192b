"""The failure classes of issue #13, on texts written for these tests (none from the dev set).

Each case failed on the hand-weighted engine (commit 951731e) and passes now (10 of 11; the crackdown
news is a guard that passed before too); the other classes'
tests live beside their machinery: obfuscation in test_evasion.py and test_run_together.py, absent
vocabulary in test_lexicons.py, policy (jurisdictions) in test_rules_schema.py.
"""

from __future__ import annotations

import pytest

from linkscan.detect import Detector


def _verdict(text: str) -> str:
    detection = Detector.load().detect(text)
    return detection.categories[0].category if detection.decision != "allow" and detection.categories else "clean"


# 1. Discussion read as an offer: guides, education and warnings that name the goods and quote the ads.
DISCUSSION = [
    "禁毒科普：冰毒、K粉、摇头丸等毒品严重危害身心健康。如发现涉毒线索，请拨打举报电话，戒毒咨询热线24小时开通。",
    "如何辨别高仿包？正品LV的走线整齐，五金有刻字。市面上所谓“原单”“A货”售价几百元，消费者切勿贪图便宜。",
]

# 2. One pasted phrase turns an offer into allow: a licence, regulator or partner line on a real pitch.
PASTED_CONTEXT = [
    (
        "contraband",
        "Order Tramadol 100mg and Oxycodone without a prescription. Overnight delivery, discreet packaging. "
        "Our pharmacy is licensed and regulated by the FDA. Buy now and get 10 free pills.",
    ),
    (
        "cash_loan",
        "急用钱？无抵押无担保，黑户也能下款，当天放款，加微信dk999。本公司为持牌金融机构合作伙伴，经银保监会备案。",
    ),
    (
        "cash_loan",
        "Get up to $1,000 today, no credit check, instant approval! Licensed partner lenders. Representative "
        "APR 780%. Apply online in minutes.",
    ),
    (
        "counterfeit",
        "Official-quality replica Rolex Submariner, 1:1 super clone, Swiss movement, $289 with free shipping. "
        "Authorized dealer pricing, 100% genuine look. Whatsapp to order.",
    ),
    (
        "cash_loan",
        "Need cash fast? We lend up to $2,500 today with no credit check. Bad credit OK. Apply online in 5 "
        "minutes and get the money you need. Our licensed partner lenders may charge APR up to 664%.",
    ),
]

# 3. Offering speech missed: a shop's own words, prices in another currency.
SHOP_SPEECH = [
    (
        "counterfeit",
        "Our shop offers designer handbags at a fraction of retail: Hermès Birkin mirror copies from ¥1,280, "
        "shipped to your door. Add to cart today.",
    ),
]

# 4. Obfuscation: spaced and leetspeak letters, misspelt drug names.
OBFUSCATED = [
    ("contraband", "B u y  c 0 c a i n e  and  x a n n y  bars here, fast delivery, telegram @plugshop"),
    ("contraband", "Pure oxycodon 80mg and xanex 2mg for sale, ship worldwide, whatsapp +44 7700 900123"),
]


@pytest.mark.parametrize("text", DISCUSSION)
def test_discussion_that_quotes_the_goods_stays_allowed(text: str) -> None:
    assert _verdict(text) == "clean"


@pytest.mark.parametrize(("category", "text"), PASTED_CONTEXT)
def test_a_pasted_licence_or_regulator_phrase_does_not_allow_an_offer(category: str, text: str) -> None:
    assert _verdict(text) == category


@pytest.mark.parametrize(("category", "text"), SHOP_SPEECH)
def test_a_shops_own_offering_speech_is_an_offer(category: str, text: str) -> None:
    assert _verdict(text) == category


@pytest.mark.parametrize(("category", "text"), OBFUSCATED)
def test_obfuscated_offers_are_caught(category: str, text: str) -> None:
    assert _verdict(text) == category


def test_crackdown_news_quoting_an_ad_stays_allowed() -> None:
    # the project's own background: a platform banning cash-loan apps, quoting their promises
    text = (
        "某平台宣布下架逾千款违规现金贷小程序，这些小程序打着“无抵押、秒到账、黑户可下”的旗号诱导用户"
        "添加私人微信办理借款，平台表示将持续打击违规金融营销。"
    )
    assert _verdict(text) == "clean"
