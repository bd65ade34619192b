"""Public reports: a registered reporter, and one stored report."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reporter:
    name: str
    weight: float


@dataclass(frozen=True)
class Report:
    """One public report on a target; ``reporter`` is ``key:<name>`` or a digest of the client's address."""

    report_id: str
    target_id: str
    url: str
    reporter: str
    weight: float
    reason: str | None
    category: str | None
    status: str  # queued, already_known or review
    domain: str
    created_at: str
