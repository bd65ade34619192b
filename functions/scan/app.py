"""ScanFunction: SQS batches of scan requests → one recorded verdict per scan, partial failures reported."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from linkscan.detect import Detector
from linkscan.messages import ScanMessage
from linkscan.observability import logger, metrics, tracer
from linkscan.platform_settings import PlatformSettings
from linkscan.scanner import has_time_for_scan, scan_budget_ms
from linkscan.settings import ServiceSettings
from linkscan.storage.records import ScanQueue
from linkscan.stores import Backend
from linkscan.usecases.attempts import RetryLaterError
from linkscan.usecases.scanning import process_scan
from linkscan.usecases.verdicts import record_scan_failure

SETTINGS = ServiceSettings.from_env()
BACKEND = Backend.from_settings(SETTINGS)
DETECTOR = Detector.load(SETTINGS.detection)
# Rescans arrive from a queue of their own (lower priority); a message's visibility is changed on its queue.
RESCAN_QUEUE_URL = PlatformSettings.from_env().rescan_queue_url
# A batch whose every record failed is reported item by item too (not raised): the queue retries each alike.
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)


class OutOfTimeError(Exception):
    """Too little of the invocation is left for one more scan: the record is reported failed, untouched."""


def _record_failure(message: ScanMessage, receive_count: int, exc: Exception) -> None:
    """The scan's last delivery failed too: answer its submission instead of leaving it to the DLQ."""
    logger.exception("scan failed on its last delivery; recorded as scan_failed", extra={"scan_id": message.scan_id})
    detail = f"the scan failed {receive_count} deliveries, the last with {type(exc).__name__}: {exc}"
    record_scan_failure(message, detail, backend=BACKEND)
    metrics.add_metric(name="ScanFailed", unit="Count", value=1)


def _source_queue(record: SQSRecord) -> ScanQueue:
    rescan = bool(RESCAN_QUEUE_URL) and record.event_source_arn.endswith(":" + RESCAN_QUEUE_URL.rsplit("/", 1)[-1])
    return ScanQueue(RESCAN_QUEUE_URL) if rescan else BACKEND.queue


@tracer.capture_method
def record_handler(record: SQSRecord, lambda_context: LambdaContext) -> None:
    message = ScanMessage.model_validate_json(record.body)
    receive_count = int(record.attributes.approximate_receive_count or 1)
    last_delivery = receive_count >= SETTINGS.scan_max_receives
    remaining_ms = lambda_context.get_remaining_time_in_millis()
    if not has_time_for_scan(remaining_ms, SETTINGS.fetch, SETTINGS.render):
        if last_delivery and not BACKEND.queue.send([message.model_dump(exclude_none=True)]):
            return  # never started, so never dead-lettered: a fresh copy waits in the queue
        # Not started, so not an attempt of the scan: visible again at once for the next invocation.
        _source_queue(record).retry_later(record.receipt_handle, 0)
        raise OutOfTimeError(
            f"{remaining_ms} ms left, a scan may take {scan_budget_ms(SETTINGS.fetch, SETTINGS.render)} ms"
        )
    try:
        verdict = process_scan(
            message, receive_count=receive_count, detector=DETECTOR, settings=SETTINGS, backend=BACKEND
        )
    except RetryLaterError as exc:
        if last_delivery:
            _record_failure(message, receive_count, exc)
            return
        logger.warning("transient failure, retrying later", extra={"scan_id": message.scan_id, "error": str(exc)})
        _source_queue(record).retry_later(record.receipt_handle, exc.delay_seconds)
        raise
    except Exception as exc:
        if not last_delivery:
            raise  # reported failed: SQS delivers it again
        _record_failure(message, receive_count, exc)
        return
    if verdict is None:
        logger.info("scan already recorded; duplicate delivery ignored", extra={"scan_id": message.scan_id})
        return
    metrics.add_metric(name=f"Verdict_{verdict.decision}", unit="Count", value=1)
    logger.info(
        "verdict",
        extra={
            "scan_id": message.scan_id,
            "target_id": message.target_id,
            "decision": verdict.decision,
            "outcome": verdict.outcome,
            "score": verdict.score,
        },
    )


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics(capture_cold_start_metric=True)
def handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
