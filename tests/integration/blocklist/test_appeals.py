"""The moderators' appeal queue: appeals listed newest first, paged, and resolved by a decision.

moto in-process, with the main table as the template declares it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from linkscan.api_models import AppealRequest, DecisionRequest
from linkscan.appeal_filing import file_appeal
from linkscan.errors import InvalidInputError
from linkscan.models import Verdict
from linkscan.storage.records import CurrentUpdate, Records
from linkscan.targets import target_id
from linkscan.usecases.moderation import moderate
from linkscan.usecases.views import appeal_queue
from tests.integration.blocklist.conftest import TEMPLATE_TABLE
from tests.support import LambdaContext, load_event, load_handler

MODERATOR = "arn:aws:iam::123456789012:role/moderator"
LOAN = "https://quick-cash-loan.example/apply"
SHOP = "https://replica-watches.example/"


def _blocked(records: Records, url: str) -> str:
    tid, canonical = target_id(url)
    verdict = Verdict(
        target_id=tid, target=canonical, decision="block", scan_id="s-" + tid, scanned_at="2026-11-21T08:00:00Z"
    )
    records.record_verdict(verdict, lambda _current: CurrentUpdate(verdict, "block", "Offers illegal loans"))
    return tid


def _appeal(records: Records, url: str, reason: str = "We are a licensed lender.") -> str:
    request = AppealRequest(url=url, contact="owner@example.com", reason=reason)
    return file_appeal(request, source_ip="198.51.100.7", base_url="https://api.example", records=records).appeal_id


def _all_pages(records: Records, status: Any, limit: int) -> list[list[str]]:
    pages, token = [], None
    while True:
        page = appeal_queue(status, limit, token, records=records)
        pages.append([item.appeal_id for item in page.appeals])
        token = page.next_token
        if token is None:
            return pages


def test_open_appeals_are_listed_newest_first_with_the_targets_current_decision(records: Records) -> None:
    loan, shop = _blocked(records, LOAN), _blocked(records, SHOP)
    first = _appeal(records, LOAN)
    second = _appeal(records, SHOP, "These are genuine second-hand watches.")

    page = appeal_queue("open", 50, None, records=records)

    assert [(a.appeal_id, a.target_id) for a in page.appeals] == [(second, shop), (first, loan)]
    newest = page.appeals[0]
    assert newest.url == SHOP and newest.contact == "owner@example.com"
    assert newest.reason == "These are genuine second-hand watches." and newest.state == "open"
    assert newest.decision == newest.effective_decision == "block"
    assert newest.created_at and newest.resolution is None and page.next_token is None


def test_pages_follow_each_other_without_gaps_or_repeats(records: Records) -> None:
    _blocked(records, LOAN)
    ids = [_appeal(records, LOAN, f"Appeal number {n} of five.") for n in range(5)]

    pages = _all_pages(records, "open", 2)

    assert [appeal_id for page in pages for appeal_id in page] == ids[::-1]
    assert [len(page) for page in pages[:3]] == [2, 2, 1]


@pytest.mark.parametrize("token", ["not base64!", "bm90IGpzb24", "W10", "eyJQSyI6ICJ4In0"])
def test_a_token_the_api_did_not_return_is_refused(records: Records, token: str) -> None:
    with pytest.raises(InvalidInputError) as raised:
        appeal_queue("open", 10, token, records=records)
    assert raised.value.field == "next_token"


def test_a_resolved_queue_token_does_not_page_the_open_queue(records: Records) -> None:
    tid = _blocked(records, LOAN)
    for n in range(3):
        _appeal(records, LOAN, f"Appeal number {n} of three.")
    moderate(
        tid,
        DecisionRequest(action="uphold", reason="Still lending without a licence"),
        caller=MODERATOR,
        records=records,
    )
    token = appeal_queue("resolved", 1, None, records=records).next_token

    with pytest.raises(InvalidInputError):
        appeal_queue("open", 1, token, records=records)


def test_a_decision_resolves_the_targets_open_appeals_with_the_decision_and_who(records: Records) -> None:
    loan, _shop = _blocked(records, LOAN), _blocked(records, SHOP)
    loan_appeal = _appeal(records, LOAN)
    shop_appeal = _appeal(records, SHOP, "These are genuine second-hand watches.")

    moderate(loan, DecisionRequest(action="overturn", reason="Licence verified"), caller=MODERATOR, records=records)

    assert [a.appeal_id for a in appeal_queue("open", 50, None, records=records).appeals] == [shop_appeal]
    (resolved,) = appeal_queue("resolved", 50, None, records=records).appeals
    assert resolved.appeal_id == loan_appeal and resolved.state == "resolved"
    assert resolved.resolution is not None
    assert (resolved.resolution.action, resolved.resolution.by) == ("overturn", MODERATOR)
    assert resolved.resolution.effective_decision == "allow" == resolved.effective_decision
    assert records.appeals(loan)[0].state == "resolved"


def test_a_flood_of_appeals_beyond_one_transaction_is_resolved_too(records: Records) -> None:
    tid = _blocked(records, LOAN)
    for n in range(101):
        _appeal(records, LOAN, f"Appeal number {n} of a flood.")

    moderate(tid, DecisionRequest(action="uphold", reason="Still lending"), caller=MODERATOR, records=records)

    assert appeal_queue("open", 100, None, records=records).appeals == []
    assert sum(len(page) for page in _all_pages(records, "resolved", 100)) == 101


def test_an_appeal_after_the_decision_waits_for_the_next_one(records: Records) -> None:
    tid = _blocked(records, LOAN)
    moderate(
        tid,
        DecisionRequest(action="uphold", reason="Still lending without a licence"),
        caller=MODERATOR,
        records=records,
    )

    later = _appeal(records, LOAN, "We got our licence yesterday.")

    assert [a.appeal_id for a in appeal_queue("open", 50, None, records=records).appeals] == [later]


# ------------------------------------------------------------------------------------------- the route


@pytest.fixture
def api(records: Records, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("TABLE_NAME", TEMPLATE_TABLE)
    # The API function refuses to start without its resources (the appeal routes use only the table).
    monkeypatch.setenv("BLOCKLIST_TABLE_NAME", f"{TEMPLATE_TABLE}-blocklist")
    monkeypatch.setenv("SCAN_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/unused")
    monkeypatch.setenv("EVIDENCE_BUCKET", "unused")
    monkeypatch.setenv("POWERTOOLS_METRICS_DISABLED", "true")
    return load_handler("api")


def _get(api: Any, query: dict[str, str]) -> tuple[int, dict[str, Any]]:
    event = load_event("api_get_appeals.json")
    event["queryStringParameters"] = query
    event["multiValueQueryStringParameters"] = {name: [value] for name, value in query.items()}
    response = api.handler(event, LambdaContext())
    return response["statusCode"], json.loads(response["body"])


def test_the_route_pages_the_queue_as_json(records: Records, api: Any) -> None:
    _blocked(records, LOAN)
    ids = [_appeal(records, LOAN, f"Appeal number {n} of three.") for n in range(3)]
    event = load_event("api_get_appeals.json")  # status=open, limit=2

    response = api.handler(event, LambdaContext())
    first = json.loads(response["body"])
    status, second = _get(api, {"status": "open", "limit": "2", "next_token": first["next_token"]})

    assert response["statusCode"] == 200 and status == 200
    assert [a["appeal_id"] for a in first["appeals"] + second["appeals"]] == ids[::-1]
    assert first["appeals"][0]["effective_decision"] == "block" and second["next_token"] is None


@pytest.mark.parametrize(
    ("query", "field"),
    # The API names query parameters as its validation reports them ("query.limit"); the token is checked later.
    [
        ({"next_token": "garbage"}, "next_token"),
        ({"limit": "0"}, "query.limit"),
        ({"status": "pending"}, "query.status"),
    ],
)
def test_the_route_answers_bad_parameters_with_a_400_json_error(
    records: Records, api: Any, query: dict[str, str], field: str
) -> None:
    status, body = _get(api, query)
    assert status == 400 and body["error"] == "invalid_request" and body["field"] == field
