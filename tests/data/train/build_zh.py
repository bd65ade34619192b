"""Build the weakly labelled Chinese training text for the offer-vs-discussion model.

    python tests/data/train/build_zh.py            # rewrites tests/data/train/zh_corpus.jsonl
    python tests/data/train/build_zh.py --mirrors /work/.mirror
        # also rewrites zh_pmail.jsonl, zh_cnews.jsonl and zh_addetector4j.jsonl from the fetched
        # repositories under that directory (<owner>+<name>/repo; see SOURCES.md)

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

PMAIL_REPO = "Jinnrry/PMail"
PMAIL_COMMIT = "a6049bf0523cabb33a28c73e08bccf46f90b4e5f"
PMAIL_FILES = ("server/hooks/spam_block/trainData/data.csv", "server/hooks/spam_block/testData/data.csv")
CNEWS_REPO = "qianshuang/dl-exp"
CNEWS_COMMIT = "0ff7afa0588c61940868d24099c7cbecc8ee9b54"
CNEWS_FILE = "data/cnews/cnews.val.txt"  # cnews.test.txt is the same blob; cnews.train.txt is absent
ADDET_REPO = "siuank/ADDetector4J"
ADDET_COMMIT = "fe01c7b9bde3cd9d1b255ef9d30a56305565f8e7"
ADDET_FILES = ("train.txt", "test.txt")
# In ADDetector4J a "1" is any trade talk, buyers' questions included; only statements are pitches.
BUYER_QUESTION = re.compile(r"谁|有没有|吗|？|\?|^求|哪买|哪里买")


def git_lines(checkout: Path, commit: str, path: str) -> list[str]:
    blob = subprocess.run(["git", "-C", str(checkout), "show", f"{commit}:{path}"], check=True, capture_output=True)
    return blob.stdout.decode("utf-8", "replace").replace("\r", "").split("\n")


def mirror(root: Path, repo: str) -> Path:
    return root / repo.replace("/", "+") / "repo"


def repo_row(item_id: str, text: str, offer: int, genre: str, repo: str, commit: str, path: str, line: int) -> dict:
    return {
        "id": item_id,
        "text": text,
        "lang": "zh",
        "offer": offer,
        "genre": genre,
        "source": f"gh:{repo}",
        "provenance": {"repo": repo, "commit": commit, "path": path, "line": line},
    }


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


def build_pmail(root: Path) -> list[dict]:
    """Chinese e-mail from Jinnrry/PMail's spam-filter data (0 normal, 1 ad, 2 fraud; the older
    rows are trec06c spam). Ads and trec06c spam are offers; the fraud notices that only point to an
    attachment (phishing, not a pitch) and rows without Chinese are left out."""
    ids, keys = dev_exclusions()
    records = []
    for path in PMAIL_FILES:
        for number, line in enumerate(git_lines(mirror(root, PMAIL_REPO), PMAIL_COMMIT, path), start=1):
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
    return [
        repo_row(
            r["id"],
            r["text"],
            int(r["label"] != 0),
            "email" if r["label"] == 0 else "spam_email",
            PMAIL_REPO,
            PMAIL_COMMIT,
            r["path"],
            r["line"],
        )
        for r in unique(records, ids, keys)
    ]


def build_cnews(root: Path) -> list[dict]:
    """Sina news article bodies (cnews: "<category>\t<title+body>"), discussion (0); cut to 1,000
    characters, enough to carry a news article's register."""
    ids, keys = dev_exclusions()
    records = []
    for number, line in enumerate(git_lines(mirror(root, CNEWS_REPO), CNEWS_COMMIT, CNEWS_FILE), start=1):
        category, _, text = line.partition("\t")
        if text.strip():
            records.append(
                {"id": f"cnews-val-L{number}", "text": text.strip()[:1000], "line": number, "category": category}
            )
    return [
        repo_row(r["id"], r["text"], 0, "news", CNEWS_REPO, CNEWS_COMMIT, CNEWS_FILE, r["line"])
        for r in unique(records, ids, keys)
    ]


def build_addetector(root: Path) -> list[dict]:
    """QQ-group chat of a Minecraft community labelled ad (1) / chat (0) by ADDetector4J's author
    ("<text>==<label>"). Sellers' statements are offers, chat is not; buyers' questions are left out."""
    ids, keys = dev_exclusions()
    records = []
    for path in ADDET_FILES:
        for number, line in enumerate(git_lines(mirror(root, ADDET_REPO), ADDET_COMMIT, path), start=1):
            text, sep, label = line.rpartition("==")
            if not sep or label not in ("0", "1") or len(text) < 4:
                continue
            if label == "1" and BUYER_QUESTION.search(text):
                continue
            records.append(
                {
                    "id": f"addet-{path.split('.')[0]}-L{number}",
                    "text": text,
                    "label": int(label),
                    "path": path,
                    "line": number,
                }
            )
    return [
        repo_row(
            r["id"],
            r["text"],
            r["label"],
            "chat_ad" if r["label"] else "chat",
            ADDET_REPO,
            ADDET_COMMIT,
            r["path"],
            r["line"],
        )
        for r in unique(records, ids, keys)
    ]


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
    parser.add_argument("--mirrors", type=Path, help="directory of fetched repositories (<owner>+<name>/repo)")
    args = parser.parse_args()
    write(build_corpus(), HERE / "zh_corpus.jsonl")
    if args.mirrors:
        write(build_pmail(args.mirrors), HERE / "zh_pmail.jsonl")
        write(build_cnews(args.mirrors), HERE / "zh_cnews.jsonl")
        write(build_addetector(args.mirrors), HERE / "zh_addetector4j.jsonl")


if __name__ == "__main__":
    main()
