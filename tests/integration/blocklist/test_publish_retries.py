"""Publication that survives failures: a batch whose version was not written is published by its retry.

The real publisher and storage against moto in-process; a wrapper makes ONE chosen store call fail, as
an S3 error or a DynamoDB timeout would, after the batch has already updated the blocklist table.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import boto3
import pytest
from moto import mock_aws

from linkscan.blocklist.changes import ListingChange
from linkscan.blocklist.model import Entry
from linkscan.blocklist.page import PageConfig
from linkscan.blocklist.prefix_filter import PrefixFilterSource
from linkscan.blocklist.publisher import Publisher
from linkscan.storage import reset_clients
from linkscan.storage.blocklist import BlocklistStorage, PublishedListReader, create_blocklist_table
from tests.blocklist_data import listing, make_entry

BUCKET = "linkscan-retry-unit"
TABLE = "linkscan-retry-unit"


class InjectedFailure(Exception):
    pass


class FailOnce:
    """The real store, except that the first call of ``method`` for which ``when`` holds raises."""

    def __init__(self, store: BlocklistStorage) -> None:
        self.store = store
        self.method = ""
        self.when: Callable[..., bool] = lambda *_args, **_kwargs: True
        self.failed = False

    def arm(self, method: str, when: Callable[..., bool] | None = None) -> None:
        self.method, self.failed = method, False
        self.when = when or (lambda *_args, **_kwargs: True)

    def __getattr__(self, name: str) -> Any:
        real = getattr(self.store, name)
        if name != self.method:
            return real

        def failing(*args: Any, **kwargs: Any) -> Any:
            if not self.failed and self.when(*args, **kwargs):
                self.failed = True
                raise InjectedFailure(f"{name} failed")
            return real(*args, **kwargs)

        return failing


def key_is(key: str) -> Callable[..., bool]:
    return lambda written, *_args, **_kwargs: written == key


@dataclass
class World:
    store: FailOnce
    publisher: Publisher

    def fail_once(self, method: str, when: Callable[..., bool] | None = None) -> None:
        self.store.arm(method, when)

    def publish_failing(self, changes: list[ListingChange]) -> None:
        with pytest.raises(InjectedFailure):
            self.publisher.publish_changes(changes)
        assert self.store.failed

    def warm_restart(self) -> None:
        """A retry in a new container: nothing in memory (Lambda may retry anywhere)."""
        self.publisher = Publisher(self.store, PageConfig(), full_render_limit=self.publisher.full_render_limit)


def s3_json(key: str) -> Any:
    return json.loads(boto3.client("s3").get_object(Bucket=BUCKET, Key=key)["Body"].read())


def s3_lines(key: str) -> list[str]:
    body: bytes = boto3.client("s3").get_object(Bucket=BUCKET, Key=key)["Body"].read()
    return body.decode().splitlines()


def manifest() -> dict[str, Any]:
    document: dict[str, Any] = s3_json("manifest.json")
    return document


def delisting(expression: str, target_id: str) -> ListingChange:
    return replace(listing(expression, target_id), hold=(), release=(expression,))


def catch_up(start: dict[str, dict[str, Any]], since: int, *, follow_chain: bool) -> dict[str, dict[str, Any]]:
    """A diff consumer at version ``since``: in order v/since+1 ... v/N, or back along previous_version."""
    version = manifest()["version"]
    if follow_chain:
        chain: list[dict[str, Any]] = []
        while version > since:
            diff = s3_json(f"v/{version}/diff.json")
            chain.insert(0, diff)
            version = diff["previous_version"]
        assert version == since  # the chain reaches every published version
    else:
        chain = [s3_json(f"v/{v}/diff.json") for v in range(since + 1, version + 1)]
    entries = dict(start)
    for diff in chain:
        for removed in diff["removed"]:
            entries.pop(removed["expression"], None)
        for added in diff["added"]:
            entries[added["expression"]] = added
    return entries


def full_list(version: int) -> dict[str, dict[str, Any]]:
    return {entry["expression"]: entry for entry in s3_json(f"v/{version}/blocklist.json")["entries"]}


@pytest.fixture(params=[20_000, 2], ids=["full-render", "diff-only"])
def world(request: pytest.FixtureRequest) -> Iterator[World]:
    """Version 1 lists three entries (loan-0..2). ``diff-only``: above the render limit an incremental
    writes only its diff (the large-list path), ``full-render``: every format each version."""
    with mock_aws():
        reset_clients()
        boto3.client("s3").create_bucket(Bucket=BUCKET)
        create_blocklist_table(TABLE)
        store = FailOnce(BlocklistStorage(TABLE, BUCKET))
        publisher = Publisher(store, PageConfig(), full_render_limit=request.param)
        publisher.rebuild([make_entry(f"loan-{index}.example/") for index in range(3)])
        yield World(store, publisher)
    reset_clients()


# Where the first attempt fails: claiming the version, or after the claim, before / while / after
# writing its files (the key's "{}" is the version being published).
FAILURES = {
    "claim": ("claim_version", None),
    "first-file": ("put_object", "v/{}/diff.json"),
    "manifest": ("put_object", "v/{}/manifest.json"),
    "record": ("record_publication", None),
}


def fail_at(world: World, failure: str, version: int) -> None:
    method, key = FAILURES[failure]
    world.fail_once(method, key_is(key.format(version)) if key else None)


@pytest.mark.parametrize("failure", FAILURES)
def test_a_listing_whose_publication_failed_is_published_when_the_batch_is_retried(world: World, failure: str) -> None:
    batch = [listing("new-loan.example/", "u1"), listing("other-loan.example/", "u2")]
    fail_at(world, failure, 2)
    world.publish_failing(batch)

    result = world.publisher.publish_changes(batch)  # Lambda retries the whole batch

    assert result.published and result.added == 2
    current = manifest()
    diff = s3_json(f"v/{current['version']}/diff.json")
    assert sorted(e["expression"] for e in diff["added"]) == ["new-loan.example/", "other-loan.example/"]
    assert diff["previous_version"] == 1 and diff["removed"] == []
    assert current["counts"]["entries"] == 5
    listed = catch_up(full_list(1), 1, follow_chain=True)
    assert {"new-loan.example/", "other-loan.example/"} <= set(listed) and len(listed) == 5


@pytest.mark.parametrize("failure", FAILURES)
def test_a_delisting_whose_publication_failed_is_published_when_the_batch_is_retried(
    world: World, failure: str
) -> None:
    world.publisher.publish_changes([listing("new-loan.example/", "u1")])  # version 2: 4 entries
    batch = [delisting("new-loan.example/", "u1")]
    fail_at(world, failure, 3)
    world.publish_failing(batch)
    world.warm_restart()

    result = world.publisher.publish_changes(batch)

    assert result.published and result.removed == 1
    current = manifest()
    diff = s3_json(f"v/{current['version']}/diff.json")
    assert [r["expression"] for r in diff["removed"]] == ["new-loan.example/"] and diff["added"] == []
    assert diff["previous_version"] == 2
    assert current["counts"]["entries"] == 3
    assert "new-loan.example/" not in catch_up(full_list(1), 1, follow_chain=True)


def test_a_claimed_version_never_written_is_skipped_and_consumers_reach_the_full_list(world: World) -> None:
    world.publisher.full_render_limit = 20_000  # full files every version, to compare with
    world.publisher.publish_changes([listing("first.example/", "u1")])  # version 2
    batch = [listing("new-loan.example/", "u2"), delisting("loan-0.example/", "u" + "0" * 32)]
    world.fail_once("put_object", key_is("v/3/diff.json"))  # version 3 claimed, nothing of it written
    world.publish_failing(batch)

    world.publisher.publish_changes(batch)

    assert manifest()["version"] == 4
    diff = s3_json("v/4/diff.json")
    assert diff["previous_version"] == 2  # the last version written, never the claimed one
    skipped = s3_json("v/3/diff.json")  # in-order readers find an empty diff, not a missing object
    assert skipped["skipped"] is True and skipped["added"] == [] and skipped["removed"] == []
    for follow_chain in (True, False):
        assert catch_up(full_list(2), 2, follow_chain=follow_chain) == full_list(4)
    assert "new-loan.example/" in s3_lines("v/4/expressions.txt")
    assert "loan-0.example/" not in s3_lines("v/4/expressions.txt")


def test_a_published_change_is_in_no_later_diff(world: World) -> None:
    batch = [listing("new-loan.example/", "u1")]
    world.fail_once("put_object", key_is("v/2/index.html"))
    world.publish_failing(batch)
    world.publisher.publish_changes(batch)  # version 3 carries it
    published = manifest()["version"]

    again = world.publisher.publish_changes(batch)  # a re-delivered batch
    world.publisher.publish_changes([listing("newer-loan.example/", "u2"), listing("new-loan.example/", "u3")])

    assert not again.published
    assert manifest()["version"] == published + 1
    diff = s3_json(f"v/{published + 1}/diff.json")
    assert [e["expression"] for e in diff["added"]] == ["newer-loan.example/"]
    assert manifest()["counts"]["entries"] == 5


def test_a_failed_batch_is_published_by_another_batch_that_comes_first(world: World) -> None:
    """Another shard's batch, published between the failure and the retry, carries the failed batch's
    listing (it is still pending); the retry then has nothing left to publish."""
    failed = [listing("new-loan.example/", "u1")]
    world.fail_once("put_object", key_is("v/2/diff.json"))
    world.publish_failing(failed)

    world.publisher.publish_changes([listing("other-shard.example/", "u2")])
    retried = world.publisher.publish_changes(failed)

    diff = s3_json(f"v/{manifest()['version']}/diff.json")
    assert sorted(e["expression"] for e in diff["added"]) == ["new-loan.example/", "other-shard.example/"]
    assert not retried.published
    assert manifest()["counts"]["entries"] == 5


def test_a_failed_delisting_is_published_by_the_scheduled_rebuild(world: World) -> None:
    world.publisher.publish_changes([listing("new-loan.example/", "u1")])  # version 2
    world.fail_once("put_object", key_is("v/3/diff.json"))
    world.publish_failing([delisting("new-loan.example/", "u1")])

    result = world.publisher.rebuild([make_entry(f"loan-{index}.example/") for index in range(3)])

    diff = s3_json(f"v/{result.version}/diff.json")
    assert [r["expression"] for r in diff["removed"]] == ["new-loan.example/"] and diff["added"] == []
    assert diff["previous_version"] == 2 and result.entries == 3


def test_the_lookup_filter_finds_a_listing_published_only_by_the_retry(world: World) -> None:
    readers = PublishedListReader(BUCKET)
    clock = [0.0]
    warm = PrefixFilterSource(readers, 30, clock=lambda: clock[0])
    assert warm.current() is not None  # loaded at version 1
    batch = [listing("new-loan.example/", "u1")]
    world.fail_once("put_object", key_is("v/2/diff.json"))
    world.publish_failing(batch)

    world.publisher.publish_changes(batch)
    clock[0] += 30
    cold = PrefixFilterSource(readers, 30)

    for source in (warm, cold):
        prefixes = source.current()
        assert prefixes is not None  # the skipped version does not leave the filter unavailable
        assert prefixes.may_contain(Entry("new-loan.example/", "", "", "", "", "", "").hash_hex)
        assert prefixes.may_contain(make_entry("loan-1.example/").hash_hex)


@pytest.mark.parametrize("failure", ["copy_object", "manifest.json"])
def test_a_version_recorded_but_not_made_current_is_made_current_by_the_retry(world: World, failure: str) -> None:
    """The failure comes after the version was recorded (copying latest/ files, writing the root
    manifest): the retry has nothing new to publish but finishes pointing readers at that version."""
    full_files = world.publisher.full_render_limit > 3
    if failure == "copy_object":
        if not full_files:
            pytest.skip("an incremental above the render limit copies no latest/ files")
        world.fail_once("copy_object")
    else:
        world.fail_once("put_object", key_is(failure))
    batch = [listing("new-loan.example/", "u1")]
    world.publish_failing(batch)
    assert manifest()["version"] == 1

    retried = world.publisher.publish_changes(batch)

    assert not retried.published
    assert manifest() == s3_json("v/2/manifest.json")
    if full_files:  # the full files of version 2 are the latest ones
        assert "new-loan.example/" in s3_lines("latest/expressions.txt")
    prefixes = PrefixFilterSource(PublishedListReader(BUCKET), 30).current()
    assert prefixes is not None and prefixes.may_contain(make_entry("new-loan.example/").hash_hex)
