"""The OCR hop's setting and wire format: which reader the image step takes, and what the OcrFunction
accepts and answers (no sockets: the invoke itself is tested against the handler in tests/integration)."""

from __future__ import annotations

import base64

import pytest

from linkscan.images.inspect import ocr_reader_for
from linkscan.images.ocr_wire import OcrRequestInvalid, decode_request, encode_request, text_of
from linkscan.settings import RenderSettings
from linkscan.storage.ocr_invoker import LambdaOcr


def test_ocr_runs_in_process_unless_the_ocr_function_is_named() -> None:
    assert RenderSettings.from_env({}).ocr_function_name == ""
    assert not isinstance(ocr_reader_for(RenderSettings()), LambdaOcr)

    settings = RenderSettings.from_env({"OCR_FUNCTION_NAME": " linkscan-prod-ocr ", "LINKSCAN_OCR_BUDGET_SECONDS": "3"})
    reader = ocr_reader_for(settings)

    assert isinstance(reader, LambdaOcr) and reader.function_name == "linkscan-prod-ocr"
    assert 3 < reader.read_timeout <= 3 + 10  # the page's OCR budget and the OcrFunction's cold start


def test_a_request_carries_the_image_bytes_unchanged() -> None:
    data = bytes(range(256)) * 3

    assert decode_request(encode_request(data, "https://a.example/i.png"), max_bytes=len(data)) == (
        data,
        "https://a.example/i.png",
    )


@pytest.mark.parametrize(
    ("event", "field"),
    [
        ([], ""),
        ({}, "image"),
        ({"image": 12}, "image"),
        ({"image": "aGVsbG8=", "source": 3}, "source"),
        ({"image": "*not base64*"}, "image"),
        ({"image": base64.b64encode(b"x" * 101).decode()}, "image"),  # over the 100-byte cap
    ],
)
def test_a_request_that_is_not_one_image_is_refused_naming_the_field(event: object, field: str) -> None:
    with pytest.raises(OcrRequestInvalid) as refused:
        decode_request(event, max_bytes=100)
    assert refused.value.field == field


def test_an_error_answer_gives_no_text_but_the_functions_own_message() -> None:
    assert text_of({"text": "极速放款", "lines": []}) == "极速放款"
    with pytest.raises(ValueError, match="image_refused: decompression bomb"):
        text_of({"error": "image_refused", "message": "decompression bomb", "field": "image", "details": []})
    with pytest.raises(ValueError, match="not an OCR answer"):
        text_of(None)
