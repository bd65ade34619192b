"""Text in images: RapidOCR (PP-OCR detection and recognition models, Chinese and English, shipped
inside the package) on ONNX Runtime. The engine is built once per process and reused.

This is the only OCR code: the CLI, the local stack and tests call it in-process, and in a deployment
the OcrFunction calls it for the RenderFunction (linkscan/images/ocr_wire.py is the transport)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL.Image import Image

# Longest side handed to OCR: text on landing-page banners stays legible and the time per image bounded.
MAX_OCR_SIDE = 1280

Point = tuple[int, int]


class OcrUnavailable(RuntimeError):
    """The OCR engine is not installed here, or the OcrFunction could not be reached; the message says why."""


@dataclass(frozen=True)
class OcrLine:
    """One line of text and where it is: the four corners of its box, in the pixels of the image given."""

    text: str
    box: tuple[Point, Point, Point, Point]
    score: float

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "box": [list(point) for point in self.box], "score": round(self.score, 4)}


@cache
def _engine() -> Any:
    try:
        from rapidocr import RapidOCR
    except ImportError as exc:
        raise OcrUnavailable(f"rapidocr is not installed: {exc}") from exc
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    # Only the models in the package; no text-direction classifier (page images are upright).
    return RapidOCR(params={"Global.use_cls": False, "Global.log_level": "error"})


def read_lines(image: Image) -> list[OcrLine]:
    """The lines of text OCR finds, top to bottom, with their boxes in the image's own pixels."""
    import numpy

    width, height = image.size
    scale = min(1.0, MAX_OCR_SIDE / max(width, height))
    if scale < 1:
        image = image.resize((max(1, int(width * scale)), max(1, int(height * scale))))
    result = _engine()(numpy.asarray(image)[:, :, ::-1])  # RapidOCR takes OpenCV's BGR order
    texts = getattr(result, "txts", None) or ()
    boxes = getattr(result, "boxes", None)
    scores = getattr(result, "scores", None)
    scores = () if scores is None else scores
    lines = []
    for index, text in enumerate(texts):
        if not str(text).strip():
            continue
        corners = boxes[index] if boxes is not None else ((0, 0),) * 4
        box = tuple((round(float(x) / scale), round(float(y) / scale)) for x, y in corners)
        score = float(scores[index]) if index < len(scores) else 0.0
        lines.append(OcrLine(str(text), box, score))  # type: ignore[arg-type]
    return lines


def read_text(image: Image) -> str:
    """The lines of text OCR finds, top to bottom, joined by newlines."""
    return "\n".join(line.text for line in read_lines(image))


def ocr_available() -> bool:
    try:
        _engine()
    except OcrUnavailable:
        return False
    return True
