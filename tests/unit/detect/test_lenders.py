"""Where a loan pitch leads: a licensed lender's own ad is allowed only when every channel it gives is
the lender's official hotline or domain (policy/lenders.yaml); a name or a pasted contact decides nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from linkscan.detect import Detector
from linkscan.detect.lenders import Channel, LicensedLenders, channels, load_lenders
from linkscan.detect.normalize import normalize
from linkscan.detect.schema import PackError

BANK_AD = "建设银行个人信用消费贷，无需抵押，线上申请，最快当天放款，额度最高20万。详询建行客服热线95533。"
BANK_AD_EN = (
    "Wells Fargo personal loans: no collateral, instant approval, cash in minutes straight to your account. "
    "Apply now at wellsfargo.com."
)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.load()


def _flagged(detector: Detector, text: str, domain: str | None = None) -> bool:
    detection = detector.detect(text, domain=domain)
    return detection.decision != "allow" and detection.categories[0].category == "cash_loan"


def test_a_bank_ad_whose_only_channel_is_its_hotline_is_allowed(detector: Detector) -> None:
    detection = detector.detect(BANK_AD)
    assert detection.decision == "allow"
    assert any("leads to licensed lender" in reason for reason in detection.reasons)


def test_an_english_bank_ad_on_its_own_domain_is_allowed(detector: Detector) -> None:
    assert not _flagged(detector, BANK_AD_EN)


@pytest.mark.parametrize(
    "pasted",
    [
        "有意者请联系刘经理15930627418。",
        "加微信 jk20196688 秒批。",
        "QQ 3902214765 咨询。",
        "了解更多访问 jiekuan-365.com。",
    ],
)
def test_the_same_ad_with_a_pasted_contact_is_still_flagged(detector: Detector, pasted: str) -> None:
    assert _flagged(detector, BANK_AD + pasted)


def test_the_english_ad_with_another_site_is_still_flagged(detector: Detector) -> None:
    assert _flagged(detector, BANK_AD_EN + " Faster approval at fastfunds-direct.net, apply now.")


def test_a_loan_shark_pasting_a_bank_name_is_still_flagged(detector: Detector) -> None:
    shark = "建设银行合作渠道，无抵押信用贷款当天放款，额度5-30万，手续简单，电话18736205541王经理。"
    assert _flagged(detector, shark)


def test_credit_blind_lending_is_never_rescued_even_behind_a_bank_hotline(detector: Detector) -> None:
    assert _flagged(detector, "建设银行信用贷，黑户也能办，不看征信，当天放款，详询95533。")


def test_the_bank_ad_on_another_domain_is_not_rescued(detector: Detector) -> None:
    assert _flagged(detector, BANK_AD, domain="daikuan-kuai.top")
    assert not _flagged(detector, BANK_AD, domain="ccb.com")


def test_another_banks_hotline_does_not_resolve_to_the_named_bank() -> None:
    lenders = load_lenders()
    text = normalize("招商银行闪电贷，详询95533。")
    leads = lenders.leads(text.folded, text.text)
    # the hotline is CCB's: the text leads to CCB too, which it names by that channel; both are licensed
    assert leads.to_licensed_lender and set(leads.lenders) == {"招商银行", "中国建设银行"}


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("详询95588", [Channel("hotline", "95588")]),
        ("致电400-889-5539", [Channel("hotline", "4008895539")]),
        ("联系13812345678", [Channel("mobile", "13812345678")]),
        ("电话xxxxxxxxxxx", [Channel("mobile", "xxxxxxxxxxx")]),
        ("电话0571-86012345", [Channel("phone", "057186012345")]),
        ("额度最高300000元，年化3.65%，2025年", []),
        ("borrow $25,000 over 60 months", []),
        ("call 1-800-935-9935", [Channel("hotline", "18009359935")]),
        ("apply at https://www.icbc.com.cn/loans", [Channel("domain", "icbc.com.cn")]),
    ],
)
def test_channels_are_read_from_numbers_and_domains(written: str, expected: list[Channel]) -> None:
    text = normalize(written)
    assert list(channels(text.folded, text.text)) == expected


def test_the_regulators_name_is_no_lender() -> None:
    assert load_lenders().named(normalize("中国银行业协会发布消费贷款报告").text) == set()


def test_a_rural_bank_is_named_by_its_town_and_ending() -> None:
    assert load_lenders().named(normalize("欢迎到青田农商银行办理").text) == {"青田农商银行"}


def test_a_lender_citing_an_unknown_source_is_refused(tmp_path: Path) -> None:
    from linkscan.detect.policy import _policy_doc

    shipped = Path(__file__).parents[3] / "layers/linkscan/python/linkscan/policy/lenders.yaml"
    edited = tmp_path / "lenders.yaml"
    edited.write_text(
        shipped.read_text(encoding="utf-8").replace("source: [bank_sites, allowlist]}", "source: [nowhere]}", 1),
        encoding="utf-8",
    )
    with pytest.raises(PackError, match="unknown source nowhere"):
        LicensedLenders.from_doc(_policy_doc("lenders.yaml", edited))


# A branch's own ad gives the branch's landline, which no list ties to the bank (texts written for
# these tests, not dev items).
BRANCH_AD = "宁波银行推出无抵押信用贷款，公积金缴存满一年即可申请，审批快，详询宁波银行江北支行，电话0574-87351200。"


def test_a_loan_ad_signed_by_a_bank_branch_with_its_landline_is_allowed(detector: Detector) -> None:
    detection = detector.detect(BRANCH_AD)
    assert detection.decision == "allow"
    assert any("signed by bank branch 宁波银行江北支行" in reason for reason in detection.reasons)


@pytest.mark.parametrize(
    "pasted",
    ["客户经理手机13957421188。", "加微信 nbdai2288 办理。", "扫码了解更多。", "本行合作机构代办。"],
)
def test_the_branch_ad_with_a_mobile_handle_code_or_partner_is_still_flagged(detector: Detector, pasted: str) -> None:
    assert _flagged(detector, BRANCH_AD + pasted)


def test_a_loan_shark_signing_with_a_bank_branch_is_still_flagged(detector: Detector) -> None:
    shark = "黑户白户均可，不看征信，当天下款，详询工商银行城东支行，电话0571-86012345。"
    assert _flagged(detector, shark)


def test_a_consumer_finance_company_is_a_licensed_lender_by_name() -> None:
    lenders = load_lenders()
    assert lenders.named(normalize("中银消费金融新易贷上线").text) == {"中银消费金融"}
    text = normalize("马上消费金融安逸花，登录官网 www.msxf.com 申请。")
    assert lenders.leads(text.folded, text.text).to_licensed_lender
    # the name of a trade is no company's: "消费金融" alone names no lender
    assert lenders.named(normalize("持牌消费金融公司名单").text) == set()
