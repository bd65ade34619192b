"""The published page in headless Chromium (Playwright driving the system's Chromium; no browser download).

The lookup goes through the real lookup handler. The appeal form is tested against the whole local stack,
in tests/e2e/test_page_on_local_stack.py.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

import boto3
import pytest

from linkscan.blocklist.model import Entry
from linkscan.blocklist.page import PageConfig
from linkscan.blocklist.publisher import Publisher
from linkscan.storage.blocklist import BlocklistStorage, BlocklistTable
from tests.browser import launched
from tests.integration.blocklist.conftest import BLOCKLIST_TABLE, BUCKET
from tests.integration.blocklist.server import Served, serve

pytestmark = pytest.mark.browser

# screenshots to look at: the committed ones in docs/img are refreshed with LINKSCAN_SCREENSHOTS=docs/img
IMAGES = Path(os.environ.get("LINKSCAN_SCREENSHOTS") or tempfile.mkdtemp(prefix="linkscan-page-"))
LISTED = "https://loan-06.example/"


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
    with serve(root, lookup) as served:
        yield served


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched() as chromium:
        yield chromium


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


def test_phone_width_has_no_horizontal_scroll(browser: Any, site: Served) -> None:
    page = open_page(browser, site, 390)

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(IMAGES / "page-phone.png"))
