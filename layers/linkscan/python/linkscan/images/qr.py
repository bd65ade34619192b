"""QR codes in an image (zxing-cpp), and what each one leads to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from PIL.Image import Image

# What a QR code's text leads to, for the reasons and the signals (see classify_payload).
QrKind = str  # "contact", "app_download", "external_link", "link", "text"


@dataclass(frozen=True)
class QrCode:
    text: str
    kind: QrKind
    network: str | None = None  # the chat network of a contact ("wechat", "qq"...)

    @property
    def leads_offplatform(self) -> bool:
        """A personal contact, an app package or another site: the code moves the visitor off the page."""
        return self.kind in ("contact", "app_download", "external_link")

    @property
    def url(self) -> str | None:
        return self.text if self.text.lower().startswith(("http://", "https://")) else None


def decode_qr(image: Image) -> list[str]:
    """The text of every QR (and Micro QR) code zxing-cpp finds in the image."""
    import zxingcpp

    formats = zxingcpp.BarcodeFormats([zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.MicroQRCode])
    return [code.text for code in zxingcpp.read_barcodes(image, formats=formats) if code.text]


def classify_payload(text: str, page_url: str | None) -> QrCode:
    """Personal contact (a chat network's host or scheme, or a handle), app package, a link to another
    site, a link to the page's own site, or plain text."""
    from linkscan.analyze import analyze_text
    from linkscan.analyze.vocabulary import vocabulary

    text = text.strip()[:2000]
    vocab = vocabulary()
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    if scheme in vocab.offplatform_schemes:
        return QrCode(text, "contact", vocab.offplatform_schemes[scheme])
    features = analyze_text(text)
    if features.offplatform_links:
        host = (urlsplit(features.offplatform_links[0].url).hostname or "").lower()
        return QrCode(text, "contact", vocab.offplatform_hosts.get(host))
    if features.downloads or scheme in vocab.download_schemes:
        return QrCode(text, "app_download")
    if features.contacts:
        return QrCode(text, "contact", features.contacts[0].kind)
    if scheme in ("http", "https"):
        host = (urlsplit(text).hostname or "").lower()
        page_host = (urlsplit(page_url).hostname or "").lower() if page_url else ""
        return QrCode(text, "link" if host and host == page_host else "external_link")
    return QrCode(text, "text")
