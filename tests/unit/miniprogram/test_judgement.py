"""Issue #15's failure classes, one group each: informational apps, licences, inspection services,
off-platform leading of any category, seller listings, and the grade each subcategory gets.

Each case is written for these tests (not taken from the dev set) after the platform's operating rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from linkscan.miniprogram import MiniProgramMetadata
from linkscan.miniprogram.checks import find_channel_leading, find_qualification_gaps
from linkscan.miniprogram.policy import load_policy
from linkscan.models import Verdict
from tests.unit.miniprogram.helpers import extra_items, metadata

Scan = Callable[..., Verdict]
POLICY = load_policy()


def app(text: str, *, categories: tuple[str, ...] = ("工具-效率",), **fields: Any) -> MiniProgramMetadata:
    return metadata(pages=[{"path": "pages/home/index", "text": text}], categories=list(categories), **fields)


def licence(kind: str) -> dict[str, str]:
    return {"type": kind, "number": "测试-0001", "issuer": "主管部门"}


# ------------------------------------------------------------------------ 1. informational apps
@pytest.mark.parametrize(
    ("text", "categories"),
    [
        # a court report quoting a loan pitch, in a news app
        (
            "法院审结一起套路贷案：被告人以“秒批放款、当天到账”为诱饵，收取砍头息后暴力催收，被判处有期徒刑五年。",
            ("资讯-法治",),
        ),
        # an anti-fraud lesson naming the channel tricks
        ("反诈提醒：骗子常称“黑户也能下款”，再让你加微信、下载APP缴纳解冻金。请勿转账，及时报警。", ("教育-培训",)),
        # a car-loan calculator that says it lends nothing
        ("输入车价、首付比例和贷款年限，估算月供和放款后的总利息。本工具不提供贷款，仅供参考。", ("工具-计算器",)),
        # a tobacco-control service quoting the products it warns about
        ("控烟提示：电子烟烟弹同样含有尼古丁，严禁向未成年人出售烟草制品，发现违规销售请举报。", ("医疗-健康管理",)),
    ],
)
def test_news_warnings_and_calculators_are_allowed(scan: Scan, text: str, categories: tuple[str, ...]) -> None:
    verdict = scan(app(text, categories=categories))
    assert verdict.decision == "allow", verdict.reasons


def test_the_same_loan_words_as_a_pitch_are_not_allowed(scan: Scan) -> None:
    verdict = scan(
        app("急用钱？秒批放款，当天到账，黑户也能下款，加微信 qian_kefu88 领额度。", categories=("资讯-法治",))
    )
    assert verdict.decision == "block"
    assert verdict.categories[0].category == "cash_loan"


def test_channel_cues_inside_a_warning_are_no_channel_leading() -> None:
    meta = app("警惕：骗子会让你加微信、复制链接到浏览器打开，再诱导你下载APP。")
    assert find_channel_leading(meta, POLICY) != []  # without framing: read as pushes
    from linkscan.miniprogram.fields import text_fields
    from linkscan.miniprogram.framing import frame

    fields = text_fields(meta)
    assert find_channel_leading(meta, POLICY, fields, frame(meta, fields, POLICY)) == []


def test_a_channel_cue_holding_an_inspection_word_is_no_inspection_service(scan: Scan) -> None:
    # "识别" in "长按识别二维码" is no authentication service: the push stays a push
    verdict = scan(app("仿真枪 配件齐全，长按识别二维码。", categories=("商家自营-户外",)))
    assert verdict.decision != "allow"
    assert [f["kind"] for f in extra_items(verdict, "channel_leading")] == ["qr_code"]


def test_an_app_that_disclaims_lending_is_not_inferred_to_lend_from_cue_words() -> None:
    meta = app(
        "计算提前还款能省多少利息：输入贷款余额和放款日期即可。我们不提供借款服务。", categories=("工具-计算器",)
    )
    assert find_qualification_gaps(meta, [], POLICY) == []


# ------------------------------------------------------------------------ 2. licences (see also test_licences)
@pytest.mark.parametrize(
    ("text", "categories", "licences"),
    [
        ("机动车质押典当：评估后当天放款，额度最高车价七成，当金按月计费。", ("金融业-典当",), ("典当经营许可证",)),
        ("在线复诊：医生开具电子处方，处方药由本院药房配送到家。", ("医疗-医院",), ("医疗机构执业许可证",)),
        (
            "处方药凭处方购买，执业药师在线审方后发货，满88元包邮。",
            ("医疗-药店",),
            ("药品经营许可证", "互联网药品信息服务资格证书"),
        ),
    ],
)
def test_licensed_activities_are_allowed(
    scan: Scan, text: str, categories: tuple[str, ...], licences: tuple[str, ...]
) -> None:
    licensed = app(text, categories=categories, qualifications=[licence(k) for k in licences])
    assert scan(licensed).decision == "allow"


def test_a_pharmacy_with_only_half_of_the_required_licences_is_not_covered(scan: Scan) -> None:
    half = app(
        "处方药凭处方购买，执业药师在线审方后发货，满88元包邮。",
        categories=("医疗-药店",),
        qualifications=[licence("药品经营许可证")],
    )
    assert scan(half).decision != "allow"


# ------------------------------------------------------------------------ 3. inspection services
def test_an_authentication_lab_naming_replicas_is_not_a_seller(scan: Scan) -> None:
    lab = app(
        "专业鉴定爱马仕、香奈儿、古驰箱包真伪，识别高仿、A货、超A货、精仿与原单，出具鉴定证书。",
        categories=("生活服务-鉴定",),
    )
    assert scan(lab).decision == "allow"


def test_a_seller_promising_to_pass_inspection_is_still_a_seller(scan: Scan) -> None:
    seller = app("高仿普拉达尼龙包，原单品质，支持专柜验货，¥520包邮。", categories=("商家自营-箱包",))
    verdict = scan(seller)
    assert verdict.decision == "block" and verdict.categories[0].category == "counterfeit"


# ------------------------------------------------------------------------ 4. off-platform leading, any category
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("蒂芙尼同款手链 复刻工艺 细节看实拍，加微信 tf_sp01。", "counterfeit"),
        ("外烟 正品，下载APP购买。", "contraband"),
    ],
)
def test_counterfeit_or_contraband_leading_users_off_platform_is_blocked(scan: Scan, text: str, category: str) -> None:
    verdict = scan(app(text, categories=("商家自营-饰品",)))
    assert verdict.decision == "block"
    assert verdict.categories[0].category == category


# ------------------------------------------------------------------------ 5. seller listings
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("犀角杯 老货 懂的私聊。", "contraband"),
        ("小烟 口味齐全 ¥35一支 顺丰发货。", "contraband"),
        ("香奈儿 复刻耳钉 ¥128，私聊看实拍。", "counterfeit"),
        ("五粮液 部队特供 每瓶仅售¥560 量少私聊。", "counterfeit"),
    ],
)
def test_goods_with_seller_signals_are_blocked(scan: Scan, text: str, category: str) -> None:
    verdict = scan(app(text, categories=("商家自营-日用",)))
    assert verdict.decision == "block", verdict.reasons
    assert verdict.categories[0].category == category
    assert any(
        r.startswith("seller listing") or "channel leading" in r or "qualification" in r for r in verdict.reasons
    )


def test_an_ordinary_shop_with_price_and_delivery_is_allowed(scan: Scan) -> None:
    shop = app("手工牛轧糖 500克 ¥58，顺丰发货，下单备注口味。", categories=("商家自营-食品",))
    assert scan(shop).decision == "allow"


# ------------------------------------------------------------------------ 6. the grade table
@pytest.mark.parametrize(
    ("text", "subcategory", "action"),
    [
        ("代办毕业证、学位证，学信网可查，办证加微信 zheng_ban88。", "forged_documents", "ban"),
        ("外烟 整条 ¥180 全国包邮，微信下单。", "tobacco", "restrict"),
    ],
)
def test_each_subcategory_gets_the_grade_of_the_policy_table(
    scan: Scan, text: str, subcategory: str, action: str
) -> None:
    verdict = scan(app(text, categories=("商务服务-咨询",)))
    assert verdict.decision == "block"
    assert verdict.categories[0].subcategory == subcategory
    assert verdict.actions == [action]


def test_a_prior_violation_raises_the_grade_one_step(scan: Scan) -> None:
    meta = app("外烟 整条 ¥180 全国包邮，微信下单。", categories=("商务服务-咨询",))
    assert scan(meta, prior_violations=1).actions == ["ban"]


def test_qualification_gaps_are_reported_in_extra(scan: Scan) -> None:
    verdict = scan(app("外烟 整条 ¥180 全国包邮，微信下单。"))
    assert [gap["topic"] for gap in extra_items(verdict, "qualification_gaps")] == ["tobacco"]
