"""Answering "is this URL listed?" from the expressions a Safe Browsing client would try.

Pure logic: the caller supplies ``fetch``, which maps hex hashes to listed entries (the blocklist table's
BatchGetItem, a published JSON list, or the hash-prefix API for private lookups), and optionally
``may_contain``, a superset test (the list's hash prefixes) that spares fetching hashes that cannot be
listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from linkscan.blocklist.model import Entry, expression_hex
from linkscan.canonical import canonicalize, url_expressions

Fetch = Callable[[Sequence[str]], Mapping[str, Entry]]
MayContain = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class LookupAnswer:
    url: str  # as asked
    canonical_url: str
    listed: bool
    match: Entry | None

    def public(self, appeal_url: str) -> dict[str, Any]:
        match = None
        if self.match is not None:
            entry = self.match
            match = {
                "expression": entry.expression,
                "scope": entry.scope,
                "category": entry.category,
                "subcategory": entry.subcategory,
                "severity": entry.severity,
                "public_reason": entry.public_reason,
                "first_listed": entry.first_listed,
                "last_confirmed": entry.last_confirmed,
                "status": entry.status,
                "last_checked": entry.last_checked,
            }
        return {
            "url": self.url,
            "canonical_url": self.canonical_url,
            "listed": self.listed,
            "match": match,
            "appeal": {"url": appeal_url, "method": "POST"} if self.listed else None,
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    """One URL to look up: its canonical form and its expressions with their hashes, in Safe Browsing order."""

    url: str
    canonical_url: str
    expressions: tuple[str, ...]
    hashes: tuple[str, ...]


def candidate(url: str) -> Candidate:
    """Raises InvalidUrlError for a URL that cannot be canonicalized."""
    canonical_url = canonicalize(url)
    expressions = tuple(url_expressions(canonical_url))
    return Candidate(url, canonical_url, expressions, tuple(expression_hex(e) for e in expressions))


def answer(item: Candidate, found: Mapping[str, Entry]) -> LookupAnswer:
    """The most specific listed expression wins (the first in Safe Browsing order)."""
    for digest in item.hashes:
        entry = found.get(digest)
        if entry is not None:
            return LookupAnswer(item.url, item.canonical_url, True, entry)
    return LookupAnswer(item.url, item.canonical_url, False, None)


def lookup_many(
    candidates: Iterable[Candidate], fetch: Fetch, may_contain: MayContain | None = None
) -> list[LookupAnswer]:
    """One fetch for all candidates' hashes (one BatchGetItem round per 100 keys).

    With ``may_contain``, only the hashes it lets through are fetched, and nothing at all when none is:
    it must never reject a listed hash (see linkscan.blocklist.prefix_filter).
    """
    items = list(candidates)
    wanted = [digest for item in items for digest in item.hashes]
    if may_contain is not None:
        wanted = [digest for digest in wanted if may_contain(digest)]
    found = fetch(wanted) if wanted else {}
    return [answer(item, found) for item in items]


def entries_by_hash(entries: Iterable[Entry]) -> dict[str, Entry]:
    return {expression_hex(entry.expression): entry for entry in entries}
