"""Mini-programs for the demo: the submission events from events/, with their links pointed at the sample pages.

The events' links go to *.example hosts that do not resolve; the demo points them at loopback pages so
that each mini-program's child link scans finish and the parent is re-evaluated with their verdicts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from devstack.pages import SamplePages

EVENTS = Path(__file__).resolve().parent.parent / "events"

# (label, event file, sample page its links lead to, decisions the demo accepts)
DEMO_PROGRAMS = [
    ("clean bookkeeping app", "api_submit_miniprogram_clean.json", "/clean.html", ("allow",)),
    (
        "cash loan as a bookkeeping tool",
        "api_submit_miniprogram_cashloan_wrong_category.json",
        "/loan.html",
        ("block",),
    ),
    ("links to a blocked page", "api_submit_miniprogram_blocked_link_only.json", "/go/loan", ("review", "block")),
]


def _repoint(value: Any, url: str) -> Any:
    """Every http(s) URL in the metadata → the local page."""
    if isinstance(value, dict):
        return {k: (url if k == "url" and isinstance(v, str) else _repoint(v, url)) for k, v in value.items()}
    if isinstance(value, list):
        return [_repoint(v, url) for v in value]
    return value


def demo_miniprograms(pages: SamplePages) -> list[tuple[str, dict[str, Any], tuple[str, ...]]]:
    programs = []
    for label, event_file, page, accepted in DEMO_PROGRAMS:
        body = json.loads(json.loads((EVENTS / event_file).read_text(encoding="utf-8"))["body"])
        body["metadata"] = _repoint(body["metadata"], pages.url(page))
        programs.append((label, body, accepted))
    return programs
