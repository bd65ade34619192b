"""Storage of the platform features: webhook subscriptions and deliveries, the review queue, reports and
their rate counters, rescan schedule entries, and the verdict event bus. Returns typed models only.

Items in the main table (docs/storage.md):

    PK                          SK                          what
    WEBHOOK#<sid>               WEBHOOK                     a subscription (GSI1PK = WEBHOOKS)
    WEBHOOK#<sid>               DELIVERY#<at>#<event id>    one event's delivery to it: attempts, outcome
    TARGET#<tid>                REVIEW                      its place in the review queue (GSI1PK = REVIEWS#<state>)
    LABELS                      <decided at>#<tid>          a moderator's decision as a labelled example
    TARGET#<tid>                RESCAN                      its rescan schedule and liveness (GSI1PK = RESCANS)
    TARGET#<tid>                REPORT#<at>#<rid>           one public report
    REPORT#<tid>                BY#<reporter>               the last report of one reporter on it (deduplication)
    RATE#<scope>#<key>#<window> RATE                        a fixed-window counter (expires with the window)
    REPORTER#<sha256 of key>    REPORTER                    a registered reporter's name and weight
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from botocore.exceptions import ClientError

from linkscan.errors import ConflictError, NotFoundError
from linkscan.events.model import TargetSnapshot, VerdictEvent
from linkscan.events.webhooks import Delivery, Subscription
from linkscan.models import Verdict
from linkscan.reports.model import Report, Reporter
from linkscan.rescan.model import RescanEntry
from linkscan.reviews.model import LabelledExample, ReviewEntry
from linkscan.storage import client
from linkscan.storage.records import _from_dynamo, _to_dynamo, target_from_stream_image


def _conditional_failed(exc: ClientError) -> bool:
    return exc.response["Error"]["Code"] == "ConditionalCheckFailedException"


_REVIEW_KEYS = frozenset(ReviewEntry.__dataclass_fields__)
_RESCAN_KEYS = frozenset(RescanEntry.__dataclass_fields__)
_DELIVERY_KEYS = frozenset(Delivery.__dataclass_fields__)
_REPORT_KEYS = frozenset(Report.__dataclass_fields__)


def _pick(item: Mapping[str, Any], names: frozenset[str]) -> dict[str, Any]:
    return {name: value for name, value in item.items() if name in names}


def snapshot_from_image(image: Mapping[str, Any] | None) -> TargetSnapshot | None:
    """A CURRENT item's stream image (DynamoDB JSON) as a typed snapshot; None for no image."""
    record = target_from_stream_image(image)
    if record is None:
        return None
    moderation, liveness = record.moderation, record.liveness
    return TargetSnapshot(
        target_id=record.target_id,
        target_type=record.target_type,
        target=record.target,
        rev=record.revision,
        decision=record.decision,
        effective_decision=record.effective_decision,
        scan_id=record.scan_id,
        scanned_at=record.scanned_at,
        outcome=record.outcome,
        category=record.category,
        subcategory=record.subcategory,
        severity=record.severity,
        actions=record.actions or (),
        rules_version=record.rules_version,
        public_reason=record.public_reason,
        moderation_action=moderation.action if moderation else None,
        moderation_by=moderation.by if moderation else None,
        moderation_at=moderation.at if moderation else None,
        moderation_reason=moderation.reason if moderation else None,
        verdict_sk=record.verdict_key,
        liveness_status=liveness.status if liveness else None,
        last_checked=liveness.last_checked if liveness else None,
    )


