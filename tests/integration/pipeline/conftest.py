"""The pipeline's handlers in-process against moto's server, fetching real pages from loopback."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import boto3
import pytest

from devstack.api import api_event, make_server
from devstack.pages import SamplePages
from devstack.stack import LocalStack, free_port
from devstack.template import Route, routes
from linkscan.storage import reset_clients
from tests.integration.pipeline.iam import CallRecorder, grants, missing_grants

API_BASE = "https://api.test"


@pytest.fixture(scope="session")
def pages() -> Iterator[SamplePages]:
    with SamplePages() as server:
        yield server


@pytest.fixture(scope="session")
def closed_port() -> int:
    """A loopback port nothing listens on: connecting to it is refused."""
    return free_port()


@pytest.fixture(scope="session")
def running_stack(pages: SamplePages, closed_port: int) -> Iterator[LocalStack]:
    """moto's server on loopback with the template's resources; handlers loaded once, as warm Lambdas."""
    saved = dict(os.environ)
    local = LocalStack(
        extra_env={
            "LINKSCAN_LOCAL_ALLOW_LOOPBACK": "true",
            "LINKSCAN_FETCH_EXTRA_PORTS": f"{pages.port},{closed_port}",
            "LINKSCAN_FETCH_DEADLINE": "10",
            "PUBLIC_BASE_URL": API_BASE,
            "POWERTOOLS_LOG_LEVEL": "WARNING",
            # The lookup function stays warm across tests while moto is wiped between them: re-check the
            # published manifest on every call instead of trusting its hash prefixes for 30 s.
            "LOOKUP_FILTER_TTL_SECONDS": "0",
        },
        quiet=True,
    )
    # Before the stack creates any client: every client the handlers create then reports its calls.
    recorder = CallRecorder(local)
    recorder.install(boto3.DEFAULT_SESSION or _default_session())
    local.iam_calls = recorder  # type: ignore[attr-defined]
    with local:
        yield local
    os.environ.clear()
    os.environ.update(saved)
    reset_clients()


def _default_session() -> Any:
    boto3.setup_default_session()
    return boto3.DEFAULT_SESSION


@pytest.fixture(autouse=True)
def every_call_is_granted(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each pipeline test also checks that template.yaml grants every AWS call its handlers made."""
    if "running_stack" not in request.fixturenames:
        yield
        return
    running: LocalStack = request.getfixturevalue("running_stack")
    recorder: CallRecorder = running.iam_calls  # type: ignore[attr-defined]
    recorder.calls.clear()
    yield
    missing = missing_grants(recorder.calls, grants(running))
    assert missing == [], "template.yaml does not grant:\n" + "\n".join(map(str, missing))


@contextmanager
def serving_http(stack: LocalStack) -> Iterator[str]:
    """The local stack's HTTP API (what make start serves) on a free loopback port: its base URL."""
    server = make_server(stack, free_port())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def stack(running_stack: LocalStack) -> LocalStack:
    """A clean slate for each test: moto wiped and the resources created again."""
    running_stack.reset()
    return running_stack


class Api:
    """Calls the API functions the way API Gateway would, with routes from the template."""

    def __init__(self, stack: LocalStack) -> None:
        self.stack = stack
        self.routes = routes(stack.template)

    def call(self, method: str, path: str, body: Any = None, query: str = "") -> tuple[int, Any]:
        route = next(r for r in self.routes if r.method == method and r.pattern.match(path))
        match = route.pattern.match(path)
        assert match is not None
        raw = body if isinstance(body, bytes) else json.dumps(body).encode() if body is not None else b""
        target = f"{path}?{query}" if query else path
        event = api_event(
            route, method, target, {"Content-Type": "application/json"}, raw, match.groupdict(), "api.test"
        )
        return self.invoke(route, event)

    def invoke(self, route: Route, event: dict[str, Any]) -> tuple[int, Any]:
        response = self.stack.invoke(route.function, event)
        return response["statusCode"], json.loads(response["body"]) if response.get("body") else None

    def event(self, event: dict[str, Any]) -> tuple[int, Any]:
        """Invoke with an event file's event (from events/)."""
        route = next(r for r in self.routes if r.method == event["httpMethod"] and r.path == event["resource"])
        return self.invoke(route, event)


@pytest.fixture
def api(stack: LocalStack) -> Api:
    return Api(stack)
