"""Submit → queue → scan → verdict → publish → lookup, through the same handlers that run on Lambda."""

from __future__ import annotations

import gzip
import json
from typing import Any
from urllib.parse import quote

import pytest

from devstack.pages import SamplePages
from devstack.stack import LocalStack
from linkscan.models import Verdict
from tests.integration.pipeline.conftest import Api
from tests.support import jump_hub_submission, load_event


def _submit(api: Api, *urls: str, force: bool = False) -> list[dict[str, Any]]:
    body = {"submissions": [{"type": "url", "url": url, "force": force} for url in urls]}
    status, answer = api.call("POST", "/v1/submissions", body)
    assert status == 202, answer
    receipts: list[dict[str, Any]] = answer["submissions"]
    return receipts


def _status(api: Api, submission_id: str) -> dict[str, Any]:
    status, answer = api.call("GET", f"/v1/submissions/{submission_id}")
    assert status == 200, answer
    result: dict[str, Any] = answer
    return result


def _queued_messages(stack: LocalStack) -> list[dict[str, Any]]:
    sqs = stack.client("sqs")
    messages: list[dict[str, Any]] = sqs.receive_message(
        QueueUrl=stack.physical["ScanQueue"]["Ref"], MaxNumberOfMessages=10, AttributeNames=["All"]
    ).get("Messages", [])
    return messages


def _sqs_event(stack: LocalStack, messages: list[dict[str, Any]], receive_count: int | None = None) -> dict[str, Any]:
    records = [stack._sqs_record(m, stack.physical["ScanQueue"]["Arn"]) for m in messages]
    if receive_count is not None:
        for record in records:
            record["attributes"]["ApproximateReceiveCount"] = str(receive_count)
    return {"Records": records}


def test_blocked_link_flows_to_the_published_list_and_lookup(api: Api, stack: LocalStack, pages: SamplePages) -> None:
    receipt = _submit(api, pages.url("/loan.html"))[0]
    assert receipt["status"] == "queued"
    assert receipt["status_url"] == f"https://api.test/v1/submissions/{receipt['submission_id']}"

    stack.drain()

    verdict = _status(api, receipt["submission_id"])["verdict"]
    assert verdict["decision"] == "block"
    assert verdict["categories"][0]["category"] == "cash_loan"
    assert {"decision", "score", "categories", "outcome", "rules_version"} <= verdict.keys()
    s3 = stack.client("s3")
    bucket = stack.physical["BlocklistBucket"]["Ref"]
    manifest = json.loads(s3.get_object(Bucket=bucket, Key="manifest.json")["Body"].read())
    listed = s3.get_object(Bucket=bucket, Key=manifest["files"]["expressions.txt"]["path"])["Body"].read().decode()
    assert "127.0.0.1/loan.html" in listed
    status, lookup = api.call("GET", "/v1/lookup", query=f"url={pages.url('/loan.html')}")
    assert status == 200 and lookup["listed"] is True
    evidence_key = verdict["fetch"]["evidence_key"]
    assert evidence_key.startswith("evidence/")
    evidence = s3.get_object(Bucket=stack.physical["EvidenceBucket"]["Ref"], Key=evidence_key)["Body"].read()
    assert "秒批".encode() in gzip.decompress(evidence)


def test_clean_page_is_allowed_and_not_listed(api: Api, stack: LocalStack, pages: SamplePages) -> None:
    receipt = _submit(api, pages.url("/clean.html"))[0]
    stack.drain()
    assert _status(api, receipt["submission_id"])["verdict"]["decision"] == "allow"
    status, lookup = api.call("GET", "/v1/lookup", query=f"url={pages.url('/clean.html')}")
    assert status == 200 and lookup["listed"] is False


def test_duplicate_sqs_delivery_yields_one_verdict(api: Api, stack: LocalStack, pages: SamplePages) -> None:
    receipt = _submit(api, pages.url("/replica.html"))[0]
    messages = _queued_messages(stack)
    assert len(messages) == 1

    first = stack.invoke("ScanFunction", _sqs_event(stack, messages))
    second = stack.invoke("ScanFunction", _sqs_event(stack, messages, receive_count=2))

    assert first["batchItemFailures"] == [] and second["batchItemFailures"] == []
    status, target = api.call("GET", f"/v1/targets/{receipt['target_id']}")
    assert status == 200
    assert len(target["history"]) == 1
    assert target["history"][0]["decision"] == "block"


