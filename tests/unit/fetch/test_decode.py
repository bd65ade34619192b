"""Bodies are decompressed with a hard output cap and decoded with the right charset."""

from __future__ import annotations

import codecs
import tracemalloc
import zlib
from collections.abc import Callable

import brotli
import pytest

from linkscan.fetch.decode import BodyDecoder, UnsupportedEncoding, decode_body

from .bombs import BOMB_DECODED_BYTES, brotli_bomb, gzip_bomb, gzip_of

CAP = 1024 * 1024


def feed_in_chunks(decoder: BodyDecoder, wire: bytes, size: int = 16 * 1024) -> None:
    for start in range(0, len(wire), size):
        decoder.feed(wire[start : start + size])
        if decoder.capped:
            return


@pytest.mark.parametrize(("encoding", "bomb"), [("gzip", gzip_bomb), ("br", brotli_bomb)])
def test_compression_bombs_stop_at_the_cap_without_inflating_in_memory(
    encoding: str, bomb: Callable[[], bytes]
) -> None:
    wire = bomb()
    decoder = BodyDecoder(encoding, CAP)
    tracemalloc.start()
    try:
        feed_in_chunks(decoder, wire)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert decoder.capped
    assert len(decoder.output) == CAP
    # The bomb holds 64 MB; decoding may hold the cap a few times over, never the bomb.
    assert peak < 4 * CAP < BOMB_DECODED_BYTES


def test_stacked_encodings_are_undone_in_reverse_order() -> None:
    page = "<html>双重压缩</html>".encode()
    wire = brotli.compress(gzip_of(page))  # gzip first, then br: header says "gzip, br"
    decoder = BodyDecoder("gzip, br", CAP)
    decoder.feed(wire)
    assert bytes(decoder.output) == page


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib-wrapped", "raw"])
def test_deflate_is_accepted_in_both_forms_servers_send(wbits: int) -> None:
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    wire = compressor.compress(b"hello deflate " * 100) + compressor.flush()
    decoder = BodyDecoder("deflate", CAP)
    feed_in_chunks(decoder, wire, size=7)
    assert bytes(decoder.output) == b"hello deflate " * 100


def test_identity_body_is_capped_too() -> None:
    decoder = BodyDecoder(None, 10)
    decoder.feed(b"0123456789abcdef")
    assert decoder.capped and bytes(decoder.output) == b"0123456789"


def test_unknown_encoding_is_reported() -> None:
    with pytest.raises(UnsupportedEncoding):
        BodyDecoder("zstd", CAP)


# -- charsets -------------------------------------------------------------------------------------

LOAN_PAGE = (
    "<html><head><title>极速借款 无视征信</title></head><body><p>只需身份证即可申请，最快五分钟到账，"
    "额度最高二十万元。添加客服微信领取专属额度，新用户首借免息。</p></body></html>"
)
LOAN_PAGE_TRADITIONAL = (
    "<html><head><title>極速借款 無視徵信</title></head><body><p>只需身份證即可申請，最快五分鐘到帳，"
    "額度最高二十萬元。添加客服微信領取專屬額度，新用戶首借免息。</p></body></html>"
)


@pytest.mark.parametrize(
    ("page", "encoding"),
    [
        (LOAN_PAGE, "gbk"),
        (LOAN_PAGE, "gb18030"),
        (LOAN_PAGE, "gb2312"),
        (LOAN_PAGE_TRADITIONAL, "big5"),
        (LOAN_PAGE, "utf-16-le"),
        (LOAN_PAGE, "utf-16-be"),
        (LOAN_PAGE, "utf-8"),
    ],
)
def test_undeclared_charsets_are_detected(page: str, encoding: str) -> None:
    text, _ = decode_body(page.encode(encoding), None, html=True)
    assert text == page


def test_gb_family_decodes_as_gb18030_so_rare_characters_survive() -> None:
    page = LOAN_PAGE.replace("极速", "𠀀极速")  # a CJK Extension B character, GB18030 only
    text, charset = decode_body(page.encode("gb18030"), "gb2312", html=True)
    assert charset == "gb18030"
    assert text == page


def test_header_charset_is_used() -> None:
    text, charset = decode_body(LOAN_PAGE.encode("big5", "ignore"), "big5", html=True)
    assert charset == "big5hkscs"
    assert "身份" in text


def test_meta_charset_is_used_when_the_header_has_none() -> None:
    page = '<html><head><meta charset="gbk"></head><body>借款</body></html>'
    text, charset = decode_body(page.encode("gbk"), None, html=True)
    assert (text, charset) == (page, "gb18030")


def test_http_equiv_charset_is_used() -> None:
    page = '<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>貸款</p>'
    text, _ = decode_body(page.encode("big5"), None, html=True)
    assert text == page


def test_bom_wins_and_is_stripped() -> None:
    body = codecs.BOM_UTF16_LE + "<p>借款</p>".encode("utf-16-le")
    text, charset = decode_body(body, "iso-8859-1", html=True)
    assert (text, charset) == ("<p>借款</p>", "utf-16-le")


def test_a_wrong_declared_charset_is_not_trusted() -> None:
    text, charset = decode_body(LOAN_PAGE.encode("gbk"), "utf-8", html=True)
    assert charset == "gb18030"
    assert text == LOAN_PAGE


def test_a_body_cut_mid_character_still_decodes_with_its_charset() -> None:
    body = LOAN_PAGE.encode("utf-8")[:-20]
    body = body[: body.rfind("额".encode()) + 1]  # ends one byte into a three-byte character
    _, charset = decode_body(body, "utf-8", html=True)
    assert charset == "utf-8"
