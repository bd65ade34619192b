"""Appeals against listings: the moderator queue's response models and its opaque page tokens.

A site owner appeals through the public ``POST /v1/appeals``; moderators page through ``GET /v1/appeals``
(open or resolved, newest first) and answer with ``PUT /v1/targets/{id}/decision``, which resolves the
target's open appeals. Pure: the token is the storage layer's position, carried through the client as
URL-safe base64 JSON and checked on the way back in.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, Field

from linkscan.errors import InvalidInputError

AppealStatus = Literal["open", "resolved"]
APPEAL_STATUSES: tuple[AppealStatus, ...] = ("open", "resolved")
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
MAX_TOKEN_LENGTH = 2048
TOKEN_FIELD = "next_token"  # noqa: S105 -- a query parameter name, not a secret


class Resolution(BaseModel):
    """The moderator decision that answered an appeal."""

    action: str = Field(description="uphold or overturn")
    effective_decision: str = Field(description="The target's decision after moderation")
    by: str = Field(description="The IAM principal that decided")
    at: str = Field(description="When (ISO-8601 UTC)")
    reason: str


class AppealItem(BaseModel):
    appeal_id: str
    target_id: str
    url: str = Field(description="The link as the appellant gave it, canonicalized")
    contact: str
    reason: str = Field(description="The appellant's text")
    source_ip: str | None = None
    created_at: str = Field(description="When the appeal arrived (ISO-8601 UTC)")
    state: AppealStatus
    resolution: Resolution | None = None
    decision: str | None = Field(default=None, description="The target's current scanner decision")
    effective_decision: str | None = Field(
        default=None, description="The target's current decision after moderation (what the blocklist follows)"
    )


class AppealPage(BaseModel):
    status: AppealStatus
    appeals: list[AppealItem] = Field(description="Newest first (open: by arrival; resolved: by resolution)")
    next_token: str | None = Field(default=None, description="Pass as next_token for the next page; null at the end")


def encode_token(position: Mapping[str, str] | None) -> str | None:
    """The storage position after a page, as an opaque string (None when there is no next page)."""
    if not position:
        return None
    raw = json.dumps(dict(position), separators=(",", ":"), sort_keys=True).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_token(token: str | None, expected: Mapping[str, str], keys: tuple[str, ...]) -> dict[str, str] | None:
    """A position from ``encode_token``; InvalidInputError for anything else.

    ``keys`` are the attribute names a position has; ``expected`` pins some of them (the status's
    partition), so a token from the resolved queue cannot page through the open one.
    """
    if token is None:
        return None
    try:
        if len(token) > MAX_TOKEN_LENGTH:
            raise ValueError("too long")
        padded = token + "=" * (-len(token) % 4)
        position: Any = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error) as exc:
        raise InvalidInputError(f"{TOKEN_FIELD}: not a token this API returned", field=TOKEN_FIELD) from exc
    valid = (
        isinstance(position, dict)
        and sorted(position) == sorted(keys)
        and all(isinstance(value, str) and value for value in position.values())
        and all(position.get(name) == value for name, value in expected.items())
    )
    if not valid:
        raise InvalidInputError(f"{TOKEN_FIELD}: not a token this API returned for this status", field=TOKEN_FIELD)
    return dict(position)
