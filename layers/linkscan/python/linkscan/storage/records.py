"""The main table: targets, their current verdict, verdict history, submissions, scans and moderation.

Key design (one table, see docs/storage.md for the access patterns):

    PK                  SK                          what
    TARGET#<tid>        CURRENT                     current verdict summary; `rev` guards every update
    TARGET#<tid>        VERDICT#<scanned_at>#<sid>  one per finished scan (full verdict JSON), never rewritten
    TARGET#<tid>        DECISION#<at>               a moderator's uphold / overturn, with who and why
    TARGET#<tid>        CHILD#<child tid>           a mini-program's outbound link (child scan)
    TARGET#<tid>        PARENT#<parent tid>         the reverse edge, so a child's verdict finds its parents
    SCAN#<scan id>      SCAN                        scan state: queued / scanning / retrying / done / failed
    SUB#<submission id> SUB                         who submitted what, and which scan answers it

    TARGET#<tid>        APPEAL#<at>#<appeal id>     a site owner's appeal; open until a moderator decides
    APPEAL#<appeal id>  APPEAL                      where that appeal is stored, so the appellant finds it by id

GSI1 (GSI1PK = PRINCIPAL#<name>, GSI1SK = APP#<appid>) lists one developer's mini-programs. Appeals use it
as the moderator queue: GSI1PK = APPEALS#<open|resolved>, GSI1SK = <received or resolved at>#<appeal id>.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from botocore.exceptions import ClientError

from linkscan.errors import ConflictError, NotFoundError
from linkscan.models import Verdict
from linkscan.storage import client

_SERIALIZER = TypeSerializer()
_DESERIALIZER = TypeDeserializer()
CURRENT = "CURRENT"
MAX_TRANSACTION_ITEMS = 100
# A GSI1 query's position (LastEvaluatedKey): the index keys plus the table keys.
QUEUE_POSITION_KEYS = ("GSI1PK", "GSI1SK", "PK", "SK")
# The status token's hash stays in storage: only the appellant's status check compares against it.
_INTERNAL_KEYS = frozenset((*QUEUE_POSITION_KEYS, "token_hash"))


def _to_dynamo(item: Mapping[str, Any]) -> dict[str, Any]:
    return {key: _SERIALIZER.serialize(_plain(value)) for key, value in item.items() if value is not None}


def _from_dynamo(item: Mapping[str, Any]) -> dict[str, Any]:
    return {key: _python(_DESERIALIZER.deserialize(value)) for key, value in item.items()}


def _plain(value: Any) -> Any:
    """DynamoDB wants Decimal, not float."""
    if isinstance(value, float):
        return Decimal(str(round(value, 6)))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _python(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _python(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_python(v) for v in value]
    if isinstance(value, set):
        return sorted(_python(v) for v in value)
    return value


def target_key(target_id: str) -> dict[str, str]:
    return {"PK": f"TARGET#{target_id}", "SK": CURRENT}


@dataclass(frozen=True)
class NewSubmission:
    submission_id: str
    target_id: str
    target_type: str
    target: str
    scan_id: str
    submitted_by: str
    created_at: str
    deduplicated: bool = False
    metadata_key: str | None = None


@dataclass(frozen=True)
class CurrentUpdate:
    """What a finished scan writes to its target's CURRENT item (see docs/storage.md)."""

    verdict: Verdict
    effective_decision: str
    public_reason: str
    listing_scope: str | None = None
    principal: str | None = None
    keep_previous_decision: bool = False  # a failed fetch never overturns an earlier verdict


