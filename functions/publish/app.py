"""PublishFunction: turns verdict changes into a new version of the public blocklist.

Two triggers: the main table's stream (a batch of changes becomes ONE new version) and an EventBridge
schedule (a full rebuild from the main table, which also repairs any drift).
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import (
    DynamoDBRecord,
    DynamoDBRecordEventName,
    DynamoDBStreamEvent,
)
from aws_lambda_powertools.utilities.typing import LambdaContext

from linkscan.blocklist.changes import ListingChange, listing_change, target_state
from linkscan.blocklist.page import PageConfig
from linkscan.blocklist.publisher import Publisher
from linkscan.blocklist.rebuild import desired_entries
from linkscan.blocklist.scope import load_shared_hosts
from linkscan.observability import logger, metrics, tracer
from linkscan.settings import ServiceSettings
from linkscan.storage.blocklist import BlocklistStorage, iter_blocked_url_targets
from linkscan.storage.records import target_record

SETTINGS = ServiceSettings.from_env().require("table_name", "blocklist_table_name", "blocklist_bucket")
SHARED_HOSTS = load_shared_hosts()
# Module-level so a warm container reuses the last snapshot for the next incremental publication.
PUBLISHER = Publisher(
    store=BlocklistStorage(SETTINGS.blocklist_table_name, SETTINGS.blocklist_bucket),
    page=PageConfig(api_base=SETTINGS.public_base_url),
)


def _failure(record: DynamoDBRecord) -> dict[str, str]:
    logger.exception("stream record failed; Lambda will retry from it", extra={"event_id": record.event_id})
    stream = record.dynamodb
    return {"itemIdentifier": (stream.sequence_number if stream else None) or ""}


def _listing_change(record: DynamoDBRecord) -> ListingChange | None:
    stream = record.dynamodb
    old = stream.old_image if stream else None
    new = None if record.event_name == DynamoDBRecordEventName.REMOVE or not stream else stream.new_image
    return listing_change(target_state(target_record(old)), target_state(target_record(new)), SHARED_HOSTS)


@tracer.capture_method
def publish_stream_batch(event: DynamoDBStreamEvent) -> dict[str, Any]:
    """Apply records in order; on a failing record stop there and report it, so Lambda retries from it.

    The batch's expressions are first noted as pending (``Publisher.begin``), then the table is updated,
    then one version is published with what was applied. When that publication fails the invocation
    fails and Lambda retries the whole batch: its table updates are idempotent (set add/remove), and
    what the failed attempt applied is found again from the pending set and the items' change marks.
    """
    failures: list[dict[str, str]] = []
    changes: list[tuple[DynamoDBRecord, ListingChange]] = []
    for record in event.records:
        try:
            change = _listing_change(record)
        except Exception:
            failures.append(_failure(record))
            break
        if change is not None:
            changes.append((record, change))
    table = PUBLISHER.begin(change for _record, change in changes)
    for record, change in changes:
        try:
            PUBLISHER.apply_change(change, table)
        except Exception:
            failures[:] = [_failure(record)]  # an earlier record than a failed image conversion
            break
    result = PUBLISHER.publish(table)
    logger.info("published", extra={"result": result.__dict__})
    metrics.add_metric(name="BlocklistAdded", unit="Count", value=result.added)
    metrics.add_metric(name="BlocklistRemoved", unit="Count", value=result.removed)
    return {"batchItemFailures": failures}


@tracer.capture_method
def rebuild() -> dict[str, Any]:
    desired = desired_entries(iter_blocked_url_targets(SETTINGS.table_name), SHARED_HOSTS, PUBLISHER.clock())
    result = PUBLISHER.rebuild(desired)
    logger.info("rebuilt", extra={"result": result.__dict__})
    metrics.add_metric(name="BlocklistEntries", unit="Count", value=result.entries)
    return {"version": result.version, "entries": result.entries, "added": result.added, "removed": result.removed}


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    if event.get("source") == "aws.events" or event.get("detail-type") == "Scheduled Event":
        return rebuild()
    return publish_stream_batch(DynamoDBStreamEvent(event))
