"""The scan function's renderer in a deployment: a synchronous invoke of the RenderFunction.

The RenderFunction writes its evidence (screenshot, rendered DOM, images) to the evidence bucket
itself and answers with the report, so nothing large travels back through the invoke.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import boto3
from botocore.config import Config

from linkscan.render.deepen import EvidenceObject, RenderFailed
from linkscan.render.models import RenderReport, RenderRequest
from linkscan.storage.lambda_invoke import invoke_for_json

# A render is bounded by its own deadline (RenderFunction's timeout); one attempt: a retry would render again.
_CONFIG = Config(retries={"mode": "standard", "max_attempts": 1}, connect_timeout=3, read_timeout=90)


@cache
def _lambda_client() -> Any:
    return boto3.client("lambda", config=_CONFIG)


class LambdaRenderer:
    def __init__(self, function_name: str) -> None:
        if not function_name:
            raise RenderFailed("RENDER_FUNCTION_NAME is not set")
        self.function_name = function_name

    def __call__(self, request: RenderRequest) -> tuple[RenderReport, list[EvidenceObject]]:
        body = request.model_dump_json().encode("utf-8")
        payload = invoke_for_json(_lambda_client(), self.function_name, body, RenderFailed, "RenderFunction")
        if not isinstance(payload, dict):
            raise RenderFailed(f"RenderFunction failed: {str(payload)[:300]}")
        try:
            return RenderReport.model_validate(payload), []
        except ValueError as exc:
            raise RenderFailed(f"RenderFunction answered an unreadable report: {exc}") from exc
