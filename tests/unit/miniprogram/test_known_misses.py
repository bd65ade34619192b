"""The misses left after issue #15, each fixed at its cause: report-it notices, lessons quoting sellers,
generic wholesale words read as drugs, certificates sold without an exam, certification stickers and
factory-surplus claims.

Each test fails on the code before its fix. The texts are written for these tests (not taken from the
dev or fresh sets); each has its counterpart on the other side, so a fix that allows or blocks
everything fails too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from linkscan.detect import Detector
from linkscan.miniprogram import MiniProgramMetadata
from linkscan.miniprogram.framing import frame_field
from linkscan.miniprogram.policy import load_policy
from linkscan.models import Verdict
from tests.unit.miniprogram.helpers import metadata

Scan = Callable[..., Verdict]
POLICY = load_policy()


def app(text: str, *, categories: tuple[str, ...] = ("生活服务-社区",), **fields: Any) -> MiniProgramMetadata:
    return metadata(pages=[{"path": "pages/home/index", "text": text}], categories=list(categories), **fields)


def top_category(verdict: Verdict) -> str | None:
    return verdict.categories[0].category if verdict.categories else None


# ------------------------------------------------------------------------ report-it notices
@pytest.mark.parametrize(
    "text",
    [
        "如发现有人私聊兜售象牙手镯、穿山甲鳞片，请立即向森林公安举报。",
        "温馨提示：若有人在群里私信推销电子烟烟弹，请勿购买并拨打12313举报。",
        "如果有人以“不看征信、当天放款”为名加你微信借钱给你，请勿理会并报警。",
    ],
)
def test_a_conditional_report_it_sentence_is_informational(text: str) -> None:
    sentences = frame_field(text, POLICY).sentences
    assert sentences and all(s.informational for s in sentences)


@pytest.mark.parametrize(
    "text",
    [
        "象牙手镯私聊看货，如发现假货请举报。",  # a sale before the condition
        "象牙手镯¥800，如发现不是真货请投诉。",  # a price before the condition
        "如需象牙手镯请加微信 xiangya_888 私聊，如有人冒充本店请举报。",  # a handle before the directive
        "如需购买穿山甲片请私聊。",  # a condition with no report directive is an offer
    ],
)
def test_a_sale_wrapped_in_a_condition_is_not_a_report_it_notice(text: str) -> None:
    assert frame_field(text, POLICY).sentences[0].informational is False


def test_a_wildlife_report_notice_naming_the_sellers_private_chat_is_allowed(scan: Scan) -> None:
    verdict = scan(
        app("保护野生动物，人人有责。如发现有人私聊兜售象牙制品、犀角，请拨打12315或向森林公安举报，查实有奖。")
    )
    assert verdict.decision == "allow", verdict.reasons


def test_the_same_goods_offered_by_private_chat_are_blocked(scan: Scan) -> None:
    verdict = scan(app("象牙制品、犀角出售，有意私聊。如发现假货，包退。", categories=("商家自营-文玩",)))
    assert verdict.decision == "block"
    assert verdict.categories[0].subcategory == "wildlife"


# ------------------------------------------------------------------------ quoted speech
def test_a_lesson_quoting_a_sellers_advert_is_allowed(scan: Scan) -> None:
    lesson = app(
        "案例：小王在群里看到“高仿名表¥500包邮，加微信看实拍”的广告，付款后被拉黑。提醒：购物请走正规平台。",
        categories=("教育-培训",),
    )
    assert scan(lesson).decision == "allow"


def test_a_seller_quoting_its_own_offer_is_still_a_seller(scan: Scan) -> None:
    shop = app("本店主营“高仿名表¥500包邮，加微信看实拍”，欢迎选购。", categories=("商家自营-钟表",))
    verdict = scan(shop)
    assert verdict.decision == "block"
    assert verdict.categories[0].category == "counterfeit"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("毒贩常以“同城闪送、私聊下单”引诱年轻人。", "“同城闪送、私聊下单”"),
        ("所谓“工厂尾单”“无防伪码”的化妆品多为假货。", "“工厂尾单”“无防伪码”"),
        ("骗子会发“急用钱找我，秒到账”等话术。", "“急用钱找我，秒到账”"),
    ],
)
def test_quotations_introduced_as_someone_elses_words_are_informational(text: str, quoted: str) -> None:
    start = text.index(quoted)
    spans = [s for s in frame_field(text, POLICY).sentences if s.informational]
    assert any(s.start <= start and s.end >= start + len(quoted) for s in spans)


def test_a_quotation_with_no_marker_is_not_quoted_speech() -> None:
    text = "新品“私聊下单，顺丰包邮”。"
    assert not any(s.informational for s in frame_field(text, POLICY).sentences)


# ------------------------------------------------------------------------ wholesale words are not drugs
def test_bulk_discount_words_do_not_name_drugs(detector: Detector) -> None:
    detection = detector.detect("工地劳保手套、安全帽批发，货源充足，量大从优。")
    assert "drugs" not in {c.subcategory for c in detection.categories}


def test_bulk_discount_words_still_strengthen_named_drugs(detector: Detector) -> None:
    detection = detector.detect("冰毒 K粉 到货，货源充足，量大从优，同城配送。")
    assert detection.categories[0].subcategory == "drugs"


def test_relabelled_masks_sold_in_bulk_are_a_fake_certification_not_drugs(scan: Scan) -> None:
    verdict = scan(
        app(
            "普通民用口罩改印医用外科口罩包装，随货附检测报告，出厂价0.15元一只，量大从优。",
            categories=("商家自营-日用",),
        )
    )
    assert verdict.decision == "block"
    assert (top_category(verdict), verdict.categories[0].subcategory) == ("counterfeit", "fake_certified")
    assert verdict.actions == ["restrict"]


# ------------------------------------------------------------------------ vocabulary the detector lacked
@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # certificates issued without an exam
        (
            "电工证、焊工证等职业资格证书代办，免考拿证，三天出证，下单后快递到家。",
            "商务服务-咨询",
            ("contraband", "forged_documents", "ban"),
        ),
        # certification marks sold as stickers
        (
            "3C标签、CCC贴纸现货，贴上直接上架，¥0.1一张，顺丰发货。",
            "商务服务-印刷",
            ("counterfeit", "fake_certified", "restrict"),
        ),
        # branded cosmetics claimed from the original batch, codes removed
        (
            "雅诗兰黛小棕瓶 原厂同批次 无防伪码，¥129 包邮。",
            "商家自营-美妆",
            ("counterfeit", "replica_goods", "restrict"),
        ),
    ],
)
def test_listings_named_by_the_new_vocabulary_are_blocked_with_their_grade(
    scan: Scan, text: str, category: str, expected: tuple[str, str, str]
) -> None:
    verdict = scan(app(text, categories=(category,)))
    assert verdict.decision == "block", verdict.reasons
    top = verdict.categories[0]
    assert (top.category, top.subcategory, *verdict.actions) == expected


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "电工、焊工培训报名：理论和实操考试合格后由人社部门颁发职业资格证书，官网可查。学费¥1200，可在线支付。",
            "教育-职业培训",
        ),
        ("协助企业办理CCC认证：样品送检合格后由认证机构颁发证书，认证标志须向认证机构申领。", "商务服务-检测"),
        ("品牌过季清仓，护肤套装5折，正品带防伪码可查，¥199 包邮。", "商家自营-美妆"),
    ],
)
def test_the_honest_trades_beside_them_are_allowed(scan: Scan, text: str, category: str) -> None:
    verdict = scan(app(text, categories=(category,)))
    assert verdict.decision == "allow", verdict.reasons
