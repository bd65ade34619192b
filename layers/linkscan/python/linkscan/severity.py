"""The severity ladder, lowest first: one definition for rules, verdicts, mini-programs and the blocklist."""

from __future__ import annotations

from typing import Literal, get_args

Severity = Literal["low", "medium", "high", "critical"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
