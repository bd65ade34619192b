"""The labelled dev set and the weakly labelled training text, as the trainer and the evaluation read them.

Dev items live in ``tests/data/devset.jsonl`` and ``tests/data/devset/*.jsonl`` (the format is in
``tests/data/check_devset.py``). Each item is in the TEST split or the TRAIN split by a digest of its
id (30% test): no rule, model or combination constant is tuned on the test split, and the
evaluation reports it apart. Training text (``tests/data/train/*.jsonl``) carries a weak
``offer`` label (a seller's pitch or not) from its source; see ``tests/data/train/SOURCES.md``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
DEVSET = DATA / "devset.jsonl"
DEVSET_DIR = DATA / "devset"
TRAIN_DIR = DATA / "train"
TEST_SHARE = 30  # percent of dev items held back as the test split
CATEGORIES = ("cash_loan", "counterfeit", "contraband")


def split_of(item_id: str) -> str:
    """``test`` or ``train``, fixed by the id alone."""
    bucket = int(hashlib.sha256(item_id.encode()).hexdigest()[:8], 16) % 100
    return "test" if bucket < TEST_SHARE else "train"


def source_group(item: dict[str, Any]) -> str:
    """The source an item is scored under in leave-one-source-out (one market's two dumps are one)."""
    source = str(item.get("source") or "unknown")
    if source.startswith(("dm2016", "dm2017")):
        return "dreammarket"
    if source.startswith("synthetic"):
        return "synthetic"
    return source


@dataclass(frozen=True)
class DevItem:
    raw: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.raw["id"])

    @property
    def label(self) -> str:
        return str(self.raw["label"])

    @property
    def lang(self) -> str:
        return str(self.raw.get("lang") or "")

    @property
    def subcategory(self) -> str:
        return str(self.raw.get("subcategory") or "-")

    @property
    def is_html(self) -> bool:
        return "html" in self.raw

    @property
    def split(self) -> str:
        return split_of(self.id)

    @property
    def source(self) -> str:
        return source_group(self.raw)

    @property
    def genre(self) -> str:
        return str(self.raw.get("genre") or "-")

    @property
    def hard_negative(self) -> bool:
        return bool(self.raw.get("hard_negative"))

    def text_for_model(self) -> str:
        """Plain text (an HTML item's visible text and title)."""
        if not self.is_html:
            return str(self.raw["text"])
        from linkscan.analyze.page import analyze_html

        features = analyze_html(str(self.raw["html"]))
        return "\n".join(text for _name, text in features.text_fields() if text)


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    for line in path.read_text(encoding="utf-8").split("\n"):  # not splitlines: \u2028 may sit in a string
        if line.strip():
            yield json.loads(line)


def dev_items(devset: Path | None = None) -> list[DevItem]:
    """Every dev item: the given file only, or the shipped file plus ``tests/data/devset/``."""
    if devset is not None:
        return [DevItem(raw) for raw in _jsonl(devset)]
    paths = [DEVSET, *sorted(DEVSET_DIR.glob("*.jsonl"))] if DEVSET_DIR.is_dir() else [DEVSET]
    return [DevItem(raw) for path in paths for raw in _jsonl(path)]


def training_records(train_dir: Path = TRAIN_DIR) -> list[dict[str, Any]]:
    """Weakly labelled text: ``{"id", "text", "lang", "offer": 0|1, "source", ...}`` per line."""
    if not train_dir.is_dir():
        return []
    return [record for path in sorted(train_dir.glob("*.jsonl")) for record in _jsonl(path)]
