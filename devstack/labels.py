"""`python -m devstack.labels`: moderators' review decisions as training and evaluation records.

Each decision of the review queue is kept as a labelled example (target, decision, who, when, and a
reference to the judged text: the verdict and its evidence key). This reads them, fetches each text
from the evidence bucket and writes one JSON line per example in the format of ``tests/data/train/``
(``make train`` reads every ``*.jsonl`` there; ``offer`` is 1 for block, 0 for allow):

    python -m devstack.labels --endpoint http://127.0.0.1:<moto port> --stage local
    python -m devstack.labels --stage prod --out tests/data/train/moderated.jsonl   # deployer's credentials

Moderated pages are not a public corpus: check what you commit (docs/reviews.md).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from devstack.template import ROOT

_CJK = re.compile(r"[\u4e00-\u9fff]")
MAX_TEXT = 4000


def record(label: Any, text: str) -> dict[str, Any]:
    """One labelled example as a training record (tests/data/train format, provenance included)."""
    return {
        "id": f"moderated-{label.target_id}-{label.at}",
        "text": text[:MAX_TEXT],
        "lang": "zh" if _CJK.search(text) else "en",
        "offer": 1 if label.decision == "block" else 0,
        "label": (label.category or "other") if label.decision == "block" else "clean",
        "genre": "moderated",
        "source": "moderation",
        "provenance": {
            "target": label.target,
            "decision": label.decision,
            "decided_by": label.by,
            "decided_at": label.at,
            "reason": label.reason,
            **label.text_ref,
        },
    }


def export(table: str, bucket: str) -> list[dict[str, Any]]:
    from linkscan.analyze.page import analyze_html
    from linkscan.storage.platform import EvidenceReader, PlatformRecords

    reader = EvidenceReader(bucket)
    records = []
    for label in PlatformRecords(table).labels():
        key = label.text_ref.get("evidence_key")
        if not key:
            continue  # a mini-program or a failed fetch: no text to learn from
        html = reader.body(key).decode("utf-8", errors="replace")
        records.append(record(label, analyze_html(html, label.target).text))
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack.labels", description=__doc__.split("\n\n")[0])
    parser.add_argument("--stage", default="local")
    parser.add_argument("--endpoint", help="moto's address (the local stack); omit for AWS")
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "data" / "train" / "moderated.jsonl")
    args = parser.parse_args(argv)
    if args.endpoint:
        os.environ["AWS_ENDPOINT_URL"] = args.endpoint
    table = f"linkscan-{args.stage}"
    bucket = f"linkscan-{args.stage}-evidencebucket" if args.endpoint else os.environ.get("EVIDENCE_BUCKET", "")
    if not bucket:
        print("set EVIDENCE_BUCKET to the stack's evidence bucket (an output of the stack)", file=sys.stderr)
        return 2
    records = export(table, bucket)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"wrote {len(records)} labelled examples to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
