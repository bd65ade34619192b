"""`python -m devstack.openapi [--check]`: build the whole API's OpenAPI document from both functions' routes.

The API and lookup functions are separate Lambdas; the document the API serves at /v1/openapi.json covers
both. It is generated here from the API's resolver, the lookup's declared routes
(devstack/lookup_contract.py), the template's auth per route and the examples below, and shipped in the
layer (linkscan/schemas/openapi.json); a test fails when the shipped document is not what this builds.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from devstack.template import ROOT, load_template, routes
from linkscan.api_models import OPENAPI_DOCUMENT, ErrorBody, with_miniprogram_schema

TITLE = "linkscan API"
VERSION = "1.0.0"
DESCRIPTION = (
    "Submit links and mini-programs for scanning, read verdicts, moderate, appeal, and look URLs up on the "
    "public blocklist. Routes marked sigv4 need a request signed with AWS Signature Version 4 by an IAM "
    "principal the API's policy allows; the others are public. Every error body is an ErrorBody."
)
SIGV4 = {
    "type": "apiKey",
    "name": "Authorization",
    "in": "header",
    "description": "AWS Signature Version 4 (IAM). API Gateway verifies the signature before the function runs.",
    "x-amazon-apigateway-authtype": "awsSigv4",
}
ERROR_REF = {"$ref": "#/components/schemas/ErrorBody"}
ERROR_EXAMPLES: dict[str, dict[str, Any]] = {
    "400": {
        "error": "invalid_request",
        "message": "submissions[1].url: cannot be fetched: host '😀.com' is not a valid internationalized name",
        "field": "submissions[1].url",
        "details": [
            {
                "field": "submissions[1].url",
                "problem": "cannot be fetched: host '😀.com' is not a valid internationalized name",
            }
        ],
    },
    "404": {"error": "not_found", "message": "no submission abc", "field": None, "details": []},
    "409": {
        "error": "conflict",
        "message": "the target changed meanwhile; read it again",
        "field": None,
        "details": [],
    },
}
REQUEST_EXAMPLES: dict[tuple[str, str], dict[str, Any]] = {
    ("post", "/v1/submissions"): {
        "one link": {"value": {"type": "url", "url": "https://loan.example/apply"}},
        "a batch": {
            "value": {
                "submissions": [
                    {"type": "url", "url": "https://loan.example/apply"},
                    {"type": "url", "url": "https://shop.example/", "force": True},
                ]
            }
        },
        "a mini-program": {
            "value": {
                "type": "miniprogram",
                "appid": "wx0123456789abcdef",
                "metadata_url": "https://platform.example/miniprograms/wx0123456789abcdef.json",
            }
        },
    },
    ("post", "/v1/lookup"): {"two URLs": {"value": {"urls": ["https://loan.example/apply", "https://example.org/"]}}},
    ("post", "/v1/appeals"): {
        "an appeal": {
            "value": {
                "url": "https://shop.example/",
                "contact": "owner@shop.example",
                "reason": "We sell our own brand only; the listing names a product we never offered.",
            }
        }
    },
    ("post", "/v1/reports"): {
        "a report": {"value": {"url": "https://quick-loan.example/apply", "category": "cash_loan", "reason": "SMS ad"}}
    },
    ("post", "/v1/webhooks"): {
        "listings only": {"value": {"url": "https://hooks.platform.example/linkscan", "kinds": ["target.listed"]}}
    },
    ("post", "/v1/reviews/{target_id}/decision"): {
        "block": {"value": {"decision": "block", "reason": "a payday lender without a licence, rates on the page"}}
    },
    ("put", "/v1/targets/{target_id}/decision"): {
        "overturn": {"value": {"action": "overturn", "reason": "the page is a news report about scams"}}
    },
}


def _load_app(function: str) -> Any:
    if function == "lookup":  # served without the resolver; its routes are declared for the document here
        from devstack.lookup_contract import app

        return app
    path = ROOT / "functions" / function / "app.py"
    spec = importlib.util.spec_from_file_location(f"linkscan_openapi_{function}", path)
    assert spec and spec.loader, path
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.app


def _shape(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


def _error_response(status: str, description: str) -> dict[str, Any]:
    content = {"schema": ERROR_REF, "example": ERROR_EXAMPLES.get(status, ERROR_EXAMPLES["400"])}
    return {"description": description, "content": {"application/json": content}}


def _document_operation(path: str, method: str, operation: dict[str, Any], iam: bool) -> None:
    responses = operation.setdefault("responses", {})
    responses.pop("422", None)  # powertools' default; this API answers 400 with an ErrorBody
    if operation.get("parameters") or "requestBody" in operation:
        responses["400"] = _error_response("400", "Invalid request: `field` names the part at fault, `details` all")
    if ("{" in path and not path.startswith("/v1/hashes/")) or method == "put":
        responses["404"] = _error_response("404", "No such item")
    if method == "put":
        responses["409"] = _error_response("409", "A concurrent change; read the target again and retry")
    if iam:
        responses["403"] = {"description": "API Gateway: the request is not signed by an allowed IAM principal"}
    responses["429"] = {"description": "API Gateway: throttled (per-route limits of the stage)"}
    operation["security"] = [{"sigv4": []}] if iam else []
    examples = REQUEST_EXAMPLES.get((method, path))
    if examples and "requestBody" in operation:
        operation["requestBody"]["content"]["application/json"]["examples"] = examples


# The functions read their resource names at import (and refuse to start without them); the document
# needs none of the resources, so placeholders stand in.
_PLACEHOLDER_RESOURCES = {
    "TABLE_NAME": "openapi-generation",
    "BLOCKLIST_TABLE_NAME": "openapi-generation",
    "SCAN_QUEUE_URL": "https://sqs.us-east-1.amazonaws.com/000000000000/openapi-generation",
    "RESCAN_QUEUE_URL": "https://sqs.us-east-1.amazonaws.com/000000000000/openapi-generation",
    "EVIDENCE_BUCKET": "openapi-generation",
    "BLOCKLIST_BUCKET": "openapi-generation",
}


def build_document(template: dict[str, Any] | None = None) -> dict[str, Any]:
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")
    for name, placeholder in _PLACEHOLDER_RESOURCES.items():
        os.environ.setdefault(name, placeholder)
    declared = routes(template or load_template())
    functions = {"ApiFunction": "api", "LookupFunction": "lookup", "PlatformFunction": "platform"}
    document: dict[str, Any] = {}
    for logical_id in sorted({route.function for route in declared}):
        app = _load_app(functions[logical_id])
        part = json.loads(app.get_openapi_json_schema(title=TITLE, version=VERSION, description=DESCRIPTION))
        if not document:
            document = part
            continue
        for path, item in part.get("paths", {}).items():
            document["paths"].setdefault(path, {}).update(item)
        document["components"]["schemas"].update(part.get("components", {}).get("schemas", {}))
    document = with_miniprogram_schema(document)
    schemas = document["components"]["schemas"]
    for name in ("HTTPValidationError", "ValidationError", "ResponseValidationError"):
        schemas.pop(name, None)
    schemas["ErrorBody"] = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
    by_shape = {_shape(path): path for path in document["paths"]}
    for route in declared:
        path = by_shape[_shape(route.path)]
        operation = document["paths"][path][route.method.lower()]
        _document_operation(path, route.method.lower(), operation, iam=route.auth == "AWS_IAM")
    document["components"]["securitySchemes"] = {"sigv4": SIGV4}
    return document


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack.openapi", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the shipped document is out of date")
    parser.add_argument("--out", type=Path, default=OPENAPI_DOCUMENT)
    args = parser.parse_args(argv)
    text = render(build_document())
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: run python -m devstack.openapi", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(document_paths(text))} paths)")
    return 0


def document_paths(text: str) -> list[str]:
    return list(json.loads(text)["paths"])


if __name__ == "__main__":
    sys.exit(main())
