"""Each function's policies in template.yaml grant every AWS call its real handler makes.

Every pipeline test checks this after it runs (conftest.every_call_is_granted); this test walks every
path at once (links, a mini-program with child links, publication, the hourly rebuild, lookups,
appeals, moderation) and reports the grants none of them needed.
"""

from __future__ import annotations

import json

from devstack.pages import SamplePages
from devstack.stack import LocalStack
from tests.integration.pipeline.conftest import Api
from tests.integration.pipeline.iam import CallRecorder, grants, missing_grants, unused_grants
from tests.integration.pipeline.test_pipeline import _submit
from tests.support import load_event


def _miniprogram_linking_to(url: str) -> dict:
    body: dict = json.loads(load_event("api_submit_miniprogram_blocked_link_only.json")["body"])
    for page in body["metadata"]["pages"]:
        for link in page.get("links", []):
            link["url"] = url
    for target in body["metadata"].get("navigation_targets", []):
        if target.get("url"):
            target["url"] = url
    return body


def test_every_function_is_granted_each_call_of_the_whole_pipeline(
    api: Api, stack: LocalStack, pages: SamplePages
) -> None:
    recorder: CallRecorder = stack.iam_calls  # type: ignore[attr-defined]
    # Given every route and event source exercised once
    receipt = _submit(api, pages.url("/loan.html"), pages.url("/clean.html"))[0]
    assert api.call("POST", "/v1/submissions", _miniprogram_linking_to(pages.url("/replica.html")))[0] == 202
    stack.drain()
    stack.run_schedules()  # the hourly full rebuild
    assert api.call("GET", f"/v1/submissions/{receipt['submission_id']}")[0] == 200
    assert api.call("GET", "/v1/lookup", query=f"url={pages.url('/loan.html')}")[0] == 200
    assert api.call("POST", "/v1/lookup", {"urls": [pages.url("/loan.html"), pages.url("/clean.html")]})[0] == 200
    appeal = {"url": pages.url("/loan.html"), "contact": "owner@example.com", "reason": "We are a licensed lender."}
    assert api.call("POST", "/v1/appeals", appeal)[0] == 202
    assert api.call("GET", "/v1/appeals", query="status=open")[0] == 200
    principal = _miniprogram_linking_to("")["metadata"].get("principal", {}).get("name", "x")
    assert api.call("GET", f"/v1/principals/{principal}/miniprograms")[0] == 200
    assert api.call("GET", "/v1/openapi.json")[0] == 200
    decision = {"action": "overturn", "reason": "licensed lender, verified"}
    assert api.call("PUT", f"/v1/targets/{receipt['target_id']}/decision", decision)[0] == 200
    # the platform routes: a report, a webhook and its deliveries, the review queue
    assert api.call("POST", "/v1/reports", {"url": pages.url("/replica.html")})[0] == 202
    status, hook = api.call("POST", "/v1/webhooks", {"url": pages.url("/hook")})
    assert status == 201
    stack.drain()
    stack.run_schedules()  # rescans and the review queue's metrics
    assert api.call("GET", f"/v1/webhooks/{hook['subscription_id']}/deliveries")[0] == 200
    assert api.call("GET", "/v1/reviews", query="status=pending")[0] == 200

    # Then no call would have been denied on AWS
    allowed = grants(stack)
    assert {c.function for c in recorder.calls} == {
        "ApiFunction",
        "ScanFunction",
        "PublishFunction",
        "LookupFunction",
        "PlatformFunction",
        "EventsFunction",
        "WebhookFunction",
        "RescanFunction",
    }
    assert missing_grants(recorder.calls, allowed) == []
    # (least privilege) and here is what no call needed, for review: pytest -s shows it
    for grant in unused_grants(recorder.calls, allowed):
        print(f"unused grant: {grant.function} {grant.action} {grant.resource}")
