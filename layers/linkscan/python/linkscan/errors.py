"""Domain exceptions, and the one error body shape. The API layer maps the exceptions to HTTP status
codes in one place. Standard library only: the OcrFunction's layer ships this module (layers/ocr/Makefile).
"""

from __future__ import annotations

from typing import Any


def error_body(
    error: str, message: str, field: str | None = None, details: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The one error shape: {error, message, field, details}; field is null when no field is at fault."""
    return {"error": error, "message": message, "field": field, "details": details or []}


class LinkscanError(Exception):
    """Base class for every error linkscan raises on purpose."""


class InvalidUrlError(LinkscanError, ValueError):
    """A URL cannot be parsed or canonicalized (not http/https, no host, bad port...)."""


class InvalidInputError(LinkscanError, ValueError):
    """A request names something that does not validate; ``field`` says which part."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(LinkscanError):
    """The requested item does not exist."""


class ConflictError(LinkscanError):
    """A conditional write lost a race; the caller's view is stale."""


class NotListedError(LinkscanError):
    """An appeal names a URL the blocklist does not hold; ``field`` says which part of the request."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
