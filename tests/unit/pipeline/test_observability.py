"""The tracer costs nothing where tracing is off, and traces through powertools where it is on."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from typing import Any

import aws_lambda_powertools
import pytest

from linkscan.observability import LazyTracer, tracing_enabled
from tests.support import ROOT


@pytest.mark.parametrize(
    ("environ", "enabled"),
    [
        ({"LAMBDA_TASK_ROOT": "/var/task"}, True),
        ({"LAMBDA_TASK_ROOT": "/var/task", "POWERTOOLS_TRACE_DISABLED": "true"}, False),
        ({"LAMBDA_TASK_ROOT": "/var/task", "AWS_SAM_LOCAL": "true"}, False),
        ({}, False),
    ],
)
def test_tracing_is_on_only_in_lambda_and_not_when_disabled(environ: dict[str, str], enabled: bool) -> None:
    assert tracing_enabled(environ) is enabled


class FakeTracer:
    """Stands in for powertools' Tracer: records what it wrapped and how often it was built."""

    built = 0

    def __init__(self, service: str) -> None:
        FakeTracer.built += 1
        self.calls: list[str] = []

    def capture_method(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(f"method:{method.__name__}")
            return method(*args, **kwargs)

        return wrapped

    def capture_lambda_handler(self, handler: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(event: Any, context: Any) -> Any:
            self.calls.append(f"handler:{handler.__name__}")
            return handler(event, context)

        return wrapped


def test_with_tracing_on_the_first_call_builds_one_tracer_that_traces_every_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LAMBDA_TASK_ROOT", "/var/task")
    monkeypatch.delenv("POWERTOOLS_TRACE_DISABLED", raising=False)
    monkeypatch.setattr(aws_lambda_powertools, "Tracer", FakeTracer)
    FakeTracer.built = 0
    tracer = LazyTracer("linkscan")

    @tracer.capture_method
    def double(value: int) -> int:
        return value * 2

    @tracer.capture_lambda_handler
    def handler(event: dict[str, int], context: object) -> int:
        return double(event["n"]) + double(1)

    assert FakeTracer.built == 0  # nothing built by decorating (import time)
    assert handler({"n": 3}, None) == 8
    assert handler({"n": 1}, None) == 4
    real = tracer.real()
    assert FakeTracer.built == 1 and isinstance(real, FakeTracer)
    assert real.calls.count("handler:handler") == 2 and real.calls.count("method:double") == 4


def test_with_tracing_off_a_handler_runs_untraced_and_never_imports_the_xray_sdk() -> None:
    code = (
        "from linkscan.observability import tracer\n"
        "traced = tracer.capture_lambda_handler(lambda event, context: event)\n"
        "assert traced(7, None) == 7\n"
        "import sys; print('aws_xray_sdk' in sys.modules)"
    )
    env = {"PYTHONPATH": str(ROOT / "layers/linkscan/python"), "POWERTOOLS_TRACE_DISABLED": "true"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
