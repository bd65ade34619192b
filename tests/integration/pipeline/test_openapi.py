"""The OpenAPI document: one for the whole API, matching the template's routes and their auth."""

from __future__ import annotations

import re

from devstack.openapi import build_document, render
from devstack.template import load_template, routes
from linkscan.api_models import OPENAPI_DOCUMENT
from tests.integration.pipeline.conftest import Api


def _shape(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


def _operations(document: dict[str, object]) -> dict[tuple[str, str], dict[str, object]]:
    paths = document["paths"]
    assert isinstance(paths, dict)
    return {(method.upper(), _shape(path)): op for path, item in paths.items() for method, op in item.items()}


def test_the_shipped_document_is_what_the_generator_builds() -> None:
    assert OPENAPI_DOCUMENT.read_text(encoding="utf-8") == render(build_document()), "run python -m devstack.openapi"


def test_every_template_route_is_documented_with_its_auth(api: Api) -> None:
    status, document = api.call("GET", "/v1/openapi.json")
    assert status == 200
    operations = _operations(document)
    declared = routes(load_template())
    assert set(operations) == {(route.method, _shape(route.path)) for route in declared}
    for route in declared:
        security = operations[(route.method, _shape(route.path))]["security"]
        assert security == ([{"sigv4": []}] if route.auth == "AWS_IAM" else []), route
    assert document["components"]["securitySchemes"]["sigv4"]["x-amazon-apigateway-authtype"] == "awsSigv4"


def test_errors_and_examples_are_documented(api: Api) -> None:
    _, document = api.call("GET", "/v1/openapi.json")
    operations = _operations(document)
    for key in [("POST", "/v1/submissions"), ("POST", "/v1/lookup"), ("GET", "/v1/lookup"), ("POST", "/v1/appeals")]:
        error = operations[key]["responses"]["400"]["content"]["application/json"]
        assert error["schema"] == {"$ref": "#/components/schemas/ErrorBody"}, key
        assert "422" not in operations[key]["responses"]
    body = operations[("POST", "/v1/submissions")]["requestBody"]["content"]["application/json"]
    assert {"one link", "a batch", "a mini-program"} <= set(body["examples"])
    assert set(document["components"]["schemas"]["ErrorBody"]["properties"]) == {"error", "message", "field", "details"}


def test_the_appeal_forms_limits_are_documented(api: Api) -> None:
    _, document = api.call("GET", "/v1/openapi.json")
    body = _operations(document)[("POST", "/v1/appeals")]["requestBody"]["content"]["application/json"]["schema"]
    schema = document["components"]["schemas"][body["$ref"].rsplit("/", 1)[1]]
    for field in ("url", "contact", "reason"):
        limits = schema["properties"][field]
        assert limits["minLength"] >= 1 and limits["maxLength"] > limits["minLength"], field
    assert set(schema["required"]) == {"url", "contact", "reason"}
