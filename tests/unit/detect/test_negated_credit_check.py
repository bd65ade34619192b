"""A loan pitch's "no credit check" (不查征信) is the lender's own promise, not a credit look-up sold
about someone else: it names no personal-data trade, while a look-up service still does."""

from __future__ import annotations

import pytest

from linkscan.detect import Detector
from linkscan.settings import DetectionSettings


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.load(DetectionSettings())


def _subcategories(detector: Detector, text: str) -> set[str]:
    return {category.subcategory for category in detector.detect(text).categories}


@pytest.mark.parametrize(
    "text",
    [
        "极速放款 不查征信 黑户可贷 日息0.3% 加微信 dk8888 当天到账",
        "小额借款，无需查征信，凭身份证就能下款，联系QQ 20231234",
    ],
)
def test_a_loan_pitch_without_a_credit_check_is_a_loan_and_no_data_trade(detector: Detector, text: str) -> None:
    assert detector.detect(text).decision == "block"
    assert "personal_data" not in _subcategories(detector, text)


def test_a_credit_look_up_sold_about_someone_else_is_still_personal_data(detector: Detector) -> None:
    text = "代查他人征信 查征信 查开房 社工库 一条50元 加v sg666"
    assert detector.detect(text).decision in ("review", "block")
    assert "personal_data" in _subcategories(detector, text)
