"""The webhook sender refuses what the fetcher refuses, before any connection (no sockets here)."""

from __future__ import annotations

import pytest

from linkscan.events.sender import post
from linkscan.settings import FetchSettings


@pytest.mark.parametrize(
    ("url", "answers"),
    [
        ("http://169.254.169.254/latest/meta-data/", []),  # the metadata service, literally
        ("https://127.0.0.1/hook", []),  # loopback
        ("https://hooks.example/", ["10.0.0.7"]),  # a name that resolves to a private address
        ("https://hooks.example/", ["203.0.113.9", "192.168.1.1"]),  # one bad answer refuses the name
        ("https://hooks.example:8443/", ["203.0.113.9"]),  # a port the fetcher does not allow
    ],
)
def test_private_loopback_and_metadata_destinations_are_refused(url: str, answers: list[str]) -> None:
    def resolver(host: str, port: int) -> list[str]:
        return answers

    result = post(url, b"{}", {}, FetchSettings(), resolver=resolver)
    assert not result.delivered
    assert result.status is None and result.error and result.error.startswith("refused destination")
