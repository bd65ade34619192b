"""The local stack's HTTP API (make start): JSON errors everywhere, and a port already taken."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest
import requests

from devstack.stack import LocalStack
from tests.integration.pipeline.conftest import serving_http
from tests.support import ROOT

ERROR_KEYS = {"error", "message", "field", "details"}


@pytest.fixture
def local_api(stack: LocalStack) -> Iterator[str]:
    with serving_http(stack) as base:
        yield base


def test_manifest_before_the_first_publication_is_a_json_404(local_api: str) -> None:
    response = requests.get(f"{local_api}/lists/manifest.json", timeout=10)
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == ERROR_KEYS and "no blocklist version is published yet" in body["message"]


def test_an_unknown_route_is_a_json_404_listing_every_route(local_api: str) -> None:
    response = requests.get(f"{local_api}/v1/submission", timeout=10)
    body = response.json()
    assert response.status_code == 404 and set(body) == ERROR_KEYS
    routes = {detail["route"] for detail in body["details"]}
    assert {"POST /v1/submissions", "GET /v1/lookup", "GET /v1/openapi.json"} <= routes


def test_curl_default_content_type_submission_is_accepted(local_api: str) -> None:
    # What `curl -d '{...}'` sends without -H 'Content-Type: application/json'.
    response = requests.post(
        f"{local_api}/v1/submissions",
        data=json.dumps({"type": "url", "url": "https://example.org/"}),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=30,
    )
    assert response.status_code == 202, response.text


def test_start_on_a_taken_port_names_the_port_and_exits_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "devstack", "start", "--port", str(port)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 2
    assert f"port {port}" in result.stderr and "PORT=" in result.stderr and "Traceback" not in result.stderr


def test_make_start_passes_port_to_the_stack() -> None:
    result = subprocess.run(
        ["make", "-n", "start", "PORT=3999"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert "-m devstack start --port 3999" in result.stdout


def test_make_help_into_a_pipe_has_no_colour_codes() -> None:
    result = subprocess.run(["make", "help"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    assert "start" in result.stdout and "\033[" not in result.stdout


def test_make_help_lists_every_target_the_makefile_declares() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    declared = {word for line in makefile.splitlines() if line.startswith(".PHONY:") for word in line.split()[1:]}

    result = subprocess.run(["make", "help"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)

    listed = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    assert "test-e2e" in declared and declared - listed == set()  # a digit in a name once hid test-e2e
