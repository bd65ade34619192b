"""The list's 4-byte hash prefixes kept in memory, so most lookups need no table read.

A Safe Browsing client keeps the list's hash prefixes locally and asks the server only when one of a
URL's expression hashes has a listed prefix. The lookup function does the same with the published
``prefixes.bin``: an expression whose prefix is not in the filter cannot be listed.

The filter is a SUPERSET of the listed hashes. A stale prefix (an entry delisted since) costs one table
read; a missing one would answer "not listed" wrongly. So ``PrefixFilterSource`` builds it only from a
complete publication (the prefix file of ``lists_version`` plus the ``added`` entries of every later
diff up to the manifest's version) and hands out nothing when any part is missing or unreadable: the
caller then reads the table for every candidate, as it would without a filter.

Pure logic: the published objects come through ``PublishedFiles`` (linkscan.storage.blocklist reads
them from S3).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import sys
import time
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from linkscan.blocklist.model import expression_hex

PREFIX_BYTES = 4
MANIFEST_KEY = "manifest.json"
PREFIX_FILE = "prefixes.bin"
DIFF_TEMPLATE = "v/{version}/diff.json"


def _uint32_array() -> array[int]:
    # 'I' is 4 bytes on every platform CPython runs Lambda and CI on; 'L' is 8 on 64-bit Linux.
    for code in ("I", "L"):
        if array(code).itemsize == PREFIX_BYTES:
            return array(code)
    raise RuntimeError("no 4-byte unsigned array type on this platform")


class PrefixFilter:
    """Sorted 4-byte prefixes (one machine word each, not a Python object each) plus later additions.

    ``may_contain`` is a binary search: O(log n), about 1 µs on a 10-million-prefix list (40 MB).
    """

    __slots__ = ("_extra", "_sorted")

    def __init__(self, sorted_prefixes: array[int]) -> None:
        self._sorted = sorted_prefixes
        self._extra: set[int] = set()

    @classmethod
    def from_bytes(cls, data: bytes) -> PrefixFilter:
        """From ``prefixes.bin``: sorted unique 4-byte big-endian SHA-256 prefixes, concatenated."""
        if len(data) % PREFIX_BYTES:
            raise ValueError(f"prefix file of {len(data)} bytes is not a whole number of {PREFIX_BYTES}-byte prefixes")
        prefixes = _uint32_array()
        prefixes.frombytes(data)
        if sys.byteorder == "little":
            prefixes.byteswap()  # numeric order == the file's byte order
        return cls(prefixes)

    def add(self, hash_hex: str) -> None:
        """Let one more hash through (an entry listed after the prefix file was written)."""
        self._extra.add(_prefix_value(hash_hex))

    def may_contain(self, hash_hex: str) -> bool:
        value = _prefix_value(hash_hex)
        if value in self._extra:
            return True
        index = bisect.bisect_left(self._sorted, value)
        return index < len(self._sorted) and self._sorted[index] == value

    def __len__(self) -> int:
        return len(self._sorted) + len(self._extra)


def _prefix_value(hash_hex: str) -> int:
    return int(hash_hex[: 2 * PREFIX_BYTES], 16)


class FilterUnavailable(Exception):
    """The published files do not make a complete filter (nothing published yet, a file gone or malformed)."""


class PublishedFiles(Protocol):
    """Read access to the published list's objects."""

    def read_if_changed(self, key: str, etag: str | None) -> tuple[bytes, str] | None:
        """``(body, etag)``, or None while the object still has ``etag``; FilterUnavailable when missing."""
        ...

    def read(self, key: str) -> bytes:
        """The object's bytes; FilterUnavailable when missing."""
        ...


@dataclass
class _Loaded:
    filter: PrefixFilter
    manifest_etag: str
    version: int  # the manifest version whose additions the filter includes
    lists_version: int  # the version the prefix file is from
    prefix_sha256: str


