"""LookupFunction: is a URL on the public blocklist? Also the hash-prefix API for private lookups.

Imports only the canonicalizer, the lookup logic and the blocklist table: none of the scanner. URL
lookups first test each expression hash against the published hash prefixes held in memory (refreshed
from the manifest at most every LOOKUP_FILTER_TTL_SECONDS) and read the table only for those that may be
listed; without a complete filter they read the table for every expression.
"""

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, CORSConfig, Response
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from linkscan.api_edge import (
    EMPTY_BODY_MESSAGE,
    JSON_CONTENT_TYPE,
    as_json_request,
    dumps,
    error_body,
    invalid_json_body,
    loads_bounded,
    not_found_body,
    with_charset,
)
from linkscan.blocklist.api_models import (
    MAX_URL_LENGTH,
    PREFIX_PATTERN,
    HashMatches,
    LookupBatch,
    LookupRequest,
    LookupResult,
)
from linkscan.blocklist.lookup import Candidate, LookupAnswer, candidate, lookup_many
from linkscan.blocklist.prefix_filter import PrefixFilterSource
from linkscan.errors import InvalidInputError, InvalidUrlError
from linkscan.observability import logger, metrics, tracer
from linkscan.settings import ServiceSettings
from linkscan.storage.blocklist import BlocklistTable, PublishedListReader, lookup_dynamodb_client

SETTINGS = ServiceSettings.from_env()
TABLE = BlocklistTable(SETTINGS.blocklist_table_name, lookup_dynamodb_client())
# Loaded on first use, not at import: a cold start that serves /v1/hashes never reads it.
PREFIXES = (
    PrefixFilterSource(
        PublishedListReader(SETTINGS.blocklist_bucket),
        SETTINGS.lookup_filter_ttl_seconds,
        warn=logger.warning,
    )
    if SETTINGS.blocklist_bucket
    else None
)
APPEAL_URL = f"{SETTINGS.public_base_url}/v1/appeals"
# Answers change only when a new list version is published (minutes); shared caches may keep them briefly.
CACHEABLE = "public, max-age=300"
app = APIGatewayRestResolver(
    enable_validation=True,
    cors=CORSConfig(allow_origin="*", max_age=3600),
    serializer=dumps,
    json_body_deserializer=loads_bounded,
)
# What a 404 lists: this function's routes (the API function's 404 lists the whole API's).
ROUTES = ["GET /v1/lookup", "POST /v1/lookup", "GET /v1/hashes/{prefix}"]


def _json(status: int, body: Any, cache_control: str) -> Response[Any]:
    return Response(
        status_code=status, content_type=JSON_CONTENT_TYPE, body=body, headers={"Cache-Control": cache_control}
    )


def _error(message: str, field: str | None = None, details: list[dict[str, Any]] | None = None) -> Response[Any]:
    return _json(400, error_body("invalid_request", message, field, details), "no-store")


@app.not_found
def _no_route(exc: Exception) -> Response[Any]:
    event = app.current_event
    return _json(404, not_found_body(event.http_method, event.path, ROUTES), "no-store")


@app.exception_handler(RequestValidationError)
def _invalid_request(exc: RequestValidationError) -> Response[Any]:
    try:
        body = app.current_event.json_body
    except ValueError as decode_error:
        return _json(400, invalid_json_body(decode_error), "no-store")
    if body is None and app.current_event.http_method == "POST":
        return _error(EMPTY_BODY_MESSAGE)
    details = [
        {"field": ".".join(str(p) for p in error["loc"] if p not in ("body", "query", "path")), "problem": error["msg"]}
        for error in exc.errors()
    ]
    first = details[0] if details else {"field": "", "problem": "invalid request"}
    message = f"{first['field']}: {first['problem']}" if first["field"] else str(first["problem"])
    return _error(message, first["field"] or None, details)


@app.exception_handler(InvalidUrlError)
def _invalid_url(exc: InvalidUrlError) -> Response[Any]:
    return _error(f"url: {exc}", "url")


@app.exception_handler(InvalidInputError)
def _invalid_input(exc: InvalidInputError) -> Response[Any]:
    return _error(str(exc), exc.field)


def _lookup(candidates: list[Candidate]) -> list[LookupAnswer]:
    prefixes = PREFIXES.current() if PREFIXES is not None else None
    return lookup_many(candidates, TABLE.listed_by_hash, prefixes.may_contain if prefixes is not None else None)


def _answers(model: type, description: str) -> dict[int, Any]:
    return {200: {"description": description, "content": {"application/json": {"model": model}}}}


@app.get(
    "/v1/lookup",
    summary="Is this URL listed? (Safe Browsing matching)",
    responses=_answers(LookupResult, "Whether the URL is listed, and the match"),
)
@tracer.capture_method
def lookup_one(url: Annotated[str, Query(min_length=1, max_length=MAX_URL_LENGTH)]) -> Response[Any]:
    (result,) = _lookup([candidate(url)])
    metrics.add_metric(name="LookupUrls", unit="Count", value=1)
    body = LookupResult.model_validate(result.public(APPEAL_URL))
    return _json(200, body.model_dump(mode="json"), CACHEABLE)


@app.post(
    "/v1/lookup",
    summary="Check up to 500 URLs at once",
    responses=_answers(LookupBatch, "One result per URL, in order (a bad URL gets an error, not a failed batch)"),
)
@tracer.capture_method
def lookup_batch(request: LookupRequest) -> Response[Any]:
    candidates, problems = [], {}
    for index, url in enumerate(request.urls):
        try:
            candidates.append(candidate(url))
        except InvalidUrlError as exc:
            problems[index] = str(exc)
    answers = iter(_lookup(candidates))
    results = [
        LookupResult(url=url, canonical_url=None, listed=False, error=problems[index])
        if index in problems
        else LookupResult.model_validate(next(answers).public(APPEAL_URL))
        for index, url in enumerate(request.urls)
    ]
    metrics.add_metric(name="LookupUrls", unit="Count", value=len(request.urls))
    return _json(200, LookupBatch(results=results).model_dump(mode="json"), "no-store")


@app.get(
    "/v1/hashes/<prefix>",
    summary="Listed full hashes sharing a 4-byte prefix (private lookups)",
    responses=_answers(HashMatches, "Every listed full hash with this prefix (often none)"),
)
@tracer.capture_method
def hashes(prefix: Annotated[str, Path(pattern=PREFIX_PATTERN, description="8 hex characters")]) -> Response[Any]:
    prefix = prefix.lower()
    entries = TABLE.listed_by_prefix(prefix)
    metrics.add_metric(name="HashPrefixLookups", unit="Count", value=1)
    body = HashMatches(prefix=prefix, matches=[entry.public() for entry in entries])
    return _json(200, body.model_dump(mode="json"), CACHEABLE)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return with_charset(app.resolve(as_json_request(event), context))
