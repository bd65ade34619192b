"""Mini-program scanning: validated metadata in, a composed verdict out. Pure domain code, no AWS.

    from linkscan.miniprogram import parse_metadata, scan_miniprogram, reevaluate, outbound_urls
    meta = parse_metadata(appid, raw)                     # InvalidInputError naming the field
    verdict = scan_miniprogram(meta, detector, prior_violations=0, scan_id=..., scanned_at=...)
    verdict = reevaluate(verdict, meta, {url: "block", ...})   # once child scans of outbound_urls finish

The API only validates, so the scanning names (which pull in the detection engine) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linkscan.miniprogram.model import MiniProgramMetadata, target_id_for_appid
from linkscan.miniprogram.parse import checked_metadata, parse_appid, parse_metadata, parse_submission

if TYPE_CHECKING:
    from linkscan.miniprogram.links import outbound_urls
    from linkscan.miniprogram.verdict import reevaluate, scan_miniprogram

__all__ = [
    "MiniProgramMetadata",
    "checked_metadata",
    "outbound_urls",
    "parse_appid",
    "parse_metadata",
    "parse_submission",
    "reevaluate",
    "scan_miniprogram",
    "target_id_for_appid",
]

_LAZY = {"outbound_urls": "links", "reevaluate": "verdict", "scan_miniprogram": "verdict"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f"linkscan.miniprogram.{_LAZY[name]}"), name)
    raise AttributeError(name)
