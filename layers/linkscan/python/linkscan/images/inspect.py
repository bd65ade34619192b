"""Inspect a page's images within per-scan budgets: QR codes in each, OCR of the larger ones."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linkscan.images.load import ImageBytes, ImageRefused, decode_image, load_image, short_source
from linkscan.images.qr import QrCode, classify_payload, decode_qr
from linkscan.settings import FetchSettings, RenderSettings

if TYPE_CHECKING:
    from PIL.Image import Image

EvidenceObject = tuple[str, bytes, str]
# Reads one image's text, from its bytes as fetched or its decoded pixels; OcrUnavailable when it cannot.
OcrReader = Callable[[ImageBytes, "Image"], str]
# What the OcrFunction's cold start (the engine's import and models) may add to the page's OCR budget.
OCR_HOP_COLD_START_SECONDS = 10.0


@dataclass
class ImageFinding:
    source: str
    evidence_key: str | None = None
    media_type: str | None = None
    width: int = 0
    height: int = 0
    qr: list[QrCode] = field(default_factory=list)
    text: str = ""
    skipped: str | None = None  # why it was not (wholly) inspected: refused, or a budget spent

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "evidence_key": self.evidence_key,
            "media_type": self.media_type,
            "size": [self.width, self.height],
            "qr": [{"text": code.text[:500], "kind": code.kind, "network": code.network} for code in self.qr],
            "text": self.text[:2000],
            "skipped": self.skipped,
        }


@dataclass
class ImageReport:
    findings: list[ImageFinding] = field(default_factory=list)
    evidence: list[EvidenceObject] = field(default_factory=list)
    limits: list[str] = field(default_factory=list)  # budgets that ran out ("ocr_budget", "qr_budget", "max_images")
    ocr_error: str | None = None  # why OCR stopped for this page (engine missing, OcrFunction failed)
    ocr_ms: list[int] = field(default_factory=list)  # per image read
    qr_ms: list[int] = field(default_factory=list)

    @property
    def image_text(self) -> str:
        return "\n".join(finding.text for finding in self.findings if finding.text)

    @property
    def qr_codes(self) -> list[QrCode]:
        return [code for finding in self.findings for code in finding.qr]


def inspect_images(
    sources: list[str],
    page_url: str | None,
    fetch_settings: FetchSettings,
    settings: RenderSettings,
    *,
    ocr: bool = True,
    reader: OcrReader | None = None,
) -> ImageReport:
    """Fetch up to ``max_images`` distinct images, decode QR codes in each and read the text of those of at
    least ``ocr_min_pixels`` pixels (with ``reader``, by default as the settings say: in this process or
    by the OcrFunction). Each budget is checked before each image; when one is spent, the step it bounds
    stops (recorded in ``limits``) and the others go on. When OCR fails, the page goes on without it."""
    report = ImageReport()
    distinct = list(dict.fromkeys(source for source in sources if source))
    if len(distinct) > settings.max_images:
        report.limits.append("max_images")
    qr_left, ocr_left = settings.qr_budget_seconds, settings.ocr_budget_seconds
    for source in distinct[: settings.max_images]:
        finding = ImageFinding(source=short_source(source))
        report.findings.append(finding)
        try:
            image = load_image(source, fetch_settings, settings, deadline=max(1.0, ocr_left + qr_left))
            finding.media_type = image.media_type
            finding.evidence_key = f"evidence/{image.sha256}/image"
            report.evidence.append((finding.evidence_key, image.data, image.media_type))
            pixels = decode_image(image, settings.max_image_pixels)
        except ImageRefused as exc:
            finding.skipped = str(exc)
            continue
        finding.width, finding.height = pixels.size
        if qr_left > 0:
            started = time.monotonic()
            finding.qr = [classify_payload(text, page_url) for text in decode_qr(pixels)]
            spent = time.monotonic() - started
            qr_left -= spent
            report.qr_ms.append(int(spent * 1000))
        elif "qr_budget" not in report.limits:
            report.limits.append("qr_budget")
        if not ocr or finding.width * finding.height < settings.ocr_min_pixels:
            continue
        if ocr_left <= 0:
            finding.skipped = "OCR budget spent"
            if "ocr_budget" not in report.limits:
                report.limits.append("ocr_budget")
            continue
        from linkscan.images.ocr import OcrUnavailable

        reader = reader or ocr_reader_for(settings)
        started = time.monotonic()
        try:
            finding.text = reader(image, pixels)
        except OcrUnavailable as exc:
            finding.skipped = report.ocr_error = str(exc)
            ocr = False
            continue
        spent = time.monotonic() - started
        ocr_left -= spent
        report.ocr_ms.append(int(spent * 1000))
    return report


def ocr_reader_for(settings: RenderSettings) -> OcrReader:
    """In this process, or the OcrFunction's when ``ocr_function_name`` is set (a deployment)."""
    if settings.ocr_function_name:
        from linkscan.storage.ocr_invoker import LambdaOcr

        return LambdaOcr(settings.ocr_function_name, settings.ocr_budget_seconds + OCR_HOP_COLD_START_SECONDS)
    from linkscan.images.ocr import read_text

    return lambda image, pixels: read_text(pixels)
