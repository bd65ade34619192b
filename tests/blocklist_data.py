"""Blocklist entries and listing changes shared by the blocklist unit and integration tests."""

from __future__ import annotations

from linkscan.blocklist.changes import ListingChange
from linkscan.blocklist.model import Entry, TargetState


def make_entry(expression: str, category: str = "cash_loan", first_listed: str = "2026-11-20T08:00:00Z") -> Entry:
    return Entry(
        expression=expression,
        category=category,
        subcategory="usury_app",
        severity="high",
        public_reason='Offers "fast" loans, 3% per day',
        first_listed=first_listed,
        last_confirmed="2026-11-21T08:00:00Z",
        targets=frozenset({"u" + "0" * 32}),
    )


def listing(expression: str, target_id: str) -> ListingChange:
    """A blocked URL target asking the list to hold ``expression``."""
    target = TargetState(
        target_id=target_id,
        url=f"http://{expression}",
        blocked=True,
        category="cash_loan",
        subcategory="usury_app",
        severity="high",
        public_reason="Offers loans at 3% per day",
        scanned_at="2026-11-21T09:00:00Z",
    )
    return ListingChange(target=target, hold=(expression,), release=())


def prefix_bytes(hashes: list[str]) -> bytes:
    """A published prefix file: the sorted distinct 4-byte prefixes of these SHA-256 hex digests."""
    return b"".join(sorted({bytes.fromhex(digest[:8]) for digest in hashes}))
