"""Configuration fails fast: a function whose environment lacks a variable refuses to start, naming it."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from devstack.template import load_template, resources_of
from linkscan.settings import ConfigurationError, ServiceSettings
from tests.support import load_handler

COMPLETE = {
    "TABLE_NAME": "linkscan-test",
    "BLOCKLIST_TABLE_NAME": "linkscan-test-blocklist",
    "SCAN_QUEUE_URL": "https://sqs.us-east-1.amazonaws.com/123456789012/linkscan-test-scan",
    "EVIDENCE_BUCKET": "linkscan-test-evidence",
    "BLOCKLIST_BUCKET": "linkscan-test-blocklist",
}


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    for name, value in COMPLETE.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("POWERTOOLS_METRICS_DISABLED", "true")
    yield monkeypatch
    for function in ("scan", "publish", "api"):
        sys.modules.pop(f"linkscan_fn_{function}", None)


@pytest.mark.parametrize(
    ("function", "variable"),
    [
        ("scan", "TABLE_NAME"),
        ("scan", "SCAN_QUEUE_URL"),
        ("scan", "EVIDENCE_BUCKET"),
        ("publish", "BLOCKLIST_TABLE_NAME"),
        ("publish", "BLOCKLIST_BUCKET"),
        ("api", "SCAN_QUEUE_URL"),
    ],
)
def test_a_function_without_a_variable_fails_at_cold_start_naming_it(
    environment: pytest.MonkeyPatch, function: str, variable: str
) -> None:
    environment.delenv(variable)
    with pytest.raises(ConfigurationError, match=variable):
        load_handler(function)


def test_an_unreadable_number_names_its_variable() -> None:
    with pytest.raises(ConfigurationError, match="RESCAN_WINDOW_SECONDS"):
        ServiceSettings.from_env({**COMPLETE, "RESCAN_WINDOW_SECONDS": "a day"})


def test_the_template_gives_each_function_what_it_requires() -> None:
    template = load_template()
    globals_env = template["Globals"]["Function"]["Environment"]["Variables"]
    needs = {
        "ScanFunction": {"SCAN_QUEUE_URL", "EVIDENCE_BUCKET"},
        "ApiFunction": {"SCAN_QUEUE_URL", "EVIDENCE_BUCKET"},
        "PublishFunction": {"BLOCKLIST_BUCKET"},
    }
    for name, function in resources_of(template, "AWS::Serverless::Function").items():
        env = {**globals_env, **function["Properties"].get("Environment", {}).get("Variables", {})}
        assert {"TABLE_NAME", "BLOCKLIST_TABLE_NAME"} | needs.get(name, set()) <= env.keys(), name
