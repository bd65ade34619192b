"""Settings of the platform features (events, webhooks, reviews, reports, rescans), read once from the
environment at cold start, beside ``ServiceSettings`` (which names the shared table, queue and buckets)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from linkscan.settings import FetchSettings, _int, require_set


@dataclass(frozen=True)
class PlatformSettings:
    event_bus_name: str = ""
    webhook_queue_url: str = ""
    rescan_queue_url: str = ""  # the low-priority scan queue: rescans and light reports
    public_base_url: str = ""
    # Rescans queued per hour at most, spread over the scheduler's runs, each delayed by a random jitter.
    rescan_checks_per_hour: int = 120
    rescan_run_every_minutes: int = 5
    rescan_jitter_seconds: int = 240
    review_lease_seconds: int = 900
    fetch: FetchSettings = field(default_factory=FetchSettings)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> PlatformSettings:
        env = os.environ if env is None else env
        return cls(
            event_bus_name=env.get("EVENT_BUS_NAME", "").strip(),
            webhook_queue_url=env.get("WEBHOOK_QUEUE_URL", "").strip(),
            rescan_queue_url=env.get("RESCAN_QUEUE_URL", "").strip(),
            public_base_url=env.get("PUBLIC_BASE_URL", "").rstrip("/"),
            rescan_checks_per_hour=_int(env, "RESCAN_CHECKS_PER_HOUR", cls.rescan_checks_per_hour),
            rescan_run_every_minutes=_int(env, "RESCAN_RUN_EVERY_MINUTES", cls.rescan_run_every_minutes),
            rescan_jitter_seconds=_int(env, "RESCAN_JITTER_SECONDS", cls.rescan_jitter_seconds),
            review_lease_seconds=_int(env, "REVIEW_LEASE_SECONDS", cls.review_lease_seconds),
            fetch=FetchSettings.from_env(env),
        )

    def require(self, *names: str) -> PlatformSettings:
        """These settings, after checking that each named one is set (call it at cold start)."""
        return require_set(self, names)
