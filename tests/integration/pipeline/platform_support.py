"""A loopback site for the platform tests: pages whose content a test switches, and a webhook receiver
that records each POST and answers with the statuses a test queues."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

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
