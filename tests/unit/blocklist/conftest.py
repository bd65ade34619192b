"""Entries for the blocklist unit tests."""

from __future__ import annotations

import pytest

from linkscan.blocklist.model import Entry
from tests.blocklist_data import make_entry


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
