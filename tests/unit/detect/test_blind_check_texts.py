"""The second blind text check (tests/data/fresh/author2_texts.jsonl) holds what its README promises."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

FILE = Path(__file__).resolve().parents[2] / "data" / "fresh" / "author2_texts.jsonl"
SUBCATEGORIES = {
    "cash_loan": {"predatory_loan", "loan_agent", "card_cashout", "student_loan", "loan_app", "payday_loan"},
    "counterfeit": {"replica_goods", "fake_certified", "copycat"},
    "contraband": {
        "drugs", "weapons", "wildlife", "prescription_medicine", "medical_devices", "tobacco",
        "sexual_drugs", "forged_documents", "counterfeit_currency", "personal_data", "surveillance",
    },
}  # fmt: skip


def _rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_subcategory_has_four_offers_in_each_language() -> None:
    offers = Counter((row["label"], row["subcategory"], row["lang"]) for row in _rows() if row["label"] != "clean")
    for category, subcategories in SUBCATEGORIES.items():
        for subcategory in subcategories:
            for lang in ("en", "zh"):
                assert offers[(category, subcategory, lang)] >= 4, (category, subcategory, lang)


def test_hard_negatives_are_at_least_forty_percent_and_name_their_genre() -> None:
    rows = _rows()
    negatives = [row for row in rows if row["label"] == "clean"]
    assert len(negatives) >= 0.4 * len(rows)
    assert all(row["hard_negative"] and row["genre"] for row in negatives)


def test_each_text_says_who_wrote_it_and_html_items_are_pages() -> None:
    for row in _rows():
        assert str(row["provenance"]).startswith("written by the author2 helper, 2026-12-08"), row["id"]
        assert (row["format"] == "html") == str(row["text"]).startswith("<!doctype html>"), row["id"]
