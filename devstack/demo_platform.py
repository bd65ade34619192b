"""The demo's platform part: a verdict event from the bus, a review item a moderator decides, a rescan."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from devstack.pages import SamplePages
from devstack.stack import LocalStack, scheduled_event

# Text in the review band (between the review and block thresholds) with the shipped rules.
REVIEW_PAGE = "/review/quick-cash.html"
REVIEW_BODY = b"<html><body><p>quick cash loan no credit check</p></body></html>"


def _events(stack: LocalStack) -> list[dict[str, Any]]:
    sqs = stack.client("sqs")
    url = stack.physical["ListedLinksExampleQueue"]["Ref"]
    messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
    return [json.loads(message["Body"]) for message in messages]


def demo_platform(stack: LocalStack, api: str, pages: SamplePages) -> list[str]:
    """Print what the platform features did during the demo; return what went wrong."""
    import requests

    from linkscan.clock import utc_now
    from linkscan.storage.platform import PlatformRecords
    from linkscan.targets import target_id

    failures: list[str] = []
    events = _events(stack)
    print("\nverdict events (the template's example rule: Target Listed → ListedLinksExampleQueue):")
    for event in events[:3]:
        detail = event["detail"]
        print(f"  {event['detail-type']}: {detail['target']['target']} {detail['decision']} {detail['categories'][:1]}")
    if not events:
        failures.append("no Target Listed event reached the example queue")

    pages.extra[REVIEW_PAGE] = ("text/html; charset=utf-8", REVIEW_BODY)
    requests.post(f"{api}/v1/submissions", json={"type": "url", "url": pages.url(REVIEW_PAGE)}, timeout=30)
    stack.drain()
    queue = requests.get(f"{api}/v1/reviews", params={"status": "pending"}, timeout=10).json()["items"]
    print(f"\nreview queue (GET /v1/reviews): {len(queue)} pending")
    if not queue:
        return [*failures, "the review verdict did not enter the review queue"]
    item = queue[0]
    print(
        f"  {item['target']} score {item['verdict']['score']:.2f}, {item['category']}, waiting {item['age_seconds']} s"
    )
    lease = requests.post(f"{api}/v1/reviews/{item['target_id']}/lease", timeout=10)
    decision = {"decision": "block", "reason": "an unlicensed lender: no credit check, instant cash"}
    decided = requests.post(f"{api}/v1/reviews/{item['target_id']}/decision", json=decision, timeout=10)
    stack.drain()
    print(f"  lease → {lease.status_code}; decision block → {decided.status_code} ({decided.json().get('state')})")
    listed = requests.get(f"{api}/v1/lookup", params={"url": pages.url(REVIEW_PAGE)}, timeout=10).json()["listed"]
    print(f"  listed after the moderator's decision: {listed}")
    if decided.status_code != 200 or not listed:
        failures.append("the moderator's review decision did not list the page")

    records = PlatformRecords(stack.physical["LinkscanTable"]["Ref"])
    loan, _ = target_id(pages.url("/loan.html"))
    entry = records.rescan(loan)
    if entry is None:
        return [*failures, "the listed cash-loan page has no rescan entry"]
    print(f"\nrescans: the cash-loan page's first check is due {entry.next_check_at}; the demo makes it due now")
    records.put_rescan(dataclasses.replace(entry, next_check_at=utc_now()))
    result = stack.invoke("RescanFunction", scheduled_event("rate(5 minutes)"))
    stack.drain()
    checked = records.rescan(loan)
    print(f"  RescanFunction queued {result['rescans_queued']} check(s) on the low-priority queue")
    if checked is None or checked.checks != 1:
        return [*failures, "the rescan did not record a check"]
    print(
        f"  checked {checked.last_checked}: {checked.last_result}, status {checked.status}, "
        f"next check {checked.next_check_at}"
    )
    return failures
