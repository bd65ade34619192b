"""POST a webhook body to a subscriber, under the fetcher's destination rules.

The URL is parsed and checked by ``linkscan.fetch.destination`` (scheme, port, local names, literal
addresses), every resolved address is checked, and the connection goes to a checked address only, so a
subscriber's DNS cannot point deliveries at loopback, private, link-local or metadata addresses.
Redirects are not followed: a 3xx is a failed delivery.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from linkscan.fetch.connection import PinnedHTTPConnection, PinnedHTTPSConnection, tls_context
from linkscan.fetch.destination import Resolver, check_url, resolve_checked, system_resolver
from linkscan.settings import FetchSettings

MAX_RESPONSE_BYTES = 4096  # a receiver's answer is read for the delivery record only


@dataclass(frozen=True)
class SendResult:
    status: int | None  # the HTTP status, None when no response came
    error: str | None = None

    @property
    def delivered(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def post(
    url: str,
    body: bytes,
    headers: Mapping[str, str],
    settings: FetchSettings,
    *,
    timeout: float = 10.0,
    resolver: Resolver = system_resolver,
) -> SendResult:
    """One delivery attempt; never raises for network trouble or a refused destination (see SendResult)."""
    from linkscan.errors import LinkscanError

    try:
        dest = check_url(url, settings)
        address = resolve_checked(dest, settings, resolver)[0]
        connection: PinnedHTTPConnection | PinnedHTTPSConnection
        if dest.scheme == "https":
            connection = PinnedHTTPSConnection(
                dest.host, dest.port, address=address, timeout=timeout, context=tls_context()
            )
        else:
            connection = PinnedHTTPConnection(dest.host, dest.port, address=address, timeout=timeout)
        try:
            connection.request(
                "POST",
                dest.target,
                body=body,
                headers={"Host": dest.host_header, "Content-Type": "application/json", **headers},
            )
            response = connection.getresponse()
            response.read(MAX_RESPONSE_BYTES)
            return SendResult(status=response.status)
        finally:
            connection.close()
    except LinkscanError as exc:
        return SendResult(status=None, error=f"refused destination: {exc}")
    except (OSError, ValueError) as exc:
        return SendResult(status=None, error=f"{type(exc).__name__}: {exc}")
