"""The scan dead-letter queue has a way out: every scan in it is requeued or recorded as failed."""

from __future__ import annotations

from typing import Any

from devstack.__main__ import main
from devstack.pages import SamplePages
from devstack.stack import LocalStack
from tests.integration.pipeline.conftest import Api
from tests.integration.pipeline.test_pipeline import _queued_messages, _sqs_event, _status, _submit
from tests.support import load_event


def _dead_letter_a_scan(stack: LocalStack) -> dict[str, Any]:
    """Receive the queued scan until SQS moves it to the dead-letter queue (the template's maxReceiveCount)."""
    sqs = stack.client("sqs")
    queue = stack.physical["ScanQueue"]["Ref"]
    max_receives = stack.template["Resources"]["ScanQueue"]["Properties"]["RedrivePolicy"]["maxReceiveCount"]
    for _ in range(max_receives):
        (message,) = sqs.receive_message(QueueUrl=queue, VisibilityTimeout=0)["Messages"]
    assert sqs.receive_message(QueueUrl=queue, VisibilityTimeout=0).get("Messages", []) == []
    return message


def _dead_letters(stack: LocalStack) -> int:
    attributes = stack.client("sqs").get_queue_attributes(
        QueueUrl=stack.physical["ScanDeadLetterQueue"]["Ref"], AttributeNames=["ApproximateNumberOfMessages"]
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"])


def test_redrive_fail_records_each_dead_lettered_scan_as_failed(
    api: Api, stack: LocalStack, pages: SamplePages
) -> None:
    # Given a submission whose scan ended in the dead-letter queue, unanswered
    receipt = _submit(api, pages.url("/loan.html"))[0]
    _dead_letter_a_scan(stack)
    assert _dead_letters(stack) == 1 and _status(api, receipt["submission_id"])["verdict"] is None

    # When an operator redrives the queue recording failures
    assert main(["redrive", "--fail", "--endpoint", stack.endpoint]) == 0

    # Then the submission is answered with a scan_failed verdict, and the dead-letter queue is empty
    status = _status(api, receipt["submission_id"])
    assert status["state"] == "not_scanned" and status["verdict"]["outcome"] == "scan_failed"
    assert _dead_letters(stack) == 0


def test_redrive_requeue_sends_each_dead_lettered_scan_back_to_be_scanned(
    api: Api, stack: LocalStack, pages: SamplePages
) -> None:
    receipt = _submit(api, pages.url("/loan.html"))[0]
    _dead_letter_a_scan(stack)

    assert main(["redrive", "--requeue", "--endpoint", stack.endpoint]) == 0
    stack.drain()

    status = _status(api, receipt["submission_id"])
    assert status["verdict"]["outcome"] == "ok" and status["verdict"]["decision"] == "block"
    assert _dead_letters(stack) == 0


def test_a_scan_failing_its_last_delivery_is_recorded_instead_of_dead_lettered(api: Api, stack: LocalStack) -> None:
    # Given a mini-program scan that cannot succeed: its stored metadata is gone
    status, answer = api.event(load_event("api_submit_miniprogram_clean.json"))
    assert status == 202, answer
    evidence = stack.physical["EvidenceBucket"]["Ref"]
    s3 = stack.client("s3")
    for item in s3.list_objects_v2(Bucket=evidence, Prefix="metadata/")["Contents"]:
        s3.delete_object(Bucket=evidence, Key=item["Key"])
    messages = _queued_messages(stack)
    submission = answer["submissions"][0]["submission_id"]

    # When it fails before its last delivery, it is reported failed (retried); on the last, it is answered
    early = stack.invoke("ScanFunction", _sqs_event(stack, messages, receive_count=1))
    last = stack.invoke("ScanFunction", _sqs_event(stack, messages, receive_count=4))

    assert [f["itemIdentifier"] for f in early["batchItemFailures"]] == [messages[0]["MessageId"]]
    assert last["batchItemFailures"] == []
    result = _status(api, submission)
    assert result["state"] == "not_scanned" and result["verdict"]["outcome"] == "scan_failed"
    assert "NoSuchKey" in result["verdict"]["outcome_detail"]
