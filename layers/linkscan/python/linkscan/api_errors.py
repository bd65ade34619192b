"""The error answers of the API functions that use powertools' resolver (api, platform): one mapping from
the domain's exceptions and request validation to the standard error body, and the verified caller.

Not in api_edge: that module serves the lookup function too, which starts without the resolver.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError

from linkscan.api_edge import EMPTY_BODY_MESSAGE, JSON_CONTENT_TYPE, error_body, invalid_json_body
from linkscan.api_models import describe_validation_errors
from linkscan.errors import ConflictError, InvalidInputError, NotFoundError


def error_response(
    status: int,
    error: str,
    message: str,
    field: str | None = None,
    details: Any = None,
    headers: dict[str, str] | None = None,
) -> Response[Any]:
    return Response(
        status_code=status,
        content_type=JSON_CONTENT_TYPE,
        body=error_body(error, message, field, details),
        headers=headers,
    )


def _body_missing(errors: list[dict[str, Any]]) -> bool:
    """The route takes a body and none came (pydantic reports it at location ``body``)."""
    return any(tuple(error.get("loc", ())) == ("body",) and error.get("type") == "missing" for error in errors)


def install_error_handlers(app: APIGatewayRestResolver) -> None:
    """Answer request validation and the domain's input, not-found and conflict errors as 400/404/409."""

    @app.exception_handler(RequestValidationError)
    def _invalid_request(exc: RequestValidationError) -> Response[Any]:
        try:
            body = app.current_event.json_body
        except ValueError as decode_error:
            return Response(status_code=400, content_type=JSON_CONTENT_TYPE, body=invalid_json_body(decode_error))
        errors = list(exc.errors())
        if body is None and _body_missing(errors):
            return error_response(400, "invalid_request", EMPTY_BODY_MESSAGE)
        details = describe_validation_errors(errors, body)
        first = details[0]
        message = f"{first['field']}: {first['problem']}" if first["field"] else first["problem"]
        return error_response(400, "invalid_request", message, first["field"] or None, details)

    @app.exception_handler(InvalidInputError)
    def _invalid_input(exc: InvalidInputError) -> Response[Any]:
        return error_response(400, "invalid_request", str(exc), exc.field)

    @app.exception_handler(NotFoundError)
    def _not_found(exc: NotFoundError) -> Response[Any]:
        return error_response(404, "not_found", str(exc))

    @app.exception_handler(ConflictError)
    def _conflict(exc: ConflictError) -> Response[Any]:
        return error_response(409, "conflict", str(exc))


def caller(app: APIGatewayRestResolver) -> str:
    """The IAM principal that signed the request (API Gateway verified the signature)."""
    identity = app.current_event.request_context.identity
    return identity.user_arn or identity.caller or identity.user or "anonymous"
