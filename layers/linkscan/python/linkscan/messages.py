"""What travels on the scan queue: one message per scan to run."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class ScanMessage(BaseModel):
    """What the API (and a mini-program's child links) put on the scan queue."""

    scan_id: str
    target_id: str
    target_type: Literal["url", "miniprogram"]
    target: str
    metadata_key: str | None = None
    metadata_url: str | None = None
    parent_id: str | None = None
    # "rescan": a scheduled check of a listed link, which a clean result alone never delists (rescan/liveness.py)
    purpose: Literal["submission", "rescan"] = "submission"
