"""Entries and the main table (moto in-process, as the template declares it) for the blocklist unit tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from moto import mock_aws

from devstack.template import load_template
from linkscan.blocklist.changes import ListingChange
from linkscan.blocklist.model import Entry, TargetState
from linkscan.storage import client, reset_clients
from linkscan.storage.records import Records

TABLE = "linkscan-unit"


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


@pytest.fixture
def entries() -> list[Entry]:
    return [
        make_entry("quick-cash-loan.example/"),
        make_entry("fake-rolex.example/", "counterfeit"),
        make_entry("someshop.github.io/replica-watches/", "counterfeit"),
        make_entry("bit.ly/3xFakeRx", "contraband"),
        make_entry("203.0.113.9/"),
        make_entry("xn--fsqu00a.xn--0zwm56d/"),
        make_entry("odd%20host.example/"),  # not a DNS name: JSON/CSV/plain only
    ]


@pytest.fixture
def records() -> Iterator[Records]:
    with mock_aws():
        reset_clients()
        props = load_template()["Resources"]["LinkscanTable"]["Properties"]
        client("dynamodb").create_table(
            TableName=TABLE,
            **{
                key: props[key]
                for key in ("AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes", "BillingMode")
            },
        )
        yield Records(TABLE)
    reset_clients()
