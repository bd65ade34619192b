"""Goods an honest app names to forbid them, to say it trades in nothing, or to send users elsewhere.

A bank's card page prints "严禁…信用卡套现", an appraisal service "只鉴定，不买卖", a salon "如需玻尿酸
注射请到正规医院"; and a pharmacy that sells only 非处方药 (OTC) names no prescription drug, though the word
holds 处方药. Each offer beside them, written the same way with the goods on sale, is still blocked.
Texts written for these tests (round 2, helper mini6).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from linkscan.miniprogram import MiniProgramMetadata
from linkscan.models import Verdict
from tests.unit.miniprogram.helpers import metadata
from tests.unit.miniprogram.test_disclaimed_goods import disclaimed

Scan = Callable[..., Verdict]


def app(text: str, categories: list[str], **fields: Any) -> MiniProgramMetadata:
    return metadata(pages=[{"path": "pages/index/index", "text": text}], categories=categories, **fields)


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("账单分期请在本程序办理。严禁利用本卡进行套现。", "严禁利用本卡进行套现。"),
        ("本店只提供真伪鉴定服务，不买卖任何手表。", "不买卖任何手表。"),
        ("本店只做头皮护理，如需植发或注射请到正规医院。", "如需植发或注射请到正规医院。"),
    ],
)
def test_prohibitions_trade_disclaimers_and_referrals_are_disclaimed(text: str, clause: str) -> None:
    assert disclaimed(text) == [clause]


def test_a_bank_card_page_forbidding_cash_out_is_allowed(scan: Scan) -> None:
    text = "信用卡账单可分6期或12期，每期手续费0.65%，请在本小程序内申请。严禁任何形式的信用卡套现，违者停卡。"
    verdict = scan(app(text, ["金融业-银行"], principal={"name": "某某商业银行股份有限公司", "type": "enterprise"}))
    assert verdict.decision == "allow", verdict.reasons


def test_a_card_cash_out_offer_is_still_blocked(scan: Scan) -> None:
    verdict = scan(app("信用卡套现秒到账，费率0.6，不封卡，加微信 tx8899 办理。", ["生活服务-便民"]))
    assert verdict.decision == "block"
    assert verdict.categories[0].subcategory == "card_cashout"


def test_a_salon_sending_filler_injections_to_a_hospital_is_allowed(scan: Scan) -> None:
    text = "洗护造型 ¥68，头皮护理 ¥158。如需玻尿酸注射请到正规医院，本店不提供。"
    assert scan(app(text, ["生活服务-美容美发"])).decision == "allow"


def test_a_salon_selling_filler_injections_is_blocked(scan: Scan) -> None:
    text = "洗护造型 ¥68，玻尿酸注射 ¥980一支，到店即打，无需医生。"
    verdict = scan(app(text, ["生活服务-美容美发"]))
    assert verdict.decision == "block"
    assert verdict.categories[0].category == "contraband"


def test_an_otc_only_pharmacy_names_no_prescription_drug(scan: Scan) -> None:
    text = "本店线上只卖非处方药：感冒灵颗粒 ¥12.5，布洛芬缓释胶囊 ¥18。"
    assert scan(app(text, ["医疗-药店"])).decision == "allow"


def test_a_shop_selling_prescription_drugs_without_a_prescription_is_blocked(scan: Scan) -> None:
    verdict = scan(app("处方药不用处方直接买，安眠药 ¥80一盒，快递到家。", ["医疗-药店"]))
    assert verdict.decision == "block"
    assert verdict.categories[0].subcategory == "prescription_medicine"
