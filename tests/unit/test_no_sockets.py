"""The unit suite's rule holds: a unit test that reaches for the network fails, and none uses moto."""

from __future__ import annotations

import re
import socket
import urllib.request
from pathlib import Path

import pytest

from tests.unit.conftest import SocketInUnitTestError

UNIT = Path(__file__).resolve().parent
MOTO_IMPORT = re.compile(r"^\s*(from|import) moto\b", re.MULTILINE)


def test_opening_an_internet_socket_fails_the_test() -> None:
    with pytest.raises(SocketInUnitTestError, match="tests/integration"):
        socket.create_connection(("127.0.0.1", 9))


def test_an_http_request_fails_the_test() -> None:
    with pytest.raises(SocketInUnitTestError):
        urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)


def test_a_local_socket_pair_is_still_allowed() -> None:
    left, right = socket.socketpair(socket.AF_UNIX)
    left.close()
    right.close()


def test_no_unit_test_uses_moto() -> None:
    users = [str(path.relative_to(UNIT)) for path in UNIT.rglob("*.py") if MOTO_IMPORT.search(path.read_text("utf-8"))]
    assert users == [], "moto-backed tests belong in tests/integration"
