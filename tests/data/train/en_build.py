"""Build the English weakly labelled training files tests/data/train/en_*.jsonl.

    python tests/data/train/en_build.py [MIRROR_DIR]    # default /work/.mirror

Each source is a public repository snapshot read with `git show COMMIT:PATH` (fetch the repo first);
SOURCES.md says what each one is and how its labels map to `offer`. Labels are the source's own
(spam/ham, news, review), mapped without reading each item, so they are weak: SMS spam includes prize
scams, e-mail spam includes phishing and chain letters, which are still pitches.
"""

from __future__ import annotations

import csv
import email
import email.policy
import hashlib
import html
import io
import json
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).parent
DEV_DIR = HERE.parent / "devset"
MAX_PER_SOURCE = 5200
MAX_CHARS = 2000  # e-mails are cut: the pitch is at the top and the size budget is ~15 MB in all
SEED = 13

SMS = ("hamzaaacodes/sms-spam-collection", "f3e73e1e74e6330b62d1ee1983bba2a063184c26", "SMSSpamCollection")
SPAMASSASSIN = ("stdlib-js/datasets-spam-assassin", "1b84d49ab4b28092ead009b3ceeb67ae525289d1", "data")
AGNEWS = (
    "madhubandru/Text-Classification-on-News-Articles-using-BERT-Framework",
    "082f2db7c08a8fa3e19c46df0b4b5b0a5f81d1cd",
    "ag_news_csv/test.csv",
)
REVIEWS = ("Nanofication/TWC-Naive-Bayes", "5bc4715169b40c627e082a27321215a2719a0347")
REVIEW_PATHS = ("amazon_cells_labelled.txt", "Datasets/yelp_labelled.txt", "Datasets/imdb_labelled.txt")
AG_CLASSES = {"1": "world", "2": "sports", "3": "business", "4": "scitech"}


def git_dir(mirror: Path, repo: str) -> Path:
    return mirror / repo.replace("/", "+") / "repo"


def show(mirror: Path, repo: str, commit: str, path: str) -> bytes:
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir(mirror, repo)), "show", f"{commit}:{path}"],
        check=True,
        capture_output=True,
    )
    return out.stdout


def ls(mirror: Path, repo: str, commit: str, under: str) -> list[str]:
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir(mirror, repo)), "ls-tree", "-r", "--name-only", commit, under],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.split()


def clean(text: str) -> str:
    text = text.replace("\x00", " ")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r"\n\s*\n+", "\n\n", text)
    return text.strip()


def item(
    src: str, key: str, text: str, offer: int, genre: str, repo: str, commit: str, path: str, line: int | None
) -> dict:
    prov: dict = {"repo": repo, "commit": commit, "path": path}
    if line is not None:
        prov["line"] = line
    return {
        "id": f"en-train-{src}-{key}",
        "text": text,
        "lang": "en",
        "offer": offer,
        "genre": genre,
        "source": f"gh:{repo}",
        "provenance": prov,
    }


def sms(mirror: Path) -> Iterator[dict]:
    repo, commit, path = SMS
    lines = show(mirror, repo, commit, path).decode("utf-8", "replace").splitlines()
    for no, raw in enumerate(lines, start=1):
        label, _, text = raw.partition("\t")
        if label not in {"spam", "ham"} or not text.strip():
            continue  # the header row
        spam = label == "spam"
        yield item("sms", f"L{no}", clean(text), int(spam), "sms_ad" if spam else "sms_ham", repo, commit, path, no)


def html_to_text(markup: str) -> str:
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup)
    markup = re.sub(r"(?is)<!--.*?-->", " ", markup)
    markup = re.sub(r"(?i)<(br|p|div|tr|li|h[1-6])\b[^>]*>", "\n", markup)
    markup = re.sub(r"(?s)<[^>]+>", " ", markup)
    return html.unescape(markup)


def email_text(raw: bytes) -> str:
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    subject = str(msg.get("Subject", "") or "")
    plain: list[str] = []
    markup: list[str] = []
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype not in {"text/plain", "text/html"}:
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        charset = part.get_content_charset() or "latin-1"
        try:
            body = payload.decode(charset, "replace")
        except LookupError:
            body = payload.decode("latin-1", "replace")
        (plain if ctype == "text/plain" else markup).append(body)
    body = "\n".join(plain) if plain else html_to_text("\n".join(markup))
    return clean(f"{subject}\n\n{body}")[:MAX_CHARS]


