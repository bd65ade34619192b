"""The published page in headless Chromium (Playwright driving the system's Chromium; no browser download).

The appeal routes are a stand-in on loopback implementing the page's contract (POST /v1/appeals, GET
/v1/appeals/{id}?token=); the lookup goes through the real lookup handler.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import boto3
import pytest

from linkscan.blocklist.model import Entry
from linkscan.blocklist.page import PageConfig
from linkscan.blocklist.publisher import Publisher
from linkscan.storage.blocklist import BlocklistStorage, BlocklistTable
from tests.integration.blocklist.conftest import BLOCKLIST_TABLE, BUCKET
from tests.integration.blocklist.server import Served, serve

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
# screenshots to look at: the committed ones in docs/img are refreshed with LINKSCAN_SCREENSHOTS=docs/img
IMAGES = Path(os.environ.get("LINKSCAN_SCREENSHOTS") or tempfile.mkdtemp(prefix="linkscan-page-"))
LISTED = "https://loan-06.example/"


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium must be installed in CI")
        pytest.skip("chromium not installed")
    return path


def entries() -> list[Entry]:
    """60 entries over three months and all three categories: more than two pages of 25."""
    kinds = [("cash_loan", "predatory_loan", "Cash loans: predatory loan"),
             ("counterfeit", "replica_goods", "Counterfeit goods: replica goods"),
             ("contraband", "drugs", "Contraband: drugs")]  # fmt: skip
    made = []
    for index in range(60):
        category, subcategory, reason = kinds[index % 3]
        name = {"cash_loan": "loan", "counterfeit": "replica", "contraband": "shop"}[category]
        day = f"2026-{10 + index % 3:02d}-{1 + index % 27:02d}T08:00:00Z"
        made.append(Entry(f"{name}-{index:02d}.example/", category, subcategory, "high", reason, day, day))
    return made


class AppealsStandIn:
    """The appeal routes' contract, in memory: filing, not_listed, validation and status by token."""

    def __init__(self, listed: set[str]) -> None:
        self.listed = listed
        self.filed: dict[str, dict[str, Any]] = {}

    def __call__(self, method: str, path: str, body: str | None) -> tuple[int, Any] | None:
        parts = urlsplit(path)
        if method == "POST" and parts.path == "/v1/appeals":
            request = json.loads(body or "{}")
            if len(request.get("reason", "")) < 10:
                problem = {"field": "reason", "problem": "at least 10 characters"}
                return 400, {"error": "invalid_request", "message": "reason: too short", "field": "reason",
                             "details": [problem]}  # fmt: skip
            if request["url"].split("://", 1)[-1] not in self.listed:
                return 404, {"error": "not_listed", "message": f"{request['url']} is not listed", "field": "url",
                             "details": []}  # fmt: skip
            appeal_id = f"ap-{len(self.filed) + 1}"
            self.filed[appeal_id] = {"token": f"tok-{appeal_id}-secret", "url": request["url"]}
            return 202, {"appeal_id": appeal_id, "status_token": self.filed[appeal_id]["token"],
                         "status_url": f"/v1/appeals/{appeal_id}?token=tok", "state": "open"}  # fmt: skip
        if method == "GET" and parts.path.startswith("/v1/appeals/"):
            appeal_id = parts.path.rsplit("/", 1)[1]
            token = dict(parse_qsl(parts.query)).get("token")
            appeal = self.filed.get(appeal_id)
            if appeal is None or appeal["token"] != token:
                return 404, {"error": "not_found", "message": "no such appeal", "field": None, "details": []}
            return 200, {"appeal_id": appeal_id, "url": appeal["url"], "state": "open",
                         "created_at": "2026-12-02T10:00:00Z"}  # fmt: skip
        return None


