"""Public reports: a scan is queued (nothing is listed by a report), duplicates and floods are absorbed,
registered reporters weigh more, and a burst against one domain goes to the moderators."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from devstack.api import api_event
from devstack.stack import LocalStack
from linkscan.reports.filing import key_hash
from linkscan.reports.model import Reporter
from linkscan.reports.policy import ReportPolicy
from linkscan.storage.platform import PlatformRecords
from linkscan.storage.records import Records
from tests.integration.pipeline.conftest import Api
from tests.integration.pipeline.platform_support import LoopbackSite
from tests.support import load_event

POLICY = ReportPolicy.load()


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    with LoopbackSite() as running:
        yield running


def _report(api: Api, url: str, ip: str = "198.51.100.7", key: str | None = None) -> tuple[int, Any]:
    route = next(r for r in api.routes if r.path == "/v1/reports")
    headers = {"Content-Type": "application/json", **({"X-Api-Key": key} if key else {})}
    body = json.dumps({"url": url, "reason": "seen in an SMS"}).encode()
    event = api_event(route, "POST", "/v1/reports", headers, body, {}, "api.test")
    event["requestContext"]["identity"]["sourceIp"] = ip
    return api.invoke(route, event)


def _lookup(api: Api, url: str) -> bool:
    status, body = api.call("GET", "/v1/lookup", query=f"url={url}")
    assert status == 200
    return bool(body["listed"])


def test_a_report_queues_a_scan_and_the_scan_decides(api: Api, stack: LocalStack, site: LoopbackSite) -> None:
    clean, loan = site.serve("/clean", "clean.html"), site.serve("/loan", "loan.html")
    for url in (clean, loan):
        status, receipt = _report(api, url)
        assert status == 202 and receipt["status"] == "queued" and receipt["priority"] == "low"
    stack.drain()
    assert not _lookup(api, clean)  # reported, scanned, clean: a report alone lists nothing
    assert _lookup(api, loan)


def test_the_same_reporter_reporting_again_is_one_report(api: Api, stack: LocalStack, site: LoopbackSite) -> None:
    url = site.serve("/loan", "loan.html")
    first = _report(api, url)[1]
    status, again = _report(api, url)
    assert status == 202 and again["status"] == "duplicate" and again["report_id"] == first["report_id"]
    # another reporter's report joins the scan already queued instead of queueing another
    other = _report(api, url, ip="203.0.113.99")[1]
    assert other["status"] == "already_known"
    assert stack.pump_queues() == 1
    records = PlatformRecords(stack.physical["LinkscanTable"]["Ref"])
    stored = records.reports(first["target_id"])
    assert len(stored) == 2 and {report.report_id for report in stored} == {first["report_id"], other["report_id"]}


def test_the_sam_event_files_report_and_read_the_queue(api: Api, stack: LocalStack) -> None:
    status, receipt = api.event(load_event("api_post_report.json"))
    assert status == 202 and receipt["status"] == "queued" and receipt["weight"] == POLICY.anonymous_weight
    status, page = api.event(load_event("api_get_reviews.json"))
    assert status == 200 and page == {"status": "pending", "items": []}


def test_a_url_no_scan_could_fetch_is_refused_with_a_400(api: Api) -> None:
    status, body = _report(api, "http://%E8%9D%BEx%1C%C3%BC/")
    assert status == 400 and body["field"] == "url" and body["error"] == "invalid_request"


def test_a_client_over_its_limit_gets_429_with_the_error_body(api: Api, site: LoopbackSite) -> None:
    limit = POLICY.client_limit(registered=False)
    for n in range(limit):
        assert _report(api, f"{site.base}/page-{n}")[0] == 202
    status, body = _report(api, f"{site.base}/one-too-many")
    assert status == 429
    assert body["error"] == "rate_limited" and body["field"] is None and body["details"] == []


def test_a_burst_against_one_domain_goes_to_review_not_to_the_scanner(
    api: Api, stack: LocalStack, site: LoopbackSite
) -> None:
    # Given many clients reporting many pages of one site within the window
    receipts = []
    for n in range(POLICY.burst_per_domain + 5):
        url = site.serve(f"/page-{n}", "loan.html")
        receipts.append(_report(api, url, ip=f"198.51.100.{n + 1}")[1])
    statuses = [receipt["status"] for receipt in receipts]
    # Then the reports past the threshold are queued for review, not scanned
    assert statuses[: POLICY.burst_per_domain] == ["queued"] * POLICY.burst_per_domain
    assert statuses[POLICY.burst_per_domain :] == ["review"] * 5
    status, page = api.call("GET", "/v1/reviews", query="status=pending")
    assert status == 200
    burst = [item for item in page["items"] if item["source"] == "report_burst"]
    assert len(burst) == 5
    # and no scan is pending for them
    main = Records(stack.physical["LinkscanTable"]["Ref"])
    assert all(main.current(receipt["target_id"]) is None for receipt in receipts[POLICY.burst_per_domain :])
    first = main.current(receipts[0]["target_id"])
    assert first is not None and first.pending_scan_id


def test_a_registered_reporter_weighs_more_and_is_scanned_at_normal_priority(
    api: Api, stack: LocalStack, site: LoopbackSite
) -> None:
    records = PlatformRecords(stack.physical["LinkscanTable"]["Ref"])
    records.add_reporter(key_hash("rk_partner_123"), Reporter(name="partner-cert", weight=0.9))
    status, receipt = _report(api, site.serve("/loan", "loan.html"), key="rk_partner_123")
    assert status == 202 and receipt["weight"] == 0.9 and receipt["priority"] == "normal"
    sqs = stack.client("sqs")
    visible = sqs.get_queue_attributes(
        QueueUrl=stack.physical["ScanQueue"]["Ref"], AttributeNames=["ApproximateNumberOfMessages"]
    )["Attributes"]["ApproximateNumberOfMessages"]
    assert int(visible) == 1
    status, body = _report(api, site.serve("/other", "loan.html"), key="rk_not_registered")
    assert status == 400 and body["field"] == "X-Api-Key"
