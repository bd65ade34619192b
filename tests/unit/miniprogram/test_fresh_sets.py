"""The labelled mini-program check sets: every fresh*.jsonl is scored, and each case is well formed."""

from __future__ import annotations

from pathlib import Path

import pytest

from devstack.evaluate_miniprogram import DEVSET, fresh_sets, load_cases
from linkscan.miniprogram import parse_metadata

GRADES = {"warn", "restrict", "ban"}


def test_every_fresh_file_beside_the_dev_set_is_scored_in_name_order(tmp_path: Path) -> None:
    for name in ("fresh2.jsonl", "fresh.jsonl", "devset.jsonl", "fresh6.jsonl", "notes.txt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert [path.name for path in fresh_sets(tmp_path)] == ["fresh.jsonl", "fresh2.jsonl", "fresh6.jsonl"]


def test_the_shipped_sets_include_the_blind_check() -> None:
    assert "fresh6" in [path.stem for path in fresh_sets()]


@pytest.mark.parametrize("path", fresh_sets(), ids=lambda path: path.stem)
def test_each_case_parses_and_names_what_the_scorer_compares(path: Path) -> None:
    cases = load_cases(path)
    assert len({case["id"] for case in cases}) == len(cases)
    for case in cases:
        metadata = case["metadata"]
        parse_metadata(metadata["appid"], {k: v for k, v in metadata.items() if k != "appid"})
        expected = case["expected"]
        if expected["decision"] == "allow":
            assert (expected["category"], expected["action"]) == (None, None), case["id"]
        else:
            assert expected["decision"] == "block" and expected["category"], case["id"]
            assert expected["action"] in GRADES, case["id"]


@pytest.mark.parametrize(("name", "author"), [("fresh6", "author"), ("fresh7", "author2")])
def test_the_blind_checks_are_written_down_with_provenance_and_hard_negatives(name: str, author: str) -> None:
    cases = load_cases(DEVSET.with_name(f"{name}.jsonl"))
    assert len(cases) >= 80
    assert sum(case["hard_negative"] for case in cases) >= 0.45 * len(cases)
    assert all(case["provenance"].startswith(f"written by the {author} helper") for case in cases)


def test_the_second_blind_check_covers_every_category_and_platform_rule() -> None:
    blocked = [
        case["expected"] for case in load_cases(DEVSET.with_name("fresh7.jsonl")) if case["expected"]["category"]
    ]
    rules = {e["subcategory"] for e in blocked if e["category"] == "platform_rule"}
    assert {e["category"] for e in blocked} == {"cash_loan", "counterfeit", "contraband", "platform_rule"}
    assert rules == {"induced_sharing", "offplatform_payment", "undeclared_webview", "navigation_hub"}
