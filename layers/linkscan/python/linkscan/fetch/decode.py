"""Bounded content-encoding decoding and charset detection.

Decompression is done here, incrementally, with an output limit on every step, so a gzip or brotli
bomb never produces more than ``max_bytes`` in memory. Charset order follows the HTML standard: BOM,
then the Content-Type header, then <meta>, then detection.
"""

from __future__ import annotations

import codecs
import re
import zlib
from typing import Protocol


class CorruptEncoding(ValueError):
    """The compressed stream is damaged; what was decoded before the damage is kept."""


class _Step(Protocol):
    def feed(self, data: bytes, limit: int) -> bytes: ...


class _Zlib:
    """gzip or deflate. Servers send "deflate" as zlib-wrapped or raw; the first bytes tell which."""

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._obj: zlib._Decompress | None = None
        self._head = b""

    def feed(self, data: bytes, limit: int) -> bytes:
        if self._obj is None:
            self._head += data
            if len(self._head) < 2:
                return b""
            data, self._head = self._head, b""
            self._obj = zlib.decompressobj(self._wbits(data))
        try:
            return self._obj.decompress(data, limit)
        except zlib.error as exc:
            raise CorruptEncoding(f"corrupt {self._encoding} stream: {exc}") from exc

    def _wbits(self, head: bytes) -> int:
        if self._encoding in ("gzip", "x-gzip"):
            return 16 + zlib.MAX_WBITS
        zlib_wrapped = (head[0] & 0x0F) == 8 and int.from_bytes(head[:2], "big") % 31 == 0
        return zlib.MAX_WBITS if zlib_wrapped else -zlib.MAX_WBITS


class _Brotli:
    def __init__(self) -> None:
        import brotli

        self._obj = brotli.Decompressor()

    def feed(self, data: bytes, limit: int) -> bytes:
        try:
            # output_buffer_limit (brotli >= 1.2) is what makes a brotli bomb harmless.
            out: bytes = self._obj.process(data, output_buffer_limit=limit)
        except Exception as exc:  # brotli raises its own brotli.error
            raise CorruptEncoding(f"corrupt br stream: {exc}") from exc
        return out


SUPPORTED_ENCODINGS = ("gzip", "x-gzip", "deflate", "br")


class UnsupportedEncoding(ValueError):
    pass


class BodyDecoder:
    """Undo Content-Encoding (possibly stacked, e.g. "gzip, br") with a hard cap on output."""

    def __init__(self, content_encoding: str | None, max_bytes: int) -> None:
        names = [e.strip().lower() for e in (content_encoding or "").split(",") if e.strip()]
        names = [n for n in names if n != "identity"]
        for name in names:
            if name not in SUPPORTED_ENCODINGS:
                raise UnsupportedEncoding(f"content-encoding {name!r} is not supported")
        # Encodings are listed in the order applied, so they are undone last-first.
        self._steps: list[_Step] = [_Brotli() if n == "br" else _Zlib(n) for n in reversed(names)]
        self._max = max_bytes
        self.output = bytearray()
        self.capped = False

    @property
    def encoded(self) -> bool:
        return bool(self._steps)

    def cap_at(self, max_bytes: int) -> None:
        """Lower the cap (a body found to be binary is only sniffed); output past it is dropped."""
        if max_bytes < self._max:
            self._max = max_bytes
            if len(self.output) >= max_bytes:
                del self.output[max_bytes:]
                self.capped = True

    def feed(self, data: bytes) -> None:
        """Decode one wire chunk; set ``capped`` once the decoded body reaches ``max_bytes``."""
        for step in self._steps:
            if not data:
                return
            data = step.feed(data, self._max)
            if len(data) >= self._max:
                self.capped = True
        room = self._max - len(self.output)
        if len(data) >= room:
            self.capped = True
        self.output += data[:room]


# --- charsets ---------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Decode each family with its superset: pages labelled gb2312/gbk routinely use GB18030-only
# characters, big5 pages use HKSCS ones, and the superset decodes the subset identically.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "hz": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "ascii": "utf-8",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_PRESCAN_BYTES = 4096
_DETECT_BYTES = 64 * 1024


def normalize_charset(label: str | None) -> str | None:
    """A Python codec name for a charset label, upgraded to its superset; None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def bom_charset(body: bytes) -> str | None:
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    return None


def meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:_PRESCAN_BYTES])
    if not match:
        return None
    name = normalize_charset(match.group(1).decode("ascii", "replace"))
    # A page that says utf-16 in its own ASCII-compatible bytes cannot be utf-16 (HTML standard).
    return "utf-8" if name and name.startswith("utf-16") else name


def detect_charset(body: bytes) -> str:
    """Guess an undeclared charset: UTF-8 if it is valid, UTF-16 by its zero bytes, else detection."""
    utf16 = _utf16_by_zero_bytes(body[:_DETECT_BYTES])  # first: UTF-16 ASCII is also valid UTF-8
    if utf16:
        return utf16
    if _is_utf8(body):
        return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(_cut_to_lines(body[:_DETECT_BYTES])).best()
    if best is None:
        return "gb18030" if _decodes(body, "gb18030") else "cp1252"
    return normalize_charset(best.encoding) or "utf-8"


def decode_body(body: bytes, header_charset: str | None, *, html: bool) -> tuple[str, str]:
    """Text and the charset used. A declared charset that the bytes contradict is not trusted."""
    declared = normalize_charset(header_charset)
    # Many servers label everything ISO-8859-1 by default; that label says nothing about the page.
    candidates = [bom_charset(body), None if declared == "cp1252" else declared]
    if html:
        candidates.append(meta_charset(body))
    for charset in candidates:
        if charset and _decodes(body, charset):
            return _decode(body, charset), charset
    charset = detect_charset(body)
    return _decode(body, charset), charset


def _decode(body: bytes, charset: str) -> str:
    for bom, name in _BOMS:
        if charset == name and body.startswith(bom):
            body = body[len(bom) :]
            break
    return body.decode(charset, errors="replace")


def _decodes(body: bytes, charset: str) -> bool:
    """Strict decode; the last few bytes may be a character cut by truncation, so they are spared."""
    try:
        decoder = codecs.getincrementaldecoder(charset)(errors="strict")
        decoder.decode(body, final=False)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _is_utf8(body: bytes) -> bool:
    return _decodes(body, "utf-8")


def _utf16_by_zero_bytes(sample: bytes) -> str | None:
    """UTF-16 text of mostly ASCII markup has a zero byte in every other position."""
    if len(sample) < 8:
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) / 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _cut_to_lines(sample: bytes) -> bytes:
    """Cut a sample at its last newline so detection never sees a half multibyte character."""
    cut = sample.rfind(b"\n")
    return sample[:cut] if cut > len(sample) // 2 else sample
