"""The lookup API's request rules, checked without pydantic so the public lookup function starts fast.

The contract is the models of ``blocklist/api_models.py`` (the OpenAPI document is generated from them);
these checks accept and refuse the same requests, with the same messages, and a unit test holds them to
it (tests/unit/blocklist/test_lookup_requests.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

MAX_LOOKUP_URLS = 500
MAX_URL_LENGTH = 4096
PREFIX_PATTERN = r"^[0-9a-fA-F]{8}$"
_PREFIX = re.compile(PREFIX_PATTERN)

Problem = tuple[str, str]  # (field, what is wrong), as the error body's details list them


class RequestProblems(Exception):
    """Everything wrong with a request, in the order the fields were checked."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0][1])
        self.problems = problems


def _text_problem(value: object, max_length: int) -> str | None:
    if not isinstance(value, str):
        return "Input should be a valid string"
    if not value:
        return "String should have at least 1 character"
    if len(value) > max_length:
        return f"String should have at most {max_length} characters"
    return None


def url_parameter(query: Mapping[str, str] | None) -> str:
    """The ``url`` query parameter of ``GET /v1/lookup``."""
    url = (query or {}).get("url")
    if url is None:
        raise RequestProblems([("url", "Field required")])
    problem = _text_problem(url, MAX_URL_LENGTH)
    if problem:
        raise RequestProblems([("url", problem)])
    return url


def prefix_parameter(prefix: str | None) -> str:
    """The ``prefix`` path parameter of ``GET /v1/hashes/{prefix}``: 8 hex characters."""
    if not prefix or not _PREFIX.match(prefix):
        raise RequestProblems([("prefix", f"String should match pattern '{PREFIX_PATTERN}'")])
    return prefix


def lookup_urls(body: Any) -> list[str]:
    """The ``urls`` of a ``POST /v1/lookup`` body: an object with 1 to 500 strings and nothing else."""
    if not isinstance(body, Mapping):
        raise RequestProblems([("", "Input should be a valid dictionary or object to extract fields from")])
    problems: list[Problem] = []
    urls: Any = body.get("urls")
    if "urls" not in body:
        problems.append(("urls", "Field required"))
    elif not isinstance(urls, list):
        problems.append(("urls", "Input should be a valid list"))
    elif not urls:
        problems.append(("urls", "List should have at least 1 item after validation, not 0"))
    elif len(urls) > MAX_LOOKUP_URLS:
        problems.append(("urls", f"List should have at most {MAX_LOOKUP_URLS} items after validation, not {len(urls)}"))
    else:
        problems += [
            (f"urls.{i}", "Input should be a valid string") for i, u in enumerate(urls) if not isinstance(u, str)
        ]
    problems += [(str(name), "Extra inputs are not permitted") for name in body if name != "urls"]
    if problems:
        raise RequestProblems(problems)
    return list(urls)
