"""Detection quality on the labelled dev set: the figures that judge a change.

    make eval     # python -m devstack.evaluate --out eval/results.json   (--no-loso: skip the retraining;
                  #   --loso-source S: leave out only source S, repeatable)

An item counts as flagged for a category when the decision is `review` or `block` and that
category has the highest score: both take it out of `allow`. The report has, in order:

* **test split**: the 30% of dev items (by a digest of the id) that no rule weight, model or
  combination constant was fitted on; the headline figures;
* **leave-one-source-out**: for each source, the offer model's text part is retrained
  (``devstack.train``) without that source's training text and dev items, and that source's items
  are scored with it; the pooled figures say how detection does on a source it has never seen. The
  rule packs are the same in every fold (built from public lists, not fitted); the model's
  combination constants are refitted in each fold (``devstack.train.fit_combination``) on the
  out-of-source rows of the other sources' dev TRAIN items, so the left-out source tunes nothing;
* **all items**, per **subcategory x language** (recall, and the flag rate of clean items), the
  hard-negative flag rate per **genre**, and **evasion** (caught variants of caught originals);
* **benign by source**: every text of the shared corpus that is benign by its source and was not
  used in training (headlines, reviews, ham SMS), flagged or not;
* **fresh check**: texts written by hand per failure class of issue #13
  (``tests/data/fresh/own_texts.jsonl``), which nothing is tuned on: judged right per class.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from devstack import evaluate_miniprogram
from devstack.devdata import CATEGORIES, DevItem, dev_items, training_records
from linkscan.detect import Detection, Detector
from linkscan.settings import DetectionSettings

# the shared corpus beside the checkout (../shared/corpus), looked up from any depth, so a worktree
# nested one level further (/work/wt/<name>) finds it too
CORPUS = next(
    (
        parent / "shared" / "corpus"
        for parent in Path(__file__).resolve().parents
        if (parent / "shared" / "corpus").is_dir()
    ),
    Path(__file__).resolve().parent.parent.parent / "shared" / "corpus",
)
# (file, which records are benign by their source)
BENIGN_SOURCES: tuple[tuple[str, str | None], ...] = (
    ("thucnews_titles_zh.jsonl", None),  # news headlines
    ("online_shopping_reviews_zh.jsonl", None),  # shoppers' reviews
    ("sms80w_zh.jsonl", "ham"),
)
LABELS = (*CATEGORIES, "clean")
FRESH = Path(__file__).resolve().parent.parent / "tests" / "data" / "fresh" / "own_texts.jsonl"
# Moderators' review decisions, as `python -m devstack.labels` exports them (make train reads them too).
MODERATED = Path(__file__).resolve().parent.parent / "tests" / "data" / "train" / "moderated.jsonl"
FAILURE_CLASSES = {
    1: "discussion read as an offer",
    2: "one pasted phrase on an offer",
    3: "offering speech",
    4: "obfuscation",
    5: "absent vocabulary",
    6: "policy (cn)",
}
MIN_LOSO_ITEMS = 15  # sources with fewer dev items are scored in no fold of their own


def predict(detector: Detector, item: DevItem | str, *, html: bool = False) -> str:
    """The top category, or ``clean``; a string is page source when ``html`` is set, else plain text."""
    if isinstance(item, str):
        detection = _detect_page(detector, item) if html else detector.detect(item)
    elif item.is_html:
        detection = _detect_page(detector, str(item.raw["html"]))
    else:
        detection = detector.detect(str(item.raw["text"]))
    if detection.decision == "allow" or not detection.categories:
        return "clean"
    return detection.categories[0].category


def _detect_page(detector: Detector, source: str) -> Detection:
    from linkscan.analyze.page import analyze_html
    from linkscan.scanner import detect_page

    return detect_page(analyze_html(source), detector)


def figures(pairs: Iterable[tuple[DevItem, str]]) -> dict[str, Any]:
    """Precision, recall and F1 per category, the confusion matrix and the hard-negative rate."""
    confusion: Counter[tuple[str, str]] = Counter()
    hard_total = hard_fp = 0
    mistakes: list[dict[str, str]] = []
    for item, predicted in pairs:
        confusion[(item.label, predicted)] += 1
        if item.hard_negative:
            hard_total += 1
            hard_fp += predicted != "clean"
        if predicted != item.label:
            mistakes.append({"id": item.id, "label": item.label, "predicted": predicted})
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
    clean_total = sum(confusion[("clean", p)] for p in LABELS)
    clean_flagged = clean_total - confusion[("clean", "clean")]
    return {
        "items": sum(confusion.values()),
        "per_category": per_category,
        "confusion": {gold: {pred: confusion[(gold, pred)] for pred in LABELS} for gold in LABELS},
        "clean_flagged": clean_flagged,
        "clean_items": clean_total,
        "hard_negatives": hard_total,
        "hard_negative_false_positives": hard_fp,
        "hard_negative_fp_rate": round(hard_fp / hard_total, 4) if hard_total else 0.0,
        "mistakes": mistakes,
    }


def per_cell(pairs: Sequence[tuple[DevItem, str]]) -> dict[str, dict[str, Any]]:
    """Per label/subcategory x language x format: items, and how many were judged right."""
    cells: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item, predicted in pairs:
        key = f"{item.label}/{item.subcategory} {item.lang} {'html' if item.is_html else 'text'}"
        cells[key][0] += 1
        cells[key][1] += predicted == item.label
    return {key: {"items": n, "right": right, "rate": round(right / n, 4)} for key, (n, right) in sorted(cells.items())}


def per_genre(pairs: Sequence[tuple[DevItem, str]]) -> dict[str, dict[str, Any]]:
    """Hard negatives flagged, per genre."""
    cells: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item, predicted in pairs:
        if item.label == "clean" and item.hard_negative:
            cells[item.genre][0] += 1
            cells[item.genre][1] += predicted != "clean"
    return {genre: {"items": n, "flagged": bad, "rate": round(bad / n, 4)} for genre, (n, bad) in sorted(cells.items())}


def evasion(pairs: Sequence[tuple[DevItem, str]]) -> dict[str, Any]:
    """Of the evasion variants whose original is caught, how many are caught too, per kind."""
    predicted = {item.id: p for item, p in pairs}
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item, p in pairs:
        original = item.raw.get("evasion_of")
        if not original or predicted.get(str(original)) != item.label:
            continue
        kind = str(item.raw.get("evasion_kind") or item.raw.get("genre") or "evasion")
        kinds[kind][0] += 1
        kinds[kind][1] += p == item.label
    return {
        kind: {"variants": n, "kept": kept, "rate": round(kept / n, 4)} for kind, (n, kept) in sorted(kinds.items())
    }


def generated_evasion(detector: Detector, pairs: Sequence[tuple[DevItem, str]]) -> dict[str, Any]:
    """Per evasion kind and language: of the caught positive text items, how many stay caught when the
    whole text is disguised that way (``devstack.evasion``)."""
    from devstack.evasion import variants

    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missed: dict[str, list[str]] = defaultdict(list)
    for item, predicted in pairs:
        if item.label == "clean" or predicted != item.label or item.is_html or item.raw.get("evasion_of"):
            continue
        for kind, text in variants(item.id, str(item.raw["text"]), item.lang).items():
            key = f"{kind} {item.lang}"
            kinds[key][0] += 1
            if predict(detector, text) == item.label:
                kinds[key][1] += 1
            elif len(missed[key]) < 3:
                missed[key].append(item.id)
    return {
        key: {"variants": n, "kept": kept, "rate": round(kept / n, 4), "missed_examples": missed[key]}
        for key, (n, kept) in sorted(kinds.items())
    }


def leave_one_source_out(
    items: Sequence[DevItem], log: Callable[[str], None] = print, only: Sequence[str] = ()
) -> tuple[list[tuple[DevItem, str]], dict[str, Any]]:
    """Each source's items scored by a model trained without that source (see the module docstring);
    `only` names the sources to leave out when not all (a quicker check while iterating)."""
    from devstack.train import fit_combination, out_of_source_rows, train, training_set

    # the combination constants are refitted per fold without the left-out source's rows: the rows
    # (dev TRAIN items, logits from models that never saw the item's source) are computed once
    rows = out_of_source_rows(training_set()[3], frozenset(), None)
    by_source: dict[str, list[DevItem]] = defaultdict(list)
    for item in items:
        by_source[item.source].append(item)
    pooled: list[tuple[DevItem, str]] = []
    per_source: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for source, members in sorted(by_source.items()):
            if len(members) < MIN_LOSO_ITEMS or (only and source not in only):
                continue
            model = Path(tmp) / f"{source.replace('/', '_').replace(':', '_')}.json"
            combine = fit_combination(row for row in rows if row[6] != source)
            train(model, exclude_source=source, combine=combine, log=lambda _line: None)
            detector = Detector.load(DetectionSettings(offer_model_path=str(model)))
            pairs = [(item, predict(detector, item)) for item in members]
            pooled.extend(pairs)
            result = figures(pairs)
            per_source[source] = {
                "items": len(members),
                "right": sum(p == item.label for item, p in pairs),
                "clean_flagged": result["clean_flagged"],
                "clean_items": result["clean_items"],
                "recall": {c: v["recall"] for c, v in result["per_category"].items() if v["support"]},
                "combine": combine,
            }
            log(f"  left out {source}: {per_source[source]['right']}/{len(members)} right")
    return pooled, per_source


def evaluate(
    devset: Path | None = None,
    settings: DetectionSettings | None = None,
    loso: bool = False,
    log: Callable[[str], None] = print,
    loso_sources: Sequence[str] = (),
) -> dict[str, Any]:
    detector = Detector.load(settings or DetectionSettings.from_env())
    items = dev_items(devset)
    started = time.perf_counter()
    pairs = [(item, predict(detector, item)) for item in items]
    elapsed = time.perf_counter() - started
    results: dict[str, Any] = {
        "rules_version": detector.rules_version,
        "positive_decisions": "review or block, top category",
        "seconds": round(elapsed, 3),
        **figures(pairs),
        "test_split": figures([(item, p) for item, p in pairs if item.split == "test"]),
        "per_subcategory_language": per_cell(pairs),
        "hard_negatives_per_genre": per_genre(pairs),
        "evasion": evasion(pairs),
        "generated_evasion": generated_evasion(detector, pairs),
    }
    if loso:
        pooled, per_source = leave_one_source_out(items, log, only=loso_sources)
        results["leave_one_source_out"] = {"pooled": figures(pooled), "per_source": per_source}
    return results


def benign_flag_rates(corpus: Path = CORPUS, settings: DetectionSettings | None = None) -> dict[str, Any]:
    """Flagged / total per benign-by-source file of the shared corpus, leaving out the texts the
    offer model was trained on (empty if the corpus is not there)."""
    detector = Detector.load(settings or DetectionSettings.from_env())
    trained = {str(record["id"]) for record in training_records()}
    rates: dict[str, Any] = {}
    for name, source_label in BENIGN_SOURCES:
        path = corpus / name
        if not path.is_file():
            continue
        records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        texts = [
            r["text"]
            for r in records
            if (source_label is None or r.get("source_label") == source_label) and str(r.get("id")) not in trained
        ]
        flagged = [text for text in texts if predict(detector, text) != "clean"]
        rates[name] = {
            "texts": len(texts),
            "flagged": len(flagged),
            "rate": round(len(flagged) / len(texts), 4) if texts else 0.0,
            "examples": flagged[:5],
        }
    return rates


def fresh_check(path: Path = FRESH, settings: DetectionSettings | None = None) -> dict[str, Any]:
    """Judged right per failure class on the hand-written fresh texts (the top category when
    flagged, ``clean`` when allowed), with the ids of the ones judged wrong: ``path`` and every other
    ``*.jsonl`` file beside it, whose classes are named after the file (``precision 1 ...``)."""
    detector = Detector.load(settings or DetectionSettings.from_env())
    classes: dict[str, dict[str, Any]] = {}
    for file in [path, *sorted(p for p in path.parent.glob("*.jsonl") if p != path)]:
        prefix = "" if file == path else f"{file.stem} "
        rows = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
        for row in rows:
            name = f"{prefix}{row['failure_class']} {FAILURE_CLASSES[row['failure_class']]}"
            _judge_fresh(detector, row, classes.setdefault(name, {"items": 0, "right": 0, "wrong": []}))
    return dict(sorted(classes.items(), key=lambda kv: (not kv[0][0].isdigit(), kv[0])))  # own_texts first


def _judge_fresh(detector: Detector, row: dict[str, Any], cell: dict[str, Any]) -> None:
    cell["items"] += 1
    predicted = predict(detector, str(row["text"]), html=row.get("format") == "html")
    if predicted == row["label"]:
        cell["right"] += 1
    else:
        cell["wrong"].append(f"{row['id']}:{predicted}")


def moderator_agreement(path: Path = MODERATED, settings: DetectionSettings | None = None) -> dict[str, Any]:
    """How often detection agrees with the moderators' review decisions, with the ids where it does not.

    The offer model also trains on these records, so this checks the labels and shows the disagreements
    worth a look; it is not a figure of how detection generalizes."""
    if not path.exists():
        return {"examples": 0, "agreed": 0, "flagged_but_allowed": [], "allowed_but_blocked": []}
    detector = Detector.load(settings or DetectionSettings.from_env())
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    flagged_but_allowed, allowed_but_blocked = [], []
    for row in rows:
        flagged = predict(detector, str(row["text"])) != "clean"
        if flagged and not row["offer"]:
            flagged_but_allowed.append(row["id"])
        elif row["offer"] and not flagged:
            allowed_but_blocked.append(row["id"])
    return {
        "examples": len(rows),
        "agreed": len(rows) - len(flagged_but_allowed) - len(allowed_but_blocked),
        "flagged_but_allowed": flagged_but_allowed,
        "allowed_but_blocked": allowed_but_blocked,
    }


def _print_figures(title: str, result: dict[str, Any]) -> None:
    print(f"\n{title}: {result['items']} items")
    print(f"{'category':<12} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>5}")
    for category, row in result["per_category"].items():
        print(f"{category:<12} {row['precision']:>9.3f} {row['recall']:>7.3f} {row['f1']:>6.3f} {row['support']:>5}")
    print(
        f"clean flagged {result['clean_flagged']}/{result['clean_items']}; hard negatives flagged "
        f"{result['hard_negative_false_positives']}/{result['hard_negatives']} ({result['hard_negative_fp_rate']:.1%})"
    )


def _print_kept(title: str, rows: dict[str, dict[str, Any]]) -> None:
    print(f"\n{title}")
    for kind, row in rows.items():
        print(f"  {kind:<28} {row['kept']:>4}/{row['variants']:<4} {row['rate']:.1%}")


def _print(results: dict[str, Any]) -> None:
    print(f"rules {results['rules_version']}, {results['seconds']} s")
    _print_figures("TEST SPLIT (never tuned on)", results["test_split"])
    if "leave_one_source_out" in results:
        _print_figures("LEAVE ONE SOURCE OUT (pooled)", results["leave_one_source_out"]["pooled"])
        for source, row in results["leave_one_source_out"]["per_source"].items():
            recall = ", ".join(f"{c} R{v:.2f}" for c, v in row["recall"].items())
            combine = " ".join(f"{k}={v:g}" for k, v in sorted(row.get("combine", {}).items()))
            print(
                f"  {source:<28} {row['right']:>4}/{row['items']:<4} right; clean flagged "
                f"{row['clean_flagged']}/{row['clean_items']}; {recall}; combine {combine}"
            )
    _print_figures("ALL ITEMS", results)
    print("confusion (rows = label, columns = prediction)")
    print(" " * 12 + "".join(f"{label:>12}" for label in LABELS))
    for gold, row in results["confusion"].items():
        print(f"{gold:<12}" + "".join(f"{row[pred]:>12}" for pred in LABELS))
    print("\nper subcategory x language x format (judged right / items)")
    for key, row in results["per_subcategory_language"].items():
        print(f"  {key:<46} {row['right']:>4}/{row['items']:<4} {row['rate']:.2f}")
    print("\nhard negatives flagged, per genre")
    for genre, row in results["hard_negatives_per_genre"].items():
        print(f"  {genre:<28} {row['flagged']:>4}/{row['items']:<4} {row['rate']:.1%}")
    if results["evasion"]:
        _print_kept("evasion variants of caught originals, kept", results["evasion"])
    _print_kept("evasion, generated from every caught text item (devstack.evasion), kept", results["generated_evasion"])
    if results.get("fresh_check"):
        print("\nfresh check: own texts per failure class of #13, never tuned on (judged right / items)")
        for name, row in results["fresh_check"].items():
            print(f"  {name:<36} {row['right']:>3}/{row['items']:<3} wrong: {', '.join(row['wrong']) or '-'}")
    moderated = results.get("moderator_agreement") or {}
    if moderated.get("examples"):
        print(
            f"\nmoderators' review decisions (trained on too): detection agrees on {moderated['agreed']}/"
            f"{moderated['examples']}; flagged but allowed by a moderator: "
            f"{', '.join(moderated['flagged_but_allowed']) or '-'}; allowed but blocked by a moderator: "
            f"{', '.join(moderated['allowed_but_blocked']) or '-'}"
        )
    for name, row in results.get("benign_by_source", {}).items():
        print(f"benign by source (not trained on), {name}: {row['flagged']}/{row['texts']} flagged ({row['rate']:.2%})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON here")
    parser.add_argument("--devset", type=Path, default=None, help="one dev file instead of tests/data/devset*")
    parser.add_argument("--no-loso", action="store_true", help="skip leave-one-source-out (it retrains per source)")
    parser.add_argument(
        "--loso-source",
        action="append",
        default=[],
        metavar="SOURCE",
        help="leave out only this source (repeatable; the pooled figures then cover only these sources)",
    )
    args = parser.parse_args(argv)
    results = evaluate(args.devset, loso=not args.no_loso, loso_sources=args.loso_source)
    results["benign_by_source"] = benign_flag_rates()
    results["fresh_check"] = fresh_check()
    results["moderator_agreement"] = moderator_agreement()
    results["miniprograms"] = evaluate_miniprogram.evaluate()
    _print(results)
    evaluate_miniprogram.print_figures(results["miniprograms"])
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
