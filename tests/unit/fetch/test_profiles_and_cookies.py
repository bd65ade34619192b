"""Profiles file, referer policy, cookie scoping and the proxy address rule (no sockets)."""

from __future__ import annotations

import http.client
import io

import pytest

from linkscan.fetch.cookies import ScanCookies
from linkscan.fetch.destination import DestinationRefused
from linkscan.fetch.fetcher import check_proxy_address
from linkscan.fetch.profiles import load_profiles, parse_profiles, referer_for
from linkscan.settings import ConfigurationError, FetchSettings


def _headers(*lines: str) -> http.client.HTTPMessage:
    return http.client.parse_headers(io.BytesIO(("".join(f"{line}\r\n" for line in lines) + "\r\n").encode()))


def test_the_shipped_profiles_cover_the_audience_and_a_neutral_visitor() -> None:
    profiles = load_profiles()
    assert {"wechat_android", "wechat_ios", "chrome_android", "chrome_desktop", "desktop_neutral"} <= set(
        profiles.by_name
    )
    assert profiles.default == "wechat_android"
    for profile in profiles.by_name.values():
        assert "linkscan" not in profile.user_agent.lower() and "scanner" not in profile.user_agent.lower()


def test_an_unknown_profile_names_the_choices() -> None:
    with pytest.raises(ConfigurationError, match="wechat_android"):
        load_profiles().get("netscape")


def test_a_profile_may_not_set_headers_the_fetcher_owns() -> None:
    with pytest.raises(ConfigurationError, match="Host"):
        parse_profiles({"default": "x", "profiles": {"x": {"headers": {"User-Agent": "a", "Host": "b"}}}})


@pytest.mark.parametrize(
    ("page", "target", "expected"),
    [
        ("https://a.cn/p?q=1", "https://a.cn/next", "https://a.cn/p?q=1"),
        ("https://a.cn/p?q=1", "https://b.cn/", "https://a.cn/"),
        ("https://a.cn/p", "http://a.cn/next", None),
        ("http://a.cn/p", "https://b.cn/", "http://a.cn/"),
    ],
)
def test_strict_origin_when_cross_origin(page: str, target: str, expected: str | None) -> None:
    assert referer_for("strict-origin-when-cross-origin", page, target) == expected


def test_no_referrer_sends_nothing() -> None:
    assert referer_for("no-referrer", "https://a.cn/p", "https://a.cn/q") is None


def test_cookies_are_scoped_like_a_browser() -> None:
    jar = ScanCookies()
    jar.store(
        "http://a.shop.example.com/go",
        _headers(
            "Set-Cookie: host_only=1; Path=/",
            "Set-Cookie: site=2; Domain=example.com",
            "Set-Cookie: suffix=3; Domain=com",
            "Set-Cookie: secure_over_http=4; Secure",
        ),
    )
    assert jar.header_for("http://a.shop.example.com/x") == "host_only=1; site=2"
    assert jar.header_for("http://b.example.com/") == "site=2"
    assert jar.header_for("http://elsewhere.com/") is None


def test_no_cookie_for_a_public_suffix_such_as_a_hosting_domain() -> None:
    jar = ScanCookies()
    jar.store("https://seller.github.io/", _headers("Set-Cookie: all=1; Domain=github.io", "Set-Cookie: own=2; Secure"))
    assert jar.header_for("https://neighbour.github.io/") is None
    assert jar.header_for("https://seller.github.io/") == "own=2"
    assert jar.header_for("http://seller.github.io/") is None  # Secure: https only


def test_an_ip_host_cannot_set_cookies_for_another_address() -> None:
    jar = ScanCookies()
    jar.store("http://203.0.113.9/", _headers("Set-Cookie: mine=1", "Set-Cookie: theirs=2; Domain=203.0.113.10"))
    assert jar.header_for("http://203.0.113.9/") == "mine=1"
    assert jar.header_for("http://203.0.113.10/") is None


@pytest.mark.parametrize("address", ["10.0.0.5", "172.16.1.1", "fd00::5"])
def test_a_private_proxy_needs_the_setting(address: str) -> None:
    with pytest.raises(DestinationRefused, match="proxy"):
        check_proxy_address([address], FetchSettings())
    assert str(check_proxy_address([address], FetchSettings(allow_private_proxy=True))) == address


@pytest.mark.parametrize("address", ["169.254.169.254", "fd00:ec2::254", "127.0.0.1", "0.0.0.0"])
def test_metadata_link_local_and_loopback_proxies_are_refused_even_with_the_setting(address: str) -> None:
    # fd00:ec2::254 is EC2's metadata service over IPv6: private, but never a proxy.
    with pytest.raises(DestinationRefused):
        check_proxy_address([address], FetchSettings(allow_private_proxy=True))


def test_proxies_setting_is_read_per_profile() -> None:
    settings = FetchSettings.from_env({"LINKSCAN_FETCH_PROXIES": "wechat_android=http://p1:3128, *=http://p2:8080"})
    assert settings.proxy_for("wechat_android") == "http://p1:3128"
    assert settings.proxy_for("chrome_desktop") == "http://p2:8080"
    with pytest.raises(ConfigurationError):
        FetchSettings.from_env({"LINKSCAN_FETCH_PROXIES": "nonsense"})
