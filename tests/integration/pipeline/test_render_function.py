"""The RenderFunction in-process against moto: its event, the report it answers, the evidence it stores,
and the ScanFunction's renderer speaking to it (the invoke's payloads, end to end)."""

from __future__ import annotations

import gzip
import io
import json
from typing import Any

import pytest

from devstack.pages import SamplePages
from devstack.stack import LocalStack
from linkscan.detect import Detector
from linkscan.render.models import RenderReport, RenderRequest
from linkscan.scanner import scan_url
from linkscan.settings import DetectionSettings, FetchSettings
from linkscan.storage import client, render_invoker
from tests.support import load_event

pytestmark = pytest.mark.browser


def _object(stack: LocalStack, key: str) -> bytes:
    body: bytes = client("s3").get_object(Bucket=stack.physical["EvidenceBucket"]["Ref"], Key=key)["Body"].read()
    return body


def test_the_render_event_is_a_render_request() -> None:
    request = RenderRequest.model_validate(load_event("render_request.json"))
    assert request.browser and request.profile == "wechat_android"


def test_the_render_function_answers_a_report_and_stores_its_evidence(stack: LocalStack, pages: SamplePages) -> None:
    event = {**load_event("render_request.json"), "url": pages.url("/spa-loan.html")}

    answer = stack.invoke("RenderFunction", event)

    report = RenderReport.model_validate(answer)
    assert report.rendered and "极速放款" in report.html
    assert report.screenshot_key and _object(stack, report.screenshot_key).startswith(b"\x89PNG")
    assert report.dom_key and "极速放款" in gzip.decompress(_object(stack, report.dom_key)).decode()
    record = json.loads(gzip.decompress(_object(stack, report.record_key or "")))
    assert record["requests"][0]["url"] == pages.url("/spa-loan.html")


class _InvokeInProcess:
    """Stands in for the Lambda client: hands the payload to the RenderFunction's handler, as Lambda would."""

    def __init__(self, stack: LocalStack) -> None:
        self.stack = stack
        self.functions: list[str] = []

    def invoke(self, FunctionName: str, InvocationType: str, Payload: bytes) -> dict[str, Any]:
        self.functions.append(FunctionName)
        answer = self.stack.invoke("RenderFunction", json.loads(Payload))
        return {"StatusCode": 200, "Payload": io.BytesIO(json.dumps(answer).encode())}


def test_a_scan_renders_through_the_render_function_and_judges_what_it_saw(
    stack: LocalStack, pages: SamplePages, monkeypatch: pytest.MonkeyPatch
) -> None:
    lambda_client = _InvokeInProcess(stack)
    monkeypatch.setattr(render_invoker, "_lambda_client", lambda: lambda_client)
    renderer = render_invoker.LambdaRenderer(stack.physical["RenderFunction"]["Ref"])

    scan = scan_url(
        pages.url("/spa-loan.html"),
        target_id="t",
        detector=Detector.load(DetectionSettings()),
        fetch_settings=FetchSettings(allow_loopback=True),
        renderer=renderer,
    )

    assert lambda_client.functions == ["linkscan-local-renderfunction"]
    assert scan.verdict.decision == "block"
    screenshot = scan.verdict.extra["render"]["screenshot_key"]
    assert _object(stack, screenshot).startswith(b"\x89PNG")  # stored by the RenderFunction, not the scan
    assert not any(key == screenshot for key, _, _ in scan.evidence)
