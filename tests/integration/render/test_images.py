"""Text in images and QR codes: the evidence they leave, and every bound of the image step."""

from __future__ import annotations

import base64
import struct
import zlib

import pytest

from devstack.pages import SamplePages
from linkscan.detect import Detector
from linkscan.images.inspect import inspect_images
from linkscan.images.load import ImageBytes, ImageRefused, decode_image
from linkscan.render import LocalRenderer
from linkscan.scanner import ScanResult, scan_url
from linkscan.settings import DetectionSettings, FetchSettings, RenderSettings

FETCH = FetchSettings(allow_loopback=True)


def _scan(url: str, **render: object) -> ScanResult:
    renderer = LocalRenderer(FETCH, RenderSettings(mode="local", **render))  # type: ignore[arg-type]
    return scan_url(
        url, target_id="t", detector=Detector.load(DetectionSettings()), fetch_settings=FETCH, renderer=renderer
    )


def _png_header(width: int, height: int) -> bytes:
    """A valid PNG signature and IHDR declaring these dimensions, and one tiny IDAT: a bomb's header."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def _data_url(data: bytes, media: str = "image/png") -> str:
    return f"data:{media};base64," + base64.b64encode(data).decode()


def test_an_offer_only_in_an_image_is_read_and_judged_as_image_text(pages: SamplePages) -> None:
    static = scan_url(
        pages.url("/image-loan.html"), target_id="t", detector=Detector.load(DetectionSettings()), fetch_settings=FETCH
    )
    scan = _scan(pages.url("/image-loan.html"))

    assert static.verdict.decision == "allow"
    assert scan.verdict.decision == "block" and scan.verdict.categories[0].category == "cash_loan"
    image = scan.verdict.extra["render"]["images"][0]
    assert "放款" in image["text"] and image["size"] == [640, 240]
    evidence = {key: body for key, body, _ in scan.evidence}
    assert evidence[image["evidence_key"]] == _sample("loan-offer.png")
    assert "image_text" in {item.field for item in scan.verdict.categories[0].evidence}


def _sample(name: str) -> bytes:
    from devstack.pages import SAMPLES

    return (SAMPLES / "img" / name).read_bytes()


def test_a_qr_code_to_a_personal_contact_counts_as_leading_off_platform(pages: SamplePages) -> None:
    scan = _scan(pages.url("/qr-contact.html"))

    qr = scan.verdict.extra["render"]["qr"]
    assert qr == [
        {
            "text": "https://u.wechat.com/kSamplePersonalContact01",
            "kind": "contact",
            "network": "wechat",
            "image": qr[0]["image"],
        }
    ]
    assert qr[0]["image"] in {key for key, _, _ in scan.evidence}
    assert any(reason.startswith("QR code leads off-platform (contact, wechat)") for reason in scan.verdict.reasons)


def test_the_qr_code_is_what_makes_the_sample_page_a_block(pages: SamplePages) -> None:
    without = scan_url(
        pages.url("/qr-contact.html"), target_id="t", detector=Detector.load(DetectionSettings()), fetch_settings=FETCH
    )
    with_qr = _scan(pages.url("/qr-contact.html"))
    assert without.verdict.decision == "review"
    assert with_qr.verdict.decision == "block" and with_qr.verdict.score > without.verdict.score


def test_a_qr_code_to_another_site_is_handed_on_to_be_scanned() -> None:
    import io

    import segno

    out = io.BytesIO()
    segno.make("https://loan.example.cn/apply?from=qr").save(out, kind="png", scale=5)
    report = inspect_images([_data_url(out.getvalue())], "https://shop.example.com/", FETCH, RenderSettings())
    assert [(code.kind, code.url) for code in report.qr_codes] == [
        ("external_link", "https://loan.example.cn/apply?from=qr")
    ]


def test_a_decompression_bomb_is_refused_from_its_header() -> None:
    bomb = ImageBytes("bomb", _png_header(50_000, 50_000), "image/png")
    with pytest.raises(ImageRefused, match="decompression bomb"):
        decode_image(bomb, max_pixels=16_000_000)


def test_the_pixel_limit_is_the_settings_not_pillows() -> None:
    # 5,000 x 5,000 is under Pillow's own limit; the image step's is lower.
    bomb = ImageBytes("bomb", _png_header(5_000, 5_000), "image/png")
    with pytest.raises(ImageRefused, match="decompression bomb: 5000x5000 pixels declared"):
        decode_image(bomb, max_pixels=16_000_000)


def test_a_bomb_among_a_pages_images_is_skipped_and_the_others_inspected() -> None:
    report = inspect_images(
        [_data_url(_png_header(40_000, 40_000)), _data_url(_sample("qr-contact.png"))], None, FETCH, RenderSettings()
    )
    assert report.findings[0].skipped is not None and "decompression bomb" in report.findings[0].skipped
    assert [code.kind for code in report.qr_codes] == ["contact"]


def test_an_image_over_the_byte_cap_is_refused(pages: SamplePages) -> None:
    report = inspect_images([pages.url("/img/loan-offer.png")], None, FETCH, RenderSettings(max_image_bytes=10_000))
    assert report.findings[0].skipped == "larger than 10000 bytes"
    assert report.image_text == ""


def test_a_data_url_over_the_byte_cap_is_refused_before_decoding() -> None:
    report = inspect_images([_data_url(b"\x89PNG" + b"\0" * 50_000)], None, FETCH, RenderSettings(max_image_bytes=1000))
    assert report.findings[0].skipped == "larger than 1000 bytes"


def test_something_that_is_not_a_raster_image_is_not_decoded(pages: SamplePages) -> None:
    report = inspect_images(
        [pages.url("/loan.html"), _data_url(b"<svg/>", "image/svg+xml")], None, FETCH, RenderSettings()
    )
    assert [finding.skipped for finding in report.findings] == ["not a PNG, JPEG, GIF, WebP or BMP image"] * 2


def test_images_at_internal_addresses_are_refused_like_any_fetch() -> None:
    report = inspect_images(
        ["http://169.254.169.254/latest/x.png", "http://10.0.0.1/a.png"], None, FETCH, RenderSettings()
    )
    assert all((finding.skipped or "").startswith("blocked_destination") for finding in report.findings)


def test_ocr_stops_at_its_budget() -> None:
    report = inspect_images([_data_url(_sample("loan-offer.png"))], None, FETCH, RenderSettings(ocr_budget_seconds=0))
    assert report.image_text == "" and report.limits == ["ocr_budget"]
    assert report.findings[0].skipped == "OCR budget spent"


def test_qr_decoding_stops_at_its_budget() -> None:
    report = inspect_images([_data_url(_sample("qr-contact.png"))], None, FETCH, RenderSettings(qr_budget_seconds=0))
    assert report.qr_codes == [] and "qr_budget" in report.limits


def test_at_most_max_images_are_inspected() -> None:
    sources = [_data_url(_sample("qr-contact.png")) + "#" + str(n) for n in range(3)]
    report = inspect_images(sources, None, FETCH, RenderSettings(max_images=2))
    assert len(report.findings) == 2 and "max_images" in report.limits


def test_small_images_are_decoded_for_qr_codes_but_not_read_by_ocr() -> None:
    report = inspect_images([_data_url(_sample("qr-contact.png"))], None, FETCH, RenderSettings(ocr_min_pixels=10**6))
    assert report.ocr_ms == [] and len(report.qr_codes) == 1
