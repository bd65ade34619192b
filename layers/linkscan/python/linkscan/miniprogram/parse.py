"""Turn untrusted submissions into validated models, or into an error that names the offending field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from linkscan.errors import InvalidInputError
from linkscan.miniprogram.model import MiniProgramMetadata, validate_appid

if TYPE_CHECKING:
    from linkscan.api_models import MiniProgramSubmission

# More than a few messages at once helps nobody fix a request.
_MAX_REPORTED_ERRORS = 3


def field_path(loc: Sequence[int | str], prefix: str = "") -> str:
    """("pages", 3, "links", 0) -> "pages[3].links[0]" (with an optional "metadata" prefix)."""
    path = prefix
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path or "(root)"


def _error_message(error: Mapping[str, Any]) -> str:
    message = str(error["msg"])
    # A ValueError raised inside a validator reads "Value error, ..."; the prefix says nothing to a user.
    return message.removeprefix("Value error, ")


def describe_validation_error(exc: ValidationError, prefix: str = "") -> tuple[str, str]:
    """The first field at fault and a message naming every (up to 3) offending field path."""
    errors = exc.errors(include_url=False)
    lines = [f"{field_path(e['loc'], prefix)}: {_error_message(e)}" for e in errors[:_MAX_REPORTED_ERRORS]]
    if len(errors) > _MAX_REPORTED_ERRORS:
        lines.append(f"... and {len(errors) - _MAX_REPORTED_ERRORS} more")
    return field_path(errors[0]["loc"], prefix), "; ".join(lines)


def parse_appid(appid: object) -> str:
    """Check an appid on its own (e.g. before fetching a metadata_url); InvalidInputError(field="appid")."""
    try:
        return validate_appid(appid)
    except PydanticCustomError as exc:
        raise InvalidInputError(f"appid: {exc.message()}", field="appid") from None


def parse_metadata(appid: str, raw: object, *, prefix: str = "metadata") -> MiniProgramMetadata:
    """Validate a platform's metadata for ``appid``.

    Raises InvalidInputError whose ``field`` is the path of the first offending field, e.g.
    "metadata.pages[3].links[0]", and whose message names the field and the problem.
    """
    parse_appid(appid)
    if not isinstance(raw, Mapping):
        raise InvalidInputError(f"{prefix}: expected a JSON object", field=prefix)
    from linkscan.api_edge import check_depth

    check_depth(raw, prefix)  # before validation, which would recurse as deep as the document does
    declared = raw.get("appid")
    if declared is not None and declared != appid:
        raise InvalidInputError(
            f"{prefix}.appid: {declared!r} does not match the submitted appid {appid!r}",
            field=f"{prefix}.appid",
        )
    try:
        return MiniProgramMetadata.model_validate({**raw, "appid": appid})
    except ValidationError as exc:
        field, message = describe_validation_error(exc, prefix)
        raise InvalidInputError(message, field=field) from None


def parse_submission(body: object) -> MiniProgramSubmission:
    """Validate a mini-program submission as POST /v1/submissions does, its metadata included."""
    from linkscan.api_models import MiniProgramSubmission

    try:
        submission = MiniProgramSubmission.model_validate(body)
    except ValidationError as exc:
        field, message = describe_validation_error(exc)
        raise InvalidInputError(message, field=field) from None
    checked_metadata(submission)
    return submission


def checked_metadata(submission: MiniProgramSubmission) -> dict[str, Any] | None:
    """The submission's inline metadata, validated, or None when the scan fetches it from metadata_url.

    InvalidInputError names the field at fault: exactly one source, a valid appid, a fetchable URL.
    """
    from linkscan.canonical import canonicalize
    from linkscan.errors import InvalidUrlError

    if (submission.metadata is None) == (submission.metadata_url is None):
        raise InvalidInputError("metadata: give exactly one of metadata or metadata_url", field="metadata")
    try:
        if submission.metadata is not None:
            return parse_metadata(submission.appid, submission.metadata).model_dump(mode="json")
        parse_appid(submission.appid)  # the appid must be valid now; the metadata is fetched by the scan
    except InvalidInputError as exc:
        raise InvalidInputError(str(exc), field=exc.field or "metadata") from None
    try:
        canonicalize(submission.metadata_url or "")
    except InvalidUrlError as exc:
        raise InvalidInputError(f"metadata_url: {exc}", field="metadata_url") from exc
    return None
