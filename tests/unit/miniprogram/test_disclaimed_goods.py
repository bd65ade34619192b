"""Goods named to say they are not sold or taken: "本店不售管制刀具", "拒收高仿", "we never sell replicas".

Licensed and ordinary shops print what they do not offer. Such a clause (a sentence split at its commas)
is informational and content detection does not read it, unless the clause carries a price, delivery
or private-chat cue of its own. Written for these tests; each has its counterpart on the other side.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from linkscan.miniprogram import MiniProgramMetadata
from linkscan.miniprogram.framing import frame_field
from linkscan.miniprogram.policy import load_policy
from linkscan.models import Verdict
from tests.unit.miniprogram.helpers import metadata

Scan = Callable[..., Verdict]
POLICY = load_policy()


def shop(*texts: str, categories: tuple[str, ...] = ("商家自营-五金",), **fields: Any) -> MiniProgramMetadata:
    pages = [{"path": f"pages/p{i}/index", "text": text} for i, text in enumerate(texts)]
    return metadata(pages=pages, categories=list(categories), **fields)


def disclaimed(text: str) -> list[str]:
    return [text[s.start : s.end].strip() for s in frame_field(text, POLICY).sentences if s.disclaimed]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("本店不出售野生鸟类，鹦鹉均为人工繁育。", "本店不出售野生鸟类，"),
        ("注射均在本院完成，针剂不对外销售。", "针剂不对外销售。"),
        ("All items are authenticated, we never sell replicas.", "we never sell replicas."),
    ],
)
def test_a_clause_saying_what_is_not_sold_is_disclaimed(text: str, clause: str) -> None:
    assert disclaimed(text) == [clause]


@pytest.mark.parametrize(
    "text",
    [
        "不卖高仿的都是外行，顶级高仿包¥680包邮。",  # the offer is a clause of its own
        "象牙料子不单独出售¥300一克起。",  # a price in the same clause
        "烟弹不零售，整盒私聊拿货。",  # no negated-sale marker of the list: 不零售 sells by the box
    ],
)
def test_a_clause_that_still_sells_is_not_disclaimed(text: str) -> None:
    for clause in disclaimed(text):
        assert "¥" not in clause and "私聊" not in clause and "包邮" not in clause


def test_a_hardware_shop_that_does_not_sell_controlled_knives_is_allowed(scan: Scan) -> None:
    verdict = scan(shop("剪刀、扳手、卷尺，¥15起，顺丰发货。", "本店不销售管制刀具和弩，菜刀须实名购买。"))
    assert verdict.decision == "allow", verdict.reasons


def test_a_shop_selling_controlled_knives_is_blocked(scan: Scan) -> None:
    verdict = scan(shop("剪刀、扳手，¥15起，顺丰发货。", "管制刀具、弹簧刀出售，匿名发货。"))
    assert verdict.decision == "block"
    assert verdict.categories[0].subcategory == "weapons"


def test_a_pharmacy_app_that_sells_nothing_online_is_not_inferred_to_sell_medicine(scan: Scan) -> None:
    verdict = scan(
        shop("积分可兑换体温计和口罩。", "本程序不在线销售药品，购药请到门店。", categories=("生活服务-会员",))
    )
    assert verdict.decision == "allow", verdict.reasons


# ------------------------------------------------------------------------ offers must name the goods
STORE = {
    "categories": ("商家自营-便利店",),
    "qualifications": [{"type": "烟草专卖零售许可证", "number": "1", "issuer": "烟草专卖局"}],
}


def test_a_tobacco_licensee_ordering_snacks_online_is_not_inferred_to_sell_cigarettes_online(scan: Scan) -> None:
    verdict = scan(shop("水果零食在线下单，半小时送达。", "本店持烟草专卖零售许可证，香烟仅限到店购买。", **STORE))
    assert verdict.decision == "allow", verdict.reasons


def test_the_same_store_taking_cigarette_orders_online_is_a_qualification_gap(scan: Scan) -> None:
    verdict = scan(shop("水果零食在线下单，半小时送达。", "香烟在线下单，整条送到家。", **STORE))
    assert verdict.decision in {"review", "block"}
    assert any(gap["topic"] == "tobacco" for gap in verdict.extra["qualification_gaps"])  # type: ignore[attr-defined]


# Refusals: a consignment shop or recycler names the goods it turns away ("拒收高仿"), as a shop that
# says "本店不售…" does.
def test_clauses_refusing_goods_are_disclaimed() -> None:
    assert disclaimed("包包寄卖，拒收高仿A货。") == ["拒收高仿A货。"]
    assert disclaimed("旧表回收，谢绝复刻表。") == ["谢绝复刻表。"]
    assert disclaimed("Consignment only, we refuse replicas.") == ["we refuse replicas."]


def test_a_refusal_clause_with_a_price_still_sells() -> None:
    assert disclaimed("谢绝砍价，高仿包¥680包邮。") == ["谢绝砍价，"]


def test_a_consignment_shop_that_refuses_replicas_is_allowed(scan: Scan) -> None:
    # the refusal sits in an inspection sentence, which is split at its commas too
    meta = metadata(
        categories=["商家自营-箱包"],
        pages=[
            {"path": "pages/list/index", "text": "二手名牌包 九成新 ¥3200，顺丰发货。"},
            {"path": "pages/rules/index", "text": "每件寄卖商品经鉴定师查验，拒收高仿和A货。"},
        ],
    )
    assert scan(meta).decision == "allow"


def test_a_shop_selling_replicas_beside_a_refusal_is_still_blocked(scan: Scan) -> None:
    meta = metadata(
        categories=["商家自营-箱包"],
        pages=[{"path": "pages/list/index", "text": "拒收差评，顶级高仿A货包 ¥680 包邮，私聊看实拍。"}],
    )
    assert scan(meta).decision == "block"


# ------------------------------------------------------------------------ "no X, no Y" lists
def test_a_no_x_no_y_list_disclaims_each_item() -> None:
    text = "Only vitamins and fish oil here. No anabolic steroids, no SARMs, no diet pills."
    assert disclaimed(text) == ["Only vitamins and fish oil here. No anabolic steroids,", "no SARMs,", "no diet pills."]


@pytest.mark.parametrize(
    "text",
    [
        "Steroids in stock. No prescription, no questions asked, ships today.",  # the checks a seller skips
        "No steroids here.",  # a single "no" is no list
    ],
)
def test_waived_checks_and_a_lone_no_are_not_a_negated_list(text: str) -> None:
    assert not any("steroid" in clause.lower() for clause in disclaimed(text))


@pytest.mark.parametrize(
    "text", ["Cash loans today. No collateral, no guarantor, no upfront fees.", "不提供任何担保也能借，当天放款。"]
)
def test_a_lenders_list_of_skipped_requirements_is_not_disclaimed(text: str) -> None:
    assert disclaimed(text) == []


def test_a_gym_listing_the_drugs_it_refuses_is_allowed(scan: Scan) -> None:
    verdict = scan(
        shop(
            "Annual membership ¥1999, boxing class ¥120.",
            "Our counter sells protein bars only. No steroids, no SARMs, no fat burners.",
            categories=("体育-健身",),
        )
    )
    assert verdict.decision == "allow", verdict.reasons


def test_the_same_drugs_offered_with_a_price_still_block(scan: Scan) -> None:
    verdict = scan(
        shop("Steroids and SARMs for cutting, ¥300 a cycle, discreet delivery, DM us.", categories=("体育-健身",))
    )
    assert verdict.decision == "block"
