"""The HTTP edge the API and lookup functions share: how a body is read, how JSON and errors are written.

Every error body has one shape, ``{error, message, field, details}`` (``ErrorBody``), whatever went wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from itertools import accumulate
from typing import Any

from linkscan.errors import InvalidInputError, error_body

# Far deeper than any request or mini-program metadata needs, far shallower than the recursion limit
# that json and pydantic would otherwise hit (a 2 KB body can nest 1,000 levels).
MAX_JSON_DEPTH = 32
JSON_CONTENT_TYPE = "application/json; charset=utf-8"
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)  # unrolled: linear, no alternation per character
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class NestingTooDeepError(InvalidInputError):
    """A JSON document nests arrays and objects deeper than MAX_JSON_DEPTH."""


def json_depth(text: str) -> int:
    """How deep arrays and objects nest in JSON text, counted without parsing it (brackets in strings skipped)."""
    brackets = _NOT_BRACKETS.sub("", _STRINGS.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def value_depth(value: Any, limit: int = MAX_JSON_DEPTH) -> int:
    """How deep a parsed JSON value nests, walked without recursion and stopping past ``limit``."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            children: Iterable[Any] = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def check_depth(value: Any, field: str | None = None, limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse a parsed value nested deeper than ``limit`` (InvalidInputError naming ``field``)."""
    if value_depth(value, limit) > limit:
        where = f"{field}: " if field else ""
        raise NestingTooDeepError(f"{where}nested more than {limit} levels deep", field=field)


def loads_bounded(text: str | bytes, limit: int = MAX_JSON_DEPTH) -> Any:
    """json.loads that refuses deep nesting with a clear error instead of a RecursionError."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if json_depth(text) > limit:
        raise NestingTooDeepError(f"the body is nested more than {limit} levels deep")
    return json.loads(text)


def dumps(value: Any) -> str:
    """Response JSON: UTF-8 text as it is (Chinese stays readable, not \\u escapes)."""
    from aws_lambda_powertools.shared.json_encoder import Encoder

    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), cls=Encoder)


def as_json_request(event: dict[str, Any]) -> dict[str, Any]:
    """Read every request body as JSON, whatever Content-Type it declares.

    curl -d sends application/x-www-form-urlencoded unless told otherwise; every body this API takes is
    JSON, so a body that parses is accepted and one that does not gets the usual JSON error.
    """
    if not event.get("body"):
        return event
    headers = {k: v for k, v in (event.get("headers") or {}).items() if k.lower() != "content-type"}
    multi = {k: v for k, v in (event.get("multiValueHeaders") or {}).items() if k.lower() != "content-type"}
    headers["Content-Type"] = "application/json"
    multi["Content-Type"] = ["application/json"]
    return {**event, "headers": headers, "multiValueHeaders": multi}


def with_charset(response: dict[str, Any]) -> dict[str, Any]:
    """Say the charset of every JSON answer, including those the resolver typed as plain application/json."""
    for key in ("headers", "multiValueHeaders"):
        headers = response.get(key) or {}
        for name, value in headers.items():
            if name.lower() != "content-type":
                continue
            if isinstance(value, list):
                headers[name] = [JSON_CONTENT_TYPE if v == "application/json" else v for v in value]
            elif value == "application/json":
                headers[name] = JSON_CONTENT_TYPE
    return response


def route_list(document: Mapping[str, Any]) -> list[str]:
    """'METHOD /path' for every operation of an OpenAPI document (what a 404 lists)."""
    methods = ("get", "put", "post", "delete", "patch")
    return [
        f"{method.upper()} {path}"
        for path, item in sorted(document.get("paths", {}).items())
        for method in methods
        if method in item
    ]


def not_found_body(method: str, path: str, routes: list[str]) -> dict[str, Any]:
    details = [{"route": route} for route in routes]
    return error_body("not_found", f"no route {method} {path}; the routes are listed in details", None, details)


def invalid_json_body(exc: ValueError) -> dict[str, Any]:
    return error_body(
        "invalid_request", f"the body is not valid JSON: {exc}", None, [{"field": None, "problem": str(exc)}]
    )


EMPTY_BODY_MESSAGE = "the body is empty: send a JSON object"
