"""The lookup's hash prefixes never miss a published listing.

The filter is built from what the real publisher writes to S3 (moto in-process); time is an injected clock.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import boto3
import pytest
from moto import mock_aws

from linkscan.blocklist.model import expression_hex
from linkscan.blocklist.page import PageConfig
from linkscan.blocklist.prefix_filter import PrefixFilterSource
from linkscan.blocklist.publisher import Publisher
from linkscan.storage import reset_clients
from linkscan.storage.blocklist import BlocklistStorage, PublishedListReader, create_blocklist_table
from tests.blocklist_data import listing, make_entry, prefix_bytes

BUCKET = "linkscan-filter-integration"
TABLE = "linkscan-filter-integration"
TTL = 30.0


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
