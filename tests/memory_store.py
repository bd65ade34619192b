"""In-memory stores with the semantics of the DynamoDB, S3 and SQS ones, for fast use-case tests.

They implement ``linkscan.stores``: a verdict is recorded once per scan, a target's state only moves
forward (``items.advance_target``, as the DynamoDB store applies it), a finished scan is never begun again,
and moderation resolves the target's open appeals. tests/integration runs the same use cases on moto.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from linkscan import items
from linkscan.errors import InvalidInputError, NotFoundError
from linkscan.models import Verdict
from linkscan.stores import Backend, QueuedMessage


@dataclass
class MemoryRecords:
    targets: dict[str, items.TargetRecord] = field(default_factory=dict)
    verdicts: dict[str, dict[str, Verdict]] = field(default_factory=dict)  # target id -> verdict key -> verdict
    submissions: dict[str, items.SubmissionRecord] = field(default_factory=dict)
    scans: dict[str, items.ScanRecord] = field(default_factory=dict)
    decisions: list[tuple[str, items.Moderation]] = field(default_factory=list)
    appeal_records: dict[str, items.AppealRecord] = field(default_factory=dict)
    links: dict[str, dict[str, str]] = field(default_factory=dict)  # parent id -> child id -> url

    # ------------------------------------------------------------------ reads
    def current(self, target_id: str) -> items.TargetRecord | None:
        return self.targets.get(target_id)

    def currents(self, target_ids: Sequence[str]) -> dict[str, items.TargetRecord]:
        return {tid: self.targets[tid] for tid in target_ids if tid in self.targets}

    def submission(self, submission_id: str) -> items.SubmissionRecord:
        if submission_id not in self.submissions:
            raise NotFoundError(f"no submission {submission_id}")
        return self.submissions[submission_id]

    def scan(self, scan_id: str) -> items.ScanRecord | None:
        return self.scans.get(scan_id)

    def verdict(self, target_id: str, verdict_key: str) -> Verdict | None:
        return self.verdicts.get(target_id, {}).get(verdict_key)

    def history(self, target_id: str, limit: int = 50) -> list[Verdict]:
        stored = self.verdicts.get(target_id, {})
        return [stored[key] for key in sorted(stored, reverse=True)][:limit]

    def principal_apps(self, principal: str) -> list[items.TargetRecord]:
        return [record for record in self.targets.values() if record.principal == principal]

    # ------------------------------------------------------------------ submissions and scans
    def create_submissions(self, submissions: Sequence[items.SubmissionRecord]) -> None:
        if len(submissions) > 100:
            raise ValueError("at most 100 submissions are recorded together")
        self.submissions.update({sub.submission_id: sub for sub in submissions})

    def mark_pending(self, target_id: str, target_type: str, target: str, scan_id: str, at: str) -> None:
        base = self.targets.get(target_id) or items.TargetRecord(target_id=target_id)
        self.targets[target_id] = replace(
            base, target_type=target_type, target=target, pending_scan_id=scan_id, pending_since=at
        )

    def begin_scan(self, message: Mapping[str, Any], at: str) -> items.ScanRecord | None:
        scan = self.scans.get(message["scan_id"]) or items.ScanRecord(scan_id=message["scan_id"])
        if scan.state in ("done", "failed"):
            return None
        self.scans[scan.scan_id] = replace(scan, state="scanning", attempts=scan.attempts + 1)
        return self.scans[scan.scan_id]

    def record_retriable_failure(self, scan_id: str, outcome: str, detail: str | None, at: str) -> None:
        scan = self.scans[scan_id]
        self.scans[scan_id] = replace(scan, state="retrying", last_outcome=outcome, last_error=detail or outcome)

    def fail_scan(self, scan_id: str, error: str, at: str) -> None:
        scan = self.scans.get(scan_id) or items.ScanRecord(scan_id=scan_id)
        self.scans[scan_id] = replace(scan, state="failed", last_error=error)

    def record_verdict(
        self,
        verdict: Verdict,
        update_for: Callable[[items.TargetRecord | None], items.CurrentUpdate],
        *,
        max_attempts: int = 5,
    ) -> bool:
        scan = self.scans.get(verdict.scan_id) or items.ScanRecord(scan_id=verdict.scan_id)
        if scan.verdict_key is not None:
            return False
        key = f"{verdict.scanned_at}#{verdict.scan_id}"
        self.verdicts.setdefault(verdict.target_id, {})[key] = verdict
        self.scans[verdict.scan_id] = replace(scan, state="done", verdict_key=key)
        current = self.targets.get(verdict.target_id)
        if current is None or (current.scanned_at or "") <= verdict.scanned_at:
            self.targets[verdict.target_id] = items.advance_target(current, update_for(current), key)
        return True

    def moderate(self, target_id: str, moderation: items.Moderation, effective: str) -> items.TargetRecord:
        current = self.targets.get(target_id)
        if current is None or current.decision is None:
            raise NotFoundError(f"target {target_id} has no verdict to moderate")
        self.decisions.append((target_id, moderation))
        moderated = replace(current, moderation=moderation, effective_decision=effective, revision=current.revision + 1)
        self.targets[target_id] = moderated
        resolution = {**moderation.as_dict(), "effective_decision": effective}
        for appeal in self.appeals(target_id):
            if appeal.state == "open":
                self.appeal_records[appeal.appeal_id] = replace(
                    appeal, state="resolved", resolution=resolution, resolved_at=moderation.at
                )
        return moderated

    # ------------------------------------------------------------------ appeals
    def appeals(self, target_id: str) -> list[items.AppealRecord]:
        found = [a for a in self.appeal_records.values() if a.target_id == target_id]
        return sorted(found, key=lambda a: (a.created_at, a.appeal_id), reverse=True)

    def appeal(self, appeal_id: str) -> items.AppealRecord | None:
        return self.appeal_records.get(appeal_id)

    def record_appeal(self, appeal: items.AppealRecord) -> None:
        self.appeal_records[appeal.appeal_id] = appeal

    def appeal_queue(
        self, state: str, limit: int, next_token: str | None = None
    ) -> tuple[list[items.AppealRecord], str | None]:
        prefix = f"{state}:"
        if next_token is not None and not (next_token.startswith(prefix) and next_token[len(prefix) :].isdigit()):
            raise InvalidInputError("next_token: not a token this API returned for this status", field="next_token")
        start = int(next_token[len(prefix) :]) if next_token else 0
        queue = [a for a in self.appeal_records.values() if a.state == state]
        queue.sort(key=lambda a: (a.resolved_at if state == "resolved" else None) or a.created_at, reverse=True)
        page = queue[start : start + limit]
        return page, (f"{prefix}{start + limit}" if start + limit < len(queue) else None)

    # ------------------------------------------------------------------ mini-program links
    def children(self, parent_id: str) -> list[items.ChildLink]:
        return [items.ChildLink(child_id, url) for child_id, url in sorted(self.links.get(parent_id, {}).items())]

    def parents(self, child_id: str) -> list[str]:
        return sorted(parent for parent, children in self.links.items() if child_id in children)

    def link_children(self, parent_id: str, children: Iterable[tuple[str, str]]) -> None:
        self.links.setdefault(parent_id, {}).update(dict(children))


@dataclass
class MemoryObjects:
    blobs: dict[str, bytes] = field(default_factory=dict)

    def put(self, key: str, body: bytes, content_type: str, *, content_encoding: str | None = None) -> None:
        self.blobs[key] = body

    def put_json(self, key: str, data: Any) -> None:
        self.blobs[key] = json.dumps(data, ensure_ascii=False).encode("utf-8")

    def get_json(self, key: str) -> Any:
        return json.loads(self.blobs[key])


@dataclass
class MemoryQueue:
    messages: list[QueuedMessage] = field(default_factory=list)
    refuse: bool = False  # the queue does not accept messages (a send that fails)
    delays: dict[str, int] = field(default_factory=dict)
    received: set[str] = field(default_factory=set)  # read and not deleted: hidden, as SQS hides them
    _sent: int = 0

    def send(self, messages: Sequence[Mapping[str, Any]]) -> list[str]:
        if self.refuse:
            return [str(message["scan_id"]) for message in messages]
        for message in messages:
            self._sent += 1
            self.messages.append(QueuedMessage(f"r{self._sent}", json.dumps(dict(message)), 1))
        return []

    def receive(self, max_messages: int = 10) -> list[QueuedMessage]:
        visible = [m for m in self.messages if m.receipt_handle not in self.received][:max_messages]
        self.received.update(m.receipt_handle for m in visible)
        return visible

    def delete(self, receipt_handle: str) -> None:
        self.messages = [m for m in self.messages if m.receipt_handle != receipt_handle]

    def retry_later(self, receipt_handle: str, delay_seconds: int) -> None:
        self.delays[receipt_handle] = delay_seconds

    def bodies(self) -> list[dict[str, Any]]:
        return [json.loads(message.body) for message in self.messages]


def memory_backend() -> Backend:
    return Backend(MemoryRecords(), MemoryQueue(), MemoryObjects())
