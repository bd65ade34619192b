"""Metadata that can never be used ends its submission at once with a recorded verdict, not in the DLQ."""

from __future__ import annotations

import json

import pytest

from devstack.pages import SAMPLES, SamplePages
from devstack.stack import LocalStack
from tests.integration.pipeline.conftest import Api
from tests.integration.pipeline.test_pipeline import _status

APPID = json.loads((SAMPLES / "miniprogram-loan.json").read_text(encoding="utf-8"))["appid"]
DEPTH = 100_000  # far deeper than any parser's recursion limit

POISON = {
    "not-json": (b"<html><body>not metadata</body></html>", "text/html"),
    "truncated-json": (b'{"appid": "', "application/json"),
    "deeply-nested-array": (b"[" * DEPTH + b"]" * DEPTH, "application/json"),
    "deeply-nested-object": (b'{"a":' * DEPTH + b"1" + b"}" * DEPTH, "application/json"),
    "array-not-object": (b"[1, 2, 3]", "application/json"),
}


@pytest.mark.parametrize("case", sorted(POISON))
def test_unusable_metadata_is_recorded_as_invalid_metadata_on_the_first_attempt(
    api: Api, stack: LocalStack, pages: SamplePages, case: str
) -> None:
    # Given a mini-program whose metadata_url answers with something that is not usable metadata
    body, content_type = POISON[case]
    url = pages.serve(f"/poison/{case}.json", body, content_type)
    status, answer = api.call("POST", "/v1/submissions", {"type": "miniprogram", "appid": APPID, "metadata_url": url})
    assert status == 202, answer

    # When the queue is drained
    stack.drain()

    # Then the submission is done after one attempt, with a verdict that says why
    result = _status(api, answer["submissions"][0]["submission_id"])
    assert (result["state"], result["attempts"]) == ("not_scanned", 1)  # recorded, nothing judged
    assert result["verdict"]["judged"] is False
    assert result["verdict"]["outcome"] == "invalid_metadata"
    assert result["verdict"]["decision"] == "allow"
