"""Vocabulary the detector lacked for fresh3's misses, each added to its rules/lexicon_*.yaml with a source:
a missing traceability code (the liquor analogue of 无防伪码), investor lists sold as data, and a
medical device offered to buyers "with no medical qualification". Written for these tests; each
has its counterpart that names nothing."""

from __future__ import annotations

import pytest

from linkscan.detect import Detector


@pytest.mark.parametrize(
    ("text", "subcategory"),
    [
        ("酱香老酒，无溯源码，¥199一瓶，私聊发货。", "replica_goods"),
        ("各地股民名单出售，按条计价，实时更新。", "personal_data"),
        ("进口射频美容仪，无需医疗资质也能拿货，私聊报价。", "medical_devices"),
    ],
)
def test_the_added_terms_name_the_goods(detector: Detector, text: str, subcategory: str) -> None:
    detection = detector.detect(text)
    assert subcategory in {c.subcategory for c in detection.categories if c.score >= 0.3}, detection.reasons


@pytest.mark.parametrize(
    "text",
    [
        "每瓶附溯源码，扫码可查生产批次。",
        "股民学堂：基金定投入门课，每周三直播。",
        "射频美容项目由本院持医疗资质的医生操作。",
    ],
)
def test_their_honest_neighbours_name_nothing(detector: Detector, text: str) -> None:
    detection = detector.detect(text)
    assert not [c for c in detection.categories if c.score >= 0.3], detection.reasons
