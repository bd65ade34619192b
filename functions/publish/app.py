"""PublishFunction: turns verdict changes into a new version of the public blocklist.

Two triggers: the main table's stream (a batch of changes becomes ONE new version) and an EventBridge
schedule (a full rebuild from the main table, which also repairs any drift).
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import (
    DynamoDBRecordEventName,
    DynamoDBStreamEvent,
)
from aws_lambda_powertools.utilities.typing import LambdaContext

from linkscan.blocklist.changes import listing_change, target_state
from linkscan.blocklist.page import PageConfig
from linkscan.blocklist.publisher import Publisher, TableChanges, utc_now
from linkscan.blocklist.rebuild import desired_entries
from linkscan.blocklist.scope import load_shared_hosts
from linkscan.observability import logger, metrics, tracer
from linkscan.settings import ServiceSettings
from linkscan.storage.blocklist import BlocklistStorage, iter_blocked_url_items

SETTINGS = ServiceSettings.from_env()
SHARED_HOSTS = load_shared_hosts()
# Module-level so a warm container reuses the last snapshot for the next incremental publication.
PUBLISHER = Publisher(
    store=BlocklistStorage(SETTINGS.blocklist_table_name, SETTINGS.blocklist_bucket),
    page=PageConfig(api_base=SETTINGS.public_base_url),
)


@tracer.capture_method
def publish_stream_batch(event: DynamoDBStreamEvent) -> dict[str, Any]:
    """Apply records in order; on a failing record stop there and report it, so Lambda retries from it.

    Table updates are idempotent (set add/remove), so a retried record does no harm. What was applied
    before the failure is still published now, as one version.
    """
    table = TableChanges()
    failures: list[dict[str, str]] = []
    for record in event.records:
        try:
            stream = record.dynamodb
            old = stream.old_image if stream else None
            new = None if record.event_name == DynamoDBRecordEventName.REMOVE or not stream else stream.new_image
            change = listing_change(target_state(old), target_state(new), SHARED_HOSTS)
            if change is not None:
                PUBLISHER.apply_change(change, table)
        except Exception:
            logger.exception("stream record failed; Lambda will retry from it", extra={"event_id": record.event_id})
            failures.append({"itemIdentifier": (stream.sequence_number if stream else None) or ""})
            break
    result = PUBLISHER.publish(table)
    logger.info("published", extra={"result": result.__dict__})
    metrics.add_metric(name="BlocklistAdded", unit="Count", value=result.added)
    metrics.add_metric(name="BlocklistRemoved", unit="Count", value=result.removed)
    return {"batchItemFailures": failures}


@tracer.capture_method
def rebuild() -> dict[str, Any]:
    now = utc_now()
    desired = desired_entries(iter_blocked_url_items(SETTINGS.table_name), SHARED_HOSTS, now)
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
