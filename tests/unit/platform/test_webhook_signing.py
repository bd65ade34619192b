"""Webhook signatures: authentic, fresh and delivered once, or refused with the reason."""

from __future__ import annotations

import pytest

from linkscan.events.signing import ReplayGuard, SignatureError, new_secret, sign, verify
from linkscan.events.webhooks import MAX_ATTEMPTS, backoff_seconds

NOW = 1_800_000_000
BODY = b'{"detail":{"event_id":"e1"}}'


def test_a_signed_delivery_verifies_once() -> None:
    secret = new_secret()
    header = sign(secret, NOW, BODY)
    guard = ReplayGuard()
    verify(secret, header, BODY, "e1", now=NOW + 5, guard=guard)
    with pytest.raises(SignatureError, match="already delivered"):
        verify(secret, header, BODY, "e1", now=NOW + 6, guard=guard)


@pytest.mark.parametrize(
    ("secret", "body", "now", "reason"),
    [
        ("whsec_other", BODY, NOW, "does not match"),  # another subscriber's secret
        ("whsec_mine", BODY + b" ", NOW, "does not match"),  # the body was altered
        ("whsec_mine", BODY, NOW + 301, "tolerance"),  # an old capture replayed later
        ("whsec_mine", BODY, NOW - 301, "tolerance"),
    ],
)
def test_a_forged_altered_or_stale_delivery_is_refused(secret: str, body: bytes, now: int, reason: str) -> None:
    header = sign("whsec_mine", NOW, BODY)
    with pytest.raises(SignatureError, match=reason):
        verify(secret, header, body, "e1", now=now, guard=ReplayGuard())


def test_a_malformed_header_is_refused() -> None:
    with pytest.raises(SignatureError, match="malformed"):
        verify("whsec_mine", "v1=abc", BODY, "e1", now=NOW, guard=ReplayGuard())


def test_the_timestamp_is_signed_too() -> None:
    header = sign("whsec_mine", NOW, BODY).replace(f"t={NOW}", f"t={NOW + 100}")
    with pytest.raises(SignatureError, match="does not match"):
        verify("whsec_mine", header, BODY, "e1", now=NOW + 100, guard=ReplayGuard())


def test_secrets_differ_per_subscriber() -> None:
    assert new_secret() != new_secret()


def test_retries_back_off_exponentially_up_to_an_hour() -> None:
    waits = [backoff_seconds(attempt) for attempt in range(1, MAX_ATTEMPTS)]
    assert waits == [30, 120, 480, 1920, 3600]
