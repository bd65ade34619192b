"""The render step, run where Chromium and the image libraries are: the RenderFunction, or in-process
for the CLI, the local stack and tests. ``run_render`` turns a RenderRequest into a RenderReport and
the evidence objects (screenshot, rendered DOM, images) that go with it."""

from __future__ import annotations

import gzip
import hashlib
import time

from linkscan.images.inspect import EvidenceObject, inspect_images
from linkscan.render.models import QrFinding, RenderReport, RenderRequest
from linkscan.settings import AnalysisSettings, FetchSettings, RenderSettings


def run_render(
    request: RenderRequest,
    fetch_settings: FetchSettings,
    settings: RenderSettings,
    analysis_settings: AnalysisSettings | None = None,
) -> tuple[RenderReport, list[EvidenceObject]]:
    """Render (when asked) and inspect the images; raises RenderUnavailable only when no browser starts."""
    from linkscan.analyze import analyze_html

    started = time.monotonic()
    report = RenderReport()
    evidence: list[EvidenceObject] = []
    sources = list(request.images)
    page_url = request.url
    if request.browser:
        from linkscan.render.browser import render_page

        page = render_page(request.url, fetch_settings, settings, profile=request.profile)
        report.rendered = bool(page.html)
        report.final_url, report.status, report.html = page.final_url, page.status, page.html
        report.hops, report.requests, report.refused = page.hops, page.requests, page.refused
        report.refused_document, report.error = page.refused_document, page.error
        report.limits += [page.limit] if page.limit else []
        if page.screenshot:
            report.screenshot_key = f"evidence/{hashlib.sha256(page.screenshot).hexdigest()}/screenshot.png"
            evidence.append((report.screenshot_key, page.screenshot, "image/png"))
        if page.html:
            dom = page.html.encode("utf-8")
            report.dom_key = f"evidence/{hashlib.sha256(dom).hexdigest()}/rendered.html.gz"
            evidence.append((report.dom_key, gzip.compress(dom, mtime=0), "application/gzip"))
            page_url = page.final_url or request.url
            sources = analyze_html(page.html, page_url, analysis_settings).images
    if sources and not report.refused_document:
        remaining = max(0.0, settings.deadline - (time.monotonic() - started))
        images = inspect_images(sources, page_url, fetch_settings, settings, ocr=remaining > 0)
        report.images = [finding.as_dict() for finding in images.findings]
        report.image_text = images.image_text
        report.ocr_error = images.ocr_error
        report.qr = [
            QrFinding(text=code.text[:2000], kind=code.kind, network=code.network, image=finding.evidence_key)
            for finding in images.findings
            for code in finding.qr
        ]
        report.limits += images.limits
        report.ocr_ms, report.qr_ms = images.ocr_ms, images.qr_ms
        evidence += images.evidence
    if report.dom_key:
        report.record_key = report.dom_key.replace("rendered.html.gz", "render.json.gz")
        evidence.append((report.record_key, gzip.compress(report.record(), mtime=0), "application/gzip"))
    report.evidence_keys = [key for key, _, _ in evidence]
    report.elapsed_ms = int((time.monotonic() - started) * 1000)
    return report, evidence
