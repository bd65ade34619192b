"""Which expression a blocked URL is listed under: its whole host, a path prefix, or the exact URL.

The verdict may carry a hint (listing_scope); shared hosts (data file shared_hosts.yaml) narrow it so a
page on github.io, a shortener or a marketplace never takes the whole platform down with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from linkscan.blocklist.model import Scope
from linkscan.canonical import is_ip_host, url_expressions
from linkscan.yaml_data import load_yaml

SHARED_HOSTS_FILE = Path(__file__).with_name("shared_hosts.yaml")


@dataclass(frozen=True, slots=True)
class SharedHost:
    domain: str
    scope: str  # "path" | "exact" | "subdomain"
    tenant_depth: int = 1

    def covers(self, host: str) -> bool:
        return host == self.domain or host.endswith("." + self.domain)


@dataclass(frozen=True)
class SharedHosts:
    hosts: tuple[SharedHost, ...]

    def find(self, host: str) -> SharedHost | None:
        """The most specific rule covering ``host`` (sites.google.com before google.com)."""
        matches = [rule for rule in self.hosts if rule.covers(host)]
        return max(matches, key=lambda rule: len(rule.domain)) if matches else None


def parse_shared_hosts(document: dict[str, Any]) -> SharedHosts:
    rules = []
    for group in document.values():
        for row in group or ():
            scope = row.get("scope", "exact")
            if scope not in ("path", "exact", "subdomain"):
                raise ValueError(f"shared host {row.get('domain')}: unknown scope {scope!r}")
            rules.append(SharedHost(str(row["domain"]).lower(), scope, int(row.get("tenant_depth", 1))))
    return SharedHosts(tuple(rules))


@cache
def load_shared_hosts(path: Path = SHARED_HOSTS_FILE) -> SharedHosts:
    return parse_shared_hosts(load_yaml(path) or {})


def listing_expression(canonical_url: str, hint: Scope | None, shared: SharedHosts) -> str:
    """The one expression a blocked URL is listed under.

    Without a hint a dedicated host is listed whole (scam sites live on throwaway domains); a leading
    "www." is dropped so the apex and every subdomain match too.
    """
    expressions = url_expressions(canonical_url)
    exact = expressions[0]
    host, _, rest = exact.partition("/")
    path = "/" + rest.partition("?")[0]
    wanted: Scope = hint or "host"
    rule = None if is_ip_host(host) else shared.find(host)

    if wanted == "exact":
        return exact
    if rule is None:
        if wanted == "host":
            return _without_www(host) + "/"
        return host + _directory(path, depth=None)
    if rule.scope == "exact":
        return exact
    if rule.scope == "subdomain":
        if host == rule.domain:
            return exact
        if wanted == "host":
            return host + "/"
        return host + _directory(path, depth=None)
    # scope "path": the tenant's own folder, or narrower when the hint asks for a deeper directory.
    tenant = _directory(path, depth=rule.tenant_depth)
    if tenant.count("/") - 1 < rule.tenant_depth:
        return exact
    if wanted == "path":
        deeper = _directory(path, depth=None)
        return host + (deeper if len(deeper) > len(tenant) else tenant)
    return host + tenant


def _directory(path: str, depth: int | None) -> str:
    """The directory part of a path ("/a/b/c.html" -> "/a/b/"), cut to ``depth`` components."""
    components = path.split("/")[1:-1]
    if depth is not None:
        components = components[:depth]
    return "/" + "".join(component + "/" for component in components)


def _without_www(host: str) -> str:
    if host.startswith("www.") and host.count(".") >= 2:
        return host[4:]
    return host
