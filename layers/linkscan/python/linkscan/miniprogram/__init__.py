"""Mini-program scanning: validated metadata in, a composed verdict out. Pure domain code, no AWS.

from linkscan.miniprogram import parse_metadata, scan_miniprogram, reevaluate, outbound_urls
meta = parse_metadata(appid, raw)                     # InvalidInputError naming the field
verdict = scan_miniprogram(meta, detector, prior_violations=0, scan_id=..., scanned_at=...)
verdict = reevaluate(verdict, meta, {url: "block", ...})   # once child scans of outbound_urls finish
"""

from linkscan.miniprogram.links import outbound_urls
from linkscan.miniprogram.model import MiniProgramMetadata, target_id_for_appid
from linkscan.miniprogram.parse import MiniProgramSubmission, parse_appid, parse_metadata, parse_submission
from linkscan.miniprogram.verdict import reevaluate, scan_miniprogram

__all__ = [
    "MiniProgramMetadata",
    "MiniProgramSubmission",
    "outbound_urls",
    "parse_appid",
    "parse_metadata",
    "parse_submission",
    "reevaluate",
    "scan_miniprogram",
    "target_id_for_appid",
]
