"""The shapes other tools read: verdicts, evidence, fetch summaries.

Field names here are a public contract (``decision``, ``score``, ``categories``, ``outcome``,
``rules_version``): keep them stable.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from linkscan.severity import Severity

Decision = Literal["allow", "review", "block"]
TargetType = Literal["url", "miniprogram", "text"]  # text: `linkscan analyze` of a file or stdin

# How the fetch went. "ok" means a body was read and analyzed.
Outcome = Literal[
    "ok",
    "invalid_url",
    "blocked_destination",
    "dns_error",
    "connection_error",
    "timeout",
    "tls_error",
    "too_large",
    "http_error",
    "unsupported_content",
    "analysis_limit",
    "not_fetched",
    "invalid_metadata",  # a mini-program's metadata is not JSON, nests too deeply or breaks the schema
    "scan_failed",  # the scan failed every delivery: recorded on the last one, or from the dead-letter queue
]
# "analysis_limit": the body was read but analysis hit its CPU or structure bound; what it had
# extracted by then (at least the page's text) was still judged.

# Why a body is shorter than what the server meant to send (FetchSummary.partial_reason).
PartialReason = Literal["max_bytes", "binary", "timeout", "connection_closed", "malformed_body"]

# Outcomes after which content was read and analyzed; any other outcome means nothing was judged.
JUDGED_OUTCOMES: frozenset[str] = frozenset({"ok", "not_fetched", "analysis_limit"})

# Outcomes worth another try later (the queue retries them with backoff).
TRANSIENT_OUTCOMES: frozenset[str] = frozenset({"dns_error", "connection_error", "timeout"})

DECISION_RANK: dict[str, int] = {"allow": 0, "review": 1, "block": 2}


class Evidence(BaseModel):
    """One reason a rule fired: what matched, where, and the original text around it."""

    rule: str
    term: str = Field(description="The normalized term or pattern that matched")
    matched: str = Field(default="", description="The match as it is written in the original text (whitespace folded)")
    snippet: str = Field(description="Original text around the match")
    start: int = Field(ge=0, description="Offset of the match in the original text of `field`")
    end: int = Field(ge=0)
    field: str = Field(default="text", description="Where the text came from: text, title, form, pages[0].text...")


class CategoryScore(BaseModel):
    category: str
    subcategory: str
    score: float
    severity: Severity = "medium"
    evidence: list[Evidence] = Field(default_factory=list)


class OfferFeature(BaseModel):
    feature: str = Field(description="A word, word pair or character n-gram of the normalized text")
    weight: float = Field(description="Its contribution to the offer logit: > 0 reads as a pitch, < 0 as discussion")


class OfferReading(BaseModel):
    """The offer model's reading of the text around the named goods: a seller's pitch or discussion."""

    probability: float = Field(ge=0, le=1, description="P(the text offers what it names), from the text alone")
    model_version: str
    features: list[OfferFeature] = Field(default_factory=list, description="The features that weighed most")


class Hop(BaseModel):
    """One step of a redirect chain."""

    url: str
    status: int | None = None
    kind: Literal["http", "meta_refresh", "javascript"] = "http"


class FetchSummary(BaseModel):
    """What the verdict keeps of a fetch (the body itself goes to the evidence store)."""

    final_url: str | None = None
    status: int | None = None
    content_type: str | None = None
    size: int = 0
    truncated: bool = False
    partial_reason: PartialReason | None = Field(
        default=None, description="Why the body is cut short, when `truncated`; what arrived was still analyzed"
    )
    hops: list[Hop] = Field(default_factory=list)
    evidence_key: str | None = None
    elapsed_ms: int = 0


class RuleReference(BaseModel):
    """A published rule a notice cites."""

    id: str = Field(description="linkscan's id of the rule, e.g. wxmp.5.1")
    name: str = Field(description="The rule's name as the platform publishes it")
    url: str = Field(description="Where the rule's text is published")


class OffendingContent(BaseModel):
    """One piece of content a notice is about, and where it is."""

    field: str = Field(description="Metadata field: name, description, pages[2].text, navigation[0]...")
    page_path: str | None = Field(default=None, description="The page's path (pages[].path) for page fields")
    term: str = Field(description="What matched")
    snippet: str = Field(description="The original text around it")


class NoticeAction(BaseModel):
    """What the platform does: a warning to fix by a date, features off for N days, delisting, a ban."""

    grade: str = Field(description="The ladder grade: warn, restrict or ban")
    type: Literal["warning", "feature_restriction", "delisting", "account_ban"]
    scope: list[str] = Field(
        description="What it applies to: the content, features (search, sharing, payment), the account"
    )
    duration_days: int | None = Field(default=None, description="How long a restriction lasts; null: no end date")
    fix_by: str | None = Field(
        default=None, description="Warning: the date (ISO 8601) by which the content must be fixed"
    )
    until: str | None = Field(default=None, description="Restriction: the date (ISO 8601) it ends")
    delist: bool = Field(default=False, description="The mini-program is taken off search and listings")


class Notice(BaseModel):
    """One violation notice: the rule broken, the offending content, why this grade."""

    category: str
    subcategory: str
    rule: RuleReference | None = None
    grade: str = Field(description="This violation's own grade before prior violations")
    reason: str = Field(description="Why the policy grades this violation so")
    content: list[OffendingContent] = Field(default_factory=list)


class AppealRoute(BaseModel):
    how: str
    route: str = Field(description="Where to appeal, e.g. POST /v1/appeals")
    deadline: str | None = Field(default=None, description="Last day (ISO 8601) to appeal")


class Enforcement(BaseModel):
    """The enforcement part of a blocked mini-program's verdict: what a platform sends its developer."""

    action: NoticeAction
    prior_violations: int = Field(default=0, description="Earlier upheld violations; each raised the grade one step")
    notices: list[Notice] = Field(default_factory=list)
    appeal: AppealRoute


class Verdict(BaseModel):
    target_id: str
    target_type: TargetType = "url"
    target: str = Field(description="Canonical URL, or the mini-program's appid")
    decision: Decision
    score: float = 0.0
    band: str = "clean"
    categories: list[CategoryScore] = Field(default_factory=list)
    outcome: Outcome = "ok"
    outcome_detail: str | None = None
    judged: bool = Field(
        default=True,
        description="False when nothing was analyzed (the fetch failed, see outcome): decision is then no "
        "judgement of the content. Read it before decision.",
    )
    retriable: bool = False
    fetch: FetchSummary | None = None
    actions: list[str] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)
    rules_version: str = ""
    offer: OfferReading | None = Field(default=None, description="The offer model's reading (no goods named: null)")
    scan_id: str = ""
    scanned_at: str = ""
    enforcement: Enforcement | None = Field(
        default=None, description="Mini-programs: the notice a platform can act on (rule, content, action, appeal)"
    )
    extra: dict[str, object] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _judged_from_outcome(cls, data: Any) -> Any:
        # Verdicts stored before the field existed, and verdicts built without it, say it from their outcome.
        if isinstance(data, dict) and data.get("judged") is None:
            data = {**data, "judged": data.get("outcome", "ok") in JUDGED_OUTCOMES or bool(data.get("categories"))}
        return data
