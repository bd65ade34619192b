"""Transient failures are retried by SQS redelivery, with backoff, a bounded number of times."""

from __future__ import annotations

MAX_SCAN_ATTEMPTS = 3
RETRY_BASE_SECONDS = 30


class RetryLaterError(Exception):
    """A transient failure: the message goes back to the queue and is retried with backoff."""

    def __init__(self, message: str, delay_seconds: int) -> None:
        super().__init__(message)
        self.delay_seconds = delay_seconds


def backoff_seconds(attempts: int) -> int:
    """How long the next delivery waits after ``attempts`` tries."""
    return RETRY_BASE_SECONDS * 2**attempts
