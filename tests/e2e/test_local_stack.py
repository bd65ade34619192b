"""The local stack end to end, as a newcomer runs it: `make demo` and `make start`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from devstack.stack import free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_run() -> subprocess.CompletedProcess[str]:
    """One `make demo` run for the tests that read its output."""
    return subprocess.run(
        [sys.executable, "-m", "devstack", "demo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_demo_runs_the_whole_pipeline_and_shows_each_category(demo_run: subprocess.CompletedProcess[str]) -> None:
    run = demo_run
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    rows = {line.split("  ")[0].strip(): line for line in run.stdout.splitlines()}
    assert " allow " in rows["clean page"]
    for label, category in [("cash loan", "cash_loan"), ("counterfeit", "counterfeit"), ("contraband", "contraband")]:
        assert " block " in rows[label] and category in rows[label]
    assert "blocklist version" in run.stdout and "hosts.txt" in run.stdout
    assert "listed=True" in run.stdout and "listed=False" in run.stdout


def test_the_demo_shows_the_evidence_of_pages_that_hide_their_offer(
    demo_run: subprocess.CompletedProcess[str],
) -> None:
    """Cloaking, a script-only page, an offer in an image, a QR code: each blocked, with its evidence."""
    run = demo_run
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    evidence = run.stdout.split("evidence of the pages that hide their offer:", 1)[1]
    assert "audience version (wechat_android)" in evidence and "neutral version (desktop_neutral)" in evidence
    assert "rendered in a browser (script shell" in evidence and "/screenshot.png" in evidence
    assert "text read in 1 image(s)" in evidence and "放款" in evidence
    assert "QR code leads off-platform (contact, wechat): https://u.wechat.com/" in evidence


def test_start_serves_the_api_on_loopback_for_curl() -> None:
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "devstack", "start", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        pages = None
        for line in process.stdout:  # the banner names the sample pages once the stack is up
            if "sample pages:" in line:
                pages = line.split("sample pages:")[1].split()[0].rsplit("/", 1)[0]
            if line.startswith("Try:"):
                break
        assert pages, "the local stack did not start"
        api = f"http://127.0.0.1:{port}"
        answer = requests.post(f"{api}/v1/submissions", json={"type": "url", "url": f"{pages}/loan.html"}, timeout=30)
        assert answer.status_code == 202
        status_url = answer.json()["submissions"][0]["status_url"]
        deadline = time.monotonic() + 60
        state = {}
        while time.monotonic() < deadline:  # the stack's event pump runs the scan in the background
            state = requests.get(status_url, timeout=10).json()
            if state.get("state") == "done":
                break
            time.sleep(0.2)
        assert state["verdict"]["decision"] == "block"
        bad = requests.post(f"{api}/v1/submissions", json={"type": "url"}, timeout=10)
        assert bad.status_code == 400 and bad.json()["field"] == "url"
    finally:
        process.terminate()
        process.wait(timeout=20)
