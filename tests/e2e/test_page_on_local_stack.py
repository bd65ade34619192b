"""The public page as a site owner uses it, on the local stack: find a listed link, appeal, follow the appeal.

The page is the one the stack published (GET /lists/index.html), and every call it makes goes to the
stack's API: the appeal handler, its tables and the moderators' decision route, nothing stood in.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from devstack.stack import free_port
from tests.browser import launched
from tests.e2e.readme import Started, started

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]

OWNER = "owner@loan.example"
REASON = "We are a licensed lender; the licence number is on the page."


@pytest.fixture(scope="module")
def stack() -> Iterator[Started]:
    with started(f"make start PORT={free_port()}") as running:
        yield running


@pytest.fixture(scope="module")
def listed(stack: Started) -> dict[str, Any]:
    """The cash-loan sample page, submitted, blocked and published; its target as the API shows it."""
    page = f"http://127.0.0.1:{stack.pages_port}/loan.html"
    receipt = requests.post(f"{stack.api}/v1/submissions", json={"type": "url", "url": page}, timeout=30).json()
    target_id = receipt["submissions"][0]["target_id"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # the stack's pump scans, then publishes, in the background
        lookup = requests.get(f"{stack.api}/v1/lookup", params={"url": page}, timeout=10).json()
        if lookup.get("listed") and requests.get(f"{stack.api}/lists/manifest.json", timeout=10).ok:
            break
        time.sleep(0.2)
    assert lookup.get("listed"), lookup
    return {"target_id": target_id, "expression": lookup["match"]["expression"]}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched() as chromium:
        yield chromium


@pytest.fixture
def page(browser: Any, stack: Started, listed: dict[str, Any]) -> Iterator[Any]:
    """The published page, opened with no ?api=: it calls the API the stack published it for."""
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.calls = []
    tab.on("request", lambda request: tab.calls.append((request.method, request.url)))
    tab.goto(f"{stack.api}/lists/index.html")
    tab.wait_for_selector("html[data-list-load-ms]")
    yield tab
    tab.close()


def appeal(page: Any, url: str | None, reason: str = REASON) -> None:
    """Fill and send the appeal form (url None: as the row's Appeal button filled it)."""
    if url is not None:
        page.fill("#appeal-url", url)
    page.fill("#appeal-contact", OWNER)
    page.fill("#appeal-reason", reason)
    page.click("#appeal-submit")
    page.wait_for_selector('#appeal-result:not([data-state="pending"])')


def test_appeal_form_files_on_the_api_and_follows_it_to_delisting(
    page: Any, stack: Started, listed: dict[str, Any]
) -> None:
    page.fill("#filter-text", listed["expression"])
    page.wait_for_function("document.querySelectorAll('#entries-body tr.entry').length === 1")
    page.click("#entries-body button")  # the row's Appeal button fills in the link
    appeal(page, None)

    assert page.get_attribute("#appeal-result", "data-state") == "filed", page.inner_text("#appeal-result")
    appeal_id, token = page.inner_text("#filed-id"), page.inner_text("#filed-token")
    queue = requests.get(f"{stack.api}/v1/appeals", params={"status": "open"}, timeout=10).json()
    filed = [a for a in queue["appeals"] if a["appeal_id"] == appeal_id]
    assert filed and filed[0]["contact"] == OWNER  # the moderators see it, with the contact
    page.click("#filed-check")
    page.wait_for_selector('#status-result[data-state="status"]')
    assert "open, waiting for a moderator" in page.inner_text("#status-result")
    assert OWNER not in page.inner_text("#status-result")

    overturn = {"action": "overturn", "reason": "licensed lender, checked"}
    decided = requests.put(f"{stack.api}/v1/targets/{listed['target_id']}/decision", json=overturn, timeout=30)
    assert decided.status_code == 200, decided.text
    page.fill("#status-id", appeal_id)
    page.fill("#status-token", token)
    page.click("#status-form button")
    page.wait_for_function("document.getElementById('status-result').textContent.includes('resolved')")
    assert "the link was removed from the list" in page.inner_text("#status-result")


def test_appeal_for_a_link_that_is_not_listed_says_so(page: Any) -> None:
    appeal(page, "https://not-listed.example/")

    assert page.get_attribute("#appeal-result", "data-state") == "not_listed"
    assert "not on the blocklist" in page.inner_text("#appeal-result")


def test_appeal_the_api_refuses_shows_its_reason(page: Any, listed: dict[str, Any]) -> None:
    page.evaluate("document.getElementById('appeal-reason').removeAttribute('minlength')")  # past the browser's check
    appeal(page, f"https://{listed['expression']}", reason="short")

    assert page.get_attribute("#appeal-result", "data-state") == "error"
    assert "reason" in page.inner_text("#appeal-result")


def test_status_with_a_wrong_token_finds_nothing(page: Any) -> None:
    page.fill("#status-id", "00000000000000000000000000")
    page.fill("#status-token", "wrong")
    page.click("#status-form button")

    page.wait_for_selector('#status-result[data-state="error"]')
    assert "No appeal has this id and token" in page.inner_text("#status-result")


def test_the_page_never_calls_the_moderators_queue(page: Any, stack: Started) -> None:
    appeal(page, "https://not-listed.example/")
    page.fill("#status-id", "x")
    page.fill("#status-token", "y")
    page.click("#status-form button")
    page.wait_for_selector('#status-result[data-state="error"]')

    api_calls = [(method, urlsplit(url).path) for method, url in page.calls if url.startswith(stack.api + "/v1/")]
    assert ("POST", "/v1/appeals") in api_calls
    assert ("GET", "/v1/appeals") not in api_calls  # GET /v1/appeals, with or without a query, is the queue
    assert "/v1/appeals" not in [a.get_attribute("href") or "" for a in page.query_selector_all("a")]
