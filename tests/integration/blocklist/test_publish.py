"""The publish handler against moto: listing, delisting, diffs, manifest, rebuild."""

from __future__ import annotations

import copy
import hashlib
import json
from types import ModuleType
from typing import Any

import boto3
import pytest

from tests.integration.blocklist.conftest import BUCKET, MAIN_TABLE, invoke, load_event, s3_text


def manifest() -> dict:
    return json.loads(s3_text("manifest.json"))


def test_a_blocked_batch_becomes_one_version_listing_each_target_by_its_scope(publish: ModuleType) -> None:
    result = invoke(publish, load_event("dynamodb_stream_block.json"))

    assert result == {"batchItemFailures": []}
    current = manifest()
    assert current["version"] == 1
    expressions = s3_text("v/1/expressions.txt").splitlines()
    # A dedicated scam host is listed whole; a github.io shop only by its project folder; a
    # shortener only by the exact link.
    assert expressions == sorted(["quick-cash-loan.example/", "someshop.github.io/replica-watches/", "bit.ly/3xFakeRx"])
    assert current["counts"]["entries"] == 3
    diff = json.loads(s3_text("v/1/diff.json"))
    assert sorted(e["expression"] for e in diff["added"]) == expressions and diff["removed"] == []


def test_every_file_in_the_manifest_exists_with_its_checksum_and_cache_headers(publish: ModuleType) -> None:
    invoke(publish, load_event("dynamodb_stream_block.json"))
    s3 = boto3.client("s3")
    files = manifest()["files"]
    assert {
        "blocklist.json",
        "blocklist.csv",
        "expressions.txt",
        "hosts.txt",
        "adblock.txt",
        "blocklist.rpz",
        "prefixes.bin",
        "prefixes.json",
        "index.html",
    } <= set(files)
    for info in files.values():
        obj = s3.get_object(Bucket=BUCKET, Key=info["path"])
        body = obj["Body"].read()
        assert hashlib.sha256(body).hexdigest() == info["sha256"]
        assert obj["CacheControl"].endswith("immutable") and obj["ETag"]
    root = s3.get_object(Bucket=BUCKET, Key="manifest.json")
    assert "max-age=60" in root["CacheControl"]
    assert s3_text("latest/hosts.txt") == s3_text("v/1/hosts.txt")


def test_overturn_delists_in_the_next_version_and_the_diff_says_so(publish: ModuleType) -> None:
    invoke(publish, load_event("dynamodb_stream_block.json"))
    invoke(publish, load_event("dynamodb_stream_overturn.json"))

    assert manifest()["version"] == 2
    assert "quick-cash-loan.example/" not in s3_text("v/2/expressions.txt").splitlines()
    assert "0.0.0.0 quick-cash-loan.example" in s3_text("v/1/hosts.txt")
    assert "quick-cash-loan.example" not in s3_text("v/2/hosts.txt")
    diff = json.loads(s3_text("v/2/diff.json"))
    assert diff["previous_version"] == 1 and diff["added"] == []
    assert [r["expression"] for r in diff["removed"]] == ["quick-cash-loan.example/"]


def test_an_expression_stays_listed_while_another_target_holds_it(publish: ModuleType) -> None:
    event = load_event("dynamodb_stream_block.json")
    second = copy.deepcopy(event["Records"][0])
    second["dynamodb"]["NewImage"]["target_id"] = {"S": "u99999999999999999999999999999999"}
    second["dynamodb"]["NewImage"]["target"] = {"S": "http://quick-cash-loan.example/other-page"}
    event["Records"].append(second)
    invoke(publish, event)

    invoke(publish, load_event("dynamodb_stream_overturn.json"))  # only the first target is overturned

    assert manifest()["version"] == 1  # nothing changed publicly, so no new version
    assert "quick-cash-loan.example/" in s3_text("v/1/expressions.txt").splitlines()


def test_redelivered_batch_publishes_nothing_new(publish: ModuleType) -> None:
    invoke(publish, load_event("dynamodb_stream_block.json"))
    invoke(publish, load_event("dynamodb_stream_block.json"))
    assert manifest()["version"] == 1


def test_removed_item_is_delisted(publish: ModuleType) -> None:
    invoke(publish, load_event("dynamodb_stream_block.json"))
    invoke(publish, load_event("dynamodb_stream_remove.json"))
    assert "bit.ly/3xFakeRx" not in s3_text("v/2/expressions.txt").splitlines()


