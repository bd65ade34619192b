"""Lookups through the API on the local stack while a link is listed and delisted.

The lookup function answers from the published hash prefixes where it can: a URL with no listed prefix
never reaches the table, a listed one does, and a delisted one is read and found no longer listed.
"""

from __future__ import annotations

import pytest

from devstack.pages import SamplePages
from devstack.stack import LocalStack
from tests.integration.blocklist.test_lookup_filter import WatchedDynamoDB
from tests.integration.pipeline.conftest import Api
from tests.support import load_event


def _listed(api: Api, url: str) -> bool:
    status, answer = api.call("GET", "/v1/lookup", query=f"url={url}")
    assert status == 200, answer
    return bool(answer["listed"])


def test_list_look_up_delist_look_up_again(
    api: Api, stack: LocalStack, pages: SamplePages, monkeypatch: pytest.MonkeyPatch
) -> None:
    lookup = stack.modules["LookupFunction"]
    watched = WatchedDynamoDB(lookup.TABLE.dynamodb)
    monkeypatch.setattr(lookup.TABLE, "dynamodb", watched)
    status, answer = api.call(
        "POST", "/v1/submissions", {"submissions": [{"type": "url", "url": pages.url("/loan.html")}]}
    )
    assert status == 202, answer
    target_id = answer["submissions"][0]["target_id"]
    stack.drain()

    assert _listed(api, pages.url("/loan.html")) is True
    reads_for_listed = len(watched.reads)
    assert _listed(api, "https://never-submitted.example/apply") is False
    assert len(watched.reads) == reads_for_listed >= 1  # the unlisted URL never reached the table

    event = load_event("api_put_decision.json")  # a moderator overturns the block
    event["path"] = f"/v1/targets/{target_id}/decision"
    event["pathParameters"] = {"id": target_id}
    status, view = api.event(event)
    assert status == 200 and view["effective_decision"] == "allow", view
    stack.drain()

    assert _listed(api, pages.url("/loan.html")) is False
