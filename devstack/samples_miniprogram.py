"""Sample mini-program metadata: the submission events under events/, and a table of their verdicts.

python -m devstack.samples_miniprogram        # scan every sample with the shipped rules
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


def main() -> None:
    from linkscan.detect import Detector
    from linkscan.miniprogram import scan_miniprogram
    from linkscan.settings import DetectionSettings

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
