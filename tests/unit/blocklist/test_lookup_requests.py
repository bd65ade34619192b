"""The lookup function's hand-written checks accept and refuse exactly what the API's models do."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, Field, ValidationError

from linkscan.blocklist.api_models import LookupRequest
from linkscan.blocklist.lookup_requests import (
    MAX_URL_LENGTH,
    PREFIX_PATTERN,
    RequestProblems,
    lookup_urls,
    prefix_parameter,
    url_parameter,
)


class _Query(BaseModel):
    """The query and path parameters as devstack/lookup_contract.py declares them."""

    url: str = Field(min_length=1, max_length=MAX_URL_LENGTH)


class _Prefix(BaseModel):
    prefix: str = Field(pattern=PREFIX_PATTERN)


def _model_problems(model: type[BaseModel], data: Any) -> list[tuple[str, str]] | None:
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return [(".".join(str(part) for part in error["loc"]), error["msg"]) for error in exc.errors()]
    return None


def _hand_problems(check: Any, data: Any) -> list[tuple[str, str]] | None:
    try:
        check(data)
    except RequestProblems as exc:
        return exc.problems
    return None


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
BODIES = st.one_of(
    JSON,
    st.dictionaries(st.sampled_from(["urls", "url", "x"]), JSON, max_size=3),
    st.builds(lambda urls: {"urls": urls}, st.lists(st.one_of(st.text(max_size=8), st.integers()), max_size=4)),
)


@given(BODIES)
def test_a_batch_body_is_refused_as_the_model_refuses_it(body: Any) -> None:
    expected = _model_problems(LookupRequest, body)
    found = _hand_problems(lookup_urls, body)
    if not isinstance(body, dict):  # the resolver validated the body's fields, so it worded this one so
        assert expected is not None
        assert found == [("", "Input should be a valid dictionary or object to extract fields from")]
    elif expected is None:
        assert found is None
    else:
        assert found is not None and sorted(found) == sorted(expected)


@pytest.mark.parametrize("count", [0, 1, 500, 501])
def test_a_batch_holds_one_to_five_hundred_urls(count: int) -> None:
    body = {"urls": ["http://a.example/"] * count}
    assert _hand_problems(lookup_urls, body) == _model_problems(LookupRequest, body)


@pytest.mark.parametrize(
    "query", [None, {}, {"url": ""}, {"url": "x" * (MAX_URL_LENGTH + 1)}, {"url": "http://a.example/"}]
)
def test_the_url_parameter_is_checked_as_declared(query: dict[str, str] | None) -> None:
    assert _hand_problems(url_parameter, query) == _model_problems(_Query, query or {})


@given(st.text(alphabet="0123456789abcdefABCDEFxyz/", max_size=10))
def test_the_prefix_parameter_is_checked_as_declared(prefix: str) -> None:
    expected = _model_problems(_Prefix, {"prefix": prefix})
    found = _hand_problems(prefix_parameter, prefix)
    assert (found is None) == (expected is None)
    if found is not None and expected is not None:
        assert found == expected