def test_scheduled_rebuild_repairs_the_list_from_the_main_table(publish: ModuleType) -> None:
    invoke(publish, load_event("dynamodb_stream_block.json"))
    # The main table only knows one blocked target (say the stream missed the others' delisting).
    image = load_event("dynamodb_stream_block.json")["Records"][0]["dynamodb"]["NewImage"]
    boto3.client("dynamodb").put_item(TableName=MAIN_TABLE, Item=image)

    result = invoke(publish, load_event("schedule_publish.json"))

    assert result["version"] == 2 and result["entries"] == 1 and result["removed"] == 2
    assert s3_text("v/2/expressions.txt").splitlines() == ["quick-cash-loan.example/"]
    listed = json.loads(s3_text("v/2/blocklist.json"))["entries"]
    first = json.loads(s3_text("v/1/blocklist.json"))["entries"]
    since = {e["expression"]: e["first_listed"] for e in first}
    assert listed[0]["first_listed"] == since["quick-cash-loan.example/"]  # "listed since" survives a rebuild


def test_incremental_reuses_the_snapshot_when_the_process_is_cold(publish: ModuleType) -> None:
    from tests.support import load_handler

    invoke(publish, load_event("dynamodb_stream_block.json"))
    cold = load_handler("publish")  # a new container: no snapshot in memory, reads v/1/snapshot.json.gz
    invoke(cold, load_event("dynamodb_stream_overturn.json"))
    assert len(s3_text("v/2/expressions.txt").splitlines()) == 2


def test_a_redirect_lists_its_landing_host_and_the_overturn_delists_both(publish: ModuleType) -> None:
    event = load_event("dynamodb_stream_block.json")
    (record,) = [r for r in event["Records"] if "bit.ly" in r["dynamodb"]["NewImage"]["target"]["S"]]
    record["dynamodb"]["NewImage"]["landing_url"] = {"S": "https://www.fake-pharmacy.example/rx/order?ref=sms"}
    event["Records"] = [record]
    invoke(publish, event)

    overturned = copy.deepcopy(record)
    overturned["eventName"] = "MODIFY"
    overturned["dynamodb"]["OldImage"] = record["dynamodb"]["NewImage"]
    overturned["dynamodb"]["NewImage"]["moderation"] = {"M": {"action": {"S": "overturn"}, "by": {"S": "mod"}}}
    invoke(publish, {"Records": [overturned]})

    assert s3_text("v/1/expressions.txt").splitlines() == ["bit.ly/3xFakeRx", "fake-pharmacy.example/"]
    assert "0.0.0.0 fake-pharmacy.example" in s3_text("v/1/hosts.txt")
    diff = json.loads(s3_text("v/2/diff.json"))
    assert sorted(r["expression"] for r in diff["removed"]) == ["bit.ly/3xFakeRx", "fake-pharmacy.example/"]


def test_a_batch_whose_publication_failed_is_listed_when_lambda_retries_it(publish: ModuleType) -> None:
    """The handler fails (so Lambda retries the whole batch) and the retry publishes what the failed
    attempt had already written to the blocklist table."""
    real = publish.PUBLISHER.store

    class S3Down:
        def __getattr__(self, name: str) -> Any:
            if name == "put_object":
                raise RuntimeError("S3 unavailable")
            return getattr(real, name)

    event = load_event("dynamodb_stream_block.json")
    publish.PUBLISHER.store = S3Down()
    with pytest.raises(RuntimeError, match="S3 unavailable"):
        invoke(publish, event)
    publish.PUBLISHER.store = real

    assert invoke(publish, event) == {"batchItemFailures": []}

    current = manifest()
    assert current["version"] == 2 and current["counts"]["entries"] == 3
    expected = sorted(["quick-cash-loan.example/", "someshop.github.io/replica-watches/", "bit.ly/3xFakeRx"])
    assert s3_text("v/2/expressions.txt").splitlines() == expected
    diff = json.loads(s3_text("v/2/diff.json"))
    assert diff["previous_version"] == 0 and sorted(e["expression"] for e in diff["added"]) == expected


def test_a_record_that_fails_stops_the_batch_there_and_what_came_before_is_published(publish: ModuleType) -> None:
    """Lambda retries from the reported record: the records before it are published now, the rest then."""
    real = publish.PUBLISHER.store

    class GithubShopFails:
        def __getattr__(self, name: str) -> Any:
            attribute = getattr(real, name)
            if name != "hold":
                return attribute

            def hold(entry: Any, *args: Any, **kwargs: Any) -> Any:
                if entry.expression.startswith("someshop.github.io"):
                    raise RuntimeError("throttled")
                return attribute(entry, *args, **kwargs)

            return hold

    event = load_event("dynamodb_stream_block.json")
    publish.PUBLISHER.store = GithubShopFails()
    first = invoke(publish, event)
    publish.PUBLISHER.store = real

    assert first == {"batchItemFailures": [{"itemIdentifier": "000000000000000000101"}]}
    assert s3_text("v/1/expressions.txt").splitlines() == ["quick-cash-loan.example/"]

    retry = copy.deepcopy(event)
    retry["Records"] = event["Records"][1:]
    assert invoke(publish, retry) == {"batchItemFailures": []}
    expected = sorted(["quick-cash-loan.example/", "someshop.github.io/replica-watches/", "bit.ly/3xFakeRx"])
    assert s3_text("v/2/expressions.txt").splitlines() == expected
