"""Safe, bounded fetching of attacker-chosen URLs.

``fetch(url, settings)`` is the entry point; ``destination.check_url`` is the pure pre-flight check.
"""

from linkscan.fetch.fetcher import fetch
from linkscan.fetch.result import FetchResult

__all__ = ["FetchResult", "fetch"]
