"""DynamoDB blocklist table and S3 publication bucket.

Table items are keyed by ``hash`` (hex SHA-256 of the expression); the ``ByPrefix`` index (first 8 hex
characters) answers private lookups. One reserved item, ``hash = "#state"``, holds the version counter
and what the last publication wrote. Low-level clients are used throughout: the lookup path reads at
most 30 keys and must not pay for the resource layer.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import IO, TYPE_CHECKING, Any, cast, get_args

from botocore.exceptions import ClientError

from linkscan.blocklist.model import (
    ChangeKind,
    Entry,
    HoldResult,
    ListingEvent,
    PendingItem,
    PublicationState,
    combine_changes,
    entry_from_public,
    expression_hex,
)
from linkscan.blocklist.prefix_filter import FilterUnavailable
from linkscan.errors import ConflictError
from linkscan.storage import _CONFIG as _CLIENT_CONFIG
from linkscan.storage import client

if TYPE_CHECKING:
    from linkscan.items import TargetRecord

STATE_KEY = "#state"
PREFIX_INDEX = "ByPrefix"
_PUBLIC_FIELDS = ("category", "subcategory", "severity", "public_reason", "status")
_BATCH_GET_LIMIT = 100
# What a lookup answer needs. Not ``targets``: a popular expression can have thousands of holders, and
# the lookup never shows them. ("expression" is a reserved word, hence the placeholder.)
# A lookup reads the public description as ONE attribute ("public", a JSON copy written with the
# fields, which change together) plus the dates and the flag: four attributes instead of eight, about
# a millisecond less per read in moto, and less to parse. Items written before it existed are read
# again with every field (``_FULL_PROJECTION``).
_LOOKUP_PROJECTION = "#public, first_listed, last_confirmed, last_checked, listed"
_LOOKUP_NAMES = {"#public": "public"}
_FULL_PROJECTION = (
    "#expression, category, subcategory, severity, public_reason, first_listed, last_confirmed, last_checked, listed, "
    "#status"
)
_FULL_NAMES = {"#expression": "expression", "#status": "status"}
_DESCRIPTION_FIELDS = ("expression", *("category", "subcategory", "severity", "public_reason", "status"))


def _s(value: str) -> dict[str, str]:
    return {"S": value}


def _public_json(entry: Entry) -> dict[str, str]:
    """The "public" attribute: the description fields of ``entry`` as one JSON string."""
    return _s(json.dumps({name: getattr(entry, name) for name in _DESCRIPTION_FIELDS}, separators=(",", ":")))


def _entry_from_lookup_item(item: Mapping[str, Any]) -> Entry | None:
    """An entry from a lookup read (``_LOOKUP_PROJECTION``), or None if the item has no "public" copy."""
    public = item.get("public", {}).get("S")
    if public is None:
        return None
    dates = {name: item.get(name, {}).get("S", "") for name in ("first_listed", "last_confirmed", "last_checked")}
    return entry_from_public({**json.loads(public), **dates})


def _entry_from_item(item: Mapping[str, Any]) -> Entry:
    # Interned: a rebuild holds millions of entries that share a few categories, reasons and dates.
    intern = sys.intern
    return Entry(
        expression=item["expression"]["S"],
        category=intern(item.get("category", {}).get("S", "")),
        subcategory=intern(item.get("subcategory", {}).get("S", "")),
        severity=intern(item.get("severity", {}).get("S", "medium")),
        public_reason=intern(item.get("public_reason", {}).get("S", "")),
        first_listed=intern(item.get("first_listed", {}).get("S", "")),
        last_confirmed=intern(item.get("last_confirmed", {}).get("S", "")),
        targets=frozenset(item.get("targets", {}).get("SS", ())),
        status=intern(item.get("status", {}).get("S", "online")),
        last_checked=intern(item.get("last_checked", {}).get("S", "")),
    )


_CHANGE_KINDS: frozenset[str] = frozenset(get_args(ChangeKind))


def _unpublished_change(item: Mapping[str, Any] | None, published: int) -> ChangeKind | None:
    """The change marked on an item that no published version carries yet (``changed_after`` is the
    version that was published when the change was written; any later published version includes it)."""
    if not item or "changed_after" not in item:
        return None
    change = item.get("change", {}).get("S")
    if int(item["changed_after"]["N"]) < published or change not in _CHANGE_KINDS:
        return None
    return cast(ChangeKind, change)  # one of its values (checked above)


def _marked(change: ChangeKind, published: int) -> dict[str, Any]:
    return {"change": _s(change), "changed_after": {"N": str(published)}}


def _hold_result(change: ChangeKind | None) -> HoldResult:
    return change if change in ("listed", "updated") else "unchanged"


def _state_from_item(item: Mapping[str, Any] | None) -> PublicationState:
    if not item:
        return PublicationState()
    return PublicationState(
        version=int(item.get("version", {}).get("N", "0")),
        lists_version=int(item.get("lists_version", {}).get("N", "0")),
        entries=int(item.get("entries", {}).get("N", "0")),
        files=json.loads(item.get("files", {}).get("S", "{}")),
        published=int(item.get("published", {}).get("N", "0")),
        # A state written before "pointed" existed: its root objects were written with each version.
        pointed=int(item.get("pointed", item.get("published", {})).get("N", "0")),
        pending=frozenset(item.get("pending", {}).get("SS", ())),
    )


def _is_condition_failure(exc: ClientError) -> bool:
    return exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException"


class BlocklistTable:
    """The blocklist table: listed expressions and the publication state."""

    def __init__(self, table_name: str, dynamodb: Any | None = None) -> None:
        self.table_name = table_name
        self.dynamodb = dynamodb or client("dynamodb")

    # -------------------------------------------------------------- listing

    def hold(self, entry: Entry, target_id: str, published: int = 0) -> tuple[Entry, HoldResult]:
        """Add ``target_id`` to the holders of ``entry.expression`` and (re)list it.

        The common cases take one read and one small write: a new listing is a conditional PutItem, a
        re-confirmation of an unchanged listing adds the holder. Anything else (changed description, a
        race lost on the condition) goes through the general update.

        A write that changes the public list marks the item with its change since version ``published``
        (the one published when the batch began). A re-confirmation reports a marked change instead of
        "unchanged": a retried batch finds again what its failed attempt applied.
        """
        digest = expression_hex(entry.expression)
        key = {"hash": _s(digest)}
        current = self.dynamodb.get_item(TableName=self.table_name, Key=key, ConsistentRead=True).get("Item")
        unpublished = _unpublished_change(current, published)
        try:
            if not current or not current.get("listed", {}).get("BOOL"):
                change = combine_changes(unpublished, "listed")
                self._put_new(entry, digest, target_id, change, published)
                return replace(entry, targets=frozenset({target_id})), _hold_result(change)
            before = _entry_from_item(current)
            if all(getattr(before, name) == getattr(entry, name) for name in _PUBLIC_FIELDS):
                self.dynamodb.update_item(
                    TableName=self.table_name,
                    Key=key,
                    UpdateExpression=(
                        "SET #last_confirmed = :last_confirmed, #last_checked = :last_checked ADD #targets :target"
                    ),
                    ConditionExpression="#listed = :true",
                    ExpressionAttributeNames={
                        "#last_confirmed": "last_confirmed",
                        "#last_checked": "last_checked",
                        "#targets": "targets",
                        "#listed": "listed",
                    },
                    ExpressionAttributeValues={
                        ":last_confirmed": _s(entry.last_confirmed),
                        ":last_checked": _s(entry.last_checked),
                        ":target": {"SS": [target_id]},
                        ":true": {"BOOL": True},
                    },
                )
                return replace(
                    before,
                    last_confirmed=entry.last_confirmed,
                    last_checked=entry.last_checked,
                    targets=before.targets | {target_id},
                ), _hold_result(unpublished)
        except ClientError as exc:
            if not _is_condition_failure(exc):
                raise
        event: ListingEvent = "updated" if current and current.get("listed", {}).get("BOOL") else "listed"
        return self._hold_general(entry, digest, target_id, unpublished, combine_changes(unpublished, event), published)

    def _put_new(self, entry: Entry, digest: str, target_id: str, change: ChangeKind, published: int) -> None:
        item = {**self._item(replace(entry, targets=frozenset({target_id})), digest), **_marked(change, published)}
        self.dynamodb.put_item(
            TableName=self.table_name,
            Item=item,
            ConditionExpression="attribute_not_exists(#listed) OR #listed = :false",
            ExpressionAttributeNames={"#listed": "listed"},
            ExpressionAttributeValues={":false": {"BOOL": False}},
        )

    def _hold_general(
        self,
        entry: Entry,
        digest: str,
        target_id: str,
        unpublished: ChangeKind | None,
        change: ChangeKind,
        published: int,
    ) -> tuple[Entry, HoldResult]:
        # The mark is decided from the read before this write (a lost race can over-report a change:
        # a diff then repeats an entry, which its consumers take as a replacement).
        response = self.dynamodb.update_item(
            TableName=self.table_name,
            Key={"hash": _s(digest)},
            UpdateExpression=(
                "SET #expression = :expression, #prefix = :prefix, #category = :category, "
                "#subcategory = :subcategory, #severity = :severity, #public_reason = :public_reason, "
                "#last_confirmed = :last_confirmed, #listed = :true, #public = :public, "
                "#status = :status, #last_checked = :last_checked, "
                "#first_listed = if_not_exists(#first_listed, :first_listed), "
                "#change = :change, #changed_after = :changed_after "
                "ADD #targets :target REMOVE #delisted_at"
            ),
            ExpressionAttributeNames={
                f"#{name}": name
                for name in (
                    "expression",
                    "prefix",
                    "category",
                    "subcategory",
                    "severity",
                    "public_reason",
                    "last_confirmed",
                    "listed",
                    "first_listed",
                    "targets",
                    "delisted_at",
                    "change",
                    "changed_after",
                    "public",
                    "status",
                    "last_checked",
                )
            },
            ExpressionAttributeValues={
                ":expression": _s(entry.expression),
                ":prefix": _s(digest[:8]),
                ":category": _s(entry.category),
                ":subcategory": _s(entry.subcategory),
                ":severity": _s(entry.severity),
                ":public_reason": _s(entry.public_reason),
                ":last_confirmed": _s(entry.last_confirmed),
                ":first_listed": _s(entry.first_listed),
                ":true": {"BOOL": True},
                ":target": {"SS": [target_id]},
                ":change": _s(change),
                ":changed_after": {"N": str(published)},
                ":public": _public_json(entry),
                ":status": _s(entry.status),
                ":last_checked": _s(entry.last_checked),
            },
            ReturnValues="ALL_OLD",
        )
        old = response.get("Attributes")
        if not old or not old.get("listed", {}).get("BOOL"):
            return entry, _hold_result(combine_changes(unpublished, "listed"))
        before = _entry_from_item(old)
        merged = Entry(
            expression=entry.expression,
            category=entry.category,
            subcategory=entry.subcategory,
            severity=entry.severity,
            public_reason=entry.public_reason,
            first_listed=before.first_listed or entry.first_listed,
            last_confirmed=entry.last_confirmed,
            targets=before.targets | {target_id},
            status=entry.status,
            last_checked=entry.last_checked,
        )
        changed = any(getattr(before, name) != getattr(entry, name) for name in _PUBLIC_FIELDS)
        return merged, _hold_result(combine_changes(unpublished, "updated") if changed else unpublished)

    def release(self, expression: str, target_id: str, now: str, published: int = 0) -> bool:
        """Remove one holder; delist the expression when none is left. True when it left the list, now
        or in a change no version published since ``published`` carries yet (a retried batch)."""
        key = {"hash": _s(expression_hex(expression))}
        try:
            response = self.dynamodb.update_item(
                TableName=self.table_name,
                Key=key,
                UpdateExpression="DELETE #targets :target",
                ConditionExpression="attribute_exists(#hash)",
                ExpressionAttributeNames={"#targets": "targets", "#hash": "hash"},
                ExpressionAttributeValues={":target": {"SS": [target_id]}},
                ReturnValues="ALL_NEW",
            )
        except ClientError as exc:
            if _is_condition_failure(exc):
                return False
            raise
        item = response.get("Attributes", {})
        unpublished = _unpublished_change(item, published)
        if item.get("targets"):
            return False
        if not item.get("listed", {}).get("BOOL"):
            return unpublished == "removed"
        try:
            # Conditional: a target that took the expression again in the meantime keeps it listed.
            self._mark_delisted(
                key,
                now,
                combine_changes(unpublished, "removed"),
                published,
                remove="#first_listed",
                condition="attribute_not_exists(#targets) AND #listed = :true",
            )
        except ClientError as exc:
            if _is_condition_failure(exc):
                return False
            raise
        return True

    def put_entry(self, entry: Entry, change: ChangeKind | None = None, published: int = 0) -> None:
        """Write an entry as the rebuild computed it (holders replaced), marked with ``change`` if given."""
        item = self._item(entry, expression_hex(entry.expression))
        if change is not None:
            item.update(_marked(change, published))
        self.dynamodb.put_item(TableName=self.table_name, Item=item)

    @staticmethod
    def _item(entry: Entry, digest: str) -> dict[str, Any]:
        item: dict[str, Any] = {
            "hash": _s(digest),
            "prefix": _s(digest[:8]),
            "expression": _s(entry.expression),
            "category": _s(entry.category),
            "subcategory": _s(entry.subcategory),
            "severity": _s(entry.severity),
            "public_reason": _s(entry.public_reason),
            "first_listed": _s(entry.first_listed),
            "last_confirmed": _s(entry.last_confirmed),
            "status": _s(entry.status),
            "last_checked": _s(entry.last_checked),
            "listed": {"BOOL": True},
            "public": _public_json(entry),
        }
        if entry.targets:
            item["targets"] = {"SS": sorted(entry.targets)}
        return item

    def delist(self, expression: str, now: str, published: int = 0) -> None:
        """Take a listed expression off the list (the rebuild's repair), marked as removed since ``published``."""
        self._mark_delisted(
            {"hash": _s(expression_hex(expression))}, now, "removed", published, remove="#targets, #first_listed"
        )

    def _mark_delisted(
        self,
        key: Mapping[str, Any],
        now: str,
        change: ChangeKind,
        published: int,
        *,
        remove: str,
        condition: str | None = None,
    ) -> None:
        """The delisting write: not listed since ``now``, ``change`` marked since ``published``, the
        ``remove`` attributes dropped; under ``condition`` (which may use ``:true``) if given."""
        values: dict[str, Any] = {
            ":false": {"BOOL": False},
            ":now": _s(now),
            ":change": _s(change),
            ":changed_after": {"N": str(published)},
        }
        request: dict[str, Any] = {
            "TableName": self.table_name,
            "Key": key,
            "UpdateExpression": (
                "SET #listed = :false, #delisted_at = :now, #change = :change, #changed_after = :changed_after "
                f"REMOVE {remove}"
            ),
            "ExpressionAttributeNames": {
                f"#{name}": name
                for name in ("listed", "delisted_at", "targets", "first_listed", "change", "changed_after")
            },
            "ExpressionAttributeValues": values,
        }
        if condition is not None:
            request["ConditionExpression"] = condition
            values[":true"] = {"BOOL": True}
        self.dynamodb.update_item(**request)

    def iter_listed(self) -> Iterator[Entry]:
        paginator = self.dynamodb.get_paginator("scan")
        pages = paginator.paginate(
            TableName=self.table_name,
            FilterExpression="#listed = :true",
            ExpressionAttributeNames={"#listed": "listed"},
            ExpressionAttributeValues={":true": {"BOOL": True}},
        )
        for page in pages:
            for item in page.get("Items", ()):
                yield _entry_from_item(item)

    # -------------------------------------------------------------- lookups

    def listed_by_hash(self, hashes: Iterable[str]) -> dict[str, Entry]:
        """The listed entries among ``hashes`` (hex), via BatchGetItem in chunks of 100.

        Entries come back without their holders (``targets``): see ``_LOOKUP_PROJECTION``.
        """
        wanted = list(dict.fromkeys(hashes))
        if len(wanted) == 1:  # the usual case behind the prefix filter: GetItem is the cheaper call
            return self._listed_one(wanted[0])
        found: dict[str, Entry] = {}
        for start in range(0, len(wanted), _BATCH_GET_LIMIT):
            request: dict[str, Any] = {
                self.table_name: {
                    "Keys": [{"hash": _s(h)} for h in wanted[start : start + _BATCH_GET_LIMIT]],
                    # a projection leaves out the key unless named: the older items need it
                    "ProjectionExpression": _LOOKUP_PROJECTION + ", #hash",
                    "ExpressionAttributeNames": {**_LOOKUP_NAMES, "#hash": "hash"},
                }
            }
            for _attempt in range(8):
                response = self.dynamodb.batch_get_item(RequestItems=request)
                for item in response.get("Responses", {}).get(self.table_name, ()):
                    if item.get("listed", {}).get("BOOL"):
                        found.update(self._lookup_entry(item["hash"]["S"], item))
                request = response.get("UnprocessedKeys") or {}
                if not request:
                    break
        return found

    def _listed_one(self, digest: str) -> dict[str, Entry]:
        item = self._get_projected(digest, _LOOKUP_PROJECTION, _LOOKUP_NAMES)
        if not item or not item.get("listed", {}).get("BOOL"):
            return {}
        return self._lookup_entry(digest, item)

    def _lookup_entry(self, digest: str, item: Mapping[str, Any]) -> dict[str, Entry]:
        """{digest: entry} from a lookup read; an item written before the "public" copy is read again."""
        entry = _entry_from_lookup_item(item)
        if entry is None:
            full = self._get_projected(digest, _FULL_PROJECTION, _FULL_NAMES)
            if not full or not full.get("listed", {}).get("BOOL"):
                return {}
            entry = _entry_from_item(full)
        return {digest: entry}

    def _get_projected(self, digest: str, projection: str, names: Mapping[str, str]) -> dict[str, Any] | None:
        item: dict[str, Any] | None = self.dynamodb.get_item(
            TableName=self.table_name,
            Key={"hash": _s(digest)},
            ProjectionExpression=projection,
            ExpressionAttributeNames=dict(names),
        ).get("Item")
        return item

    def listed_holders(self, expressions: Sequence[str]) -> frozenset[str]:
        """The targets holding the first listed expression of ``expressions`` (most specific first): whose
        listing a URL with these expressions falls under. One BatchGetItem; empty when none is listed."""
        wanted = list(dict.fromkeys(expression_hex(e) for e in expressions))[:_BATCH_GET_LIMIT]
        if not wanted:
            return frozenset()
        request: dict[str, Any] = {
            self.table_name: {
                "Keys": [{"hash": _s(digest)} for digest in wanted],
                "ProjectionExpression": "#hash, listed, targets",
                "ExpressionAttributeNames": {"#hash": "hash"},
            }
        }
        holders: dict[str, frozenset[str]] = {}
        for _attempt in range(8):
            response = self.dynamodb.batch_get_item(RequestItems=request)
            for item in response.get("Responses", {}).get(self.table_name, ()):
                if item.get("listed", {}).get("BOOL"):
                    holders[item["hash"]["S"]] = frozenset(item.get("targets", {}).get("SS", ()))
            request = response.get("UnprocessedKeys") or {}
            if not request:
                break
        return next((holders[digest] for digest in wanted if digest in holders), frozenset())

    def listed_by_prefix(self, prefix: str) -> list[Entry]:
        paginator = self.dynamodb.get_paginator("query")
        pages = paginator.paginate(
            TableName=self.table_name,
            IndexName=PREFIX_INDEX,
            KeyConditionExpression="#prefix = :prefix",
            FilterExpression="#listed = :true",
            ExpressionAttributeNames={"#prefix": "prefix", "#listed": "listed"},
            ExpressionAttributeValues={":prefix": _s(prefix), ":true": {"BOOL": True}},
        )
        return [_entry_from_item(item) for page in pages for item in page.get("Items", ())]

    # -------------------------------------------------------------- publication state

    def read_state(self) -> PublicationState:
        response = self.dynamodb.get_item(TableName=self.table_name, Key={"hash": _s(STATE_KEY)}, ConsistentRead=True)
        return _state_from_item(response.get("Item"))

    def note_pending(self, expressions: Collection[str]) -> PublicationState:
        """Add ``expressions`` to the state's pending set; the state as it was before (one write)."""
        if not expressions:
            return self.read_state()
        response = self.dynamodb.update_item(
            TableName=self.table_name,
            Key={"hash": _s(STATE_KEY)},
            UpdateExpression="ADD #pending :expressions",
            ExpressionAttributeNames={"#pending": "pending"},
            ExpressionAttributeValues={":expressions": {"SS": sorted(expressions)}},
            ReturnValues="ALL_OLD",
        )
        return _state_from_item(response.get("Attributes"))

    def read_pending(self, expressions: Collection[str], published: int) -> dict[str, PendingItem]:
        """Each expression's table state and its change since version ``published`` (None: published)."""
        by_hash = {expression_hex(expression): expression for expression in expressions}
        found: dict[str, PendingItem] = {expression: PendingItem(None, None) for expression in expressions}
        keys = list(by_hash)
        for start in range(0, len(keys), _BATCH_GET_LIMIT):
            request: dict[str, Any] = {
                self.table_name: {"Keys": [{"hash": _s(h)} for h in keys[start : start + _BATCH_GET_LIMIT]]}
            }
            while request:
                response = self.dynamodb.batch_get_item(RequestItems=request)
                for item in response.get("Responses", {}).get(self.table_name, ()):
                    listed = item.get("listed", {}).get("BOOL")
                    entry = _entry_from_item(item) if listed else None
                    found[by_hash[item["hash"]["S"]]] = PendingItem(entry, _unpublished_change(item, published))
                request = response.get("UnprocessedKeys") or {}
        return found

    def clear_pending(self, expressions: Collection[str], published: int) -> None:
        """Drop ``expressions`` from the pending set, unless a version was published since ``published``."""
        if not expressions:
            return
        condition = "attribute_not_exists(#published) OR #published = :published" if published == 0 else None
        try:
            self.dynamodb.update_item(
                TableName=self.table_name,
                Key={"hash": _s(STATE_KEY)},
                UpdateExpression="DELETE #pending :expressions",
                ConditionExpression=condition or "#published = :published",
                ExpressionAttributeNames={"#pending": "pending", "#published": "published"},
                ExpressionAttributeValues={
                    ":expressions": {"SS": sorted(expressions)},
                    ":published": {"N": str(published)},
                },
            )
        except ClientError as exc:
            if not _is_condition_failure(exc):
                raise

    def claim_version(self, expected: int, state: PublicationState) -> None:
        """Take version ``state.version`` if the counter is still ``expected``; ConflictError otherwise."""
        condition = (
            "attribute_not_exists(#version) OR #version = :expected" if expected == 0 else "#version = :expected"
        )
        try:
            # Only the counter: what the version holds is recorded once it is written (record_publication).
            self.dynamodb.update_item(
                TableName=self.table_name,
                Key={"hash": _s(STATE_KEY)},
                UpdateExpression="SET #version = :version",
                ConditionExpression=condition,
                ExpressionAttributeNames={"#version": "version"},
                ExpressionAttributeValues={":version": {"N": str(state.version)}, ":expected": {"N": str(expected)}},
            )
        except ClientError as exc:
            if _is_condition_failure(exc):
                raise ConflictError(f"list version {expected} was already superseded") from exc
            raise

    def record_publication(self, state: PublicationState, settled: Collection[str] = ()) -> bool:
        """Record what version ``state.version`` wrote, unless a newer version was already published.

        ``settled``: pending expressions whose changes this version carries, dropped from the pending set.
        """
        names = {"#published": "published", "#lists_version": "lists_version", "#files": "files", "#entries": "entries"}
        values: dict[str, Any] = {
            ":version": {"N": str(state.version)},
            ":lists": {"N": str(state.lists_version)},
            ":files": _s(json.dumps(state.files, separators=(",", ":"))),
            ":entries": {"N": str(state.entries)},
        }
        update = "SET #published = :version, #lists_version = :lists, #files = :files, #entries = :entries"
        if settled:
            update += " DELETE #pending :settled"
            names["#pending"] = "pending"
            values[":settled"] = {"SS": sorted(settled)}
        try:
            self.dynamodb.update_item(
                TableName=self.table_name,
                Key={"hash": _s(STATE_KEY)},
                UpdateExpression=update,
                ConditionExpression="attribute_not_exists(#published) OR #published < :version",
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=values,
            )
        except ClientError as exc:
            if _is_condition_failure(exc):
                return False
            raise
        return True

    def record_pointers(self, version: int) -> None:
        """Note that the root manifest, page and ``latest/`` copies were written for ``version``."""
        try:
            self.dynamodb.update_item(
                TableName=self.table_name,
                Key={"hash": _s(STATE_KEY)},
                UpdateExpression="SET #pointed = :version",
                ConditionExpression="attribute_not_exists(#pointed) OR #pointed < :version",
                ExpressionAttributeNames={"#pointed": "pointed"},
                ExpressionAttributeValues={":version": {"N": str(version)}},
            )
        except ClientError as exc:
            if not _is_condition_failure(exc):  # a newer version's pointers are written already
                raise


class PublicationBucket:
    """S3 objects of the published list."""

    def __init__(self, bucket: str, s3: Any | None = None) -> None:
        self.bucket = bucket
        self.s3 = s3 or client("s3")

    def put_object(self, key: str, body: IO[bytes], content_type: str, cache_control: str, sha256: str) -> None:
        self.s3.put_object(
            Bucket=self.bucket,
            Key=key,
            Body=body,
            ContentType=content_type,
            CacheControl=cache_control,
            Metadata={"sha256": sha256},
        )

    def copy_object(self, source_key: str, key: str, content_type: str, cache_control: str) -> None:
        self.s3.copy_object(
            Bucket=self.bucket,
            Key=key,
            CopySource={"Bucket": self.bucket, "Key": source_key},
            MetadataDirective="REPLACE",
            ContentType=content_type,
            CacheControl=cache_control,
        )

    def get_object(self, key: str) -> bytes | None:
        try:
            response = self.s3.get_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise
        body: bytes = response["Body"].read()
        return body


class PublishedListReader:
    """Reads published objects for the lookup function's prefix filter (``PublishedFiles``).

    The S3 client is created on first use: a lookup function that never needs the filter (or has not
    needed it yet) does not pay for it at cold start.
    """

    def __init__(self, bucket: str, s3: Any | None = None) -> None:
        self.bucket = bucket
        self._s3 = s3

    @property
    def s3(self) -> Any:
        if self._s3 is None:
            import boto3
            from botocore.config import Config

            # Short timeouts, few retries: a slow S3 only delays one request per TTL, and the lookup then
            # reads the table instead (the API's timeout is 10 s).
            quick = Config(connect_timeout=1, read_timeout=3, retries={"mode": "standard", "max_attempts": 2})
            self._s3 = boto3.client("s3", config=_CLIENT_CONFIG.merge(quick))
        return self._s3

    def read_if_changed(self, key: str, etag: str | None) -> tuple[bytes, str] | None:
        kwargs = {"IfNoneMatch": etag} if etag else {}
        try:
            response = self.s3.get_object(Bucket=self.bucket, Key=key, **kwargs)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("304", "NotModified"):
                return None
            raise self._unavailable(key, exc) from exc
        body: bytes = response["Body"].read()
        return body, str(response["ETag"])

    def read(self, key: str) -> bytes:
        try:
            body: bytes = self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        except ClientError as exc:
            raise self._unavailable(key, exc) from exc
        return body

    def _unavailable(self, key: str, exc: ClientError) -> FilterUnavailable:
        code = exc.response.get("Error", {}).get("Code", "")
        return FilterUnavailable(f"s3://{self.bucket}/{key}: {code or exc}")


class BlocklistStorage(BlocklistTable, PublicationBucket):
    """Both halves together: what the publisher's BlocklistStore protocol asks for."""

    def __init__(self, table_name: str, bucket: str, dynamodb: Any | None = None, s3: Any | None = None) -> None:
        BlocklistTable.__init__(self, table_name, dynamodb)
        PublicationBucket.__init__(self, bucket, s3)


def lookup_dynamodb_client() -> Any:
    """The lookup function's DynamoDB client: the shared configuration without botocore's per-call
    parameter validation. The lookup's requests are built above from hashes, never from caller input,
    and validating them cost about a tenth of each client call."""
    import boto3
    from botocore.config import Config

    return boto3.client("dynamodb", config=_CLIENT_CONFIG.merge(Config(parameter_validation=False)))


def iter_blocked_url_targets(table_name: str, dynamodb: Any | None = None) -> Iterator[TargetRecord]:
    """The current state of every blocked URL target in the main table, for the rebuild."""
    from boto3.dynamodb.types import TypeDeserializer

    from linkscan.storage.records import target_record

    deserializer = TypeDeserializer()
    paginator = (dynamodb or client("dynamodb")).get_paginator("scan")
    pages = paginator.paginate(
        TableName=table_name,
        FilterExpression="#sk = :current AND #type = :url AND #decision = :block",
        ExpressionAttributeNames={"#sk": "SK", "#type": "target_type", "#decision": "effective_decision"},
        ExpressionAttributeValues={":current": _s("CURRENT"), ":url": _s("url"), ":block": _s("block")},
    )
    for page in pages:
        for item in page.get("Items", ()):
            record = target_record({name: deserializer.deserialize(value) for name, value in item.items()})
            if record is not None:
                yield record


def create_blocklist_table(table_name: str, dynamodb: Any | None = None) -> None:
    """The table as the template declares it (for moto, DynamoDB Local and benchmarks)."""
    (dynamodb or client("dynamodb")).create_table(
        TableName=table_name,
        KeySchema=[{"AttributeName": "hash", "KeyType": "HASH"}],
        AttributeDefinitions=[
            {"AttributeName": "hash", "AttributeType": "S"},
            {"AttributeName": "prefix", "AttributeType": "S"},
        ],
        GlobalSecondaryIndexes=[
            {
                "IndexName": PREFIX_INDEX,
                "KeySchema": [
                    {"AttributeName": "prefix", "KeyType": "HASH"},
                    {"AttributeName": "hash", "KeyType": "RANGE"},
                ],
                "Projection": {"ProjectionType": "ALL"},
            }
        ],
        BillingMode="PAY_PER_REQUEST",
    )
