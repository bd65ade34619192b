"""From the main table's current-verdict items to listing decisions.

The stream carries the old and new image of each target's "CURRENT" item; listing follows
``effective_decision`` (the decision after moderation). An item whose target is not a URL is ignored.
A blocked target holds the expression of its URL and, when its redirect chain ended on another host,
the expression of that landing page too (the scanned content lives there; the submitted link is often a
throwaway hop or a shortener).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from linkscan.blocklist.model import Entry, TargetState
from linkscan.blocklist.scope import SharedHosts, listing_expression
from linkscan.canonical import canonicalize
from linkscan.errors import InvalidUrlError

if TYPE_CHECKING:
    from linkscan.items import TargetRecord

_SCOPES = ("host", "path", "exact")


def target_state(record: TargetRecord | None) -> TargetState | None:
    """The listing-relevant view of a target's current state, or None when it is not a URL target."""
    if record is None or record.target_type != "url" or not record.target:
        return None
    overturned = record.moderation is not None and record.moderation.action == "overturn"
    hint = record.listing_scope
    return TargetState(
        target_id=record.target_id,
        url=record.target,
        blocked=record.effective_decision == "block" and not overturned,
        category=record.category or "unknown",
        subcategory=record.subcategory or "",
        severity=record.severity or "medium",
        public_reason=record.public_reason or "",
        scanned_at=record.scanned_at or "",
        listing_scope=hint if hint in _SCOPES else None,  # type: ignore[arg-type]
        landing_url=record.landing_url or None,
        status=record.liveness.status if record.liveness else "online",
        last_checked=(record.liveness.last_checked or "") if record.liveness else "",
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
