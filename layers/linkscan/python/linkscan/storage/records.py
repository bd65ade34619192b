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
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from botocore.exceptions import ClientError

from linkscan.errors import ConflictError, NotFoundError
from linkscan.items import (
    AppealRecord,
    ChildLink,
    CurrentUpdate,
    Liveness,
    Moderation,
    ScanRecord,
    SubmissionRecord,
    TargetRecord,
    advance_target,
    changed_fields,
)
from linkscan.storage import client
from linkscan.stores import QueuedMessage

if TYPE_CHECKING:
    from linkscan.models import Verdict

_SERIALIZER = TypeSerializer()
_DESERIALIZER = TypeDeserializer()
CURRENT = "CURRENT"
MAX_TRANSACTION_ITEMS = 100
# A GSI1 query's position (LastEvaluatedKey): the index keys plus the table keys.
QUEUE_POSITION_KEYS = ("GSI1PK", "GSI1SK", "PK", "SK")


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


# The names earlier callers imported from here.
NewSubmission = SubmissionRecord
__all__ = ["CurrentUpdate", "NewSubmission", "Records"]

# TargetRecord fields stored under another attribute name (the rest are stored as named).
_TARGET_ATTRIBUTES = {"verdict_key": "verdict_sk", "revision": "rev"}
_TARGET_FIELDS = frozenset(TargetRecord.__dataclass_fields__)


def target_record(item: Mapping[str, Any] | None) -> TargetRecord | None:
    """A target's CURRENT item (deserialized: a read, or a stream image) as a typed record."""
    if not item or not item.get("target_id"):
        return None
    values: dict[str, Any] = {name: item.get(_TARGET_ATTRIBUTES.get(name, name)) for name in _TARGET_FIELDS}
    moderation = item.get("moderation")
    liveness = item.get("liveness")
    principal = str(item.get("GSI1PK") or "")
    values |= {
        "target_type": item.get("target_type") or "url",
        "target": item.get("target") or "",
        "revision": int(item.get("rev") or 0),
        "moderation": _moderation(moderation) if isinstance(moderation, Mapping) else None,
        "liveness": _liveness(liveness) if isinstance(liveness, Mapping) else None,
        "actions": tuple(item["actions"]) if item.get("actions") is not None else None,
        "principal": principal.removeprefix("PRINCIPAL#") if principal.startswith("PRINCIPAL#") else None,
    }
    return TargetRecord(**values)


def target_from_stream_image(image: Mapping[str, Any] | None) -> TargetRecord | None:
    """A DynamoDB stream record's OldImage or NewImage (attribute-value JSON) as a typed record."""
    return target_record(_from_dynamo(image)) if image else None


def _moderation(stored: Mapping[str, Any]) -> Moderation | None:
    if not stored.get("action"):
        return None
    return Moderation(
        action=str(stored["action"]),
        by=str(stored.get("by", "")),
        at=str(stored.get("at", "")),
        reason=str(stored.get("reason", "")),
    )


def _liveness(stored: Mapping[str, Any]) -> Liveness | None:
    if not stored.get("status"):
        return None
    return Liveness(status=str(stored["status"]), last_checked=stored.get("last_checked") or None)


def _target_attributes(changed: Mapping[str, Any], target: str) -> dict[str, Any]:
    """Changed TargetRecord fields as the CURRENT item's attributes."""
    attributes: dict[str, Any] = {}
    for name, value in changed.items():
        if name == "principal":
            attributes |= {"GSI1PK": f"PRINCIPAL#{value}", "GSI1SK": f"APP#{target}"}
        elif name in ("moderation", "liveness"):
            attributes[name] = value.as_dict()
        elif name == "actions":
            attributes[name] = list(value)
        else:
            attributes[_TARGET_ATTRIBUTES.get(name, name)] = value
    return attributes


def _scan_record(item: Mapping[str, Any]) -> ScanRecord:
    return ScanRecord(
        scan_id=str(item.get("scan_id") or item["PK"].removeprefix("SCAN#")),
        state=item.get("state", "queued"),
        attempts=int(item.get("attempts", 0)),
        last_error=item.get("last_error"),
        last_outcome=item.get("last_outcome"),
        verdict_key=item.get("verdict_sk"),
    )


