"""The report policy: windows, limits, weights and the burst threshold come from data."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from linkscan.reports.filing import reported_domain
from linkscan.reports.policy import ReportPolicy

POLICY = ReportPolicy.load()


def test_counters_of_one_window_share_a_name_and_expire_after_it() -> None:
    start = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
    name, expires = POLICY.window(start)
    assert POLICY.window(datetime(2026, 12, 7, 10, 59, 59, tzinfo=UTC))[0] == name
    assert POLICY.window(datetime(2026, 12, 7, 11, 0, tzinfo=UTC))[0] != name
    assert expires > start.timestamp() + POLICY.window_minutes * 60


def test_registered_reporters_get_more_room_and_priority_than_anonymous_ones() -> None:
    assert POLICY.client_limit(registered=True) > POLICY.client_limit(registered=False)
    assert POLICY.high_priority(POLICY.registered_default_weight)
    assert not POLICY.high_priority(POLICY.anonymous_weight)


def test_a_burst_is_more_reports_on_one_domain_than_the_threshold() -> None:
    assert not POLICY.is_burst(POLICY.burst_per_domain) and POLICY.is_burst(POLICY.burst_per_domain + 1)


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://a.b.loan-shop.example/x", "loan-shop.example"),
        ("https://shop.example.com.cn/", "example.com.cn"),  # a public suffix of two labels
        ("https://user.github.io/page", "user.github.io"),  # a private suffix: each tenant its own domain
        ("http://203.0.113.9/offer", "203.0.113.9"),
    ],
)
def test_bursts_are_counted_per_registrable_domain(url: str, domain: str) -> None:
    assert reported_domain(url) == domain


def test_a_misspelt_policy_key_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown keys"):
        ReportPolicy.load("burst_per_domian: 5\n")
