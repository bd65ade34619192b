"""Renderers for every published format. Each streams one sorted listing into a binary file.

All formats come from the same ``Listing`` (one snapshot), so every file of a version agrees with the
others. Hosts, adblock and RPZ carry whole-host listings of DNS names only: path and exact listings (and
IP hosts) need URL-level matching, which the JSON/CSV/plain lists and the hash prefixes provide.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring as _quote
from typing import BinaryIO

from linkscan.blocklist.model import Entry, scope_of
from linkscan.canonical import is_ip_host

PREFIX_BYTES = 4
CSV_COLUMNS = (
    "expression",
    "hash",
    "scope",
    "host",
    "category",
    "subcategory",
    "severity",
    "public_reason",
    "first_listed",
    "last_confirmed",
    "status",
    "last_checked",
)
_DNS_NAME = re.compile(
    r"^(?=.{1,200}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)+$"
)
_CHUNK = 4096  # lines per write: few syscalls without building whole files in memory


@dataclass(frozen=True)
class ListMeta:
    version: int
    generated_at: str
    title: str = "linkscan public blocklist"
    homepage: str = ""
    rpz_origin: str = "rpz.linkscan.invalid"


class Listing:
    """The entries of one version, sorted by expression, with hashes, scopes and domains computed once."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: list[Entry] = sorted(entries, key=lambda entry: entry.expression)
        # Hex digests would take 113 bytes each; raw digests packed in one buffer take 32.
        self._digests = b"".join(hashlib.sha256(entry.expression.encode("utf-8")).digest() for entry in self.entries)
        self.scopes: list[str] = [scope_of(entry.expression) for entry in self.entries]
        self._domains: list[str] | None = None
        self._prefixes: list[bytes] | None = None

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def hashes(self) -> Iterator[str]:
        digests = self._digests
        return (digests[offset : offset + 32].hex() for offset in range(0, len(digests), 32))

    def domains(self) -> list[str]:
        """Whole-host listings whose host is a valid DNS name, sorted."""
        if self._domains is None:
            self._domains = [
                host
                for entry, scope in zip(self.entries, self.scopes, strict=True)
                if scope == "host"
                and entry.status != "dormant"  # dormant entries stay in JSON and CSV only
                and _DNS_NAME.match(host := entry.expression[:-1])
                and not is_ip_host(host)
            ]
        return self._domains

    def prefixes(self) -> list[bytes]:
        if self._prefixes is None:
            digests = self._digests
            self._prefixes = sorted({digests[offset : offset + PREFIX_BYTES] for offset in range(0, len(digests), 32)})
        return self._prefixes

    def counts(self) -> dict[str, int]:
        scopes = {"host": 0, "path": 0, "exact": 0}
        for scope in self.scopes:
            scopes[scope] += 1
        return {"entries": len(self.entries), **scopes}

    def rows(self) -> Iterator[tuple[Entry, str, str]]:
        return zip(self.entries, self.hashes, self.scopes, strict=True)


def entry_json(entry: Entry, digest: str, scope: str) -> str:
    """One entry as compact JSON; hand-assembled because it runs a million times per publication."""
    q = _quote
    return (
        f'{{"expression":{q(entry.expression)},"hash":"{digest}","scope":"{scope}",'
        f'"host":{q(entry.expression.partition("/")[0])},"category":{q(entry.category)},'
        f'"subcategory":{q(entry.subcategory)},"severity":{q(entry.severity)},'
        f'"public_reason":{q(entry.public_reason)},"first_listed":{q(entry.first_listed)},'
        f'"last_confirmed":{q(entry.last_confirmed)},"status":{q(entry.status)},'
        f'"last_checked":{q(entry.last_checked)}}}'
    )


def _write_lines(out: BinaryIO, lines: Iterable[str]) -> None:
    buffer: list[str] = []
    for line in lines:
        buffer.append(line)
        if len(buffer) >= _CHUNK:
            out.write("".join(buffer).encode("utf-8"))
            buffer.clear()
    if buffer:
        out.write("".join(buffer).encode("utf-8"))


def write_json(listing: Listing, meta: ListMeta, out: BinaryIO) -> None:
    """The full list with metadata; validates against static/blocklist.schema.json."""
    header = {
        "$schema": "blocklist.schema.json",
        "title": meta.title,
        "version": meta.version,
        "generated_at": meta.generated_at,
        "homepage": meta.homepage,
        "count": len(listing),
    }
    out.write(json.dumps(header, ensure_ascii=False)[:-1].encode("utf-8") + b', "entries": [\n')

    def lines() -> Iterable[str]:
        last = len(listing.entries) - 1
        for index, (entry, digest, scope) in enumerate(listing.rows()):
            yield entry_json(entry, digest, scope) + (",\n" if index < last else "\n")

    _write_lines(out, lines())
    out.write(b"]}\n")


