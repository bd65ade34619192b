"""What a client meets at the API's edge: any Content-Type, one error shape, UTF-8, deep JSON, bad URLs."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest

from devstack.api import api_event
from devstack.pages import SamplePages
from devstack.stack import LocalStack
from tests.integration.pipeline.conftest import Api

ERROR_KEYS = {"error", "message", "field", "details"}
DEEP = "[" * 1500 + "]" * 1500  # 3 KB


def send(api: Api, method: str, path: str, body: bytes | str, content_type: str | None) -> tuple[int, Any, str]:
    """A request as curl sends it: raw body bytes and whatever Content-Type (or none) it declares."""
    raw = body.encode() if isinstance(body, str) else body
    route = next(r for r in api.routes if r.method == method and r.pattern.match(path))
    match = route.pattern.match(path)
    assert match is not None
    headers = {"Content-Type": content_type} if content_type else {}
    event = api_event(route, method, path, headers, raw, match.groupdict(), "api.test")
    response = api.stack.invoke(route.function, event)
    content = (response.get("multiValueHeaders") or {}).get("Content-Type", [""])[0]
    return response["statusCode"], json.loads(response["body"]), content


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "text/plain", None])
def test_a_json_submission_is_accepted_whatever_content_type_curl_declares(
    api: Api, pages: SamplePages, content_type: str | None
) -> None:
    body = json.dumps({"type": "url", "url": pages.url("/loan.html")})
    status, answer, _ = send(api, "POST", "/v1/submissions", body, content_type)
    assert status == 202, answer
    assert answer["submissions"][0]["status"] == "queued"


@pytest.mark.parametrize(
    ("path", "body", "expected"),
    [
        ("/v1/lookup", {"urls": ["https://example.org/"]}, 200),
        # the url was read from the body: it reached the listing check (an unlisted URL cannot be appealed)
        ("/v1/appeals", {"url": "https://example.org/", "contact": "me@example.org", "reason": "a wrong listing"}, 404),
    ],
)
def test_lookup_and_appeal_bodies_are_read_as_json_under_curls_default_type(
    api: Api, path: str, body: dict[str, Any], expected: int
) -> None:
    status, answer, _ = send(api, "POST", path, json.dumps(body), "application/x-www-form-urlencoded")
    assert status == expected, answer
    assert answer.get("error") in (None, "not_listed"), answer


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "the body is empty"),
        (b'{"type": "url", "url": ', "not valid JSON"),
        (b"type=url&url=https://example.org/", "not valid JSON"),
    ],
)
def test_unreadable_bodies_answer_400_in_the_standard_error_shape(api: Api, body: bytes, message: str) -> None:
    status, answer, _ = send(api, "POST", "/v1/submissions", body, "application/json")
    assert status == 400
    assert set(answer) == ERROR_KEYS and answer["error"] == "invalid_request"
    assert message in answer["message"]


def test_validation_errors_list_every_problem_in_details(api: Api) -> None:
    body = {"submissions": [{"type": "url", "url": ""}, {"type": "url"}, {"type": "url", "url": "x", "colour": 1}]}
    status, answer, _ = send(api, "POST", "/v1/submissions", json.dumps(body), "application/json")
    assert status == 400 and set(answer) == ERROR_KEYS
    fields = {detail["field"] for detail in answer["details"]}
    assert {"submissions[0].url", "submissions[1].url", "submissions[2].colour"} <= fields
    assert answer["field"] in fields


@pytest.mark.parametrize(
    ("method", "path"), [("POST", "/v1/submissions"), ("POST", "/v1/lookup"), ("POST", "/v1/appeals")]
)
def test_deeply_nested_json_is_a_400_not_a_crash(api: Api, method: str, path: str) -> None:
    body = '{"type": "url", "url": "https://example.org/", "x": ' + DEEP + "}"
    assert len(body) < 4000
    status, answer, _ = send(api, method, path, body, "application/json")
    assert status == 400, answer
    assert set(answer) == ERROR_KEYS and "nested more than" in answer["message"]


def test_deeply_nested_mini_program_metadata_is_a_400(api: Api) -> None:
    body = '{"type": "miniprogram", "appid": "wx0123456789abcdef", "metadata": {"name": "x", "pages": ' + DEEP + "}}"
    status, answer, _ = send(api, "POST", "/v1/submissions", body, "application/json")
    assert status == 400 and "nested more than" in answer["message"]


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://exa\x00mple.org/", "U+0000"),
        ("https://example.org/\u202etxt.exe", "U+202E"),
        ("https://😀.example/", "cannot be fetched"),
    ],
)
def test_urls_the_fetcher_always_refuses_are_refused_at_submission(api: Api, url: str, problem: str) -> None:
    body = {"submissions": [{"type": "url", "url": "https://example.org/"}, {"type": "url", "url": url}]}
    status, answer, _ = send(api, "POST", "/v1/submissions", json.dumps(body), "application/json")
    assert status == 400
    assert answer["field"] == "submissions[1].url" and problem in answer["message"]


def test_principal_name_limit_counts_decoded_characters(api: Api) -> None:
    name = "深圳市某某网络科技有限公司" * 10  # 130 characters, 1,170 once percent-encoded
    status, answer, _ = send(api, "GET", f"/v1/principals/{quote(name)}/miniprograms", b"", None)
    assert status == 200, answer
    status, answer, _ = send(api, "GET", f"/v1/principals/{quote(name * 2)}/miniprograms", b"", None)
    assert status == 400 and answer["field"] == "name"


def test_chinese_is_written_as_utf8_with_a_charset(api: Api, stack: LocalStack) -> None:
    name = "深圳市某某网络科技有限公司"
    route = next(r for r in api.routes if r.path == "/v1/principals/{name}/miniprograms")
    path = f"/v1/principals/{quote(name)}/miniprograms"
    event = api_event(route, "GET", path, {}, b"", {"name": quote(name)}, "api.test")
    response = stack.invoke(route.function, event)
    assert name in response["body"] and "\\u" not in response["body"]
    assert response["multiValueHeaders"]["Content-Type"] == ["application/json; charset=utf-8"]


def test_unknown_route_is_a_404_listing_the_routes(api: Api) -> None:
    route = next(r for r in api.routes if r.path == "/v1/submissions" and r.method == "POST")
    event = api_event(route, "GET", "/v1/nowhere", {}, b"", {}, "api.test")
    response = api.stack.invoke(route.function, event)
    answer = json.loads(response["body"])
    assert response["statusCode"] == 404 and set(answer) == ERROR_KEYS
    listed = {detail["route"] for detail in answer["details"]}
    assert {"POST /v1/submissions", "GET /v1/lookup", "GET /v1/hashes/{prefix}"} <= listed


@pytest.mark.parametrize(
    ("path", "outcome"), [("/missing.html", "http_error"), ("http://169.254.169.254/latest/", "blocked_destination")]
)
def test_a_target_never_fetched_is_not_scanned_in_status_verdict_and_demo_table(
    api: Api, stack: LocalStack, pages: SamplePages, path: str, outcome: str
) -> None:
    from devstack.__main__ import _verdict_row

    url = path if path.startswith("http") else pages.url(path)
    status, answer, _ = send(api, "POST", "/v1/submissions", json.dumps({"type": "url", "url": url}), None)
    assert status == 202, answer
    stack.drain()
    status, submission, _ = send(api, "GET", f"/v1/submissions/{answer['submissions'][0]['submission_id']}", b"", None)
    assert submission["state"] == "not_scanned"
    assert submission["verdict"]["judged"] is False and submission["verdict"]["outcome"] == outcome
    assert _verdict_row("broken link", submission)[1] == "NOT SCANNED"


@pytest.mark.parametrize(
    ("path", "receipt_again"),
    [
        ("/missing.html", ("queued", False)),  # the failed fetch judged nothing: a new scan
        ("/clean.html", ("done", True)),  # a judged page is reused within the rescan window
    ],
)
def test_a_resubmission_reuses_a_judged_scan_and_never_a_failed_one(
    api: Api, stack: LocalStack, pages: SamplePages, path: str, receipt_again: tuple[str, bool]
) -> None:
    body = json.dumps({"type": "url", "url": pages.url(path)})
    _, first, _ = send(api, "POST", "/v1/submissions", body, "application/json")
    stack.drain()
    assert first["submissions"][0]["deduplicated"] is False
    _, again, _ = send(api, "POST", "/v1/submissions", body, "application/json")
    receipt = again["submissions"][0]
    assert (receipt["status"], receipt["deduplicated"]) == receipt_again, receipt


def test_a_judged_clean_page_stays_done_and_allow(api: Api, stack: LocalStack, pages: SamplePages) -> None:
    body = json.dumps({"type": "url", "url": pages.url("/clean.html")})
    _, answer, _ = send(api, "POST", "/v1/submissions", body, "application/json")
    stack.drain()
    _, submission, _ = send(api, "GET", f"/v1/submissions/{answer['submissions'][0]['submission_id']}", b"", None)
    assert submission["state"] == "done"
    assert submission["verdict"]["judged"] is True and submission["verdict"]["decision"] == "allow"


def test_the_lookup_functions_404_lists_its_template_routes(api: Api) -> None:
    route = next(r for r in api.routes if r.function == "LookupFunction")
    event = api_event(route, "GET", "/v1/lookups", {}, b"", {}, "api.test")
    response = api.stack.invoke(route.function, event)
    answer = json.loads(response["body"])
    assert response["statusCode"] == 404 and set(answer) == ERROR_KEYS
    declared = {f"{r.method} {r.path}" for r in api.routes if r.function == "LookupFunction"}
    assert {detail["route"] for detail in answer["details"]} == declared
