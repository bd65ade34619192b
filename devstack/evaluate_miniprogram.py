"""Mini-program judgement on the labelled app set (tests/data/miniprograms/devset.jsonl).

Figures per split: decision accuracy, clean apps allowed, violations blocked with the right category
(per category), and blocked violations whose action matches the expected grade of the policy table.
"fresh" is tests/data/miniprograms/fresh.jsonl: cases written after the judgement was tuned, never tuned on;
"fresh2" is fresh2.jsonl: a second such set, scored before the fixes it measures (before_fresh2.json);
"fresh3" is fresh3.jsonl: a third, written without reading the judgement's term lists and scored before
any fix of its round (before_fresh3.json); "fresh4" is fresh4.jsonl, written after that round's fixes
and scored once, with no fix after it; "fresh5" is fresh5.jsonl, written after the fresh4 round's fixes
and scored once (before_fresh5.json), with no fix after it.
``make eval`` prints them with the detection figures; ``python -m devstack.evaluate_miniprogram`` alone.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from linkscan.detect import Detector
from linkscan.errors import InvalidInputError
from linkscan.miniprogram import parse_metadata, scan_miniprogram
from linkscan.models import Verdict
from linkscan.settings import DetectionSettings

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "data" / "miniprograms" / "devset.jsonl"
FRESH = DEVSET.with_name("fresh.jsonl")
FRESH2 = DEVSET.with_name("fresh2.jsonl")
FRESH3 = DEVSET.with_name("fresh3.jsonl")
FRESH4 = DEVSET.with_name("fresh4.jsonl")
FRESH5 = DEVSET.with_name("fresh5.jsonl")


def load_cases(path: Path = DEVSET) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def judge(detector: Detector, case: dict[str, Any]) -> Verdict | None:
    """The verdict, or None when the metadata is refused (counted as wrong)."""
    metadata = case["metadata"]
    try:
        meta = parse_metadata(metadata["appid"], {k: v for k, v in metadata.items() if k != "appid"})
    except InvalidInputError:
        return None
    return scan_miniprogram(meta, detector, scan_id="eval", scanned_at="2026-12-01T00:00:00Z")


def _rate(hit: int, total: int) -> dict[str, Any]:
    return {"hit": hit, "total": total, "rate": round(hit / total, 4) if total else None}


def figures(rows: Sequence[tuple[dict[str, Any], Verdict | None]]) -> dict[str, Any]:
    clean = [(c, v) for c, v in rows if c["expected"]["decision"] == "allow"]
    bad = [(c, v) for c, v in rows if c["expected"]["decision"] == "block"]

    def right_category(case: dict[str, Any], verdict: Verdict | None) -> bool:
        if verdict is None or verdict.decision != "block" or not verdict.categories:
            return False
        top = verdict.categories[0]
        return top.category == case["expected"]["category"]

    per_category: dict[str, dict[str, Any]] = {}
    for category in sorted({c["expected"]["category"] for c, _ in bad}):
        members = [(c, v) for c, v in bad if c["expected"]["category"] == category]
        per_category[category] = _rate(sum(right_category(c, v) for c, v in members), len(members))
    blocked = [(c, v) for c, v in bad if right_category(c, v)]
    mistakes = [
        {"id": c["id"], "expected": c["expected"], "got": _summary(v)}
        for c, v in rows
        if v is None
        or v.decision != c["expected"]["decision"]
        or (c in [b for b, _ in bad] and not right_category(c, v))
        or (right_category(c, v) and v.actions != [c["expected"]["action"]])
    ]
    return {
        "apps": len(rows),
        "decision_accuracy": _rate(
            sum(v is not None and v.decision == c["expected"]["decision"] for c, v in rows), len(rows)
        ),
        "clean_allowed": _rate(sum(v is not None and v.decision == "allow" for _, v in clean), len(clean)),
        "violations_blocked_right_category": _rate(len(blocked), len(bad)),
        "blocked_per_category": per_category,
        "action_matches_policy": _rate(
            sum(v is not None and v.actions == [c["expected"]["action"]] for c, v in blocked), len(blocked)
        ),
        "mistakes": mistakes,
    }


def _summary(verdict: Verdict | None) -> dict[str, Any]:
    if verdict is None:
        return {"decision": "refused"}
    top = verdict.categories[0] if verdict.categories else None
    return {
        "decision": verdict.decision,
        "category": f"{top.category}/{top.subcategory}" if top else None,
        "actions": verdict.actions,
    }


def evaluate(
    path: Path = DEVSET,
    settings: DetectionSettings | None = None,
    fresh: Path | None = FRESH,
    fresh2: Path | None = FRESH2,
    fresh3: Path | None = FRESH3,
    fresh4: Path | None = FRESH4,
    fresh5: Path | None = FRESH5,
) -> dict[str, Any]:
    detector = Detector.load(settings or DetectionSettings.from_env())
    rows = [(case, judge(detector, case)) for case in load_cases(path)]
    results = {
        "held_out": figures([(c, v) for c, v in rows if c["split"] == "test"]),
        "dev": figures([(c, v) for c, v in rows if c["split"] != "test"]),
        "all": figures(rows),
    }
    extra_sets = (("fresh", fresh), ("fresh2", fresh2), ("fresh3", fresh3), ("fresh4", fresh4), ("fresh5", fresh5))
    for split, extra_set in extra_sets:
        if extra_set is not None and extra_set.exists():
            results[split] = figures([(case, judge(detector, case)) for case in load_cases(extra_set)])
    return results


def print_figures(results: dict[str, Any], show_mistakes: bool = False) -> None:
    for split in ("held_out", "dev", "all", "fresh", "fresh2", "fresh3", "fresh4", "fresh5"):
        if split not in results:
            continue
        row = results[split]
        print(f"\nMINI-PROGRAMS {split}: {row['apps']} apps")
        for key in ("decision_accuracy", "clean_allowed", "violations_blocked_right_category", "action_matches_policy"):
            value = row[key]
            print(f"  {key:<36} {value['hit']:>3}/{value['total']:<3} {value['rate'] or 0:.1%}")
        for category, value in row["blocked_per_category"].items():
            print(f"    blocked {category:<28} {value['hit']:>3}/{value['total']:<3}")
        if show_mistakes:
            for mistake in row["mistakes"]:
                print(f"    x {mistake['id']}: expected {mistake['expected']}, got {mistake['got']}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON here")
    parser.add_argument("--mistakes", action="store_true", help="list every wrong app")
    args = parser.parse_args(argv)
    results = evaluate()
    print_figures(results, show_mistakes=args.mistakes)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
