"""Dev-set files follow the item format, so evaluation can trust labels, sources and provenance."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

DATA = Path(__file__).resolve().parents[2] / "data"


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_devset", DATA / "check_devset.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _good(**overrides: object) -> dict[str, object]:
    item: dict[str, object] = {
        "id": "t-1",
        "text": "We sell Xanax without prescription, $3 a pill.",
        "format": "text",
        "lang": "en",
        "label": "contraband",
        "subcategory": "prescription_medicine",
        "hard_negative": False,
        "genre": "spam_email",
        "source": "synthetic-test",
        "synthetic": True,
        "provenance": {"synthetic": True, "written_by": "test", "based_on": "pharmacy spam"},
    }
    item.update(overrides)
    return item


def _write(path: Path, items: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    return path


def test_every_dev_file_in_the_repository_follows_the_format() -> None:
    checker = _checker()
    files = sorted((DATA / "devset").glob("*.jsonl"))
    assert files, "no dev files under tests/data/devset"
    problems, items = checker.check(files)
    assert problems == []
    assert len(items) > 0


def test_a_well_formed_item_passes(tmp_path: Path) -> None:
    problems, _ = _checker().check([_write(tmp_path / "a.jsonl", [_good()])], legacy=None)
    assert problems == []


def test_wrong_labels_and_bodies_are_reported_with_file_and_line(tmp_path: Path) -> None:
    bad = [
        _good(id="b-1", subcategory="payday_loan"),  # a cash_loan subcategory under contraband
        _good(id="b-2", html="<html></html>"),  # both text and html
        _good(id="b-3", label="clean", hard_negative=True),  # clean with a subcategory
        _good(id="b-4", hard_negative=True),  # an offer marked hard negative
        _good(id="b-5", provenance={"repo": "a/b", "commit": "abc", "path": "x"}, synthetic=False),
    ]
    path = _write(tmp_path / "bad.jsonl", bad)
    problems, _ = _checker().check([path], legacy=None)
    lines = sorted({p.split(": ")[0] for p in problems})
    assert lines == [f"{path}:{n}" for n in range(1, 6)]


def test_ids_must_be_unique_across_files_and_the_legacy_dev_set(tmp_path: Path) -> None:
    legacy = _write(tmp_path / "devset.jsonl", [{"id": "old-1", "text": "x", "label": "clean"}])
    first = _write(tmp_path / "a.jsonl", [_good(id="same")])
    second = _write(tmp_path / "b.jsonl", [_good(id="same"), _good(id="old-1")])
    problems, _ = _checker().check([first, second], legacy=legacy)
    assert any("id same already used" in p for p in problems)
    assert any("id old-1 already used at devset.jsonl:1" in p for p in problems)


def test_an_evasion_must_point_at_an_existing_original(tmp_path: Path) -> None:
    items = [_good(id="orig"), _good(id="ev-1", genre="evasion", evasion_of="missing")]
    problems, _ = _checker().check([_write(tmp_path / "e.jsonl", items)], legacy=None)
    assert problems == [f"{tmp_path / 'e.jsonl'}:2: evasion_of 'missing' is not an id of the dev set"]
