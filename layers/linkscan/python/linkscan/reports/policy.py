"""The report policy (reports/policy.yaml) and the decisions a report needs: limits, weight, burst."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from linkscan.policy_data import load_policy


@dataclass(frozen=True)
class ReportPolicy:
    window_minutes: int = 60
    per_client: dict[str, int] = field(default_factory=lambda: {"anonymous": 10, "registered": 300})
    per_target: int = 30
    dedupe_hours: float = 24
    anonymous_weight: float = 0.2
    registered_default_weight: float = 0.6
    priority_weight: float = 0.5
    burst_per_domain: int = 20
    version: int = 1

    @classmethod
    def load(cls, text: str | None = None) -> ReportPolicy:
        """The shipped policy (reports/policy.yaml), or the YAML given."""
        return load_policy(cls, "linkscan.reports", text)

    def window(self, now: datetime) -> tuple[str, int]:
        """The current window's name and when its counters may expire (epoch seconds)."""
        minutes = int(now.timestamp() // 60)
        start = minutes - minutes % self.window_minutes
        return str(start), (start + 2 * self.window_minutes) * 60

    def dedupe_since(self, now: datetime) -> datetime:
        return now - timedelta(hours=self.dedupe_hours)

    def client_limit(self, registered: bool) -> int:
        return self.per_client["registered" if registered else "anonymous"]

    def high_priority(self, weight: float) -> bool:
        return weight >= self.priority_weight

    def is_burst(self, domain_count: int) -> bool:
        return domain_count > self.burst_per_domain
