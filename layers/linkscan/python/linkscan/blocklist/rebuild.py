"""The list a full rebuild should publish, computed from every blocked URL target in the main table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from linkscan.blocklist.changes import entry_for, listing_expressions, target_state
from linkscan.blocklist.model import Entry
from linkscan.blocklist.scope import SharedHosts
from linkscan.items import TargetRecord
from linkscan.severity import SEVERITIES


def desired_entries(targets: Iterable[TargetRecord], shared: SharedHosts, now: str) -> list[Entry]:
    """One entry per expression; several targets on one expression share it (the most severe describes it)."""
    by_expression: dict[str, Entry] = {}
    for record in targets:
        target = target_state(record)
        if target is None:
            continue
        for expression in listing_expressions(target, shared):
            entry = entry_for(expression, target, now)
            current = by_expression.get(expression)
            if current is None:
                by_expression[expression] = entry
                continue
            leader = max(current, entry, key=_rank)
            by_expression[expression] = replace(
                leader,
                targets=current.targets | entry.targets,
                last_confirmed=max(current.last_confirmed, entry.last_confirmed),
            )
    return list(by_expression.values())


def _rank(entry: Entry) -> tuple[int, str]:
    severity = SEVERITIES.index(entry.severity) if entry.severity in SEVERITIES else 0
    return severity, entry.last_confirmed