class PrefixFilterSource:
    """Hands out a filter that includes every expression listed up to the manifest version it last read.

    Lazy: nothing is read until the first ``current()``. Afterwards the manifest is re-checked at most
    every ``ttl_seconds`` with a conditional GET (its ETag), so a listing reaches lookups at most
    ``ttl_seconds`` after its publication. A new version with the same prefix file only fetches the new
    diffs; a new prefix file is loaded whole.
    """

    def __init__(
        self,
        files: PublishedFiles,
        ttl_seconds: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        warn: Callable[[str], None] | None = None,
        max_diffs: int = 100,
    ) -> None:
        self.files = files
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self.warn = warn or (lambda _message: None)
        # Above this many diffs since the prefix file (a busy large list between two rebuilds) a cold
        # start would spend seconds of a 10 s timeout fetching them: read the table until the next rebuild.
        self.max_diffs = max_diffs
        self._loaded: _Loaded | None = None
        self._checked_at: float | None = None

    def current(self) -> PrefixFilter | None:
        """The filter, or None when the caller must read the table for every candidate."""
        now = self.clock()
        if self._checked_at is not None and now - self._checked_at < self.ttl_seconds:
            return self._loaded.filter if self._loaded else None
        self._checked_at = now
        try:
            self._loaded = self._refresh(self._loaded)
        except Exception as exc:  # whatever failed (S3, a missing diff, bad JSON): no filter, never a wrong answer
            self._loaded = None
            self.warn(f"hash-prefix filter unavailable, reading the table for every lookup: {exc!r}")
            return None
        return self._loaded.filter

    def _refresh(self, loaded: _Loaded | None) -> _Loaded:
        read = self.files.read_if_changed(MANIFEST_KEY, loaded.manifest_etag if loaded else None)
        if read is None:
            assert loaded is not None  # an ETag was only sent because something was loaded
            return loaded
        body, etag = read
        manifest = _Manifest.parse(body)
        if manifest.version - manifest.lists_version > self.max_diffs:
            raise FilterUnavailable(
                f"{manifest.version - manifest.lists_version} diffs since the prefix file (limit {self.max_diffs})"
            )
        if (
            loaded is not None
            and loaded.lists_version == manifest.lists_version
            and loaded.prefix_sha256 == manifest.prefix_sha256
            and loaded.version <= manifest.version
        ):
            prefix_filter, since = loaded.filter, loaded.version
        else:
            data = self.files.read(manifest.prefix_path)
            if hashlib.sha256(data).hexdigest() != manifest.prefix_sha256:
                raise FilterUnavailable(f"{manifest.prefix_path} does not match the manifest's SHA-256")
            prefix_filter, since = PrefixFilter.from_bytes(data), manifest.lists_version
        for diff_version in range(since + 1, manifest.version + 1):
            for digest in _added_hashes(self.files.read(manifest.diff_template.format(version=diff_version))):
                prefix_filter.add(digest)
        return _Loaded(prefix_filter, etag, manifest.version, manifest.lists_version, manifest.prefix_sha256)


@dataclass(frozen=True)
class _Manifest:
    """What the filter needs from ``manifest.json``."""

    version: int
    lists_version: int
    prefix_path: str
    prefix_sha256: str
    diff_template: str

    @classmethod
    def parse(cls, body: bytes) -> _Manifest:
        try:
            document = json.loads(body)
            prefix_file = document["files"][PREFIX_FILE]
            manifest = cls(
                version=int(document["version"]),
                lists_version=int(document["lists_version"]),
                prefix_path=str(prefix_file["path"]),
                prefix_sha256=str(prefix_file["sha256"]),
                diff_template=str(document.get("diff", {}).get("path_template", DIFF_TEMPLATE)),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise FilterUnavailable(f"malformed manifest: {exc!r}") from exc
        if not 0 < manifest.lists_version <= manifest.version:
            raise FilterUnavailable(f"lists_version {manifest.lists_version} does not fit version {manifest.version}")
        return manifest


def _added_hashes(body: bytes) -> list[str]:
    """The hashes of a diff's ``added`` expressions, computed as the publisher keys them."""
    try:
        diff = json.loads(body)
        if diff.get("reset"):
            # Written only for a full render, which is never after the prefix file it replaces.
            raise FilterUnavailable(f"unexpected reset diff for version {diff.get('version')}")
        return [expression_hex(str(row["expression"])) for row in diff["added"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise FilterUnavailable(f"malformed diff: {exc!r}") from exc
