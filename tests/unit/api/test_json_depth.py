"""Nesting depth of request JSON, counted without recursion: brackets inside strings do not count."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkscan.api_edge import MAX_JSON_DEPTH, NestingTooDeepError, json_depth, loads_bounded, value_depth

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ab\u2028中'),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=3), children, max_size=4),
    max_leaves=30,
)


@given(JSON)
def test_text_depth_is_the_parsed_values_depth(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    assert json_depth(text) == value_depth(value)


def test_a_thousand_levels_in_a_few_kilobytes_are_refused_with_a_message() -> None:
    with pytest.raises(NestingTooDeepError, match=f"nested more than {MAX_JSON_DEPTH} levels"):
        loads_bounded('{"a": ' + "[" * 1000 + "]" * 1000 + "}")


def test_ordinary_bodies_parse() -> None:
    assert loads_bounded(b'{"urls": ["https://example.org/[x]{y}\\""]}') == {"urls": ['https://example.org/[x]{y}"']}
