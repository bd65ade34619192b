"""Through the local stack: a blocked site's owner appeals, a moderator finds it in the queue and decides."""

from __future__ import annotations

import json
from urllib.parse import quote

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


def _listed(api: Api, stack: LocalStack, url: str) -> None:
    status, answer = api.call("POST", "/v1/submissions", {"submissions": [{"type": "url", "url": url}]})
    assert status == 202, answer
    stack.drain()


def test_any_url_the_listing_covers_can_be_appealed_as_the_public_page_offers_it(
    api: Api, stack: LocalStack, pages: SamplePages
) -> None:
    # Given a page submitted as http://127.0.0.1:<port>/loan.html, listed as "127.0.0.1/loan.html"
    url = pages.url("/loan.html")
    _listed(api, stack, url)
    _, lookup = api.call("GET", "/v1/lookup", query=f"url={quote(url)}")
    expression = lookup["match"]["expression"]

    # When its owner appeals the URL the page's Appeal button fills in: https:// + the expression
    appeal = {"url": f"https://{expression}", "contact": "owner@example.com", "reason": "We are a licensed lender."}
    status, receipt = api.call("POST", "/v1/appeals", appeal)

    # Then the appeal is filed against the listed target, and its decision resolves it
    assert status == 202, receipt
    _, submitted = api.call("POST", "/v1/submissions", {"type": "url", "url": url})
    assert receipt["target_id"] == submitted["submissions"][0]["target_id"]


def _status_of(api: Api, receipt: dict[str, str], token: str | None) -> tuple[int, dict[str, object]]:
    query = f"token={quote(token)}" if token is not None else ""
    return api.call("GET", f"/v1/appeals/{receipt['appeal_id']}", query=query)  # type: ignore[no-any-return]


def test_an_unlisted_url_cannot_be_appealed(api: Api, stack: LocalStack, pages: SamplePages) -> None:
    clean = pages.url("/clean.html")
    _listed(api, stack, clean)  # scanned and allowed: not on the list
    for url in (clean, "https://never-scanned.example/"):
        status, answer = api.call("POST", "/v1/appeals", {"url": url, "contact": "a@example.org", "reason": "x" * 20})
        assert status == 404 and answer["error"] == "not_listed" and answer["field"] == "url", answer
    _, queue = api.call("GET", "/v1/appeals")
    assert queue["appeals"] == []  # nothing reached the moderators


def test_the_appellant_follows_the_appeal_with_its_token_and_sees_no_private_data(
    api: Api, stack: LocalStack, pages: SamplePages
) -> None:
    url = pages.url("/loan.html")
    _listed(api, stack, url)
    appeal = {"url": url, "contact": "owner@example.com", "reason": "We are a licensed lender."}
    status, receipt = api.call("POST", "/v1/appeals", appeal)
    assert status == 202 and receipt["state"] == "open" and receipt["status_token"], receipt
    assert receipt["status_url"].endswith(f"/v1/appeals/{receipt['appeal_id']}?token={quote(receipt['status_token'])}")

    status, state = _status_of(api, receipt, receipt["status_token"])
    assert status == 200 and state["state"] == "open" and state.get("outcome") is None, state
    text = json.dumps(state)
    assert "owner@example.com" not in text and "source_ip" not in text and "contact" not in text

    # a wrong token, no token and an unknown id are the same 404: an id alone reveals nothing
    unknown = {"appeal_id": "no-such-appeal"}
    answers = [_status_of(api, receipt, "wrong"), _status_of(api, receipt, None), _status_of(api, unknown, "wrong")]
    assert [status for status, _ in answers] == [404, 404, 404], answers
    assert answers[0] == answers[1] == answers[2]

    decision = {"action": "overturn", "reason": "Licence checked with the regulator"}
    assert api.call("PUT", f"/v1/targets/{receipt['target_id']}/decision", decision)[0] == 200
    status, state = _status_of(api, receipt, receipt["status_token"])
    assert status == 200 and state["state"] == "resolved" and state["outcome"] == "delisted" and state["resolved_at"]
    assert "Licence checked" not in json.dumps(state)  # the moderator's reason is internal

    # delisted now: a second appeal has nothing to appeal
    status, answer = api.call("POST", "/v1/appeals", appeal)
    assert status == 404 and answer["error"] == "not_listed"


def test_an_upheld_appeal_reads_kept(api: Api, stack: LocalStack, pages: SamplePages) -> None:
    url = pages.url("/contraband.html")
    _listed(api, stack, url)
    _, receipt = api.call("POST", "/v1/appeals", {"url": url, "contact": "o@example.com", "reason": "Not ours at all."})
    decision = {"action": "uphold", "reason": "still selling"}
    assert api.call("PUT", f"/v1/targets/{receipt['target_id']}/decision", decision)[0] == 200
    status, state = _status_of(api, receipt, receipt["status_token"])
    assert status == 200 and state["outcome"] == "kept"
