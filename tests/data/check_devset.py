"""Check dev-set files against the item format (tests/data/devset/*.jsonl).

    python tests/data/check_devset.py                 # every tests/data/devset/*.jsonl
    python tests/data/check_devset.py FILE ... [--summary]

Each problem is reported as `file:line: message`; the exit status is 1 when there is any. Ids must be
unique across the checked files and tests/data/devset.jsonl (whose older items are only checked for
id clashes, since they predate this format). `--summary` prints counts per (lang, label, subcategory,
format), per source and per genre, and how many items are synthetic.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV_DIR = HERE / "devset"
LEGACY = HERE / "devset.jsonl"

SUBCATEGORIES: dict[str, frozenset[str]] = {
    "cash_loan": frozenset({"predatory_loan", "loan_agent", "card_cashout", "student_loan", "loan_app", "payday_loan"}),
    "counterfeit": frozenset({"replica_goods", "fake_certified", "copycat"}),
    "contraband": frozenset(
        {
            "drugs",
            "weapons",
            "wildlife",
            "prescription_medicine",
            "medical_devices",
            "tobacco",
            "sexual_drugs",
            "forged_documents",
            "counterfeit_currency",
            "personal_data",
            "surveillance",
        }
    ),
}
LABELS = frozenset({*SUBCATEGORIES, "clean"})
LANGS = frozenset({"zh", "en"})
FORMATS = frozenset({"text", "html"})
REQUIRED = ("id", "format", "lang", "label", "subcategory", "hard_negative", "genre", "source", "provenance")
SHA = re.compile(r"^[0-9a-f]{40}$")


def _provenance_problems(prov: object, synthetic: bool) -> list[str]:
    if not isinstance(prov, dict) or not prov:
        return ["provenance must be a non-empty object"]
    if prov.get("synthetic") is True:
        missing = [k for k in ("written_by", "based_on") if not isinstance(prov.get(k), str) or not prov.get(k)]
        problems = [f"synthetic provenance lacks {k}" for k in missing]
        if not synthetic:
            problems.append("provenance says synthetic but the item's synthetic flag is not true")
        return problems
    problems = []
    if synthetic:
        problems.append("item is synthetic but its provenance does not say so")
    if "corpus" in prov:
        if not prov.get("corpus_id"):
            problems.append("corpus provenance lacks corpus_id")
    elif "repo" in prov:
        if not isinstance(prov.get("commit"), str) or not SHA.match(prov["commit"]):
            problems.append("repo provenance needs a 40-hex commit")
        if not isinstance(prov.get("path"), str) or not prov.get("path"):
            problems.append("repo provenance lacks path")
        line = prov.get("line")
        if line is not None and (not isinstance(line, int) or isinstance(line, bool) or line < 1):
            problems.append("provenance line must be a positive integer")
    elif "url" in prov:
        if not str(prov["url"]).startswith(("http://", "https://")):
            problems.append("provenance url must be http(s)")
    else:
        problems.append("provenance must name a corpus, a repo, a url, or be synthetic")
    return problems


def item_problems(item: object) -> list[str]:
    """What is wrong with one item (empty when it follows the format)."""
    if not isinstance(item, dict):
        return ["an item must be a JSON object"]
    problems = [f"missing field {k}" for k in REQUIRED if k not in item]
    if not isinstance(item.get("id"), str) or not item.get("id"):
        problems.append("id must be a non-empty string")
    has_text, has_html = "text" in item, "html" in item
    if has_text == has_html:
        problems.append("exactly one of text and html is required")
    fmt = item.get("format")
    if fmt not in FORMATS:
        problems.append(f"format must be text or html, not {fmt!r}")
    elif (fmt == "html") != has_html:
        problems.append(f"format is {fmt} but the item carries {'html' if has_html else 'text'}")
    body = item.get("html" if has_html else "text")
    if not isinstance(body, str) or not body.strip():
        problems.append("text/html must be a non-empty string")
    if item.get("lang") not in LANGS:
        problems.append(f"lang must be zh or en, not {item.get('lang')!r}")
    label, sub = item.get("label"), item.get("subcategory")
    if label not in LABELS:
        problems.append(f"unknown label {label!r}")
    elif label == "clean":
        if sub is not None:
            problems.append("clean items have subcategory null")
    elif sub not in SUBCATEGORIES[label]:
        problems.append(f"subcategory {sub!r} is not one of {label}'s")
    hard = item.get("hard_negative")
    if not isinstance(hard, bool):
        problems.append("hard_negative must be true or false")
    elif hard and label != "clean":
        problems.append("only clean items can be hard negatives")
    for key in ("genre", "source"):
        if not isinstance(item.get(key), str) or not item.get(key):
            problems.append(f"{key} must be a non-empty string")
    synthetic = item.get("synthetic", False)
    if not isinstance(synthetic, bool):
        problems.append("synthetic must be true or false")
        synthetic = False
    if "provenance" in item:
        problems.extend(_provenance_problems(item["provenance"], synthetic))
    if item.get("genre") == "evasion" and not item.get("evasion_of"):
        problems.append("an evasion item needs evasion_of (the id of the original)")
    return problems


def _read(path: Path) -> Iterable[tuple[int, object | None, str | None]]:
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            yield no, json.loads(raw), None
        except json.JSONDecodeError as exc:
            yield no, None, f"not valid JSON ({exc.msg})"


def check(paths: list[Path], legacy: Path | None = LEGACY) -> tuple[list[str], list[dict]]:
    """Problems as `file:line: message`, and the items that were read."""
    problems: list[str] = []
    items: list[dict] = []
    first_seen: dict[str, str] = {}
    if legacy is not None and legacy.exists():
        for no, obj, _err in _read(legacy):
            if isinstance(obj, dict) and isinstance(obj.get("id"), str):
                first_seen.setdefault(obj["id"], f"{legacy.name}:{no}")
    where_of: dict[int, str] = {}
    for path in paths:
        for no, obj, err in _read(path):
            where = f"{path}:{no}"
            if err:
                problems.append(f"{where}: {err}")
                continue
            problems.extend(f"{where}: {p}" for p in item_problems(obj))
            if not isinstance(obj, dict):
                continue
            item_id = obj.get("id")
            if isinstance(item_id, str):
                if item_id in first_seen:
                    problems.append(f"{where}: id {item_id} already used at {first_seen[item_id]}")
                else:
                    first_seen[item_id] = where
            where_of[len(items)] = where
            items.append(obj)
    known = set(first_seen)
    for index, obj in enumerate(items):
        target = obj.get("evasion_of")
        if target is not None and target not in known:
            problems.append(f"{where_of[index]}: evasion_of {target!r} is not an id of the dev set")
    return problems, items


def summary(items: list[dict]) -> str:
    by_kind = Counter((i.get("lang"), i.get("label"), i.get("subcategory"), i.get("format")) for i in items)
    by_source = Counter(i.get("source") for i in items)
    by_genre = Counter((i.get("lang"), i.get("label") == "clean", i.get("genre")) for i in items)
    lines = ["lang label subcategory format: count"]
    lines += [f"  {k[0]} {k[1]} {k[2] or '-'} {k[3]}: {n}" for k, n in sorted(by_kind.items(), key=str)]
    lines.append("source: count")
    lines += [f"  {k}: {n}" for k, n in by_source.most_common()]
    lines.append("lang clean genre: count")
    lines += [f"  {k[0]} {'clean' if k[1] else 'offer'} {k[2]}: {n}" for k, n in sorted(by_genre.items(), key=str)]
    synthetic = sum(bool(i.get("synthetic")) for i in items)
    hard = sum(bool(i.get("hard_negative")) for i in items)
    lines.append(f"items {len(items)}, synthetic {synthetic}, hard negatives {hard}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    want_summary = "--summary" in argv
    paths = [Path(a) for a in argv if a != "--summary"] or sorted(DEV_DIR.glob("*.jsonl"))
    problems, items = check(paths)
    for p in problems:
        print(p, file=sys.stderr)
    if want_summary:
        print(summary(items))
    print(f"{len(items)} items in {len(paths)} files, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
