"""Two concurrent deliveries of one scan (SQS is at-least-once) store exactly one verdict."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from devstack.pages import SamplePages
from devstack.stack import LambdaContext, LocalStack
from linkscan.storage import client
from tests.integration.pipeline.conftest import Api
from tests.integration.pipeline.test_pipeline import _queued_messages, _sqs_event, _submit
from tests.support import load_handler


def test_two_concurrent_deliveries_of_one_scan_store_one_verdict(
    api: Api, stack: LocalStack, pages: SamplePages
) -> None:
    # Given one queued scan, delivered twice at once to two warm containers (two loads of the handler)
    receipt = _submit(api, pages.url("/replica.html"))[0]
    event = _sqs_event(stack, _queued_messages(stack))
    containers = [load_handler("scan"), load_handler("scan")]
    # Both scans finish before either records its verdict: each waits for the other at its verdict write.
    barrier = threading.Barrier(2, timeout=60)
    waited = threading.local()

    def meet_before_verdict_write(**_: Any) -> None:
        if not getattr(waited, "done", False):
            waited.done = True
            barrier.wait()

    events = client("dynamodb").meta.events
    events.register("before-call.dynamodb.TransactWriteItems", meet_before_verdict_write, unique_id="meet")
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(
                pool.map(lambda app: app.handler(event, LambdaContext("linkscan-local-scan", 180)), containers)
            )
    finally:
        events.unregister("before-call.dynamodb.TransactWriteItems", unique_id="meet")

    # Then both deliveries succeed, and the target has exactly one verdict
    assert [r["batchItemFailures"] for r in results] == [[], []]
    items = stack.client("dynamodb").query(
        TableName=stack.physical["LinkscanTable"]["Ref"],
        KeyConditionExpression="PK = :pk AND begins_with(SK, :v)",
        ExpressionAttributeValues={":pk": {"S": f"TARGET#{receipt['target_id']}"}, ":v": {"S": "VERDICT#"}},
    )["Items"]
    assert len(items) == 1
