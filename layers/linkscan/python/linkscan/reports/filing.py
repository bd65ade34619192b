"""File a public report: limits, deduplication, reputation, the burst rule, then (only) a scan request.

A report never lists anything. It queues a scan, whose verdict decides, at normal priority for reporters
whose weight reaches the policy's ``priority_weight`` and at low priority otherwise. When one domain gets
more reports in a window than ``burst_per_domain`` (a campaign against a competitor looks like this), its
reports go to the moderators' review queue instead of the scanner.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from linkscan.clock import stamp
from linkscan.errors import InvalidInputError, InvalidUrlError, LinkscanError
from linkscan.platform_api_models import ReportReceipt, ReportRequest
from linkscan.reports.model import Report
from linkscan.reports.policy import ReportPolicy
from linkscan.reviews.model import ReviewEntry
from linkscan.scanner import new_scan_id
from linkscan.targets import target_id

if TYPE_CHECKING:
    from linkscan.storage.platform import PlatformRecords

# Queue a scan of (url, high_priority, reporter); returns True when a recent or queued scan answers it already.
ScanRequester = Callable[[str, bool, str], bool]


class RateLimitedError(LinkscanError):
    """Too many reports from one client, or on one target, in the current window (HTTP 429)."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class UnknownKeyError(InvalidInputError):
    """An API key was sent that no registered reporter holds."""


def key_hash(api_key: str) -> str:
    return hashlib.sha256(api_key.encode()).hexdigest()


def reported_domain(url: str) -> str:
    """The registrable domain (eTLD+1) the burst rule counts by; the host itself for IPs and suffixes."""
    from urllib.parse import urlsplit

    from linkscan.canonical import is_ip_host

    host = (urlsplit(url).hostname or "").rstrip(".")
    if is_ip_host(host):
        return host
    return _suffixes().privatesuffix(host) or host


@cache
def _suffixes() -> Any:
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


def file_report(
    request: ReportRequest,
    *,
    client_ip: str,
    api_key: str | None,
    now: datetime,
    policy: ReportPolicy,
    records: PlatformRecords,
    request_scan: ScanRequester,
) -> ReportReceipt:
    try:
        tid, url = target_id(request.url)
    except InvalidUrlError as exc:
        raise InvalidInputError(f"url: {exc}", field="url") from exc
    reporter, weight = _reporter(api_key, client_ip, policy, records)
    window, expires = policy.window(now)
    retry_after = int(expires - now.timestamp() - policy.window_minutes * 60)
    limit = policy.client_limit(registered=api_key is not None)
    if records.count("client", reporter, window, expires, limit=limit) is None:
        raise RateLimitedError(f"at most {limit} reports per {policy.window_minutes} minutes", max(retry_after, 1))
    if records.count("target", tid, window, expires, limit=policy.per_target) is None:
        raise RateLimitedError(
            "this link has been reported many times just now; it is being handled", max(retry_after, 1)
        )
    report_id = new_scan_id()
    at = stamp(now)
    dedupe_until = int(now.timestamp() + policy.dedupe_hours * 3600)
    earlier = records.claim_report(tid, reporter, report_id, at, stamp(policy.dedupe_since(now)), dedupe_until)
    if earlier is not None:
        return ReportReceipt(report_id=earlier, target_id=tid, url=url, status="duplicate", weight=weight)
    domain = reported_domain(url)
    domain_count = records.count("domain", domain, window, expires) or 0
    priority: Literal["normal", "low"] | None = None
    status: Literal["queued", "already_known", "review"]
    if policy.is_burst(domain_count):
        status = "review"
        records.enqueue_review(
            ReviewEntry(
                target_id=tid,
                target_type="url",
                target=url,
                state="pending",
                source="report_burst",
                queued_at=at,
                category=request.category,
            )
        )
    else:
        high = policy.high_priority(weight)
        priority = "normal" if high else "low"
        status = "already_known" if request_scan(url, high, reporter) else "queued"
    records.record_report(
        Report(
            report_id=report_id,
            target_id=tid,
            url=url,
            reporter=reporter,
            weight=weight,
            reason=request.reason,
            category=request.category,
            status=status,
            domain=domain,
            created_at=at,
        )
    )
    return ReportReceipt(
        report_id=report_id,
        target_id=tid,
        url=url,
        status=status,
        weight=weight,
        priority=priority,
    )


def _reporter(api_key: str | None, client_ip: str, policy: ReportPolicy, records: PlatformRecords) -> tuple[str, float]:
    if api_key is None:
        # Only a digest of the address is kept: enough to count and deduplicate, not to identify.
        return f"ip:{hashlib.sha256(client_ip.encode()).hexdigest()[:24]}", policy.anonymous_weight
    registered = records.reporter(key_hash(api_key))
    if registered is None:
        raise UnknownKeyError("X-Api-Key: no registered reporter has this key", field="X-Api-Key")
    return f"key:{registered.name}", registered.weight