def test_malformed_batch_gets_400_naming_the_field_and_stores_nothing(api: Api, stack: LocalStack) -> None:
    status, answer = api.event(load_event("api_submit_invalid.json"))

    assert status == 400
    assert answer["error"] == "invalid_request"
    assert answer["field"].startswith("submissions[1]")
    assert stack.client("dynamodb").scan(TableName=stack.physical["LinkscanTable"]["Ref"])["Count"] == 0
    assert _queued_messages(stack) == []


def test_invalid_url_is_a_400_that_says_why(api: Api) -> None:
    status, answer = api.call("POST", "/v1/submissions", {"type": "url", "url": "javascript:alert(1)"})
    assert status == 400
    assert answer["field"] == "url"
    assert "http" in answer["message"]


def test_unreachable_url_is_retried_then_recorded_as_a_failure(api: Api, stack: LocalStack, closed_port: int) -> None:
    receipt = _submit(api, f"http://127.0.0.1:{closed_port}/gone")[0]
    messages = _queued_messages(stack)

    first = stack.invoke("ScanFunction", _sqs_event(stack, messages, receive_count=1))
    assert [f["itemIdentifier"] for f in first["batchItemFailures"]] == [messages[0]["MessageId"]]
    retrying = _status(api, receipt["submission_id"])
    assert retrying["state"] == "retrying" and "connection" in retrying["last_error"].lower()

    last = stack.invoke("ScanFunction", _sqs_event(stack, messages, receive_count=3))
    assert last["batchItemFailures"] == []
    final = _status(api, receipt["submission_id"])
    assert final["state"] == "not_scanned"
    assert final["verdict"]["outcome"] == "connection_error"


def test_metadata_address_is_refused_and_recorded_at_once(api: Api, stack: LocalStack) -> None:
    receipt = _submit(api, "http://169.254.169.254/latest/meta-data/")[0]
    stack.drain()
    status = _status(api, receipt["submission_id"])
    assert status["state"] == "not_scanned"
    assert status["verdict"]["outcome"] == "blocked_destination"
    assert status["attempts"] == 1


def test_recent_verdict_is_reused_unless_forced(api: Api, stack: LocalStack, pages: SamplePages) -> None:
    first = _submit(api, pages.url("/contraband.html"))[0]
    stack.drain()

    again = _submit(api, pages.url("/contraband.html"))[0]
    assert again["deduplicated"] is True and again["status"] == "done"
    assert again["verdict_url"].endswith(f"/v1/targets/{first['target_id']}")
    assert _queued_messages(stack) == []

    forced = _submit(api, pages.url("/contraband.html"), force=True)[0]
    assert forced["deduplicated"] is False
    assert len(_queued_messages(stack)) == 1


def test_same_target_twice_in_one_batch_is_scanned_once(api: Api, stack: LocalStack, pages: SamplePages) -> None:
    receipts = _submit(api, pages.url("/clean.html"), pages.url("/clean.html#again"))
    assert receipts[0]["target_id"] == receipts[1]["target_id"]
    assert len(_queued_messages(stack)) == 1


def test_older_scan_never_overwrites_a_newer_verdict(api: Api, stack: LocalStack, pages: SamplePages) -> None:
    from linkscan.usecases.verdicts import record_verdict

    receipt = _submit(api, pages.url("/loan.html"))[0]
    stack.drain()
    backend = stack.modules["ScanFunction"].BACKEND
    current = backend.records.current(receipt["target_id"])
    assert current is not None
    stale = Verdict(
        target_id=receipt["target_id"],
        target=current.target,
        decision="allow",
        scan_id="stale-scan",
        scanned_at="2001-01-01T00:00:00.000000Z",
    )

    record_verdict(stale, backend)

    after = backend.records.current(receipt["target_id"])
    assert after is not None and after.decision == "block" and after.scan_id == current.scan_id
    assert len(backend.records.history(receipt["target_id"])) == 2  # kept in history, not made current


