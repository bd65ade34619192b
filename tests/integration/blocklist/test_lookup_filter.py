"""The lookup handler reads the table only for expressions whose hash prefix is published (moto in-process).

Each test lists two entries through the publish handler (which also writes prefixes.bin and the manifest),
then watches which keys the lookup function asks DynamoDB for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import boto3
import pytest

from linkscan.blocklist.model import expression_hex
from tests.integration.blocklist.conftest import BUCKET, invoke, load_event

LISTED_HOST = "quick-cash-loan.example/"
LISTED_FOLDER = "someshop.github.io/replica-watches/"


@dataclass
class WatchedDynamoDB:
    """The lookup function's DynamoDB client, recording every key it reads (or failing the test on any read)."""

    real: Any
    forbid_reads: bool = False
    reads: list[tuple[str, list[str]]] = field(default_factory=list)

    def _record(self, operation: str, keys: list[str]) -> None:
        if self.forbid_reads:
            pytest.fail(f"the lookup read the table ({operation} {keys}) for a URL with no listed prefix")
        self.reads.append((operation, keys))

    def get_item(self, **kwargs: Any) -> Any:
        self._record("GetItem", [kwargs["Key"]["hash"]["S"]])
        return self.real.get_item(**kwargs)

    def batch_get_item(self, **kwargs: Any) -> Any:
        keys = [key["hash"]["S"] for table in kwargs["RequestItems"].values() for key in table["Keys"]]
        self._record("BatchGetItem", keys)
        return self.real.batch_get_item(**kwargs)

    def query(self, **kwargs: Any) -> Any:
        self._record("Query", [str(kwargs.get("ExpressionAttributeValues"))])
        return self.real.query(**kwargs)


@pytest.fixture
def listed(publish: ModuleType) -> None:
    invoke(publish, load_event("dynamodb_stream_block.json"))


def watch(lookup: ModuleType, monkeypatch: pytest.MonkeyPatch, *, forbid_reads: bool = False) -> WatchedDynamoDB:
    watched = WatchedDynamoDB(lookup.TABLE.dynamodb, forbid_reads)
    monkeypatch.setattr(lookup.TABLE, "dynamodb", watched)
    return watched


def look_up(lookup: ModuleType, url: str) -> dict[str, Any]:
    event = load_event("api_lookup_get.json")
    event["queryStringParameters"] = {"url": url}
    event["multiValueQueryStringParameters"] = {"url": [url]}
    response = invoke(lookup, event)
    assert response["statusCode"] == 200, response
    body: dict[str, Any] = json.loads(response["body"])
    return body


def test_an_unlisted_url_is_answered_without_reading_the_table(
    listed: None, lookup: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch(lookup, monkeypatch, forbid_reads=True)

    body = look_up(lookup, "https://www.clean-news.example/a/b/story.html?id=7")

    assert body["listed"] is False and body["match"] is None


def test_a_listed_url_reads_only_its_listed_expression(
    listed: None, lookup: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    watched = watch(lookup, monkeypatch)

    body = look_up(lookup, "http://www.quick-cash-loan.example/apply/now.html?ref=sms")

    assert body["listed"] is True and body["match"]["expression"] == LISTED_HOST
    assert watched.reads == [("GetItem", [expression_hex(LISTED_HOST)])]


def test_a_batch_reads_only_the_candidates_of_its_listed_urls(
    listed: None, lookup: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    watched = watch(lookup, monkeypatch)

    response = invoke(lookup, load_event("api_lookup_post.json"))

    results = json.loads(response["body"])["results"]
    assert [r["listed"] for r in results] == [True, False, True, False]
    assert len(watched.reads) == 1
    operation, keys = watched.reads[0]
    assert operation == "BatchGetItem"
    assert sorted(keys) == sorted([expression_hex(LISTED_HOST), expression_hex(LISTED_FOLDER)])


def test_without_a_published_list_the_table_answers(lookup: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    watched = watch(lookup, monkeypatch)

    body = look_up(lookup, "https://www.clean-news.example/story.html")

    assert body["listed"] is False
    assert watched.reads and watched.reads[0][0] == "BatchGetItem"  # every expression, as before the filter


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_a_damaged_prefix_file_falls_back_to_the_table_with_the_same_answers(
    listed: None, lookup: ModuleType, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    s3 = boto3.client("s3")
    manifest = json.loads(s3.get_object(Bucket=BUCKET, Key="manifest.json")["Body"].read())
    key = manifest["files"]["prefixes.bin"]["path"]
    if damage == "missing":
        s3.delete_object(Bucket=BUCKET, Key=key)
    else:
        s3.put_object(Bucket=BUCKET, Key=key, Body=b"\x00\x00\x00")
    watched = watch(lookup, monkeypatch)

    listed_body = look_up(lookup, "http://www.quick-cash-loan.example/apply/now.html?ref=sms")
    unlisted_body = look_up(lookup, "https://www.clean-news.example/story.html")

    assert listed_body["listed"] is True and listed_body["match"]["expression"] == LISTED_HOST
    assert unlisted_body["listed"] is False
    assert len(watched.reads) == 2  # the unlisted URL was read from the table too