def spamassassin(mirror: Path) -> Iterator[dict]:
    repo, commit, under = SPAMASSASSIN
    paths = [p for p in ls(mirror, repo, commit, under) if p.endswith(".txt")]
    spam = [p for p in paths if "/spam-" in p]
    hard = [p for p in paths if "/hard-ham" in p]
    easy = [p for p in paths if "/easy-ham" in p]
    rng = random.Random(SEED)
    rng.shuffle(easy)
    chosen = spam + hard + easy[: max(0, MAX_PER_SOURCE - len(spam) - len(hard))]
    for path in sorted(chosen):
        text = email_text(show(mirror, repo, commit, path))
        if len(text) < 40:
            continue
        is_spam = "/spam-" in path
        folder, name = path.split("/")[-2:]
        key = f"{folder}-{name.split('.')[0]}"
        genre = "spam_email" if is_spam else "email_ham"
        yield item("spamassassin", key, text, int(is_spam), genre, repo, commit, path, None)


def agnews(mirror: Path) -> Iterator[dict]:
    repo, commit, path = AGNEWS
    rows = list(csv.reader(io.StringIO(show(mirror, repo, commit, path).decode("utf-8", "replace"))))
    numbered = [(no, r) for no, r in enumerate(rows, start=1) if len(r) == 3 and r[0] in AG_CLASSES]
    rng = random.Random(SEED)
    rng.shuffle(numbered)
    for no, (cls, title, desc) in sorted(numbered[:MAX_PER_SOURCE]):
        text = clean(f"{title}\n\n{desc.replace(chr(92), ' ')}")
        yield item("agnews", f"L{no}", text, 0, f"news_{AG_CLASSES[cls]}", repo, commit, path, no)


def reviews(mirror: Path) -> Iterator[dict]:
    repo, commit = REVIEWS
    for path in REVIEW_PATHS:
        site = Path(path).name.split("_")[0]
        lines = show(mirror, repo, commit, path).decode("utf-8", "replace").splitlines()
        for no, raw in enumerate(lines, start=1):
            text = raw.rsplit("\t", 1)[0].strip()
            if len(text) >= 15:
                yield item("reviews", f"{site}-L{no}", clean(text), 0, "review", repo, commit, path, no)


SOURCES = {"sms_uci": sms, "spamassassin": spamassassin, "agnews": agnews, "reviews_uci": reviews}


def shingles(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())[:300]
    return {" ".join(words[i : i + 5]) for i in range(max(0, len(words) - 4))}


def dev_held() -> tuple[set[tuple[str, str, int | None]], list[set[str]]]:
    """Origins (repo, path, line) and word 5-gram sets of the dev items taken from repositories.

    Training skips those items and their near-copies (templated spam resent under a new subject),
    so that dev figures measure texts the model has not seen.
    """
    origins: set[tuple[str, str, int | None]] = set()
    grams: list[set[str]] = []
    for path in DEV_DIR.glob("*.jsonl"):
        for raw in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(raw) if raw.strip() else {}
            prov = item.get("provenance", {})
            if "repo" in prov:
                origins.add((prov["repo"], prov["path"], prov.get("line")))
                grams.append(shingles(item.get("text") or html_to_text(item.get("html", ""))))
    return origins, [g for g in grams if g]


def near_copy(text: str, held: list[set[str]]) -> bool:
    mine = shingles(text)
    return bool(mine) and any(len(mine & g) >= 0.5 * min(len(mine), len(g)) for g in held)


def main() -> None:
    mirror = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/.mirror")
    seen: set[str] = set()
    held, held_grams = dev_held()
    for name, build in SOURCES.items():
        out: list[dict] = []
        for it in build(mirror):
            prov = it["provenance"]
            if (prov["repo"], prov["path"], prov.get("line")) in held:
                continue  # a dev item itself
            if it["offer"] and near_copy(it["text"], held_grams):
                continue  # a near-copy of a dev item
            digest = hashlib.sha1(re.sub(r"\W+", " ", it["text"].lower()).encode()).hexdigest()
            if digest in seen:
                continue  # exact duplicates (templated spam, repeated "ok" replies) weigh once
            seen.add(digest)
            out.append(it)
        out = out[:MAX_PER_SOURCE]
        with (HERE / f"en_{name}.jsonl").open("w", encoding="utf-8") as fh:
            for it in out:
                fh.write(json.dumps(it, ensure_ascii=False) + "\n")
        offers = sum(it["offer"] for it in out)
        print(f"en_{name}.jsonl: {len(out)} items, offer=1 {offers}, offer=0 {len(out) - offers}")


if __name__ == "__main__":
    main()
