"""Request and response models of the authenticated API (submissions, status, moderation).

These models are the API's contract: the OpenAPI document at /v1/openapi.json is generated from them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator
from pydantic_core import PydanticCustomError

from linkscan.messages import ScanMessage
from linkscan.models import Verdict

__all__ = ["ScanMessage"]  # defined with the queue it travels on; named here for earlier callers

MAX_BATCH = 100
MAX_URL_LENGTH = 4096
MAX_NAME_LENGTH = 200  # a principal's name in /v1/principals/{name}/miniprograms, once percent-decoded
OPENAPI_DOCUMENT = Path(__file__).parent / "schemas" / "openapi.json"
# Control and bidirectional-formatting characters: no fetch accepts them and a reviewer cannot see them.
# Tab, CR and LF are left to canonicalization, which removes them as Safe Browsing does.
_UNSUBMITTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def check_submittable_url(url: str) -> str:
    """Refuse at submission a URL the fetcher would always refuse (its characters or its host)."""
    from linkscan.errors import InvalidUrlError
    from linkscan.fetch.destination import parse_url
    from linkscan.targets import target_id

    bad = _UNSUBMITTABLE.search(url)
    if bad:
        char = bad.group()
        name = unicodedata.name(char, "a control character")
        raise PydanticCustomError(
            "url_unfetchable",
            "contains U+{code} ({name}), which no fetch accepts",
            {"code": f"{ord(char):04X}", "name": name},
        )
    try:
        _, canonical = target_id(url)
    except InvalidUrlError:
        return url  # the submission reports the canonicalizer's own message
    try:
        parse_url(canonical)
    except InvalidUrlError as exc:
        raise PydanticCustomError("url_unfetchable", "cannot be fetched: {reason}", {"reason": str(exc)}) from None
    return url


class UrlSubmission(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["url"]
    url: str = Field(min_length=1, max_length=MAX_URL_LENGTH, description="An http(s) URL to scan")
    force: bool = Field(default=False, description="Scan again even if a recent verdict exists")

    @field_validator("url")
    @classmethod
    def _fetchable(cls, url: str) -> str:
        return check_submittable_url(url)


class MiniProgramSubmission(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["miniprogram"]
    appid: str = Field(min_length=1, max_length=64, description="`wx` followed by 16 hex characters")
    metadata: dict[str, Any] | None = Field(
        default=None, description="Mini-program metadata (schema: MiniProgramMetadata)"
    )
    metadata_url: str | None = Field(
        default=None, max_length=MAX_URL_LENGTH, description="Where linkscan fetches the metadata instead"
    )
    force: bool = False

    @field_validator("metadata_url")
    @classmethod
    def _fetchable(cls, url: str | None) -> str | None:
        return None if url is None else check_submittable_url(url)


Submission = Annotated[UrlSubmission | MiniProgramSubmission, Field(discriminator="type")]


class SubmissionBatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    submissions: list[Submission] = Field(min_length=1, max_length=MAX_BATCH)


class SubmissionRequest(RootModel[Submission | SubmissionBatch]):
    """One submission, or `{"submissions": [...]}` with up to 100."""


class SubmissionReceipt(BaseModel):
    submission_id: str
    target_id: str
    target: str
    status: Literal["queued", "done", "failed"]
    deduplicated: bool = Field(description="True when a recent or queued scan answers this submission")
    status_url: str
    verdict_url: str | None = None
    error: str | None = None


class SubmissionAccepted(BaseModel):
    submissions: list[SubmissionReceipt]


class SubmissionStatus(BaseModel):
    submission_id: str
    target_id: str
    target_type: str
    target: str
    state: Literal["queued", "scanning", "retrying", "done", "not_scanned", "failed"] = Field(
        description="done: judged, see verdict.decision; not_scanned: finished but nothing could be analyzed "
        "(verdict.outcome says why, verdict.judged is false); failed: no verdict"
    )
    submitted_at: str
    attempts: int = 0
    last_error: str | None = None
    verdict: Verdict | None = None


class DecisionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["uphold", "overturn"] = Field(
        description="uphold: the target stays blocked; overturn: the block was wrong and is lifted"
    )
    reason: str = Field(min_length=3, max_length=2000)


class AppealRequest(BaseModel):
    """A site owner's request to review a listing (public; answered by a moderator's decision)."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(min_length=1, max_length=MAX_URL_LENGTH, description="The listed link")
    contact: str = Field(min_length=3, max_length=320, description="Where the moderator can answer (e-mail)")
    reason: str = Field(min_length=10, max_length=4000, description="Why the listing is wrong")


class AppealReceipt(BaseModel):
    appeal_id: str
    target_id: str
    status_token: str = Field(description="Secret for GET /v1/appeals/{appeal_id}?token=...; shown only once")
    status_url: str = Field(description="Where to check the appeal's state (carries the token)")
    state: Literal["open"] = "open"


