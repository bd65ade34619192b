"""The lookup's in-memory hash prefixes: what they let through (the filter alone, no storage).

tests/integration/blocklist/test_prefix_filter_published.py builds it from what the publisher writes.
"""

from __future__ import annotations

import random

import pytest

from linkscan.blocklist.model import expression_hex
from linkscan.blocklist.prefix_filter import PrefixFilter
from tests.blocklist_data import prefix_bytes

# ------------------------------------------------------------------------------------------ the filter


def test_a_hash_passes_when_its_prefix_is_listed_and_not_otherwise() -> None:
    listed = expression_hex("quick-cash-loan.example/")
    prefixes = PrefixFilter.from_bytes(prefix_bytes([listed, expression_hex("fake-rolex.example/")]))

    assert prefixes.may_contain(listed)
    assert prefixes.may_contain(listed[:8] + "0" * 56)  # same prefix, another hash: the table decides
    assert not prefixes.may_contain(expression_hex("clean.example/"))


def test_a_large_list_built_from_bytes_answers_every_member_and_rejects_the_rest() -> None:
    rng = random.Random(6)
    members = {rng.getrandbits(32) for _ in range(200_000)}
    values = sorted(members)
    absent = [v for v in (rng.getrandbits(32) for _ in range(2_000)) if v not in members]
    prefixes = PrefixFilter.from_bytes(b"".join(v.to_bytes(4, "big") for v in values))

    assert all(prefixes.may_contain(f"{v:08x}") for v in values)
    assert not any(prefixes.may_contain(f"{v:08x}") for v in absent)


def test_added_hashes_pass_too() -> None:
    prefixes = PrefixFilter.from_bytes(b"")
    later = expression_hex("new-loan.example/")
    assert not prefixes.may_contain(later)

    prefixes.add(later)

    assert prefixes.may_contain(later)


def test_a_prefix_file_cut_mid_prefix_is_refused() -> None:
    with pytest.raises(ValueError, match="4-byte"):
        PrefixFilter.from_bytes(b"\x00\x01\x02\x03\x04")
