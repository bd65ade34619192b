"""The published page in headless Chromium: it shows the list, and its search box asks the lookup API."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from urllib.parse import quote

import boto3
import pytest

from tests.integration.blocklist.conftest import BUCKET, invoke, load_event
from tests.integration.blocklist.server import serve

pytestmark = pytest.mark.browser

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--virtual-time-budget=10000",
    "--dump-dom",
]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium must be installed in CI")
        pytest.skip("chromium not installed")
    return path


class _Texts(HTMLParser):
    """Text content of elements by id, and the rows of class "entry"."""

    def __init__(self) -> None:
        super().__init__()
        self.by_id: dict[str, str] = {}
        self.attrs_by_id: dict[str, dict[str, str | None]] = {}
        self.entries = 0
        self._open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("class") == "entry":
            self.entries += 1
        if tag in ("meta", "input", "br", "link"):
            return
        element_id = values.get("id")
        if element_id:
            self.attrs_by_id[element_id] = values
            self.by_id.setdefault(element_id, "")
        self._open.append(element_id)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("meta", "input", "br", "link") and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for element_id in self._open:
            if element_id:
                self.by_id[element_id] += data


def render(url: str, profile: Path) -> _Texts:
    result = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", url],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    parsed = _Texts()
    parsed.feed(result.stdout)
    return parsed


def download_bucket(target: Path) -> None:
    s3 = boto3.client("s3")
    for obj in s3.list_objects_v2(Bucket=BUCKET)["Contents"]:
        path = target / obj["Key"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(s3.get_object(Bucket=BUCKET, Key=obj["Key"])["Body"].read())


def test_page_shows_entries_and_search_reports_listed_and_not_listed(
    publish: ModuleType, lookup: ModuleType, tmp_path: Path
) -> None:
    invoke(publish, load_event("dynamodb_stream_block.json"))
    site = tmp_path / "site"
    download_bucket(site)

    with serve(site, lookup) as base:
        page = f"{base}/index.html?api={quote(base)}"
        listed = render(f"{page}&url={quote('https://www.quick-cash-loan.example/apply')}", tmp_path / "p1")
        clean = render(f"{page}&url={quote('https://example.org/')}", tmp_path / "p2")

    assert listed.by_id["version"] == "1"
    assert listed.entries == 3
    assert "quick-cash-loan.example/" in listed.by_id["recent"]
    assert "blocklist.rpz" in listed.by_id["downloads"] and "hosts.txt" in listed.by_id["downloads"]
    assert "/v1/appeals" in listed.by_id["appeal"]
    assert listed.attrs_by_id["result"]["data-state"] == "listed"
    assert "matches quick-cash-loan.example/" in listed.by_id["result"]
    assert clean.attrs_by_id["result"]["data-state"] == "not-listed"
    assert "Not listed" in clean.by_id["result"]
