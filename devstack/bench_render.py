"""Render step figures: browser render time per sample page, OCR and QR decode time per image, and the
share of the sample pages' scans that the default policy sends to the render step.

    python -m devstack.bench_render      (or part of `make bench`)
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from devstack.pages import SAMPLES, SamplePages

RENDER_ROUNDS = 2
IMAGE_ROUNDS = 5
QR_ROUNDS = 20


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _sample_paths() -> list[str]:
    return [*sorted(f"/{path.name}" for path in SAMPLES.glob("*.html")), "/cloaked/loan", "/go/loan"]


def render_times(pages: SamplePages) -> dict[str, Any]:
    """Every sample page rendered in Chromium (cold browser each time, as in a Lambda render)."""
    from linkscan.render.browser import find_chromium, render_page
    from linkscan.settings import FetchSettings, RenderSettings

    settings = RenderSettings()
    find_chromium(settings)
    fetch = FetchSettings(allow_loopback=True)
    times: list[float] = []
    for _ in range(RENDER_ROUNDS):
        for path in _sample_paths():
            page = render_page(pages.url(path), fetch, settings)
            times.append(page.elapsed_ms)
    return {
        "render_pages": len(times),
        "render_ms_median": round(statistics.median(times)),
        "render_ms_p95": round(_p95(times)),
    }


def image_times() -> dict[str, Any]:
    from linkscan.images.load import ImageBytes, decode_image
    from linkscan.images.ocr import read_text
    from linkscan.images.qr import decode_qr

    offer = decode_image(ImageBytes("offer", (SAMPLES / "img/loan-offer.png").read_bytes(), "image/png"), 10**8)
    qr = decode_image(ImageBytes("qr", (SAMPLES / "img/qr-contact.png").read_bytes(), "image/png"), 10**8)
    started = time.perf_counter()
    read_text(offer)  # the first call builds the engine (loads both models)
    first_ms = (time.perf_counter() - started) * 1000
    ocr = []
    for _ in range(IMAGE_ROUNDS):
        started = time.perf_counter()
        read_text(offer)
        ocr.append((time.perf_counter() - started) * 1000)
    # The OcrFunction's work per image (linkscan/images/ocr_wire.answer, what its handler calls): the
    # request's base64 and the image decoded and checked, then read; the Lambda invoke itself is not in it.
    from linkscan.images.ocr_wire import answer, encode_request
    from linkscan.settings import RenderSettings

    request = encode_request((SAMPLES / "img/loan-offer.png").read_bytes(), "offer")
    answered = []
    for _ in range(IMAGE_ROUNDS):
        started = time.perf_counter()
        answer(request, RenderSettings())
        answered.append((time.perf_counter() - started) * 1000)
    decodes = []
    for _ in range(QR_ROUNDS):
        started = time.perf_counter()
        decode_qr(qr)
        decodes.append((time.perf_counter() - started) * 1000)
    return {
        "ocr_first_call_ms": round(first_ms),
        "ocr_ms_per_image_median": round(statistics.median(ocr)),  # 640x240, three lines of Chinese
        "ocr_function_ms_per_image_median": round(statistics.median(answered)),  # the same image, as sent
        "qr_decode_ms_median": round(statistics.median(decodes), 2),  # 222x222, one QR code
    }


def render_share(pages: SamplePages) -> dict[str, Any]:
    """Scans of every sample page under the default policy, with a renderer that only counts its calls."""
    from linkscan.detect import Detector
    from linkscan.render.models import RenderReport, RenderRequest
    from linkscan.scanner import scan_url
    from linkscan.settings import DetectionSettings, FetchSettings

    asked: list[RenderRequest] = []

    def counting(request: RenderRequest) -> tuple[RenderReport, list[tuple[str, bytes, str]]]:
        asked.append(request)
        return RenderReport(), []

    detector = Detector.load(DetectionSettings())
    paths = _sample_paths()
    for path in paths:
        scan_url(
            pages.url(path), target_id="t", detector=detector, fetch_settings=FetchSettings(allow_loopback=True),
            renderer=counting,
        )  # fmt: skip
    return {
        "policy_sample_scans": len(paths),
        "policy_share_browser": round(sum(1 for r in asked if r.browser) / len(paths), 3),
        "policy_share_render_step": round(len(asked) / len(paths), 3),  # browser or images
    }


def run() -> dict[str, Any]:
    with SamplePages() as pages:
        return {**render_share(pages), **image_times(), **render_times(pages)}


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
