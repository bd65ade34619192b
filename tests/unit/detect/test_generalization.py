"""The failure classes of issue #13, on texts written for these tests (none from the dev set or the
fresh check in tests/data/fresh).

Each case failed on the hand-weighted engine (commit 951731e) and passes now, except the guards
named as such (crackdown news, a licensed mortgage lender), which passed before too. More tests of
a class live beside its machinery: obfuscation in test_evasion.py and test_run_together.py, absent
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
    "Why are 'AAA replica' handbags so cheap? We bought three online for about 150 dollars each and took them to "
    "an authenticator: the leather, the stitching and the hardware all gave them away.",
    "戒毒所开放日：工作人员介绍了海洛因、冰毒、氯胺酮的危害，并公布了二十四小时戒毒求助热线。",
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

PASTED_CONTEXT += [
    ("cash_loan", "黑户白户均可办理，无抵押秒批，当天下款，加微信贷款。我司为银保监会批准的持牌机构，正规合法。"),
    (
        "counterfeit",
        "1:1 replica Patek Philippe Nautilus, super clone movement, $420 shipped worldwide. We are an authorized "
        "dealer. WhatsApp to order now.",
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
    ("counterfeit", "replicarolexwatches for sale, swiss movement, cheap prices, dm to order"),
]

# 5. Vocabulary that was absent: what spam sells, by the names regulators give it; anti-drug slang.
ABSENT_VOCABULARY = [
    ("contraband", "Male enhancement pills that work fast, herbal formula, order now and get 2 free bottles."),
    (
        "contraband",
        "University diplomas from prestigious universities, no classes, no exams, life experience degrees delivered "
        "in 10 days. Order today.",
    ),
    ("contraband", "10 million fresh email addresses database on CD, only $79, order now and start marketing today."),
    ("contraband", "出售迷幻蘑菇、裸盖菇干货，保密发货，加微信下单。"),
]

# 6. Policy under the default jurisdiction (cn): a vape shop is contraband; a mortgage refinance from a
# licensed lender is allowed (a guard), fast cash wrapped in a refinance offer is a cash loan.
POLICY_CN = [
    ("contraband", "电子烟专卖店开业，一次性电子烟、烟弹全场八折，欢迎到店或微信下单。"),
    (
        "cash_loan",
        "Refinance today or get $3,000 cash now, bad credit OK, no credit check, instant approval. Apply online.",
    ),
    (
        "clean",
        "Refinance your home loan with a licensed mortgage lender. NMLS #654321. Equal Housing Opportunity. Call "
        "for a free rate quote.",
    ),
]


# Each failure class with the verdict its texts must get: an offer's category, or "clean".
FAILURE_CLASSES = {
    "1-discussion": [("clean", text) for text in DISCUSSION],
    "2-pasted-context": PASTED_CONTEXT,
    "3-shop-speech": SHOP_SPEECH,
    "4-obfuscation": OBFUSCATED,
    "5-absent-vocabulary": ABSENT_VOCABULARY,
    "6-policy-cn": POLICY_CN,
}


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        pytest.param(expected, text, id=f"{name}-{number}")
        for name, cases in FAILURE_CLASSES.items()
        for number, (expected, text) in enumerate(cases)
    ],
)
def test_each_failure_class_gets_the_verdict_the_policy_gives(expected: str, text: str) -> None:
    assert _verdict(text) == expected


def test_crackdown_news_quoting_an_ad_stays_allowed() -> None:
    # the project's own background: a platform banning cash-loan apps, quoting their promises
    text = (
        "某平台宣布下架逾千款违规现金贷小程序，这些小程序打着“无抵押、秒到账、黑户可下”的旗号诱导用户"
        "添加私人微信办理借款，平台表示将持续打击违规金融营销。"
    )
    assert _verdict(text) == "clean"
