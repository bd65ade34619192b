"""Unit tests run without a network: any test that opens an internet socket or resolves a name fails.

Storage tests against moto and fetches against loopback servers belong in tests/integration.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

_INTERNET_FAMILIES = (socket.AF_INET, socket.AF_INET6)


class SocketInUnitTestError(AssertionError):
    """A unit test tried to use the network."""


def _refuse(what: str) -> SocketInUnitTestError:
    return SocketInUnitTestError(f"{what} in a unit test: move the test to tests/integration")


@pytest.fixture(autouse=True)
def _no_sockets(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real_init = socket.socket.__init__

    def guarded_init(self: socket.socket, family: Any = -1, *args: Any, **kwargs: Any) -> None:
        # family -1 means "the default" (AF_INET), or a socket rebuilt from a file descriptor.
        if family in _INTERNET_FAMILIES or (family == -1 and not kwargs.get("fileno") and len(args) < 3):
            raise _refuse("a socket was opened")
        real_init(self, family, *args, **kwargs)

    def guarded_getaddrinfo(*_args: Any, **_kwargs: Any) -> Any:
        raise _refuse("a name was resolved")

    monkeypatch.setattr(socket.socket, "__init__", guarded_init)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    yield
