"""Webhook deliveries: fan an event out to subscribers, sign it, send it, decide on retries.

Each (event, subscriber) pair is one queue message, so one slow or failing subscriber never delays
another; a failed attempt is retried by the queue after ``backoff_seconds`` and recorded every time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from linkscan.clock import stamp
from linkscan.events.model import EVENT_SOURCE
from linkscan.events.signing import EVENT_ID_HEADER, SIGNATURE_HEADER, sign

if TYPE_CHECKING:
    from linkscan.events.sender import SendResult  # imports the fetcher: only the webhook function needs it

MAX_ATTEMPTS = 6
FIRST_RETRY_SECONDS = 30
MAX_RETRY_SECONDS = 3600
DELIVERY_RECORD_DAYS = 30


@dataclass(frozen=True)
class Subscription:
    subscription_id: str
    url: str
    owner: str
    secret: str
    kinds: tuple[str, ...]
    created_at: str
    active: bool = True


@dataclass(frozen=True)
class Delivery:
    subscription_id: str
    event_id: str
    kind: str
    created_at: str
    state: str  # delivering, retrying, delivered, failed
    attempts: int
    last_attempt_at: str | None = None
    next_attempt_at: str | None = None
    last_status: int | None = None
    last_error: str | None = None


Sender = Callable[[str, bytes, dict[str, str]], "SendResult"]


class DeliveryMessage(BaseModel):
    """One event for one subscriber, as queued for the webhook function."""

    subscription_id: str
    event_id: str
    kind: str
    created_at: str
    event: dict[str, Any]  # the EventBridge event as consumers of the bus see it


def backoff_seconds(attempt: int) -> int:
    """Wait after failed attempt ``attempt`` (1-based): 30 s, 2 min, 8 min, 32 min, then hourly."""
    return int(min(FIRST_RETRY_SECONDS * 4 ** (attempt - 1), MAX_RETRY_SECONDS))


def is_verdict_event(body: dict[str, Any]) -> bool:
    return body.get("source") == EVENT_SOURCE and isinstance(body.get("detail"), dict)


def fan_out(event: dict[str, Any], subscriptions: Sequence[Subscription]) -> list[DeliveryMessage]:
    """One delivery per active subscription whose kinds include the event's kind (none listed: every kind)."""
    detail = event["detail"]
    kind = str(detail.get("kind", ""))
    return [
        DeliveryMessage(
            subscription_id=sub.subscription_id,
            event_id=str(detail.get("event_id", event.get("id", ""))),
            kind=kind,
            created_at=str(detail.get("occurred_at", event.get("time", ""))),
            event=event,
        )
        for sub in subscriptions
        if sub.active and (not sub.kinds or kind in sub.kinds)
    ]


def payload(message: DeliveryMessage) -> bytes:
    """What the subscriber receives: the bus event itself, so one parser serves both channels."""
    return json.dumps(message.event, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def attempt(
    message: DeliveryMessage, subscription: Subscription, *, attempt_number: int, now: datetime, send: Sender
) -> Delivery:
    """Sign and send once; the delivery's state after this attempt."""
    body = payload(message)
    headers = {
        SIGNATURE_HEADER: sign(subscription.secret, int(now.timestamp()), body),
        EVENT_ID_HEADER: message.event_id,
        "User-Agent": "linkscan-webhooks/1",
    }
    result = send(subscription.url, body, headers)
    attempted_at = stamp(now.astimezone(UTC))
    if result.delivered:
        state, next_at = "delivered", None
    elif attempt_number >= MAX_ATTEMPTS:
        state, next_at = "failed", None
    else:
        state = "retrying"
        next_at = stamp(datetime.fromtimestamp(now.timestamp() + backoff_seconds(attempt_number), UTC))
    return Delivery(
        subscription_id=subscription.subscription_id,
        event_id=message.event_id,
        kind=message.kind,
        created_at=message.created_at,
        state=state,
        attempts=attempt_number,
        last_attempt_at=attempted_at,
        next_attempt_at=next_at,
        last_status=result.status,
        last_error=result.error if result.error else (None if result.delivered else f"HTTP {result.status}"),
    )
