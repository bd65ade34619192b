"""A mini-program's page images, read by the render step: their text and QR codes join the metadata.

OCR text is added to the text of the page that shows the image, and a QR code's web link becomes a link
of that page, so the usual checks (content detection, channel leading, linked pages scanned as children)
judge them as if the developer had written them; a QR code that is not a web link (``weixin://...``, a
handle) joins the page's text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linkscan.images.load import short_source
from linkscan.miniprogram.links import QR_CODE_LINK_TEXT
from linkscan.miniprogram.model import MAX_LINKS_PER_PAGE, MAX_TEXT, MiniProgramMetadata, PageLink, is_http_url

if TYPE_CHECKING:
    from linkscan.render.models import RenderReport


def image_urls(meta: MiniProgramMetadata) -> list[str]:
    """Every page image, in page order, each once."""
    return list(dict.fromkeys(url for page in meta.pages for url in page.images))


def with_image_findings(meta: MiniProgramMetadata, report: RenderReport) -> MiniProgramMetadata:
    """A copy of ``meta`` whose pages carry what was read in their images."""
    by_source = {str(image.get("source")): image for image in report.images}
    pages = []
    for page in meta.pages:
        texts: list[str] = []
        links = list(page.links)
        for url in page.images:
            image = by_source.get(short_source(url))
            if image is None:
                continue
            if image.get("text"):
                texts.append(str(image["text"]))
            for code in image.get("qr") or []:
                text = str(code.get("text", ""))
                if is_http_url(text) and len(links) < MAX_LINKS_PER_PAGE:
                    links.append(PageLink(url=text, text=QR_CODE_LINK_TEXT))
                elif code.get("kind") == "contact":
                    texts.append(f"QR code: {text}")
        if not texts and len(links) == len(page.links):
            pages.append(page)
            continue
        text = "\n".join([page.text, *texts]).strip()[:MAX_TEXT]
        pages.append(page.model_copy(update={"text": text, "links": links}))
    return meta.model_copy(update={"pages": pages})


def image_reasons(images: list[dict[str, Any]]) -> list[str]:
    """The verdict's reasons for what the page images held."""
    reasons = []
    for image in images:
        for code in image.get("qr") or []:
            if code.get("kind") in ("contact", "app_download", "external_link"):
                reasons.append(f"QR code in a page image leads off-platform ({code['kind']}): {code['text'][:200]}")
        if image.get("text"):
            reasons.append(f"text read in page image {image.get('source')}")
    return reasons
