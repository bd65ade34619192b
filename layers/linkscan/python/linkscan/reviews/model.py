"""The review queue's items and the labelled examples moderators' decisions leave."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReviewEntry:
    target_id: str
    target_type: str
    target: str
    state: str  # pending, done
    source: str  # verdict (a `review` verdict) or report_burst
    queued_at: str
    category: str | None = None
    subcategory: str | None = None
    score: float | None = None
    verdict_sk: str | None = None
    lease_by: str | None = None
    lease_until: str | None = None
    decision: str | None = None
    decided_by: str | None = None
    decided_at: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class LabelledExample:
    target_id: str
    target: str
    decision: str
    by: str
    at: str
    reason: str
    text_ref: dict[str, str] = field(default_factory=dict)  # where the judged text is: verdict and evidence keys
    category: str | None = None
    subcategory: str | None = None
