"""The public page: rendered server-side from the manifest (works without JavaScript); a small script
adds the search box, which asks the lookup API."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from string import Template
from typing import Any

from linkscan.blocklist.model import Entry

TEMPLATE_FILE = Path(__file__).resolve().parent.parent / "static" / "index.html"


@dataclass(frozen=True)
class PageConfig:
    api_base: str = ""  # PUBLIC_BASE_URL; the page calls <api_base>/v1/lookup
    appeal_url: str = ""  # defaults to <api_base>/v1/appeals
    homepage: str = ""
    title: str = "linkscan public blocklist"
    recent_limit: int = 50

    @property
    def appeal(self) -> str:
        return self.appeal_url or f"{self.api_base}/v1/appeals"


@cache
def _template() -> Template:
    return Template(TEMPLATE_FILE.read_text(encoding="utf-8"))


def render_page(config: PageConfig, manifest: Mapping[str, Any], recent: Iterable[Entry]) -> str:
    counts = manifest.get("counts", {})
    labels = {"entries": "listed", "host": "whole hosts", "path": "path prefixes", "exact": "exact URLs"}
    count_html = "".join(
        f'<span data-count="{escape(key)}"><strong>{int(value):,}</strong> {escape(labels.get(key, key))}</span>'
        for key, value in counts.items()
    )
    config_json = json.dumps({"api_base": config.api_base, "version": manifest["version"]})
    return _template().substitute(
        title=escape(config.title),
        version=int(manifest["version"]),
        generated_at=escape(str(manifest["generated_at"])),
        counts=count_html,
        recent=_recent_html(recent),
        downloads=_downloads_html(manifest.get("files", {})),
        appeal_url=escape(config.appeal, quote=True),
        config=config_json.replace("</", "<\\/"),
    )


def _recent_html(entries: Iterable[Entry]) -> str:
    """Recent additions grouped by category, newest first within each."""
    by_category: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_category[entry.category].append(entry)
    if not by_category:
        return '<p id="recent" class="muted">Nothing listed yet.</p>'
    parts = ['<div id="recent">']
    for category in sorted(by_category):
        rows = sorted(by_category[category], key=lambda e: e.first_listed, reverse=True)
        parts.append(f'<h3 data-category="{escape(category)}">{escape(category)} ({len(rows)})</h3>')
        parts.append("<table><tr><th>Listed</th><th>Expression</th><th>Kind</th><th>Severity</th><th>Reason</th></tr>")
        parts.extend(
            f'<tr class="entry"><td>{escape(e.first_listed[:10])}</td>'
            f"<td><code>{escape(e.expression)}</code></td>"
            f"<td>{escape(e.subcategory or e.scope)}</td><td>{escape(e.severity)}</td>"
            f"<td>{escape(e.public_reason)}</td></tr>"
            for e in rows
        )
        parts.append("</table>")
    parts.append("</div>")
    return "\n".join(parts)


def _downloads_html(files: Mapping[str, Mapping[str, Any]]) -> str:
    rows = []
    for name, info in files.items():
        # The page lives at the bucket root and at v/<version>/; root-relative keys work from both.
        href = "/" + str(info["path"])
        rows.append(
            f'<tr><td><a href="{escape(href, quote=True)}" download>{escape(name)}</a></td>'
            f"<td>{escape(str(info.get('description', '')))}</td><td>{int(info.get('bytes', 0)):,} B</td>"
            f"<td><code>{escape(str(info.get('sha256', ''))[:16])}…</code></td></tr>"
        )
    rows.append(
        '<tr><td><a href="/manifest.json">manifest.json</a></td>'
        "<td>Version, counts, checksums</td><td></td><td></td></tr>"
    )
    rows.append(
        '<tr><td><a href="/blocklist.schema.json">blocklist.schema.json</a></td>'
        "<td>JSON Schema of blocklist.json</td><td></td><td></td></tr>"
    )
    return "\n".join(rows)
