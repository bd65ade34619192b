"""The platform's conduct rules as checks: induced sharing, payment outside the platform, web-view
domains, jumps to other mini-programs (navigation hubs, known targets), and the notices they produce."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from linkscan.detect import Detector
from linkscan.miniprogram import MiniProgramMetadata, scan_miniprogram
from linkscan.miniprogram.enforcement import grade_table
from linkscan.miniprogram.policy import load_policy
from linkscan.models import Verdict
from tests.unit.miniprogram.helpers import SCANNED_AT, metadata

Scan = Callable[..., Verdict]
POLICY = load_policy()
DOCS = Path(__file__).resolve().parents[3] / "docs" / "miniprogram.md"


def app(text: str, **fields: Any) -> MiniProgramMetadata:
    fields.setdefault("categories", ["工具-效率"])
    return metadata(pages=[{"path": "pages/act/index", "text": text}], **fields)


def appid(seed: str) -> str:
    return "wx" + hashlib.sha256(seed.encode()).hexdigest()[:16]


def rule_hits(verdict: Verdict) -> list[str]:
    return [c.subcategory for c in verdict.categories if c.category == "platform_rule"]


# ------------------------------------------------------------------------ induced sharing
@pytest.mark.parametrize(
    "text",
    [
        "把本页分享到2个微信群后才能查看完整解析。",
        "邀请3位好友助力即可免费领取会员。",
        "不转发的话今天就无法解锁你的运势报告。",
        "进入客服会话，回复“红包”立即领取现金红包。",
        "集赞满30个即可到店领取礼品。",
        "转发朋友圈并截图给客服，返现5元。",
        "每邀请1位好友注册得10元现金。",
        # the same rule in English
        "Forward this quiz to 5 friends to see your full horoscope.",
        "Unlock the bonus chapter by sharing the story in two group chats.",
        "Invite 3 friends and get a free month of Premium.",
        "You can only download the template after sharing it to your Moments.",
    ],
)
def test_share_gating_and_lures_are_induced_sharing(scan: Scan, text: str) -> None:
    verdict = scan(app(text))
    assert verdict.decision == "block"
    assert rule_hits(verdict) == ["induced_sharing"]
    assert verdict.actions == ["warn"]


@pytest.mark.parametrize(
    "text",
    [
        "喜欢这篇文章可以分享给朋友，不分享也能看全文。",
        "点击右上角分享给朋友。",
        "新用户注册送10元优惠券。",
        "Share your score with friends if you like it.",
        "Log in to see your order history; you can share receipts by email.",
        "Invite your family to the open day on Saturday.",
    ],
)
def test_voluntary_sharing_and_plain_offers_are_allowed(scan: Scan, text: str) -> None:
    assert scan(app(text)).decision == "allow"


# ------------------------------------------------------------------------ payment outside the platform
@pytest.mark.parametrize(
    "text",
    [
        "报名费请转账到老师个人银行卡，备注孩子姓名。",
        "订单确认后扫描店主个人收款码付款。",
        "看车前先交定金300元，微信转账后发截图。",
        "项目集资中，每份5000元，季度分红。",
        "先付款到我支付宝，确认后发货。",
    ],
)
def test_payment_outside_the_platform_is_restricted(scan: Scan, text: str) -> None:
    verdict = scan(app(text))
    assert verdict.decision == "block"
    assert rule_hits(verdict) == ["offplatform_payment"]
    assert verdict.actions == ["restrict"]
    assert verdict.enforcement is not None and verdict.enforcement.action.scope == ["payment"]


@pytest.mark.parametrize(
    "text",
    [
        "课程费用在小程序内用微信支付完成，支持退款。",
        "警惕骗子要求转账到个人账户，本店只在小程序内收款。",
        "财经快讯：某公司本次配股集资8亿元，用于扩建产线。",  # a company's share offering is no fund collection
    ],
)
def test_in_app_payment_and_warnings_about_transfers_are_allowed(scan: Scan, text: str) -> None:
    assert scan(app(text)).decision == "allow"


# ------------------------------------------------------------------------ web-view
def webview_app(
    url: str, domains: list[dict[str, str]] | None, principal_type: str = "enterprise"
) -> MiniProgramMetadata:
    extra = {} if domains is None else {"business_domains": domains}
    return app(
        "活动详情见下方页面。",
        navigation=[{"url": url, "label": "活动"}],
        extra=extra,
        principal={"name": "某某科技有限公司" if principal_type == "enterprise" else "李某", "type": principal_type},
    )


@pytest.mark.parametrize(
    ("url", "domains", "principal_type"),
    [
        (
            "https://h5.elsewhere.example/a",
            [{"domain": "shop.mine.example", "icp": "京ICP备2021000001号"}],
            "enterprise",
        ),
        ("https://shop.mine.example/a", [{"domain": "shop.mine.example", "icp": ""}], "enterprise"),
        ("https://shop.mine.example/a", [{"domain": "shop.mine.example", "icp": "京ICP备2021000001号"}], "individual"),
    ],
    ids=["undeclared", "unfiled", "personal"],
)
def test_webview_breaches_are_found(scan: Scan, url: str, domains: list[dict[str, str]], principal_type: str) -> None:
    verdict = scan(webview_app(url, domains, principal_type))
    assert rule_hits(verdict) == ["undeclared_webview"]
    assert verdict.categories[0].evidence[0].field == "navigation[0]"


@pytest.mark.parametrize(
    ("url", "domains"),
    [
        ("https://m.shop.mine.example/a", [{"domain": "shop.mine.example", "icp": "京ICP备2021000001号"}]),
        ("https://h5.elsewhere.example/a", None),  # the platform sent no domain list: nothing to judge
    ],
)
def test_declared_filed_domains_and_unknown_lists_pass(
    scan: Scan, url: str, domains: list[dict[str, str]] | None
) -> None:
    assert rule_hits(scan(webview_app(url, domains))) == []


# ------------------------------------------------------------------------ jumps
def hub(count: int, text: str) -> MiniProgramMetadata:
    return app(text, navigation=[{"appid": appid(f"t{i}"), "label": f"No.{i}"} for i in range(count)])


def test_a_ranking_that_only_redirects_to_other_apps_is_a_navigation_hub(scan: Scan) -> None:
    verdict = scan(hub(6, "本周小程序榜单：点一下直接跳转。"))
    assert rule_hits(verdict) == ["navigation_hub"]
    assert verdict.actions == ["warn"]


def test_a_few_partner_jumps_are_allowed(scan: Scan) -> None:
    assert scan(hub(2, "需要订票时可跳转到合作的出行小程序。")).decision == "allow"


def test_a_jump_to_a_known_blocked_mini_program_blocks_with_its_category(detector: Detector) -> None:
    target = metadata(pages=[{"path": "p", "text": "不看征信，黑户秒下款，当天到账，加微信 dk_kf01。"}])
    target = target.model_copy(update={"appid": appid("loan-target")})
    parent = app("更多服务", navigation=[{"appid": target.appid, "label": "急用钱"}])
    verdict = scan_miniprogram(
        parent, detector, scan_id="s", scanned_at=SCANNED_AT, jump_targets={target.appid: target}
    )
    assert verdict.decision == "block"
    assert verdict.categories[0].category == "cash_loan"
    assert verdict.categories[0].evidence[0].field == "navigation[0]"
    unknown = scan_miniprogram(parent, detector, scan_id="s", scanned_at=SCANNED_AT)
    assert unknown.decision == "allow"


def test_a_jump_to_a_known_clean_mini_program_is_allowed(detector: Detector) -> None:
    target = metadata(pages=[{"path": "p", "text": "公交线路查询与到站提醒。"}]).model_copy(
        update={"appid": appid("bus")}
    )
    parent = app("更多服务", navigation=[{"appid": target.appid, "label": "公交"}])
    verdict = scan_miniprogram(
        parent, detector, scan_id="s", scanned_at=SCANNED_AT, jump_targets={target.appid: target}
    )
    assert verdict.decision == "allow"


# ------------------------------------------------------------------------ notices
def test_a_warning_notice_cites_the_rule_the_content_and_a_fix_by_date(scan: Scan) -> None:
    verdict = scan(app("邀请3位好友助力即可免费领取会员。"))
    enforcement = verdict.enforcement
    assert enforcement is not None
    notice = enforcement.notices[0]
    assert notice.rule is not None and notice.rule.id == "wxmp.5.1" and notice.rule.url.startswith("https://")
    assert (notice.content[0].field, notice.content[0].page_path) == ("pages[0].text", "pages/act/index")
    assert enforcement.action.type == "warning" and enforcement.action.fix_by == "2026-11-28"
    assert enforcement.appeal.route == "POST /v1/appeals" and enforcement.appeal.deadline


def test_a_ban_notice_delists_and_bans_without_end_date(scan: Scan) -> None:
    verdict = scan(app("不看征信，黑户秒下款，当天到账，加微信 dk_kf01。"))
    assert verdict.enforcement is not None
    action = verdict.enforcement.action
    assert (action.grade, action.type, action.delist, action.duration_days) == ("ban", "account_ban", True, None)


def test_allowed_and_review_verdicts_carry_no_notice(scan: Scan) -> None:
    assert scan(app("公交线路查询。")).enforcement is None


def test_existing_verdict_fields_keep_their_names(scan: Scan) -> None:
    dumped = scan(app("邀请3位好友助力即可免费领取会员。")).model_dump(mode="json")
    stable = {
        "judged",
        "decision",
        "score",
        "band",
        "categories",
        "outcome",
        "fetch",
        "actions",
        "rules_version",
        "offer",
    }
    assert stable <= set(dumped) and "enforcement" in dumped


# ------------------------------------------------------------------------ docs agree with the policy
def test_the_docs_grade_table_is_the_policy_table() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("<!-- grade-table -->")[1]
    rows = re.findall(r"^\| `([a-z_.]+)` \| (\w+) \| (.+?) \|$", section, flags=re.M)
    assert [(t, g, r) for t, g, r in rows] == [(row["target"], row["grade"], row["reason"]) for row in grade_table()]


def test_the_docs_name_each_platform_rule_with_its_source() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for spec in POLICY.platform_rules.values():
        assert spec.rule in text and POLICY.rule_book[spec.rule].url in text


# ------------------------------------------------------------------------ wider gaps and other lures
@pytest.mark.parametrize(
    "text",
    [
        # 25 characters between the share and the unlock (the gap is policy data, not a fixed 12)
        "请把这个测试链接转发给至少五位微信好友或者两个同学群并截图发回，即可查看完整测评。",
        "叫上好友帮忙助力，凑齐人数就送保温杯。",
        "满8人砍价成功，羽绒服0元带回家。",
        "先添加店长客服微信，发送暗号就能领取6.66元现金红包。",
    ],
)
def test_distant_share_gates_and_help_me_lures_are_induced_sharing(scan: Scan, text: str) -> None:
    verdict = scan(app(text))
    assert rule_hits(verdict) == ["induced_sharing"], verdict.reasons


@pytest.mark.parametrize(
    "text",
    ["支持分享到朋友圈和微信群，登录后即可查看全部订单。", "邀请好友一起参加读书会，欢迎带家人来。"],
)
def test_a_login_between_share_and_unlock_or_a_plain_invitation_is_not_a_gate(scan: Scan, text: str) -> None:
    assert scan(app(text)).decision == "allow"


@pytest.mark.parametrize(
    "text",
    [
        "确认订单后请把货款转到店主支付宝账号 cake_li@qq.com，收到再做。",
        "奶茶店众筹招募合伙人，每股5000元，年底分红。",
    ],
)
def test_transfers_to_a_named_account_and_crowdfunded_shares_are_offplatform_payment(scan: Scan, text: str) -> None:
    assert rule_hits(scan(app(text))) == ["offplatform_payment"]


@pytest.mark.parametrize(
    "text",
    ["竞拍保证金可在本程序内支付，或通过对公账户转账。", "大额货款请转至公司对公账户，备注订单号。"],
)
def test_payments_to_the_business_itself_are_not_offplatform(scan: Scan, text: str) -> None:
    assert scan(app(text)).decision == "allow"


# ------------------------------------------------------------------------ gates that hand over a file, wider counts
@pytest.mark.parametrize(
    "text",
    [
        "历年真题打包：分享到两个群后截图给客服，才发你百度网盘提取码。",
        "Join 会员：邀请好友 invite 3 friends 即领取 7 天体验。",
        "本期运势请转发给三个好友。",
    ],
)
def test_a_file_released_after_sharing_and_counts_in_words_are_induced_sharing(scan: Scan, text: str) -> None:
    assert rule_hits(scan(app(text))) == ["induced_sharing"], scan(app(text)).reasons


@pytest.mark.parametrize(
    "text",
    [
        "资料免费下载，欢迎分享给同学，我们会发你更新提醒。",  # no gate: the file is not held back
        "邀请好友参加读书会，即日起报名，到店领取书签。",  # 即日起 is a date, not an unlock
    ],
)
def test_sharing_without_a_gate_stays_allowed(scan: Scan, text: str) -> None:
    assert rule_hits(scan(app(text))) == []


@pytest.mark.parametrize(
    "text",
    [
        "水果拼单，定金请直接转团长微信，备注门牌号。",
        "Please send the deposit to my personal WeChat before we start baking.",
    ],
)
def test_payment_to_a_person_named_by_role_or_in_english_is_offplatform(scan: Scan, text: str) -> None:
    assert rule_hits(scan(app(text))) == ["offplatform_payment"]


@pytest.mark.parametrize(
    "text",
    [
        "定金在小程序内支付，尾款到店付给店员。",
        "Refunds go back to your personal account within 3 working days.",
    ],
)
def test_in_app_deposits_and_refunds_to_the_buyer_are_not_offplatform(scan: Scan, text: str) -> None:
    assert rule_hits(scan(app(text))) == []


def page_link_app(url: str, principal_type: str = "enterprise") -> MiniProgramMetadata:
    return metadata(
        categories=["工具-效率"],
        pages=[{"path": "pages/act/index", "text": "本周活动见下方链接。", "links": [{"url": url, "text": "活动"}]}],
        extra={"business_domains": [{"domain": "shop.mine.example", "icp": "京ICP备2021000001号"}]},
        principal={"name": "某某科技有限公司" if principal_type == "enterprise" else "李某", "type": principal_type},
    )


def test_a_page_link_to_an_undeclared_domain_is_an_undeclared_webview(scan: Scan) -> None:
    verdict = scan(page_link_app("https://events.elsewhere.example/list"))
    assert rule_hits(verdict) == ["undeclared_webview"]
    assert verdict.categories[0].evidence[0].field == "pages[0].links[0]"


@pytest.mark.parametrize(
    "url", ["https://m.shop.mine.example/list", "https://mp.weixin.qq.com/s/abc"], ids=["declared", "platform"]
)
def test_page_links_to_declared_or_platform_domains_pass(scan: Scan, url: str) -> None:
    assert rule_hits(scan(page_link_app(url))) == []
