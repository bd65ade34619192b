"""Seller readings: contact handles in English prose, a seller's "可验真" is no inspection service, and
one seller signal (a promise such as "包过") makes a listing of goods whose sale the grade table bans.

Written for these tests; each has its counterpart on the other side.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from linkscan.miniprogram import MiniProgramMetadata
from linkscan.miniprogram.checks import find_channel_leading
from linkscan.miniprogram.fields import text_fields
from linkscan.miniprogram.framing import frame, frame_field, seller_signals
from linkscan.miniprogram.policy import load_policy
from linkscan.models import Verdict
from tests.unit.miniprogram.helpers import metadata

Scan = Callable[..., Verdict]
POLICY = load_policy()


def app(text: str, categories: tuple[str, ...] = ("商务服务-咨询",), **fields: Any) -> MiniProgramMetadata:
    return metadata(pages=[{"path": "pages/home/index", "text": text}], categories=list(categories), **fields)


def seller_kinds(text: str) -> set[str]:
    meta = app(text)
    fields = text_fields(meta)
    return set(seller_signals(fields, frame(meta, fields, POLICY), POLICY))


def strong_kinds(text: str) -> list[str]:
    return [f.kind for f in find_channel_leading(app(text), POLICY) if f.strong]


# ------------------------------------------------------------------------ handles in English
@pytest.mark.parametrize(
    "text",
    [
        "Scammers recruit victims in WeChat groups and move them to private chats.",
        "The festival has an official WeChat account for updates.",
    ],
)
def test_english_prose_after_wechat_is_not_a_handle(text: str) -> None:
    assert strong_kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Order via WeChat: lily_bags",
        "WeChat ID teaclub88 for wholesale",
        "wechat lily-2024 for photos",
        "微信abcdef下单",
    ],
)
def test_wechat_ids_are_still_handles(text: str) -> None:
    assert strong_kinds(text) == ["add_contact"]


# ------------------------------------------------------------------------ a seller's guarantee is no inspection
@pytest.mark.parametrize("text", ["各类票据代办，当天出票，可验真。", "原厂货源，支持鉴定，不满意包退。"])
def test_a_guarantee_of_verification_is_not_an_inspection_sentence(text: str) -> None:
    assert not frame_field(text, POLICY).sentences[0].informational


def test_an_inspection_service_stays_informational() -> None:
    assert frame_field("本中心鉴定和田玉真伪，出具证书。", POLICY).sentences[0].informational


# ------------------------------------------------------------------------ one signal for banned goods
def test_certificates_promised_without_an_exam_are_a_listing(scan: Scan) -> None:
    verdict = scan(app("电工证、焊工证代办，免考拿证，包过。"))
    assert verdict.decision == "block", verdict.reasons
    assert (verdict.categories[0].category, verdict.actions) == ("contraband", ["ban"])


def test_a_training_school_whose_certificates_need_an_exam_is_allowed(scan: Scan) -> None:
    verdict = scan(app("建筑施工安全员培训，需参加统一考试，合格后由住建部门核发证书。", categories=("教育-职业培训",)))
    assert verdict.decision == "allow", verdict.reasons


def test_invoices_issued_for_others_with_verification_promised_are_blocked(scan: Scan) -> None:
    verdict = scan(app("增值税专用发票代开，各行业都能开，可验真。", categories=("商务服务-财税",)))
    assert verdict.decision == "block", verdict.reasons
    assert verdict.categories[0].subcategory == "forged_documents"


# ------------------------------------------------------------------------ declared customer service
SERVICE_TEXT = "手工红糖 ¥38/斤，顺丰包邮。团购请添加微信客服咨询。"
DECLARED = ({"kind": "wechat", "value": "hongtang_service"},)


def test_an_enterprise_pointing_to_its_declared_customer_service_is_allowed(scan: Scan) -> None:
    verdict = scan(app(SERVICE_TEXT, categories=("商家自营-食品",), contacts=list(DECLARED)))
    assert verdict.decision == "allow", verdict.reasons


@pytest.mark.parametrize(
    "fields",
    [
        {"contacts": []},  # no contact declared to the platform
        {"contacts": list(DECLARED), "principal": {"name": "赵某", "type": "individual"}},
    ],
    ids=["undeclared", "personal"],
)
def test_the_same_request_without_a_declared_enterprise_contact_leads_off_the_platform(
    scan: Scan, fields: dict[str, Any]
) -> None:
    verdict = scan(app(SERVICE_TEXT, categories=("商家自营-食品",), **fields))
    assert verdict.decision == "review"


# ------------------------------------------------------------------------ skipped checks and turnarounds
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("CCC认证快速办理，无需送检，5个工作日下证。", "counterfeit"),  # a certificate with no test behind it
        ("国产面膜贴牌改成械字号包装，免备案，起订量300盒。", "counterfeit"),  # a device mark with no filing
        ("笔记本电脑押给我们继续用，按月付租金赎回，不查征信，当天拿钱。", "cash_loan"),  # a leaseback loan
    ],
)
def test_goods_offered_with_a_skipped_check_or_a_turnaround_are_a_listing(scan: Scan, text: str, category: str) -> None:
    verdict = scan(app(text))
    assert verdict.decision == "block"
    assert verdict.categories[0].category == category


@pytest.mark.parametrize(
    "text",
    [
        "CCC认证咨询：产品须送指定实验室检测，周期约30个工作日下证。",
        "驾校报名，科目一至科目四须本人到场考试，体检在指定医院完成。",
        "自考本科辅导，部分科目可申请免考，学信网可查学籍。",
    ],
)
def test_services_that_run_the_checks_are_allowed(scan: Scan, text: str) -> None:
    assert scan(app(text)).decision == "allow"


# ------------------------------------------------------------------------ English seller signals
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Stealth shipping to every province.", "delivery"),
        ("Each pack ships within 24 hours.", "delivery"),
        ("DM me for prices.", "private_chat"),
        ("Bulk orders welcome.", "order"),
        # a pack size is a listing's unit, and skipping the sample is skipping the test
        ("原瓶装，一箱六支。", "order"),
        ("每板10粒，10板起。", "order"),
        ("认证报告三天出，不用寄样品。", "waiver"),
    ],
)
def test_english_seller_phrases_pack_sizes_and_skipped_samples_are_seller_signals(text: str, kind: str) -> None:
    assert kind in seller_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "We talk about relationships and friendships.",
        "Our pharmacist answers messages.",
        "一箱起的年货礼盒在门店自提。",  # no count: a box, not a pack size
        "检测须寄样品到实验室。",  # a lab that asks for the sample
    ],
)
def test_words_inside_other_words_boxes_and_sample_requests_are_no_seller_signal(text: str) -> None:
    assert seller_kinds(text) == set()


def test_cannabis_offered_with_english_shipping_and_a_dm_is_a_listing(scan: Scan) -> None:
    verdict = scan(app("Top shelf kush and shroom chocolate, stealth shipping, DM for the list.", ("生活服务-其他",)))
    assert verdict.decision == "block"
    assert verdict.categories[0].subcategory == "drugs"


def test_an_english_drug_education_page_is_allowed(scan: Scan) -> None:
    verdict = scan(app("Cannabis and mushrooms are illegal in China; report dealers to the police.", ("教育-科普",)))
    assert verdict.decision == "allow"
