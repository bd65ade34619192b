"""RescanFunction (scheduled): queue the rescans that are due, within the hourly budget, and report the
review queue's size and the age of its oldest item as metrics (the template alarms on the age)."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from linkscan.clock import parse_stamp, utc_now
from linkscan.observability import logger, metrics, tracer
from linkscan.platform_settings import PlatformSettings
from linkscan.rescan.scheduler import queue_due_rescans
from linkscan.settings import ServiceSettings
from linkscan.storage.platform import MessageQueue, PlatformRecords

SETTINGS = ServiceSettings.from_env()
PLATFORM = PlatformSettings.from_env().require("rescan_queue_url")
RECORDS = PlatformRecords(SETTINGS.table_name)
QUEUE = MessageQueue(PLATFORM.rescan_queue_url)


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    now = parse_stamp(utc_now())
    queued = queue_due_rescans(now, records=RECORDS, queue=QUEUE, settings=PLATFORM)
    size, oldest = RECORDS.review_stats()
    age = int((now - parse_stamp(oldest)).total_seconds()) if oldest else 0
    metrics.add_metric(name="RescansQueued", unit="Count", value=queued)
    metrics.add_metric(name="ReviewQueueSize", unit="Count", value=size)
    metrics.add_metric(name="ReviewQueueOldestAgeSeconds", unit="Seconds", value=age)
    logger.info("rescans queued", extra={"queued": queued, "review_queue_size": size, "review_oldest_age_s": age})
    return {"rescans_queued": queued, "review_queue_size": size, "review_oldest_age_seconds": age}
