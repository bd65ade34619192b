"""The local-only loopback setting: loopback on any port, and nothing else gains a port."""

from __future__ import annotations

import pytest

from linkscan.fetch.destination import DestinationRefused, check_url
from linkscan.settings import FetchSettings

LOCAL = FetchSettings.from_env({"LINKSCAN_LOCAL_ALLOW_LOOPBACK": "true"})


@pytest.mark.parametrize("url", ["http://127.0.0.1:33279/", "http://[::1]:8080/x", "http://localhost:5000/"])
def test_loopback_is_allowed_on_any_port_under_the_local_setting(url: str) -> None:
    assert check_url(url, LOCAL).port != 80


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org:33279/",
        "http://10.0.0.1:8080/",
        "http://169.254.169.254:8080/",
        "http://[::ffff:10.0.0.1]:81/",
    ],
)
def test_other_destinations_keep_the_port_rule_under_the_local_setting(url: str) -> None:
    with pytest.raises(DestinationRefused):
        check_url(url, LOCAL)


def test_loopback_is_refused_on_any_port_by_default() -> None:
    with pytest.raises(DestinationRefused):
        check_url("http://127.0.0.1:33279/", FetchSettings.from_env({"LINKSCAN_FETCH_EXTRA_PORTS": "33279"}))
