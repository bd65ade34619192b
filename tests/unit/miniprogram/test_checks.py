"""The mini-program checks on their own: channel leading, qualification gaps, impersonation, links."""

from __future__ import annotations

import pytest
import yaml

from linkscan.miniprogram import outbound_urls
from linkscan.miniprogram.checks import (
    channel_signals,
    find_channel_leading,
    find_impersonation,
    find_qualification_gaps,
)
from linkscan.miniprogram.policy import POLICY_PATH, load_policy, policy_from_dict
from linkscan.models import CategoryScore
from tests.unit.miniprogram.helpers import metadata

POLICY = load_policy()


def page(text: str, *links: object, title: str = "") -> dict[str, object]:
    return {"path": "pages/index/index", "title": title, "text": text, "links": list(links)}


# ------------------------------------------------------------------------------------- channel leading
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("无法打开？请复制链接到浏览器打开", "copy_to_browser"),
        ("长按识别二维码，领取新人红包", "qr_code"),
        ("详情加微信 dk_kefu_01 咨询", "add_contact"),
        ("售后请加ＱＱ：２８５７７４１３６０", "add_contact"),  # full-width forms
        ("复 制 到 浏 览 器 继 续", "copy_to_browser"),  # spaced out
        ("复\u200b制\u200b到\u200b浏览器", "copy_to_browser"),  # zero-width joins
        ("完整功能请下载APP", "app_download"),
    ],
)
def test_pushing_users_off_platform_is_found_with_its_field(text: str, kind: str) -> None:
    meta = metadata(pages=[{"path": "p0"}, page(text)])
    findings = find_channel_leading(meta, POLICY)
    found = [f for f in findings if f.kind == kind]
    assert found and found[0].strong
    evidence = found[0].evidence
    assert evidence.field == "pages[1].text"
    assert text[evidence.start : evidence.end] in text and evidence.end > evidence.start


def test_overlapping_cues_count_once() -> None:
    findings = find_channel_leading(metadata(pages=[page("请复制链接到浏览器打开")]), POLICY)
    assert len([f for f in findings if f.kind == "copy_to_browser"]) == 1


def test_app_package_link_is_a_strong_download_finding() -> None:
    meta = metadata(pages=[page("新版上线", {"url": "https://dl.example/app/v2.APK", "text": "下载"})])
    (finding,) = [f for f in find_channel_leading(meta, POLICY) if f.kind == "app_download"]
    assert finding.evidence.field == "pages[0].links[0]"
    assert channel_signals([finding], meta) == {"app_download": 1.0}


def test_ordinary_links_and_declared_contacts_are_signals_not_pushes() -> None:
    meta = metadata(
        pages=[page("订餐电话 13812345678", "https://shop.example/menu", "https://mp.weixin.qq.com/s/abc")],
        contacts=[{"kind": "wechat", "value": "shop_service"}, {"kind": "phone", "value": "13812345678"}],
    )
    findings = find_channel_leading(meta, POLICY)
    assert not [f for f in findings if f.strong]
    assert {f.kind for f in findings} == {"external_link", "phone_number"}  # platform article link skipped
    assert channel_signals(findings, meta) == {"offplatform_link": 1.0, "contact_handle": 2.0}


# ---------------------------------------------------------------------------------------- qualification
LOAN_TEXT = "急用钱？凭身份证借款，额度最高5万，当天放款。"


def test_loan_content_under_a_bookkeeping_category_is_a_gap() -> None:
    meta = metadata(categories=["工具-记账"], pages=[page(LOAN_TEXT)])
    (gap,) = find_qualification_gaps(meta, [], POLICY)
    assert gap.topic.key == "lending"
    assert not gap.category_covered and not gap.licence_held and not gap.detected
    assert {e.field for e in gap.evidence} == {"pages[0].text"}


