"""Goods lexicons (rules/lexicon_*.yaml): sourced vocabulary for trades the packs had no words for.

Offering texts name goods only a lexicon knows and are flagged; discussion of the same goods (news
of a seizure, a museum exhibit, a stamp collector, a pharmacology explainer) stays allow, and so do
shops whose goods share a word with drug slang. Texts are written for these tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from linkscan.detect import Detector
from linkscan.detect.normalize import normalize
from linkscan.detect.rules import builtin_pack_paths
from linkscan.settings import DetectionSettings

SOURCE_KEYS = {"id", "name", "url", "repo", "commit", "note"}


def lexicon_paths() -> list[Path]:
    return [path for path in builtin_pack_paths() if path.name.startswith("lexicon_")]


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.load(DetectionSettings())


def verdict(detector: Detector, text: str) -> tuple[str, str | None]:
    detection = detector.detect(text)
    if not detection.categories:
        return detection.decision, None
    top = detection.categories[0]
    return detection.decision, f"{top.category}.{top.subcategory}"


# --- provenance ----------------------------------------------------------------------------------


def test_lexicon_files_ship_with_the_packs() -> None:
    names = {path.name for path in lexicon_paths()}
    assert {"lexicon_narcotics.yaml", "lexicon_wildlife.yaml", "lexicon_personal_data.yaml"} <= names


@pytest.mark.parametrize("path", lexicon_paths(), ids=lambda p: p.name)
def test_every_lexicon_declares_its_sources_and_every_rule_names_one(path: Path) -> None:
    doc = load(path)
    assert str(doc.get("description", "")).strip()
    sources = doc["sources"]
    assert sources
    for source in sources:
        assert set(source) <= SOURCE_KEYS, f"{path.name}: unknown source keys {set(source) - SOURCE_KEYS}"
        assert source["id"] and source["name"]
        assert source.get("url") or source.get("repo") or source["id"] == "misspellings"
    ids = {source["id"] for source in sources}
    for rule in doc["rules"]:
        named = rule.get("source")
        assert named, f"{path.name}: rule {rule['id']} names no source"
        assert set(named) <= ids, f"{path.name}: rule {rule['id']} names undeclared sources {set(named) - ids}"


def test_no_lexicon_term_is_repeated_in_another_rule() -> None:
    owners: dict[str, set[str]] = {}
    for path in builtin_pack_paths():
        doc = load(path)
        for section in ("rules", "cues", "context"):
            for rule in doc.get(section) or []:
                for term in rule.get("terms", []):
                    owners.setdefault(normalize(str(term)).text, set()).add(f"{path.name}:{rule['id']}")
    lexicon_rules = {f"{p.name}:{r['id']}" for p in lexicon_paths() for r in load(p)["rules"]}
    repeated = {key: rules for key, rules in owners.items() if len(rules) > 1 and rules & lexicon_rules}
    assert repeated == {}


def test_lexicon_rules_are_loaded_by_the_detector(detector: Detector) -> None:
    loaded = {rule.id for rule in detector.compiled.rules}
    declared = {rule["id"] for path in lexicon_paths() for rule in load(path)["rules"]}
    assert declared <= loaded


# --- offerings the packs had no words for ----------------------------------------------------------


def _expected(case: object) -> str:
    values = case.values if hasattr(case, "values") else case
    return str(values[1])  # type: ignore[index]


KNOWN_SHORT_PITCH_MISS = pytest.mark.xfail(
    strict=True,
    reason="offer model reads this short English pitch as discussion (docs/detection.md, Limits)",
)
OFFERINGS = [
    # narcotics: catalogue names, misspellings and pinyin
    ("出售麦角二乙胺、赛洛西宾，保密发货，加微信", "contraband.drugs"),
    ("出售bingdu和magu，加微信详聊", "contraband.drugs"),
    ("Selling carfentanil and isotonitazene powder, discreet shipping, contact on wickr", "contraband.drugs"),
    ("oxycodon 30mg and xanex bars in stock, order now, ships worldwide", "contraband.prescription_medicine"),
    # first-class psychotropics are the drug trade (docs/policy.md, hard cases)
    ("聪明药莫达非尼、利他林现货，考研提神，加微信下单", "contraband.drugs"),
    # banned slimming additives
    ("减肥咖啡瘦，酚酞配方，一周掉秤8斤，加微信包邮", "contraband.prescription_medicine"),
    (
        "Lida Daidaihua slimming capsules with sibutramine, lose weight fast, free shipping, order now",
        "contraband.prescription_medicine",
    ),
    # protected wildlife products
    ("出售老料砗磲手串，天然红珊瑚吊坠，加微信看实物", "contraband.wildlife"),
    # read as discussion by the model, caught by the seller's own push ("whatsapp me", test_own_offer.py)
    ("Giant clam shell and red coral bangles for sale, whatsapp me", "contraband.wildlife"),
    # personal-data broker trade
    ("出售轨道料，内料外料都有，一手新鲜料，飞机号联系", "contraband.personal_data"),
    ("SMS interception and OTP bypass service, fresh stealer logs, contact on telegram", "contraband.personal_data"),
    # fake "special supply" labels; brands strengthening a knock-off
    ("军队特供茅台酒，内部专供，电话联系 13912345678", "counterfeit.replica_goods"),
    ("纪梵希宝缇嘉假货包包，价格美丽，加微信", "counterfeit.replica_goods"),
    # a short English pitch the model reads as discussion: the push to message is the seller's own
    # channel, which the model alone does not veto (test_own_offer.py)
    ("Givenchy and Bottega Veneta fakes, message me for prices", "counterfeit.replica_goods"),
    # tobacco and vapes
    ("越南代工烟、云霄烟一手货源，整条批发，加微信", "contraband.tobacco"),
    ("Geek Bar and Lost Mary in stock, order now", "contraband.tobacco"),
    # medical devices sold without registration
    ("微商美瞳，无注册证，年抛彩瞳低价出售，加微信", "contraband.medical_devices"),
    ("无械字号线雕蛋白线，包邮，私聊价格", "contraband.medical_devices"),
    ("Korean circle lenses and colored contacts, free shipping, order now", "contraband.medical_devices"),
    # counterfeit currency
    ("出售假美元假港币，仿真钞票，加微信", "contraband.counterfeit_currency"),
    ("Fake euros and super notes for sale, ssd solution available, telegram me", "contraband.counterfeit_currency"),
    # weapons
    ("出售跳刀蝴蝶刀，开刃，包邮，加微信", "contraband.weapons"),
    (
        "Polymer80 frames, 80% receiver jig kits and solvent trap kits, no FFL, ships to your door, order now",
        "contraband.weapons",
    ),
]


@pytest.mark.parametrize(("text", "expected"), OFFERINGS, ids=[f"{_expected(o)}-{i}" for i, o in enumerate(OFFERINGS)])
def test_an_offering_named_only_by_a_lexicon_is_flagged(detector: Detector, text: str, expected: str) -> None:
    decision, found = verdict(detector, text)
    assert decision in ("review", "block")
    assert found == expected


# --- discussion and ordinary goods stay allow ------------------------------------------------------

ALLOWED = [
    "警方破获一起贩卖依托咪酯上头电子烟案，抓获犯罪嫌疑人5名",
    "A pharmacology explainer: hydrocodone and hydromorphone are opioid analgesics that act on mu receptors.",
    "Sibutramine was withdrawn from the market in 2010 after a trial showed heart risks, regulators said.",
    "市场监管局抽检：5批次减肥食品检出西布曲明和酚酞",
    "化学实验：向溶液中滴加酚酞试液，溶液变红",
    "博物馆举办象牙雕刻艺术展，展出清代象牙制品百余件",
    "The museum's ivory exhibit shows carved ivory from the Qing dynasty, on loan from a private collection.",
    "海龟保护中心放归20只小海龟",
    "酒店客房床上四件套特价促销，纯棉面料，包邮",
    "工厂尾货清仓，全棉T恤9.9元包邮",
    "Givenchy and Bottega Veneta bags, message me for prices",
    "国家烟草专卖局发布电子烟管理办法，禁止销售除烟草口味外的调味电子烟",
    "助听器验配中心三八节活动，助听器特价，详询电话",
    "清明节冥币纸钱，祭祀用品批发，10元一捆，欢迎选购",
    "奥运会女子10米气步枪决赛，中国选手夺冠",
    "集邮爱好者交流：生肖邮票收藏，纪念邮票品相分析",
    # goods that share a word with drug slang (stamps, curling, SK-II's essence, coffee sachets, skating)
    "生肖邮票出售，整版80元，加微信",
    "冬奥会冰壶比赛门票300元，订票热线",
    "SK-II神仙水专柜价1540元，包邮，加微信",
    "咖啡包挂耳咖啡，三盒包邮，下单送杯",
    "周末溜冰场开放，门票30元，欢迎来电",
    "Shaved ice and snow cones, $3 each, order now at the counter",
]


@pytest.mark.parametrize("text", ALLOWED, ids=[f"allow-{i}" for i in range(len(ALLOWED))])
def test_discussion_and_ordinary_goods_stay_allow(detector: Detector, text: str) -> None:
    assert verdict(detector, text)[0] == "allow"
