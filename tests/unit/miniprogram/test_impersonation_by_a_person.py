"""A brand's official or authorised service claimed by an individual principal is blocked on its own: a
person cannot be a brand's official channel. A company making the same claim may be an authorised
dealer or repairer, so the claim alone stays ``review``, unless it asks for a card number and the SMS
code no brand's own service asks for. Written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from linkscan.models import Verdict
from tests.unit.miniprogram.helpers import metadata

Scan = Callable[..., Verdict]
PAGES = [{"path": "pages/home/index", "text": "手机换屏、换电池，当天取机。"}]


def test_an_individual_claiming_a_brands_official_service_is_blocked(scan: Scan) -> None:
    verdict = scan(metadata(name="华为官方售后", principal={"name": "王某", "type": "individual"}, pages=PAGES))
    assert verdict.decision == "block", verdict.reasons
    assert (verdict.categories[0].subcategory, verdict.actions) == ("impersonation", ["restrict"])


def test_a_company_making_the_same_claim_is_left_to_review(scan: Scan) -> None:
    verdict = scan(
        metadata(name="华为官方售后", principal={"name": "某某通讯维修有限公司", "type": "enterprise"}, pages=PAGES)
    )
    assert verdict.decision == "review"


# A fake official customer service names the brand's own account services ("提额", "解冻") as its script.
PERSON = {"name": "赵某", "type": "individual"}


def test_an_impersonators_use_of_the_brands_services_is_graded_as_impersonation(scan: Scan) -> None:
    pages = [{"path": "pages/home/index", "text": "花呗提额、账户解冻、退款异常，请在线联系客服处理。"}]
    verdict = scan(metadata(name="支付宝官方客服中心", principal=PERSON, pages=pages))
    assert verdict.decision == "block", verdict.reasons
    assert [c.category for c in verdict.categories] == ["counterfeit"]
    assert verdict.actions == ["restrict"]


def test_an_impersonator_that_also_offers_loans_keeps_the_loan(scan: Scan) -> None:
    pages = [{"path": "pages/home/index", "text": "花呗提额，另有急用钱秒批贷款，不看征信，当天放款。"}]
    verdict = scan(metadata(name="支付宝官方客服中心", principal=PERSON, pages=pages))
    assert "cash_loan" in {c.category for c in verdict.categories}
    assert verdict.actions == ["ban"]


# A company borrowing a brand's official name that asks for a card number and the SMS code is phishing.
COMPANY = {"name": "某某信息咨询有限公司", "type": "enterprise"}


def test_a_company_claiming_a_brands_service_and_asking_for_card_and_code_is_blocked(scan: Scan) -> None:
    pages = [{"path": "pages/home/index", "text": "包裹延误赔付：请输入银行卡号及收到的短信验证码，赔款即时到账。"}]
    verdict = scan(metadata(name="京东物流官方赔付", principal=COMPANY, pages=pages))
    assert verdict.decision == "block", verdict.reasons
    assert (verdict.categories[0].subcategory, verdict.actions) == ("impersonation", ["restrict"])


def test_one_code_for_a_login_leaves_the_same_claim_to_review(scan: Scan) -> None:
    pages = [{"path": "pages/home/index", "text": "输入手机号和短信验证码登录，查询理赔进度。"}]
    verdict = scan(metadata(name="京东物流官方赔付", principal=COMPANY, pages=pages))
    assert verdict.decision == "review", verdict.reasons