def test_moderator_overturn_delists_and_a_later_scan_does_not_undo_it(
    api: Api, stack: LocalStack, pages: SamplePages
) -> None:
    receipt = _submit(api, pages.url("/replica.html"))[0]
    stack.drain()
    target_id = receipt["target_id"]

    event = load_event("api_put_decision.json")
    event["path"] = f"/v1/targets/{target_id}/decision"
    event["pathParameters"] = {"id": target_id}
    status, view = api.event(event)
    assert status == 200, view
    assert view["effective_decision"] == "allow"
    assert view["moderation"]["by"] == "arn:aws:iam::123456789012:role/ts-pipeline"
    stack.drain()
    assert api.call("GET", "/v1/lookup", query=f"url={pages.url('/replica.html')}")[1]["listed"] is False

    _submit(api, pages.url("/replica.html"), force=True)
    stack.drain()
    status, view = api.call("GET", f"/v1/targets/{target_id}")
    assert view["decision"] == "block"  # the scanner still thinks so...
    assert view["effective_decision"] == "allow"  # ...but the moderator's call stands
    assert len(view["history"]) == 2


def test_moderating_an_unknown_target_is_404(api: Api) -> None:
    status, answer = api.event(load_event("api_put_decision.json"))
    assert status == 404 and answer["error"] == "not_found"


def test_unknown_submission_is_404(api: Api) -> None:
    status, answer = api.event(load_event("api_get_submission.json"))
    assert status == 404 and answer["error"] == "not_found"


def test_unknown_target_is_404(api: Api) -> None:
    status, _ = api.event(load_event("api_get_target.json"))
    assert status == 404


def test_submission_events_are_accepted(api: Api, stack: LocalStack) -> None:
    for name in ("api_submit_url.json", "api_submit_batch.json"):
        status, answer = api.event(load_event(name))
        assert status == 202, answer
        assert all(r["status_url"].startswith("https://api.test/v1/submissions/") for r in answer["submissions"])
    assert len(_queued_messages(stack)) >= 1


def test_openapi_document_describes_the_api(api: Api) -> None:
    status, document = api.event(load_event("api_get_openapi.json"))
    assert status == 200
    assert document["openapi"].startswith("3.")
    assert {"/v1/submissions", "/v1/submissions/{submission_id}", "/v1/targets/{target_id}/decision"} <= set(
        document["paths"]
    )
    schemas = document["components"]["schemas"]
    assert "UrlSubmission" in schemas and "MiniProgramSubmission" in schemas
    metadata = schemas["MiniProgramSubmission"]["properties"]["metadata"]
    assert {"$ref": "#/components/schemas/MiniProgramMetadata"} in metadata["anyOf"]
    assert "pages" in schemas["MiniProgramMetadata"]["properties"]
    assert "#/$defs/" not in json.dumps(document)


def test_principal_listing_shows_a_developers_miniprograms(api: Api, stack: LocalStack, pages: SamplePages) -> None:
    body = json.loads(load_event("api_submit_miniprogram_cashloan_wrong_category.json")["body"])
    status, answer = api.call("POST", "/v1/submissions", body)
    assert status == 202, answer
    stack.drain()
    principal = body["metadata"]["principal"]["name"]
    event = load_event("api_get_principal_apps.json")
    event["pathParameters"] = {"name": principal}
    event["path"] = f"/v1/principals/{quote(principal)}/miniprograms"
    status, listing = api.event(event)
    assert status == 200
    assert [app["appid"] for app in listing["miniprograms"]] == [body["appid"]]
    assert listing["miniprograms"][0]["decision"] == "block"


def test_sqs_event_file_scan_of_an_unresolvable_host_is_retried_not_lost(stack: LocalStack) -> None:
    event = load_event("sqs_scan_batch.json")

    result = stack.invoke("ScanFunction", event)

    # Both deliveries of the same scan fail transiently (no DNS here) and go back to the queue.
    assert sorted(f["itemIdentifier"] for f in result["batchItemFailures"]) == sorted(
        r["messageId"] for r in event["Records"]
    )
    backend = stack.modules["ScanFunction"].BACKEND
    scan = backend.records.scan(json.loads(event["Records"][0]["body"])["scan_id"])
    assert scan is not None and scan.state == "retrying" and scan.last_outcome == "dns_error"


