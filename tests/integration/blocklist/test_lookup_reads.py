"""The lookup's table read: the one-attribute public copy, kept current, and items written before it."""

from __future__ import annotations

from dataclasses import replace

import boto3
import pytest

from linkscan.blocklist.model import Entry, expression_hex
from linkscan.storage.blocklist import BlocklistTable
from tests.integration.blocklist.conftest import BLOCKLIST_TABLE

ENTRY = Entry(
    expression="quick-cash.example/",
    category="cash_loan",
    subcategory="predatory_loan",
    severity="high",
    public_reason="Offers unlicensed cash loans",
    first_listed="2026-11-20T08:00:00Z",
    last_confirmed="2026-11-20T08:00:00Z",
)


@pytest.fixture
def table(aws: None) -> BlocklistTable:
    return BlocklistTable(BLOCKLIST_TABLE)


def test_a_lookup_reads_what_the_last_write_described(table: BlocklistTable) -> None:
    table.hold(ENTRY, "t1")
    other = Entry(
        "other.example/",
        "counterfeit",
        "replica_goods",
        "medium",
        "Sells replicas",
        "2026-11-20T08:00:00Z",
        "2026-11-20T08:00:00Z",
    )
    table.hold(other, "t2")
    # a rescan re-describes the listing (another category): the general update path
    changed = replace(ENTRY, category="contraband", subcategory="drugs", last_confirmed="2026-11-21T08:00:00Z")
    table.hold(changed, "t3")
    one = table.listed_by_hash([ENTRY.hash_hex])  # GetItem
    both = table.listed_by_hash([ENTRY.hash_hex, other.hash_hex])  # BatchGetItem
    for found in (one, both):
        entry = found[ENTRY.hash_hex]
        assert (entry.category, entry.subcategory, entry.last_confirmed) == (
            "contraband",
            "drugs",
            "2026-11-21T08:00:00Z",
        )
        assert entry.first_listed == ENTRY.first_listed
    assert both[other.hash_hex].public_reason == "Sells replicas"


def test_an_item_written_before_the_public_copy_is_still_found(table: BlocklistTable) -> None:
    table.hold(ENTRY, "t1")
    boto3.client("dynamodb").update_item(
        TableName=BLOCKLIST_TABLE,
        Key={"hash": {"S": expression_hex(ENTRY.expression)}},
        UpdateExpression="REMOVE #p",
        ExpressionAttributeNames={"#p": "public"},
    )
    other = replace(ENTRY, expression="second.example/")
    table.hold(other, "t2")
    assert table.listed_by_hash([ENTRY.hash_hex])[ENTRY.hash_hex].public_reason == ENTRY.public_reason
    assert set(table.listed_by_hash([ENTRY.hash_hex, other.hash_hex])) == {ENTRY.hash_hex, other.hash_hex}
    table.release(ENTRY.expression, "t1", "2026-11-22T00:00:00Z")
    assert table.listed_by_hash([ENTRY.hash_hex]) == {}
