"""Build the second pass of weakly labelled training text: the genres the first pass lacked.

    python tests/data/train/build_extra.py --mirrors /work/.mirror

Discussion (offer 0): encyclopedia articles (English WikiText, Chinese Wikipedia from CMRC 2018 and
DRCD), health and treatment information (MedQuAD, NIH and CDC pages), long news articles (BBC).
Listings and marketing copy (offer 1): product listings of the Abt-Buy and Amazon-Google
entity-matching benchmarks, Chinese clothing ad copy (AdvertiseGen). A seller's listing of a legal
product is still a pitch: the goods lexicons, not this model, decide what is illegal.

Every source is read from a fetched mirror (``<mirrors>/<owner>+<name>/repo``, a bare git dir) at a
pinned commit; see the "second pass" section of SOURCES.md. The label is the genre of the whole
source, not a reading of each text. Texts are cut to MAX_CHARS, deduplicated by a normalized prefix,
and every text whose prefix matches a dev item (tests/data/devset.jsonl, tests/data/devset/*.jsonl)
or that names a host of /work/shared/EVAL_EXCLUDED.md is left out. Sampling is seeded.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
DATA = HERE.parent
EXCLUDED = Path("/work/shared/EVAL_EXCLUDED.md")
SEED = 29
MAX_CHARS = 2000
KEY_CHARS = 40  # compare texts by the start of their folded letters, as build_zh.py does
MIN_CHARS = 80  # shorter texts carry too little of their genre

Record = dict[str, Any]


@dataclass(frozen=True)
class Source:
    file: str  # output file name under tests/data/train
    repo: str
    commit: str
    paths: tuple[str, ...]
    lang: str
    offer: int
    cap: int
    read: Callable[[str, str], Iterator[tuple[int, str, str]]]  # (path, blob) -> (line, genre, text)


def git_show(root: Path, repo: str, commit: str, path: str) -> str:
    git_dir = root / repo.replace("/", "+") / "repo"
    blob = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"], check=True, capture_output=True
    )
    return blob.stdout.decode("utf-8", "replace")


def git_ls(root: Path, repo: str, commit: str, folder: str) -> list[str]:
    git_dir = root / repo.replace("/", "+") / "repo"
    listing = subprocess.run(
        ["git", "--git-dir", str(git_dir), "ls-tree", "-r", "--name-only", commit, folder],
        check=True,
        capture_output=True,
    )
    return sorted(listing.stdout.decode().split())


def near_key(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[^\u4e00-\u9fffa-z]", "", folded)[:KEY_CHARS]


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()[:MAX_CHARS]


# --- readers: each yields (line or index, genre, text) ---------------------------------------------

WIKITEXT_FIXES = ((" <unk>", ""), ("<unk> ", ""), (" @-@ ", "-"), (" @,@ ", ","), (" @.@ ", "."))


def _detokenize(line: str) -> str:
    for old, new in WIKITEXT_FIXES:
        line = line.replace(old, new)
    line = re.sub(r" ([,.;:!?)'])", r"\1", line)
    line = re.sub(r"([(]) ", r"\1", line)
    return re.sub(r" 's\b", "'s", line).strip()


def read_wikitext(_path: str, blob: str) -> Iterator[tuple[int, str, str]]:
    """One item per section: the article title, the section heading and its paragraphs."""
    title, heading, start = "", "", 0
    body: list[str] = []
    for number, raw in enumerate(blob.split("\n"), 1):
        line = raw.strip()
        top = re.fullmatch(r"= ([^=].*) =", line)
        sub = re.fullmatch(r"(?:= )+([^=].*?)(?: =)+", line)
        if top or sub:
            if body:
                yield start, "encyclopedia", _section(title, heading, body)
            body, start = [], number
            if top:
                title, heading = _detokenize(top.group(1)), ""
            elif sub:
                heading = _detokenize(sub.group(1))
        elif line:
            body.append(_detokenize(line))
    if body:
        yield start, "encyclopedia", _section(title, heading, body)


def _section(title: str, heading: str, body: list[str]) -> str:
    return ". ".join([part for part in (title, heading) if part] + [" ".join(body)])


def read_cmrc(_path: str, blob: str) -> Iterator[tuple[int, str, str]]:
    for index, item in enumerate(json.loads(blob)):
        yield index, "encyclopedia", item["context_text"]


def read_drcd(_path: str, blob: str) -> Iterator[tuple[int, str, str]]:
    index = 0
    for article in json.loads(blob)["data"]:
        for paragraph in article["paragraphs"]:
            yield index, "encyclopedia", f"{article['title']}：{paragraph['context']}"
            index += 1


def read_medquad(_path: str, blob: str) -> Iterator[tuple[int, str, str]]:
    """Question and answer pairs of one page; answers removed for copyright are empty and skipped."""
    document = ElementTree.fromstring(blob.encode("utf-8"))
    for number, pair in enumerate(document.iter("QAPair"), 1):
        asked = pair.find("Question")
        question = asked.text or "" if asked is not None else ""
        qtype = (asked.get("qtype") if asked is not None else None) or "information"
        answer = pair.findtext("Answer") or ""
        if answer.strip():
            genre = "treatment" if qtype in ("treatment", "prevention", "considerations") else "health_info"
            yield number, genre, f"{question.strip()} {answer}"


def read_bbc(path: str, blob: str) -> Iterator[tuple[int, str, str]]:
    topic = path.split("/")[1]
    lines = [line.strip() for line in blob.split("\n") if line.strip()]
    if lines:
        yield 1, f"news_{topic}", f"{lines[0]}. " + " ".join(lines[1:])


def read_products(path: str, blob: str) -> Iterator[tuple[int, str, str]]:
    """Title, description and price of one listing row."""
    for number, row in enumerate(csv.DictReader(io.StringIO(blob)), 2):
        title = (row.get("name") or row.get("title") or "").strip()
        description = (row.get("description") or "").strip()
        price = (row.get("price") or "").strip()
        if not description or description.lower() == title.lower():
            continue
        if price and price not in ("0", "0.0"):
            price = price if price.startswith("$") else f"${price}"
            yield number, "listing", f"{title}. {description}. Price: {price}"
        else:
            yield number, "listing", f"{title}. {description}"


def read_advertisegen(_path: str, blob: str) -> Iterator[tuple[int, str, str]]:
    for number, line in enumerate(blob.split("\n"), 1):
        if line.strip():
            # <UNK> and BRAND are the data set's own masks (rare words, brand names): drop them
            summary = json.loads(line)["summary"].replace("<UNK>", "").replace("BRAND", "")
            yield number, "marketing_copy", summary


MEDQUAD_FOLDERS = (  # the 3 MedlinePlus folders without answers are left out
    "1_CancerGov_QA",
    "2_GARD_QA",
    "3_GHR_QA",
    "4_MPlus_Health_Topics_QA",
    "5_NIDDK_QA",
    "6_NINDS_QA",
    "7_SeniorHealth_QA",
    "8_NHLBI_QA_XML",
    "9_CDC_QA",
)

SOURCES = (
    Source(
        "en_wikitext.jsonl",
        "pytorch/examples",
        "77f55b912142e11fcfdf5b530231fb9c52f181e8",
        ("word_language_model/data/wikitext-2/test.txt", "word_language_model/data/wikitext-2/valid.txt"),
        "en",
        0,
        3000,
        read_wikitext,
    ),
    Source(
        "en_medquad.jsonl",
        "abachaa/MedQuAD",
        "577bd37b96c02d1833b2c9eed2de9f96964e96cb",
        MEDQUAD_FOLDERS,  # folders: expanded with git ls-tree
        "en",
        0,
        1500,
        read_medquad,
    ),
    Source(
        "en_bbc.jsonl",
        "dejanbatanjac/bbc-article-classify-bert",
        "8265dc84e88b82b87ce7f5b2df5bbbb1159ae922",
        ("bbc/business", "bbc/entertainment", "bbc/politics", "bbc/sport", "bbc/tech"),
        "en",
        0,
        1000,
        read_bbc,
    ),
    Source(
        "en_product_listings.jsonl",
        "firmao/LDatasetGenerator",
        "029df9b6a760714632e27f2ce185bec9f4e47008",
        ("Abt.csv", "Buy.csv", "AmazonProducts.csv", "GoogleProducts.csv"),
        "en",
        1,
        3000,
        read_products,
    ),
    Source(
        "zh_cmrc2018.jsonl",
        "ymcui/cmrc2018",
        "c0eb1b6ba219847457e6af3180da722bbeb656af",
        ("data/cmrc2018_dev.json", "data/cmrc2018_trial.json"),
        "zh",
        0,
        3000,
        read_cmrc,
    ),
    Source(
        "zh_drcd.jsonl",
        "DRCKnowledgeTeam/DRCD",
        "b944790de5af02c5fbb7cd9cb1473d27d169eebf",
        ("DRCD_dev.json", "DRCD_test.json"),
        "zh",
        0,
        1000,
        read_drcd,
    ),
    Source(
        "zh_advertisegen.jsonl",
        "chibinjiang/ChatGLM2-6Bin",
        "60098197ce308cd4e04e8e8dc25d1efa7877bd1d",
        ("AdvertiseGen/dev.json",),
        "zh",
        1,
        3000,
        read_advertisegen,
    ),
)

FOLDER_SOURCES = {"abachaa/MedQuAD", "dejanbatanjac/bbc-article-classify-bert"}


# --- exclusions -------------------------------------------------------------------------------------


def read_jsonl(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def dev_keys() -> set[str]:
    keys: set[str] = set()
    for path in [DATA / "devset.jsonl", *sorted((DATA / "devset").glob("*.jsonl"))]:
        for item in read_jsonl(path):
            body = item.get("text") or re.sub(r"<[^>]+>", " ", item.get("html", ""))
            if near_key(body):
                keys.add(near_key(body))
    return keys


def excluded_hosts(path: Path = EXCLUDED) -> list[str]:
    """The web hosts listed for independent evaluation (backticked names with a dot, no slash)."""
    names = re.findall(r"`([^`]+)`", path.read_text(encoding="utf-8"))
    return [name.lower() for name in names if "." in name and "/" not in name]


# --- build ------------------------------------------------------------------------------------------


def items(root: Path, source: Source) -> Iterator[tuple[str, int, str, str]]:
    paths: Iterable[str] = source.paths
    if source.repo in FOLDER_SOURCES:
        paths = [p for folder in source.paths for p in git_ls(root, source.repo, source.commit, folder)]
    for path in paths:
        blob = git_show(root, source.repo, source.commit, path)
        for line, genre, text in source.read(path, blob):
            yield path, line, genre, clean(text)


def build(root: Path, source: Source, dev: set[str], hosts: list[str], seen: set[str]) -> list[Record]:
    rows: list[Record] = []
    for path, line, genre, text in items(root, source):
        key = near_key(text)
        lowered = text.lower()
        if len(text) < MIN_CHARS or not key or key in dev or key in seen or any(h in lowered for h in hosts):
            continue
        seen.add(key)
        stem = source.file.removesuffix(".jsonl")
        rows.append(
            {
                "id": f"{stem}-{re.sub(r'[^A-Za-z0-9]+', '_', path)}-L{line}",
                "text": text,
                "lang": source.lang,
                "offer": source.offer,
                "genre": genre,
                "source": f"gh:{source.repo}",
                "provenance": {"repo": source.repo, "commit": source.commit, "path": path, "line": line},
            }
        )
    if len(rows) > source.cap:
        rows = sorted(random.Random(f"{SEED}:{source.file}").sample(rows, source.cap), key=lambda r: r["id"])
    return rows


def write(rows: list[Record], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"), help="where fetch leaves repos")
    args = parser.parse_args(argv)
    dev, hosts = dev_keys(), excluded_hosts()
    seen: set[str] = set()
    for source in SOURCES:
        rows = build(args.mirrors, source, dev, hosts, seen)
        write(rows, HERE / source.file)
        print(f"{source.file}: {len(rows)} rows (offer {source.offer})")


if __name__ == "__main__":
    main()
