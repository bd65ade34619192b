"""The scanner's render hook: decide by policy, call the renderer, judge the page again with what it saw.

``deepen`` is called by ``scanner.scan_url`` after the HTML alone was judged. It returns None when the
policy asks for nothing (no browser, no image library is touched), else the features and detection to
keep, the evidence, a summary for ``verdict.extra["render"]`` and the reasons to add.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from linkscan.render.models import RenderReport, RenderRequest
from linkscan.render.policy import load_render_policy

if TYPE_CHECKING:
    from linkscan.analyze import PageFeatures
    from linkscan.detect import Detection, Detector
    from linkscan.settings import AnalysisSettings

EvidenceObject = tuple[str, bytes, str]
Renderer = Callable[[RenderRequest], tuple[RenderReport, list[EvidenceObject]]]


class RenderFailed(RuntimeError):
    """The renderer could not run (no browser, the RenderFunction failed); the HTML's verdict stands."""


@dataclass
class Deepened:
    features: PageFeatures
    detection: Detection
    evidence: list[EvidenceObject] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    linked_urls: list[str] = field(default_factory=list)  # QR codes' web links: scanned as targets of their own


def deepen(
    *,
    url: str,
    html: str,
    profile: str | None,
    features: PageFeatures,
    detection: Detection,
    detector: Detector,
    renderer: Renderer,
    analysis_settings: AnalysisSettings | None = None,
    extra_signals: Mapping[str, float] = {},
) -> Deepened | None:
    from linkscan.analyze import analyze_html
    from linkscan.scanner import detect_page

    needs = load_render_policy().decide(
        html=html,
        visible_text=features.text,
        band=detection.band,
        host=urlsplit(url).hostname,
        image_count=len(features.images),
    )
    if not needs:
        return None
    request = RenderRequest(url=url, profile=profile, browser=needs.browser, images=features.images)
    try:
        report, evidence = renderer(request)
    except RenderFailed as exc:
        return Deepened(
            features,
            detection,
            summary={"wanted": needs.reasons, "error": str(exc)},
            reasons=[f"render step wanted ({'; '.join(needs.reasons)}) but unavailable: {exc}"],
        )
    seen = features
    if report.rendered:
        seen = analyze_html(report.html, report.final_url or url, analysis_settings)
    _add_images(seen, report)
    deepened = Deepened(seen, detection, evidence, summary={"wanted": needs.reasons, **report.summary()})
    deepened.detection = detect_page(seen, detector, url=report.final_url or url, extra_signals=extra_signals)
    deepened.reasons += _reasons(report, needs.reasons[0])
    deepened.linked_urls = [qr.text for qr in report.qr if qr.kind == "external_link"][:8]
    return deepened


def _reasons(report: RenderReport, why: str) -> list[str]:
    """What the render step adds to a verdict's reasons: how the page was seen and what its images held."""
    reasons = []
    if report.rendered:
        reasons.append(f"rendered in a browser ({why}); judged on the page after JavaScript")
    if report.refused:
        reasons.append(f"the page's scripts asked for {len(report.refused)} refused destination(s)")
    for qr in report.qr:
        if qr.kind in ("contact", "app_download", "external_link"):
            network = f", {qr.network}" if qr.network else ""
            reasons.append(f"QR code leads off-platform ({qr.kind}{network}): {qr.text[:200]}")
    if report.image_text:
        read = sum(1 for image in report.images if image.get("text"))
        reasons.append(f"text read in {read} image(s) judged as image_text")
    if report.ocr_error:
        reasons.append(f"image text not read: {report.ocr_error}")
    reasons += [f"render step stopped at a bound: {limit}" for limit in report.limits]
    return reasons


def _add_images(features: PageFeatures, report: RenderReport) -> None:
    """OCR text joins the page as ``image_text``; a QR code counts as the link, contact or download it encodes."""
    from linkscan.analyze.features import CONTACT_KINDS, Contact, Download, Link

    features.image_text = report.image_text
    for qr in report.qr:
        is_address = "://" in qr.text or (qr.text.split(":", 1)[0].isalpha() and ":" in qr.text[:16])
        if qr.kind == "contact" and not is_address:
            kind = qr.network if qr.network in CONTACT_KINDS else "wechat"
            features.contacts.append(Contact(kind=kind, value=qr.text[:100], source="qr"))
        elif qr.kind in ("contact", "external_link"):
            features.offplatform_links.append(Link(url=qr.text, text="QR code"))
        elif qr.kind == "app_download":
            extension = urlsplit(qr.text).path.rpartition(".")[2].lower()
            features.downloads.append(Download(url=qr.text, kind=extension or "itms-services", text="QR code"))
