"""A loopback HTTP server: published files from a directory, /v1/* through the lookup handler in-process.

``routes`` answers other API paths first (a stand-in for a route another function serves); every
request is recorded in ``Served.requests`` so a test can show what a page did and did not call."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.support import LambdaContext

_LOCK = threading.Lock()  # the handler's tracer/metrics are process-global: one request at a time


def api_event(method: str, raw_path: str, headers: dict[str, str], body: str | None) -> dict[str, Any]:
    parts = urlsplit(raw_path)
    query = dict(parse_qsl(parts.query, keep_blank_values=True)) or None
    path_parameters = None
    resource = parts.path
    if parts.path.startswith("/v1/hashes/"):
        resource = "/v1/hashes/{prefix}"
        path_parameters = {"prefix": parts.path.rsplit("/", 1)[1]}
    return {
        "resource": resource,
        "path": parts.path,
        "httpMethod": method,
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "queryStringParameters": query,
        "multiValueQueryStringParameters": {k: [v] for k, v in query.items()} if query else None,
        "pathParameters": path_parameters,
        "requestContext": {"resourcePath": resource, "httpMethod": method, "stage": "local", "identity": {}},
        "body": body,
        "isBase64Encoded": False,
    }


# (method, path with query, body) -> (status, JSON body), or None when the route is not the stand-in's
StandIn = Callable[[str, str, str | None], tuple[int, Any] | None]


@dataclass
class Served:
    base: str
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, path with query)


@contextmanager
def serve(root: Path, lookup: ModuleType, routes: StandIn | None = None) -> Iterator[Served]:
    served = Served("")

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _api(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else None
            answer = routes(method, self.path, body) if routes else None
            if answer is not None:
                self._reply(answer[0], {"Content-Type": ["application/json"]}, json.dumps(answer[1]).encode())
                return
            event = api_event(method, self.path, dict(self.headers.items()), body)
            with _LOCK:
                response = lookup.handler(event, LambdaContext())
            payload = (response.get("body") or "").encode()
            self._reply(response["statusCode"], response.get("multiValueHeaders") or {}, payload)

        def _reply(self, status: int, headers: dict[str, list[str]], payload: bytes) -> None:
            self.send_response(status)
            for name, values in headers.items():
                for value in values:
                    self.send_header(name, value)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def send_response(self, code: int, message: str | None = None) -> None:
            served.requests.append((self.command, self.path))
            super().send_response(code, message)

        def do_GET(self) -> None:
            if self.path.startswith("/v1/"):
                self._api("GET")
            else:
                super().do_GET()

        def do_POST(self) -> None:
            self._api("POST")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
