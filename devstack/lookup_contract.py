"""The lookup function's routes as a powertools resolver declares them: for the OpenAPI document only.

functions/lookup/app.py serves these routes with hand-written checks (linkscan/blocklist/lookup_requests.py)
so that the public function starts without pydantic or the resolver. The document is generated from this
declaration; tests/integration/pipeline/test_api_fuzz.py fuzzes the real function against it, and
tests/unit/blocklist/test_lookup_requests.py holds the checks to the models.

No `from __future__ import annotations` here: the resolver reads the route signatures at run time.
"""

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, CORSConfig
from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from linkscan.blocklist.api_models import HashMatches, LookupBatch, LookupRequest, LookupResult
from linkscan.blocklist.lookup_requests import MAX_URL_LENGTH, PREFIX_PATTERN

app = APIGatewayRestResolver(enable_validation=True, cors=CORSConfig(allow_origin="*", max_age=3600))


def _answers(model: type, description: str) -> dict[int, Any]:
    return {200: {"description": description, "content": {"application/json": {"model": model}}}}


@app.get(
    "/v1/lookup",
    summary="Is this URL listed? (Safe Browsing matching)",
    responses=_answers(LookupResult, "Whether the URL is listed, and the match"),
)
def lookup_one(url: Annotated[str, Query(min_length=1, max_length=MAX_URL_LENGTH)]) -> None:
    raise NotImplementedError("declared for the OpenAPI document; functions/lookup/app.py serves it")


@app.post(
    "/v1/lookup",
    summary="Check up to 500 URLs at once",
    responses=_answers(LookupBatch, "One result per URL, in order (a bad URL gets an error, not a failed batch)"),
)
def lookup_batch(request: LookupRequest) -> None:
    raise NotImplementedError("declared for the OpenAPI document; functions/lookup/app.py serves it")


@app.get(
    "/v1/hashes/<prefix>",
    summary="Listed full hashes sharing a 4-byte prefix (private lookups)",
    responses=_answers(HashMatches, "Every listed full hash with this prefix (often none)"),
)
def hashes(prefix: Annotated[str, Path(pattern=PREFIX_PATTERN, description="8 hex characters")]) -> None:
    raise NotImplementedError("declared for the OpenAPI document; functions/lookup/app.py serves it")
