"""The licence table (policy/licences.yaml), both sides of every row: the accepted licences cover the
activity, and without them (or with only part of a set) the same content is a qualification gap."""

from __future__ import annotations

import pytest
import yaml

from linkscan.miniprogram.checks import find_qualification_gaps
from linkscan.miniprogram.policy import LICENCES_PATH, LicenceRow, LicensedTopic, load_policy
from tests.unit.miniprogram.helpers import metadata

POLICY = load_policy()
ROWS = [(topic, row) for topic in POLICY.topics for row in topic.licence_rows]


def _text(topic: LicensedTopic, row: LicenceRow) -> str:
    """Content on the topic, doing the row's activity: a subject cue, an offer cue, the row's own cue."""
    subject = next(cue for cue in topic.cues if cue not in topic.offer_cues)
    offer = topic.offer_cues[0]
    activity = row.when[0] if row.when else ""
    return f"{activity}{subject}服务，{offer}请在线办理。"


def _app(topic: LicensedTopic, row: LicenceRow, licences: list[str]) -> object:
    return metadata(
        pages=[{"path": "pages/home/index", "text": _text(topic, row)}],
        categories=[f"行业-{topic.covering_categories[0]}"],
        qualifications=[{"type": name, "number": "0001", "issuer": "主管部门"} for name in licences],
    )


def _gap_topics(meta: object) -> list[str]:
    return [gap.topic.key for gap in find_qualification_gaps(meta, [], POLICY)]  # type: ignore[arg-type]


def test_every_licensed_topic_has_rows_with_sources() -> None:
    raw = yaml.safe_load(LICENCES_PATH.read_text(encoding="utf-8"))["topics"]
    assert set(raw) == {topic.key for topic in POLICY.topics}
    assert all(row["source"].strip() and row["accepted"] for rows in raw.values() for row in rows)


@pytest.mark.parametrize(("topic", "row"), ROWS, ids=[f"{t.key}:{r.activity[:12]}" for t, r in ROWS])
def test_each_accepted_licence_set_covers_its_activity(topic: LicensedTopic, row: LicenceRow) -> None:
    for accepted in row.accepted:
        assert topic.key not in _gap_topics(_app(topic, row, list(accepted))), accepted


@pytest.mark.parametrize(("topic", "row"), ROWS, ids=[f"{t.key}:{r.activity[:12]}" for t, r in ROWS])
def test_without_the_licence_the_same_activity_is_a_gap(topic: LicensedTopic, row: LicenceRow) -> None:
    assert topic.key in _gap_topics(_app(topic, row, []))
    for accepted in row.accepted:
        if len(accepted) > 1:  # a set counts only whole
            assert topic.key in _gap_topics(_app(topic, row, list(accepted[:-1])))


def test_a_pawn_licence_covers_pawn_lending_not_unsecured_cash_loans() -> None:
    lending = next(topic for topic in POLICY.topics if topic.key == "lending")
    pawn = next(row for row in lending.licence_rows if row.when)
    unsecured = LicenceRow(lending.key, "cash loan", (), pawn.accepted, pawn.source)
    assert "lending" not in _gap_topics(_app(lending, pawn, ["典当经营许可证"]))
    assert "lending" in _gap_topics(_app(lending, unsecured, ["典当经营许可证"]))


def _clinic(text: str, licences: list[str]) -> object:
    return metadata(
        pages=[{"path": "pages/home/index", "text": text}],
        categories=["医疗-医疗美容"],
        qualifications=[{"type": name, "number": "0001", "issuer": "主管部门"} for name in licences],
    )


def test_a_clinic_fitting_lenses_itself_is_covered_by_its_medical_institution_licence() -> None:
    treated = _clinic("角膜塑形隐形眼镜由本院医生验配，复诊调整，在线下单预约。", ["医疗机构执业许可证"])
    assert "medical_devices" not in _gap_topics(treated)


def test_a_medical_institution_licence_does_not_cover_selling_the_devices() -> None:
    wholesale = _clinic("隐形眼镜、美瞳批发，下单发货。", ["医疗机构执业许可证"])
    assert "medical_devices" in _gap_topics(wholesale)
