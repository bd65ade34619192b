"""OcrFunction: reads the text in one image, for the RenderFunction's image step.

Invoked synchronously with ``{"image": <base64 bytes>, "source": <url>}``; answers the lines of text
with their boxes, or an error body for an image it refuses (linkscan/images/ocr_wire.py)."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from linkscan.images.ocr_wire import answer
from linkscan.observability import logger, metrics, tracer
from linkscan.settings import RenderSettings

SETTINGS = RenderSettings.from_env()


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics(capture_cold_start_metric=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    reply = answer(event, SETTINGS)
    if "error" in reply:
        logger.warning("image refused", extra={"error": reply["error"], "reason": reply["message"]})
    else:
        metrics.add_metric(name="OcrMilliseconds", unit="Milliseconds", value=reply["elapsed_ms"])
    return reply
