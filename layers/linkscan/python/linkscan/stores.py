"""What the use cases need of storage, as interfaces: the main table, the evidence bucket, the scan queue.

``linkscan.storage.records`` implements them on DynamoDB, S3 and SQS; ``tests/memory_store.py`` in
memory, for fast unit tests of the use cases. Both take and return the typed records of
``linkscan.items``, never items with attribute names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from linkscan import items
    from linkscan.models import Verdict
    from linkscan.settings import ServiceSettings


class RecordStore(Protocol):
    """Targets, their verdicts and history, submissions, scans, moderation, appeals and mini-program links."""

    def current(self, target_id: str) -> items.TargetRecord | None: ...
    def currents(self, target_ids: Sequence[str]) -> dict[str, items.TargetRecord]: ...
    def submission(self, submission_id: str) -> items.SubmissionRecord: ...
    def scan(self, scan_id: str) -> items.ScanRecord | None: ...
    def verdict(self, target_id: str, verdict_key: str) -> Verdict | None: ...
    def history(self, target_id: str, limit: int = 50) -> list[Verdict]: ...
    def principal_apps(self, principal: str) -> list[items.TargetRecord]: ...

    def create_submissions(self, submissions: Sequence[items.SubmissionRecord]) -> None: ...
    def mark_pending(self, target_id: str, target_type: str, target: str, scan_id: str, at: str) -> None: ...
    def begin_scan(self, message: Mapping[str, Any], at: str) -> items.ScanRecord | None: ...
    def record_retriable_failure(self, scan_id: str, outcome: str, detail: str | None, at: str) -> None: ...
    def fail_scan(self, scan_id: str, error: str, at: str) -> None: ...
    def record_verdict(
        self,
        verdict: Verdict,
        update_for: Callable[[items.TargetRecord | None], items.CurrentUpdate],
        *,
        max_attempts: int = 5,
    ) -> bool: ...
    def moderate(self, target_id: str, moderation: items.Moderation, effective: str) -> items.TargetRecord: ...

    def appeals(self, target_id: str) -> list[items.AppealRecord]: ...
    def appeal(self, appeal_id: str) -> items.AppealRecord | None: ...
    def record_appeal(self, appeal: items.AppealRecord) -> None: ...
    def appeal_queue(
        self, state: str, limit: int, next_token: str | None = None
    ) -> tuple[list[items.AppealRecord], str | None]: ...

    def children(self, parent_id: str) -> list[items.ChildLink]: ...
    def parents(self, child_id: str) -> list[str]: ...
    def link_children(self, parent_id: str, children: Iterable[tuple[str, str]]) -> None: ...


class ObjectStore(Protocol):
    """Evidence blobs and mini-program metadata, by key."""

    def put(self, key: str, body: bytes, content_type: str, *, content_encoding: str | None = None) -> None: ...
    def put_json(self, key: str, data: Any) -> None: ...
    def get_json(self, key: str) -> Any: ...


@dataclass(frozen=True)
class QueuedMessage:
    """A message read from a queue: its body, how often it was delivered, and the handle to delete it."""

    receipt_handle: str
    body: str
    receive_count: int


class MessageQueue(Protocol):
    """Scan requests: the scan queue, or its dead-letter queue."""

    def send(self, messages: Sequence[Mapping[str, Any]]) -> list[str]: ...
    def receive(self, max_messages: int = 10) -> Sequence[QueuedMessage]: ...
    def delete(self, receipt_handle: str) -> None: ...
    def retry_later(self, receipt_handle: str, delay_seconds: int) -> None: ...


@dataclass(frozen=True)
class Backend:
    """The storage a use case works against."""

    records: RecordStore
    queue: MessageQueue
    objects: ObjectStore

    @classmethod
    def from_settings(cls, settings: ServiceSettings) -> Backend:
        """The deployed backend: the main table, the scan queue and the evidence bucket named in settings."""
        from linkscan.storage.records import Objects, Records, ScanQueue

        settings.require("table_name", "scan_queue_url", "evidence_bucket")
        return cls(
            Records(settings.table_name),
            ScanQueue(settings.scan_queue_url),
            Objects(settings.evidence_bucket),
        )
