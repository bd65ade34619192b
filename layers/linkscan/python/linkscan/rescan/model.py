"""A listed target's rescan schedule and liveness."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RescanEntry:
    target_id: str
    target: str
    status: str  # online, offline, dormant
    next_check_at: str
    interval_seconds: int
    listed_at: str
    checks: int = 0
    clean_streak: int = 0
    first_clean_at: str | None = None
    last_checked: str | None = None
    last_result: str | None = None  # offending, changed, clean, gone
    content_sha256: str | None = None
