"""A scan batch never outlives its function: records it has no time for are reported failed and retried."""

from __future__ import annotations

from typing import Any

from devstack.pages import SamplePages
from devstack.stack import LocalStack
from tests.integration.pipeline.conftest import Api
from tests.integration.pipeline.test_pipeline import _queued_messages, _sqs_event, _status, _submit


class ShrinkingContext:
    """A Lambda context whose remaining time is scripted: one value a call, the last one repeated."""

    function_name = "linkscan-local-scan"
    function_version = "$LATEST"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:linkscan-local-scan"
    memory_limit_in_mb = 1024
    aws_request_id = "11111111-1111-1111-1111-111111111111"
    log_group_name = "/aws/lambda/linkscan-local-scan"
    log_stream_name = "local"

    def __init__(self, *remaining_ms: int) -> None:
        self.remaining = list(remaining_ms)

    def get_remaining_time_in_millis(self) -> int:
        return self.remaining.pop(0) if len(self.remaining) > 1 else self.remaining[0]


def _failed_ids(result: dict[str, Any]) -> set[str]:
    return {item["itemIdentifier"] for item in result["batchItemFailures"]}


def test_a_batch_stops_taking_records_it_has_no_time_for_and_they_are_retried(
    api: Api, stack: LocalStack, pages: SamplePages
) -> None:
    # Given three queued scans, and an invocation with time for the first scan only
    receipts = _submit(api, pages.url("/clean.html"), pages.url("/loan.html"), pages.url("/replica.html"))
    messages = _queued_messages(stack)
    assert len(messages) == 3
    context = ShrinkingContext(60_000, 1_000)

    # When the batch is delivered
    result = stack.invoke("ScanFunction", _sqs_event(stack, messages), context=context)

    # Then the first record is scanned and the other two are reported failed without being started
    assert _failed_ids(result) == {m["MessageId"] for m in messages[1:]}
    states = [_status(api, r["submission_id"]) for r in receipts]
    scanned = [s for s in states if s["verdict"]]
    assert len(scanned) == 1
    assert all(s["state"] == "queued" and s["attempts"] == 0 for s in states if not s["verdict"])

    # And the deferred messages are visible again at once: the next invocations scan them
    stack.drain()
    assert all(_status(api, r["submission_id"])["verdict"] for r in receipts)


def test_a_record_out_of_time_on_its_last_delivery_is_requeued_fresh_not_dead_lettered(
    api: Api, stack: LocalStack, pages: SamplePages
) -> None:
    receipt = _submit(api, pages.url("/clean.html"))[0]
    messages = _queued_messages(stack)
    last = stack.template["Resources"]["ScanQueue"]["Properties"]["RedrivePolicy"]["maxReceiveCount"]

    result = stack.invoke("ScanFunction", _sqs_event(stack, messages, receive_count=last), context=ShrinkingContext(1))

    # Reported done, so SQS deletes it rather than dead-letter it; a fresh copy is queued and scanned
    assert result["batchItemFailures"] == []
    stack.client("sqs").delete_message(
        QueueUrl=stack.physical["ScanQueue"]["Ref"], ReceiptHandle=messages[0]["ReceiptHandle"]
    )
    stack.drain()
    assert _status(api, receipt["submission_id"])["verdict"]["outcome"] == "ok"
