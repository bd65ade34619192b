"""Vocabulary for goods the packs lacked words for (round 2, helper mini6): copycat goods sold on
their sameness to the brand (passing off), incapacitating drugs by catalogue and street names,
claims that fake notes pass a counting machine or the pen test, fake driving licences in either
spelling, degrees "arranged" rather than earned, people's records named as sold, and resold
subscription logins in the plural, and what stalkerware promises in English.

Each offer below is flagged with its subcategory; each neighbour naming the same goods in a warning,
a guide or a legal offer stays allow. Texts are written for these tests.
"""

from __future__ import annotations

import pytest

from linkscan.detect import Detector
from linkscan.settings import DetectionSettings


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.load(DetectionSettings())


OFFERS = [
    ("copycat", "包装和康师傅一模一样的方便面，超市老板放心进货，顾客看不出，一箱只要二十八元，微信 noodle668"),
    (
        "copycat",
        "Energy drink in identical cans to the market leader, customers won't notice, $9 a case, WhatsApp 7700 900123",
    ),
    ("sexual_drugs", "Rohypnol tablets and roofies in stock, discreet pack, $60 for 10, order on Telegram @quietnight"),
    ("sexual_drugs", "罗眠乐现货，无色无味，一盒三百元，加微信 mm2231 下单"),
    ("counterfeit_currency", "百元票子出货，点钞机不报警，能过验钞笔，一万面值八百元，加微信 qb5521"),
    (
        "counterfeit_currency",
        "Bleached bills reprinted as $100s, $250 for $1,000 face, ships in 3 days, Telegram @greenpaper",
    ),
    (
        "forged_documents",
        "Novelty driving licence, all UK regions, hologram included, £90 each, order via Telegram @cardmaker",
    ),
    ("forged_documents", "快速办理学历，本科硕士均可，学信网可查，一口价八千，微信 xl8899"),
    ("personal_data", "本地名单，姓名电话住址齐全，一万条五百元，加微信 sj3322"),
    ("personal_data", "Database of 500k UK renters with phones and emails, $300, Telegram @leadvault"),
    ("surveillance", "Spy on your spouse from your own phone: the icon hides itself. Order now, $49 per year."),
    ("personal_data", "Disney Plus and HBO Max lifetime premium accounts, $4 each, order on Telegram @streamvault"),
]

NEIGHBOURS = [
    "市场监管局提醒：有商家销售包装和知名品牌一模一样的方便面，消费者购买时请认准商标，发现请拨打12315举报。",
    "Trading standards found energy drinks in identical cans to a famous brand; the court ordered them destroyed.",
    "Police say roofies and other date-rape drugs are often slipped into drinks; never leave your glass unattended.",
    "人民银行提示：点钞机不报警的钞票也可能是假币，请用手摸、眼看、耳听的方法核对。",
    "A judge jailed a man who printed bleached bills in his garage, the Secret Service said on Monday.",
    "How to renew a driving licence: fill in form D1 at the post office and send a new photo.",
    "学信网可查的学历才是国家承认的学历，考生可登录学信网核对自己的学籍和毕业证书。",
    "网信办提醒：出售个人信息、出售公民信息都是违法行为，发现请向公安机关举报。",
    "If your partner can see your location all the time, an app may be hiding on your phone; a helpline can check it.",
    "Our family plan covers six profiles for $18 a month; we do not sell lifetime accounts.",
]


@pytest.mark.parametrize(("subcategory", "text"), OFFERS)
def test_offer_named_only_by_new_vocabulary_is_flagged(detector: Detector, subcategory: str, text: str) -> None:
    detection = detector.detect(text)
    assert detection.decision != "allow", detection.reasons
    assert detection.categories[0].subcategory == subcategory


@pytest.mark.parametrize("text", NEIGHBOURS)
def test_same_goods_in_warnings_and_news_stay_allowed(detector: Detector, text: str) -> None:
    assert detector.detect(text).decision == "allow"