# A spreadsheet evaluates a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: OWASP's neutralization, a leading quote before a formula start.

    Listed hosts and reasons come from scanned pages and submissions, so they are attacker-controlled.
    """
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def write_csv(listing: Listing, meta: ListMeta, out: BinaryIO) -> None:
    text = io.StringIO()
    # Every cell quoted as well, as OWASP advises, so a neutralized cell is never split or re-read as code.
    writer = csv.writer(text, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for index, (entry, digest, scope) in enumerate(listing.rows(), start=1):
        writer.writerow(
            csv_cell(cell)
            for cell in (
                entry.expression,
                digest,
                scope,
                entry.expression.partition("/")[0],
                entry.category,
                entry.subcategory,
                entry.severity,
                entry.public_reason,
                entry.first_listed,
                entry.last_confirmed,
                entry.status,
                entry.last_checked,
            )
        )
        if index % _CHUNK == 0:
            out.write(text.getvalue().encode("utf-8"))
            text.seek(0)
            text.truncate()
    out.write(text.getvalue().encode("utf-8"))


def write_plain(listing: Listing, meta: ListMeta, out: BinaryIO) -> None:
    """One expression per line, nothing else (for grep and Safe-Browsing-style clients)."""
    _write_lines(out, (entry.expression + "\n" for entry in listing.entries))


def _comment_header(prefix: str, meta: ListMeta) -> str:
    lines = [
        f"{meta.title}",
        f"Version: {meta.version}",
        f"Generated: {meta.generated_at}",
        f"Homepage: {meta.homepage}" if meta.homepage else "",
    ]
    return "".join(f"{prefix} {line}\n" for line in lines if line)


def write_hosts(listing: Listing, meta: ListMeta, out: BinaryIO) -> None:
    out.write(_comment_header("#", meta).encode("utf-8"))
    _write_lines(out, (f"0.0.0.0 {domain}\n" for domain in listing.domains()))


def write_adblock(listing: Listing, meta: ListMeta, out: BinaryIO) -> None:
    out.write(b"[Adblock Plus 2.0]\n")
    out.write(f"! Title: {meta.title}\n! Expires: 1 hours\n".encode())
    out.write(_comment_header("!", meta).encode("utf-8"))
    _write_lines(out, (f"||{domain}^\n" for domain in listing.domains()))


def write_rpz(listing: Listing, meta: ListMeta, out: BinaryIO) -> None:
    """A DNS Response Policy Zone: NXDOMAIN (CNAME .) for each listed domain and its subdomains."""
    serial = meta.version % 2**32
    head = (
        f"; {meta.title}, version {meta.version}, generated {meta.generated_at}\n"
        f"$ORIGIN {meta.rpz_origin}.\n"
        "$TTL 300\n"
        f"@ IN SOA localhost. hostmaster.localhost. ( {serial} 3600 600 604800 300 )\n"
        "@ IN NS localhost.\n"
    )
    out.write(head.encode("ascii"))
    limit = 253 - len(meta.rpz_origin) - 3  # "*." and the joining dot must still fit in a DNS name
    _write_lines(
        out,
        (f"{domain} CNAME .\n*.{domain} CNAME .\n" for domain in listing.domains() if len(domain) <= limit),
    )


def write_prefixes_bin(listing: Listing, meta: ListMeta, out: BinaryIO) -> None:
    """Sorted unique 4-byte SHA-256 prefixes, concatenated (Safe Browsing's raw hash list)."""
    out.write(b"".join(listing.prefixes()))


def write_prefixes_json(listing: Listing, meta: ListMeta, out: BinaryIO) -> None:
    prefixes = listing.prefixes()
    out.write(
        f'{{"version":{meta.version},"generated_at":"{meta.generated_at}","prefix_bytes":{PREFIX_BYTES},'
        f'"count":{len(prefixes)},"prefixes":['.encode("ascii")
    )
    _write_lines(out, (("," if index else "") + f'"{p.hex()}"' for index, p in enumerate(prefixes)))
    out.write(b"]}\n")


@dataclass(frozen=True)
class Format:
    name: str  # file name under v/<version>/
    content_type: str
    description: str
    render: Callable[[Listing, ListMeta, BinaryIO], None]


FORMATS: Sequence[Format] = (
    Format("blocklist.json", "application/json", "Full list with metadata (JSON)", write_json),
    Format("blocklist.csv", "text/csv; charset=utf-8", "Full list with metadata (CSV)", write_csv),
    Format("expressions.txt", "text/plain; charset=utf-8", "Listed expressions, one per line", write_plain),
    Format("hosts.txt", "text/plain; charset=utf-8", "Domains as a hosts file (0.0.0.0)", write_hosts),
    Format("adblock.txt", "text/plain; charset=utf-8", "Domains in adblock syntax (||domain^)", write_adblock),
    Format("blocklist.rpz", "text/dns; charset=utf-8", "DNS Response Policy Zone", write_rpz),
    Format(
        "prefixes.bin",
        "application/octet-stream",
        "Sorted 4-byte SHA-256 prefixes (binary)",
        write_prefixes_bin,
    ),
    Format("prefixes.json", "application/json", "Sorted 4-byte SHA-256 prefixes (hex, JSON)", write_prefixes_json),
)
