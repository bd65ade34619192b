"""Every category and subcategory the rules or the mini-program policy can give a verdict has a public name."""

from __future__ import annotations

from pathlib import Path

import yaml

import linkscan
from linkscan.blocklist.model import Entry
from linkscan.blocklist.page import PageConfig, category_names, render_page
from linkscan.detect.rules import builtin_pack_paths, declared_subcategories

MINIPROGRAM_POLICY = Path(linkscan.__file__).parent / "policy" / "miniprogram.yaml"


def test_every_declared_subcategory_has_an_english_and_a_chinese_name() -> None:
    docs = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in builtin_pack_paths()]
    declared = declared_subcategories(docs)
    policy = MINIPROGRAM_POLICY.read_text(encoding="utf-8")
    names = category_names()

    missing = [
        f"{category}.{sub}"
        for category, subs in declared.items()
        for sub in subs
        if sub not in names.subcategories.get(category, {})
    ]
    missing += [c for c in declared if c not in names.categories]
    missing += [
        s
        for s in ("unlicensed_lending",)
        if f"subcategory: {s}" in policy and s not in names.subcategories["cash_loan"]
    ]
    assert not missing
    assert all(n.en and n.zh for subs in names.subcategories.values() for n in subs.values())


def test_page_headings_show_names_not_ids_and_escape_listed_text() -> None:
    entry = Entry("<b>x.example/", "cash_loan", "predatory_loan", "high", "<script>", "2026-12-01T00:00:00Z", "")
    html = render_page(PageConfig(), {"version": 3, "generated_at": "now", "counts": {"entries": 1}}, [entry])

    assert "非法网贷 · Illegal cash loans" in html.replace('<span lang="zh">', "").replace("</span>", "")
    assert ">cash_loan<" not in html and "&lt;b&gt;x.example/" in html and "&lt;script&gt;" in html
    assert "minlength" not in html.split("<script id")[0]  # limits are set by the script from the API model
    assert '"reason": {"min": 10, "max": 4000}' in html
