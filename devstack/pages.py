"""Sample pages served from loopback for the demo and the end-to-end tests."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parent / "samples"
# A shortener-style chain: HTTP 302 → HTML meta refresh → the landing page.
REDIRECTS = {"/go/loan": "/hop.html"}
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".json": "application/json", ".png": "image/png"}
# A cloaking page: the loan offer for the messaging app's in-app browser, the clean page for anyone else.
CLOAKED = {"/cloaked/loan": ("loan.html", "clean.html")}
IN_APP_MARKER = "MicroMessenger"


class SamplePages:
    """A throwaway web server with clean, cash-loan, counterfeit and contraband pages."""

    def __init__(self) -> None:
        pages = self
        # Bodies a test serves besides the sample files: path -> (content type, body).
        self.extra: dict[str, tuple[str, bytes]] = {}

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                if self.path in pages.extra:
                    extra_type, extra_body = pages.extra[self.path]
                    self.send_response(200)
                    self.send_header("Content-Type", extra_type)
                    self.send_header("Content-Length", str(len(extra_body)))
                    self.end_headers()
                    self.wfile.write(extra_body)
                    return
                if self.path in REDIRECTS:
                    self.send_response(302)
                    self.send_header("Location", REDIRECTS[self.path])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if self.path in CLOAKED:
                    audience, others = CLOAKED[self.path]
                    self.path = "/" + (audience if IN_APP_MARKER in self.headers.get("User-Agent", "") else others)
                page = SAMPLES / self.path.lstrip("/")
                content_type = CONTENT_TYPES.get(page.suffix)
                if not page.is_file() or content_type is None:
                    self.send_error(404)
                    return
                body = page.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> SamplePages:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def serve(self, path: str, body: bytes, content_type: str = "application/json") -> str:
        """Serve ``body`` at ``path`` too; returns its URL."""
        self.extra[path] = (content_type, body)
        return self.url(path)
