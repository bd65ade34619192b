"""The local API: HTTP on loopback → API Gateway REST proxy events → the template's handlers.

Routes come from the template's `Api` events. Routes the template protects with AWS_IAM are called as a
fixed local IAM user (the local stack does not check SigV4 signatures: there is no account to check
them against). Published lists are served under /lists/ from the local blocklist bucket.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from devstack.template import Route, routes
from linkscan.api_edge import JSON_CONTENT_TYPE, error_body, not_found_body

if TYPE_CHECKING:
    from devstack.stack import LocalStack

LOCAL_CALLER = "arn:aws:iam::123456789012:user/local-developer"


def api_event(
    route: Route,
    method: str,
    target: str,
    headers: dict[str, str],
    body: bytes,
    match: dict[str, str],
    host: str,
) -> dict[str, Any]:
    """An API Gateway REST proxy event, as API Gateway builds it for a Lambda proxy integration."""
    parts = urlsplit(target)
    query = parse_qs(parts.query, keep_blank_values=True)
    iam = route.auth == "AWS_IAM"
    text = body.decode("utf-8", errors="replace") if body else None
    return {
        "resource": route.path,
        "path": parts.path,
        "httpMethod": method,
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "queryStringParameters": {k: v[-1] for k, v in query.items()} or None,
        "multiValueQueryStringParameters": query or None,
        "pathParameters": match or None,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": route.path,
            "httpMethod": method,
            "path": parts.path,
            "stage": "local",
            "domainName": host,
            "requestId": str(uuid.uuid4()),
            "accountId": "123456789012",
            "apiId": "localapi",
            "protocol": "HTTP/1.1",
            "requestTimeEpoch": int(time.time() * 1000),
            "identity": {
                "sourceIp": "127.0.0.1",
                "userAgent": headers.get("User-Agent", ""),
                "userArn": LOCAL_CALLER if iam else None,
                "caller": "AIDALOCALDEVELOPER" if iam else None,
                "user": "AIDALOCALDEVELOPER" if iam else None,
                "accountId": "123456789012" if iam else None,
            },
        },
        "body": text,
        "isBase64Encoded": False,
    }


def make_server(stack: LocalStack, port: int = 3000) -> ThreadingHTTPServer:
    table = routes(stack.template)

    class Handler(BaseHTTPRequestHandler):
        server_version = "linkscan-local"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _dispatch(self) -> None:
            path = urlsplit(self.path).path
            if self.command == "GET" and path.startswith("/lists/"):
                self._serve_list(path.removeprefix("/lists/"))
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            methods = [r for r in table if r.pattern.match(path)]
            route = next((r for r in methods if r.method == self.command), None)
            if route is None:
                if self.command == "OPTIONS" and methods:
                    self._send(
                        204,
                        {
                            "Access-Control-Allow-Origin": "*",
                            "Access-Control-Allow-Methods": "GET,POST,PUT,OPTIONS",
                            "Access-Control-Allow-Headers": "Content-Type",
                        },
                        b"",
                    )
                    return
                self._no_route(path, methods)
                return
            match = route.pattern.match(path)
            assert match is not None
            headers = {k: v for k, v in self.headers.items()}
            event = api_event(
                route,
                self.command,
                self.path,
                headers,
                body,
                match.groupdict(),
                self.headers.get("Host", "127.0.0.1"),
            )
            result = stack.invoke(route.function, event)
            raw = result.get("body") or ""
            data = base64.b64decode(raw) if result.get("isBase64Encoded") else raw.encode("utf-8")
            out_headers = dict(result.get("headers") or {})
            for key, values in (result.get("multiValueHeaders") or {}).items():
                out_headers[key] = values[-1]
            out_headers.setdefault("Access-Control-Allow-Origin", "*")
            self._send(int(result.get("statusCode", 200)), out_headers, data)

        def _json(self, status: int, payload: dict[str, Any]) -> None:
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self._send(status, {"Content-Type": JSON_CONTENT_TYPE, "Access-Control-Allow-Origin": "*"}, body)

        def _no_route(self, path: str, methods: list[Route]) -> None:
            listed = [f"{r.method} {r.path}" for r in table] + ["GET /lists/{file}"]
            if methods:
                allowed = ", ".join(sorted({r.method for r in methods}))
                details = [{"route": f"{r.method} {r.path}"} for r in methods]
                message = f"{self.command} is not allowed on {path}; allowed: {allowed}"
                self._json(405, error_body("method_not_allowed", message, None, details))
            else:
                self._json(404, not_found_body(self.command, path, listed))

        def _serve_list(self, key: str) -> None:
            s3 = stack.client("s3")
            bucket = stack.physical["BlocklistBucket"]["Ref"]
            try:
                obj = s3.get_object(Bucket=bucket, Key=key or "index.html")
            except s3.exceptions.NoSuchKey:
                message = f"/lists/{key} is not published" + (
                    "; no blocklist version is published yet (the first block publishes one)"
                    if key == "manifest.json"
                    else ""
                )
                self._json(404, error_body("not_found", message))
                return
            headers = {
                "Content-Type": obj.get("ContentType", "application/octet-stream"),
                "Access-Control-Allow-Origin": "*",
            }
            if obj.get("ContentEncoding"):
                headers["Content-Encoding"] = obj["ContentEncoding"]
            self._send(200, headers, obj["Body"].read())

        do_GET = do_POST = do_PUT = do_DELETE = do_OPTIONS = _dispatch

    return ThreadingHTTPServer(("127.0.0.1", port), Handler)