class Records:
    """Typed access to the main table. Every method is one or two DynamoDB calls."""

    def __init__(self, table_name: str) -> None:
        self.table_name = table_name

    @property
    def _ddb(self) -> Any:
        return client("dynamodb")

    # ------------------------------------------------------------------ reads
    def get(self, pk: str, sk: str, *, consistent: bool = True) -> dict[str, Any] | None:
        response = self._ddb.get_item(
            TableName=self.table_name, Key=_to_dynamo({"PK": pk, "SK": sk}), ConsistentRead=consistent
        )
        item = response.get("Item")
        return _from_dynamo(item) if item else None

    def current(self, target_id: str) -> dict[str, Any] | None:
        return self.get(f"TARGET#{target_id}", CURRENT)

    def submission(self, submission_id: str) -> dict[str, Any]:
        item = self.get(f"SUB#{submission_id}", "SUB")
        if item is None:
            raise NotFoundError(f"no submission {submission_id}")
        return item

    def scan(self, scan_id: str) -> dict[str, Any] | None:
        return self.get(f"SCAN#{scan_id}", "SCAN")

    def verdict(self, target_id: str, verdict_sk: str) -> Verdict | None:
        item = self.get(f"TARGET#{target_id}", verdict_sk)
        return Verdict.model_validate_json(item["verdict"]) if item else None

    def _query(self, **kwargs: Any) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        paginator = self._ddb.get_paginator("query")
        for page in paginator.paginate(TableName=self.table_name, **kwargs):
            items.extend(_from_dynamo(item) for item in page.get("Items", []))
        return items

    def _query_prefix(self, target_id: str, prefix: str, *, newest_first: bool = False) -> list[dict[str, Any]]:
        return self._query(
            KeyConditionExpression="PK = :pk AND begins_with(SK, :prefix)",
            ExpressionAttributeValues=_to_dynamo({":pk": f"TARGET#{target_id}", ":prefix": prefix}),
            ScanIndexForward=not newest_first,
        )

    def history(self, target_id: str, limit: int = 50) -> list[Verdict]:
        items = self._query_prefix(target_id, "VERDICT#", newest_first=True)[:limit]
        return [Verdict.model_validate_json(item["verdict"]) for item in items]

    def appeals(self, target_id: str) -> list[dict[str, Any]]:
        return [_appeal_fields(item) for item in self._query_prefix(target_id, "APPEAL#", newest_first=True)]

    def record_appeal(self, target_id: str, appeal: Mapping[str, Any]) -> None:
        """Store an open appeal on its target, in the moderators' open queue, and findable by its id."""
        key = {"PK": f"TARGET#{target_id}", "SK": f"APPEAL#{appeal['created_at']}#{appeal['appeal_id']}"}
        item = {**key, **appeal, "state": "open", **appeal_queue_key("open", appeal["created_at"], appeal["appeal_id"])}
        pointer = {"PK": f"APPEAL#{appeal['appeal_id']}", "SK": "APPEAL", "appeal_key": key}
        self._ddb.transact_write_items(
            TransactItems=[
                {"Put": {"TableName": self.table_name, "Item": _to_dynamo(item)}},
                {
                    "Put": {
                        "TableName": self.table_name,
                        "Item": _to_dynamo(pointer),
                        "ConditionExpression": "attribute_not_exists(PK)",
                    }
                },
            ]
        )

    def appeal(self, appeal_id: str) -> dict[str, Any] | None:
        """One appeal by its id, with its token hash (for the appellant's status check); None if unknown."""
        pointer = self.get(f"APPEAL#{appeal_id}", "APPEAL")
        if pointer is None:
            return None
        item = self.get(pointer["appeal_key"]["PK"], pointer["appeal_key"]["SK"])
        if item is None:
            return None
        return {**_appeal_fields(item), "token_hash": item.get("token_hash")}

    def appeal_queue(
        self, state: str, limit: int, start: Mapping[str, str] | None = None
    ) -> tuple[list[dict[str, Any]], dict[str, str] | None]:
        """One page of the open or resolved appeals, newest first, and the position after it (None at the end)."""
        kwargs: dict[str, Any] = {
            "TableName": self.table_name,
            "IndexName": "GSI1",
            "KeyConditionExpression": "GSI1PK = :queue",
            "ExpressionAttributeValues": _to_dynamo({":queue": appeal_queue_key(state, "", "")["GSI1PK"]}),
            "ScanIndexForward": False,
            "Limit": limit,
        }
        if start:
            kwargs["ExclusiveStartKey"] = _to_dynamo(start)
        response = self._ddb.query(**kwargs)
        items = [_appeal_fields(_from_dynamo(item)) for item in response.get("Items", [])]
        last = response.get("LastEvaluatedKey")
        return items, ({name: str(value) for name, value in _from_dynamo(last).items()} if last else None)

    def children(self, parent_id: str) -> list[dict[str, Any]]:
        return self._query_prefix(parent_id, "CHILD#")

    def parents(self, child_id: str) -> list[str]:
        return [item["parent_id"] for item in self._query_prefix(child_id, "PARENT#")]

    def currents(self, target_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """CURRENT items of many targets (BatchGetItem, 100 keys a call)."""
        found: dict[str, dict[str, Any]] = {}
        unique = list(dict.fromkeys(target_ids))
        for start in range(0, len(unique), 100):
            request: dict[str, Any] = {
                self.table_name: {
                    "Keys": [_to_dynamo(target_key(tid)) for tid in unique[start : start + 100]],
                    "ConsistentRead": True,
                }
            }
            while request:
                response = self._ddb.batch_get_item(RequestItems=request)
                for raw in response["Responses"].get(self.table_name, []):
                    item = _from_dynamo(raw)
                    found[item["target_id"]] = item
                request = response.get("UnprocessedKeys") or {}
        return found

    def principal_apps(self, principal: str) -> list[dict[str, Any]]:
        return self._query(
            IndexName="GSI1",
            KeyConditionExpression="GSI1PK = :pk",
            ExpressionAttributeValues=_to_dynamo({":pk": f"PRINCIPAL#{principal}"}),
        )

    # ------------------------------------------------------------------ submissions
    def create_submissions(self, submissions: Sequence[NewSubmission]) -> None:
        """Record a whole batch (at most 100) in one transaction: all of it is stored, or none of it.

        Scan records are not written here: the scan worker creates each from its queue message
        (`begin_scan`), so a batch is one SUB item per submission and always fits one transaction.
        """
        if len(submissions) > MAX_TRANSACTION_ITEMS:
            raise ValueError(f"at most {MAX_TRANSACTION_ITEMS} submissions are recorded together")
        actions = [
            {
                "Put": {
                    "TableName": self.table_name,
                    "Item": _to_dynamo(
                        {
                            "PK": f"SUB#{sub.submission_id}",
                            "SK": "SUB",
                            "submission_id": sub.submission_id,
                            "target_id": sub.target_id,
                            "target_type": sub.target_type,
                            "target": sub.target,
                            "scan_id": sub.scan_id,
                            "submitted_by": sub.submitted_by,
                            "created_at": sub.created_at,
                            "deduplicated": sub.deduplicated,
                            "metadata_key": sub.metadata_key,
                        }
                    ),
                    "ConditionExpression": "attribute_not_exists(PK)",
                }
            }
            for sub in submissions
        ]
        if actions:
            self._ddb.transact_write_items(TransactItems=actions)

    def mark_pending(self, target_id: str, target_type: str, target: str, scan_id: str, at: str) -> None:
        """Note on the target that a scan is queued, so concurrent submissions join it."""
        self._ddb.update_item(
            TableName=self.table_name,
            Key=_to_dynamo(target_key(target_id)),
            UpdateExpression=(
                "SET target_id = :tid, target_type = :tt, target = :t, pending_scan_id = :sid, pending_since = :at"
            ),
            ExpressionAttributeValues=_to_dynamo(
                {":tid": target_id, ":tt": target_type, ":t": target, ":sid": scan_id, ":at": at}
            ),
        )

    # ------------------------------------------------------------------ scans
    def begin_scan(self, message: Mapping[str, Any], at: str) -> dict[str, Any] | None:
        """Mark a scan as running and count the attempt. None when it already finished (a redelivery).

        The queue message is the source of truth: a scan record that is missing (a message sent by
        another tool, or replayed from the dead-letter queue after a table restore) is created here.
        """
        scan_id = message["scan_id"]
        try:
            response = self._ddb.update_item(
                TableName=self.table_name,
                Key=_to_dynamo({"PK": f"SCAN#{scan_id}", "SK": "SCAN"}),
                UpdateExpression=(
                    "SET #state = :scanning, started_at = :at, scan_id = :sid, "
                    "target_id = if_not_exists(target_id, :tid), target_type = if_not_exists(target_type, :tt), "
                    "target = if_not_exists(target, :t), queued_at = if_not_exists(queued_at, :at) "
                    "ADD attempts :one"
                ),
                ConditionExpression="attribute_not_exists(#state) OR NOT #state IN (:done, :failed)",
                ExpressionAttributeNames={"#state": "state"},
                ExpressionAttributeValues=_to_dynamo(
                    {
                        ":scanning": "scanning",
                        ":at": at,
                        ":one": 1,
                        ":done": "done",
                        ":failed": "failed",
                        ":sid": scan_id,
                        ":tid": message["target_id"],
                        ":tt": message["target_type"],
                        ":t": message["target"],
                    }
                ),
                ReturnValues="ALL_NEW",
            )
        except ClientError as exc:
            if exc.response["Error"]["Code"] != "ConditionalCheckFailedException":
                raise
            return None
        return _from_dynamo(response["Attributes"])

    def record_retriable_failure(self, scan_id: str, outcome: str, detail: str | None, at: str) -> None:
        self._ddb.update_item(
            TableName=self.table_name,
            Key=_to_dynamo({"PK": f"SCAN#{scan_id}", "SK": "SCAN"}),
            UpdateExpression="SET #state = :retrying, last_outcome = :o, last_error = :e, last_failure_at = :at",
            ConditionExpression="attribute_exists(PK)",
            ExpressionAttributeNames={"#state": "state"},
            ExpressionAttributeValues=_to_dynamo(
                {":retrying": "retrying", ":o": outcome, ":e": detail or outcome, ":at": at}
            ),
        )

    def fail_scan(self, scan_id: str, error: str, at: str) -> None:
        """A scan that will not run (it could not be queued): recorded, and the caller may submit again."""
        self._ddb.update_item(
            TableName=self.table_name,
            Key=_to_dynamo({"PK": f"SCAN#{scan_id}", "SK": "SCAN"}),
            UpdateExpression="SET #state = :failed, last_error = :e, last_failure_at = :at",
            ExpressionAttributeNames={"#state": "state"},
            ExpressionAttributeValues=_to_dynamo({":failed": "failed", ":e": error, ":at": at}),
        )

    def record_verdict(
        self,
        verdict: Verdict,
        update_for: Callable[[Mapping[str, Any]], CurrentUpdate],
        *,
        max_attempts: int = 5,
    ) -> bool:
        """Write a finished scan's verdict once, and move the target's CURRENT item forward.

        Returns False when this scan's verdict was already recorded (a redelivered message, or a second
        delivery running at the same time: the SCAN item's verdict_sk is claimed once).
        The CURRENT item only moves forward: an older scan never overwrites a newer verdict, and the
        `rev` condition makes a concurrent writer (another scan, a moderator) retry on fresh state.
        `update_for` builds the update from the CURRENT item just read, so a retry never writes what
        was derived from a stale read (a moderator's decision that landed in between is kept).
        """
        verdict_sk = f"VERDICT#{verdict.scanned_at}#{verdict.scan_id}"
        for _ in range(max_attempts):
            current = self.current(verdict.target_id) or {}
            actions = [
                {
                    "Put": {
                        "TableName": self.table_name,
                        "Item": _to_dynamo(
                            {
                                "PK": f"TARGET#{verdict.target_id}",
                                "SK": verdict_sk,
                                "scan_id": verdict.scan_id,
                                "decision": verdict.decision,
                                "outcome": verdict.outcome,
                                "scanned_at": verdict.scanned_at,
                                "verdict": verdict.model_dump_json(),
                            }
                        ),
                        "ConditionExpression": "attribute_not_exists(SK)",
                    }
                },
                {
                    "Update": {
                        "TableName": self.table_name,
                        "Key": _to_dynamo({"PK": f"SCAN#{verdict.scan_id}", "SK": "SCAN"}),
                        "UpdateExpression": (
                            "SET #state = :done, finished_at = :at, verdict_sk = :vsk, target_id = :tid, "
                            "decision = :d, outcome = :o"
                        ),
                        # The scan item is the claim: the scan id alone decides whether a verdict exists.
                        # The VERDICT key holds each run's own scanned_at, so two concurrent runs of one scan
                        # would otherwise both pass attribute_not_exists(SK).
                        "ConditionExpression": "attribute_not_exists(verdict_sk)",
                        "ExpressionAttributeNames": {"#state": "state"},
                        "ExpressionAttributeValues": _to_dynamo(
                            {
                                ":done": "done",
                                ":at": verdict.scanned_at,
                                ":vsk": verdict_sk,
                                ":tid": verdict.target_id,
                                ":d": verdict.decision,
                                ":o": verdict.outcome,
                            }
                        ),
                    }
                },
            ]
            newer_exists = str(current.get("scanned_at", "")) > verdict.scanned_at
            if not newer_exists:
                actions.append(self._current_update(update_for(current), current, verdict_sk))
            try:
                self._ddb.transact_write_items(TransactItems=actions)
                return True
            except ClientError as exc:
                reasons = [r.get("Code") for r in exc.response.get("CancellationReasons", [])]
                if "ConditionalCheckFailed" in reasons[:2]:
                    return False  # this scan's verdict is already stored (by a redelivery, or one running alongside)
                if "ConditionalCheckFailed" in reasons or "TransactionConflict" in reasons:
                    continue  # CURRENT moved under us: read it again
                raise
        raise ConflictError(f"target {verdict.target_id} kept changing; verdict not recorded")

    def _current_update(self, update: CurrentUpdate, current: Mapping[str, Any], verdict_sk: str) -> dict[str, Any]:
        verdict = update.verdict
        top = verdict.categories[0] if verdict.categories else None
        fields: dict[str, Any] = {
            "target_id": verdict.target_id,
            "target_type": verdict.target_type,
            "target": verdict.target,
            "scan_id": verdict.scan_id,
            "scanned_at": verdict.scanned_at,
            "verdict_sk": verdict_sk,
            "outcome": verdict.outcome,
            "rules_version": verdict.rules_version,
            "listing_scope": update.listing_scope,
        }
        # Where the fetch ended, when a redirect took it elsewhere: the blocklist lists that page too.
        final_url = verdict.fetch.final_url if verdict.fetch and verdict.target_type == "url" else None
        landing_url = final_url if final_url and final_url != verdict.target else None
        if not update.keep_previous_decision:
            fields |= {
                "landing_url": landing_url,
                "decision": verdict.decision,
                "effective_decision": update.effective_decision,
                "score": verdict.score,
                "category": top.category if top else None,
                "subcategory": top.subcategory if top else None,
                "severity": top.severity if top else None,
                "public_reason": update.public_reason,
                "actions": verdict.actions,
            }
        if update.principal:
            fields |= {"GSI1PK": f"PRINCIPAL#{update.principal}", "GSI1SK": f"APP#{verdict.target}"}
        present = {name: value for name, value in fields.items() if value is not None}
        names = {f"#{name}": name for name in present} | {"#rev": "rev"}
        values: dict[str, Any] = {f":{name}": value for name, value in present.items()}
        values[":newrev"] = int(current.get("rev", 0)) + 1
        expression = "SET " + ", ".join(f"#{name} = :{name}" for name in present) + ", #rev = :newrev"
        removed = []
        if current.get("pending_scan_id") == verdict.scan_id:
            removed += ["pending_scan_id", "pending_since"]
        if not update.keep_previous_decision and landing_url is None and "landing_url" in current:
            removed.append("landing_url")  # this scan was not redirected away: the old landing page is released
        if removed:
            expression += " REMOVE " + ", ".join(removed)
        if "rev" in current:
            condition = "#rev = :rev"
            values[":rev"] = current["rev"]
        else:
            condition = "attribute_not_exists(#rev)"
        return {
            "Update": {
                "TableName": self.table_name,
                "Key": _to_dynamo(target_key(verdict.target_id)),
                "UpdateExpression": expression,
                "ConditionExpression": condition,
                "ExpressionAttributeNames": names,
                "ExpressionAttributeValues": _to_dynamo(values),
            }
        }

    # ------------------------------------------------------------------ moderation
    def moderate(self, target_id: str, action: str, effective: str, by: str, reason: str, at: str) -> dict[str, Any]:
        """Record a moderator's decision, apply it to CURRENT and resolve the target's open appeals.

        One transaction holds the decision, CURRENT and up to 98 open appeals (the transaction limit);
        appeals beyond that (a flood of them on one target) are resolved right after it.
        """
        current = self.current(target_id)
        if current is None or "decision" not in current:
            raise NotFoundError(f"target {target_id} has no verdict to moderate")
        moderation = {"action": action, "by": by, "at": at, "reason": reason}
        resolution = {**moderation, "effective_decision": effective}
        open_appeals = [a for a in self._query_prefix(target_id, "APPEAL#") if a.get("state") == "open"]
        in_transaction = MAX_TRANSACTION_ITEMS - 2
        resolve_now = [self._resolve_appeal(a, resolution) for a in open_appeals[:in_transaction]]
        values: dict[str, Any] = {
            ":m": moderation,
            ":e": effective,
            ":newrev": int(current.get("rev", 0)) + 1,
        }
        condition = "attribute_not_exists(#rev)"
        if "rev" in current:
            values[":rev"] = current["rev"]
            condition = "#rev = :rev"
        try:
            self._ddb.transact_write_items(
                TransactItems=[
                    {
                        "Put": {
                            "TableName": self.table_name,
                            "Item": _to_dynamo(
                                {
                                    "PK": f"TARGET#{target_id}",
                                    "SK": f"DECISION#{at}",
                                    **moderation,
                                    "previous_effective_decision": current.get("effective_decision"),
                                    "effective_decision": effective,
                                }
                            ),
                        }
                    },
                    {
                        "Update": {
                            "TableName": self.table_name,
                            "Key": _to_dynamo(target_key(target_id)),
                            "UpdateExpression": "SET moderation = :m, effective_decision = :e, #rev = :newrev",
                            "ConditionExpression": condition,
                            "ExpressionAttributeNames": {"#rev": "rev"},
                            "ExpressionAttributeValues": _to_dynamo(values),
                        }
                    },
                    *({"Update": update} for update in resolve_now),
                ]
            )
        except ClientError as exc:
            if exc.response["Error"]["Code"] == "TransactionCanceledException":
                raise ConflictError(f"target {target_id} changed while it was being moderated; try again") from exc
            raise
        for appeal in open_appeals[in_transaction:]:
            try:
                self._ddb.update_item(**self._resolve_appeal(appeal, resolution))
            except ClientError as exc:
                if exc.response["Error"]["Code"] != "ConditionalCheckFailedException":
                    raise
        return self.current(target_id) or {}

    def _resolve_appeal(self, appeal: Mapping[str, Any], resolution: Mapping[str, Any]) -> dict[str, Any]:
        """An update moving one stored appeal from the open queue to the resolved one."""
        queue = appeal_queue_key("resolved", resolution["at"], appeal["appeal_id"])
        return {
            "TableName": self.table_name,
            "Key": _to_dynamo({"PK": appeal["PK"], "SK": appeal["SK"]}),
            "UpdateExpression": (
                "SET #state = :resolved, resolution = :resolution, resolved_at = :at, GSI1PK = :pk, GSI1SK = :sk"
            ),
            "ConditionExpression": "attribute_exists(SK)",
            "ExpressionAttributeNames": {"#state": "state"},
            "ExpressionAttributeValues": _to_dynamo(
                {
                    ":resolved": "resolved",
                    ":resolution": dict(resolution),
                    ":at": resolution["at"],
                    ":pk": queue["GSI1PK"],
                    ":sk": queue["GSI1SK"],
                }
            ),
        }

    # ------------------------------------------------------------------ mini-program links
    def link_children(self, parent_id: str, children: Iterable[tuple[str, str]]) -> None:
        """Record parent → child (target id, url) edges both ways."""
        requests = []
        for child_id, url in children:
            requests.append(
                {
                    "PutRequest": {
                        "Item": _to_dynamo(
                            {
                                "PK": f"TARGET#{parent_id}",
                                "SK": f"CHILD#{child_id}",
                                "child_id": child_id,
                                "url": url,
                            }
                        )
                    }
                }
            )
            requests.append(
                {
                    "PutRequest": {
                        "Item": _to_dynamo(
                            {
                                "PK": f"TARGET#{child_id}",
                                "SK": f"PARENT#{parent_id}",
                                "parent_id": parent_id,
                                "url": url,
                            }
                        )
                    }
                }
            )
        for start in range(0, len(requests), 25):
            pending: dict[str, Any] = {self.table_name: requests[start : start + 25]}
            while pending:
                pending = self._ddb.batch_write_item(RequestItems=pending).get("UnprocessedItems") or {}


def appeal_queue_key(state: str, at: str, appeal_id: str) -> dict[str, str]:
    """Where an appeal sits in the moderators' queue (GSI1): one partition per state, newest last."""
    return {"GSI1PK": f"APPEALS#{state}", "GSI1SK": f"{at}#{appeal_id}"}


def _appeal_fields(item: Mapping[str, Any]) -> dict[str, Any]:
    """An appeal as stored, without the table's and the index's keys."""
    return {name: value for name, value in item.items() if name not in _INTERNAL_KEYS}


class Objects:
    """S3: evidence blobs and submitted mini-program metadata."""

    def __init__(self, bucket: str) -> None:
        self.bucket = bucket

    def put(self, key: str, body: bytes, content_type: str, *, content_encoding: str | None = None) -> None:
        extra = {"ContentEncoding": content_encoding} if content_encoding else {}
        client("s3").put_object(Bucket=self.bucket, Key=key, Body=body, ContentType=content_type, **extra)

    def put_json(self, key: str, data: Any) -> None:
        self.put(key, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json")

    def get_json(self, key: str) -> Any:
        body = client("s3").get_object(Bucket=self.bucket, Key=key)["Body"].read()
        return json.loads(body)


@dataclass(frozen=True)
class QueuedMessage:
    receipt_handle: str
    body: str
    receive_count: int


class ScanQueue:
    """SQS: scan requests (the scan queue, or its dead-letter queue)."""

    def __init__(self, queue_url: str) -> None:
        self.queue_url = queue_url

    def send(self, messages: Sequence[Mapping[str, Any]]) -> list[str]:
        """Send scan messages (10 a call); return the scan ids that could not be queued."""
        failed: list[str] = []
        sqs = client("sqs")
        for start in range(0, len(messages), 10):
            chunk = messages[start : start + 10]
            entries = [{"Id": str(i), "MessageBody": json.dumps(message)} for i, message in enumerate(chunk)]
            try:
                response = sqs.send_message_batch(QueueUrl=self.queue_url, Entries=entries)
            except ClientError:
                failed.extend(str(message["scan_id"]) for message in chunk)
                continue
            failed.extend(str(chunk[int(entry["Id"])]["scan_id"]) for entry in response.get("Failed", []))
        return failed

    def receive(self, max_messages: int = 10) -> list[QueuedMessage]:
        """Up to ``max_messages`` (at most 10) messages, hidden from other readers for the queue's timeout."""
        response = client("sqs").receive_message(
            QueueUrl=self.queue_url,
            MaxNumberOfMessages=min(max_messages, 10),
            MessageSystemAttributeNames=["ApproximateReceiveCount"],
            WaitTimeSeconds=0,
        )
        return [
            QueuedMessage(
                receipt_handle=m["ReceiptHandle"],
                body=m["Body"],
                receive_count=int(m.get("Attributes", {}).get("ApproximateReceiveCount", 1)),
            )
            for m in response.get("Messages", [])
        ]

    def delete(self, receipt_handle: str) -> None:
        client("sqs").delete_message(QueueUrl=self.queue_url, ReceiptHandle=receipt_handle)

    def retry_later(self, receipt_handle: str, delay_seconds: int) -> None:
        """Hold a message back for a while before its next delivery (backoff for transient failures)."""
        client("sqs").change_message_visibility(
            QueueUrl=self.queue_url,
            ReceiptHandle=receipt_handle,
            VisibilityTimeout=min(delay_seconds, 43_200),
        )
