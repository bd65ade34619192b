"""The OcrFunction in-process: the text and boxes it answers, the images it refuses; and the
RenderFunction's OCR hop speaking to it through a stand-in of the Lambda client, end to end."""

from __future__ import annotations

import base64
import io
import json
from typing import Any

import pytest
from botocore.exceptions import ClientError

from devstack.pages import SamplePages
from devstack.stack import LocalStack
from linkscan.render.models import RenderReport
from linkscan.storage import ocr_invoker, render_invoker
from tests.integration.pipeline.conftest import Api
from tests.integration.pipeline.test_render_function import _InvokeInProcess
from tests.support import load_event

LOAN_OFFER_SIZE = (640, 240)  # devstack/samples/img/loan-offer.png


class _OcrInProcess:
    """Stands in for the Lambda client: hands each payload to the OcrFunction's handler, as Lambda would."""

    def __init__(self, stack: LocalStack) -> None:
        self.stack = stack
        self.functions: list[str] = []
        self.sources: list[str] = []

    def invoke(self, FunctionName: str, InvocationType: str, Payload: bytes) -> dict[str, Any]:
        assert InvocationType == "RequestResponse"
        self.functions.append(FunctionName)
        event = json.loads(Payload)
        self.sources.append(event["source"])
        answer = self.stack.invoke("OcrFunction", event)
        return {"StatusCode": 200, "Payload": io.BytesIO(json.dumps(answer).encode())}


class _OcrFunctionDown:
    """A Lambda client whose OcrFunction cannot be invoked (throttled, deleted, no permission)."""

    def invoke(self, **_: Any) -> dict[str, Any]:
        raise ClientError({"Error": {"Code": "TooManyRequestsException", "Message": "Rate exceeded"}}, "Invoke")


def test_the_ocr_function_reads_the_lines_of_an_image_with_their_boxes(stack: LocalStack) -> None:
    answer = stack.invoke("OcrFunction", load_event("ocr_request.json"))

    assert "放款" in answer["text"] and answer["size"] == list(LOAN_OFFER_SIZE)
    assert [line["text"] for line in answer["lines"]] == answer["text"].split("\n")
    width, height = LOAN_OFFER_SIZE
    for line in answer["lines"]:
        assert len(line["box"]) == 4 and 0 < line["score"] <= 1
        assert all(-2 <= x <= width + 2 and -2 <= y <= height + 2 for x, y in line["box"])
    tops = [min(y for _, y in line["box"]) for line in answer["lines"]]
    assert tops == sorted(tops)  # read top to bottom


@pytest.mark.parametrize(
    ("image", "error", "message"),
    [
        ("not base64!", "invalid_request", "not valid base64"),
        (base64.b64encode(b"<svg xmlns='http://www.w3.org/2000/svg'/>").decode(), "invalid_request", "not a PNG"),
        ("", "invalid_request", "must be the image's bytes"),
    ],
)
def test_the_ocr_function_answers_an_error_body_for_what_is_not_an_image(
    stack: LocalStack, image: str, error: str, message: str
) -> None:
    answer = stack.invoke("OcrFunction", {"image": image, "source": "https://a.example/x"})

    assert answer["error"] == error and answer["field"] == "image" and message in answer["message"]
    assert "text" not in answer


def test_the_ocr_function_refuses_a_decompression_bomb_from_its_header(stack: LocalStack) -> None:
    from tests.integration.render.test_images import _png_header

    bomb = base64.b64encode(_png_header(100_000, 100_000)).decode()

    answer = stack.invoke("OcrFunction", {"image": bomb, "source": "https://a.example/bomb.png"})

    assert answer["error"] == "image_refused" and "decompression bomb" in answer["message"]


def _read_images(stack: LocalStack, pages: SamplePages) -> RenderReport:
    images = [pages.url("/img/loan-offer.png"), pages.url("/img/qr-contact.png")]
    event = {"url": "", "browser": False, "images": images}
    return RenderReport.model_validate(stack.invoke("RenderFunction", event))


def test_the_render_function_reads_image_text_through_the_ocr_function(
    stack: LocalStack, pages: SamplePages, monkeypatch: pytest.MonkeyPatch
) -> None:
    lambda_client = _OcrInProcess(stack)
    monkeypatch.setattr(ocr_invoker, "_lambda_client", lambda read_timeout: lambda_client)

    report = _read_images(stack, pages)

    assert set(lambda_client.functions) == {stack.physical["OcrFunction"]["Ref"]}
    assert lambda_client.sources == [pages.url("/img/loan-offer.png"), pages.url("/img/qr-contact.png")]
    assert "放款" in report.image_text and report.ocr_error is None
    assert report.qr[0].kind == "contact"


def test_a_failed_ocr_hop_leaves_the_images_unread_says_why_and_the_rest_goes_on(
    stack: LocalStack, pages: SamplePages, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_invoker, "_lambda_client", lambda read_timeout: _OcrFunctionDown())

    report = _read_images(stack, pages)

    assert report.image_text == ""
    assert report.ocr_error and "TooManyRequestsException" in report.ocr_error
    banner = next(image for image in report.images if image["source"].endswith("loan-offer.png"))
    assert banner["skipped"] == report.ocr_error and banner["evidence_key"]
    assert report.qr[0].text == "https://u.wechat.com/kSamplePersonalContact01"  # QR decoding went on


def test_a_mini_programs_image_text_comes_through_the_render_and_ocr_functions(
    api: Api, stack: LocalStack, pages: SamplePages, monkeypatch: pytest.MonkeyPatch
) -> None:
    ocr_client = _OcrInProcess(stack)
    monkeypatch.setattr(ocr_invoker, "_lambda_client", lambda read_timeout: ocr_client)
    monkeypatch.setattr(render_invoker, "_lambda_client", lambda: _InvokeInProcess(stack))
    appid = "wx00000000000000ab"
    metadata = {
        "appid": appid,
        "name": "记账助手",
        "principal": {"name": "某某信息科技有限公司", "type": "enterprise"},
        "pages": [{"path": "pages/index/index", "text": "记账 理财", "images": [pages.url("/img/loan-offer.png")]}],
    }

    status, answer = api.call("POST", "/v1/submissions", {"type": "miniprogram", "appid": appid, "metadata": metadata})
    assert status == 202, answer
    stack.drain()

    status, view = api.call("GET", f"/v1/targets/{answer['submissions'][0]['target_id']}")
    (image,) = view["verdict"]["extra"]["images"]
    assert ocr_client.sources == [pages.url("/img/loan-offer.png")]
    assert "放款" in image["text"]
    assert view["verdict"]["decision"] != "allow"
