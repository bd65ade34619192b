"""Through the local stack: a blocked site's owner appeals, a moderator finds it in the queue and decides."""

from __future__ import annotations

from devstack.api import LOCAL_CALLER
from devstack.pages import SamplePages
from devstack.stack import LocalStack
from tests.integration.pipeline.conftest import Api


def test_an_appeal_reaches_the_moderator_queue_and_the_decision_resolves_it(
    api: Api, stack: LocalStack, pages: SamplePages
) -> None:
    url = pages.url("/contraband.html")
    status, answer = api.call("POST", "/v1/submissions", {"submissions": [{"type": "url", "url": url}]})
    assert status == 202, answer
    stack.drain()
    appeal = {"url": url, "contact": "owner@example.com", "reason": "We hold a tobacco licence."}
    _, receipt = api.call("POST", "/v1/appeals", appeal)

    status, queue = api.call("GET", "/v1/appeals", query="status=open")
    assert status == 200, queue
    (waiting,) = queue["appeals"]
    assert waiting["appeal_id"] == receipt["appeal_id"] and waiting["reason"] == "We hold a tobacco licence."
    assert waiting["effective_decision"] == "block"

    decision = {"action": "overturn", "reason": "Licence checked with the regulator"}
    status, _ = api.call("PUT", f"/v1/targets/{receipt['target_id']}/decision", decision)
    assert status == 200

    _, still_open = api.call("GET", "/v1/appeals")
    _, resolved = api.call("GET", "/v1/appeals", query="status=resolved&limit=10")
    assert still_open["appeals"] == []
    (answered,) = resolved["appeals"]
    assert answered["resolution"]["action"] == "overturn" and answered["resolution"]["by"] == LOCAL_CALLER
    assert answered["effective_decision"] == "allow"
