"""Fetch profiles (``fetch/profiles.yaml``): the headers and referer policy of one kind of visitor."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal
from urllib.parse import urlsplit

import yaml

from linkscan.settings import ConfigurationError

RefererPolicy = Literal["no-referrer", "strict-origin-when-cross-origin"]
_POLICIES = ("no-referrer", "strict-origin-when-cross-origin")
# Set by the fetcher on every request; a profile may not override them.
_FETCHER_HEADERS = frozenset({"host", "connection", "cookie", "referer", "content-length"})


@dataclass(frozen=True)
class FetchProfile:
    name: str
    description: str
    headers: tuple[tuple[str, str], ...]  # in sending order
    referer_policy: RefererPolicy

    @property
    def user_agent(self) -> str:
        return dict(self.headers)["User-Agent"]


@dataclass(frozen=True)
class Profiles:
    default: str
    by_name: dict[str, FetchProfile]

    def get(self, name: str | None) -> FetchProfile:
        """The named profile (the default for None); ConfigurationError names the choices otherwise."""
        key = name or self.default
        if key not in self.by_name:
            raise ConfigurationError(f"unknown fetch profile {key!r}; known: {', '.join(sorted(self.by_name))}")
        return self.by_name[key]


@cache
def load_profiles() -> Profiles:
    text = (resources.files("linkscan") / "fetch" / "profiles.yaml").read_text(encoding="utf-8")
    return parse_profiles(yaml.safe_load(text))


def parse_profiles(document: dict[str, object]) -> Profiles:
    """Check and build the profiles; a mistake in the file is a ConfigurationError naming the profile."""
    raw_profiles = document.get("profiles")
    if not isinstance(raw_profiles, dict) or not raw_profiles:
        raise ConfigurationError("profiles.yaml: no profiles")
    by_name: dict[str, FetchProfile] = {}
    for name, raw in raw_profiles.items():
        headers = raw.get("headers") or {}
        if not headers.get("User-Agent"):
            raise ConfigurationError(f"fetch profile {name!r} has no User-Agent")
        reserved = sorted(h for h in headers if h.lower() in _FETCHER_HEADERS)
        if reserved:
            raise ConfigurationError(f"fetch profile {name!r} sets {', '.join(reserved)}, which the fetcher sets")
        policy = raw.get("referer_policy", "strict-origin-when-cross-origin")
        if policy not in _POLICIES:
            raise ConfigurationError(f"fetch profile {name!r}: referer_policy must be one of {', '.join(_POLICIES)}")
        by_name[name] = FetchProfile(
            name=name,
            description=str(raw.get("description", "")),
            headers=tuple((str(k), " ".join(str(v).split())) for k, v in headers.items()),
            referer_policy=policy,
        )
    default = str(document.get("default", ""))
    if default not in by_name:
        raise ConfigurationError(f"profiles.yaml: default profile {default!r} is not defined")
    return Profiles(default=default, by_name=by_name)


def referer_for(policy: RefererPolicy, page_url: str, target_url: str) -> str | None:
    """The Referer a browser sends when ``page_url`` navigates to ``target_url`` under ``policy``."""
    if policy == "no-referrer":
        return None
    page, target = urlsplit(page_url), urlsplit(target_url)
    if page.scheme == "https" and target.scheme != "https":
        return None  # never leak an https page's address to plain http
    if (page.scheme, page.netloc) == (target.scheme, target.netloc):
        return page._replace(fragment="").geturl()  # same origin: the whole URL (no fragment)
    return f"{page.scheme}://{page.netloc}/"  # cross origin: the origin only