def test_lookup_answer_names_the_appeal_route_and_an_appeal_reaches_moderators(
    api: Api, stack: LocalStack, pages: SamplePages
) -> None:
    receipt = _submit(api, pages.url("/contraband.html"))[0]
    stack.drain()
    _, lookup = api.call("GET", "/v1/lookup", query=f"url={pages.url('/contraband.html')}")
    assert lookup["appeal"]["url"].endswith("/v1/appeals") and lookup["appeal"]["method"] == "POST"

    body = {
        "url": pages.url("/contraband.html"),
        "contact": "owner@example.com",
        "reason": "We hold a tobacco licence.",
    }
    status, answer = api.call("POST", "/v1/appeals", body)
    assert status == 202 and answer["target_id"] == receipt["target_id"]

    _, view = api.call("GET", f"/v1/targets/{receipt['target_id']}")
    assert [a["reason"] for a in view["appeals"]] == ["We hold a tobacco licence."]
    status, bad = api.call("POST", "/v1/appeals", {"url": "https://x.example/", "contact": "a@b.c", "reason": "short"})
    assert status == 400 and bad["field"] == "reason"


def test_a_moderation_landing_mid_scan_is_not_undone_by_the_scan(
    api: Api, stack: LocalStack, pages: SamplePages, monkeypatch: pytest.MonkeyPatch
) -> None:
    receipt = _submit(api, pages.url("/loan.html"))[0]
    stack.drain()
    records = stack.modules["ScanFunction"].BACKEND.records
    real_current = type(records).current
    moderated = []

    def current_then_moderator_acts(self: Any, target_id: str) -> Any:
        item = real_current(self, target_id)
        if target_id == receipt["target_id"] and not moderated:
            moderated.append(True)  # the moderator overturns right after the scan has read CURRENT
            api.call("PUT", f"/v1/targets/{target_id}/decision", {"action": "overturn", "reason": "licensed lender"})
        return item

    monkeypatch.setattr(type(records), "current", current_then_moderator_acts)
    _submit(api, pages.url("/loan.html"), force=True)
    stack.drain()

    after = real_current(records, receipt["target_id"])
    assert moderated and after is not None and after.decision == "block"
    assert after.effective_decision == "allow"


def test_a_full_batch_of_new_targets_is_recorded_together(api: Api, stack: LocalStack) -> None:
    receipts = _submit(api, *[f"https://shop{i}.example/item" for i in range(100)])

    assert len({r["target_id"] for r in receipts}) == 100
    table = stack.physical["LinkscanTable"]["Ref"]
    items = stack.client("dynamodb").scan(
        TableName=table, FilterExpression="SK = :s", ExpressionAttributeValues={":s": {"S": "SUB"}}
    )["Items"]
    assert len(items) == 100
    assert _status(api, receipts[99]["submission_id"])["state"] == "queued"


def test_a_jump_to_a_mini_program_judged_before_is_scanned_from_its_stored_metadata(
    api: Api, stack: LocalStack, pages: SamplePages
) -> None:
    # Given a loan mini-program linkscan has already judged
    loan = json.loads(load_event("api_submit_miniprogram_cashloan_wrong_category.json")["body"])
    assert api.call("POST", "/v1/submissions", loan)[0] == 202
    stack.drain()
    # When another mini-program that jumps to it is submitted
    status, answer = api.call("POST", "/v1/submissions", jump_hub_submission(loan["appid"]))
    assert status == 202, answer
    stack.drain()
    # Then the jump's target is judged from its stored metadata, and blocks the app that opens it
    verdict = _status(api, answer["submissions"][0]["submission_id"])["verdict"]
    assert verdict["decision"] == "block"
    assert verdict["extra"]["jumps_scanned"] == [
        {"appid": loan["appid"], "field": "navigation[0]", "decision": "block"}
    ]
    assert verdict["categories"][0]["category"] == "cash_loan"
