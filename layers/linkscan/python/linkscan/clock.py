"""The one clock: the current UTC time as ISO 8601 text."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

_FORMATS = {"microseconds": "%Y-%m-%dT%H:%M:%S.%fZ", "seconds": "%Y-%m-%dT%H:%M:%SZ"}


def stamp(moment: datetime) -> str:
    """A given moment (an injected clock's) as ISO 8601 text, UTC written as Z."""
    return moment.isoformat().replace("+00:00", "Z")


def parse_stamp(value: str) -> datetime:
    """The moment an ISO 8601 text written by this module names."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def utc_now(timespec: Literal["microseconds", "seconds"] = "microseconds") -> str:
    """Now in UTC, ending in Z. With microseconds (records, verdicts) timestamps sort as text in the
    order they were taken; the public lists show whole seconds."""
    return datetime.now(UTC).strftime(_FORMATS[timespec])
