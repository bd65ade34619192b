"""Sample mini-program metadata: the submission events under events/, and a table of their verdicts.

python -m devstack.samples_miniprogram        # scan every sample with the shipped rules
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from devstack.timing import median_ms
from linkscan.miniprogram import MiniProgramMetadata, parse_metadata, parse_submission

EVENTS = Path(__file__).resolve().parent.parent / "events"
PREFIX = "api_submit_miniprogram_"


def scenarios() -> list[str]:
    """Scenario names, e.g. "clean", "cashloan_wrong_category" (events/api_submit_miniprogram_<name>.json)."""
    return sorted(path.stem.removeprefix(PREFIX) for path in EVENTS.glob(f"{PREFIX}*.json"))


def submission_body(scenario: str) -> dict[str, Any]:
    """The JSON body of the scenario's POST /v1/submissions event."""
    event = json.loads((EVENTS / f"{PREFIX}{scenario}.json").read_text(encoding="utf-8"))
    body: dict[str, Any] = json.loads(event["body"])
    return body


def sample_metadata(scenario: str) -> MiniProgramMetadata:
    """The scenario's validated metadata (scenarios with inline metadata only)."""
    submission = parse_submission(submission_body(scenario))
    if submission.metadata is None:
        raise ValueError(f"{scenario} submits a metadata_url, not inline metadata")
    return parse_metadata(submission.appid, submission.metadata)


def largest_metadata() -> MiniProgramMetadata:
    """The cash-loan sample grown to the model's limits: 200 pages of 20,000 characters, 10 links each."""
    body = submission_body("cashloan_wrong_category")
    text = ("今天花了多少？选择分类：餐饮、交通、购物、娱乐、居家。输入金额和备注，保存后自动计入本月账本。" * 400)[
        :20_000
    ]
    pages = [
        {
            "path": f"pages/p{i}",
            "title": "账单",
            "text": text,
            "links": [f"https://s{j}.example/{i}" for j in range(10)],
        }
        for i in range(200)
    ]
    return parse_metadata(body["appid"], {**body["metadata"], "pages": pages})


def bench(repeat: int = 30) -> dict[str, float]:
    """Median milliseconds: scan of a typical sample, parse and scan of the largest accepted metadata."""
    from linkscan.detect import Detector
    from linkscan.miniprogram import scan_miniprogram
    from linkscan.settings import DetectionSettings

    detector = Detector.load(DetectionSettings())

    typical, largest = sample_metadata("cashloan_wrong_category"), largest_metadata()
    return {
        "miniprogram_scan_ms_median": median_ms(
            lambda: scan_miniprogram(typical, detector, scan_id="b", scanned_at=""), repeat
        ),
        "miniprogram_largest_parse_ms_median": median_ms(largest_metadata, 3),
        "miniprogram_largest_scan_ms_median": median_ms(
            lambda: scan_miniprogram(largest, detector, scan_id="b", scanned_at=""), 3
        ),
    }


def main() -> None:
    from linkscan.detect import Detector
    from linkscan.miniprogram import scan_miniprogram
    from linkscan.settings import DetectionSettings

    if sys.argv[1:] == ["bench"]:
        print(json.dumps(bench(), indent=2))
        return
    detector = Detector.load(DetectionSettings())
    for scenario in scenarios():
        if submission_body(scenario).get("metadata") is None:
            continue
        verdict = scan_miniprogram(sample_metadata(scenario), detector, scan_id="sample", scanned_at="")
        print(f"{scenario:26} {verdict.decision:7} {','.join(verdict.actions) or '-':9} {verdict.target}")
        for reason in verdict.reasons:
            print(f"{'':28}{reason}")


if __name__ == "__main__":
    main()
