"""Build the English dev files tests/data/devset/en_*.jsonl.

    python tests/data/devset/en_build.py [MIRROR_DIR]    # default /work/.mirror

Real texts first: SpamAssassin spam and UCI SMS spam (public repos, read with `git show`), and the
shared corpus files press_releases_en / repswatch_replica_en (only ids not already in
tests/data/devset.jsonl). Each real item's label is my reading of that text; the picks are listed
below by key. Written (synthetic) items fill the subcategories real text lacks; they come from
en_synthetic.py, are marked `synthetic: true` and say which real pattern they imitate. Evasion
variants rewrite offers the current engine catches (leetspeak, separators, run-together and
misspelt names).
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "train"))

import en_synthetic  # noqa: E402
from en_build import AGNEWS, SMS, SPAMASSASSIN, email_text, git_dir  # noqa: E402

CORPUS = Path("/work/shared/corpus")
OLD_DEVSET = ROOT / "tests" / "data" / "devset.jsonl"

# SpamAssassin spam read one by one: key -> (label, subcategory, note). Left out after reading:
# penis-enlargement *exercise programmes* (spam-1-00023, spam-2-00227, spam-2-00464, spam-2-00942), which
# sell no drug, and US mortgage-refinance spam (a grey zone, issue 13 point 6) except spam-2-00041.
SA_PICKS: dict[str, tuple[str, str, str]] = {
    **{
        k: ("contraband", "sexual_drugs", "")
        for k in [
            "spam-1-00037",
            "spam-1-00118",
            "spam-1-00176",
            "spam-1-00181",
            "spam-1-00190",
            "spam-1-00421",
            "spam-2-00074",
            "spam-2-00113",
            "spam-2-00250",
            "spam-2-00321",
            "spam-2-00386",
            "spam-2-00398",
            "spam-2-00462",
            "spam-2-00475",
            "spam-2-00515",
            "spam-2-00596",
            "spam-2-00619",
            "spam-2-00656",
            "spam-2-00659",
            "spam-2-00698",
            "spam-2-00763",
            "spam-2-00886",
            "spam-2-01088",
            "spam-2-01391",
        ]
    },
    **{
        k: ("contraband", "prescription_medicine", "")
        for k in [
            "spam-1-00457",
            "spam-2-00056",
            "spam-2-00148",
            "spam-2-00274",
            "spam-2-00292",
            "spam-2-00680",
            "spam-2-01026",
            "spam-2-01071",
            "spam-2-01126",
            "spam-2-01128",
            "spam-2-01129",
            "spam-2-01235",
        ]
    },
    "spam-1-00301": ("counterfeit", "replica_goods", ""),
    **{
        k: ("contraband", "tobacco", "untaxed cigarettes by mail")
        for k in ["spam-1-00062", "spam-1-00075", "spam-1-00240", "spam-1-00272", "spam-1-00410"]
    },
    **{
        k: ("contraband", "forged_documents", "diploma mill / novelty licence")
        for k in [
            "spam-1-00281",
            "spam-2-00617",
            "spam-2-00652",
            "spam-2-01187",
            "spam-2-01286",
            "spam-2-01340",
            "spam-2-00635",
            "spam-2-01256",
        ]
    },
    **{
        k: ("contraband", "personal_data", "e-mail address lists / people-search records for sale")
        for k in [
            "spam-2-00819",
            "spam-2-00941",
            "spam-2-01134",
            "spam-2-01226",
            "spam-2-00727",
            "spam-2-00360",
            "spam-2-01086",
        ]
    },
    "spam-2-00002": ("contraband", "weapons", "stun guns"),
    "spam-2-00533": ("contraband", "weapons", "pepper spray"),
    "spam-2-00821": ("cash_loan", "loan_agent", "'borrow money for any purpose' broker network"),
    "spam-2-00147": ("cash_loan", "predatory_loan", "'$10,000 instant credit, 85% approval' regardless of credit"),
    "spam-2-00041": (
        "cash_loan",
        "loan_agent",
        "loan broker network 'need extra cash?'; US mortgage broker spam is a grey zone (issue 13, point 6)",
    ),
}
SMS_PICKS: dict[int, tuple[str, str, str]] = {
    457: ("cash_loan", "loan_agent", "UK loan broker, 'previously refused? we can still help'"),
    3956: ("cash_loan", "loan_agent", "UK loan broker for refused applicants"),
    4075: ("cash_loan", "predatory_loan", "'loans for any purpose even if you have bad credit'"),
}
PR_POSITIVE_PREFIXES: dict[str, tuple[str, str, str, str]] = {
    "pr-247PressRelease-2024-1219-top-9-new-year-s-resolutions-how-1935-cbd": (
        "contraband",
        "drugs",
        "press_release_promo",
        "CBD product promotion: a contraband offering under the cn profile although legal in the US",
    ),
    "pr-247PressRelease-2025-0414-saverxcanada-to-offers-affordable-access": (
        "contraband",
        "prescription_medicine",
        "press_release_promo",
        "cross-border sale of a prescription cancer drug from India, like the SaveRx items already in the dev set",
    ),
}
# clean press releases (hard negatives): prefix -> genre
PR_CLEAN_PREFIXES: dict[str, str] = {
    "pr-citybiz-2025-0813-public-service-announcement-watch-out-for-scammer": "debunk",
    "pr-247PressRelease-2024-0724-custom-health-s-unique-addiction-deterren": "corporate_news",
    "pr-newsdirect-2024-0405-non-addictive-options-to-opioids": "explainer",
    "pr-247PressRelease-2024-1220-nationwide-lawsuit-challenges-kaiser-s-he": "news",
    "pr-247PressRelease-2025-0812-the-patent-baron-pllc-commends-uspto-s-re": "crackdown_news",
    "pr-ibn-2025-0429-north-korean-operatives-are-using-fake-american-compa": "journalism",
    "pr-247PressRelease-2024-1010-blue-light-it-warns-of-post-hurricane-mil": "debunk",
    "pr-newmediawire-2025-1024-woodside-credit-expands-exclusive-barrett-ja": "licensed_lender",
    "pr-247PressRelease-2024-0927-client-feedback-highlights-woodside-credi": "licensed_lender",
    "pr-reportable-2025-0203-stonegate-updates-coverage-on-isabella-bank-co": "corporate_news",
    "pr-newmediawire-2025-0520-biocorrx-reports-business-update-for-the-fir": "treatment",
    "pr-247PressRelease-2025-0605-changes-healing-center-now-accepts-molina": "treatment",
    "pr-247PressRelease-2025-0328-the-patent-baron-pllc-warns-clients": "news",
    "pr-newsdirect-2025-0520-volodymyr-naumenko-arrested": "crackdown_news",
    "pr-ibn-2024-0725-inmeds-nasdaq-inm-inm-089": "corporate_news",
    "pr-247PressRelease-2025-0515-the-patent-baron-pllc-applauds-uspto-mile": "crackdown_news",
}
# AG News test rows (not in the training sample) that name the goods while reporting on them: line -> genre
AG_PICKS: dict[int, str] = {
    10: "regulator",
    569: "crackdown_news",
    829: "news",
    1032: "news",
    1267: "regulator",
    2027: "journalism",
    2222: "treatment",
    2678: "news",
    2684: "news",
    3415: "crackdown_news",
    3779: "news",
    3970: "news",
    4315: "regulator",
    4868: "crackdown_news",
    5146: "crackdown_news",
    5904: "crackdown_news",
    6194: "corporate_news",
    6295: "journalism",
    6430: "news",
    6465: "explainer",
    6748: "crackdown_news",
    6749: "crackdown_news",
    6881: "crackdown_news",
    6974: "crackdown_news",
    7278: "news",
    7394: "official_brand",
    7431: "official_brand",
}
# SpamAssassin ham that discusses the goods (list posts forwarding news, a help thread): key -> genre
SA_HAM_PICKS: dict[str, str] = {
    "easy-ham-1-00566": "forum",
    "easy-ham-1-02250": "forum",
    "easy-ham-2-00496": "forum",
    "easy-ham-1-00077": "forum",
}
CRACKDOWN = re.compile(r"arrest|illicit|crackdown|raid|seiz|operation|investigation|recriminal", re.I)
POLICY = re.compile(r"regulat|law|bill|governor|court|senate|lawmakers|legislat|ballot|veto|licens|AG\b", re.I)
REPSWATCH_ROWS = 30
EVASIONS = 30


def commit_of(mirror: Path, repo: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(git_dir(mirror, repo)), "rev-parse", "HEAD"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def record(**fields: object) -> dict:
    base: dict = {"lang": "en", "hard_negative": False, "synthetic": False}
    base.update(fields)
    return base


def spam_items(mirror: Path) -> list[dict]:
    import email
    import email.policy

    repo, commit, under = SPAMASSASSIN
    paths = subprocess.run(
        ["git", "--git-dir", str(git_dir(mirror, repo)), "ls-tree", "-r", "--name-only", commit, under],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    by_key = {}
    for p in paths:
        if p.endswith(".txt"):
            folder, name = p.split("/")[-2:]
            by_key[f"{folder}-{name.split('.')[0]}"] = p
    out = []
    picks = {**SA_PICKS, **{k: ("clean", None, f"mailing-list post ({g})") for k, g in SA_HAM_PICKS.items()}}
    for key, (label, sub, note) in picks.items():
        path = by_key[key]
        raw = subprocess.run(
            ["git", "--git-dir", str(git_dir(mirror, repo)), "show", f"{commit}:{path}"],
            check=True,
            capture_output=True,
        ).stdout
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
        has_plain = any(part.get_content_type() == "text/plain" for part in msg.walk())
        html_parts = [part for part in msg.walk() if part.get_content_type() == "text/html"]
        rec = record(
            id=f"en-sa-{key}",
            label=label,
            subcategory=sub,
            hard_negative=label == "clean",
            genre="spam_email" if label != "clean" else SA_HAM_PICKS[key],
            source="gh:stdlib-js/datasets-spam-assassin",
            provenance={"repo": repo, "commit": commit, "path": path},
        )
        if note:
            rec["note"] = note
        if html_parts and not has_plain:
            payload = html_parts[0].get_payload(decode=True)
            charset = html_parts[0].get_content_charset() or "latin-1"
            try:
                markup = payload.decode(charset, "replace")  # type: ignore[union-attr]
            except LookupError:
                markup = payload.decode("latin-1", "replace")  # type: ignore[union-attr]
            subject = str(msg.get("Subject", "") or "")
            if "<title" not in markup.lower():
                markup = f"<html><head><title>{subject}</title></head>{markup}</html>"
            rec.update(format="html", html=markup)
        else:
            rec.update(format="text", text=email_text(raw))
        out.append(rec)
    return out


def sms_items(mirror: Path) -> list[dict]:
    repo, commit, path = SMS
    lines = (
        subprocess.run(
            ["git", "--git-dir", str(git_dir(mirror, repo)), "show", f"{commit}:{path}"],
            check=True,
            capture_output=True,
        )
        .stdout.decode("utf-8", "replace")
        .splitlines()
    )
    out = []
    for no, (label, sub, note) in SMS_PICKS.items():
        text = lines[no - 1].partition("\t")[2].strip()
        out.append(
            record(
                id=f"en-sms-L{no}",
                format="text",
                text=text,
                label=label,
                subcategory=sub,
                genre="sms_ad",
                source="gh:hamzaaacodes/sms-spam-collection",
                provenance={"repo": repo, "commit": commit, "path": path, "line": no},
                note=note,
            )
        )
    return out


def agnews_items(mirror: Path) -> list[dict]:
    import csv
    import io

    repo, commit, path = AGNEWS
    raw = subprocess.run(
        ["git", "--git-dir", str(git_dir(mirror, repo)), "show", f"{commit}:{path}"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8", "replace")
    rows = dict(enumerate(csv.reader(io.StringIO(raw)), start=1))
    out = []
    for no, genre in AG_PICKS.items():
        _cls, title, desc = rows[no]
        out.append(
            record(
                id=f"en-agnews-L{no}",
                format="text",
                text=f"{title}\n\n{desc.replace(chr(92), ' ')}",
                label="clean",
                subcategory=None,
                hard_negative=True,
                genre=genre,
                source="gh:madhubandru/Text-Classification-on-News-Articles-using-BERT-Framework",
                provenance={"repo": repo, "commit": commit, "path": path, "line": no},
            )
        )
    return out


def corpus_items(used: set[str]) -> list[dict]:
    out: list[dict] = []
    prs = [json.loads(line) for line in (CORPUS / "press_releases_en.jsonl").open(encoding="utf-8")]
    fresh = [p for p in prs if p["id"] not in used]

    def pr_record(p: dict, **fields: object) -> dict:
        return record(
            id=p["id"],
            format="text",
            text=p["text"],
            source="pr",
            provenance={"corpus": "press_releases_en.jsonl", "corpus_id": p["id"]},
            **fields,
        )

    for prefix, (label, sub, genre, note) in PR_POSITIVE_PREFIXES.items():
        (p,) = [p for p in fresh if p["id"].startswith(prefix)]
        rec = pr_record(p, label=label, subcategory=sub, genre=genre, note=note)
        if sub == "drugs":
            rec["jurisdiction_note"] = "CBD promotion: contraband under cn, legal under us"
        out.append(rec)
    for prefix, genre in PR_CLEAN_PREFIXES.items():
        (p,) = [p for p in fresh if p["id"].startswith(prefix)]
        out.append(pr_record(p, label="clean", subcategory=None, genre=genre, hard_negative=True))
    for p in fresh:
        title = p.get("title") or ""
        if not title.startswith("420 with CNW"):
            continue
        genre = "crackdown_news" if CRACKDOWN.search(title) else "regulator" if POLICY.search(title) else "news"
        out.append(
            pr_record(
                p,
                label="clean",
                subcategory=None,
                genre=genre,
                hard_negative=True,
                note="cannabis industry/policy news column: discussion, not an offer",
            )
        )
    rows = [json.loads(line) for line in (CORPUS / "repswatch_replica_en.jsonl").open(encoding="utf-8")]
    fresh_rows = [r for r in rows if r["id"] not in used and r.get("source_label") == "replica_catalog_row"]
    step = max(1, len(fresh_rows) // REPSWATCH_ROWS)
    for r in fresh_rows[::step][:REPSWATCH_ROWS]:
        out.append(
            record(
                id=r["id"],
                format="text",
                text=r["text"],
                label="counterfeit",
                subcategory="replica_goods",
                genre="listing",
                source="repswatch",
                provenance={"corpus": "repswatch_replica_en.jsonl", "corpus_id": r["id"]},
                note="replica catalogue row: replica factory and clone movement beside the genuine retail price",
            )
        )
    return out


def caught(items: list[dict]) -> list[dict]:
    """Offers the current engine flags with their own category (evasions are only meaningful for those)."""
    try:
        from linkscan.detect import Detector
        from linkscan.settings import DetectionSettings
    except ImportError:
        return items
    detector = Detector.load(DetectionSettings())
    keep = []
    for it in items:
        if it["format"] != "text":
            continue
        det = detector.detect(it["text"])
        if det.decision != "allow" and det.categories and det.categories[0].category == it["label"]:
            keep.append(it)
    return keep


def write(name: str, items: list[dict]) -> None:
    with (HERE / name).open("w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"{name}: {len(items)}")


def main() -> None:
    mirror = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/.mirror")
    used = {json.loads(line)["id"] for line in OLD_DEVSET.open(encoding="utf-8") if line.strip()}
    real = spam_items(mirror) + sms_items(mirror) + agnews_items(mirror) + corpus_items(used)
    real_offers = [r for r in real if r["label"] != "clean"]
    real_clean = [r for r in real if r["label"] == "clean"]
    have: dict[str, int] = {}
    for r in real_offers:
        have[r["subcategory"]] = have.get(r["subcategory"], 0) + 1
    synth_offers = en_synthetic.offers(have)
    synth_clean = en_synthetic.hard_negatives(max(160, 270 - len(real_clean)))
    rng = random.Random(13)
    by_label: dict[str, list[dict]] = {}
    for it in caught(real_offers + synth_offers):
        by_label.setdefault(it["label"], []).append(it)
    for group in by_label.values():
        rng.shuffle(group)
    # round-robin over categories, so each category's offers get evaded
    pool = [g[i] for i in range(max(map(len, by_label.values()))) for g in by_label.values() if i < len(g)]
    evasions = en_synthetic.evasions(pool, EVASIONS)
    write("en_real_offers.jsonl", real_offers)
    write("en_real_clean.jsonl", real_clean)
    write("en_synthetic_offers.jsonl", synth_offers)
    write("en_synthetic_clean.jsonl", synth_clean)
    write("en_evasion.jsonl", evasions)


if __name__ == "__main__":
    main()
