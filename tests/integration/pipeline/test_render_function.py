"""The RenderFunction in-process against moto: its event, the report it answers, the evidence it stores,
and the ScanFunction's renderer speaking to it (the invoke's payloads, end to end)."""

from __future__ import annotations

import dataclasses
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
from linkscan.settings import DetectionSettings, FetchSettings, RenderSettings
from linkscan.storage import client, render_invoker
from tests.integration.pipeline.conftest import Api
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


def _render_in_the_scan_function(stack: LocalStack, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ScanFunction renders and reads images in-process (no RenderFunction to invoke)."""
    scan_function = stack.modules["ScanFunction"]
    local = dataclasses.replace(scan_function.SETTINGS, render=RenderSettings(mode="local"))
    monkeypatch.setattr(scan_function, "SETTINGS", local)


def test_a_mini_programs_page_images_are_read_and_their_qr_code_leads_off_platform(
    api: Api, stack: LocalStack, pages: SamplePages, monkeypatch: pytest.MonkeyPatch
) -> None:
    _render_in_the_scan_function(stack, monkeypatch)
    appid = "wx00000000000000aa"
    metadata = {
        "appid": appid,
        "name": "记账助手",
        "principal": {"name": "某某信息科技有限公司", "type": "enterprise"},
        "pages": [
            {
                "path": "pages/index/index",
                "text": "记账 理财 小额周转",
                "images": [pages.url("/img/loan-offer.png"), pages.url("/img/qr-contact.png")],
            }
        ],
    }

    status, answer = api.call("POST", "/v1/submissions", {"type": "miniprogram", "appid": appid, "metadata": metadata})
    assert status == 202, answer
    stack.drain()

    status, view = api.call("GET", f"/v1/targets/{answer['submissions'][0]['target_id']}")
    verdict = view["verdict"]
    assert verdict["decision"] == "block" and verdict["categories"][0]["category"] == "cash_loan"
    assert (
        "QR code in a page image leads off-platform (contact): https://u.wechat.com/kSamplePersonalContact01"
        in (verdict["reasons"])
    )
    images = {image["source"]: image for image in verdict["extra"]["images"]}
    assert "放款" in images[pages.url("/img/loan-offer.png")]["text"]
    assert _object(stack, images[pages.url("/img/qr-contact.png")]["evidence_key"]).startswith(b"\x89PNG")


def _qr_png(text: str) -> bytes:
    import segno

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=6, border=4)
    return out.getvalue()


def test_a_page_image_qr_code_to_a_blocked_page_makes_the_mini_program_lead_to_it(
    api: Api, stack: LocalStack, pages: SamplePages, monkeypatch: pytest.MonkeyPatch
) -> None:
    _render_in_the_scan_function(stack, monkeypatch)
    loan_page = pages.url("/loan.html")
    qr_image = pages.serve("/img/qr-to-loan.png", _qr_png(loan_page), "image/png")
    appid = "wx00000000000000ac"
    metadata = {
        "appid": appid,
        "name": "生活助手",
        "principal": {"name": "某某信息科技有限公司", "type": "enterprise"},
        "pages": [{"path": "pages/index/index", "text": "扫码查看额度", "images": [qr_image]}],
    }

    status, answer = api.call("POST", "/v1/submissions", {"type": "miniprogram", "appid": appid, "metadata": metadata})
    assert status == 202, answer
    stack.drain()

    status, view = api.call("GET", f"/v1/targets/{answer['submissions'][0]['target_id']}")
    verdict = view["verdict"]
    # The QR code's page was scanned as a child, blocked, and its decision folded back into the parent;
    # a QR code shown to be scanned pushes users there, so the mini-program is blocked with it.
    assert verdict["extra"]["linked_blocked"] == [
        {"url": loan_page, "field": "pages[0].links[0]", "decision": "block", "push": "QR code"}
    ]
    assert verdict["decision"] == "block" and verdict["categories"][0]["category"] == "cash_loan"
    assert f"linked page blocked: {loan_page} at pages[0].links[0], pushed (QR code)" in verdict["reasons"]
