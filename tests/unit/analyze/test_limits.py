"""Analysis is bounded and still reads every word: deep nesting, elements with huge attribute
lists and pages that exhaust the CPU budget end in bounded time, with their text judged and the
bound that was hit recorded."""

from __future__ import annotations

import pytest

from linkscan.analyze import analyze_html, analyze_text
from linkscan.analyze.limits import cap_attributes, plain_text
from linkscan.settings import AnalysisSettings

SECRET = "无视征信秒下款"


def nested(depth: int, inner: str, tag: str = "div") -> str:
    return f"<html><body><p>开头</p>{f'<{tag}>' * depth}{inner}{f'</{tag}>' * depth}<p>结尾</p></body></html>"


@pytest.mark.timeout(10)
@pytest.mark.parametrize("depth", [300, 5_000, 300_000], ids=["past-libxml2", "deep", "2MB-deep"])
def test_text_at_any_depth_is_read(depth: int) -> None:
    # Given text inside more nested elements than libxml2 builds (it stops at 256 and drops the rest)
    page = nested(depth, f"<span>{SECRET}</span>", tag="b" if depth > 5_000 else "div")

    features = analyze_html(page)

    # Then the text before, inside and after the nesting is all read, and the shortcut is recorded
    assert SECRET in features.text
    assert "开头" in features.text and "结尾" in features.text
    assert features.limit is not None and "nesting" in features.limit


def test_a_page_within_the_nesting_limit_keeps_its_structure() -> None:
    page = nested(200, f"<p>{SECRET}</p><p hidden>藏起来的</p>")

    features = analyze_html(page)

    assert SECRET in features.text and "藏起来的" not in features.text
    assert features.hidden_text == "藏起来的"
    assert features.limit is None


@pytest.mark.timeout(10)
def test_an_element_with_340k_attributes_is_read_in_bounded_time() -> None:
    # Given a 2 MB page with one element carrying ~340,000 attributes (libxml2 compares each with
    # every earlier one: this did not finish in 150 s)
    attributes = " ".join(f"x{i:x}" for i in range(340_000))
    page = f"<html><body><div {attributes} title=t>{SECRET}</div><a href='/next'>下一页</a></body></html>"

    features = analyze_html(page, "https://shop.example/")

    assert SECRET in features.text
    assert [link.url for link in features.links] == ["https://shop.example/next"]
    assert features.limit is not None and "attributes" in features.limit


def test_attributes_up_to_the_cap_are_all_read() -> None:
    attributes = " ".join(f"data-{i}=v" for i in range(255))
    page = f'<html><body><a {attributes} href="/in">进入</a></body></html>'

    features = analyze_html(page, "https://shop.example/", AnalysisSettings(max_attributes=256))

    assert [link.url for link in features.links] == ["https://shop.example/in"]
    assert features.limit is None


def test_cap_attributes_keeps_the_first_ones_and_the_rest_of_the_page() -> None:
    page = "<p a=\"1>\" b c='3' d>text</p><i e f>"

    capped, count = cap_attributes(page, 2)

    assert (capped, count) == ('<p a="1>" b>text</p><i e f>', 1)


@pytest.mark.timeout(10)
def test_many_fields_inside_nested_labels_are_read_in_bounded_time() -> None:
    # Each field's enclosing label text used to be read again for every field: quadratic.
    page = nested(200, "<input name=f>" * 40_000 + SECRET, tag="label")

    features = analyze_html(page)

    assert sum(len(form.fields) for form in features.forms) == 40_000
    assert SECRET in features.text
    assert features.limit is None


def test_when_the_cpu_budget_runs_out_the_text_is_still_read() -> None:
    page = nested(3, f"<p>{SECRET}</p><div style='display:none'>备用微信 kefu_777</div>")

    features = analyze_html(page, settings=AnalysisSettings(cpu_seconds=0.0))

    assert features.limit is not None and "CPU budget" in features.limit
    assert SECRET in features.text and "kefu_777" in features.text  # hidden or not, every word is judged
    assert any(contact.value == "kefu_777" for contact in features.contacts)


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    "junk",
    ["<!--", "<script>", "<style>x", "<a href='", "<<<<", "</x>"],
    ids=["comment", "script", "style", "quote", "brackets", "end-tags"],
)
def test_the_structure_free_pass_is_linear_on_unclosed_constructs(junk: str) -> None:
    page = f"<p>{SECRET}</p>" + junk * (2 * 1024 * 1024 // len(junk))

    assert SECRET in plain_text(page)


@pytest.mark.parametrize("control", ["\x1f", "\x00", "\x0c", "\x08"])
def test_control_characters_do_not_break_analysis(control: str) -> None:
    # Found by the fuzz target: lxml refused to set a text holding one, and analysis raised.
    page = f"<html><body><div>{SECRET}</div>{control}<p>结尾{control}</p></body></html>"

    features = analyze_html(page)

    assert SECRET in features.text and "结尾" in features.text


@pytest.mark.timeout(10)
@pytest.mark.parametrize("keyword", ["微信", "QQ", "TG"])
def test_a_contact_keyword_followed_by_64kb_of_spaces_is_read_in_linear_time(keyword: str) -> None:
    # Three optional whitespace runs in a row backtracked cubically ("微信" and 2,000 spaces: 64 s).
    text = f"{keyword}{' ' * 64 * 1024}\n微信：kefu_777"

    features = analyze_text(text)

    assert [(c.kind, c.value) for c in features.contacts] == [("wechat", "kefu_777")]


@pytest.mark.timeout(10)
def test_a_long_run_of_unicode_spaces_collapses_in_linear_time() -> None:
    page = f"<html><body><p>前{chr(0x2000) * 200_000}后</p></body></html>"

    assert analyze_html(page).text == "前 后"


@pytest.mark.parametrize(
    "space", [c for c in map(chr, range(0x3001)) if c.isspace() and c not in "\n\r"], ids=lambda c: f"U+{ord(c):04X}"
)
def test_every_kind_of_space_collapses_to_one(space: str) -> None:
    assert analyze_html(f"<html><body><p>前{space * 50}后</p></body></html>").text == "前 后"


def test_links_below_the_nesting_limit_are_still_found() -> None:
    inner = '<a href="/loan.apk">下载</a><a href="https://t.me/kefu_777">TG</a>'
    page = nested(1_000, inner)

    features = analyze_html(page, "https://shop.example/")

    assert {link.url for link in features.links} == {"https://shop.example/loan.apk", "https://t.me/kefu_777"}
    assert [d.kind for d in features.downloads] == ["apk"]
