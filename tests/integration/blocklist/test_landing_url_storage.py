"""The target's CURRENT item keeps a redirected scan's landing page until a scan is no longer redirected."""

from __future__ import annotations

from linkscan.blocklist.changes import listing_expressions, target_state
from linkscan.blocklist.scope import load_shared_hosts
from linkscan.items import TargetRecord
from linkscan.models import FetchSummary, Hop, Verdict
from linkscan.storage.records import CurrentUpdate, Records

SHARED = load_shared_hosts()
SHORT = "https://bit.ly/3xLoan"


def _scan(records: Records, scanned_at: str, final_url: str | None) -> TargetRecord | None:
    hops = [Hop(url=SHORT, status=301)] if final_url else []
    verdict = Verdict(
        target_id="u1",
        target=SHORT,
        decision="block",
        scan_id="s" + scanned_at,
        scanned_at=scanned_at,
        fetch=FetchSummary(final_url=final_url or SHORT, status=200, hops=hops),
    )
    records.record_verdict(verdict, lambda _current: CurrentUpdate(verdict, "block", "Illegal loans"))
    return records.current("u1")


def test_the_current_item_keeps_the_landing_url_until_a_scan_is_no_longer_redirected(records: Records) -> None:
    redirected = _scan(records, "2026-11-21T08:00:00Z", "https://quick-cash-loan.example/apply")
    direct = _scan(records, "2026-11-22T08:00:00Z", None)

    assert listing_expressions(target_state(redirected), SHARED) == ("bit.ly/3xLoan", "quick-cash-loan.example/")
    assert direct is not None and direct.landing_url is None
    assert "landing_url" not in (records.get("TARGET#u1", "CURRENT") or {})  # the attribute itself is removed
    assert listing_expressions(target_state(direct), SHARED) == ("bit.ly/3xLoan",)
