"""Private lookups: reveal only 4-byte hash prefixes, compare full hashes locally.

The client sends ``/v1/hashes/<8 hex>`` for each expression of the URL; the server answers every listed
full hash sharing that prefix (as it would for any of the many URLs with the same prefix), and the
client decides locally. The URL itself never leaves the machine.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable, Iterable, Sequence

from linkscan.blocklist.lookup import Candidate, LookupAnswer, answer
from linkscan.blocklist.model import Entry, entry_from_public

PREFIX_HEX = 8
FetchPrefix = Callable[[str], Iterable[Entry]]


def prefixes_of(item: Candidate) -> list[str]:
    return list(dict.fromkeys(digest[:PREFIX_HEX] for digest in item.hashes))


def private_lookup(item: Candidate, fetch_prefix: FetchPrefix) -> LookupAnswer:
    found: dict[str, Entry] = {}
    for prefix in prefixes_of(item):
        for entry in fetch_prefix(prefix):
            found[entry_hash(entry)] = entry
    return answer(item, found)


def entry_hash(entry: Entry) -> str:
    return entry.hash_hex


def http_prefix_fetcher(api_base: str, timeout: float = 10.0) -> FetchPrefix:
    """Fetch ``<api_base>/v1/hashes/<prefix>`` over HTTP (standard library only)."""

    def fetch(prefix: str) -> Sequence[Entry]:
        url = f"{api_base.rstrip('/')}/v1/hashes/{prefix}"
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 -- http(s) base from the user
            body = json.loads(response.read())
        return [entry_from_public(row) for row in body.get("matches", ())]

    return fetch