class PlatformRecords:
    """Typed access to the platform items of the main table."""

    def __init__(self, table_name: str) -> None:
        self.table_name = table_name

    @property
    def _ddb(self) -> Any:
        return client("dynamodb")

    def _get(self, pk: str, sk: str) -> dict[str, Any] | None:
        item = self._ddb.get_item(TableName=self.table_name, Key=_to_dynamo({"PK": pk, "SK": sk}), ConsistentRead=True)
        return _from_dynamo(item["Item"]) if "Item" in item else None

    def _query(self, limit: int | None = None, **kwargs: Any) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        start: dict[str, Any] | None = None
        while True:
            request = {"TableName": self.table_name, **kwargs}
            if start:
                request["ExclusiveStartKey"] = start
            response = self._ddb.query(**request)
            items.extend(_from_dynamo(item) for item in response.get("Items", []))
            start = response.get("LastEvaluatedKey")
            if not start or (limit is not None and len(items) >= limit):
                return items[:limit] if limit is not None else items

    # ------------------------------------------------------------------ webhooks
    def add_subscription(self, subscription: Subscription) -> None:
        item = {
            "PK": f"WEBHOOK#{subscription.subscription_id}",
            "SK": "WEBHOOK",
            "GSI1PK": "WEBHOOKS",
            "GSI1SK": f"{subscription.created_at}#{subscription.subscription_id}",
            "subscription_id": subscription.subscription_id,
            "url": subscription.url,
            "owner": subscription.owner,
            "secret": subscription.secret,
            "kinds": list(subscription.kinds),
            "created_at": subscription.created_at,
            "active": subscription.active,
        }
        self._ddb.put_item(
            TableName=self.table_name, Item=_to_dynamo(item), ConditionExpression="attribute_not_exists(PK)"
        )

    @staticmethod
    def _subscription(item: Mapping[str, Any]) -> Subscription:
        return Subscription(
            subscription_id=item["subscription_id"],
            url=item["url"],
            owner=item["owner"],
            secret=item["secret"],
            kinds=tuple(item.get("kinds") or ()),
            created_at=item["created_at"],
            active=bool(item.get("active", True)),
        )

    def subscription(self, subscription_id: str) -> Subscription | None:
        item = self._get(f"WEBHOOK#{subscription_id}", "WEBHOOK")
        return self._subscription(item) if item else None

    def subscriptions(self) -> list[Subscription]:
        items = self._query(
            IndexName="GSI1",
            KeyConditionExpression="GSI1PK = :pk",
            ExpressionAttributeValues=_to_dynamo({":pk": "WEBHOOKS"}),
        )
        return [self._subscription(item) for item in items if item.get("active", True)]

    def record_attempt(self, delivery: Delivery, expires_at: int) -> None:
        """Write a delivery's state after an attempt (one item per event and subscriber, updated in place)."""
        item = {
            "PK": f"WEBHOOK#{delivery.subscription_id}",
            "SK": f"DELIVERY#{delivery.created_at}#{delivery.event_id}",
            **{name: getattr(delivery, name) for name in _DELIVERY_KEYS},
            "expires_at": expires_at,
        }
        self._ddb.put_item(TableName=self.table_name, Item=_to_dynamo(item))

    def deliveries(self, subscription_id: str, limit: int) -> list[Delivery]:
        """A subscription's deliveries, newest first."""
        items = self._query(
            limit=limit,
            KeyConditionExpression="PK = :pk AND begins_with(SK, :prefix)",
            ExpressionAttributeValues=_to_dynamo({":pk": f"WEBHOOK#{subscription_id}", ":prefix": "DELIVERY#"}),
            ScanIndexForward=False,
        )
        return [Delivery(**_pick(item, _DELIVERY_KEYS)) for item in items]

    # ------------------------------------------------------------------ review queue
    def enqueue_review(self, entry: ReviewEntry) -> bool:
        """Put a target in the pending queue; False when it is pending already (its place is kept)."""
        item = {
            "PK": f"TARGET#{entry.target_id}",
            "SK": "REVIEW",
            "GSI1PK": "REVIEWS#pending",
            "GSI1SK": f"{entry.queued_at}#{entry.target_id}",
            **{name: getattr(entry, name) for name in _REVIEW_KEYS},
            "state": "pending",
        }
        try:
            self._ddb.put_item(
                TableName=self.table_name,
                Item=_to_dynamo(item),
                ConditionExpression="attribute_not_exists(PK) OR #state <> :pending",
                ExpressionAttributeNames={"#state": "state"},
                ExpressionAttributeValues=_to_dynamo({":pending": "pending"}),
            )
        except ClientError as exc:
            if _conditional_failed(exc):
                return False
            raise
        return True

    def review(self, target_id: str) -> ReviewEntry | None:
        item = self._get(f"TARGET#{target_id}", "REVIEW")
        return ReviewEntry(**_pick(item, _REVIEW_KEYS)) if item else None

    def review_queue(self, state: str, category: str | None, limit: int) -> list[ReviewEntry]:
        """Pending items oldest first (done: most recently decided first), optionally of one category."""
        kwargs: dict[str, Any] = {
            "IndexName": "GSI1",
            "KeyConditionExpression": "GSI1PK = :pk",
            "ScanIndexForward": state == "pending",
        }
        values: dict[str, Any] = {":pk": f"REVIEWS#{state}"}
        if category:
            kwargs["FilterExpression"] = "category = :category"
            values[":category"] = category
        kwargs["ExpressionAttributeValues"] = _to_dynamo(values)
        return [ReviewEntry(**_pick(item, _REVIEW_KEYS)) for item in self._query(limit=limit, **kwargs)]

    def review_stats(self) -> tuple[int, str | None]:
        """How many items are pending and when the oldest was queued."""
        response = self._ddb.query(
            TableName=self.table_name,
            IndexName="GSI1",
            KeyConditionExpression="GSI1PK = :pk",
            ExpressionAttributeValues=_to_dynamo({":pk": "REVIEWS#pending"}),
            Select="COUNT",
        )
        count = int(response.get("Count", 0))
        start = response.get("LastEvaluatedKey")
        while start:
            response = self._ddb.query(
                TableName=self.table_name,
                IndexName="GSI1",
                KeyConditionExpression="GSI1PK = :pk",
                ExpressionAttributeValues=_to_dynamo({":pk": "REVIEWS#pending"}),
                Select="COUNT",
                ExclusiveStartKey=start,
            )
            count += int(response.get("Count", 0))
            start = response.get("LastEvaluatedKey")
        oldest = self.review_queue("pending", None, 1)
        return count, (oldest[0].queued_at if oldest else None)

    def take_lease(self, target_id: str, who: str, now: str, until: str) -> ReviewEntry:
        """Lease a pending item to one moderator. ConflictError when another holds an unexpired lease."""
        try:
            response = self._ddb.update_item(
                TableName=self.table_name,
                Key=_to_dynamo({"PK": f"TARGET#{target_id}", "SK": "REVIEW"}),
                UpdateExpression="SET lease_by = :who, lease_until = :until",
                ConditionExpression=(
                    "#state = :pending AND "
                    "(attribute_not_exists(lease_until) OR lease_until <= :now OR lease_by = :who)"
                ),
                ExpressionAttributeNames={"#state": "state"},
                ExpressionAttributeValues=_to_dynamo(
                    {":who": who, ":until": until, ":now": now, ":pending": "pending"}
                ),
                ReturnValues="ALL_NEW",
            )
        except ClientError as exc:
            if not _conditional_failed(exc):
                raise
            current = self.review(target_id)
            if current is None:
                raise NotFoundError(f"no review item for target {target_id}") from exc
            if current.state != "pending":
                raise ConflictError(f"target {target_id} was already decided by {current.decided_by}") from exc
            raise ConflictError(
                f"target {target_id} is leased to {current.lease_by} until {current.lease_until}"
            ) from exc
        return ReviewEntry(**_pick(_from_dynamo(response["Attributes"]), _REVIEW_KEYS))

    def _close(self, target_id: str, *, decision: str, by: str, at: str, condition: str) -> dict[str, Any]:
        """The update moving a pending item to the done queue (GSI1), under ``condition``."""
        return {
            "TableName": self.table_name,
            "Key": _to_dynamo({"PK": f"TARGET#{target_id}", "SK": "REVIEW"}),
            "UpdateExpression": (
                "SET #state = :done, decision = :d, decided_by = :by, decided_at = :at, GSI1PK = :pk, GSI1SK = :sk "
                "REMOVE lease_by, lease_until"
            ),
            "ConditionExpression": condition,
            "ExpressionAttributeNames": {"#state": "state"},
            "ExpressionAttributeValues": _to_dynamo(
                {
                    ":done": "done",
                    ":pending": "pending",
                    ":d": decision,
                    ":by": by,
                    ":at": at,
                    ":pk": "REVIEWS#done",
                    ":sk": f"{at}#{target_id}",
                }
            ),
        }

    def close_review(
        self, entry: ReviewEntry, *, decision: str, by: str, at: str, reason: str, label: LabelledExample | None
    ) -> None:
        """Mark a leased item done (only by its lease holder) and keep the decision as a labelled example."""
        update = self._close(
            entry.target_id, decision=decision, by=by, at=at, condition="#state = :pending AND lease_by = :by"
        )
        update["UpdateExpression"] = update["UpdateExpression"].replace("GSI1SK = :sk", "GSI1SK = :sk, reason = :r")
        update["ExpressionAttributeValues"][":r"] = {"S": reason}
        actions: list[dict[str, Any]] = [{"Update": update}]
        if label is not None:
            item = {"PK": "LABELS", "SK": f"{label.at}#{label.target_id}", **label.__dict__}
            actions.append({"Put": {"TableName": self.table_name, "Item": _to_dynamo(item)}})
        try:
            self._ddb.transact_write_items(TransactItems=actions)
        except ClientError as exc:
            if exc.response["Error"]["Code"] == "TransactionCanceledException":
                raise ConflictError(f"target {entry.target_id}: the lease is not yours (or expired)") from exc
            raise

    def settle_review(self, target_id: str, *, by: str, at: str, decision: str) -> None:
        """A target moderated outside the queue (PUT decision): its pending item is done too."""
        # An item a moderator has leased is theirs to close (reviews.queue.decide).
        condition = "#state = :pending AND (attribute_not_exists(lease_until) OR lease_until <= :at)"
        try:
            self._ddb.update_item(**self._close(target_id, decision=decision, by=by, at=at, condition=condition))
        except ClientError as exc:
            if not _conditional_failed(exc):
                raise

    def labels(self) -> list[LabelledExample]:
        items = self._query(KeyConditionExpression="PK = :pk", ExpressionAttributeValues=_to_dynamo({":pk": "LABELS"}))
        names = frozenset(LabelledExample.__dataclass_fields__)
        return [LabelledExample(**_pick(item, names)) for item in items]

    def latest_verdict(self, target_id: str, verdict_sk: str | None) -> Verdict | None:
        if not verdict_sk:
            return None
        item = self._get(f"TARGET#{target_id}", verdict_sk)
        return Verdict.model_validate_json(item["verdict"]) if item else None

    # ------------------------------------------------------------------ rescans
    def put_rescan(self, entry: RescanEntry) -> None:
        item = {
            "PK": f"TARGET#{entry.target_id}",
            "SK": "RESCAN",
            "GSI1PK": "RESCANS",
            "GSI1SK": f"{entry.next_check_at}#{entry.target_id}",
            **{name: getattr(entry, name) for name in _RESCAN_KEYS},
        }
        self._ddb.put_item(TableName=self.table_name, Item=_to_dynamo(item))

    def rescan(self, target_id: str) -> RescanEntry | None:
        item = self._get(f"TARGET#{target_id}", "RESCAN")
        return RescanEntry(**_pick(item, _RESCAN_KEYS)) if item else None

    def remove_rescan(self, target_id: str) -> None:
        self._ddb.delete_item(TableName=self.table_name, Key=_to_dynamo({"PK": f"TARGET#{target_id}", "SK": "RESCAN"}))

    def due_rescans(self, now: str, limit: int) -> list[RescanEntry]:
        """Entries whose next check is due, the longest overdue first."""
        items = self._query(
            limit=limit,
            IndexName="GSI1",
            KeyConditionExpression="GSI1PK = :pk AND GSI1SK <= :now",
            ExpressionAttributeValues=_to_dynamo({":pk": "RESCANS", ":now": f"{now}~"}),
        )
        return [RescanEntry(**_pick(item, _RESCAN_KEYS)) for item in items]

    def set_liveness(self, target_id: str, status: str, last_checked: str | None) -> None:
        """Copy an entry's liveness onto the target's CURRENT item, where lists and lookups read it."""
        try:
            self._ddb.update_item(
                TableName=self.table_name,
                Key=_to_dynamo({"PK": f"TARGET#{target_id}", "SK": "CURRENT"}),
                UpdateExpression="SET liveness = :l",
                ConditionExpression="attribute_exists(PK)",
                ExpressionAttributeValues=_to_dynamo({":l": {"status": status, "last_checked": last_checked}}),
            )
        except ClientError as exc:
            if not _conditional_failed(exc):
                raise

    # ------------------------------------------------------------------ reports
    def count(self, scope: str, key: str, window: str, expires_at: int, limit: int | None = None) -> int | None:
        """Add one to a fixed-window counter; the new count, or None when it is at ``limit`` already."""
        values: dict[str, Any] = {":one": 1, ":exp": expires_at}
        condition = None
        if limit is not None:
            condition = "attribute_not_exists(n) OR n < :limit"
            values[":limit"] = limit
        kwargs: dict[str, Any] = {
            "TableName": self.table_name,
            "Key": _to_dynamo({"PK": f"RATE#{scope}#{key}#{window}", "SK": "RATE"}),
            "UpdateExpression": "ADD n :one SET expires_at = :exp",
            "ExpressionAttributeValues": _to_dynamo(values),
            "ReturnValues": "UPDATED_NEW",
        }
        if condition:
            kwargs["ConditionExpression"] = condition
        try:
            response = self._ddb.update_item(**kwargs)
        except ClientError as exc:
            if _conditional_failed(exc):
                return None
            raise
        return int(_from_dynamo(response["Attributes"])["n"])

    def claim_report(
        self, target_id: str, reporter: str, report_id: str, now: str, not_before: str, expires_at: int
    ) -> str | None:
        """Note this reporter's report on the target; the earlier report's id if it reported since ``not_before``."""
        try:
            self._ddb.put_item(
                TableName=self.table_name,
                Item=_to_dynamo(
                    {
                        "PK": f"REPORT#{target_id}",
                        "SK": f"BY#{reporter}",
                        "report_id": report_id,
                        "at": now,
                        "expires_at": expires_at,  # the dedup window's end (DynamoDB TTL); reads compare `at`
                    }
                ),
                ConditionExpression="attribute_not_exists(PK) OR #at < :not_before",
                ExpressionAttributeNames={"#at": "at"},
                ExpressionAttributeValues=_to_dynamo({":not_before": not_before}),
            )
        except ClientError as exc:
            if not _conditional_failed(exc):
                raise
            earlier = self._get(f"REPORT#{target_id}", f"BY#{reporter}") or {}
            return str(earlier.get("report_id", ""))
        return None

    def record_report(self, report: Report) -> None:
        key = {"PK": f"TARGET#{report.target_id}", "SK": f"REPORT#{report.created_at}#{report.report_id}"}
        item = {**key, **{name: getattr(report, name) for name in _REPORT_KEYS}}
        self._ddb.put_item(TableName=self.table_name, Item=_to_dynamo(item))

    def reports(self, target_id: str) -> list[Report]:
        items = self._query(
            KeyConditionExpression="PK = :pk AND begins_with(SK, :prefix)",
            ExpressionAttributeValues=_to_dynamo({":pk": f"TARGET#{target_id}", ":prefix": "REPORT#"}),
        )
        return [Report(**{"reason": None, "category": None, **_pick(item, _REPORT_KEYS)}) for item in items]

    def add_reporter(self, key_hash: str, reporter: Reporter) -> None:
        item = {"PK": f"REPORTER#{key_hash}", "SK": "REPORTER", "name": reporter.name, "weight": reporter.weight}
        self._ddb.put_item(TableName=self.table_name, Item=_to_dynamo(item))

    def reporter(self, key_hash: str) -> Reporter | None:
        item = self._get(f"REPORTER#{key_hash}", "REPORTER")
        return Reporter(name=item["name"], weight=float(item["weight"])) if item else None


