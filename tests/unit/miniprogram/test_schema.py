"""The published JSON Schema matches the model, and the submission events conform to it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from linkscan.miniprogram.schema import SCHEMA_PATH, render_schema
from tests.unit.miniprogram.helpers import submission_body


def test_committed_schema_is_up_to_date() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), (
        "regenerate with: python -m linkscan.miniprogram.schema"
    )


@pytest.mark.parametrize(
    "scenario",
    ["clean", "cashloan_wrong_category", "counterfeit_shop", "contraband_seller", "apk_download", "blocked_link_only"],
)
def test_event_metadata_validates_against_the_schema(scenario: str) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    body = submission_body(scenario)
    jsonschema.validate({**body["metadata"], "appid": body["appid"]}, schema)


def test_schema_rejects_what_the_model_rejects() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    bad = {"appid": "wxNOTHEX", "name": "x", "principal": {"name": "a", "type": "individual"}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