def test_licensed_lender_in_a_finance_category_has_no_gap() -> None:
    meta = metadata(
        categories=["金融业-小额贷款"],
        qualifications=[{"type": "小额贷款经营许可证", "number": "123", "issuer": "地方金融监督管理局"}],
        pages=[page(LOAN_TEXT)],
    )
    assert find_qualification_gaps(meta, [], POLICY) == []


def test_right_category_without_the_licence_is_still_a_gap() -> None:
    meta = metadata(categories=["医药健康-药店"], pages=[page("网上药店：处方药、减肥药在线购药，送药上门")])
    (gap,) = find_qualification_gaps(meta, [], POLICY)
    assert gap.topic.key == "medicine"
    assert gap.category_covered and not gap.licence_held
    assert "药品网络销售备案" in gap.describe()


def test_one_passing_mention_is_not_a_licensed_topic() -> None:
    meta = metadata(categories=["工具-记账"], pages=[page("设置每月预算额度，超出时提醒")])
    assert find_qualification_gaps(meta, [], POLICY) == []


def test_a_detected_category_is_a_topic_even_without_cues() -> None:
    detected = [CategoryScore(category="contraband", subcategory="tobacco", score=0.9)]
    (gap,) = find_qualification_gaps(metadata(pages=[page("好货到了")]), detected, POLICY)
    assert gap.topic.key == "tobacco" and gap.detected


# ---------------------------------------------------------------------------------------- impersonation
@pytest.mark.parametrize(
    "name", ["微信官方贷款", "支付宝借呗官方", "京东白条客服", "Apple官方旗舰", "ＬＶ 官方 折扣店"]
)
def test_brand_with_official_marker_in_the_name_is_impersonation(name: str) -> None:
    (found,) = find_impersonation(metadata(name=name), POLICY)
    assert found.field == "name" and found.rule == "miniprogram.impersonation"


def test_the_brand_owner_may_call_itself_official() -> None:
    meta = metadata(name="京东白条客服", principal={"name": "北京京东世纪贸易有限公司", "type": "enterprise"})
    assert find_impersonation(meta, POLICY) == []


@pytest.mark.parametrize(
    ("name", "description"),
    [
        ("小区团购", "支持微信支付，客服在线时间9-18点"),  # brand and marker not adjacent in a description
        ("Level 官方攻略", ""),  # "lv" inside an English word
        ("苹果采摘园", "新鲜红富士苹果，果园直营"),  # the fruit
    ],
)
def test_ordinary_wording_is_not_impersonation(name: str, description: str) -> None:
    assert find_impersonation(metadata(name=name, description=description), POLICY) == []


def test_description_claim_adjacent_to_the_brand_counts() -> None:
    (found,) = find_impersonation(metadata(description="本店为微信官方合作借款平台"), POLICY)
    assert found.field == "description" and found.term == "微信+官方"


# ------------------------------------------------------------------------------------------------ links
def test_outbound_urls_are_distinct_navigation_first_and_capped() -> None:
    many = [f"https://site{i}.example/" for i in range(POLICY.max_outbound_urls + 20)]
    meta = metadata(
        navigation=[{"url": "https://h5.example/loan"}, {"appid": "wx99887766554433aa"}],
        pages=[page("", "https://a.example/", "https://a.example/", *many[:400])],
        contacts=[{"kind": "url", "value": "https://contact.example/"}, {"kind": "email", "value": "a@b.example"}],
    )
    urls = outbound_urls(meta)
    assert urls[:2] == ["https://h5.example/loan", "https://a.example/"]
    assert len(urls) == POLICY.max_outbound_urls == len(set(urls))


def test_brands_are_data_an_analyst_can_extend() -> None:
    raw = yaml.safe_load(POLICY_PATH.read_text(encoding="utf-8"))
    raw["impersonation"]["brands"].append({"brand": "小鹿记账", "aliases": ["小鹿记账"], "owners": ["小鹿网络"]})
    meta = metadata(name="小鹿记账官方版")
    assert find_impersonation(meta, POLICY) == []
    assert [e.term for e in find_impersonation(meta, policy_from_dict(raw))] == ["小鹿记账+官方"]
