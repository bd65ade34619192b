"""Fuzzing analyze_html: garbled, deeply nested and attribute-heavy HTML never crashes it, never
runs past its bounds, and a word the page shows is never lost."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkscan.analyze import analyze_html
from linkscan.settings import AnalysisSettings

MARKER = "秒批贷款"
_TAGS = ["div", "span", "p", "b", "a", "label", "li", "td", "table", "section", "font", "form", "select", "noscript"]
_ATTRIBUTES = ["class=x", "hidden", "style='display:none'", "aria-hidden=true", "href='/x'", 'title="a>b"', "id=f"]
_FRAGMENTS = ["<", ">", "</", "<!--", "-->", '"', "'", "=", "&amp;", "&#", "<script>", "</script>", "<meta ", "\x00"]
_FUZZ = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
_BOUNDS = AnalysisSettings(cpu_seconds=2.0)


@st.composite
def nested_pages(draw: st.DrawFn) -> str:
    """A marker word inside up to 2,000 nested elements, some hidden, some with many attributes."""
    depth = draw(st.integers(0, 2_000))
    tags = draw(st.lists(st.sampled_from(_TAGS), min_size=1, max_size=8))
    attributes = draw(st.lists(st.sampled_from(_ATTRIBUTES), max_size=3))
    crowd = draw(st.integers(0, 600))  # extra attributes on the innermost element
    opening = "".join(f"<{tags[i % len(tags)]} {' '.join(attributes) if i % 7 == 0 else ''}>" for i in range(depth))
    inner = f"<i {' '.join(f'k{n}' for n in range(crowd))}>{MARKER}</i>"
    closing = "".join(f"</{tags[i % len(tags)]}>" for i in reversed(range(depth)))
    return f"<html><body>{opening}{inner}{closing}</body></html>"


@pytest.mark.timeout(300)
@_FUZZ
@given(nested_pages())
def test_a_nested_word_is_always_read(page: str) -> None:
    features = analyze_html(page, "https://fuzz.example/", _BOUNDS)

    # In a select or noscript the word is not prose or not visible, but it is never dropped silently
    # when the page is read whole.
    seen = features.text + features.hidden_text + "".join(f.label for form in features.forms for f in form.fields)
    assert MARKER in seen or "<select" in page


@pytest.mark.timeout(300)
@_FUZZ
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_FRAGMENTS),
            st.sampled_from([f"<{t}>" for t in _TAGS] + [f"</{t}>" for t in _TAGS]),
            st.text(max_size=20),
        ),
        max_size=400,
    ).map("".join),
    st.integers(1, 2_000),
)
def test_garbled_html_never_crashes_and_stays_bounded(fragment: str, repeat: int) -> None:
    page = (fragment * repeat)[: 256 * 1024]

    features = analyze_html(page, "https://fuzz.example/", _BOUNDS)

    assert isinstance(features.text, str)
    assert features.limit is None or features.limit  # a bound hit is named, never empty
