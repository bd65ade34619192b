"""Verdict events on the local stack: each kind reaches the bus, the template's example rule delivers
listings to its queue, and signed webhooks are delivered, retried, recorded and listed."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest

from devstack.stack import LocalStack
from linkscan.events.signing import EVENT_ID_HEADER, SIGNATURE_HEADER, ReplayGuard, SignatureError, verify
from tests.integration.pipeline.conftest import Api
from tests.integration.pipeline.platform_support import LoopbackSite, capture_all_events, read_queue
from tests.support import load_event


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    with LoopbackSite() as running:
        yield running


def _submit(api: Api, url: str, force: bool = False) -> str:
    status, body = api.call("POST", "/v1/submissions", {"type": "url", "url": url, "force": force})
    assert status == 202, body
    return str(body["submissions"][0]["target_id"])


def test_every_kind_of_verdict_change_is_an_event_on_the_bus(api: Api, stack: LocalStack, site: LoopbackSite) -> None:
    # Given a listener on the bus and a page that sells loans
    everything = capture_all_events(stack)
    url = site.serve("/offer", "loan.html")
    # When it is scanned, then changes to a clean page and is scanned again, then a moderator upholds the
    # first verdict, and at last overturns it
    target = _submit(api, url)
    stack.drain()
    site.serve("/offer", "clean.html")
    _submit(api, url, force=True)
    stack.drain()
    assert api.call("PUT", f"/v1/targets/{target}/decision", {"action": "uphold", "reason": "seen it live"})[0] == 200
    stack.drain()
    assert api.call("PUT", f"/v1/targets/{target}/decision", {"action": "overturn", "reason": "licensed"})[0] == 200
    stack.drain()
    # Then each change is on the bus, in order, with the documented detail
    events = read_queue(stack, everything)
    kinds = [event["detail"]["kind"] for event in events]
    assert kinds == [
        "verdict.new",
        "target.listed",
        "verdict.new",
        "decision.changed",
        "target.delisted",
        "verdict.moderated",
        "target.listed",
        "verdict.moderated",
        "target.delisted",
    ]
    listed = events[1]
    assert listed["source"] == "linkscan" and listed["detail-type"] == "Target Listed"
    detail = listed["detail"]
    assert detail["target"] == {"target_id": target, "type": "url", "target": url}
    assert detail["decision"] == "block" and detail["categories"][0]["category"] == "cash_loan"
    assert detail["actions"] and detail["rules_version"] and detail["schema_version"] == "1"
    assert detail["links"]["status"].endswith(f"/v1/targets/{target}")
    assert events[5]["detail"]["moderation"]["action"] == "uphold"


def test_the_templates_example_rule_delivers_listings_to_its_queue(
    api: Api, stack: LocalStack, site: LoopbackSite
) -> None:
    _submit(api, site.serve("/listed", "loan.html"))
    _submit(api, site.serve("/clean", "clean.html"))
    stack.drain()
    example = read_queue(stack, stack.physical["ListedLinksExampleQueue"]["Ref"])
    assert [event["detail-type"] for event in example] == ["Target Listed"]
    assert example[0]["detail"]["target"]["target"].endswith("/listed")


def _register(api: Api, url: str, kinds: list[str] | None = None) -> dict[str, Any]:
    status, body = api.call("POST", "/v1/webhooks", {"url": url, "kinds": kinds or []})
    assert status == 201, body
    return dict(body)


def test_webhook_deliveries_are_signed_and_replay_safe(api: Api, stack: LocalStack, site: LoopbackSite) -> None:
    # Given a subscriber of listings
    hook = _register(api, site.base + "/hooks/linkscan", ["target.listed"])
    # When a link becomes listed
    _submit(api, site.serve("/loan", "loan.html"))
    stack.drain()
    # Then it receives one POST, which verifies with its secret
    (delivery,) = site.received
    assert delivery.path == "/hooks/linkscan"
    event = json.loads(delivery.body)
    assert event["detail"]["kind"] == "target.listed"
    guard = ReplayGuard()
    signature = delivery.headers[SIGNATURE_HEADER]
    event_id = delivery.headers[EVENT_ID_HEADER]
    assert event_id == event["detail"]["event_id"]
    verify(hook["secret"], signature, delivery.body, event_id, now=int(time.time()), guard=guard)
    # and a replay of the captured request is refused, as is one with another secret or an altered body
    with pytest.raises(SignatureError, match="already delivered"):
        verify(hook["secret"], signature, delivery.body, event_id, now=int(time.time()), guard=guard)
    with pytest.raises(SignatureError, match="does not match"):
        verify("whsec_someone_else", signature, delivery.body, "other", now=int(time.time()), guard=ReplayGuard())
    with pytest.raises(SignatureError, match="does not match"):
        altered = delivery.body.replace(b"block", b"allow")
        verify(hook["secret"], signature, altered, "other", now=int(time.time()), guard=ReplayGuard())
    # and the delivery is recorded for the subscriber to list
    status, listing = api.call("GET", f"/v1/webhooks/{hook['subscription_id']}/deliveries")
    assert status == 200
    (record,) = listing["deliveries"]
    assert record["state"] == "delivered" and record["attempts"] == 1 and record["last_status"] == 200


def _webhook_record(stack: LocalStack, body: dict[str, Any], receive_count: int) -> dict[str, Any]:
    queue_arn = stack.physical["WebhookQueue"]["Arn"]
    return {
        "messageId": f"m{receive_count}",
        "receiptHandle": "handle",
        "body": json.dumps(body),
        "attributes": {"ApproximateReceiveCount": str(receive_count)},
        "messageAttributes": {},
        "md5OfBody": "",
        "eventSource": "aws:sqs",
        "eventSourceARN": queue_arn,
        "awsRegion": "us-east-1",
    }


def test_a_failing_webhook_is_retried_with_backoff_then_recorded_as_failed(
    api: Api, stack: LocalStack, site: LoopbackSite
) -> None:
    # Given a subscriber whose endpoint answers 500
    hook = _register(api, site.base + "/hooks/down")
    site.statuses.extend([500] * 10)
    _submit(api, site.serve("/loan", "loan.html"))
    stack.drain()
    # Then the first attempt failed and is retried later (the queue hides it for the backoff)
    status, listing = api.call("GET", f"/v1/webhooks/{hook['subscription_id']}/deliveries")
    assert status == 200 and listing["deliveries"]
    assert {d["state"] for d in listing["deliveries"]} == {"retrying"}
    assert all(d["attempts"] == 1 and d["last_status"] == 500 for d in listing["deliveries"])
    assert all(d["next_attempt_at"] for d in listing["deliveries"])
    sqs = stack.client("sqs")
    hidden = sqs.get_queue_attributes(
        QueueUrl=stack.physical["WebhookQueue"]["Ref"], AttributeNames=["ApproximateNumberOfMessagesNotVisible"]
    )["Attributes"]["ApproximateNumberOfMessagesNotVisible"]
    assert int(hidden) == len(listing["deliveries"])
    # When SQS delivers one again (its second receive) and the endpoint has recovered, it is delivered
    first = json.loads(site.received[0].body)["detail"]["event_id"]
    message = {
        "subscription_id": hook["subscription_id"],
        "event_id": first,
        "kind": json.loads(site.received[0].body)["detail"]["kind"],
        "created_at": json.loads(site.received[0].body)["detail"]["occurred_at"],
        "event": json.loads(site.received[0].body),
    }
    site.statuses.clear()
    result = stack.invoke("WebhookFunction", {"Records": [_webhook_record(stack, message, 2)]})
    assert result["batchItemFailures"] == []
    # and on its last attempt a still-failing delivery is recorded as failed, not retried
    site.statuses.extend([503])
    result = stack.invoke("WebhookFunction", {"Records": [_webhook_record(stack, {**message, "event_id": "x"}, 6)]})
    assert result["batchItemFailures"] == []
    deliveries = {
        d["event_id"]: d for d in api.call("GET", f"/v1/webhooks/{hook['subscription_id']}/deliveries")[1]["deliveries"]
    }
    assert deliveries[first]["state"] == "delivered" and deliveries[first]["attempts"] == 2
    assert deliveries["x"]["state"] == "failed" and deliveries["x"]["last_status"] == 503


def test_webhook_urls_follow_the_fetchers_destination_rules(api: Api) -> None:
    for url in ("http://169.254.169.254/latest/meta-data/", "https://10.0.0.8/hook", "ftp://hooks.example/"):
        status, body = api.call("POST", "/v1/webhooks", {"url": url})
        assert status == 400 and body["field"] == "url", (url, body)


def test_only_the_subscriber_lists_its_deliveries(api: Api, site: LoopbackSite) -> None:
    hook = _register(api, site.base + "/hooks/mine")
    route = next(r for r in api.routes if r.path == "/v1/webhooks/{subscription_id}/deliveries")
    from devstack.api import api_event

    path = f"/v1/webhooks/{hook['subscription_id']}/deliveries"
    event = api_event(route, "GET", path, {}, b"", {"subscription_id": hook["subscription_id"]}, "api.test")
    event["requestContext"]["identity"]["userArn"] = "arn:aws:iam::123456789012:user/someone-else"
    status, body = api.invoke(route, event)
    assert status == 404 and body["error"] == "not_found"


def test_the_sam_stream_event_puts_its_verdict_changes_on_the_bus(stack: LocalStack) -> None:
    # Given the event file: two new block verdicts, and one target whose decision goes from review to block
    # (same scan id in both images: a decision change, no new verdict)
    everything = capture_all_events(stack)
    result = stack.invoke("EventsFunction", load_event("dynamodb_stream_block.json"))
    assert result == {"batchItemFailures": []}
    kinds = [event["detail"]["kind"] for event in read_queue(stack, everything)]
    assert sorted(kinds) == sorted(["verdict.new", "target.listed"] * 2 + ["decision.changed", "target.listed"])
