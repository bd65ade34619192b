"""A loopback site for the platform tests: pages whose content a test switches, and a webhook receiver
that records each POST and answers with the statuses a test queues."""

from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from devstack.stack import LocalStack

SAMPLES = Path(__file__).resolve().parents[3] / "devstack" / "samples"


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


class LoopbackSite:
    def __init__(self) -> None:
        self.pages: dict[str, bytes] = {}
        self.received: list[Received] = []
        self.statuses: deque[int] = deque()  # answers to the next POSTs; 200 once empty
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = site.pages.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                site.received.append(Received(self.path, dict(self.headers.items()), self.rfile.read(length)))
                status = site.statuses.popleft() if site.statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def serve(self, path: str, sample: str) -> str:
        """Serve a sample page (devstack/samples) at ``path``; its URL."""
        self.pages[path] = (SAMPLES / sample).read_bytes()
        return self.base + path

    def __enter__(self) -> LoopbackSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def capture_all_events(stack: LocalStack) -> str:
    """A rule of the test's own on the verdict bus, delivering every event to a queue it can read."""
    sqs, events = stack.client("sqs"), stack.client("events")
    url = sqs.create_queue(QueueName="test-all-verdict-events")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    bus = stack.physical["VerdictEventBus"]["Ref"]
    events.put_rule(Name="test-all", EventBusName=bus, EventPattern=json.dumps({"source": ["linkscan"]}))
    events.put_targets(Rule="test-all", EventBusName=bus, Targets=[{"Id": "q", "Arn": arn}])
    return str(url)


def read_queue(stack: LocalStack, queue_url: str) -> list[dict[str, Any]]:
    sqs = stack.client("sqs")
    found: list[dict[str, Any]] = []
    while True:
        messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages", [])
        if not messages:
            return found
        for message in messages:
            found.append(json.loads(message["Body"]))
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
