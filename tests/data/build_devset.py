"""Build tests/data/devset.jsonl from the corpus candidates and the hand labels.

    python tests/data/build_devset.py      # rewrites tests/data/devset.jsonl

Candidates come from select_candidates.py (a seeded, recorded selection); labels from labels.txt
(my reading of each text). Items marked `skip` are left out. Each item records its `provenance`
(corpus file and record id, so it can be traced and kept out of training) and its `genre` (what kind
of text it is, for the per-genre figures), both derived from the corpus record.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from select_candidates import candidates  # noqa: E402


def parse_labels(path: Path) -> tuple[dict[str, tuple], dict[str, tuple], list[tuple[str, tuple]]]:
    defaults: dict[str, tuple] = {}
    exact: dict[str, tuple] = {}
    prefixes: list[tuple[str, tuple]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if parts[0] == "DEFAULT":
            defaults[parts[1]] = tuple(parts[2:])
        elif parts[0] == "PREFIX":
            prefixes.append((parts[1], tuple(parts[2:])))
        else:
            exact[parts[0]] = tuple(parts[1:])
    return defaults, exact, prefixes


# The corpus file each id prefix comes from (see /work/shared/corpus/README.md).
CORPUS_FILES = {
    "sms80w": "sms80w_zh.jsonl",
    "thucnews": "thucnews_titles_zh.jsonl",
    "shop10": "online_shopping_reviews_zh.jsonl",
    "pr": "press_releases_en.jsonl",
    "repswatch": "repswatch_replica_en.jsonl",
    "dm2016": "dreammarket_listings_en.jsonl",
    "dm2017": "dreammarket_listings_en.jsonl",
}


def genre(record: dict, pool: str, category: str) -> str:
    """What kind of text the record is, from its corpus and the corpus's own label."""
    source = record["id"].split("-")[0]
    if source == "sms80w":
        return "sms_ad" if record["source_label"] == "spam" else "sms_ham"
    if source == "thucnews":
        return "headline"
    if source == "shop10":
        return "review"
    if source == "pr":
        if category != "clean":
            return "press_release_promo"
        return "news" if pool == "press_cannabis_news_column" else "corporate_news"
    if source == "repswatch":
        return "listing" if record["source_label"] == "replica_catalog_row" else "explainer"
    return "listing"  # Dream Market product pages


def main() -> None:
    defaults, exact, prefixes = parse_labels(HERE / "labels.txt")
    seen: set[str] = set()
    rows = []
    for pool, record in candidates():
        if record["id"] in seen:
            continue
        seen.add(record["id"])
        label = exact.get(record["id"])
        if label is None:
            label = next((lab for prefix, lab in prefixes if record["id"].startswith(prefix)), None)
        if label is None:
            label = defaults.get(pool)
        if label is None or label[0] == "skip":
            continue
        category, subcategory, hard = label
        rows.append(
            {
                "id": record["id"],
                "text": record["text"],
                "lang": record["lang"],
                "label": category,
                "subcategory": None if subcategory == "-" else subcategory,
                "hard_negative": hard == "1",
                "source": record["id"].split("-")[0],
                "pool": pool,
                "provenance": {"corpus": CORPUS_FILES[record["id"].split("-")[0]], "corpus_id": record["id"]},
                "genre": genre(record, pool, category),
            }
        )
    with (HERE / "devset.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["label"]] = counts.get(row["label"], 0) + 1
    hard = sum(1 for row in rows if row["hard_negative"])
    print(f"{len(rows)} items {counts} hard negatives {hard}")


if __name__ == "__main__":
    main()