class EventBus:
    """EventBridge: the verdict event bus."""

    def __init__(self, bus_name: str) -> None:
        self.bus_name = bus_name

    def put(self, events: Sequence[VerdictEvent]) -> list[str]:
        """Put events (10 a call); return the ids of those EventBridge did not accept."""
        failed: list[str] = []
        for start in range(0, len(events), 10):
            chunk = events[start : start + 10]
            entries = [
                {
                    "EventBusName": self.bus_name,
                    "Source": event.source,
                    "DetailType": event.detail_type,
                    "Detail": event.detail.model_dump_json(),
                    "Resources": [],
                }
                for event in chunk
            ]
            response = client("events").put_events(Entries=entries)
            for event, result in zip(chunk, response.get("Entries", []), strict=False):
                if result.get("ErrorCode"):
                    failed.append(event.detail.event_id)
        return failed


class MessageQueue:
    """SQS: JSON messages to one queue (webhook deliveries, low-priority scans), 10 a call."""

    def __init__(self, queue_url: str) -> None:
        self.queue_url = queue_url

    def send(self, bodies: Sequence[Mapping[str, Any]], *, delays: Sequence[int] | None = None) -> int:
        """Send messages; return how many SQS refused."""
        refused = 0
        sqs = client("sqs")
        for start in range(0, len(bodies), 10):
            entries = []
            for index, body in enumerate(bodies[start : start + 10]):
                entry: dict[str, Any] = {"Id": str(index), "MessageBody": json.dumps(body)}
                if delays is not None:
                    entry["DelaySeconds"] = max(0, min(900, int(delays[start + index])))
                entries.append(entry)
            response = sqs.send_message_batch(QueueUrl=self.queue_url, Entries=entries)
            refused += len(response.get("Failed", []))
        return refused

    def retry_later(self, receipt_handle: str, delay_seconds: int) -> None:
        client("sqs").change_message_visibility(
            QueueUrl=self.queue_url, ReceiptHandle=receipt_handle, VisibilityTimeout=min(delay_seconds, 43_200)
        )


class EvidenceReader:
    """S3: the fetched body a verdict's evidence key names (labelled-example export)."""

    def __init__(self, bucket: str) -> None:
        self.bucket = bucket

    def body(self, key: str) -> bytes:
        import gzip

        raw = client("s3").get_object(Bucket=self.bucket, Key=key)["Body"].read()
        return gzip.decompress(raw) if key.endswith(".gz") else raw
