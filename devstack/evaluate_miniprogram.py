"""Mini-program judgement on the labelled app set (tests/data/miniprograms/devset.jsonl).

Figures per split: decision accuracy, clean apps allowed, violations blocked with the right category
(per category), and blocked violations whose action matches the expected grade of the policy table.
Every tests/data/miniprograms/fresh*.jsonl is scored as its own split, named after the file ("fresh",
"fresh2", ...): cases written after the judgement was tuned and never tuned on (docs/miniprogram.md says
how each was written; the before_*.json files hold their first scores). fresh6 is the independent check,
written blind. ``--set FILE`` scores one more labelled file under its own name (a helper's check set, named
so that the fresh*.jsonl glob leaves it out).
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


def fresh_sets(directory: Path = DEVSET.parent) -> list[Path]:
    """The fresh sets beside the dev set, by file name (fresh, fresh2, ...)."""
    return sorted(directory.glob("fresh*.jsonl"))


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
    fresh: Sequence[Path] | None = None,
) -> dict[str, Any]:
    """Figures for the dev set's splits and for each fresh set (``fresh``; by default every fresh*.jsonl)."""
    detector = Detector.load(settings or DetectionSettings.from_env())
    rows = [(case, judge(detector, case)) for case in load_cases(path)]
    results = {
        "held_out": figures([(c, v) for c, v in rows if c["split"] == "test"]),
        "dev": figures([(c, v) for c, v in rows if c["split"] != "test"]),
        "all": figures(rows),
    }
    for extra_set in fresh_sets() if fresh is None else fresh:
        results[extra_set.stem] = figures([(case, judge(detector, case)) for case in load_cases(extra_set)])
    return results


def print_figures(results: dict[str, Any], show_mistakes: bool = False) -> None:
    for split, row in results.items():
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
    parser.add_argument(
        "--set", dest="extra_sets", type=Path, action="append", default=[], help="also score this labelled .jsonl"
    )
    args = parser.parse_args(argv)
    results = evaluate(fresh=[*fresh_sets(), *args.extra_sets])
    print_figures(results, show_mistakes=args.mistakes)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
