"""Detection quality on the labelled dev set (tests/data/devset.jsonl).

    python -m devstack.evaluate --out eval/results.json

An item counts as flagged for a category when the decision is `review` or `block` and that
category has the highest score: both send the item to enforcement or to a human, so both are
"positive" for precision and recall. Prints per-category precision / recall / F1, the confusion
matrix, and the false-positive rate on hard negatives.
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON here")
    parser.add_argument("--devset", type=Path, default=DEVSET)
    args = parser.parse_args(argv)
    results = evaluate(args.devset)
    _print(results)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
