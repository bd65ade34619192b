"""Helpers for the mini-program tests: events under events/ and metadata built in place."""

from __future__ import annotations

from typing import Any

from devstack.samples_miniprogram import sample_metadata, submission_body
from linkscan.miniprogram import MiniProgramMetadata, parse_metadata
from linkscan.models import Verdict

__all__ = ["SCANNED_AT", "event_metadata", "extra_items", "metadata", "submission_body", "with_changes"]

SCANNED_AT = "2026-11-21T09:00:00Z"
event_metadata = sample_metadata  # the events under events/ are the samples


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
