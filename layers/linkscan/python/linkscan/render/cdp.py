"""A Chrome DevTools Protocol client over ``--remote-debugging-pipe``: no websocket, no extra package.

Chromium reads NUL-terminated JSON commands on its file descriptor 3 and writes replies and events
on descriptor 4. One reader thread splits the stream; callers wait for the reply to their command id.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable
from typing import Any

Event = dict[str, Any]


class CdpError(RuntimeError):
    """The browser answered a command with an error, or went away before answering."""


class CdpPipe:
    def __init__(self, to_browser: int, from_browser: int, max_message_bytes: int) -> None:
        self._out = to_browser
        self._in = from_browser
        self._max_message = max_message_bytes
        self._next_id = 0
        self._lock = threading.Lock()
        self._replies: dict[int, dict[str, Any]] = {}
        self._waiting = threading.Condition(self._lock)
        self._closed = False
        self._listeners: list[Callable[[Event], None]] = []
        self._reader = threading.Thread(target=self._read, name="cdp-reader", daemon=True)
        self._reader.start()

    def on_event(self, listener: Callable[[Event], None]) -> None:
        """Call ``listener`` (on the reader thread) for every event; keep it short."""
        self._listeners.append(listener)

    def send(
        self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None, timeout: float = 10.0
    ) -> dict[str, Any]:
        """Send one command and return its result; CdpError on an error reply, a timeout or a closed pipe."""
        with self._lock:
            if self._closed:
                raise CdpError("browser connection closed")
            self._next_id += 1
            command_id = self._next_id
        message: dict[str, Any] = {"id": command_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        try:
            while data:
                written = os.write(self._out, data)
                data = data[written:]
        except OSError as exc:
            raise CdpError(f"cannot write to the browser: {exc}") from exc
        with self._waiting:
            if not self._waiting.wait_for(lambda: command_id in self._replies or self._closed, timeout):
                raise CdpError(f"{method}: no answer within {timeout:.1f} s")
            reply = self._replies.pop(command_id, None)
        if reply is None:
            raise CdpError(f"{method}: browser connection closed")
        if "error" in reply:
            raise CdpError(f"{method}: {reply['error'].get('message', reply['error'])}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    def _read(self) -> None:
        buffer = bytearray()
        try:
            while True:
                chunk = os.read(self._in, 1 << 16)
                if not chunk:
                    break
                buffer += chunk
                while (end := buffer.find(b"\0")) >= 0:
                    raw = bytes(buffer[:end])
                    del buffer[: end + 1]
                    self._dispatch(raw)
                if len(buffer) > self._max_message:
                    break  # a message larger than any answer we ask for: stop reading this browser
        except OSError:
            pass
        finally:
            with self._waiting:
                self._closed = True
                self._waiting.notify_all()

    def _dispatch(self, raw: bytes) -> None:
        try:
            message = json.loads(raw)
        except ValueError:
            return
        if "id" in message:
            with self._waiting:
                self._replies[message["id"]] = message
                self._waiting.notify_all()
            return
        for listener in self._listeners:
            listener(message)

    def close(self) -> None:
        for fd in (self._out, self._in):
            with contextlib.suppress(OSError):
                os.close(fd)
