"""The OcrFunction's request and answer: one image's bytes in, its lines of text and their boxes out.

Both sides use this module: the RenderFunction (linkscan/storage/ocr_invoker.py) builds the request
and reads the answer; the OcrFunction (functions/ocr/app.py) serves it with ``answer``, which checks
the image as the in-process step does (size, format, decompression bombs) and reads it with the one
OCR code path, linkscan/images/ocr.py. Standard library only, like the OcrFunction's layer allows.
"""

from __future__ import annotations

import base64
import binascii
import time
from typing import Any

from linkscan.errors import error_body
from linkscan.settings import RenderSettings


class OcrRequestInvalid(ValueError):
    """The request is not one image the OcrFunction reads; ``field`` names the part at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def encode_request(data: bytes, source: str) -> dict[str, str]:
    return {"image": base64.b64encode(data).decode("ascii"), "source": source[:500]}


def decode_request(event: Any, max_bytes: int) -> tuple[bytes, str]:
    """The image's bytes and source from an OcrFunction event; OcrRequestInvalid when it is not one."""
    if not isinstance(event, dict):
        raise OcrRequestInvalid("", "the request must be a JSON object with an `image` field")
    encoded, source = event.get("image"), event.get("source", "")
    if not isinstance(encoded, str) or not encoded:
        raise OcrRequestInvalid("image", "`image` must be the image's bytes in base64")
    if not isinstance(source, str):
        raise OcrRequestInvalid("source", "`source` must be a string")
    # base64 is 4 characters for 3 bytes: refuse before decoding anything larger than the cap.
    if len(encoded) > (max_bytes + 2) // 3 * 4:
        raise OcrRequestInvalid("image", f"the image is larger than {max_bytes} bytes")
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise OcrRequestInvalid("image", f"`image` is not valid base64: {exc}") from exc
    if len(data) > max_bytes:
        raise OcrRequestInvalid("image", f"the image is larger than {max_bytes} bytes")
    return data, source


def answer(event: Any, settings: RenderSettings) -> dict[str, Any]:
    """The OcrFunction's answer to one event: the text and lines, or an error body (never raises for
    bad input: a refused image is an answer, so the caller records why and goes on)."""
    from linkscan.images.load import ImageBytes, ImageRefused, decode_image, media_type_of
    from linkscan.images.ocr import read_lines

    started = time.monotonic()
    try:
        data, source = decode_request(event, settings.max_image_bytes)
        media = media_type_of(data)
        if media is None:
            raise OcrRequestInvalid("image", "not a PNG, JPEG, GIF, WebP or BMP image")
        pixels = decode_image(ImageBytes(source, data, media), settings.max_image_pixels)
    except OcrRequestInvalid as exc:
        return error_body("invalid_request", str(exc), exc.field)
    except ImageRefused as exc:
        return error_body("image_refused", str(exc), "image")
    lines = read_lines(pixels)
    return {
        "text": "\n".join(line.text for line in lines),
        "lines": [line.as_dict() for line in lines],
        "size": list(pixels.size),
        "elapsed_ms": int((time.monotonic() - started) * 1000),
    }


def text_of(answer: Any) -> str:
    """The text of an OcrFunction answer; ValueError with the function's own message when it is none."""
    if not isinstance(answer, dict):
        raise ValueError(f"not an OCR answer: {str(answer)[:300]}")
    if "error" in answer:
        raise ValueError(f"{answer.get('error')}: {answer.get('message')}")
    text = answer.get("text")
    if not isinstance(text, str):
        raise ValueError("the answer has no text")
    return text
