"""A brand's official or authorised service claimed by an individual principal is blocked on its own: a
person cannot be a brand's official channel. A company making the same claim may be an authorised
dealer or repairer, so the claim alone stays ``review``. Written for these tests."""

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
