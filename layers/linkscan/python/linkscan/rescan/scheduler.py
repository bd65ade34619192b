"""Queue the rescans that are due, within the hourly budget, each delayed by a random jitter."""

from __future__ import annotations

import dataclasses
import random
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from linkscan.clock import stamp
from linkscan.messages import ScanMessage
from linkscan.rescan.liveness import budget_per_run
from linkscan.scanner import new_scan_id

if TYPE_CHECKING:
    from linkscan.platform_settings import PlatformSettings
    from linkscan.storage.platform import MessageQueue, PlatformRecords


def queue_due_rescans(
    now: datetime,
    *,
    records: PlatformRecords,
    queue: MessageQueue,
    settings: PlatformSettings,
    rng: random.Random | None = None,
) -> int:
    """Send due checks to the low-priority scan queue; returns how many were queued."""
    rng = rng or random.Random()  # noqa: S311 - spreading load, not security
    budget = budget_per_run(settings.rescan_checks_per_hour, settings.rescan_run_every_minutes)
    due = records.due_rescans(stamp(now), budget)
    if not due:
        return 0
    messages = [
        ScanMessage(
            scan_id=new_scan_id(), target_id=entry.target_id, target_type="url", target=entry.target, purpose="rescan"
        ).model_dump(exclude_none=True)
        for entry in due
    ]
    delays = [rng.randint(0, settings.rescan_jitter_seconds) for _ in due]
    queue.send(messages, delays=delays)
    for entry in due:
        # Not due again until its interval passes, should this check be lost; the check's result reschedules it.
        later = now + timedelta(seconds=max(entry.interval_seconds, 3600))
        records.put_rescan(dataclasses.replace(entry, next_check_at=stamp(later)))
    return len(due)
