"""Blocklist entries, target states and version diffs."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from linkscan.canonical import is_ip_host

Scope = Literal["host", "path", "exact"]

# What a table write did to an expression, relative to the last published version: newly "listed",
# "updated" description, "removed" from the list, or "withdrawn" (listed and removed again before any
# version carried it: nothing a consumer has seen).
ChangeKind = Literal["listed", "updated", "removed", "withdrawn"]
ListingEvent = Literal["listed", "updated", "removed"]


def combine_changes(before: ChangeKind | None, event: ListingEvent) -> ChangeKind:
    """The net change after ``event`` when the expression already had the unpublished change ``before``."""
    if before == "listed":
        return "withdrawn" if event == "removed" else "listed"
    if before == "removed" and event == "listed":
        return "updated"  # back on the list it was published in: a consumer sees a (possibly) new description
    if before == "updated" and event == "listed":
        return "updated"
    return event


def expression_hex(expression: str) -> str:
    """Hex SHA-256 of an expression: the blocklist table's key."""
    return hashlib.sha256(expression.encode("utf-8")).hexdigest()


def scope_of(expression: str) -> Scope:
    """What an expression blocks: a whole host ("h/"), a path prefix ("h/a/") or one exact URL."""
    _, _, path = expression.partition("/")
    if not path:
        return "host"
    if path.endswith("/") and "?" not in path:
        return "path"
    return "exact"


@dataclass(frozen=True, slots=True)
class Entry:
    """One listed expression and the public facts about why it is listed."""

    expression: str
    category: str
    subcategory: str
    severity: str
    public_reason: str
    first_listed: str
    last_confirmed: str
    targets: frozenset[str] = field(default_factory=frozenset)
    # Liveness from rescans (rescan/liveness.py): online, offline or dormant. A dormant entry stays in the
    # JSON and CSV lists and in lookups, and leaves the hosts, adblock and RPZ lists.
    status: str = "online"
    last_checked: str = ""

    @property
    def hash_hex(self) -> str:
        return expression_hex(self.expression)

    @property
    def host(self) -> str:
        return self.expression.partition("/")[0]

    @property
    def scope(self) -> Scope:
        return scope_of(self.expression)

    @property
    def is_domain(self) -> bool:
        """A whole-host listing of a DNS name (what hosts files, adblock and RPZ can carry)."""
        return self.scope == "host" and not is_ip_host(self.host)

    def public(self) -> dict[str, Any]:
        """The entry as published in JSON lists and diffs (target ids stay private)."""
        return {
            "expression": self.expression,
            "hash": self.hash_hex,
            "scope": self.scope,
            "host": self.host,
            "category": self.category,
            "subcategory": self.subcategory,
            "severity": self.severity,
            "public_reason": self.public_reason,
            "first_listed": self.first_listed,
            "last_confirmed": self.last_confirmed,
            "status": self.status,
            "last_checked": self.last_checked,
        }

    def compact(self) -> list[Any]:
        """A positional form for the snapshot object (half the size of the keyed form)."""
        return [
            self.expression,
            self.category,
            self.subcategory,
            self.severity,
            self.public_reason,
            self.first_listed,
            self.last_confirmed,
            sorted(self.targets),
            self.status,
            self.last_checked,
        ]

    @classmethod
    def from_compact(cls, row: list[Any]) -> Entry:
        # Interning the repeated strings keeps a million-entry snapshot well inside Lambda memory.
        intern = sys.intern
        return cls(
            row[0],
            intern(row[1]),
            intern(row[2]),
            intern(row[3]),
            intern(row[4]),
            intern(row[5]),
            intern(row[6]),
            frozenset(row[7]),
            # snapshots written before liveness existed have eight columns
            intern(row[8]) if len(row) > 8 else "online",
            intern(row[9]) if len(row) > 9 else "",
        )


@dataclass(frozen=True, slots=True)
class TargetState:
    """What the main table's current-verdict item says about one URL target, as far as listing cares."""

    target_id: str
    url: str  # canonical
    blocked: bool
    category: str
    subcategory: str
    severity: str
    public_reason: str
    scanned_at: str
    listing_scope: Scope | None = None
    landing_url: str | None = None  # where the scan's redirect chain ended, when that is not ``url``
    status: str = "online"  # liveness, from rescans
    last_checked: str = ""


@dataclass(frozen=True, slots=True)
class Diff:
    """What changed between two consecutive versions of the list."""

    version: int
    previous_version: int
    generated_at: str
    added: tuple[Entry, ...]
    removed: tuple[str, ...]  # expressions

    def public_header(self) -> dict[str, Any]:
        return {"version": self.version, "previous_version": self.previous_version, "generated_at": self.generated_at}

    def public(self) -> dict[str, Any]:
        return {
            **self.public_header(),
            "added": [entry.public() for entry in self.added],
            "removed": [{"expression": e, "hash": expression_hex(e)} for e in self.removed],
        }


def entry_from_public(row: Mapping[str, object]) -> Entry:
    """An entry from its published JSON form (lists, diffs, /v1/hashes answers)."""
    return Entry(
        expression=str(row["expression"]),
        category=str(row.get("category", "")),
        subcategory=str(row.get("subcategory", "")),
        severity=str(row.get("severity", "")),
        public_reason=str(row.get("public_reason", "")),
        first_listed=str(row.get("first_listed", "")),
        last_confirmed=str(row.get("last_confirmed", "")),
        status=str(row.get("status") or "online"),
        last_checked=str(row.get("last_checked") or ""),
    )


HoldResult = Literal["listed", "updated", "unchanged"]


@dataclass(frozen=True)
class PublicationState:
    """The list's counters, kept in one reserved item of the blocklist table."""

    version: int = 0  # the last version claimed (its files may never have been written)
    lists_version: int = 0  # the version whose full files the manifest points at
    entries: int = 0  # entries of the last published version
    files: Mapping[str, Any] = field(default_factory=dict)  # the manifest's "files" of lists_version
    published: int = 0  # the last version completely written (diffs are relative to it)
    pointed: int = 0  # the last version the root manifest, page and latest/ copies were written for
    # Expressions a batch was about to change and no recorded version has settled yet (see TableChanges).
    pending: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PendingItem:
    """An expression's table state as a later publication re-reads it."""

    entry: Entry | None  # the listed entry, None when not listed
    change: ChangeKind | None  # its change since the last published version, None when already published
