"""Responses are classified (text, app installer) and client-side redirects are found."""

from __future__ import annotations

import pytest

from linkscan.fetch.content import app_package, client_redirect, parse_content_type, sniff_media


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<meta http-equiv="refresh" content="0; url=https://next.example/a">',
            ("meta_refresh", "https://next.example/a"),
        ),
        ("<META HTTP-EQUIV=Refresh CONTENT=\"3;URL='/landing'\">", ("meta_refresh", "/landing")),
        ('<meta content="0;url=/x" http-equiv="refresh">', ("meta_refresh", "/x")),
        ('<script>window.location.href = "https://a.example/";</script>', ("javascript", "https://a.example/")),
        ("<script>location='/b'</script>", ("javascript", "/b")),
        ("<script>top.location = 'https://c.example'</script>", ("javascript", "https://c.example")),
        ('<script>location.replace("/d")</script>', ("javascript", "/d")),
        ("<script>window.location.assign('/e')</script>", ("javascript", "/e")),
        ('<script type="text/javascript">document.location.href="/f";</script>', ("javascript", "/f")),
    ],
)
def test_client_side_redirects_are_found(html: str, expected: tuple[str, str]) -> None:
    assert client_redirect(f"<html><head>{html}</head><body>x</body></html>") == expected


@pytest.mark.parametrize(
    "html",
    [
        '<meta http-equiv="refresh" content="30">',  # a reload, not a redirect
        '<script>if (location.href == "/x") { go(); }</script>',  # comparison, not assignment
        "<p>location = '/not-in-a-script'</p>",
        "<script>location.href = base + path;</script>",  # not a literal: nothing is executed
    ],
)
def test_things_that_are_not_redirects(html: str) -> None:
    assert client_redirect(html) is None


@pytest.mark.parametrize(
    ("media", "url", "disposition", "expected"),
    [
        ("application/vnd.android.package-archive", "https://x.example/dl", None, "apk"),
        ("application/octet-stream", "https://x.example/app/loan.apk", None, "apk"),
        ("application/octet-stream", "https://x.example/dl?id=3", 'attachment; filename="daikuan.ipa"', "ipa"),
        ("application/octet-stream", "https://x.example/dl", "attachment; filename*=UTF-8''%E8%B4%B7.apk", "apk"),
        (None, "https://x.example/get/app.IPA", None, "ipa"),
        ("application/x-itunes-ipa", "https://x.example/dl", None, "ipa"),
        ("text/html", "https://x.example/page.apk", None, None),
        ("application/octet-stream", "https://x.example/file.bin", None, None),
    ],
)
def test_app_packages_are_recognized(
    media: str | None, url: str, disposition: str | None, expected: str | None
) -> None:
    assert app_package(media, url, disposition) == expected


def test_content_type_parameters_are_parsed() -> None:
    assert parse_content_type('Text/HTML; Charset="GBK"') == ("text/html", "GBK")
    assert parse_content_type(None) == (None, None)


@pytest.mark.parametrize(
    ("body", "media"),
    [
        (b"  <!DOCTYPE html><html>", "text/html"),
        (b"<html><body>", "text/html"),
        (b"PK\x03\x04rest", "application/zip"),
        (b"\x00\x01\x02binary", "application/octet-stream"),
        (b"just some words", "text/plain"),
    ],
)
def test_media_type_is_sniffed_when_undeclared(body: bytes, media: str) -> None:
    assert sniff_media(body) == media


_SCAN = 64 * 1024
_REAL_REFRESH = '<meta http-equiv="refresh" content="0; url=/real">'


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    "text",
    [
        # unclosed tags repeated: the old tag regex was cubic on these (~70 s of CPU)
        "<meta http-equiv=refresh" * (_SCAN // 24),
        # one refresh whose delay is 64 KB of spaces: the old \s*[\d.]*\s* backtracked quadratically
        '<meta http-equiv=refresh content="' + " " * (_SCAN - 100) + 'x">',
    ],
    ids=["unclosed-meta", "spaces-in-content"],
)
def test_a_pathological_64kb_head_is_scanned_in_linear_time(text: str) -> None:
    # The timeout marker is the bound; the result must still be right: no redirect in there.
    assert client_redirect(text) is None


@pytest.mark.timeout(10)
def test_a_refresh_after_64kb_of_unclosed_meta_tags_is_still_found() -> None:
    junk = "<meta http-equiv=refresh" * ((_SCAN - 100) // 24)

    assert client_redirect(junk + _REAL_REFRESH) == ("meta_refresh", "/real")
