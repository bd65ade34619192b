"""Rescans of listed links on the local stack, with an injected clock: a clean or vanished page stays
listed until it goes dormant (N clean checks over D days), is relisted at once when it offends again, and
a moderator's decision always outranks what a rescan finds."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from devstack.stack import LocalStack, scheduled_event
from linkscan.clock import stamp
from linkscan.items import Liveness
from linkscan.messages import ScanMessage
from linkscan.rescan.liveness import RescanPolicy
from linkscan.scanner import new_scan_id
from linkscan.storage.platform import MessageQueue, PlatformRecords
from linkscan.storage.records import Records
from tests.integration.pipeline.conftest import Api
from tests.integration.pipeline.platform_support import LoopbackSite, capture_all_events, read_queue

POLICY = RescanPolicy.load()


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0)

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    with LoopbackSite() as running:
        yield running


@pytest.fixture
def clock(stack: LocalStack, monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The events and rescan functions read this clock; rescans are queued without jitter."""
    clock = Clock()
    monkeypatch.setattr(stack.modules["EventsFunction"], "_now", lambda: clock.now)
    monkeypatch.setattr(stack.modules["RescanFunction"], "utc_now", lambda: stamp(clock.now))
    rescan = stack.modules["RescanFunction"]
    monkeypatch.setattr(rescan, "PLATFORM", dataclasses.replace(rescan.PLATFORM, rescan_jitter_seconds=0))
    return clock


def _rescan_round(stack: LocalStack) -> dict[str, Any]:
    """One scheduled run of the rescan function, then the queues and streams it sets off."""
    result: dict[str, Any] = stack.invoke("RescanFunction", scheduled_event("rate(5 minutes)"))
    stack.drain()
    return result


def _listed(api: Api, url: str) -> bool:
    return bool(api.call("GET", "/v1/lookup", query=f"url={url}")[1]["listed"])


def _status_changes(stack: LocalStack, queue_url: str) -> list[str]:
    """The statuses of the "Listing Status Changed" events since the last call."""
    events = read_queue(stack, queue_url)
    return [e["detail"]["status"] for e in events if e["detail-type"] == "Listing Status Changed"]


def _published_status(stack: LocalStack, url: str) -> str:
    """The status the published blocklist.json gives the URL's entry."""
    s3 = stack.client("s3")
    body = s3.get_object(Bucket=stack.physical["BlocklistBucket"]["Ref"], Key="latest/blocklist.json")["Body"].read()
    host = url.split("//", 1)[1].split(":", 1)[0]
    (entry,) = [e for e in json.loads(body)["entries"] if e["host"] == host]
    return str(entry["status"])


def _submit(api: Api, stack: LocalStack, url: str) -> str:
    status, body = api.call("POST", "/v1/submissions", {"type": "url", "url": url})
    assert status == 202
    stack.drain()
    return str(body["submissions"][0]["target_id"])


def test_a_sleeper_page_goes_dormant_only_after_n_clean_checks_over_d_days_and_is_relisted_at_once(
    api: Api, stack: LocalStack, site: LoopbackSite, clock: Clock
) -> None:
    table = stack.physical["LinkscanTable"]["Ref"]
    rescans, main = PlatformRecords(table), Records(table)
    everything = capture_all_events(stack)
    url = site.serve("/sleeper", "loan.html")
    target = _submit(api, stack, url)
    entry = rescans.rescan(target)
    assert entry is not None and entry.status == "online"
    assert entry.next_check_at == stamp(clock.now + timedelta(hours=POLICY.first_check_after_hours))
    assert _rescan_round(stack)["rescans_queued"] == 0  # not due yet

    # The page turns clean: checked, still listed (sleeper pages come back)
    site.serve("/sleeper", "clean.html")
    clock.advance(hours=2)
    assert _rescan_round(stack)["rescans_queued"] == 1
    entry = rescans.rescan(target)
    assert entry is not None and (entry.last_result, entry.status, entry.clean_streak) == ("clean", "online", 1)
    assert _listed(api, url) and main.current(target).effective_decision == "block"  # type: ignore[union-attr]
    # then it vanishes: offline, still listed
    del site.pages["/sleeper"]
    clock.advance(days=3)
    _rescan_round(stack)
    current = main.current(target)
    assert current is not None and current.liveness is not None
    assert current.liveness.status == "offline" and _listed(api, url)
    # N clean-or-gone checks spanning D days: dormant (still in the JSON list, with its status)
    clock.advance(days=POLICY.dormant_min_days)
    _rescan_round(stack)
    current = main.current(target)
    assert current is not None and current.liveness == Liveness(status="dormant", last_checked=stamp(clock.now))
    assert current.effective_decision == "block"
    assert _status_changes(stack, everything) == ["offline", "dormant"]  # online → offline → dormant
    match = api.call("GET", "/v1/lookup", query=f"url={url}")[1]["match"]
    assert (match["status"], match["last_checked"]) == ("dormant", stamp(clock.now))
    assert _published_status(stack, url) == "dormant"

    # It offends again: online at once
    site.serve("/sleeper", "loan.html")
    clock.advance(days=8)
    assert _rescan_round(stack)["rescans_queued"] == 1
    current = main.current(target)
    assert current is not None and current.liveness is not None and current.liveness.status == "online"
    assert rescans.rescan(target).clean_streak == 0  # type: ignore[union-attr]
    assert _listed(api, url) and _published_status(stack, url) == "online"
    assert _status_changes(stack, everything) == ["online"]


def _queue_rescan(stack: LocalStack, target: str, url: str) -> None:
    message = ScanMessage(scan_id=new_scan_id(), target_id=target, target_type="url", target=url, purpose="rescan")
    assert MessageQueue(stack.physical["RescanQueue"]["Ref"]).send([message.model_dump(exclude_none=True)]) == 0
    stack.drain()


def test_a_rescan_never_overrides_a_moderators_allow(api: Api, stack: LocalStack, site: LoopbackSite) -> None:
    url = site.serve("/licensed", "loan.html")
    target = _submit(api, stack, url)
    overturn = {"action": "overturn", "reason": "a licensed lender, verified"}
    assert api.call("PUT", f"/v1/targets/{target}/decision", overturn)[0] == 200
    stack.drain()
    # a rescan queued before the moderation still finds the loan offer
    _queue_rescan(stack, target, url)
    view = api.call("GET", f"/v1/targets/{target}")[1]
    assert view["verdict"]["decision"] == "block" and len(view["history"]) == 2
    assert view["effective_decision"] == "allow" and not _listed(api, url)
    assert PlatformRecords(stack.physical["LinkscanTable"]["Ref"]).rescan(target) is None  # delisted: no rescans


def test_a_moderators_upheld_block_outlasts_clean_rescans(
    api: Api, stack: LocalStack, site: LoopbackSite, clock: Clock
) -> None:
    url = site.serve("/upheld", "loan.html")
    target = _submit(api, stack, url)
    uphold = {"action": "uphold", "reason": "the same operator as a known scam"}
    assert api.call("PUT", f"/v1/targets/{target}/decision", uphold)[0] == 200
    stack.drain()
    site.serve("/upheld", "clean.html")
    for days in (1, 5, 9, 14):
        clock.advance(days=days)
        _rescan_round(stack)
    current = Records(stack.physical["LinkscanTable"]["Ref"]).current(target)
    assert current is not None and current.liveness is not None
    assert current.effective_decision == "block" and current.liveness.status == "online"
    assert _listed(api, url)
