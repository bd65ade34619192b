"""PublishFunction: turns verdict changes into a new version of the public blocklist.

Two triggers: the main table's stream (a batch of changes becomes ONE new version) and an EventBridge
schedule (a full rebuild from the main table, which also repairs any drift).
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from linkscan.blocklist.changes import ListingChange, listing_change, target_state
from linkscan.blocklist.page import PageConfig
from linkscan.blocklist.publisher import Publisher
from linkscan.blocklist.scope import load_shared_hosts
from linkscan.observability import logger, metrics, tracer
from linkscan.settings import ServiceSettings
from linkscan.storage.blocklist import BlocklistStorage, iter_blocked_url_targets
from linkscan.storage.records import target_from_stream_image

SETTINGS = ServiceSettings.from_env().require("table_name", "blocklist_table_name", "blocklist_bucket")
SHARED_HOSTS = load_shared_hosts()
# Module-level so a warm container reuses the last snapshot for the next incremental publication.
PUBLISHER = Publisher(
    store=BlocklistStorage(SETTINGS.blocklist_table_name, SETTINGS.blocklist_bucket),
    page=PageConfig(api_base=SETTINGS.public_base_url),
)


# Stream records are read as the plain event dicts (powertools' stream data classes would load every
# event class it has at cold start).
def _item_failure(record: dict[str, Any]) -> dict[str, str]:
    return {"itemIdentifier": str(record.get("dynamodb", {}).get("SequenceNumber") or "")}


def _listing_change(record: dict[str, Any]) -> ListingChange | None:
    stream = record.get("dynamodb") or {}
    old = target_from_stream_image(stream.get("OldImage"))
    new = None if record.get("eventName") == "REMOVE" else target_from_stream_image(stream.get("NewImage"))
    return listing_change(target_state(old), target_state(new), SHARED_HOSTS)


@tracer.capture_method
def publish_stream_batch(event: dict[str, Any]) -> dict[str, Any]:
    """Records become listing changes (in order, up to one that cannot be read); the publisher does the rest.

    The first record that fails (read here, or applied by the publisher) is reported, so Lambda retries
    the batch from it; the protocol itself is ``Publisher.publish_batch`` (docs/blocklist.md).
    """
    records = list(event.get("Records") or [])
    changes: list[tuple[int, ListingChange]] = []
    unreadable: int | None = None
    for position, record in enumerate(records):
        try:
            change = _listing_change(record)
        except Exception:
            logger.exception("stream record unreadable", extra={"event_id": record.get("eventID")})
            unreadable = position
            break
        if change is not None:
            changes.append((position, change))
    outcome = PUBLISHER.publish_batch(changes)
    if outcome.error is not None:
        logger.error("stream record failed", exc_info=outcome.error, extra={"position": outcome.failed_at})
    failed = outcome.failed_at if outcome.failed_at is not None else unreadable
    logger.info("published", extra={"result": outcome.result.__dict__})
    metrics.add_metric(name="BlocklistAdded", unit="Count", value=outcome.result.added)
    metrics.add_metric(name="BlocklistRemoved", unit="Count", value=outcome.result.removed)
    return {"batchItemFailures": [_item_failure(records[failed])] if failed is not None else []}


@tracer.capture_method
def rebuild() -> dict[str, Any]:
    result = PUBLISHER.rebuild_from(iter_blocked_url_targets(SETTINGS.table_name), SHARED_HOSTS)
    logger.info("rebuilt", extra={"result": result.__dict__})
    metrics.add_metric(name="BlocklistEntries", unit="Count", value=result.entries)
    return {"version": result.version, "entries": result.entries, "added": result.added, "removed": result.removed}


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    if event.get("source") == "aws.events" or event.get("detail-type") == "Scheduled Event":
        return rebuild()
    return publish_stream_batch(event)
