"""PlatformFunction: public reports, webhook subscriptions and the moderators' review queue.

No `from __future__ import annotations` here: the resolver reads the route signatures at run time.
"""

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from linkscan.api_edge import (
    JSON_CONTENT_TYPE,
    as_json_request,
    dumps,
    loads_bounded,
    with_charset,
)
from linkscan.api_errors import caller, error_response, install_error_handlers
from linkscan.events.subscriptions import deliveries, register
from linkscan.observability import logger, metrics, tracer
from linkscan.platform_api_models import (
    DeliveryList,
    ReportReceipt,
    ReportRequest,
    ReviewDecisionRequest,
    ReviewItem,
    ReviewLease,
    ReviewPage,
    WebhookCreated,
    WebhookRequest,
)
from linkscan.platform_settings import PlatformSettings
from linkscan.reports.filing import RateLimitedError, file_report
from linkscan.reports.policy import ReportPolicy
from linkscan.reviews import queue as reviews
from linkscan.settings import ServiceSettings
from linkscan.storage.platform import PlatformRecords
from linkscan.storage.records import ScanQueue
from linkscan.stores import Backend
from linkscan.usecases.submissions import submit

SETTINGS = ServiceSettings.from_env().require("scan_queue_url", "evidence_bucket")
PLATFORM = PlatformSettings.from_env().require("rescan_queue_url")
BACKEND = Backend.from_settings(SETTINGS)
# Light reports (anonymous ones) wait in the low-priority queue that rescans use.
LOW_PRIORITY = Backend(BACKEND.records, ScanQueue(PLATFORM.rescan_queue_url), BACKEND.objects)
RECORDS = PlatformRecords(SETTINGS.table_name)
REPORT_POLICY = ReportPolicy.load()
app = APIGatewayRestResolver(enable_validation=True, serializer=dumps, json_body_deserializer=loads_bounded)


install_error_handlers(app)


@app.exception_handler(RateLimitedError)
def _rate_limited(exc: RateLimitedError) -> Response[Any]:
    return error_response(429, "rate_limited", str(exc), headers={"Retry-After": str(exc.retry_after)})


def _public_base() -> str:
    return PLATFORM.public_base_url or f"https://{app.current_event.request_context.domain_name or 'localhost'}"


def _now() -> datetime:
    return datetime.now(UTC)


def _request_scan(url: str, high_priority: bool, reporter: str) -> bool:
    """Queue a scan for a report (through the submission use case); True if a recent or queued scan answers it."""
    from linkscan.api_models import UrlSubmission

    (receipt,) = submit(
        [UrlSubmission(type="url", url=url)],
        batch=False,
        caller=f"report:{reporter}",
        base_url=_public_base(),
        settings=SETTINGS,
        backend=BACKEND if high_priority else LOW_PRIORITY,
    )
    return receipt.deduplicated


@app.post(
    "/v1/reports",
    summary="Public: report a link; it is scanned (never listed by the report itself)",
    responses={
        202: {"description": "Received", "content": {"application/json": {"model": ReportReceipt}}},
        429: {"description": "Too many reports from this client or on this link just now"},
    },
)
def post_report(request: Annotated[ReportRequest, Body()]) -> Response[dict[str, Any]]:
    event = app.current_event
    receipt = file_report(
        request,
        client_ip=event.request_context.identity.source_ip or "",
        api_key=event.headers.get("X-Api-Key") or event.headers.get("x-api-key"),
        now=_now(),
        policy=REPORT_POLICY,
        records=RECORDS,
        request_scan=_request_scan,
    )
    metrics.add_metric(name=f"Report_{receipt.status}", unit="Count", value=1)
    return Response(status_code=202, content_type=JSON_CONTENT_TYPE, body=receipt.model_dump())


@app.post(
    "/v1/webhooks",
    summary="Register a webhook: signed POSTs of verdict events to your URL",
    responses={201: {"description": "Registered", "content": {"application/json": {"model": WebhookCreated}}}},
)
def post_webhook(request: Annotated[WebhookRequest, Body()]) -> Response[dict[str, Any]]:
    created = register(
        request, owner=caller(app), now=_now(), base_url=_public_base(), settings=PLATFORM, records=RECORDS
    )
    return Response(status_code=201, content_type=JSON_CONTENT_TYPE, body=created.model_dump())


@app.get("/v1/webhooks/<subscription_id>/deliveries", summary="Your webhook's recent deliveries, newest first")
def get_deliveries(
    subscription_id: Annotated[str, Path(min_length=1, max_length=64)],
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> DeliveryList:
    return deliveries(subscription_id, owner=caller(app), limit=limit, records=RECORDS)


@app.get("/v1/reviews", summary="Moderator: the review queue (pending oldest first), with evidence and history")
def get_reviews(
    status: Annotated[Literal["pending", "done"], Query(description="pending or done")] = "pending",
    category: Annotated[str | None, Query(min_length=1, max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> ReviewPage:
    return reviews.review_page(status, category, limit, _now(), queue=RECORDS, records=BACKEND.records)


@app.post("/v1/reviews/<target_id>/lease", summary="Moderator: take an item (a lease), so no one else decides it")
def post_lease(target_id: Annotated[str, Path(min_length=1, max_length=64)]) -> ReviewLease:
    return reviews.take(target_id, caller(app), _now(), PLATFORM.review_lease_seconds, queue=RECORDS)


@app.post("/v1/reviews/<target_id>/decision", summary="Moderator: decide a leased item, block or allow, with a reason")
def post_review_decision(
    target_id: Annotated[str, Path(min_length=1, max_length=64)],
    decision: Annotated[ReviewDecisionRequest, Body()],
) -> ReviewItem:
    item = reviews.decide(
        target_id,
        decision.decision,
        decision.reason,
        caller(app),
        _now(),
        queue=RECORDS,
        records=BACKEND.records,
    )
    logger.info("review decided", extra={"target_id": target_id, "decision": decision.decision})
    return item


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return with_charset(app.resolve(as_json_request(event), context))
