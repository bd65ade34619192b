"""Look-alikes sold on their sameness to the genuine article, in words the older phrases lack, are
counterfeit offers; a refurbisher's and a buyer's honest use of the same words stays clean."""

from __future__ import annotations

import pytest

from linkscan.detect import Detector
from linkscan.settings import DetectionSettings


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.load(DetectionSettings())


def _top(detector: Detector, text: str) -> str:
    detection = detector.detect(text)
    return "clean" if detection.decision == "allow" or not detection.categories else detection.categories[0].category


@pytest.mark.parametrize(
    "text",
    [
        "Trainers for sale, they look just like the genuine ones, $45 a pair, DM to order",
        pytest.param(
            "Nikey running shoes - same look as the original, same box, $25 a pair, wholesale lots of 20",
            marks=pytest.mark.xfail(strict=True, reason="claim found; the offer model reads it as discussion"),
        ),
        "运动鞋批发，看上去与真品无差别，一双起批，微信下单",
        "三叶草同款运动服，吊牌包装跟正品一样，89元一套，私聊",
    ],
)
def test_sameness_to_the_genuine_article_is_a_counterfeit_offer(detector: Detector, text: str) -> None:
    assert _top(detector, text) == "counterfeit"


@pytest.mark.parametrize(
    "text",
    [
        "The fake looked exactly like the real thing, so check the serial number before you buy anything online.",
        "Our refurbished phones look like new and work the same as the original, with a one-year warranty.",
        "官方翻新机外观与正品一样，享受一年保修，请到授权门店购买",
        "我买的这双鞋外观和正品一模一样，后来才知道是假的，大家小心",
    ],
)
def test_honest_sameness_stays_clean(detector: Detector, text: str) -> None:
    assert _top(detector, text) == "clean"
