"""Helpers for the mini-program tests: events under events/ and metadata built in place."""

from __future__ import annotations

import json
from typing import Any

from linkscan.miniprogram import MiniProgramMetadata, parse_metadata, parse_submission
from linkscan.models import Verdict

from tests.support import load_event

SCANNED_AT = "2026-11-21T09:00:00Z"


def submission_body(scenario: str) -> dict[str, Any]:
    """The JSON body of events/api_submit_miniprogram_<scenario>.json."""
    body: dict[str, Any] = json.loads(load_event(f"api_submit_miniprogram_{scenario}.json")["body"])
    return body


def event_metadata(scenario: str) -> MiniProgramMetadata:
    submission = parse_submission(submission_body(scenario))
    assert submission.metadata is not None
    return parse_metadata(submission.appid, submission.metadata)


def with_changes(meta: MiniProgramMetadata, **fields: Any) -> MiniProgramMetadata:
    """A copy of ``meta`` with fields replaced, validated again like fresh input."""
    return MiniProgramMetadata.model_validate({**meta.model_dump(), **fields})


def metadata(**fields: Any) -> MiniProgramMetadata:
    """Minimal valid metadata with the given fields replaced (for checks that need one page or name)."""
    raw: dict[str, Any] = {
        "name": "小工具",
        "principal": {"name": "某某科技有限公司", "type": "enterprise"},
        "categories": ["工具-效率"],
    }
    raw.update(fields)
    return parse_metadata("wx00112233445566ff", raw)


def extra_items(verdict: Verdict, key: str) -> list[Any]:
    """A list the mini-program scan put in ``Verdict.extra`` (typed ``object`` there)."""
    value = verdict.extra[key]
    assert isinstance(value, list)
    return value
