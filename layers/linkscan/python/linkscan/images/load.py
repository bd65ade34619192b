"""Get one image's bytes safely: the fetcher (same destination, size and type rules) or a data: URL.

An image is accepted only when its first bytes are a raster format Pillow reads here, and its
declared dimensions are checked *before* any pixel is decoded, so a small file that would expand to
gigabytes (a decompression bomb) is refused at the header.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote_to_bytes

from linkscan.settings import FetchSettings, RenderSettings

if TYPE_CHECKING:
    from PIL.Image import Image

# Magic numbers of the formats inspected; anything else (SVG, icons, video) is not an image here.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
)


class ImageRefused(Exception):
    """This image is not inspected; the message says why (it is recorded with the image)."""


@dataclass(frozen=True)
class ImageBytes:
    source: str  # the URL as the page gave it (data: URLs shortened)
    data: bytes
    media_type: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def media_type_of(data: bytes) -> str | None:
    for signature, media in _SIGNATURES:
        if data.startswith(signature):
            return media
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def short_source(url: str) -> str:
    return f"{url[:40]}… ({len(url)} characters)" if url.startswith("data:") else url[:500]


def load_image(url: str, fetch_settings: FetchSettings, settings: RenderSettings, *, deadline: float) -> ImageBytes:
    """The image's bytes, at most ``settings.max_image_bytes``; ImageRefused otherwise."""
    if url.startswith("data:"):
        data = _data_url(url, settings.max_image_bytes)
    else:
        from linkscan.fetch import fetch

        bounded = dataclasses.replace(
            fetch_settings, max_bytes=settings.max_image_bytes, deadline=min(fetch_settings.deadline, deadline)
        )
        result = fetch(url, bounded, binary_bytes=settings.max_image_bytes)
        if result.outcome not in ("ok", "unsupported_content"):
            raise ImageRefused(f"{result.outcome}: {result.detail or ''}".rstrip(": "))
        if result.truncated:
            raise ImageRefused(f"larger than {settings.max_image_bytes} bytes")
        data = result.body
    media = media_type_of(data)
    if media is None:
        raise ImageRefused("not a PNG, JPEG, GIF, WebP or BMP image")
    return ImageBytes(short_source(url), data, media)


def _data_url(url: str, max_bytes: int) -> bytes:
    header, sep, payload = url[5:].partition(",")
    if not sep:
        raise ImageRefused("malformed data: URL")
    # base64 is 4 characters for 3 bytes: refuse before decoding anything larger than the cap.
    if len(payload) > max_bytes * 4 // 3 + 4 + (max_bytes if not header.endswith(";base64") else 0):
        raise ImageRefused(f"larger than {max_bytes} bytes")
    try:
        data = base64.b64decode(payload, validate=False) if header.endswith(";base64") else unquote_to_bytes(payload)
    except (binascii.Error, ValueError) as exc:
        raise ImageRefused(f"malformed data: URL: {exc}") from exc
    if len(data) > max_bytes:
        raise ImageRefused(f"larger than {max_bytes} bytes")
    return data


def decode_image(image: ImageBytes, max_pixels: int) -> Image:
    """Pixels of the first frame in RGB, after refusing a decompression bomb from its header alone."""
    import io
    import warnings

    from PIL import Image as PilImage

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PilImage.DecompressionBombWarning)
            opened = PilImage.open(io.BytesIO(image.data))  # reads the header only
            width, height = opened.size
            if width * height > max_pixels:
                raise ImageRefused(f"decompression bomb: {width}x{height} pixels declared (limit {max_pixels})")
            opened.draft("RGB", (width, height))
            return opened.convert("RGB")  # decodes the first frame only
    except ImageRefused:
        raise
    except (
        OSError,
        ValueError,
        SyntaxError,
        PilImage.DecompressionBombError,
        PilImage.DecompressionBombWarning,
    ) as exc:
        raise ImageRefused(f"cannot decode: {exc}") from exc
