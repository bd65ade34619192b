"""Property-based fuzzing of the whole API from its own OpenAPI document (schemathesis), on the local stack.

Every route of the document is called with generated requests, valid and invalid; no answer may be a
5xx, and every 4xx must be the documented JSON error body. Bounded: a fixed number of examples per
operation, so the run stops by itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from devstack.stack import LocalStack
from linkscan.api_models import OPENAPI_DOCUMENT
from tests.integration.pipeline.conftest import serving_http

EXAMPLES_PER_OPERATION = 25
ERROR_KEYS = {"error", "message", "field", "details"}


@pytest.fixture(scope="module")
def api_base(running_stack: LocalStack) -> Iterator[str]:
    running_stack.reset()
    with serving_http(running_stack) as base:
        yield base


@pytest.fixture(scope="module")
def api_schema(api_base: str) -> Any:
    document = json.loads(OPENAPI_DOCUMENT.read_text(encoding="utf-8"))
    loaded = schemathesis.openapi.from_dict(document)
    loaded.config.update(base_url=api_base)
    return loaded


def _check(case: Any, base_url: str) -> None:
    response = case.call(base_url=base_url, timeout=30)
    where = f"{case.method} {case.formatted_path}"
    assert response.status_code < 500, f"{where}: {response.status_code} {response.text}"
    if 400 <= response.status_code < 500:
        content_type = response.headers.get("content-type", [""])[0]  # schemathesis: lower-case, multi-valued
        assert content_type.startswith("application/json"), f"{where}: {response.text}"
        body = response.json()
        assert set(body) == ERROR_KEYS, f"{where}: {body}"
        assert isinstance(body["message"], str) and body["message"], f"{where}: {body}"


def test_no_request_gets_a_server_error_and_every_error_is_the_documented_body(api_schema: Any, api_base: str) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10  # every route of the template is in the document
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def fuzz(case: Any) -> None:
            _check(case, api_base)

        fuzz()