def _appeal_record(item: Mapping[str, Any]) -> AppealRecord:
    return AppealRecord(
        appeal_id=item["appeal_id"],
        target_id=item["target_id"],
        url=item["url"],
        contact=item.get("contact", ""),
        reason=item.get("reason", ""),
        source_ip=item.get("source_ip", ""),
        created_at=item["created_at"],
        token_hash=item.get("token_hash", ""),
        state="resolved" if item.get("state") == "resolved" else "open",
        resolution=dict(item.get("resolution") or {}),
        resolved_at=item.get("resolved_at"),
    )


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

    def current(self, target_id: str) -> TargetRecord | None:
        return target_record(self.get(f"TARGET#{target_id}", CURRENT))

    def submission(self, submission_id: str) -> SubmissionRecord:
        item = self.get(f"SUB#{submission_id}", "SUB")
        if item is None:
            raise NotFoundError(f"no submission {submission_id}")
        names = SubmissionRecord.__dataclass_fields__
        return SubmissionRecord(**{name: value for name, value in item.items() if name in names})

    def scan(self, scan_id: str) -> ScanRecord | None:
        item = self.get(f"SCAN#{scan_id}", "SCAN")
        return _scan_record(item) if item else None

    def verdict(self, target_id: str, verdict_key: str) -> Verdict | None:
        from linkscan.models import Verdict  # pydantic: not loaded by functions that never read verdicts

        item = self.get(f"TARGET#{target_id}", verdict_key)
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
        from linkscan.models import Verdict

        items = self._query_prefix(target_id, "VERDICT#", newest_first=True)[:limit]
        return [Verdict.model_validate_json(item["verdict"]) for item in items]

    def appeals(self, target_id: str) -> list[AppealRecord]:
        return [_appeal_record(item) for item in self._query_prefix(target_id, "APPEAL#", newest_first=True)]

    def record_appeal(self, appeal: AppealRecord) -> None:
        """Store an open appeal on its target, in the moderators' open queue, and findable by its id."""
        key = {"PK": f"TARGET#{appeal.target_id}", "SK": f"APPEAL#{appeal.created_at}#{appeal.appeal_id}"}
        fields = {name: getattr(appeal, name) for name in AppealRecord.__dataclass_fields__}
        fields |= {"state": "open", "resolution": None, "resolved_at": None}
        item = {**key, **fields, **appeal_queue_key("open", appeal.created_at, appeal.appeal_id)}
        pointer = {"PK": f"APPEAL#{appeal.appeal_id}", "SK": "APPEAL", "appeal_key": key}
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

    def appeal(self, appeal_id: str) -> AppealRecord | None:
        """One appeal by its id (with its token hash, for the appellant's status check); None if unknown."""
        pointer = self.get(f"APPEAL#{appeal_id}", "APPEAL")
        if pointer is None:
            return None
        item = self.get(pointer["appeal_key"]["PK"], pointer["appeal_key"]["SK"])
        return _appeal_record(item) if item is not None else None

    def appeal_queue(
        self, state: str, limit: int, next_token: str | None = None
    ) -> tuple[list[AppealRecord], str | None]:
        """One page of the open or resolved appeals, newest first, and the token of the next (None at the end).

        The token is the query's position, opaque to the caller; a token from another state's queue is refused.
        """
        from linkscan.blocklist.appeals import decode_token, encode_token

        partition = appeal_queue_key(state, "", "")["GSI1PK"]
        start = decode_token(next_token, {"GSI1PK": partition}, QUEUE_POSITION_KEYS)
        kwargs: dict[str, Any] = {
            "TableName": self.table_name,
            "IndexName": "GSI1",
            "KeyConditionExpression": "GSI1PK = :queue",
            "ExpressionAttributeValues": _to_dynamo({":queue": partition}),
            "ScanIndexForward": False,
            "Limit": limit,
        }
        if start:
            kwargs["ExclusiveStartKey"] = _to_dynamo(start)
        response = self._ddb.query(**kwargs)
        items = [_appeal_record(_from_dynamo(item)) for item in response.get("Items", [])]
        last = response.get("LastEvaluatedKey")
        position = {name: str(value) for name, value in _from_dynamo(last).items()} if last else None
        return items, encode_token(position)

    def children(self, parent_id: str) -> list[ChildLink]:
        return [ChildLink(item["child_id"], item["url"]) for item in self._query_prefix(parent_id, "CHILD#")]

    def parents(self, child_id: str) -> list[str]:
        return [item["parent_id"] for item in self._query_prefix(child_id, "PARENT#")]

    def currents(self, target_ids: Sequence[str]) -> dict[str, TargetRecord]:
        """Current state of many targets (BatchGetItem, 100 keys a call); unknown targets are left out."""
        found: dict[str, TargetRecord] = {}
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
                    record = target_record(_from_dynamo(raw))
                    if record is not None:
                        found[record.target_id] = record
                request = response.get("UnprocessedKeys") or {}
        return found

    def principal_apps(self, principal: str) -> list[TargetRecord]:
        items = self._query(
            IndexName="GSI1",
            KeyConditionExpression="GSI1PK = :pk",
            ExpressionAttributeValues=_to_dynamo({":pk": f"PRINCIPAL#{principal}"}),
        )
        return [record for record in map(target_record, items) if record is not None]

    # ------------------------------------------------------------------ submissions
    def create_submissions(self, submissions: Sequence[SubmissionRecord]) -> None:
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
    def begin_scan(self, message: Mapping[str, Any], at: str) -> ScanRecord | None:
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
        return _scan_record(_from_dynamo(response["Attributes"]))

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
        update_for: Callable[[TargetRecord | None], CurrentUpdate],
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
            current = self.current(verdict.target_id)
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
            newer_exists = current is not None and (current.scanned_at or "") > verdict.scanned_at
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

    def _current_update(self, update: CurrentUpdate, current: TargetRecord | None, verdict_key: str) -> dict[str, Any]:
        """The CURRENT item's update: what ``advance_target`` changed, guarded by the revision read."""
        advanced = advance_target(current, update, verdict_key)
        changed, cleared = changed_fields(current, advanced)
        changed.pop("revision", None)
        present = _target_attributes(changed, advanced.target)
        names = {f"#{name}": name for name in present} | {"#rev": "rev"}
        values: dict[str, Any] = {f":{name}": value for name, value in present.items()}
        values[":newrev"] = advanced.revision
        expression = "SET " + ", ".join(f"#{name} = :{name}" for name in present) + ", #rev = :newrev"
        removed = [_TARGET_ATTRIBUTES.get(name, name) for name in cleared]
        if removed:
            expression += " REMOVE " + ", ".join(removed)
        if current is not None and current.revision:
            condition = "#rev = :rev"
            values[":rev"] = current.revision
        else:
            condition = "attribute_not_exists(#rev)"
        return {
            "Update": {
                "TableName": self.table_name,
                "Key": _to_dynamo(target_key(update.verdict.target_id)),
                "UpdateExpression": expression,
                "ConditionExpression": condition,
                "ExpressionAttributeNames": names,
                "ExpressionAttributeValues": _to_dynamo(values),
            }
        }

    # ------------------------------------------------------------------ moderation
    def moderate(self, target_id: str, moderation: Moderation, effective: str) -> TargetRecord:
        """Record a moderator's decision, apply it to CURRENT and resolve the target's open appeals.

        One transaction holds the decision, CURRENT and up to 98 open appeals (the transaction limit);
        appeals beyond that (a flood of them on one target) are resolved right after it.
        """
        current = self.current(target_id)
        if current is None or current.decision is None:
            raise NotFoundError(f"target {target_id} has no verdict to moderate")
        at = moderation.at
        resolution = {**moderation.as_dict(), "effective_decision": effective}
        open_appeals = [a for a in self._query_prefix(target_id, "APPEAL#") if a.get("state") == "open"]
        in_transaction = MAX_TRANSACTION_ITEMS - 2
        resolve_now = [self._resolve_appeal(a, resolution) for a in open_appeals[:in_transaction]]
        values: dict[str, Any] = {
            ":m": moderation.as_dict(),
            ":e": effective,
            ":newrev": current.revision + 1,
        }
        condition = "attribute_not_exists(#rev)"
        if current.revision:
            values[":rev"] = current.revision
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
                                    **moderation.as_dict(),
                                    "previous_effective_decision": current.effective_decision,
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
        moderated = self.current(target_id)
        assert moderated is not None  # it existed, and targets are never deleted
        return moderated

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
