"""The classes fresh3-fresh6 still missed, each with its honest neighbour that uses the same words.

Drug street names that are ordinary words (冰糖, 叶子, 神仙水) listed to buyers "in the know"; certification
marks sold without the certificate and ordinary goods relabelled as medical ones. Texts written for these
tests (helper mini7), not taken from any check set.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from linkscan.miniprogram import MiniProgramMetadata
from linkscan.models import Verdict
from tests.unit.miniprogram.helpers import metadata

Scan = Callable[..., Verdict]


def app(text: str, categories: list[str], **fields: Any) -> MiniProgramMetadata:
    return metadata(pages=[{"path": "pages/index/index", "text": text}], categories=categories, **fields)


def top(verdict: Verdict) -> str:
    first = verdict.categories[0]
    return f"{first.category}/{first.subcategory}"


# ---------------------------------------------------------------- drug slang listed with a covert cue
@pytest.mark.parametrize(
    "text",
    [
        "白粉、冰壶都备好了，老地方见，懂的私聊。",
        "奶茶包和咖啡包到货，报暗号发同城。",
    ],
)
def test_street_names_listed_to_those_in_the_know_are_a_drug_listing(scan: Scan, text: str) -> None:
    verdict = scan(app(text, ["生活服务-其他"]))
    assert (verdict.decision, top(verdict)) == ("block", "contraband/drugs"), verdict.reasons


@pytest.mark.parametrize(
    "text",
    [
        "老冰糖、水果糖果，同城配送，满50元包邮。",  # a sweet shop lists them without a covert cue
        "奶茶包、咖啡包新品上市，下单备注口味，同城配送。",
    ],
)
def test_the_same_words_sold_openly_are_allowed(scan: Scan, text: str) -> None:
    assert scan(app(text, ["商家自营-食品"])).decision == "allow"


# ---------------------------------------------------------------- certification marks and medical relabelling
@pytest.mark.parametrize(
    "text",
    [
        "CCC认证标签大量现货，无需提供证书，过抽检没问题，三千张起订。",
        "普通棉签换医用包装，贴械字号，¥35一箱，诊所都能用。",
    ],
)
def test_marks_without_the_certificate_and_relabelled_goods_are_blocked(scan: Scan, text: str) -> None:
    verdict = scan(app(text, ["商业服务-批发"]))
    assert (verdict.decision, top(verdict)) == ("block", "counterfeit/fake_certified"), verdict.reasons


@pytest.mark.parametrize(
    "text",
    [
        "代理企业办理CCC认证，产品须送实验室检测，合格后由认证机构发证，咨询费面议。",
        "医用棉签，械字号见包装背面，整箱批发，附生产企业注册证复印件。",
    ],
)
def test_certification_services_and_registered_goods_are_allowed(scan: Scan, text: str) -> None:
    assert scan(app(text, ["商业服务-批发"])).decision == "allow"


# ---------------------------------------------------------------- a look-up of a person is personal data
def test_a_phone_number_look_up_of_hotel_stays_is_personal_data(scan: Scan) -> None:
    verdict = scan(app("输入对方手机号即可查开房记录、查通话记录，¥200一次，付款出结果。", ["工具-信息查询"]))
    assert (verdict.decision, top(verdict), verdict.actions) == ("block", "contraband/personal_data", ["ban"])


def test_a_monitoring_app_the_buyer_installs_is_surveillance(scan: Scan) -> None:
    verdict = scan(app("手机监控软件，装好图标隐藏，实时定位对方，¥298永久使用，私聊发货。", ["工具-效率"]))
    assert (verdict.decision, top(verdict), verdict.actions) == ("block", "contraband/surveillance", ["restrict"])


# ---------------------------------------------------------------- critical goods named by one word, sold
@pytest.mark.parametrize(
    "text",
    [
        "野生画眉，山里刚抓的，包活，¥280一只。",
        "小猕猴宠物，已断奶，包运输，¥2800。",
    ],
)
def test_a_protected_animal_named_once_with_price_and_delivery_is_a_listing(scan: Scan, text: str) -> None:
    verdict = scan(app(text, ["商家自营-宠物"]))
    assert (verdict.decision, top(verdict)) == ("block", "contraband/wildlife"), verdict.reasons


def test_a_bird_watching_tour_naming_wild_birds_with_its_price_is_allowed(scan: Scan) -> None:
    text = "带你去山里看野生画眉，两日观鸟团每人¥680，含向导。"
    assert scan(app(text, ["旅游-服务"])).decision == "allow"


def test_forged_passports_delivered_in_days_are_a_listing(scan: Scan) -> None:
    text = "Registered passports for any country, scannable, delivered in 5 days."
    verdict = scan(app(text, ["商务服务-代办"]))
    assert (verdict.decision, top(verdict)) == ("block", "contraband/forged_documents"), verdict.reasons


def test_a_passport_photo_service_delivered_in_days_is_allowed(scan: Scan) -> None:
    text = "Passport and visa photos to the official size, prints delivered in 2 days."
    assert scan(app(text, ["生活服务-摄影"])).decision == "allow"


# ---------------------------------------------------------------- appraisal labs and the replicas they name
@pytest.mark.parametrize(
    "text",
    [
        "资深鉴定师可识别高仿、A货、超A腕表。腕表鉴定每只260元，出具鉴定证书。",
        "专业鉴别高仿、复刻运动鞋，每双鉴别费25元，两个工作日出结果。",
    ],
)
def test_an_appraisal_lab_naming_the_replicas_it_detects_is_allowed(scan: Scan, text: str) -> None:
    verdict = scan(app(text, ["生活服务-鉴定"]))
    assert verdict.decision == "allow", verdict.reasons


@pytest.mark.parametrize(
    "text",
    [
        "顶级高仿腕表，专柜鉴定无压力，每只980元。",  # the replica "passes" an appraisal; its price
        "高仿包包专柜鉴定无压力，顺丰包邮。",
        "专业鉴别高仿，另有A货腕表出售，每只680元。",  # the lab that also sells
    ],
)
def test_a_replica_said_to_pass_appraisal_is_still_blocked(scan: Scan, text: str) -> None:
    verdict = scan(app(text, ["生活服务-鉴定"]))
    assert (verdict.decision, top(verdict)) == ("block", "counterfeit/replica_goods"), verdict.reasons


def test_fake_test_reports_are_not_an_inspection_service(scan: Scan) -> None:
    verdict = scan(app("检测报告按模板出具，不用寄样品，当天出证。", ["商务服务-检测"]))
    assert (verdict.decision, top(verdict)) == ("block", "counterfeit/fake_certified"), verdict.reasons


# ---------------------------------------------------------------- vocabulary: sellers' claims beside the goods
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("五粮液52度 内部渠道 每瓶¥580，原箱发货，量少私聊。", "counterfeit/replica_goods"),
        ("兰蔻粉水代工厂流出，无专柜小票，¥69一瓶，加V下单。", "counterfeit/replica_goods"),
        ("代办毕业证、离婚证、户口本，加急五天，质量保证。", "contraband/forged_documents"),
        ("一次性dz烟，20种口味，¥39一支，顺丰发货。", "contraband/tobacco"),
        ("输入车牌号，查车主姓名和电话，¥30一次，秒出。", "contraband/personal_data"),
        ("Threaded pistol barrels and silencers, parts ship separately to avoid customs.", "contraband/weapons"),
    ],
)
def test_a_sellers_claim_beside_the_goods_is_a_listing(scan: Scan, text: str, expected: str) -> None:
    verdict = scan(app(text, ["商家自营-其他"]))
    assert (verdict.decision, top(verdict)) == ("block", expected), verdict.reasons


@pytest.mark.parametrize(
    "text",
    [
        "五粮液52度 官方授权专卖店，¥1099一瓶，凭票可查真伪，顺丰发货。",
        "兰蔻粉水专柜正品，附专柜小票，¥230一瓶，全国包邮。",
        "二手房过户，代办房产证和不动产权证书，持中介备案，¥2000起。",
        "戒烟门诊：电子烟同样有害，帮你戒断尼古丁依赖。",
        "扫码挪车：输入车牌号，系统通过虚拟号码联系车主，不显示任何一方手机号。",
        "Barrel-aged whisky and cider, ships separately from the glassware, ¥300 a bottle.",
    ],
)
def test_the_same_goods_sold_honestly_are_allowed(scan: Scan, text: str) -> None:
    verdict = scan(app(text, ["商家自营-其他"]))
    assert verdict.decision == "allow", verdict.reasons


# ---------------------------------------------------------------- goods named plainly need one seller signal
def test_a_look_alike_named_plainly_with_a_price_is_a_listing(scan: Scan) -> None:
    verdict = scan(app("华强北版苹果耳机，外观与正品一模一样，支持弹窗，¥139。", ["商家自营-数码"]))
    assert (verdict.decision, top(verdict)) == ("block", "counterfeit/copycat"), verdict.reasons


def test_a_genuine_product_with_its_price_is_allowed(scan: Scan) -> None:
    verdict = scan(app("苹果耳机官方授权经销，全新国行，¥1399，可查序列号。", ["商家自营-数码"]))
    assert verdict.decision == "allow", verdict.reasons


def test_a_comparison_review_without_a_price_is_not_blocked(scan: Scan) -> None:
    # detection's review stands (a person may look); no seller signal, so no listing
    verdict = scan(app("华强北耳机和正品一模一样吗？我们买来拆解对比，结论见下文。", ["商家自营-数码"]))
    assert verdict.decision == "review", verdict.reasons


# ---------------------------------------------------------------- first-class psychotropics are the drug trade
def test_smart_drugs_of_the_first_psychotropic_class_are_drugs(scan: Scan) -> None:
    verdict = scan(app("聪明药利他林，考试通宵不困，10片一板，私聊发货。", ["教育-考试"]))
    assert (verdict.decision, top(verdict), verdict.actions) == ("block", "contraband/drugs", ["ban"])


def test_a_hospital_prescribing_them_in_person_is_allowed(scan: Scan) -> None:
    text = "本院儿童多动症门诊：哌醋甲酯等药物须由专科医生面诊后开具，不对外出售。"
    assert scan(app(text, ["医疗-公立医院"])).decision == "allow"


# ---------------------------------------------------------------- tiger skin, budgerigars and wild-caught cage birds
@pytest.mark.parametrize(
    "text",
    [
        "人工繁育虎皮鹦鹉，已上手，¥80一只，同城自提。",
        "招牌虎皮凤爪、虎皮青椒，¥28一份，同城配送。",
        "人工繁育八哥，附合法来源证明，¥180一只，门店自提。",
    ],
)
def test_budgerigars_dishes_and_bred_birds_are_allowed(scan: Scan, text: str) -> None:
    assert scan(app(text, ["商家自营-宠物"])).decision == "allow"


@pytest.mark.parametrize(
    "text",
    [
        "整张虎皮出售，私聊看货，顺丰发货。",
        "野生八哥、野生绣眼，山里刚抓的，包活，¥200一只。",
    ],
)
def test_tiger_skin_and_wild_caught_cage_birds_are_listings(scan: Scan, text: str) -> None:
    verdict = scan(app(text, ["商家自营-宠物"]))
    assert (verdict.decision, top(verdict)) == ("block", "contraband/wildlife"), verdict.reasons
