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
