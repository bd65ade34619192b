"""Webhook signatures: HMAC-SHA256 over the timestamp and the exact body, with a per-subscriber secret.

Header ``Linkscan-Signature: t=<unix seconds>,v1=<hex digest of "<t>.<body>">``. A receiver checks the
digest in constant time, refuses a timestamp outside its tolerance (an old capture replayed later) and
refuses an event id it has already accepted (a capture replayed within the tolerance). ``verify`` does
all three; subscribers can copy it (docs/events.md).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import MutableMapping
from dataclasses import dataclass, field

SIGNATURE_HEADER = "Linkscan-Signature"
EVENT_ID_HEADER = "Linkscan-Event-Id"
DEFAULT_TOLERANCE_SECONDS = 300


class SignatureError(ValueError):
    """The delivery is not authentic or not fresh; ``reason`` says which check failed."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def new_secret() -> str:
    """A subscriber's signing secret: 32 random bytes, shown once at registration."""
    return "whsec_" + secrets.token_urlsafe(32)


def _digest(secret: str, timestamp: int, body: bytes) -> str:
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value for one delivery."""
    return f"t={timestamp},v1={_digest(secret, timestamp, body)}"


@dataclass
class ReplayGuard:
    """Event ids accepted within the tolerance window (a receiver keeps one, e.g. in its own store)."""

    tolerance_seconds: int = DEFAULT_TOLERANCE_SECONDS
    seen: MutableMapping[str, int] = field(default_factory=dict)

    def first_time(self, event_id: str, now: int) -> bool:
        for old, at in list(self.seen.items()):
            if now - at > 2 * self.tolerance_seconds:
                del self.seen[old]  # older than any timestamp verify() still accepts
        if event_id in self.seen:
            return False
        self.seen[event_id] = now
        return True


def verify(secret: str, header: str, body: bytes, event_id: str, *, now: int, guard: ReplayGuard) -> None:
    """Raise SignatureError unless the delivery is signed with ``secret``, fresh, and not seen before."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(parts["t"])
        given = parts["v1"]
    except (KeyError, ValueError):
        raise SignatureError("malformed signature header") from None
    if not hmac.compare_digest(given, _digest(secret, timestamp, body)):
        raise SignatureError("signature does not match")
    if abs(now - timestamp) > guard.tolerance_seconds:
        raise SignatureError("timestamp outside the tolerance")
    if not guard.first_time(event_id, now):
        raise SignatureError("event already delivered")
