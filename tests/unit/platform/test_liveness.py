"""Rescans: dormancy after N clean checks over D days, relisting at once, backoff, moderator precedence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from linkscan.rescan.liveness import RescanPolicy, budget_per_run, new_entry, observe

POLICY = RescanPolicy.load()
START = datetime(2026, 12, 1, tzinfo=UTC)


def test_the_shipped_policy_reads_n_and_d_from_data() -> None:
    assert POLICY.dormant_after_clean_checks == 3 and POLICY.dormant_min_days == 7


def test_an_unknown_policy_key_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown keys"):
        RescanPolicy.load("dormant_afterclean_checks: 3\n")


def test_a_new_listing_is_checked_soon() -> None:
    entry = new_entry("u1", "https://loan.example/", START, POLICY)
    assert entry.status == "online" and entry.next_check_at == "2026-12-01T01:00:00Z"


def test_clean_checks_make_an_entry_dormant_only_after_n_checks_and_d_days_then_it_relists_at_once() -> None:
    entry = new_entry("u1", "https://loan.example/", START, POLICY)
    # N clean checks within a day: not yet dormant (sleeper pages come back)
    for hours in (1, 2, 3):
        entry = observe(entry, "clean", START + timedelta(hours=hours), POLICY)
    assert entry.clean_streak == 3 and entry.status == "online"
    # the page is gone now: offline, and once D days have passed since the first clean check, dormant
    entry = observe(entry, "gone", START + timedelta(days=5), POLICY)
    assert entry.status == "offline"
    entry = observe(entry, "gone", START + timedelta(days=7, hours=2), POLICY)
    assert entry.status == "dormant" and entry.last_checked == "2026-12-08T02:00:00Z"
    # it offends again: online at once, the streak starts over
    entry = observe(entry, "offending", START + timedelta(days=9), POLICY)
    assert entry.status == "online" and entry.clean_streak == 0 and entry.first_clean_at is None


def test_an_offending_check_resets_the_clean_streak() -> None:
    entry = new_entry("u1", "https://loan.example/", START, POLICY)
    entry = observe(entry, "clean", START + timedelta(days=1), POLICY)
    entry = observe(entry, "offending", START + timedelta(days=2), POLICY)
    for days in (3, 9, 10):
        entry = observe(entry, "clean", START + timedelta(days=days), POLICY)
    assert entry.status == "dormant"  # three clean checks since day 3, spanning 7 days


def test_a_moderators_upheld_block_never_goes_dormant() -> None:
    entry = new_entry("u1", "https://loan.example/", START, POLICY)
    for days in (1, 5, 9, 20):
        entry = observe(entry, "clean", START + timedelta(days=days), POLICY, moderator_upheld=True)
    assert entry.status == "online" and entry.clean_streak == 4


def test_unchanged_results_back_off_and_a_change_checks_soon_again() -> None:
    entry = new_entry("u1", "https://loan.example/", START, POLICY)
    entry = observe(entry, "offending", START, POLICY, content_sha256="a")
    first = entry.interval_seconds
    entry = observe(entry, "offending", START, POLICY, content_sha256="a")
    assert entry.interval_seconds == 2 * first and entry.last_result == "offending"
    for _ in range(20):
        entry = observe(entry, "offending", START, POLICY, content_sha256="a")
    assert entry.interval_seconds == POLICY.max_interval_hours * 3600
    entry = observe(entry, "offending", START, POLICY, content_sha256="b")
    assert entry.last_result == "changed" and entry.interval_seconds == first


def test_the_hourly_budget_is_spread_over_runs() -> None:
    assert budget_per_run(120, 5) == 10 and budget_per_run(1, 5) == 1
