"""Request and response models of the platform routes: reports, webhooks, the review queue."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from linkscan.api_models import check_submittable_url
from linkscan.events.model import DETAIL_TYPES
from linkscan.models import Verdict

EVENT_KINDS = tuple(DETAIL_TYPES)


class ReportRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(min_length=1, max_length=2048, description="The link being reported")
    reason: str | None = Field(default=None, max_length=2000, description="What the reporter saw (optional)")
    category: Literal["cash_loan", "counterfeit", "contraband", "other"] | None = None

    @field_validator("url")
    @classmethod
    def _fetchable(cls, url: str) -> str:
        return check_submittable_url(url)  # the scan a report queues must be possible


class ReportReceipt(BaseModel):
    report_id: str
    target_id: str
    url: str = Field(description="The canonical URL reported")
    status: Literal["queued", "already_known", "duplicate", "review"] = Field(
        description="queued: a scan will judge it; already_known: a recent or queued scan answers it; "
        "duplicate: this reporter reported it already; review: many reports on its domain, a moderator decides"
    )
    weight: float = Field(description="How much this report counts (anonymous reports weigh least)")
    priority: Literal["normal", "low"] | None = None


class WebhookRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(min_length=1, max_length=2048, description="https URL that receives POSTed events")
    kinds: list[
        Literal[
            "verdict.new",
            "decision.changed",
            "verdict.moderated",
            "target.listed",
            "target.delisted",
            "target.status_changed",
        ]
    ] = Field(default_factory=list, description="Event kinds to receive; empty: all")


class WebhookCreated(BaseModel):
    subscription_id: str
    url: str
    kinds: list[str]
    secret: str = Field(description="The HMAC signing secret. Shown once: store it now")
    signature_header: str = "Linkscan-Signature"
    deliveries_url: str


class DeliveryView(BaseModel):
    event_id: str
    kind: str
    created_at: str
    state: Literal["delivered", "retrying", "failed"]
    attempts: int
    last_attempt_at: str | None = None
    next_attempt_at: str | None = None
    last_status: int | None = None
    last_error: str | None = None


class DeliveryList(BaseModel):
    subscription_id: str
    url: str
    deliveries: list[DeliveryView]


class HistoryEntry(BaseModel):
    scan_id: str
    scanned_at: str
    decision: str
    judged: bool
    outcome: str
    score: float


class ReviewItem(BaseModel):
    target_id: str
    target_type: str
    target: str
    state: Literal["pending", "done"]
    source: Literal["verdict", "report_burst"] = Field(
        description="verdict: a scan said review; report_burst: many reports on the target's domain at once"
    )
    queued_at: str
    age_seconds: int
    category: str | None = None
    subcategory: str | None = None
    lease_by: str | None = None
    lease_until: str | None = None
    decision: str | None = None
    decided_by: str | None = None
    decided_at: str | None = None
    reason: str | None = None
    verdict: Verdict | None = Field(default=None, description="The verdict under review, with its evidence")
    history: list[HistoryEntry] = Field(default_factory=list, description="The target's earlier scans, newest first")


class ReviewPage(BaseModel):
    status: Literal["pending", "done"]
    items: list[ReviewItem]


class ReviewLease(BaseModel):
    target_id: str
    lease_by: str
    lease_until: str


class ReviewDecisionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["block", "allow"]
    reason: str = Field(min_length=3, max_length=2000)
