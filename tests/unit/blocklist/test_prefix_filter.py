"""The lookup's in-memory hash prefixes: what they let through, and that they never miss a published listing.

The filter is built from what the real publisher writes to S3 (moto in-process); time is an injected clock.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

import boto3
import pytest
from moto import mock_aws

from linkscan.blocklist.model import expression_hex
from linkscan.blocklist.page import PageConfig
from linkscan.blocklist.prefix_filter import PrefixFilter, PrefixFilterSource
from linkscan.blocklist.publisher import Publisher
from linkscan.storage import reset_clients
from linkscan.storage.blocklist import BlocklistStorage, PublishedListReader, create_blocklist_table
from tests.unit.blocklist.conftest import listing, make_entry

BUCKET = "linkscan-filter-unit"
TABLE = "linkscan-filter-unit"
TTL = 30.0


def prefix_bytes(hashes: list[str]) -> bytes:
    return b"".join(sorted({bytes.fromhex(digest[:8]) for digest in hashes}))


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


# ------------------------------------------------------------------------------------------ freshness


@dataclass
class Clock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Published:
    publisher: Publisher
    source: PrefixFilterSource
    clock: Clock
    warnings: list[str] = field(default_factory=list)

    def may_contain(self, expression: str) -> bool:
        prefixes = self.source.current()
        assert prefixes is not None, self.warnings
        return prefixes.may_contain(expression_hex(expression))


@pytest.fixture
def published() -> Iterator[Published]:
    with mock_aws():
        reset_clients()
        boto3.client("s3").create_bucket(Bucket=BUCKET)
        create_blocklist_table(TABLE)
        # A low render limit makes the publisher take its large-list path (diffs only) from 3 entries on.
        publisher = Publisher(BlocklistStorage(TABLE, BUCKET), PageConfig(), full_render_limit=2)
        clock = Clock()
        warnings: list[str] = []
        source = PrefixFilterSource(PublishedListReader(BUCKET), TTL, clock=clock, warn=warnings.append)
        yield Published(publisher, source, clock, warnings)
    reset_clients()


def test_nothing_published_yet_means_no_filter(published: Published) -> None:
    assert published.source.current() is None
    assert published.warnings and "manifest.json" in published.warnings[0]


def test_the_published_prefixes_let_listed_expressions_through(published: Published) -> None:
    published.publisher.publish_snapshot([make_entry("quick-cash-loan.example/")])

    assert published.may_contain("quick-cash-loan.example/")
    assert not published.may_contain("clean.example/")


def test_a_new_listing_is_seen_once_the_ttl_has_elapsed(published: Published) -> None:
    published.publisher.publish_snapshot([make_entry("quick-cash-loan.example/")])
    assert not published.may_contain("new-loan.example/")

    published.publisher.publish_changes([listing("new-loan.example/", "u1")])
    published.clock.now += TTL

    assert published.may_contain("new-loan.example/")
    assert published.may_contain("quick-cash-loan.example/")


def test_a_large_list_includes_listings_published_only_as_diffs(published: Published) -> None:
    entries = [make_entry(f"loan-{index}.example/") for index in range(3)]
    published.publisher.publish_snapshot(entries)  # the prefix file of version 1
    published.publisher.publish_changes([listing("diff-only-a.example/", "u1")])  # version 2: diff only
    assert published.may_contain("diff-only-a.example/")  # cold start: prefix file + diff 2

    published.publisher.publish_changes([listing("diff-only-b.example/", "u2")])  # version 3: diff only
    published.clock.now += TTL

    assert published.may_contain("diff-only-b.example/")  # warm: only diff 3 was added
    assert published.may_contain("diff-only-a.example/") and published.may_contain("loan-0.example/")
    assert not published.may_contain("clean.example/")


def test_a_corrupt_prefix_file_means_no_filter(published: Published) -> None:
    published.publisher.publish_snapshot([make_entry("quick-cash-loan.example/")])
    boto3.client("s3").put_object(Bucket=BUCKET, Key="v/1/prefixes.bin", Body=b"\x00\x00\x00\x01")

    assert published.source.current() is None
    assert "SHA-256" in published.warnings[0]


def test_a_missing_diff_means_no_filter(published: Published) -> None:
    published.publisher.publish_snapshot([make_entry(f"loan-{index}.example/") for index in range(3)])
    published.publisher.publish_changes([listing("diff-only.example/", "u1")])
    boto3.client("s3").delete_object(Bucket=BUCKET, Key="v/2/diff.json")

    assert published.source.current() is None
    assert "v/2/diff.json" in published.warnings[0]


def test_too_many_diffs_since_the_prefix_file_means_no_filter(published: Published) -> None:
    published.publisher.publish_snapshot([make_entry(f"loan-{index}.example/") for index in range(3)])
    published.publisher.publish_changes([listing("diff-only-a.example/", "u1")])
    published.publisher.publish_changes([listing("diff-only-b.example/", "u2")])
    source = PrefixFilterSource(PublishedListReader(BUCKET), TTL, clock=published.clock, max_diffs=1)

    assert source.current() is None


def test_the_filter_comes_back_after_a_failure_once_the_ttl_has_elapsed(published: Published) -> None:
    assert published.source.current() is None

    published.publisher.publish_snapshot([make_entry("quick-cash-loan.example/")])
    published.clock.now += TTL

    assert published.may_contain("quick-cash-loan.example/")


def test_prefix_file_layout_matches_what_the_filter_reads(published: Published) -> None:
    """The published prefixes.bin is the sorted big-endian layout PrefixFilter.from_bytes expects."""
    expressions = ["quick-cash-loan.example/", "fake-rolex.example/", "bit.ly/3xFakeRx"]
    published.publisher.publish_snapshot([make_entry(e) for e in expressions])
    body = boto3.client("s3").get_object(Bucket=BUCKET, Key="v/1/prefixes.bin")["Body"].read()

    assert body == prefix_bytes([hashlib.sha256(e.encode()).hexdigest() for e in expressions])
