"""Publication: apply listing changes, then write one consistent version of every format.

A version is written as immutable objects under ``v/<version>/`` (lists, diff, page, snapshot, its own
manifest), then the ``latest/`` copies and the root page, and the root ``manifest.json`` LAST: a reader
that follows the manifest never sees a mix of two versions.

Incremental publications reuse the previous version's compact snapshot (kept in memory between warm
invocations) instead of re-reading the table. Above ``full_render_limit`` entries an incremental writes
only its diff: the full files stay those of the last full render, the manifest says which version they
are (``lists_version``), and the scheduled rebuild renders them again.
"""

from __future__ import annotations

import gzip
import hashlib
import heapq
import io
import itertools
import json
import tempfile
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Protocol

from linkscan.blocklist.changes import ListingChange, entry_for
from linkscan.blocklist.formats import FORMATS, Listing, ListMeta, entry_json
from linkscan.blocklist.model import (
    ChangeKind,
    Diff,
    Entry,
    ListingEvent,
    PublicationState,
    combine_changes,
    expression_hex,
)
from linkscan.blocklist.page import PageConfig, render_page
from linkscan.clock import utc_now
from linkscan.errors import ConflictError

if TYPE_CHECKING:
    from linkscan.blocklist.model import HoldResult, PendingItem
    from linkscan.blocklist.scope import SharedHosts
    from linkscan.items import TargetRecord

IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=60, must-revalidate"
SNAPSHOT_NAME = "snapshot.json.gz"
# A rebuild notes its repairs as pending (one write to the state item, which holds at most 400 KB).
PENDING_NOTE_LIMIT = 2_000
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "static" / "blocklist.schema.json"


class BlocklistStore(Protocol):
    """What the publisher needs from storage (linkscan.storage.blocklist implements it with DynamoDB + S3)."""

    # ``published``: the state's published version when the batch began. Writes that change the public
    # list mark the item with it; "unchanged" / False is answered only when no such unpublished change
    # is marked (so a retried batch finds again what its failed attempt applied).
    def hold(self, entry: Entry, target_id: str, published: int = 0) -> tuple[Entry, HoldResult]: ...
    def release(self, expression: str, target_id: str, now: str, published: int = 0) -> bool: ...
    def delist(self, expression: str, now: str, published: int = 0) -> None: ...
    def put_entry(self, entry: Entry, change: ChangeKind | None = None, published: int = 0) -> None: ...
    def iter_listed(self) -> Iterable[Entry]: ...
    def read_state(self) -> PublicationState: ...
    def note_pending(self, expressions: Collection[str]) -> PublicationState: ...
    def read_pending(self, expressions: Collection[str], published: int) -> dict[str, PendingItem]: ...
    def clear_pending(self, expressions: Collection[str], published: int) -> None: ...
    def claim_version(self, expected: int, state: PublicationState) -> None: ...
    def record_publication(self, state: PublicationState, settled: Collection[str] = ()) -> bool: ...
    def record_pointers(self, version: int) -> None: ...
    def put_object(self, key: str, body: IO[bytes], content_type: str, cache_control: str, sha256: str) -> None: ...
    def copy_object(self, source_key: str, key: str, content_type: str, cache_control: str) -> None: ...
    def get_object(self, key: str) -> bytes | None: ...


