"""Detection quality on the labelled dev set (tests/data/devset.jsonl).

    python -m devstack.evaluate --out eval/results.json

An item counts as flagged for a category when the decision is `review` or `block` and that
category has the highest score: both send the item to enforcement or to a human, so both are
"positive" for precision and recall. Prints per-category precision / recall / F1, the confusion
matrix, and the false-positive rate on hard negatives.

When the shared corpus is next to the repository (``../shared/corpus``), it also reports how many
texts that are benign by their source (every news headline, every product review, every SMS the
source marks as ham: about 36,000, none hand-labelled) get flagged: a wider check on false
positives than the dev set's clean items.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from linkscan.detect import Detector
from linkscan.settings import DetectionSettings

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "data" / "devset.jsonl"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
# (file, which records are benign by their source)
BENIGN_SOURCES: tuple[tuple[str, str | None], ...] = (
    ("thucnews_titles_zh.jsonl", None),  # news headlines
    ("online_shopping_reviews_zh.jsonl", None),  # shoppers' reviews
    ("sms80w_zh.jsonl", "ham"),
)
CATEGORIES = ("cash_loan", "counterfeit", "contraband")
LABELS = (*CATEGORIES, "clean")


def predict(detector: Detector, text: str) -> str:
    detection = detector.detect(text)
    if detection.decision == "allow" or not detection.categories:
        return "clean"
    return detection.categories[0].category


def evaluate(devset: Path = DEVSET, settings: DetectionSettings | None = None) -> dict[str, Any]:
    detector = Detector.load(settings or DetectionSettings())
    items = [json.loads(line) for line in devset.read_text(encoding="utf-8").splitlines() if line.strip()]
    confusion: Counter[tuple[str, str]] = Counter()
    hard_total = hard_fp = 0
    mistakes: list[dict[str, str]] = []
    started = time.perf_counter()
    for item in items:
        predicted = predict(detector, item["text"])
        confusion[(item["label"], predicted)] += 1
        if item.get("hard_negative"):
            hard_total += 1
            hard_fp += predicted != "clean"
        if predicted != item["label"]:
            mistakes.append({"id": item["id"], "label": item["label"], "predicted": predicted})
    elapsed = time.perf_counter() - started

    per_category: dict[str, dict[str, float]] = {}
    for category in CATEGORIES:
        tp = confusion[(category, category)]
        fp = sum(confusion[(other, category)] for other in LABELS if other != category)
        fn = sum(confusion[(category, other)] for other in LABELS if other != category)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_category[category] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": tp + fn,
        }
    return {
        "rules_version": detector.rules_version,
        "items": len(items),
        "per_category": per_category,
        "confusion": {gold: {pred: confusion[(gold, pred)] for pred in LABELS} for gold in LABELS},
        "hard_negatives": hard_total,
        "hard_negative_false_positives": hard_fp,
        "hard_negative_fp_rate": round(hard_fp / hard_total, 4) if hard_total else 0.0,
        "positive_decisions": "review or block, top category",
        "seconds": round(elapsed, 3),
        "mistakes": mistakes,
    }


def benign_flag_rates(corpus: Path = CORPUS, settings: DetectionSettings | None = None) -> dict[str, Any]:
    """Flagged / total per benign-by-source file of the shared corpus (empty if it is not there)."""
    detector = Detector.load(settings or DetectionSettings())
    rates: dict[str, Any] = {}
    for name, source_label in BENIGN_SOURCES:
        path = corpus / name
        if not path.is_file():
            continue
        records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        texts = [r["text"] for r in records if source_label is None or r.get("source_label") == source_label]
        flagged = [text for text in texts if predict(detector, text) != "clean"]
        rates[name] = {
            "texts": len(texts),
            "flagged": len(flagged),
            "rate": round(len(flagged) / len(texts), 4) if texts else 0.0,
            "examples": flagged[:5],
        }
    return rates


def _print(results: dict[str, Any]) -> None:
    print(f"dev set: {results['items']} items, rules {results['rules_version']}, {results['seconds']} s")
    print(f"{'category':<12} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>5}")
    for category, row in results["per_category"].items():
        print(f"{category:<12} {row['precision']:>9.3f} {row['recall']:>7.3f} {row['f1']:>6.3f} {row['support']:>5}")
    print("confusion (rows = label, columns = prediction)")
    print(" " * 12 + "".join(f"{label:>12}" for label in LABELS))
    for gold, row in results["confusion"].items():
        print(f"{gold:<12}" + "".join(f"{row[pred]:>12}" for pred in LABELS))
    print(
        f"hard negatives: {results['hard_negative_false_positives']}/{results['hard_negatives']} flagged "
        f"({results['hard_negative_fp_rate']:.1%})"
    )
    for name, row in results.get("benign_by_source", {}).items():
        print(f"benign by source, {name}: {row['flagged']}/{row['texts']} flagged ({row['rate']:.2%})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON here")
    parser.add_argument("--devset", type=Path, default=DEVSET)
    args = parser.parse_args(argv)
    results = evaluate(args.devset)
    results["benign_by_source"] = benign_flag_rates()
    _print(results)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
