"""A mini-program's page images: what the render step read in them joins the page it is on."""

from __future__ import annotations

from linkscan.miniprogram import parse_metadata
from linkscan.miniprogram.images import image_reasons, image_urls, with_image_findings
from linkscan.render.models import RenderReport

APPID = "wx0123456789abcdef"
BANNER = "https://cdn.example.cn/banner.png"
QR = "https://cdn.example.cn/qr.png"


def _meta():  # type: ignore[no-untyped-def]
    return parse_metadata(
        APPID,
        {
            "appid": APPID,
            "name": "记账本",
            "principal": {"name": "某某科技有限公司", "type": "enterprise"},
            "pages": [
                {"path": "pages/index/index", "text": "每日记账", "images": [BANNER, QR]},
                {"path": "pages/about/about", "text": "关于", "images": [QR]},
            ],
        },
    )


def _report() -> RenderReport:
    return RenderReport(
        images=[
            {"source": BANNER, "text": "极速放款 当天到账", "qr": []},
            {"source": QR, "text": "", "qr": [{"text": "https://u.wechat.com/kAbc", "kind": "contact"}]},
        ]
    )


def test_the_images_of_every_page_are_read_once() -> None:
    assert image_urls(_meta()) == [BANNER, QR]


def test_ocr_text_joins_the_page_text_and_a_qr_link_becomes_a_page_link() -> None:
    seen = with_image_findings(_meta(), _report())
    first, second = seen.pages
    assert first.text == "每日记账\n极速放款 当天到账"
    assert [(link.url, link.text) for link in first.links] == [("https://u.wechat.com/kAbc", "QR code")]
    assert [link.url for link in second.links] == ["https://u.wechat.com/kAbc"] and second.text == "关于"


def test_a_qr_code_that_is_not_a_web_link_joins_the_text() -> None:
    report = RenderReport(
        images=[{"source": QR, "text": "", "qr": [{"text": "weixin://dl/chat?x", "kind": "contact"}]}]
    )
    page = with_image_findings(_meta(), report).pages[1]
    assert page.links == [] and "QR code: weixin://dl/chat?x" in page.text


def test_reasons_name_the_off_platform_qr_codes_and_the_read_images() -> None:
    reasons = image_reasons(_report().images)
    assert "QR code in a page image leads off-platform (contact): https://u.wechat.com/kAbc" in reasons
    assert f"text read in page image {BANNER}" in reasons
