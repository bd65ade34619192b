"""ApiFunction: submissions, submission status, targets, moderator decisions, the OpenAPI document.

No `from __future__ import annotations` here: the resolver reads the route signatures at run time.
"""

from functools import cache
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import unquote

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from linkscan.api_edge import (
    JSON_CONTENT_TYPE,
    as_json_request,
    dumps,
    loads_bounded,
    not_found_body,
    route_list,
    with_charset,
)
from linkscan.api_errors import caller, error_response, install_error_handlers
from linkscan.api_models import (
    MAX_NAME_LENGTH,
    AppealReceipt,
    AppealRequest,
    AppealState,
    DecisionRequest,
    PrincipalApps,
    SubmissionAccepted,
    SubmissionBatch,
    SubmissionRequest,
    SubmissionStatus,
    TargetView,
    openapi_document,
)
from linkscan.appeal_filing import appeal_state, file_appeal
from linkscan.blocklist.appeals import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_TOKEN_LENGTH, AppealPage, AppealStatus
from linkscan.errors import InvalidInputError, NotListedError
from linkscan.observability import logger, metrics, tracer
from linkscan.settings import ServiceSettings
from linkscan.stores import Backend
from linkscan.usecases.moderation import moderate
from linkscan.usecases.submissions import submit
from linkscan.usecases.views import appeal_queue, principal_apps, submission_status, target_view

if TYPE_CHECKING:
    from linkscan.storage.blocklist import BlocklistTable

SETTINGS = ServiceSettings.from_env()
BACKEND = Backend.from_settings(SETTINGS)
app = APIGatewayRestResolver(enable_validation=True, serializer=dumps, json_body_deserializer=loads_bounded)


install_error_handlers(app)


@app.not_found
def _no_route(exc: Exception) -> Response[Any]:
    event = app.current_event
    return Response(
        status_code=404,
        content_type=JSON_CONTENT_TYPE,
        body=not_found_body(event.http_method, event.path, route_list(openapi_document())),
    )


@app.exception_handler(NotListedError)
def _not_listed(exc: NotListedError) -> Response[Any]:
    return error_response(404, "not_listed", str(exc), exc.field, [])


@cache
def _listings() -> "BlocklistTable":
    """The blocklist table, read only to find which target holds the listing an appeal names."""
    from linkscan.storage.blocklist import BlocklistTable

    return BlocklistTable(SETTINGS.require("blocklist_table_name").blocklist_table_name)


def _base_url() -> str:
    if SETTINGS.public_base_url:
        return SETTINGS.public_base_url
    context = app.current_event.request_context
    host = context.domain_name or app.current_event.headers.get("Host", "")
    scheme = app.current_event.headers.get("X-Forwarded-Proto", "https")
    stage = f"/{context.stage}" if host.endswith(".amazonaws.com") and context.stage else ""
    return f"{scheme}://{host}{stage}"


@app.post(
    "/v1/submissions",
    summary="Submit links or mini-programs to scan (one, or a batch of up to 100)",
    responses={202: {"description": "Accepted", "content": {"application/json": {"model": SubmissionAccepted}}}},
)
@tracer.capture_method
def post_submissions(request: Annotated[SubmissionRequest, Body()]) -> Response[dict[str, Any]]:
    payload = request.root
    batch = isinstance(payload, SubmissionBatch)
    items = payload.submissions if isinstance(payload, SubmissionBatch) else [payload]
    receipts = submit(items, batch=batch, caller=caller(app), base_url=_base_url(), settings=SETTINGS, backend=BACKEND)
    metrics.add_metric(name="SubmissionsAccepted", unit="Count", value=len(receipts))
    return Response(
        status_code=202,
        content_type=JSON_CONTENT_TYPE,
        body=SubmissionAccepted(submissions=receipts).model_dump(mode="json"),
    )


@app.get("/v1/submissions/<submission_id>", summary="A submission's state and verdict")
def get_submission(submission_id: Annotated[str, Path(min_length=1, max_length=64)]) -> SubmissionStatus:
    return submission_status(submission_id, BACKEND.records)


@app.get("/v1/targets/<target_id>", summary="A target's current verdict, moderation and history")
def get_target(target_id: Annotated[str, Path(min_length=1, max_length=64)]) -> TargetView:
    return target_view(target_id, BACKEND.records)


@app.put("/v1/targets/<target_id>/decision", summary="Moderator: uphold or overturn a target's verdict")
def put_decision(
    target_id: Annotated[str, Path(min_length=1, max_length=64)], decision: Annotated[DecisionRequest, Body()]
) -> TargetView:
    view = moderate(target_id, decision, caller=caller(app), records=BACKEND.records)
    logger.info("moderated", extra={"target_id": target_id, "action": decision.action, "by": caller(app)})
    return view


@app.post(
    "/v1/appeals",
    summary="Public: ask for a listing to be reviewed",
    responses={202: {"description": "Received", "content": {"application/json": {"model": AppealReceipt}}}},
)
def post_appeal(request: Annotated[AppealRequest, Body()]) -> Response[dict[str, Any]]:
    source_ip = app.current_event.request_context.identity.source_ip or ""
    receipt = file_appeal(
        request, source_ip=source_ip, base_url=_base_url(), records=BACKEND.records, listings=_listings()
    )
    return Response(status_code=202, content_type=JSON_CONTENT_TYPE, body=receipt.model_dump())


@app.get("/v1/appeals/<appeal_id>", summary="Public: an appeal's state, by its id and the token returned at filing")
def get_appeal_state(
    appeal_id: Annotated[str, Path(min_length=1, max_length=64)],
    token: Annotated[str | None, Query(min_length=1, max_length=128, description="The status_token")] = None,
) -> AppealState:
    return appeal_state(appeal_id, token, records=BACKEND.records)


@app.get("/v1/appeals", summary="Moderator: the appeal queue, newest first, with each target's current decision")
def get_appeals(
    status: Annotated[AppealStatus, Query(description="open (not yet answered) or resolved")] = "open",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
    next_token: Annotated[
        str | None, Query(min_length=1, max_length=MAX_TOKEN_LENGTH, description="From the previous page")
    ] = None,
) -> AppealPage:
    return appeal_queue(status, limit, next_token, records=BACKEND.records)


@app.get("/v1/principals/<name>/miniprograms", summary="All mini-programs of one registered developer")
def get_principal_apps(name: Annotated[str, Path(min_length=1)]) -> PrincipalApps:
    # API Gateway passes the path percent-encoded (principal names are often Chinese): the limit is on the name.
    decoded = unquote(name)
    if len(decoded) > MAX_NAME_LENGTH:
        raise InvalidInputError(f"name: at most {MAX_NAME_LENGTH} characters once decoded", field="name")
    return principal_apps(decoded, BACKEND.records)


@app.get(
    "/v1/openapi.json",
    summary="This API's OpenAPI document (every route of both functions)",
    responses={200: {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}},
)
def get_openapi() -> Response[str]:
    return Response(status_code=200, content_type=JSON_CONTENT_TYPE, body=dumps(openapi_document()))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
@metrics.log_metrics(capture_cold_start_metric=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return with_charset(app.resolve(as_json_request(event), context))
