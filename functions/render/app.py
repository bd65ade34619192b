"""RenderFunction: renders one page in headless Chromium and inspects its images, for the ScanFunction.

Invoked synchronously with a RenderRequest; writes the screenshot, the rendered DOM and the images to
the evidence bucket and answers with the RenderReport (render/models.py)."""

from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from linkscan.observability import logger, metrics, tracer
from linkscan.render.lambda_chromium import unpack_chromium
from linkscan.render.models import RenderRequest
from linkscan.render.step import run_render
from linkscan.settings import ServiceSettings
from linkscan.storage.records import Objects

SETTINGS = ServiceSettings.from_env().require("evidence_bucket")
OBJECTS = Objects(SETTINGS.evidence_bucket)
# The render layer's compressed browser; absent when the function is deployed as a container image.
LAYER_CHROMIUM = Path(os.environ.get("LINKSCAN_CHROMIUM_LAYER", "/opt/chromium"))


def _render_settings() -> Any:
    if SETTINGS.render.chromium_path or not (LAYER_CHROMIUM / "chromium.br").exists():
        return SETTINGS.render
    executable = unpack_chromium(LAYER_CHROMIUM, Path(tempfile.gettempdir()) / "chromium")
    return dataclasses.replace(SETTINGS.render, chromium_path=str(executable))


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics(capture_cold_start_metric=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    request = RenderRequest.model_validate(event)
    report, evidence = run_render(request, SETTINGS.fetch, _render_settings(), SETTINGS.analysis)
    for key, body, content_type in evidence:
        OBJECTS.put(key, body, content_type)
    metrics.add_metric(name="RenderMilliseconds", unit="Milliseconds", value=report.elapsed_ms)
    return report.model_dump(mode="json")
