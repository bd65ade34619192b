"""The scan dead-letter queue: requeue each scan, or answer it with a scan_failed verdict."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from linkscan.messages import ScanMessage
from linkscan.stores import Backend, MessageQueue
from linkscan.usecases.verdicts import record_scan_failure


@dataclass
class RedriveReport:
    """What a dead-letter redrive did with each message it read."""

    recorded: int = 0  # recorded as a scan_failed verdict
    requeued: int = 0  # sent back to the scan queue for a fresh set of attempts
    already_done: int = 0  # the scan had a verdict already (a late duplicate): dropped
    unreadable: list[str] = dataclasses.field(default_factory=list)  # not scan requests: left in the dead-letter queue


def redrive_dead_letters(
    dead_letters: MessageQueue, *, requeue: bool, backend: Backend, limit: int = 10_000
) -> RedriveReport:
    """Empty the scan dead-letter queue: requeue each scan, or record it as failed, so none stays unanswered.

    Recording is for messages that failed for a reason a retry will not cure; the verdict keeps the
    target's earlier decision (a failure never delists), and the submission shows state ``done`` with
    outcome ``scan_failed``. A message is deleted only after its scan is requeued or recorded.
    """
    from pydantic import ValidationError

    report = RedriveReport()
    seen = 0
    while seen < limit:
        batch = dead_letters.receive(10)  # each read message stays hidden for this run: the loop ends
        if not batch:
            break
        for queued in batch:
            seen += 1
            try:
                message = ScanMessage.model_validate_json(queued.body)
            except ValidationError:
                report.unreadable.append(queued.body[:200])
                continue
            scan = backend.records.scan(message.scan_id)
            if scan is not None and scan.verdict_key:
                report.already_done += 1
            elif requeue:
                if backend.queue.send([message.model_dump(exclude_none=True)]):
                    continue  # not accepted: the message stays in the dead-letter queue
                report.requeued += 1
            else:
                detail = f"the scan failed {queued.receive_count} deliveries; recorded from the dead-letter queue"
                record_scan_failure(message, detail, backend=backend)
                report.recorded += 1
            dead_letters.delete(queued.receipt_handle)
    return report
