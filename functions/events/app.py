"""EventsFunction: each change of a target's CURRENT item → verdict events on the bus, the review queue,
and the rescan schedule (linkscan.events.stream). Records are applied in order; the first failing one
is reported, so Lambda retries from it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from linkscan.clock import parse_stamp, utc_now
from linkscan.events.stream import on_target_change
from linkscan.observability import logger, metrics, tracer
from linkscan.platform_settings import PlatformSettings
from linkscan.rescan.liveness import RescanPolicy
from linkscan.settings import ServiceSettings
from linkscan.storage.platform import EventBus, PlatformRecords, snapshot_from_image

SETTINGS = ServiceSettings.from_env()
PLATFORM = PlatformSettings.from_env().require("event_bus_name")
RECORDS = PlatformRecords(SETTINGS.table_name)
BUS = EventBus(PLATFORM.event_bus_name)
POLICY = RescanPolicy.load()


def _now() -> datetime:
    return parse_stamp(utc_now())


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    published = 0
    for record in event.get("Records", []):
        stream = record.get("dynamodb", {})
        try:
            old = snapshot_from_image(stream.get("OldImage"))
            new = snapshot_from_image(stream.get("NewImage"))
            events = on_target_change(
                old, new, now=_now(), base_url=PLATFORM.public_base_url, records=RECORDS, bus=BUS, policy=POLICY
            )
        except Exception:
            logger.exception(
                "stream record failed; Lambda will retry from it", extra={"event_id": record.get("eventID")}
            )
            return {"batchItemFailures": [{"itemIdentifier": stream.get("SequenceNumber", "")}]}
        published += len(events)
    metrics.add_metric(name="VerdictEventsPublished", unit="Count", value=published)
    return {"batchItemFailures": []}
