"""ScanFunction: SQS batches of scan requests → one recorded verdict per scan, partial failures reported."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from linkscan.api_models import ScanMessage
from linkscan.detect import Detector
from linkscan.observability import logger, metrics, tracer
from linkscan.scanner import has_time_for_scan, scan_budget_ms
from linkscan.service import Backend, RetryLaterError, process_scan
from linkscan.settings import ServiceSettings

SETTINGS = ServiceSettings.from_env()
BACKEND = Backend.from_settings(SETTINGS)
DETECTOR = Detector.load(SETTINGS.detection)
# A batch whose every record failed is reported item by item too (not raised): the queue retries each alike.
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)


class OutOfTimeError(Exception):
    """Too little of the invocation is left for one more scan: the record is reported failed, untouched."""


@tracer.capture_method
def record_handler(record: SQSRecord, lambda_context: LambdaContext) -> None:
    remaining_ms = lambda_context.get_remaining_time_in_millis()
    if not has_time_for_scan(remaining_ms, SETTINGS.fetch):
        # Not started, so not an attempt of the scan: visible again at once for the next invocation.
        BACKEND.queue.retry_later(record.receipt_handle, 0)
        raise OutOfTimeError(f"{remaining_ms} ms left, a scan may take {scan_budget_ms(SETTINGS.fetch)} ms")
    message = ScanMessage.model_validate_json(record.body)
    receive_count = int(record.attributes.approximate_receive_count or 1)
    try:
        verdict = process_scan(
            message, receive_count=receive_count, detector=DETECTOR, settings=SETTINGS, backend=BACKEND
        )
    except RetryLaterError as exc:
        logger.warning("transient failure, retrying later", extra={"scan_id": message.scan_id, "error": str(exc)})
        BACKEND.queue.retry_later(record.receipt_handle, exc.delay_seconds)
        raise
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
