"""A warning that quotes a seller's words names the goods in quotation marks and gives no contact of its
own: the quotes count as context (dampening as far as the offer model reads discussion). A seller who
puts its goods in quotes still gives a way to reach it, and stays flagged."""

from __future__ import annotations

import pytest

from linkscan.detect import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.load()


@pytest.mark.parametrize(
    "warning",
    [
        "Consumer alert: sites selling 'Ozempic pens without prescription' for $99 ship fakes; buy only with a "
        "prescription from a licensed pharmacy.",
        "Bank fraud notice: messages offering 'instant loans, no credit check, cash in 10 minutes' are not from us. "
        "We never ask for fees before a loan is paid out.",
        "Our guide: ads for 'super clone watches, swiss movement, 1:1' at $300 are replicas. Check serial numbers "
        "with the brand before you buy pre-owned.",
    ],
)
def test_a_warning_quoting_a_sellers_words_is_allowed(detector: Detector, warning: str) -> None:
    detection = detector.detect(warning)
    assert detection.decision == "allow"
    assert any("goods named in quotes" in reason for reason in detection.reasons)


def test_the_quoted_words_with_a_contact_are_still_an_offer(detector: Detector) -> None:
    text = (
        "Consumer alert: sites selling 'Ozempic pens without prescription' for $99 ship fakes. "
        "Text +1 305 555 0199 to order yours today."
    )
    assert detector.detect(text).decision != "allow"


def test_a_seller_quoting_its_own_goods_is_still_flagged(detector: Detector) -> None:
    detection = detector.detect("新款“超A货”“原单”包包到货，一件代发，价格私聊，微信 bao6688。")
    assert detection.decision != "allow"
    assert detection.categories[0].category == "counterfeit"


def test_an_apostrophe_is_no_quotation(detector: Detector) -> None:
    text = "Don't miss it: super clone Rolex 1:1, it's the best replica, ships worldwide, order now."
    assert detector.detect(text).decision != "allow"