@dataclass
class TableChanges:
    """One batch's changes to the public list, relative to the last published version.

    A batch first notes every expression it may touch as pending in the state item (``Publisher.begin``),
    then writes the table, then publishes. A failure anywhere after the table writes leaves the changes
    marked on the items and the expressions in ``pending``: the retried batch (or whichever publication
    comes first) finds them again, and the version that carries them settles them.
    """

    added: dict[str, Entry] = field(default_factory=dict)  # newly listed or re-described
    removed: set[str] = field(default_factory=set)
    kinds: dict[str, ChangeKind] = field(default_factory=dict)
    published: int = 0  # the published version when the batch began
    pending: frozenset[str] = frozenset()  # left pending before this batch (an earlier attempt's changes)
    noted: frozenset[str] = frozenset()  # what this batch noted as pending

    @property
    def listed(self) -> int:
        """How many of ``added`` were not in the published list."""
        return sum(kind == "listed" for kind in self.kinds.values())

    @property
    def delisted(self) -> int:
        """How many of ``removed`` were in the published list."""
        return sum(kind == "removed" for kind in self.kinds.values())

    def record(self, expression: str, event: ListingEvent, entry: Entry | None = None) -> None:
        kind = combine_changes(self.kinds.get(expression), event)
        self.kinds[expression] = kind
        if kind in ("listed", "updated"):
            assert entry is not None
            self.added[expression] = entry
            self.removed.discard(expression)
        else:
            self.added.pop(expression, None)
            if kind == "removed":
                self.removed.add(expression)
            else:  # listed and removed again before any version carried it
                self.removed.discard(expression)


@dataclass(frozen=True)
class PublishResult:
    version: int
    added: int
    removed: int
    entries: int
    full_render: bool
    published: bool = True


@dataclass(frozen=True)
class BatchOutcome:
    """A stream batch's publication, and the first change that could not be applied (None: all were)."""

    result: PublishResult
    failed_at: int | None = None  # the caller's position of that change: Lambda retries from there
    error: Exception | None = None


def list_time() -> str:
    """A public list's timestamps (first listed, last confirmed, published) are in whole seconds."""
    return utc_now("seconds")


