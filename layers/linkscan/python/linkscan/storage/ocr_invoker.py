"""The image step's OCR in a deployment: a synchronous invoke of the OcrFunction with one image's bytes.

OCR's libraries do not fit the RenderFunction's layer beside Chromium, so the RenderFunction hands each
image to the OcrFunction (arm64, its own layer) and gets the text back. Any failure of the hop is an
OcrUnavailable: the image step records why and goes on without image text.
"""

from __future__ import annotations

import io
import json
from functools import cache
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config

from linkscan.images.ocr import MAX_OCR_SIDE, OcrUnavailable
from linkscan.images.ocr_wire import encode_request, text_of
from linkscan.storage.lambda_invoke import invoke_for_json

if TYPE_CHECKING:
    from PIL.Image import Image

    from linkscan.images.load import ImageBytes

# A synchronous invoke carries at most 6 MB; base64 makes 4 characters of 3 bytes.
MAX_SENT_BYTES = 4 * 1024 * 1024


@cache
def _lambda_client(read_timeout: int) -> Any:
    # One attempt: a retry would read the image again and overrun the page's OCR budget.
    config = Config(retries={"mode": "standard", "max_attempts": 1}, connect_timeout=3, read_timeout=read_timeout)
    return boto3.client("lambda", config=config)


class LambdaOcr:
    """Reads an image's text with the OcrFunction; waits at most ``read_timeout`` seconds for it."""

    def __init__(self, function_name: str, read_timeout: float) -> None:
        self.function_name = function_name
        self.read_timeout = max(1, round(read_timeout))

    def __call__(self, image: ImageBytes, pixels: Image) -> str:
        request = json.dumps(encode_request(_sent_bytes(image, pixels), image.source)).encode("utf-8")
        client = _lambda_client(self.read_timeout)
        payload = invoke_for_json(client, self.function_name, request, OcrUnavailable, "OcrFunction")
        try:
            return text_of(payload)
        except ValueError as exc:
            raise OcrUnavailable(f"OcrFunction answered no text: {exc}") from exc


def _sent_bytes(image: ImageBytes, pixels: Image) -> bytes:
    """The image as fetched; if too large for an invoke, the pixels OCR would read, as a JPEG."""
    if len(image.data) <= MAX_SENT_BYTES:
        return image.data
    smaller = pixels.copy()
    smaller.thumbnail((MAX_OCR_SIDE, MAX_OCR_SIDE))
    encoded = io.BytesIO()
    smaller.save(encoded, format="JPEG", quality=90)
    return encoded.getvalue()
