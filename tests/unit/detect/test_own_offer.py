"""The author's own way to buy is not vetoed by the offer model alone (issue #13, cross-source recall).

The offer model reads words; a genre it never saw (a darknet listing, a chat pitch in a trade it has no
text of) reads as discussion however plainly it names a handle or pushes to a private chat, and the
veto kept such pitches below review. Cue rules marked ``own_offer`` (a handle, a mobile number, a push
to a private chat) hold the veto at the fitted floor; prices and shop words are not marked, since news
and guides quote them. Texts are written for these tests.
"""

from __future__ import annotations

import pytest

from devstack import train
from linkscan.detect import Detector
from linkscan.detect.engine import Components
from linkscan.detect.offer_model import OfferJudgement
from linkscan.settings import DetectionSettings

DISCUSSION = OfferJudgement(probability=0.05, logit=-2.9, top_features=())


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.load(DetectionSettings())


def _part(detector: Detector, text: str, category: str) -> Components:
    parts, _judgement = detector.components(text)
    wanted = [part for (cat, _sub), part in parts.items() if cat == category]
    assert wanted, f"no {category} goods named in {text!r}"
    return max(wanted, key=lambda part: part.goods)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ketamine shards, 5g, message me for the price", "contraband"),
        ("出冰糖，纯度高，同城可送，加微信详聊", "contraband"),
        ("高仿名表一比一，私聊我看实拍", "counterfeit"),
        ("Rolex superclone, whatsapp +44 7700 900123", "counterfeit"),
    ],
)
def test_a_pitch_with_its_own_channel_survives_a_discussion_reading(
    detector: Detector, text: str, category: str
) -> None:
    part = _part(detector, text, category)
    assert part.own_offer
    assert part.score(detector.offer_model, DISCUSSION) >= detector.bands.review


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Police said the cocaine sold for $80 a gram before the seizure.", "contraband"),
        ("市场监管局查处假冒名牌手表，涉案商品标价每只800元。", "counterfeit"),
    ],
)
def test_a_quoted_price_is_no_channel_and_the_veto_holds(detector: Detector, text: str, category: str) -> None:
    part = _part(detector, text, category)
    assert not part.own_offer
    assert part.score(detector.offer_model, DISCUSSION) < detector.bands.review


def test_the_shipped_model_holds_the_veto_for_an_own_channel() -> None:
    model = Detector.load(DetectionSettings()).offer_model
    assert model.own_offer_floor > 0
    assert model.offering(DISCUSSION, 0.9, own_offer=True) > model.offering(DISCUSSION, 0.9)


def _rows(doubted_own: int) -> list[tuple[float, float, float, float, int, int, str]]:
    """Offerings the model agrees on, offerings it doubts (p 0.1) that give their own channel when
    ``doubted_own``, and clean look-alikes with the same reading and cues but no channel."""
    agreed = [(0.9, 1.0, 0.9, 1.0, 1, 1, "a")] * 60
    doubted = [(0.1, 1.0, 0.9, 1.0, doubted_own, 1, "a")] * 40
    look_alikes = [(0.1, 1.0, 0.9, 1.0, 0, 0, "a")] * 20
    plain = [(0.0, 1.0, 0.0, 1.0, 0, 0, "a")] * 500
    return agreed + doubted + look_alikes + plain


def test_the_fit_raises_the_floor_only_where_the_channel_separates_offers() -> None:
    assert train.fit_combination(_rows(doubted_own=1))["own_offer_floor"] >= 0.5
    assert train.fit_combination(_rows(doubted_own=0))["own_offer_floor"] == 0.0


def test_each_source_recall_counts_the_same_in_the_fit() -> None:
    """A small source whose offers only a low veto catches is not outvoted by a large one whose
    clean look-alikes the same veto would flag: its recall weighs as much as the large one's."""
    big = [(0.9, 1.0, 0.9, 1.0, 0, 1, "big")] * 400 + [(0.15, 1.0, 0.9, 1.0, 0, 0, "big")] * 3
    small = [(0.15, 1.0, 0.9, 1.0, 0, 1, "small")] * 10
    plain = [(0.0, 1.0, 0.0, 1.0, 0, 0, "big")] * 600
    assert train.fit_combination(big + small + plain)["veto_below"] <= 0.3


def test_a_platform_named_bare_is_no_channel_of_the_author(detector: Detector) -> None:
    """Warnings, brand statements and report notices name the platforms and private chats sellers use;
    only a push or a handle is the author's own way to be reached."""
    warning = "Fake Ozempic pens are sold by sellers who move you to WhatsApp or Telegram."
    assert not _part(detector, warning, "contraband").own_offer
    assert _part(detector, "Ozempic pens, no prescription, whatsapp me", "contraband").own_offer
    notice = "如发现有人私聊兜售象牙制品、犀角，请拨打12315举报。"
    assert not _part(detector, notice, "contraband").own_offer
    assert _part(detector, "象牙制品、犀角出售，有意者私聊", "contraband").own_offer


def test_quoted_goods_with_no_way_to_buy_stay_allowed_whatever_the_model_reads(detector: Detector) -> None:
    statement = (
        "Statement from Breitling: we never sell through Instagram or WhatsApp. Watches advertised as "
        "'Navitimer 1:1 clone, Swiss movement, $300' are fakes. Buy only from our boutiques."
    )
    assert detector.detect(statement).decision == "allow"
    # the same quote with the seller's own push is a pitch
    assert detector.detect("'Navitimer 1:1 clone, Swiss movement, $300', DM me to order").decision != "allow"
