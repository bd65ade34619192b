"""Text in images: RapidOCR (PP-OCR detection and recognition models, Chinese and English, shipped
inside the package) on ONNX Runtime. The engine is built once per process and reused."""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL.Image import Image

# Longest side handed to OCR: text on landing-page banners stays legible and the time per image bounded.
MAX_OCR_SIDE = 1280


class OcrUnavailable(RuntimeError):
    """The OCR engine is not installed here (the zip RenderFunction ships without it; see docs)."""


@cache
def _engine() -> Any:
    try:
        from rapidocr import RapidOCR
    except ImportError as exc:
        raise OcrUnavailable(f"rapidocr is not installed: {exc}") from exc
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    # Only the models in the package; no text-direction classifier (page images are upright).
    return RapidOCR(params={"Global.use_cls": False, "Global.log_level": "error"})


def read_text(image: Image) -> str:
    """The lines of text OCR finds, top to bottom, joined by newlines."""
    import numpy

    width, height = image.size
    scale = MAX_OCR_SIDE / max(width, height)
    if scale < 1:
        image = image.resize((max(1, int(width * scale)), max(1, int(height * scale))))
    result = _engine()(numpy.asarray(image)[:, :, ::-1])  # RapidOCR takes OpenCV's BGR order
    lines = getattr(result, "txts", None) or ()
    return "\n".join(str(line) for line in lines if str(line).strip())


def ocr_available() -> bool:
    try:
        _engine()
    except OcrUnavailable:
        return False
    return True
