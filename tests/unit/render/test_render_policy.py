"""When a scan renders or inspects images (render/policy.yaml), and what a QR code's text leads to."""

from __future__ import annotations

import pytest

from linkscan.images.qr import classify_payload
from linkscan.render.policy import load_render_policy
from linkscan.render.proxy import _url_for
from linkscan.settings import ConfigurationError, RenderSettings

SHELL = '<html><body><div id="app"></div><script src="/app.js"></script></body></html>'


def _decide(html: str, text: str, band: str = "clean", images: int = 0, host: str = "a.example"):  # type: ignore[no-untyped-def]
    return load_render_policy().decide(html=html, visible_text=text, band=band, host=host, image_count=images)


def test_a_script_shell_is_rendered() -> None:
    needs = _decide(SHELL, "")
    assert needs.browser and needs.reasons[0].startswith("script shell")


def test_a_page_with_text_is_not_rendered_and_costs_nothing() -> None:
    needs = _decide(SHELL, "正文" * 300)
    assert not needs and not needs.browser and not needs.images


def test_a_short_page_without_scripts_is_not_rendered_but_its_images_are_inspected() -> None:
    needs = _decide("<html><body><img src=a.png></body></html>", "长按图片", images=1)
    assert not needs.browser and needs.images


def test_a_suspicious_page_with_text_gets_its_images_inspected() -> None:
    assert _decide("<p>x</p>", "正文" * 300, band="likely", images=2).images
    assert not _decide("<p>x</p>", "正文" * 300, band="likely", images=0)


@pytest.mark.parametrize(
    ("payload", "kind", "network"),
    [
        ("https://u.wechat.com/kAbc", "contact", "wechat"),
        ("weixin://dl/chat?abc", "contact", "wechat"),
        ("https://qm.qq.com/q/abc", "contact", "qq"),
        ("加微信 wxid_abc123", "contact", "wechat"),
        ("http://dl.example.cn/loan.apk", "app_download", None),
        ("https://loan.example.cn/apply", "external_link", None),
        ("https://shop.example.com/about", "link", None),
        ("hello", "text", None),
    ],
)
def test_what_a_qr_code_leads_to(payload: str, kind: str, network: str | None) -> None:
    code = classify_payload(payload, "https://shop.example.com/")
    assert (code.kind, code.network) == (kind, network)
    assert code.leads_offplatform == (kind in ("contact", "app_download", "external_link"))


def test_the_proxy_checks_connect_targets_and_absolute_http_urls_only() -> None:
    assert _url_for("CONNECT", "example.com:443") == "https://example.com:443/"
    assert _url_for("CONNECT", "example.com:80") == "http://example.com:80/"
    assert _url_for("GET", "http://example.com/a") == "http://example.com/a"
    assert _url_for("GET", "/relative") is None
    assert _url_for("CONNECT", "no-port") is None


def test_render_settings_come_from_the_environment() -> None:
    settings = RenderSettings.from_env(
        {"LINKSCAN_RENDER": "lambda", "RENDER_FUNCTION_NAME": "fn", "LINKSCAN_OCR_BUDGET_SECONDS": "3"}
    )
    assert (settings.mode, settings.function_name, settings.ocr_budget_seconds) == ("lambda", "fn", 3.0)
    assert RenderSettings.from_env({}).mode == "off"
    with pytest.raises(ConfigurationError, match="LINKSCAN_RENDER"):
        RenderSettings.from_env({"LINKSCAN_RENDER": "always"})
