"""From the main table's current-verdict items to listing decisions.

The stream carries the old and new image of each target's "CURRENT" item; listing follows
``effective_decision`` (the decision after moderation). An item whose target is not a URL is ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from linkscan.blocklist.model import Entry, TargetState
from linkscan.blocklist.scope import SharedHosts, listing_expression
from linkscan.errors import InvalidUrlError

_SCOPES = ("host", "path", "exact")


def target_state(item: Mapping[str, Any] | None) -> TargetState | None:
    """The listing-relevant view of a main-table item (deserialized), or None when it is not a URL target."""
    if not item or item.get("target_type") != "url" or not item.get("target"):
        return None
    moderation = item.get("moderation") or {}
    overturned = isinstance(moderation, Mapping) and moderation.get("action") == "overturn"
    hint = item.get("listing_scope")
    return TargetState(
        target_id=str(item.get("target_id") or ""),
        url=str(item["target"]),
        blocked=item.get("effective_decision") == "block" and not overturned,
        category=str(item.get("category") or "unknown"),
        subcategory=str(item.get("subcategory") or ""),
        severity=str(item.get("severity") or "medium"),
        public_reason=str(item.get("public_reason") or ""),
        scanned_at=str(item.get("scanned_at") or ""),
        listing_scope=hint if hint in _SCOPES else None,
    )


@dataclass(frozen=True, slots=True)
class ListingChange:
    """What one verdict change asks of the list: hold ``hold`` for the target, release ``release``."""

    target: TargetState
    hold: str | None  # expression the target should now hold
    release: str | None  # expression the target no longer holds


def listing_change(old: TargetState | None, new: TargetState | None, shared: SharedHosts) -> ListingChange | None:
    """Compare two states of one target; None when the list is not concerned."""
    new_expression = _expression(new, shared)
    old_expression = _expression(old, shared)
    target = new or old
    if target is None or (new_expression is None and old_expression is None):
        return None
    release = old_expression if old_expression != new_expression else None
    return ListingChange(target=target, hold=new_expression, release=release)


def _expression(state: TargetState | None, shared: SharedHosts) -> str | None:
    if state is None or not state.blocked:
        return None
    try:
        return listing_expression(state.url, state.listing_scope, shared)
    except InvalidUrlError:
        return None  # a stored target that no longer canonicalizes cannot be listed


def entry_for(expression: str, target: TargetState, now: str, first_listed: str | None = None) -> Entry:
    """The public entry a blocked target creates (or refreshes) for an expression."""
    return Entry(
        expression=expression,
        category=target.category,
        subcategory=target.subcategory,
        severity=target.severity,
        public_reason=target.public_reason,
        first_listed=first_listed or now,
        last_confirmed=target.scanned_at or now,
        targets=frozenset({target.target_id}),
    )
