"""Rescan policy and the liveness state machine of a listed link (pure: the clock is an argument).

Each check is one observation: ``offending`` (judged, still `block`), ``clean`` (judged, no longer
`block`) or ``gone`` (the fetch failed: DNS, 404, refused...). ``changed`` is reported for an offending
page whose content differs from the last check. Status: ``online`` (the page answers), ``offline`` (it
does not), ``dormant`` (N consecutive clean or gone checks over at least D days: the entry leaves the
hosts/adblock/RPZ lists, stays in JSON and CSV with its status, and is relisted at the next offending check).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from linkscan.clock import parse_stamp, stamp
from linkscan.policy_data import load_policy
from linkscan.rescan.model import RescanEntry

Observation = Literal["offending", "clean", "gone"]


@dataclass(frozen=True)
class RescanPolicy:
    first_check_after_hours: float = 1
    backoff_factor: float = 2
    max_interval_hours: float = 168
    dormant_after_clean_checks: int = 3
    dormant_min_days: float = 7
    version: int = 1

    @classmethod
    def load(cls, text: str | None = None) -> RescanPolicy:
        """The shipped policy (rescan/policy.yaml), or the YAML given."""
        return load_policy(cls, "linkscan.rescan", text)

    @property
    def first_interval(self) -> timedelta:
        return timedelta(hours=self.first_check_after_hours)

    @property
    def max_interval(self) -> timedelta:
        return timedelta(hours=self.max_interval_hours)


def new_entry(target_id: str, target: str, now: datetime, policy: RescanPolicy) -> RescanEntry:
    """A fresh listing: online, first check soon."""
    return RescanEntry(
        target_id=target_id,
        target=target,
        status="online",
        next_check_at=stamp(now + policy.first_interval),
        interval_seconds=int(policy.first_interval.total_seconds()),
        listed_at=stamp(now),
    )


def observe(
    entry: RescanEntry,
    observation: Observation,
    now: datetime,
    policy: RescanPolicy,
    *,
    content_sha256: str | None = None,
    moderator_upheld: bool = False,
) -> RescanEntry:
    """The entry after one check. A moderator's upheld block never goes dormant."""
    if observation == "offending":
        changed = bool(entry.content_sha256 and content_sha256 and content_sha256 != entry.content_sha256)
        result = "changed" if changed else "offending"
        status, streak, first_clean = "online", 0, None
    else:
        result = observation
        streak = entry.clean_streak + 1
        first_clean = entry.first_clean_at or stamp(now)
        status = "online" if observation == "clean" else "offline"
        long_enough = now - parse_stamp(first_clean) >= timedelta(days=policy.dormant_min_days)
        if streak >= policy.dormant_after_clean_checks and long_enough and not moderator_upheld:
            status = "dormant"
    # Nothing new: check less often. Anything new (a change, a status change): check soon again.
    steady = result == entry.last_result and status == entry.status and result != "changed"
    if steady:
        interval = min(timedelta(seconds=entry.interval_seconds * policy.backoff_factor), policy.max_interval)
    else:
        interval = policy.first_interval
    return dataclasses.replace(
        entry,
        status=status,
        checks=entry.checks + 1,
        clean_streak=streak,
        first_clean_at=first_clean,
        last_checked=stamp(now),
        last_result=result,
        content_sha256=content_sha256 or entry.content_sha256,
        interval_seconds=int(interval.total_seconds()),
        next_check_at=stamp(now + interval),
    )


def budget_per_run(checks_per_hour: int, run_every_minutes: float) -> int:
    """How many checks one scheduler run may queue so the hourly rate holds."""
    return max(1, int(checks_per_hour * run_every_minutes / 60))
