"""Rendered scanning: a script-shell page is judged as the browser shows it, with its evidence; pages
that need no rendering start no browser."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from devstack.pages import SamplePages
from linkscan.detect import Detector
from linkscan.render import LocalRenderer
from linkscan.scanner import ScanResult, scan_url
from linkscan.settings import DetectionSettings, FetchSettings, RenderSettings

pytestmark = pytest.mark.browser

FETCH = FetchSettings(allow_loopback=True)


def _scan(url: str, chromium: str | None, **render: object) -> ScanResult:
    renderer = None
    if chromium is not None:
        renderer = LocalRenderer(FETCH, RenderSettings(mode="local", chromium_path=chromium, **render))  # type: ignore[arg-type]
    return scan_url(
        url, target_id="t", detector=Detector.load(DetectionSettings()), fetch_settings=FETCH, renderer=renderer
    )


def test_an_offer_that_appears_only_after_javascript_is_detected_when_rendered(
    pages: SamplePages, chromium: str
) -> None:
    static = _scan(pages.url("/spa-loan.html"), None)
    rendered = _scan(pages.url("/spa-loan.html"), chromium)

    assert static.verdict.decision == "allow"
    assert rendered.verdict.decision == "block"
    assert rendered.verdict.categories[0].category == "cash_loan"
    render = rendered.verdict.extra["render"]
    assert render["rendered"] is True and render["final_url"] == pages.url("/spa-loan.html")
    assert any(reason.startswith("rendered in a browser (script shell") for reason in rendered.verdict.reasons)


def test_the_rendered_page_leaves_a_screenshot_its_dom_and_its_requests_as_evidence(
    pages: SamplePages, chromium: str
) -> None:
    scan = _scan(pages.url("/spa-loan.html"), chromium)
    render = scan.verdict.extra["render"]
    objects = {key: (body, kind) for key, body, kind in scan.evidence}

    screenshot, kind = objects[render["screenshot_key"]]
    assert kind == "image/png" and screenshot.startswith(b"\x89PNG")
    assert render["dom_key"] in objects
    assert [hop["url"] for hop in render["hops"]] == [pages.url("/spa-loan.html")]
    assert {"url": pages.url("/spa-loan.html"), "method": "GET", "type": "Document"} in render["requests"]


def test_a_page_with_enough_text_is_not_rendered(pages: SamplePages, chromium: str) -> None:
    scan = _scan(pages.url("/loan.html"), chromium)
    assert "render" not in scan.verdict.extra
    assert not any(key.endswith("screenshot.png") for key, _, _ in scan.evidence)


def test_a_scan_that_needs_no_rendering_imports_no_browser_or_image_code(pages: SamplePages) -> None:
    """Measured in a fresh interpreter: the render step's heavy modules stay unloaded."""
    code = f"""
import json, sys
from linkscan.detect import Detector
from linkscan.render import LocalRenderer
from linkscan.scanner import scan_url
from linkscan.settings import DetectionSettings, FetchSettings, RenderSettings
fetch = FetchSettings(allow_loopback=True)
scan_url({pages.url("/clean.html")!r}, target_id="t", detector=Detector.load(DetectionSettings()),
         fetch_settings=fetch, renderer=LocalRenderer(fetch, RenderSettings(mode="local")))
heavy = ["linkscan.render.browser", "linkscan.images.inspect", "PIL", "zxingcpp", "rapidocr", "numpy", "onnxruntime"]
print(json.dumps([name for name in heavy if name in sys.modules]))
"""
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(loaded.stdout.strip().splitlines()[-1]) == []


def test_a_render_past_its_deadline_is_cut_and_says_so(pages: SamplePages, chromium: str) -> None:
    # A page whose script keeps the network busy: it never settles, so the deadline ends the wait.
    busy = b"""<html><body><div id=app></div><script>
    setInterval(function () { fetch('/spa-loan.html?' + Math.random()); }, 50);
    document.getElementById('app').textContent = 'loading';
    </script></body></html>"""
    url = pages.serve("/busy.html", busy, "text/html; charset=utf-8")
    scan = _scan(url, chromium, deadline=3.0)
    render = scan.verdict.extra["render"]
    assert "time" in render["limits"]
    assert render["elapsed_ms"] < 3000 + 2500  # the deadline, plus the browser's shutdown and the image step
    assert any("stopped at a bound: time" in reason for reason in scan.verdict.reasons)


def test_a_browser_over_its_memory_budget_is_killed_and_the_html_verdict_stands(
    pages: SamplePages, chromium: str
) -> None:
    scan = _scan(pages.url("/spa-loan.html"), chromium, max_memory_mb=1)
    render = scan.verdict.extra["render"]
    assert "memory" in render["limits"] and render["rendered"] is False
    assert scan.verdict.judged and scan.verdict.decision == "allow"  # judged on the HTML alone
