"""The template's platform resources: what ties them to the code, checked where the linters cannot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from devstack.template import load_template, resources_of
from linkscan.events.model import DETAIL_TYPES, EVENT_SOURCE
from linkscan.events.webhooks import MAX_ATTEMPTS, MAX_RETRY_SECONDS


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_template()


def _ref(value: Any) -> str:
    return str(getattr(value, "value", value)).split(".")[0]


def test_rescans_reach_the_scanner_through_their_own_lower_priority_queue(template: dict[str, Any]) -> None:
    scan = template["Resources"]["ScanFunction"]["Properties"]
    sources = {_ref(e["Properties"]["Queue"]): e["Properties"] for e in scan["Events"].values() if e["Type"] == "SQS"}
    assert set(sources) == {"ScanQueue", "RescanQueue"}
    rescans = sources["RescanQueue"]["ScalingConfig"]["MaximumConcurrency"]
    assert rescans < scan["ReservedConcurrentExecutions"]  # submissions always have scanners left
    queues = template["Resources"]
    assert (
        queues["RescanQueue"]["Properties"]["VisibilityTimeout"]
        == queues["ScanQueue"]["Properties"]["VisibilityTimeout"]
    )
    assert _ref(queues["RescanQueue"]["Properties"]["RedrivePolicy"]["deadLetterTargetArn"]) == "ScanDeadLetterQueue"


def test_the_example_rule_matches_events_the_code_emits_and_may_send_to_its_queue(template: dict[str, Any]) -> None:
    rules = resources_of(template, "AWS::Events::Rule")
    example = rules["ListedLinksExampleRule"]["Properties"]
    assert example["EventPattern"]["source"] == [EVENT_SOURCE]
    assert set(example["EventPattern"]["detail-type"]) <= set(DETAIL_TYPES.values())
    (policy,) = resources_of(template, "AWS::SQS::QueuePolicy").values()
    allowed = {
        _ref(s["Resource"]): _ref(s["Condition"]["ArnEquals"]["aws:SourceArn"])
        for s in policy["Properties"]["PolicyDocument"]["Statement"]
    }
    for name, rule in rules.items():
        for target in rule["Properties"]["Targets"]:
            assert allowed[_ref(target["Arn"])] == name  # each queue accepts its own rule only


def test_the_webhook_queue_outlasts_the_senders_own_retries(template: dict[str, Any]) -> None:
    queue = template["Resources"]["WebhookQueue"]["Properties"]
    assert queue["RedrivePolicy"]["maxReceiveCount"] > MAX_ATTEMPTS
    assert queue["MessageRetentionPeriod"] > MAX_ATTEMPTS * MAX_RETRY_SECONDS


def test_the_review_alarm_watches_the_metric_the_rescan_function_emits(template: dict[str, Any]) -> None:
    alarm = template["Resources"]["ReviewQueueAgeAlarm"]["Properties"]
    code = (Path(__file__).resolve().parents[3] / "functions" / "rescan" / "app.py").read_text(encoding="utf-8")
    assert f'name="{alarm["MetricName"]}"' in code and alarm["Namespace"] == "Linkscan"


def test_the_stream_readers_take_only_current_items(template: dict[str, Any]) -> None:
    for name in ("PublishFunction", "EventsFunction"):
        (stream,) = [e for e in template["Resources"][name]["Properties"]["Events"].values() if e["Type"] == "DynamoDB"]
        (pattern,) = stream["Properties"]["FilterCriteria"]["Filters"]
        assert json.loads(pattern["Pattern"]) == {"dynamodb": {"Keys": {"SK": {"S": ["CURRENT"]}}}}
