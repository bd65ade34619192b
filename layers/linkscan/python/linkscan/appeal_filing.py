"""A site owner's side of an appeal: filing one against a listed URL, and checking its state by id and token.

The token is returned once at filing; storage keeps only its SHA-256, and the check compares hashes in
constant time. An unknown id and a wrong token raise the same NotFoundError, so the answer reveals nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol
from urllib.parse import quote

from linkscan.api_models import AppealReceipt, AppealRequest, AppealState
from linkscan.blocklist.changes import target_state
from linkscan.canonical import canonicalize, url_expressions
from linkscan.clock import utc_now
from linkscan.errors import InvalidInputError, InvalidUrlError, NotFoundError, NotListedError
from linkscan.items import AppealRecord
from linkscan.scanner import new_scan_id
from linkscan.targets import target_id

if TYPE_CHECKING:
    from linkscan.items import TargetRecord
    from linkscan.stores import RecordStore

TOKEN_BYTES = 24  # 32 URL-safe characters
_OUTCOMES = {"overturn": "delisted", "uphold": "kept"}
UNKNOWN_APPEAL = "no appeal with this id and token"
# An appeal needs one target that still holds the listing; reading more is cost, not certainty.
MAX_HOLDERS_READ = 100


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Listings(Protocol):
    """The blocklist table, as far as an appeal needs it."""

    def listed_holders(self, expressions: Sequence[str]) -> frozenset[str]: ...


def file_appeal(
    request: AppealRequest, *, source_ip: str, base_url: str, records: RecordStore, listings: Listings | None = None
) -> AppealReceipt:
    """Record an appeal against the listing behind a URL; NotListedError when the blocklist does not hold it.

    The URL may be any URL the listing covers (the public page offers ``https://`` + the expression): its
    target is the submitted URL's own, or else a target holding the most specific listed expression it matches.
    """
    try:
        tid, url = target_id(request.url)
        expressions = url_expressions(canonicalize(url))
    except InvalidUrlError as exc:
        raise InvalidInputError(f"url: {exc}", field="url") from exc
    listed = _listed_target(tid, expressions, records, listings)
    if listed is None:
        raise NotListedError(f"{url} is not on the blocklist; there is nothing to appeal", field="url")
    tid = listed
    appeal_id, token = new_scan_id(), secrets.token_urlsafe(TOKEN_BYTES)
    records.record_appeal(
        AppealRecord(
            appeal_id=appeal_id,
            target_id=tid,
            url=url,
            contact=request.contact,
            reason=request.reason,
            source_ip=source_ip,
            created_at=utc_now(),
            token_hash=_token_hash(token),
        )
    )
    return AppealReceipt(
        appeal_id=appeal_id,
        target_id=tid,
        status_token=token,
        status_url=f"{base_url}/v1/appeals/{quote(appeal_id)}?token={quote(token)}",
    )


def _listed_target(tid: str, expressions: Sequence[str], records: RecordStore, listings: Listings | None) -> str | None:
    # Listed means what the blocklist follows: the decision after moderation, not the scanner's alone.
    if _blocked(records.current(tid)):
        return tid
    holders = sorted(listings.listed_holders(expressions))[:MAX_HOLDERS_READ] if listings is not None else []
    currents = records.currents(holders) if holders else {}
    return next((holder for holder in holders if _blocked(currents.get(holder))), None)


def _blocked(current: TargetRecord | None) -> bool:
    state = target_state(current)
    return state is not None and state.blocked


def appeal_state(appeal_id: str, token: str | None, *, records: RecordStore) -> AppealState:
    """The appellant's view of one appeal; NotFoundError alike for an unknown id and a wrong or missing token."""
    appeal = records.appeal(appeal_id)
    stored = appeal.token_hash if appeal else ""
    offered = _token_hash(token or "")
    if appeal is None or not token or not hmac.compare_digest(stored, offered):
        raise NotFoundError(UNKNOWN_APPEAL)
    resolution = appeal.resolution
    return AppealState(
        appeal_id=appeal_id,
        url=appeal.url,
        state=appeal.state,
        created_at=appeal.created_at,
        outcome=_OUTCOMES.get(str(resolution.get("action"))) if resolution else None,  # type: ignore[arg-type]
        resolved_at=appeal.resolved_at,
    )
