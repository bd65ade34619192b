"""From the main table's current-verdict items to listing decisions.

The stream carries the old and new image of each target's "CURRENT" item; listing follows
``effective_decision`` (the decision after moderation). An item whose target is not a URL is ignored.
A blocked target holds the expression of its URL and, when its redirect chain ended on another host,
the expression of that landing page too (the scanned content lives there; the submitted link is often a
throwaway hop or a shortener).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from linkscan.blocklist.model import Entry, TargetState
from linkscan.blocklist.scope import SharedHosts, listing_expression
from linkscan.canonical import canonicalize
from linkscan.errors import InvalidUrlError

_SCOPES = ("host", "path", "exact")


def target_state(item: Mapping[str, Any] | None) -> TargetState | None:
    """The listing-relevant view of a main-table item (deserialized), or None when it is not a URL target."""
    if not item or item.get("target_type") != "url" or not item.get("target"):
        return None
    moderation = item.get("moderation") or {}
    overturned = isinstance(moderation, Mapping) and moderation.get("action") == "overturn"
    hint = item.get("listing_scope")
    liveness = item.get("liveness") or {}
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
        landing_url=str(item["landing_url"]) if item.get("landing_url") else None,
        status=str(liveness.get("status") or "online"),
        last_checked=str(liveness.get("last_checked") or ""),
    )


@dataclass(frozen=True, slots=True)
class ListingChange:
    """What one verdict change asks of the list: hold ``hold`` for the target, release ``release``."""

    target: TargetState
    hold: tuple[str, ...]  # expressions the target should now hold (its URL's first, then its landing page's)
    release: tuple[str, ...]  # expressions the target no longer holds


def listing_change(old: TargetState | None, new: TargetState | None, shared: SharedHosts) -> ListingChange | None:
    """Compare two states of one target; None when the list is not concerned."""
    new_expressions = listing_expressions(new, shared)
    old_expressions = listing_expressions(old, shared)
    target = new or old
    if target is None or not (new_expressions or old_expressions):
        return None
    release = tuple(expression for expression in old_expressions if expression not in new_expressions)
    return ListingChange(target=target, hold=new_expressions, release=release)


def listing_expressions(state: TargetState | None, shared: SharedHosts) -> tuple[str, ...]:
    """The expressions a target holds: none unless blocked; its URL's, and its landing page's on another host."""
    if state is None or not state.blocked:
        return ()
    expressions: list[str] = []
    for url in (state.url, _landing_elsewhere(state)):
        if url is None:
            continue
        try:
            expression = listing_expression(url, state.listing_scope, shared)
        except InvalidUrlError:
            continue  # a stored URL that no longer canonicalizes cannot be listed
        if expression not in expressions:
            expressions.append(expression)
    return tuple(expressions)


def _landing_elsewhere(state: TargetState) -> str | None:
    """The canonical landing URL when the redirect chain left the submitted URL's host, else None."""
    if not state.landing_url:
        return None
    try:
        landing = canonicalize(state.landing_url)
    except InvalidUrlError:
        return None
    return landing if urlsplit(landing).hostname != urlsplit(state.url).hostname else None


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
        status=target.status,
        last_checked=target.last_checked,
    )