@dataclass
class Publisher:
    store: BlocklistStore
    page: PageConfig
    # Above this many entries an incremental writes only its diff (see the module docstring).
    full_render_limit: int = 20_000
    clock: Callable[[], str] = list_time
    meta_title: str = "linkscan public blocklist"
    # The last snapshot written by this process: a warm Lambda publishes the next version without reading S3.
    _cache: tuple[int, dict[str, Entry]] | None = None

    # ---------------------------------------------------------------- incremental (stream-triggered)

    def begin(self, changes: Iterable[ListingChange]) -> TableChanges:
        """Note every expression these changes may touch as pending, before any table write.

        One write per batch. It makes a failed publication recoverable by whoever publishes next: see
        ``TableChanges``.
        """
        expressions = {expression for change in changes for expression in (*change.hold, *change.release)}
        before = self.store.note_pending(expressions)
        return TableChanges(published=before.published, pending=before.pending, noted=frozenset(expressions))

    def apply_change(self, change: ListingChange, into: TableChanges) -> None:
        """Update the blocklist table for one verdict change; record what the list gains or loses."""
        target_id = change.target.target_id
        for expression in change.hold:
            new = entry_for(expression, change.target, self.clock())
            entry, status = self.store.hold(new, target_id, published=into.published)
            if status != "unchanged":
                into.record(expression, status, entry)
        for expression in change.release:
            if self.store.release(expression, target_id, self.clock(), published=into.published):
                into.record(expression, "removed")

    def publish_changes(self, changes: Iterable[ListingChange]) -> PublishResult:
        changes = list(changes)
        table = self.begin(changes)
        for change in changes:
            self.apply_change(change, table)
        return self.publish(table)

    def publish_batch(self, changes: Sequence[tuple[int, ListingChange]]) -> BatchOutcome:
        """A stream batch, in order: note all as pending, apply each until one fails, publish what was applied.

        ``changes`` pairs each change with its position in the batch. A change that fails stops the batch
        there (the later ones are not applied, so they are retried in order); the version is published
        either way. When the publication itself fails the exception propagates and the whole batch is
        retried: its table writes are idempotent, and the pending set finds what they changed.
        """
        table = self.begin(change for _position, change in changes)
        failed_at, error = None, None
        for position, change in changes:
            try:
                self.apply_change(change, table)
            except Exception as exc:  # any failure of one change: the batch resumes from it
                failed_at, error = position, exc
                break
        return BatchOutcome(self.publish(table), failed_at, error)

    def publish(self, table: TableChanges) -> PublishResult:
        """One new version for everything in ``table`` (nothing is written when nothing changed).

        Changes an earlier attempt applied to the table but never published (expressions still pending
        that this batch did not touch) are read again and published with it.
        """
        self._recover_pending(table)
        state = self.store.read_state()
        if not table.added and not table.removed:
            if table.noted or table.pending:  # nothing of it changed the list: nothing left pending either
                self.store.clear_pending(table.noted | table.pending, table.published)
            if state.pointed < state.published:
                self._point_to(state)
            return PublishResult(state.published, 0, 0, state.entries, False, published=False)
        for _attempt in range(5):
            try:
                return self._publish_diff(state, table)
            except ConflictError:
                state = self.store.read_state()  # another publisher took the version: diff against its list
        raise ConflictError("could not claim a list version after 5 attempts")

    def _recover_pending(self, table: TableChanges) -> None:
        untouched = table.pending - table.noted  # the batch's own table writes reported what it touched
        if not untouched:
            return
        for expression, item in self.store.read_pending(sorted(untouched), table.published).items():
            if item.change is None or item.change == "withdrawn":
                continue  # already published, or never visible
            table.kinds[expression] = item.change
            if item.entry is not None:
                table.added[expression] = item.entry
            else:
                table.removed.add(expression)

    def _publish_diff(self, state: PublicationState, table: TableChanges) -> PublishResult:
        added, removed = table.added, table.removed
        version = state.version + 1
        entries = state.entries + table.listed - table.delisted
        full = entries <= self.full_render_limit
        snapshot: dict[str, Entry] | None = None
        if full:
            snapshot = self._load_snapshot(state.published)
            if snapshot is None:  # first version, or a concurrent publisher's snapshot is not written yet
                snapshot = {entry.expression: entry for entry in self.store.iter_listed()}
            else:
                snapshot = dict(snapshot)
                snapshot.update(added)
                for expression in removed:
                    snapshot.pop(expression, None)
            entries = len(snapshot)
        diff = Diff(
            version=version,
            previous_version=state.published,  # never a claimed version whose files were not written
            generated_at=self.clock(),
            added=tuple(added[key] for key in sorted(added)),
            removed=tuple(sorted(removed)),
        )
        new_state = PublicationState(version=version, lists_version=state.lists_version, entries=entries)
        self.store.claim_version(state.version, new_state)
        self._write_version(version, diff, snapshot, state, entries, table.noted | table.pending)
        return PublishResult(version, len(diff.added), len(diff.removed), entries, snapshot is not None)

    # ---------------------------------------------------------------- full rebuild (scheduled)

    def rebuild_from(self, targets: Iterable[TargetRecord], shared: SharedHosts) -> PublishResult:
        """The scheduled full rebuild: the list every blocked target asks for, published and repaired."""
        from linkscan.blocklist.rebuild import desired_entries

        return self.rebuild(desired_entries(targets, shared, self.clock()))

    def rebuild(self, desired: Iterable[Entry]) -> PublishResult:
        """Make the table and the published list equal to ``desired`` (built from the main table)."""
        now = self.clock()
        wanted = {entry.expression: entry for entry in desired}
        current = {entry.expression: entry for entry in self.store.iter_listed()}
        removed = set(current) - set(wanted)
        added: dict[str, Entry] = {}
        for expression, desired_entry in wanted.items():
            existing = current.get(expression)
            entry = desired_entry
            if existing is not None and existing.first_listed:  # keep "listed since" across rebuilds
                entry = replace(entry, first_listed=min(existing.first_listed, entry.first_listed))
                wanted[expression] = entry
            if existing != entry:
                added[expression] = entry
        # Repairs are noted as pending first, like a stream batch's changes, so a failed rebuild's repairs
        # still reach the next version's diff; a repair too large for the state item is left to the next
        # rebuild's full files (its diff would miss it).
        repairs = set(added) | removed
        state = self.store.note_pending(repairs if len(repairs) <= PENDING_NOTE_LIMIT else ())
        for expression, entry in added.items():
            kind: ChangeKind = "updated" if expression in current else "listed"
            self.store.put_entry(entry, kind, state.published)
        for expression in removed:
            self.store.delist(expression, now, state.published)

        def changes(previous: PublicationState) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
            # What a failed publication applied and left unpublished goes in this diff too (the table
            # agrees with ``wanted`` on it now: anything else was repaired above).
            leftover = sorted(previous.pending - set(added) - removed)
            marks = self.store.read_pending(leftover, previous.published) if leftover else {}
            unpublished = [e for e, item in marks.items() if item.change not in (None, "withdrawn")]
            gained = [wanted[e] for e in sorted(unpublished) if e in wanted]
            lost = {e for e in unpublished if e not in wanted}
            return (*added.values(), *gained), tuple(sorted(removed | lost))

        return self._publish_full(wanted, changes, settles=True)

    def publish_snapshot(self, entries: Iterable[Entry]) -> PublishResult:
        """Publish ``entries`` as the next version without touching the table's entries.

        Re-renders every format from a known list (e.g. after a renderer change); the benchmark uses it
        to measure a full publication without a million-item table scan.
        """
        snapshot = {entry.expression: entry for entry in entries}

        def changes(state: PublicationState) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
            previous = self._load_snapshot(state.published) or {}
            added = tuple(entry for key, entry in snapshot.items() if previous.get(key) != entry)
            return added, tuple(sorted(set(previous) - set(snapshot)))

        return self._publish_full(snapshot, changes)

    def _publish_full(
        self,
        snapshot: dict[str, Entry],
        changes: Callable[[PublicationState], tuple[tuple[Entry, ...], tuple[str, ...]]],
        *,
        settles: bool = False,
    ) -> PublishResult:
        """Claim the next version and write every format of ``snapshot`` (retrying if a version is taken).

        ``settles``: the diff covers everything pending (a rebuild), so recording it clears the pending set.
        """
        for _attempt in range(5):
            state = self.store.read_state()
            added, removed = changes(state)
            diff = Diff(state.version + 1, state.published, self.clock(), added, removed)
            try:
                self.store.claim_version(state.version, PublicationState(diff.version, diff.version, len(snapshot)))
            except ConflictError:
                continue
            settled = state.pending if settles else frozenset()
            self._write_version(diff.version, diff, snapshot, state, len(snapshot), settled)
            return PublishResult(diff.version, len(added), len(removed), len(snapshot), True)
        raise ConflictError("could not claim a list version after 5 attempts")

    # ---------------------------------------------------------------- writing one version

    def _write_version(
        self,
        version: int,
        diff: Diff,
        snapshot: dict[str, Entry] | None,
        previous: PublicationState,
        entries: int,
        settled: Collection[str],
    ) -> dict[str, Any]:
        """Write version ``version`` and make it current; ``settled``: the pending expressions it carries."""
        generated_at = diff.generated_at
        prefix = f"v/{version}/"
        self._fill_skipped(previous, version, generated_at)
        meta = ListMeta(version=version, generated_at=generated_at, title=self.meta_title, homepage=self.page.homepage)
        files: dict[str, Any]
        listing = Listing(snapshot.values()) if snapshot is not None else None
        # When a large version replaces everything (first publication, full re-render of a new list), the
        # diff says "reset" and points at the full list instead of repeating it.
        everything = (
            listing is not None and not diff.removed and len(diff.added) == len(listing) > self.full_render_limit
        )
        if everything:
            reset = {
                **diff.public_header(),
                "reset": True,
                "full": prefix + "blocklist.json",
                "added": [],
                "removed": [],
            }
            self._put_json(prefix + "diff.json", reset, IMMUTABLE)
        else:
            self._put_diff(prefix + "diff.json", diff)
        if snapshot is not None and listing is not None:
            files = {}
            for fmt in FORMATS:
                files[fmt.name] = self._put_rendered(prefix + fmt.name, fmt.content_type, fmt.render, listing, meta)
                files[fmt.name]["description"] = fmt.description
            self._put_snapshot(prefix + SNAPSHOT_NAME, version, snapshot)
            self._cache = (version, snapshot)
            counts = listing.counts()
            counts["domains"] = len(listing.domains())
            lists_version = version
            recent = heapq.nlargest(self.page.recent_limit, listing.entries, key=lambda e: e.first_listed)
        else:
            files = dict(previous.files)
            counts = {"entries": entries}
            lists_version = previous.lists_version
            recent = list(diff.added[: self.page.recent_limit])
            self._cache = None
        manifest = {
            "version": version,
            "generated_at": generated_at,
            "lists_version": lists_version,
            "counts": counts,
            "files": files,
            "diff": {
                "path": prefix + "diff.json",
                "path_template": "v/{version}/diff.json",
                "since": 1,
                "previous_version": diff.previous_version,
            },
            "schema": "blocklist.schema.json",
        }
        self._put_bytes(
            prefix + "blocklist.schema.json", SCHEMA_FILE.read_bytes(), "application/schema+json", IMMUTABLE
        )
        page_bytes = render_page(self.page, manifest, recent).encode("utf-8")
        page_info = self._put_bytes(prefix + "index.html", page_bytes, "text/html; charset=utf-8", IMMUTABLE)
        manifest["files"] = {**files, "index.html": page_info}
        self._put_json(prefix + "manifest.json", manifest, IMMUTABLE)
        # A slower publisher of an older version must not overwrite the pointers of a newer one.
        recorded = PublicationState(version, lists_version, counts["entries"], files, published=version)
        if not self.store.record_publication(recorded, settled):
            return manifest
        # Stable URLs for tools that cannot follow a manifest (hosts-file updaters, RPZ transfers).
        if snapshot is not None:
            for name, info in files.items():
                self.store.copy_object(info["path"], "latest/" + name, info["content_type"], SHORT)
        self._put_bytes("index.html", page_bytes, "text/html; charset=utf-8", SHORT)
        self._put_bytes("blocklist.schema.json", SCHEMA_FILE.read_bytes(), "application/schema+json", SHORT)
        self._put_json("manifest.json", manifest, SHORT)  # last: the version becomes visible now
        self.store.record_pointers(version)
        return manifest

    def _point_to(self, state: PublicationState) -> None:
        """Finish a published version whose root objects were not (all) written: its manifest, page and
        ``latest/`` copies are in ``v/<published>/`` already. Without this, a retry that finds nothing new
        to publish would leave readers of ``manifest.json`` (and the lookup's prefix filter) one version
        behind until the next change."""
        prefix = f"v/{state.published}/"
        if state.lists_version == state.published:
            for name, info in state.files.items():
                self.store.copy_object(info["path"], "latest/" + name, info["content_type"], SHORT)
        self._put_bytes("blocklist.schema.json", SCHEMA_FILE.read_bytes(), "application/schema+json", SHORT)
        # Page and manifest (last, as in _write_version) re-put rather than copied: they keep their SHA-256.
        for name, content_type in (("index.html", "text/html; charset=utf-8"), ("manifest.json", "application/json")):
            body = self.store.get_object(prefix + name)
            if body is None:  # written before the version was recorded: only a deleted object is missing
                raise FileNotFoundError(prefix + name)
            self._put_bytes(name, body, content_type, SHORT)
        self.store.record_pointers(state.published)

    def _fill_skipped(self, previous: PublicationState, version: int, generated_at: str) -> None:
        """Give every version claimed but never published since ``previous.published`` an empty diff.

        The new version's diff is relative to the last published one, so a consumer that follows
        ``previous_version`` never meets a skipped version; one that fetches ``v/M+1 ... v/N`` in order
        (and the lookup's prefix filter) finds a valid, empty diff there instead of a missing object. A
        diff the failed attempt did write stays: its changes are all in the new version's diff too.
        """
        for skipped in range(previous.published + 1, version):
            key = f"v/{skipped}/diff.json"
            if self.store.get_object(key) is None:
                header = {"version": skipped, "previous_version": previous.published, "generated_at": generated_at}
                self._put_json(key, {**header, "skipped": True, "added": [], "removed": []}, IMMUTABLE)

    def _put_rendered(
        self,
        key: str,
        content_type: str,
        render: Callable[[Listing, ListMeta, BinaryIO], None],
        listing: Listing,
        meta: ListMeta,
    ) -> dict[str, Any]:
        # Spooled to disk so a million-entry file never sits in memory; hashed while it is written.
        with tempfile.TemporaryFile() as spool:
            writer = _HashingWriter(spool)
            render(listing, meta, writer)  # type: ignore[arg-type]
            spool.seek(0)
            self.store.put_object(key, spool, content_type, IMMUTABLE, writer.sha256.hexdigest())
        return {
            "path": key,
            "sha256": writer.sha256.hexdigest(),
            "bytes": writer.size,
            "content_type": content_type,
        }

    def _put_diff(self, key: str, diff: Diff) -> None:
        """The diff, streamed like the lists (a first or full publication's diff holds every entry)."""

        def render(listing: Listing, meta: ListMeta, out: BinaryIO) -> None:
            head = diff.public_header()
            out.write(json.dumps(head)[:-1].encode() + b',"added":[\n')
            rows = (entry_json(entry, digest, scope) for entry, digest, scope in listing.rows())
            out.write(",\n".join(rows).encode("utf-8"))
            removed = [{"expression": e, "hash": expression_hex(e)} for e in diff.removed]
            out.write(b'\n],"removed":' + json.dumps(removed, ensure_ascii=False).encode("utf-8") + b"}\n")

        meta = ListMeta(version=diff.version, generated_at=diff.generated_at)
        self._put_rendered(key, "application/json", render, Listing(diff.added), meta)

    def _put_bytes(self, key: str, body: bytes, content_type: str, cache: str) -> dict[str, Any]:
        digest = hashlib.sha256(body).hexdigest()
        self.store.put_object(key, io.BytesIO(body), content_type, cache, digest)
        return {"path": key, "sha256": digest, "bytes": len(body), "content_type": content_type}

    def _put_json(self, key: str, document: Any, cache: str) -> dict[str, Any]:
        body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return self._put_bytes(key, body, "application/json", cache)

    def _put_snapshot(self, key: str, version: int, snapshot: dict[str, Entry]) -> None:
        """Gzipped JSON of compact rows, streamed through a spool file (never one big string)."""

        def render(listing: Listing, meta: ListMeta, out: BinaryIO) -> None:
            with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=1) as packed:
                packed.write(f'{{"version":{version},"entries":[\n'.encode())
                rows = iter(snapshot.values())
                first = True
                while chunk := list(itertools.islice(rows, 4096)):
                    text = ",\n".join(json.dumps(entry.compact(), separators=(",", ":")) for entry in chunk)
                    packed.write(((",\n" if not first else "") + text).encode("utf-8"))
                    first = False
                packed.write(b"\n]}\n")

        self._put_rendered(key, "application/gzip", render, _EMPTY_LISTING, ListMeta(version, ""))

    def _load_snapshot(self, version: int) -> dict[str, Entry] | None:
        if self._cache and self._cache[0] == version:
            return self._cache[1]
        if version == 0:
            return {}
        body = self.store.get_object(f"v/{version}/{SNAPSHOT_NAME}")
        if body is None:
            return None
        rows = json.loads(gzip.decompress(body))["entries"]
        snapshot = {row[0]: Entry.from_compact(row) for row in rows}
        self._cache = (version, snapshot)
        return snapshot


_EMPTY_LISTING = Listing(())


class _HashingWriter:
    """A binary sink that hashes and counts what passes through to the spool file."""

    def __init__(self, sink: IO[bytes]) -> None:
        self.sink = sink
        self.sha256 = hashlib.sha256()
        self.size = 0

    def flush(self) -> None:
        self.sink.flush()

    def write(self, data: bytes) -> int:
        self.sha256.update(data)
        self.size += len(data)
        return self.sink.write(data)
