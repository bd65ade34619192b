"""The local stack end to end, as a newcomer runs it: `make demo` and `make start`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import requests

from devstack.stack import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_demo_runs_the_whole_pipeline_and_shows_each_category() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "devstack", "demo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )

    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    rows = {line.split("  ")[0].strip(): line for line in run.stdout.splitlines()}
    assert " allow " in rows["clean page"]
    for label, category in [("cash loan", "cash_loan"), ("counterfeit", "counterfeit"), ("contraband", "contraband")]:
        assert " block " in rows[label] and category in rows[label]
    assert "blocklist version" in run.stdout and "hosts.txt" in run.stdout
    assert "listed=True" in run.stdout and "listed=False" in run.stdout
    # the platform part: an event from the bus, a review decided by a moderator, a rescan
    assert "Target Listed: " in run.stdout
    assert "decision block → 200 (done)" in run.stdout and "listed after the moderator's decision: True" in run.stdout
    assert "RescanFunction queued 1 check(s)" in run.stdout and ": offending, status online" in run.stdout


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
