"""What one scan's fetch produced. Failures are values here, never exceptions."""

from __future__ import annotations

from dataclasses import dataclass, field

from linkscan.models import TRANSIENT_OUTCOMES, FetchSummary, Hop, Outcome, PartialReason

# Server trouble and rate limiting pass; a retry later may well succeed.
RETRIABLE_STATUSES = frozenset({429})


@dataclass
class FetchResult:
    """The response that ended the redirect chain (or why there was none).

    ``content_type`` is the media type only ("text/html"); the full header is in ``headers``.
    ``body`` is the decoded body (Content-Encoding undone), at most ``max_bytes``; ``truncated`` says
    the server had more (or more was not read: binary bodies are only sniffed), and
    ``partial_reason`` why: a cap, or a read that timed out or was cut off after part of the body.
    """

    requested_url: str
    outcome: Outcome
    final_url: str | None = None
    detail: str | None = None
    status: int | None = None
    hops: list[Hop] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None
    body: bytes = b""
    text: str | None = None
    charset: str | None = None
    truncated: bool = False
    partial_reason: PartialReason | None = None
    size: int = 0
    elapsed_ms: int = 0
    app_package: str | None = None  # "apk" / "ipa" when the response is an app installer
    profile: str | None = None  # the fetch profile it was fetched as

    @property
    def retriable(self) -> bool:
        """Worth another try later: network trouble, 5xx and 429."""
        if self.outcome in TRANSIENT_OUTCOMES:
            return True
        return (
            self.outcome == "http_error"
            and self.status is not None
            and (self.status >= 500 or self.status in RETRIABLE_STATUSES)
        )

    @property
    def is_html(self) -> bool:
        return self.content_type in ("text/html", "application/xhtml+xml")

    def summary(self, evidence_key: str | None = None) -> FetchSummary:
        return FetchSummary(
            final_url=self.final_url,
            status=self.status,
            content_type=self.content_type,
            size=self.size,
            truncated=self.truncated,
            partial_reason=self.partial_reason,
            hops=list(self.hops),
            evidence_key=evidence_key,
            elapsed_ms=self.elapsed_ms,
        )
