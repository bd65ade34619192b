"""Build the weakly labelled Chinese training text for the offer-vs-discussion model.

    python tests/data/train/build_zh.py            # rewrites tests/data/train/zh_corpus.jsonl
    python tests/data/train/build_zh.py --pmail DIR  # also rewrites zh_pmail.jsonl from a
                                                    # Jinnrry/PMail checkout (see SOURCES.md)

The label is weak: it is the corpus's own tag, not a reading of each text. Spam SMS is taken as an
offer (1); ham SMS, news headlines and shoppers' reviews as discussion (0). Every id and every
near-duplicate of an item of the dev set (tests/data/devset.jsonl, tests/data/devset/*.jsonl) is
left out, so no dev item trains the model. Sampling is seeded; the output is the same on every run.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).parent
DATA = HERE.parent
CORPUS = Path("/work/shared/corpus")
SEED = 13
CAP = 6000  # texts per side (offer / not offer)
# Shares of the not-offer side: ham SMS is closest in form to the spam, headlines and reviews add
# news and shoppers' language.
NEG_SHARES = {"sms80w_zh.jsonl": 0.5, "thucnews_titles_zh.jsonl": 0.3, "online_shopping_reviews_zh.jsonl": 0.2}
GENRES = {"thucnews_titles_zh.jsonl": "headline", "online_shopping_reviews_zh.jsonl": "review"}
SOURCES = {
    "sms80w_zh.jsonl": "sms80w",
    "thucnews_titles_zh.jsonl": "thucnews",
    "online_shopping_reviews_zh.jsonl": "shop10",
}
KEY_CHARS = 40  # templated spam differs in names and numbers near the end: compare the start

PMAIL_COMMIT = "a6049bf0523cabb33a28c73e08bccf46f90b4e5f"
PMAIL_FILES = ("server/hooks/spam_block/trainData/data.csv", "server/hooks/spam_block/testData/data.csv")


def near_key(text: str) -> str:
    """Key under which templated copies of one text collide: folded, only CJK and letters, its start."""
    folded = unicodedata.normalize("NFKC", text).lower()
    kept = re.sub(r"[^\u4e00-\u9fffa-wyz]", "", folded)  # 'x' is the corpus's digit mask
    return kept[:KEY_CHARS]


def read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def dev_exclusions() -> tuple[set[str], set[str]]:
    """Ids (item ids and the corpus ids they came from) and near-keys of every dev item."""
    ids: set[str] = set()
    keys: set[str] = set()
    files = [DATA / "devset.jsonl", *sorted((DATA / "devset").glob("*.jsonl"))]
    for path in files:
        for item in read_jsonl(path):
            ids.add(item["id"])
            provenance = item.get("provenance") or {}
            if provenance.get("corpus_id"):
                ids.add(provenance["corpus_id"])
            if provenance.get("repo") and provenance.get("line"):
                ids.add(f"{provenance['repo']}:{provenance['path']}:{provenance['line']}")
            body = item.get("text") or re.sub(r"<[^>]+>", " ", item.get("html", ""))
            if near_key(body):
                keys.add(near_key(body))
    return ids, keys


def unique(records: Iterable[dict], ids: set[str], keys: set[str]) -> list[dict]:
    """Records not in the dev set, one per near-key (the first in corpus order)."""
    seen = set(keys)
    out = []
    for record in records:
        key = near_key(record["text"])
        if record["id"] in ids or not key or key in seen:
            continue
        seen.add(key)
        out.append(record)
    return out


def row(record: dict, corpus: str, offer: int, genre: str) -> dict:
    return {
        "id": record["id"],
        "text": record["text"],
        "lang": "zh",
        "offer": offer,
        "genre": genre,
        "source": SOURCES[corpus],
        "provenance": {"corpus": corpus, "corpus_id": record["id"]},
    }


def build_corpus() -> list[dict]:
    ids, keys = dev_exclusions()
    rng = random.Random(SEED)
    sms = list(read_jsonl(CORPUS / "sms80w_zh.jsonl"))
    spam = unique((r for r in sms if r["source_label"] == "spam"), ids, keys)
    rows = [row(r, "sms80w_zh.jsonl", 1, "sms_ad") for r in rng.sample(spam, min(CAP, len(spam)))]
    for corpus, share in NEG_SHARES.items():
        records = sms if corpus == "sms80w_zh.jsonl" else list(read_jsonl(CORPUS / corpus))
        if corpus == "sms80w_zh.jsonl":
            records = [r for r in records if r["source_label"] == "ham"]
        pool = unique(records, ids, keys)
        take = min(round(CAP * share), len(pool))
        genre = GENRES.get(corpus, "sms_ham")
        rows += [row(r, corpus, 0, genre) for r in rng.sample(pool, take)]
    rows.sort(key=lambda r: (r["offer"], r["source"], r["id"]))
    return rows


def build_pmail(checkout: Path) -> list[dict]:
    """Chinese e-mail from Jinnrry/PMail's spam-filter data (0 normal, 1 ad, 2 fraud; the older
    rows are trec06c spam). Ads and trec06c spam are offers; the fraud notices that only point to an
    attachment (phishing, not a pitch) and rows without Chinese are left out."""
    ids, keys = dev_exclusions()
    records = []
    for path in PMAIL_FILES:
        blob = subprocess.run(
            ["git", "-C", str(checkout), "show", f"{PMAIL_COMMIT}:{path}"], check=True, capture_output=True
        ).stdout.decode("utf-8", "replace")
        for number, line in enumerate(blob.split("\n"), start=1):
            match = re.match(r"([012])\s+(.*)", line)  # "<label> \t<text>", older rows "<label>   <text>"
            if not match or not re.search(r"[\u4e00-\u9fff]{4}", match.group(2)):
                continue
            label, text = int(match.group(1)), match.group(2).strip()
            if label == 2 and "附件" in text:
                continue
            records.append(
                {
                    "id": f"pmail-{path.split('/')[-2]}-L{number}",
                    "text": text,
                    "label": label,
                    "path": path,
                    "line": number,
                }
            )
    out = []
    for record in unique(records, ids, keys):
        out.append(
            {
                "id": record["id"],
                "text": record["text"],
                "lang": "zh",
                "offer": 0 if record["label"] == 0 else 1,
                "genre": "email" if record["label"] == 0 else "spam_email",
                "source": "gh:Jinnrry/PMail",
                "provenance": {
                    "repo": "Jinnrry/PMail",
                    "commit": PMAIL_COMMIT,
                    "path": record["path"],
                    "line": record["line"],
                },
            }
        )
    return out


def write(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for item in rows:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    counts: dict[tuple[str, int], int] = {}
    for item in rows:
        counts[(item["source"], item["offer"])] = counts.get((item["source"], item["offer"]), 0) + 1
    print(f"{path.name}: {len(rows)} rows {dict(sorted(counts.items()))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pmail", type=Path, help="bare git dir or checkout of Jinnrry/PMail")
    args = parser.parse_args()
    write(build_corpus(), HERE / "zh_corpus.jsonl")
    if args.pmail:
        write(build_pmail(args.pmail), HERE / "zh_pmail.jsonl")


if __name__ == "__main__":
    main()
