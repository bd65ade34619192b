"""Offering speech and market names that the packs lacked (rules/01_offering_speech.yaml,
rules/lexicon_market_slang.yaml).

Sellers who dodge the classic cues write a handle short ("V：ab123", "飞机@xy", a phone number with
starred digits), push the buyer to a private chat (私聊, "message us to order"), speak as a seller
(到货, "we sell", "bulk discounts for resellers") and take crypto; the goods go by market names
(纯冰, 苍蝇水, 过机版 notes, 截听器, "unregistered … kits"), and bulk e-mail sells "enlargement"
with guarantees and urgency. These offers are flagged; news, notices and warnings naming the same
goods, and ordinary shops speaking the same way, stay allow. The texts are written for these tests.
"""

from __future__ import annotations

import pytest

from linkscan.detect import Detector
from linkscan.settings import DetectionSettings


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.load(DetectionSettings())


def flagged_as(detector: Detector, text: str) -> str | None:
    """The top category.subcategory when the text is taken out of allow, else None."""
    detection = detector.detect(text)
    if detection.decision == "allow" or not detection.categories:
        return None
    top = detection.categories[0]
    return f"{top.category}.{top.subcategory}"


SHORT_HANDLES_AND_PRIVATE_CHAT = [
    ("摇头丸现货，夜店用，V：hk5520", "contraband.drugs"),
    ("仿真手枪金属款，可发射，微信139****2231", "contraband.weapons"),
    ("出售象牙手镯，正品老料，私聊看货", "contraband.wildlife"),
]
SELLER_SPEECH = [
    ("We sell tramadol 100mg, bulk discounts for resellers, pay in USDT", "contraband.prescription_medicine"),
    ("Novelty passports and scannable ID cards, made to order, message us to order", "contraband.forged_documents"),
    ("Unregistered dermal filler kits in stock, 350 USDT a box, discreet delivery", "contraband.medical_devices"),
]
MARKET_NAMES = [
    ("纯冰到货，需要的私聊，老地方见", "contraband.drugs"),
    ("麻醉箭三步倒，打猎专用，加微信下单", "contraband.weapons"),
    ("出售苍蝇水，无色无味，隐私发货", "contraband.sexual_drugs"),
    ("考生名单出售，全国各省，量大价优，私聊", "contraband.personal_data"),
    ("截听器、监听卡出售，保密包装", "contraband.surveillance"),
    ("出售过机版百元假钞，一比五，私聊", "contraband.counterfeit_currency"),
]
SPAM_EMAIL = [  # the "enlargement" products of bulk e-mail, sold with its guarantees and urgency
    "Grow your penis up to 3 inches longer with our herbal formula! 100% guaranteed, click here to order",
    "Penile enlargement capsules, act now: buy 2 bottles get 1 free, satisfaction guaranteed",
]


@pytest.mark.parametrize(("text", "expected"), SHORT_HANDLES_AND_PRIVATE_CHAT)
def test_a_short_or_masked_handle_or_a_private_chat_push_offers_the_goods(
    detector: Detector, text: str, expected: str
) -> None:
    assert flagged_as(detector, text) == expected


@pytest.mark.parametrize(("text", "expected"), SELLER_SPEECH)
def test_first_person_selling_reseller_pricing_and_crypto_payment_offer_the_goods(
    detector: Detector, text: str, expected: str
) -> None:
    assert flagged_as(detector, text) == expected


@pytest.mark.parametrize(("text", "expected"), MARKET_NAMES)
def test_goods_named_by_their_market_names_are_flagged_when_offered(
    detector: Detector, text: str, expected: str
) -> None:
    assert flagged_as(detector, text) == expected


@pytest.mark.parametrize("text", SPAM_EMAIL)
def test_enlargement_spam_is_flagged(detector: Detector, text: str) -> None:
    assert flagged_as(detector, text) == "contraband.sexual_drugs"


STAYS_ALLOW = [
    # news, notices and warnings that name the same goods
    "警方破获一起贩卖过机版假钞案，抓获犯罪嫌疑人3名",
    "市场监管局提醒：购买伟哥等处方药需凭医生处方",
    "学校通知：考生名单已在公告栏公示，请核对个人信息",
    "电警棍属于管制器具，非法携带将被处罚",
    "The FDA warned that unregistered medical devices sold online may be unsafe.",
    "Our pharmacy dispenses tramadol only with a valid prescription from your doctor.",
    "Urologists say most pills that promise a bigger penis do not work, and some hide sildenafil.",
    "Our clinic treats erectile dysfunction; book an appointment with a urologist.",
    # ordinary shops that speak like sellers, which they are
    "新品到货，纯棉T恤，私聊价格，包邮",
    "本店新到一批茶叶，厂家直销，欢迎订购",
]


@pytest.mark.parametrize("text", STAYS_ALLOW)
def test_discussion_of_the_goods_and_ordinary_shops_stay_allow(detector: Detector, text: str) -> None:
    assert flagged_as(detector, text) is None
