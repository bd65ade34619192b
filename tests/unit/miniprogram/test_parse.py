"""Bad metadata is refused with an error that names the offending field."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkscan.errors import InvalidInputError
from linkscan.miniprogram import parse_appid, parse_metadata, parse_submission, target_id_for_appid
from linkscan.miniprogram.model import MAX_LINKS_PER_PAGE, MAX_PAGES, MAX_TEXT

APPID = "wx0123456789abcdef"
BASE: dict[str, Any] = {"name": "小工具", "principal": {"name": "某某科技有限公司", "type": "enterprise"}}


def refused(raw: Any, appid: str = APPID) -> InvalidInputError:
    with pytest.raises(InvalidInputError) as caught:
        parse_metadata(appid, raw)
    return caught.value


def test_a_bad_link_is_named_by_its_full_path() -> None:
    pages = [{"path": f"pages/p{i}"} for i in range(3)] + [{"path": "pages/p3", "links": ["ftp://files.example/x"]}]
    error = refused({**BASE, "pages": pages})
    assert str(error) == "metadata.pages[3].links[0]: not a valid http(s) URL"
    assert error.field == "metadata.pages[3].links[0]"


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"name": 42}, "metadata.name", "valid string"),
        ({"pages": {"path": "x"}}, "metadata.pages", "valid list"),
        ({"principal": {"name": "x", "type": "robot"}}, "metadata.principal.type", "individual"),
        ({"contacts": [{"kind": "fax", "value": "1"}]}, "metadata.contacts[0].kind", "wechat"),
        ({"updated_at": "last tuesday"}, "metadata.updated_at", "datetime"),
        ({"navigation": [{"url": "javascript:alert(1)"}]}, "metadata.navigation[0].url", "http(s) URL"),
        ({"navigation": [{"appid": "wxZZ"}]}, "metadata.navigation[0].appid", "16 lowercase hex"),
        ({"navigation": [{"label": "nowhere"}]}, "metadata.navigation[0]", "exactly one of url or appid"),
        ({"pages": [{"path": "p", "links": [{"url": "no-scheme.example"}]}]}, "metadata.pages[0].links[0].url", "URL"),
        ({"surprise": True}, "metadata.surprise", "not permitted"),
        ({"appid": "wxffffffffffffffff"}, "metadata.appid", "does not match"),
    ],
)
def test_wrong_types_and_values_name_the_field(change: dict[str, Any], field: str, words: str) -> None:
    error = refused({**BASE, **change})
    assert error.field == field
    assert str(error).startswith(field + ": ")
    assert words in str(error)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"pages": [{"path": "p", "text": "字" * (MAX_TEXT + 1)}]}, "metadata.pages[0].text"),
        ({"pages": [{"path": f"p{i}"} for i in range(MAX_PAGES + 1)]}, "metadata.pages"),
        (
            {"pages": [{"path": "p", "links": ["https://a.example/"] * (MAX_LINKS_PER_PAGE + 1)}]},
            "metadata.pages[0].links",
        ),
        ({"name": "名" * 65}, "metadata.name"),
        ({"extra": {"blob": "x" * (MAX_TEXT + 1)}}, "metadata.extra"),
    ],
)
def test_oversized_fields_are_refused_by_name(change: dict[str, Any], field: str) -> None:
    error = refused({**BASE, **change})
    assert error.field == field
    assert "at most" in str(error)


@pytest.mark.parametrize(
    "appid", ["wx0123456789ABCDEF", "wx0123456789abcde", "gh_0123456789ab", "", " wx0123456789abcdef"]
)
def test_appid_must_be_wx_and_16_lowercase_hex(appid: str) -> None:
    error = refused(BASE, appid=appid)
    assert error.field == "appid"
    assert "16 lowercase hex" in str(error)


def test_appid_alone_can_be_checked_before_fetching_a_metadata_url() -> None:
    assert parse_appid(APPID) == APPID
    with pytest.raises(InvalidInputError) as caught:
        parse_appid("wx-not-an-appid")
    assert caught.value.field == "appid"


def test_metadata_must_be_an_object() -> None:
    assert refused(["not", "an", "object"]).field == "metadata"


def test_several_errors_are_reported_together() -> None:
    error = refused({**BASE, "name": 1, "description": 2})
    assert "metadata.name:" in str(error) and "metadata.description:" in str(error)


def test_valid_metadata_keeps_links_in_either_form() -> None:
    raw = {
        **BASE,
        "pages": [{"path": "p", "links": ["https://a.example/x", {"url": "https://b.example/", "text": "看看"}]}],
    }
    meta = parse_metadata(APPID, raw)
    assert [(link.url, link.text) for link in meta.pages[0].links] == [
        ("https://a.example/x", ""),
        ("https://b.example/", "看看"),
    ]


def test_submission_needs_exactly_one_metadata_source() -> None:
    with pytest.raises(InvalidInputError, match="exactly one of metadata or metadata_url"):
        parse_submission({"type": "miniprogram", "appid": APPID})
    with pytest.raises(InvalidInputError) as caught:
        parse_submission({"type": "miniprogram", "appid": APPID, "metadata_url": "file:///etc/passwd"})
    assert caught.value.field == "metadata_url"
    url = "https://platform-export.example/m.json"
    assert parse_submission({"type": "miniprogram", "appid": APPID, "metadata_url": url}).metadata_url == url


def test_target_id_is_m_and_32_hex_of_the_namespaced_appid() -> None:
    expected = "m" + hashlib.sha256(f"miniprogram:{APPID}".encode()).hexdigest()[:32]
    assert target_id_for_appid(APPID) == expected
    assert len(expected) == 33


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
KEYS = st.sampled_from(
    ["name", "principal", "pages", "links", "navigation", "contacts", "url", "type", "text", "extra"]
)


@given(st.dictionaries(KEYS, JSON, max_size=6), st.text(max_size=20))
def test_any_json_is_either_metadata_or_an_error_naming_a_field(raw: dict[str, Any], appid: str) -> None:
    for candidate in (appid, APPID):
        try:
            parse_metadata(candidate, {**BASE, **raw})
        except InvalidInputError as error:
            assert error.field
            assert str(error).startswith(error.field)