@pytest.fixture
def site(lookup: ModuleType, tmp_path: Path) -> Iterator[Served]:
    listed = entries()
    table = BlocklistTable(BLOCKLIST_TABLE)
    for entry in listed:
        table.put_entry(entry)
    Publisher(BlocklistStorage(BLOCKLIST_TABLE, BUCKET), PageConfig()).publish_snapshot(listed)
    s3 = boto3.client("s3")
    root = tmp_path / "site"
    for obj in s3.list_objects_v2(Bucket=BUCKET)["Contents"]:
        path = root / obj["Key"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(s3.get_object(Bucket=BUCKET, Key=obj["Key"])["Body"].read())
    with serve(root, lookup, AppealsStandIn({e.expression for e in listed})) as served:
        yield served


@pytest.fixture
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_page(browser: Any, served: Served, width: int, query: str = "") -> Any:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{served.base}/index.html?api={quote(served.base)}{query}")
    page.wait_for_selector("html[data-list-load-ms]")  # the list is streamed in and the table rebuilt
    return page


def test_page_names_categories_pages_and_searches_the_list(browser: Any, site: Served) -> None:
    page = open_page(browser, site, 1280)

    categories = page.inner_text("#categories")
    assert "非法网贷 · Illegal cash loans" in categories and "假冒商品 · Counterfeit goods" in categories
    assert "cash_loan" not in categories and "predatory_loan" not in page.inner_text("#entries-table")
    assert "(20 listed)" in page.inner_text('[data-count-category="contraband"]')
    assert page.locator("#chart svg rect.bar").count() == 3  # three months of additions
    assert page.locator("#entries-body tr.entry").count() == 25
    first_page = page.inner_text("#entries-body")
    assert "2026-12" in first_page  # newest first
    page.click("#page-next")
    assert page.inner_text("#page-info") == "Page 2 of 3"
    assert page.inner_text("#entries-body") != first_page
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(IMAGES / "page-desktop.png"))

    page.fill("#filter-text", "loan-06")
    page.wait_for_function("document.querySelectorAll('#entries-body tr.entry').length === 1")
    row = page.inner_text("#entries-body")
    assert "loan-06.example/" in row and "Illegal cash loans" in row and "2026-10-07" in row
    page.fill("#filter-text", "Counterfeit goods")  # a category's readable name finds its entries
    page.wait_for_function("document.getElementById('entries-status').textContent.startsWith('20 of 60')")


def test_check_a_link_through_the_lookup_api(browser: Any, site: Served) -> None:
    page = open_page(browser, site, 1280, "&url=" + quote(LISTED + "apply"))

    page.wait_for_selector('#result[data-state="listed"]')
    assert "matches loan-06.example/" in page.inner_text("#result")


def test_appeal_form_files_shows_id_and_token_and_checks_status(browser: Any, site: Served) -> None:
    page = open_page(browser, site, 1280)

    page.fill("#filter-text", "loan-06")
    page.wait_for_function("document.querySelectorAll('#entries-body tr.entry').length === 1")
    page.click("#entries-body button")  # the row's Appeal button fills in the link
    assert page.input_value("#appeal-url") == LISTED
    page.fill("#appeal-contact", "owner@loan-06.example")
    page.fill("#appeal-reason", "We are a licensed lender; licence number on the page.")
    page.click("#appeal-submit")
    page.wait_for_selector('#appeal-result[data-state="filed"]')
    assert page.inner_text("#filed-id") == "ap-1" and page.inner_text("#filed-token") == "tok-ap-1-secret"
    assert "Keep this secret" in page.inner_text("#appeal-result")
    page.click("#filed-check")
    page.wait_for_selector('#status-result[data-state="status"]')
    assert "open, waiting for a moderator" in page.inner_text("#status-result")

    page.fill("#appeal-url", "https://not-listed.example/")
    page.click("#appeal-submit")
    page.wait_for_selector('#appeal-result[data-state="not_listed"]')
    assert "not on the blocklist" in page.inner_text("#appeal-result")
    page.fill("#status-token", "wrong")
    page.click("#status-form button")
    page.wait_for_selector('#status-result[data-state="error"]')

    posts = [path for method, path in site.requests if path.startswith("/v1/appeals")]
    assert ("POST", "/v1/appeals") in site.requests and posts
    # The moderators' queue is GET /v1/appeals (with or without a query): never called.
    assert not [r for r in site.requests if r[0] == "GET" and urlsplit(r[1]).path == "/v1/appeals"]
    assert "/v1/appeals" not in [a.get_attribute("href") or "" for a in page.query_selector_all("a")]


def test_phone_width_has_no_horizontal_scroll(browser: Any, site: Served) -> None:
    page = open_page(browser, site, 390)

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(IMAGES / "page-phone.png"))
