"""Freshness: how long after a verdict becomes `block` the link is in GET /v1/lookup and in the lists.

Runs the local stack at the template's default settings (the lookup function's LOOKUP_FILTER_TTL_SECONDS,
the publisher's stream batching window) in real time. The local stack delivers stream records as soon as
they exist, so the bench waits the publisher's MaximumBatchingWindowInSeconds itself before delivering
them: Lambda may hold a record that long. Two cases for lookups:

* typical: the lookup function loaded its hash prefixes when the verdict was written;
* worst: it loaded them just before the new version was published, so the version waits a whole TTL.

The lists are visible as soon as the publication finishes (manifest.json is written last).
"""

from __future__ import annotations

import json
import time
from typing import Any

from devstack.api import api_event
from devstack.pages import SamplePages
from devstack.stack import LocalStack
from devstack.template import routes

TARGET_SECONDS = 60


def _lookup(stack: LocalStack, url: str) -> bool:
    route = next(r for r in routes(stack.template) if r.method == "GET" and r.path == "/v1/lookup")
    event = api_event(route, "GET", f"/v1/lookup?url={url}", {}, b"", {}, "bench.local")
    response = stack.invoke("LookupFunction", event)
    return bool(json.loads(response["body"])["listed"])


def _submit(stack: LocalStack, url: str) -> None:
    route = next(r for r in routes(stack.template) if r.method == "POST" and r.path == "/v1/submissions")
    body = json.dumps({"type": "url", "url": url}).encode()
    stack.invoke("ApiFunction", api_event(route, "POST", "/v1/submissions", {}, body, {}, "bench.local"))


def _in_manifest(stack: LocalStack, url: str) -> bool:
    s3 = stack.client("s3")
    bucket = stack.physical["BlocklistBucket"]["Ref"]
    try:
        body = s3.get_object(Bucket=bucket, Key="latest/blocklist.json")["Body"].read()
    except s3.exceptions.NoSuchKey:
        return False
    host = url.split("//", 1)[1].split("/", 1)[0].split(":", 1)[0]
    return any(entry["host"] == host for entry in json.loads(body)["entries"])


def _measure(
    stack: LocalStack, pages: SamplePages, path: str, *, worst: bool, window: float, ttl: float
) -> dict[str, float]:
    url = pages.url(path)
    if worst:
        time.sleep(ttl)  # let the filter loaded by the last lookup expire: the next lookup reloads it
    else:
        _lookup(stack, url)  # the prefix filter was loaded when the verdict was written
    _submit(stack, url)
    while stack.pump_queues():  # the scan: the verdict becomes block when it is recorded
        pass
    became_block = time.monotonic()
    time.sleep(window)  # Lambda's stream batching window, at its longest
    if worst:
        _lookup(stack, url)  # the filter reloads just before the new version exists: it waits a whole TTL
    stack.pump_streams()
    listed = time.monotonic()
    assert _in_manifest(stack, url), "the new version does not list the page"
    while not _lookup(stack, url):
        time.sleep(0.25)
    visible = time.monotonic()
    return {
        "lists_s": round(listed - became_block, 2),
        "lookup_s": round(visible - became_block, 2),
        "publication_s": round(listed - became_block - window, 2),
    }


def run() -> dict[str, Any]:
    with SamplePages() as pages, LocalStack(extra_env={"LINKSCAN_LOCAL_ALLOW_LOOPBACK": "true"}, quiet=True) as stack:
        publish = stack.specs["PublishFunction"].events["VerdictChanges"]["Properties"]
        window = float(publish.get("MaximumBatchingWindowInSeconds", 0))
        ttl = float(stack.specs["LookupFunction"].environment["LOOKUP_FILTER_TTL_SECONDS"])
        _submit(stack, pages.url("/replica.html"))  # a first version, so the lookup has a filter to hold
        stack.drain()
        typical = _measure(stack, pages, "/loan.html", worst=False, window=window, ttl=ttl)
        worst = _measure(stack, pages, "/contraband.html", worst=True, window=window, ttl=ttl)
    return {
        "settings": {"publish_batching_window_s": window, "lookup_filter_ttl_s": ttl},
        "typical": typical,
        "worst": worst,
        "target_s": TARGET_SECONDS,
        "within_target": max(worst["lookup_s"], worst["lists_s"]) <= TARGET_SECONDS,
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
