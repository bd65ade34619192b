"""WebhookFunction: the bus's events → one signed POST per subscriber, retried with backoff, recorded.

The queue carries two kinds of message: an event from the bus's rule (fanned out into one delivery
message per subscriber) and a delivery (one attempt; on failure the message is hidden for the backoff
and SQS delivers it again; the receive count is the attempt number).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from linkscan.events import sender
from linkscan.events.webhooks import (
    DELIVERY_RECORD_DAYS,
    DeliveryMessage,
    attempt,
    backoff_seconds,
    fan_out,
    is_verdict_event,
)
from linkscan.observability import logger, metrics, tracer
from linkscan.platform_settings import PlatformSettings
from linkscan.settings import ServiceSettings
from linkscan.storage.platform import MessageQueue, PlatformRecords

SETTINGS = ServiceSettings.from_env()
PLATFORM = PlatformSettings.from_env().require("webhook_queue_url")
RECORDS = PlatformRecords(SETTINGS.table_name)
QUEUE = MessageQueue(PLATFORM.webhook_queue_url)
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)


class DeliveryFailedError(Exception):
    """This attempt failed; the message comes back after its backoff."""


def _send(url: str, body: bytes, headers: dict[str, str]) -> sender.SendResult:
    return sender.post(url, body, headers, PLATFORM.fetch)


@tracer.capture_method
def record_handler(record: SQSRecord, lambda_context: LambdaContext) -> None:
    body = json.loads(record.body)
    if is_verdict_event(body):
        deliveries = fan_out(body, RECORDS.subscriptions())
        if deliveries and QUEUE.send([d.model_dump() for d in deliveries]):
            raise RuntimeError("SQS refused some deliveries; the event is fanned out again")
        return
    message = DeliveryMessage.model_validate(body)
    subscription = RECORDS.subscription(message.subscription_id)
    if subscription is None or not subscription.active:
        return
    attempt_number = int(record.attributes.approximate_receive_count or 1)
    now = datetime.now(UTC)
    delivery = attempt(message, subscription, attempt_number=attempt_number, now=now, send=_send)
    RECORDS.record_attempt(delivery, expires_at=int(now.timestamp()) + DELIVERY_RECORD_DAYS * 86400)
    metrics.add_metric(name=f"Webhook_{delivery.state}", unit="Count", value=1)
    if delivery.state == "retrying":
        QUEUE.retry_later(record.receipt_handle, backoff_seconds(attempt_number))
        raise DeliveryFailedError(f"{message.event_id} to {subscription.subscription_id}: {delivery.last_error}")


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
