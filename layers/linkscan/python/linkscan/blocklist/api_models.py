"""Request and response models of the public lookup API (/v1/lookup, /v1/hashes/{prefix})."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from linkscan.blocklist.lookup_requests import MAX_LOOKUP_URLS


class LookupRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    urls: list[str] = Field(
        min_length=1, max_length=MAX_LOOKUP_URLS, description=f"1 to {MAX_LOOKUP_URLS} URLs to check"
    )


class Match(BaseModel):
    expression: str = Field(description="The listed expression the URL matched (most specific first)")
    scope: str = Field(description="host, path or exact")
    category: str
    subcategory: str
    severity: str
    public_reason: str
    first_listed: str = Field(description="Listed since (ISO-8601 UTC)")
    last_confirmed: str
    status: str = Field(default="online", description="online, offline or dormant (from rescans)")
    last_checked: str = Field(default="", description="When a rescan last checked it (ISO-8601 UTC), or empty")


class Appeal(BaseModel):
    url: str
    method: str = "POST"


class LookupResult(BaseModel):
    url: str = Field(description="The URL as asked")
    canonical_url: str | None = Field(description="Its Safe Browsing canonical form (null if it is not a URL)")
    listed: bool
    match: Match | None = None
    appeal: Appeal | None = None
    error: str | None = Field(default=None, description="Why this URL could not be checked (batch lookups)")


class LookupBatch(BaseModel):
    results: list[LookupResult]


class HashMatches(BaseModel):
    prefix: str
    matches: list[dict[str, Any]] = Field(description="Every listed entry whose SHA-256 starts with the prefix")