class AppealState(BaseModel):
    """What an appellant may see of their appeal: never contact, source IP or who decided."""

    appeal_id: str
    url: str
    state: Literal["open", "resolved"]
    created_at: str
    outcome: Literal["delisted", "kept"] | None = Field(default=None, description="Once resolved")
    resolved_at: str | None = None
    public_note: str | None = None


class TargetView(BaseModel):
    target_id: str
    target_type: str
    target: str
    decision: str | None = None
    judged: bool | None = Field(
        default=None, description="The latest verdict's `judged`: false when nothing was analyzed"
    )
    effective_decision: str | None = None
    scanned_at: str | None = None
    moderation: dict[str, Any] | None = None
    verdict: Verdict | None = None
    history: list[Verdict] = Field(default_factory=list)
    appeals: list[dict[str, Any]] = Field(default_factory=list)


class MiniProgramSummary(BaseModel):
    appid: str
    target_id: str
    decision: str | None = None
    effective_decision: str | None = None
    scanned_at: str | None = None


class PrincipalApps(BaseModel):
    principal: str
    miniprograms: list[MiniProgramSummary]


class ErrorBody(BaseModel):
    error: str
    message: str
    field: str | None = None
    details: list[dict[str, Any]] = Field(default_factory=list)


SUBMISSION_TYPES = ("url", "miniprogram")


def _is_model_name(part: Any) -> bool:
    return isinstance(part, str) and (part[:1].isupper() or "[" in part)


def _field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    """('body', 'SubmissionBatch', 'submissions', 1, 'url', 'url') → 'submissions[1].url'."""
    path = ""
    previous: Any = None
    for index, part in enumerate(loc):
        # A discriminated union puts the tag ('url') in the location before the field itself.
        after_container = (
            previous is None or previous == "body" or isinstance(previous, int) or _is_model_name(previous)
        )
        is_tag = part in SUBMISSION_TYPES and index + 1 < len(loc) and after_container
        previous = part
        if part == "body" or _is_model_name(part) or is_tag:
            continue
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def describe_validation_errors(errors: list[dict[str, Any]], body: Any) -> list[dict[str, str]]:
    """Turn pydantic's errors about a submission body into [{field, problem}], most useful first."""
    batch = isinstance(body, dict) and "submissions" in body
    described: list[tuple[int, dict[str, str]]] = []
    for error in errors:
        loc = tuple(error.get("loc", ()))
        branch = next((p for p in loc if _is_model_name(p)), None)
        if branch is not None and (branch == "SubmissionBatch") != batch:
            continue  # an error of the union branch the client did not mean
        problem = str(error.get("msg", "invalid"))
        field = _field_path(loc)
        if error.get("type") == "union_tag_not_found" or "Unable to extract tag" in problem:
            field = f"{field}.type" if field else "type"
            problem = f"required; one of {', '.join(SUBMISSION_TYPES)}"
        elif error.get("type") == "union_tag_invalid":
            field = f"{field}.type" if field else "type"
            problem = f"must be one of {', '.join(SUBMISSION_TYPES)}"
        described.append((0 if field else 1, {"field": field, "problem": problem}))
    if not described:
        described = [(1, {"field": "", "problem": str(e.get("msg", "invalid"))}) for e in errors]
    return [item for _, item in sorted(described, key=lambda pair: pair[0])]


@lru_cache(maxsize=1)
def openapi_document() -> dict[str, Any]:
    """The whole API's OpenAPI document, generated by `python -m devstack.openapi` and shipped in the layer."""
    import json

    document: dict[str, Any] = json.loads(OPENAPI_DOCUMENT.read_text(encoding="utf-8"))
    return document


def with_miniprogram_schema(document: dict[str, Any]) -> dict[str, Any]:
    """Publish the mini-program metadata's JSON Schema inside the OpenAPI document and point at it.

    The API accepts metadata as an object and validates it with the mini-program model (so errors name
    the field path); this makes the document show that model instead of a bare object.
    """
    import json

    schema = json.loads((Path(__file__).parent / "schemas" / "miniprogram.schema.json").read_text(encoding="utf-8"))
    components = document.setdefault("components", {}).setdefault("schemas", {})
    components.update({f"MiniProgram{name}": definition for name, definition in schema.pop("$defs", {}).items()})
    components["MiniProgramMetadata"] = {k: v for k, v in schema.items() if k not in ("$schema", "$id")}
    metadata = components["MiniProgramSubmission"]["properties"]["metadata"]
    metadata["anyOf"] = [{"$ref": "#/components/schemas/MiniProgramMetadata"}, {"type": "null"}]
    # References inside the metadata schema move from its own $defs to the document's components.
    text = json.dumps(components).replace('"#/$defs/', '"#/components/schemas/MiniProgram')
    document["components"]["schemas"] = json.loads(text)
    return document
