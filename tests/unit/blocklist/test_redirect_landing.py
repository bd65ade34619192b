"""A blocked link that redirects to another host lists its landing page too, held by the same target."""

from __future__ import annotations

from typing import Any

from linkscan.blocklist.changes import listing_change, listing_expressions, target_state
from linkscan.blocklist.model import Entry, HoldResult
from linkscan.blocklist.page import PageConfig
from linkscan.blocklist.publisher import Publisher, TableChanges
from linkscan.blocklist.rebuild import desired_entries
from linkscan.blocklist.scope import load_shared_hosts
from linkscan.items import Moderation, TargetRecord

SHARED = load_shared_hosts()
SHORT = "https://bit.ly/3xLoan"


def item(decision: str = "block", target: str = SHORT, **extra: Any) -> TargetRecord:
    base = {
        "target_id": "u1",
        "target_type": "url",
        "target": target,
        "effective_decision": decision,
        "category": "cash_loan",
        "severity": "high",
        "scanned_at": "2026-11-21T08:00:00Z",
    }
    return TargetRecord(**{**base, **extra})


def expressions(**fields: Any) -> tuple[str, ...]:
    return listing_expressions(target_state(item(**fields)), SHARED)


def test_a_shortened_link_lists_its_own_url_and_the_whole_landing_host() -> None:
    landing = "https://www.Quick-Cash-Loan.example/apply?ref=sms"
    assert expressions(landing_url=landing) == ("bit.ly/3xLoan", "quick-cash-loan.example/")


def test_the_landing_page_is_scoped_like_the_submitted_url() -> None:
    on_shared_host = expressions(landing_url="https://someshop.github.io/loans/apply.html")
    with_hint = expressions(landing_url="https://loans.example/a/b/apply.html", listing_scope="path")
    assert on_shared_host == ("bit.ly/3xLoan", "someshop.github.io/loans/")
    assert with_hint == ("bit.ly/3xLoan", "loans.example/a/b/")


def test_a_redirect_on_the_same_host_or_a_landing_that_is_not_a_url_adds_nothing() -> None:
    same_host = expressions(target="http://loan.example/go", landing_url="http://loan.example/apply.html")
    assert same_host == ("loan.example/",)
    assert expressions(landing_url="mailto:someone@example.com") == ("bit.ly/3xLoan",)


def test_delisting_the_target_releases_both_expressions() -> None:
    landing = "https://quick-cash-loan.example/apply"
    change = listing_change(
        target_state(item(landing_url=landing)), target_state(item("allow", landing_url=landing)), SHARED
    )
    assert change is not None and change.hold == ()
    assert change.release == ("bit.ly/3xLoan", "quick-cash-loan.example/")


def test_a_rescan_that_lands_elsewhere_moves_only_the_landing_listing() -> None:
    change = listing_change(
        target_state(item(landing_url="https://old-loan.example/")),
        target_state(item(landing_url="https://new-loan.example/")),
        SHARED,
    )
    assert change is not None
    assert change.hold == ("bit.ly/3xLoan", "new-loan.example/") and change.release == ("old-loan.example/",)


def test_the_rebuild_lists_landing_pages_with_their_holders() -> None:
    entries = desired_entries(
        [
            item(landing_url="https://quick-cash-loan.example/"),
            item(target="https://quick-cash-loan.example/x", target_id="u2"),
        ],
        SHARED,
        "2026-11-21T09:00:00Z",
    )
    holders = {entry.expression: entry.targets for entry in entries}
    assert holders == {"bit.ly/3xLoan": {"u1"}, "quick-cash-loan.example/": {"u1", "u2"}}


class MemoryStore:
    """Just the holding half of the publisher's store: expression -> holders."""

    def __init__(self) -> None:
        self.holders: dict[str, set[str]] = {}

    def hold(self, entry: Entry, target_id: str, published: int = 0) -> tuple[Entry, HoldResult]:
        before = self.holders.setdefault(entry.expression, set())
        status: HoldResult = "unchanged" if before else "listed"
        before.add(target_id)
        return entry, status

    def release(self, expression: str, target_id: str, now: str, published: int = 0) -> bool:
        holders = self.holders.get(expression, set())
        holders.discard(target_id)
        if holders or expression not in self.holders:
            return False
        del self.holders[expression]
        return True


def test_publishing_a_block_then_its_overturn_lists_and_delists_both() -> None:
    store = MemoryStore()
    publisher = Publisher(store, PageConfig())  # type: ignore[arg-type]  # only apply_change is used
    blocked = target_state(item(landing_url="https://quick-cash-loan.example/apply"))
    overturned = target_state(
        item(landing_url="https://quick-cash-loan.example/apply", moderation=Moderation("overturn"))
    )

    listed, delisted = TableChanges(), TableChanges()
    listing = listing_change(None, blocked, SHARED)
    delisting = listing_change(blocked, overturned, SHARED)
    assert listing is not None and delisting is not None
    publisher.apply_change(listing, listed)
    assert set(listed.added) == {"bit.ly/3xLoan", "quick-cash-loan.example/"} and listed.listed == 2
    publisher.apply_change(delisting, delisted)
    assert delisted.removed == {"bit.ly/3xLoan", "quick-cash-loan.example/"} and store.holders == {}
