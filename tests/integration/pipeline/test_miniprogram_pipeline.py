"""Mini-programs through the pipeline: metadata by value or by URL, child link scans, bad metadata."""

from __future__ import annotations

import json

from devstack.pages import SAMPLES, SamplePages
from devstack.stack import LocalStack
from tests.integration.pipeline.conftest import Api
from tests.support import load_event

SAMPLE_METADATA = SAMPLES / "miniprogram-loan.json"


def _body(event_file: str) -> dict:
    body: dict = json.loads(load_event(event_file)["body"])
    return body


def test_metadata_url_is_fetched_safely_and_judged(api: Api, stack: LocalStack, pages: SamplePages) -> None:
    event = load_event("api_submit_miniprogram_metadata_url.json")
    body = json.loads(event["body"])
    body["metadata_url"] = pages.url("/miniprogram-loan.json")
    body["appid"] = json.loads(SAMPLE_METADATA.read_text(encoding="utf-8"))["appid"]
    event["body"] = json.dumps(body)

    status, answer = api.event(event)
    assert status == 202, answer
    stack.drain()

    status, view = api.call("GET", f"/v1/targets/{answer['submissions'][0]['target_id']}")
    assert status == 200
    assert view["verdict"]["decision"] == "block"
    assert view["verdict"]["categories"][0]["category"] == "cash_loan"


def test_child_links_are_scanned_and_a_blocked_link_raises_the_parent(
    api: Api, stack: LocalStack, pages: SamplePages
) -> None:
    body = _body("api_submit_miniprogram_blocked_link_only.json")
    metadata = json.dumps(body["metadata"], ensure_ascii=False)
    for page in body["metadata"]["pages"]:
        for link in page.get("links", []):
            metadata = metadata.replace(link["url"], pages.url("/loan.html"))
    for target in body["metadata"].get("navigation_targets", []):
        if target.get("url"):
            metadata = metadata.replace(target["url"], pages.url("/loan.html"))
    body["metadata"] = json.loads(metadata)

    status, answer = api.call("POST", "/v1/submissions", body)
    assert status == 202
    parent_id = answer["submissions"][0]["target_id"]
    stack.drain()

    status, view = api.call("GET", f"/v1/targets/{parent_id}")
    decisions = [verdict["decision"] for verdict in reversed(view["history"])]
    assert decisions[0] == "allow"  # on its own content the mini-program is clean...
    assert view["verdict"]["decision"] in ("review", "block")  # ...until its link's verdict lands
    assert any("blocked" in reason for reason in view["verdict"]["reasons"])
    status, lookup = api.call("GET", "/v1/lookup", query=f"url={pages.url('/loan.html')}")
    assert lookup["listed"] is True


def test_bad_metadata_is_a_400_naming_the_field_and_stores_nothing(api: Api, stack: LocalStack) -> None:
    body = _body("api_submit_miniprogram_clean.json")
    body["metadata"]["pages"] = "not a list"
    status, answer = api.call(
        "POST", "/v1/submissions", {"submissions": [{"type": "url", "url": "https://ok.example/"}, body]}
    )

    assert status == 400
    assert answer["field"].startswith("submissions[1].") and "pages" in answer["field"]
    assert stack.client("dynamodb").scan(TableName=stack.physical["LinkscanTable"]["Ref"])["Count"] == 0
    assert stack.client("s3").list_objects_v2(Bucket=stack.physical["EvidenceBucket"]["Ref"])["KeyCount"] == 0


def test_unknown_appid_format_is_a_400(api: Api) -> None:
    body = _body("api_submit_miniprogram_clean.json")
    body["appid"] = "wxNOTHEX0000000000"
    status, answer = api.call("POST", "/v1/submissions", body)
    assert status == 400 and "appid" in answer["field"]
