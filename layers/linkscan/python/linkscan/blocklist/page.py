"""The public page, rendered from the manifest into one self-contained HTML file (no CDN, no framework).

Without JavaScript it shows what the list is, the counts, the newest entries with readable category
names, the downloads and how to look a link up. Its script then streams the published ``blocklist.json``
line by line into columns and builds the searchable, paginated table, the per-category counts and the
chart of additions in the browser; it adds the link check (``/v1/lookup``) and the appeal form
(``POST /v1/appeals``, status by id and token). It never calls the moderators' queue.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from string import Template
from typing import Any

from linkscan.blocklist.model import Entry
from linkscan.yaml_data import load_yaml

TEMPLATE_FILE = Path(__file__).resolve().parent.parent / "static" / "index.html"
CATEGORIES_FILE = Path(__file__).with_name("categories.yaml")


@dataclass(frozen=True)
class PageConfig:
    api_base: str = ""  # PUBLIC_BASE_URL; the page calls <api_base>/v1/lookup and <api_base>/v1/appeals
    homepage: str = ""
    title: str = "linkscan public blocklist"
    recent_limit: int = 50


@dataclass(frozen=True)
class Name:
    """A category's or subcategory's public name in English and Chinese."""

    en: str
    zh: str

    def html(self) -> str:
        return f'<span lang="zh">{escape(self.zh)}</span> · {escape(self.en)}'


@dataclass(frozen=True)
class CategoryNames:
    categories: Mapping[str, Name]
    subcategories: Mapping[str, Mapping[str, Name]]

    def category(self, category: str) -> Name:
        return self.categories.get(category) or Name(category.replace("_", " "), category)

    def subcategory(self, category: str, subcategory: str) -> Name:
        names = self.subcategories.get(category, {})
        return names.get(subcategory) or Name(subcategory.replace("_", " "), subcategory)

    def as_json(self) -> dict[str, Any]:
        return {
            key: {
                "en": name.en,
                "zh": name.zh,
                "sub": {s: {"en": n.en, "zh": n.zh} for s, n in self.subcategories.get(key, {}).items()},
            }
            for key, name in self.categories.items()
        }


@cache
def category_names() -> CategoryNames:
    """The public names from ``categories.yaml`` (data, so a new subcategory needs no code)."""
    doc = load_yaml(CATEGORIES_FILE)["categories"]
    return CategoryNames(
        categories={key: Name(spec["en"], spec["zh"]) for key, spec in doc.items()},
        subcategories={
            key: {sub: Name(n["en"], n["zh"]) for sub, n in (spec.get("subcategories") or {}).items()}
            for key, spec in doc.items()
        },
    )


@cache
def appeal_limits() -> dict[str, dict[str, int]]:
    """The appeal form's length limits, from the API's own request model (one source for both)."""
    from linkscan.api_models import AppealRequest  # the model, not the page, owns the limits

    properties = AppealRequest.model_json_schema()["properties"]
    return {
        field: {"min": int(spec.get("minLength", 0)), "max": int(spec.get("maxLength", 0))}
        for field, spec in properties.items()
    }


@cache
def _template() -> Template:
    return Template(TEMPLATE_FILE.read_text(encoding="utf-8"))


def render_page(config: PageConfig, manifest: Mapping[str, Any], recent: Iterable[Entry]) -> str:
    names = category_names()
    counts = manifest.get("counts", {})
    files = manifest.get("files", {})
    labels = {
        "entries": "listed links",
        "domains": "whole domains",
        "host": "whole hosts",
        "path": "path prefixes",
        "exact": "exact URLs",
    }
    count_html = "".join(
        f'<li data-count="{escape(key)}"><strong>{int(value):,}</strong> {escape(labels.get(key, key))}</li>'
        for key, value in counts.items()
    )
    list_info = files.get("blocklist.json") or {}
    page_config = {
        "api_base": config.api_base.rstrip("/"),
        "version": manifest["version"],
        "list_path": list_info.get("path", ""),
        "list_bytes": list_info.get("bytes", 0),
        "entries": int(counts.get("entries", 0)),
        "names": names.as_json(),
        "appeal_limits": appeal_limits(),
    }
    api = config.api_base.rstrip("/") or "https://api.example"
    return _template().substitute(
        title=escape(config.title),
        version=int(manifest["version"]),
        generated_at=escape(str(manifest["generated_at"])),
        counts=count_html,
        categories=_categories_html(names),
        recent=_recent_rows(recent, names, config.recent_limit),
        downloads=_downloads_html(files),
        api=escape(api),
        homepage=_homepage_html(config.homepage),
        config=json.dumps(page_config, ensure_ascii=False).replace("</", "<\\/"),
    )


def _categories_html(names: CategoryNames) -> str:
    """What is listed: every category and its subcategories by name (ids only as data attributes)."""
    parts = []
    for key, name in names.categories.items():
        subs = "".join(
            f'<li data-subcategory="{escape(sub)}">{sub_name.html()}</li>'
            for sub, sub_name in names.subcategories.get(key, {}).items()
        )
        parts.append(
            f'<div class="category" data-category="{escape(key)}"><h3>{name.html()}'
            f' <span class="category-count" data-count-category="{escape(key)}"></span></h3><ul>{subs}</ul></div>'
        )
    return "\n".join(parts)


def _recent_rows(entries: Iterable[Entry], names: CategoryNames, limit: int) -> str:
    """The newest entries as table rows, for readers without JavaScript (the script replaces them)."""
    rows = sorted(entries, key=lambda e: (e.first_listed, e.expression), reverse=True)[:limit]
    if not rows:
        return '<tr><td colspan="5">Nothing is listed yet.</td></tr>'
    return "\n".join(
        f'<tr class="entry"><td><code>{escape(e.expression)}</code></td>'
        f"<td>{names.category(e.category).html()}<br><small>"
        f"{names.subcategory(e.category, e.subcategory).html()}</small></td>"
        f'<td><time datetime="{escape(e.first_listed)}">{escape(e.first_listed[:10])}</time></td>'
        f"<td>{escape(e.public_reason)}</td>"
        f'<td><a href="#appeal" class="appeal-link">Appeal</a></td></tr>'
        for e in rows
    )


def _downloads_html(files: Mapping[str, Mapping[str, Any]]) -> str:
    # Paths relative to the bucket root, where the current page lives; the script rebases them for the
    # copy under v/<version>/.
    rows = []
    for name, info in files.items():
        if name == "index.html":
            continue
        rows.append(
            f'<tr><td><a class="file" href="{escape(str(info["path"]), quote=True)}" download>{escape(name)}</a></td>'
            f"<td>{escape(str(info.get('description', '')))}</td><td>{int(info.get('bytes', 0)):,}&nbsp;B</td>"
            f'<td><code title="{escape(str(info.get("sha256", "")), quote=True)}">'
            f"{escape(str(info.get('sha256', ''))[:16])}…</code></td></tr>"
        )
    rows.append(
        '<tr><td><a class="file" href="manifest.json">manifest.json</a></td>'
        "<td>Current version, counts, every file's checksum</td><td></td><td></td></tr>"
    )
    rows.append(
        '<tr><td><a class="file" href="blocklist.schema.json">blocklist.schema.json</a></td>'
        "<td>JSON Schema of blocklist.json</td><td></td><td></td></tr>"
    )
    return "\n".join(rows)


def _homepage_html(homepage: str) -> str:
    if not homepage:
        return ""
    href = escape(homepage, quote=True)
    return f' The operator\'s site: <a href="{href}">{escape(homepage)}</a>.'
