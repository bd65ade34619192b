"""The render step's request and report: what the scan function sends the RenderFunction and gets back."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from linkscan.models import Hop

SUMMARY_ITEMS = 40  # requests and refusals a verdict lists


class RenderRequest(BaseModel):
    url: str
    profile: str | None = None
    browser: bool = Field(default=True, description="render in Chromium; False: only inspect `images`")
    images: list[str] = Field(default_factory=list, description="image URLs of the fetched HTML (without a browser)")


class QrFinding(BaseModel):
    text: str
    kind: str  # contact, app_download, external_link, link, text
    network: str | None = None
    image: str | None = None  # the image's evidence key


class RenderReport(BaseModel):
    """What the render step saw. ``html`` is the DOM after JavaScript (empty without a browser)."""

    rendered: bool = False
    final_url: str | None = None
    status: int | None = None
    html: str = ""
    hops: list[Hop] = Field(default_factory=list)
    requests: list[dict[str, Any]] = Field(default_factory=list)
    refused: list[dict[str, str]] = Field(default_factory=list)
    refused_document: str | None = None  # why the page itself was refused by the destination rules
    error: str | None = None
    limits: list[str] = Field(default_factory=list)  # budgets that cut it short: time, memory, ocr_budget...
    elapsed_ms: int = 0
    screenshot_key: str | None = None
    dom_key: str | None = None
    record_key: str | None = None  # render.json.gz: every request and refusal
    images: list[dict[str, Any]] = Field(default_factory=list)
    image_text: str = ""
    ocr_error: str | None = None  # why no (more) image text was read: OCR engine or OcrFunction failed
    qr: list[QrFinding] = Field(default_factory=list)
    ocr_ms: list[int] = Field(default_factory=list)
    qr_ms: list[int] = Field(default_factory=list)
    evidence_keys: list[str] = Field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """The part a verdict keeps, small enough for its table item: no DOM, the first requests and
        refusals (all of them are in the evidence's ``render.json.gz``)."""
        kept = self.model_dump(exclude={"html", "ocr_ms", "qr_ms", "evidence_keys"}, mode="json")
        kept["request_count"] = len(self.requests)
        kept["requests"] = [{**item, "url": str(item["url"])[:200]} for item in kept["requests"][:SUMMARY_ITEMS]]
        kept["refused"] = kept["refused"][:SUMMARY_ITEMS]
        return kept

    def record(self) -> bytes:
        """Everything but the DOM, as JSON: the ``render.json.gz`` evidence object."""
        return self.model_dump_json(exclude={"html"}).encode("utf-8")
