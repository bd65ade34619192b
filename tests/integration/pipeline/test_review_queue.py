"""The moderators' review queue: `review` verdicts enter it oldest first with evidence and history, a
lease keeps two moderators off one item, and a decision is a moderation that leaves a labelled example."""

from __future__ import annotations

import json
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devstack.api import api_event
from devstack.devdata import training_records
from devstack.labels import export
from devstack.stack import LocalStack
from linkscan.errors import ConflictError
from linkscan.storage.platform import PlatformRecords
from tests.integration.pipeline.conftest import Api
from tests.integration.pipeline.platform_support import LoopbackSite

# Scores in the review band with the shipped rules (between ReviewThreshold and BlockThreshold).
REVIEW_PAGE = b"<html><body><p>quick cash loan no credit check</p></body></html>"
ALICE = "arn:aws:iam::123456789012:user/alice"
BOB = "arn:aws:iam::123456789012:user/bob"


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    with LoopbackSite() as running:
        yield running


def _as(api: Api, who: str, method: str, path: str, body: bytes = b"", query: str = "") -> tuple[int, Any]:
    route = next(r for r in api.routes if r.method == method and r.pattern.match(path))
    match = route.pattern.match(path)
    assert match is not None
    target = f"{path}?{query}" if query else path
    event = api_event(route, method, target, {"Content-Type": "application/json"}, body, match.groupdict(), "api.test")
    event["requestContext"]["identity"]["userArn"] = who
    return api.invoke(route, event)


def _review_target(api: Api, stack: LocalStack, site: LoopbackSite, path: str) -> str:
    site.pages[path] = REVIEW_PAGE
    status, body = api.call("POST", "/v1/submissions", {"type": "url", "url": site.base + path})
    assert status == 202
    stack.drain()
    return str(body["submissions"][0]["target_id"])


def test_review_verdicts_enter_the_queue_oldest_first_with_evidence_and_history(
    api: Api, stack: LocalStack, site: LoopbackSite
) -> None:
    first = _review_target(api, stack, site, "/first")
    second = _review_target(api, stack, site, "/second")
    status, page = api.call("GET", "/v1/reviews", query="status=pending")
    assert status == 200
    assert [item["target_id"] for item in page["items"]] == [first, second]
    item = page["items"][0]
    assert item["source"] == "verdict" and item["category"] == "cash_loan" and item["age_seconds"] >= 0
    assert item["verdict"]["decision"] == "review"
    assert item["verdict"]["categories"][0]["evidence"]  # the rule, the term, the snippet
    assert [h["decision"] for h in item["history"]] == ["review"]
    assert api.call("GET", "/v1/reviews", query="status=pending&category=counterfeit")[1]["items"] == []
    assert len(api.call("GET", "/v1/reviews", query="status=pending&category=cash_loan")[1]["items"]) == 2


def test_two_moderators_taking_one_item_at_once_get_one_lease(api: Api, stack: LocalStack, site: LoopbackSite) -> None:
    target = _review_target(api, stack, site, "/contested")
    records = PlatformRecords(stack.physical["LinkscanTable"]["Ref"])
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def take(who: str) -> None:
        start.wait()
        try:
            records.take_lease(target, who, "2026-12-07T10:00:00Z", "2026-12-07T10:15:00Z")
            outcomes[who] = "leased"
        except ConflictError:
            outcomes[who] = "conflict"

    threads = [threading.Thread(target=take, args=(who,)) for who in (ALICE, BOB)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["conflict", "leased"]


def test_a_leased_item_is_decided_only_by_its_holder_through_the_moderation_path(
    api: Api, stack: LocalStack, site: LoopbackSite
) -> None:
    target = _review_target(api, stack, site, "/decide-me")
    assert _as(api, ALICE, "POST", f"/v1/reviews/{target}/lease")[0] == 200
    status, body = _as(api, BOB, "POST", f"/v1/reviews/{target}/lease")
    assert status == 409 and body["error"] == "conflict"
    decision = b'{"decision": "block", "reason": "an unlicensed lender"}'
    assert _as(api, BOB, "POST", f"/v1/reviews/{target}/decision", decision)[0] == 409
    status, item = _as(api, ALICE, "POST", f"/v1/reviews/{target}/decision", decision)
    assert status == 200 and item["state"] == "done" and item["decided_by"] == ALICE
    stack.drain()
    # the same path as PUT /v1/targets/{id}/decision: a moderation on the target, and the link is listed
    view = api.call("GET", f"/v1/targets/{target}")[1]
    assert view["effective_decision"] == "block" and view["moderation"]["by"] == ALICE
    assert api.call("GET", "/v1/lookup", query=f"url={site.base}/decide-me")[1]["listed"] is True
    done = api.call("GET", "/v1/reviews", query="status=done")[1]["items"]
    assert [d["target_id"] for d in done] == [target] and done[0]["decision"] == "block"
    # and the decision is kept as a labelled example
    (label,) = PlatformRecords(stack.physical["LinkscanTable"]["Ref"]).labels()
    assert (label.target_id, label.decision, label.by) == (target, "block", ALICE)
    assert label.text_ref["evidence_key"].startswith("evidence/") and label.at


def test_deciding_without_a_lease_is_refused(api: Api, stack: LocalStack, site: LoopbackSite) -> None:
    target = _review_target(api, stack, site, "/no-lease")
    status, body = _as(
        api, ALICE, "POST", f"/v1/reviews/{target}/decision", b'{"decision": "allow", "reason": "a bank"}'
    )
    assert status == 409 and "lease" in body["message"]


def test_a_put_decision_settles_the_pending_item(api: Api, stack: LocalStack, site: LoopbackSite) -> None:
    target = _review_target(api, stack, site, "/settled")
    overturn = {"action": "overturn", "reason": "a bank's own page"}
    assert api.call("PUT", f"/v1/targets/{target}/decision", overturn)[0] == 200
    stack.drain()
    assert api.call("GET", "/v1/reviews", query="status=pending")[1]["items"] == []
    (done,) = api.call("GET", "/v1/reviews", query="status=done")[1]["items"]
    assert done["decision"] == "allow"


def test_labelled_examples_export_in_the_training_format(api: Api, stack: LocalStack, site: LoopbackSite) -> None:
    target = _review_target(api, stack, site, "/labelled")
    assert _as(api, ALICE, "POST", f"/v1/reviews/{target}/lease")[0] == 200
    decision = b'{"decision": "block", "reason": "an unlicensed lender"}'
    assert _as(api, ALICE, "POST", f"/v1/reviews/{target}/decision", decision)[0] == 200
    (record,) = export(stack.physical["LinkscanTable"]["Ref"], stack.physical["EvidenceBucket"]["Ref"])
    assert record["offer"] == 1 and "quick cash loan" in record["text"]
    assert record["provenance"]["decided_by"] == ALICE and record["source"] == "moderation"
    # make train reads it like any file of tests/data/train
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "moderated.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
        assert training_records(Path(folder)) == [record]
