"""Cloaking: does the page show its audience something materially different from a neutral visitor?

The policy (``fetch/cloaking.yaml``) says when a scan pays for the second fetch and what counts as
material. Comparison is on visible text (character bigrams, so Chinese compares as well as English)
and on where each visit ended.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

import yaml

# Long pages compare on their beginning: what a visitor sees first, and a bound on the work.
_COMPARE_CHARS = 20_000


@dataclass(frozen=True)
class CloakingPolicy:
    neutral_profile: str
    recheck_bands: frozenset[str]
    min_text_chars: int
    min_similarity: float
    min_seconds_left: float

    def wants_recheck(self, band: str, visible_text: str) -> bool:
        return band in self.recheck_bands or len(visible_text.strip()) < self.min_text_chars


@cache
def load_cloaking_policy() -> CloakingPolicy:
    raw = yaml.safe_load((resources.files("linkscan") / "fetch" / "cloaking.yaml").read_text(encoding="utf-8"))
    return CloakingPolicy(
        neutral_profile=str(raw["neutral_profile"]),
        recheck_bands=frozenset(raw["recheck_bands"]),
        min_text_chars=int(raw["min_text_chars"]),
        min_similarity=float(raw["min_similarity"]),
        min_seconds_left=float(raw["min_seconds_left"]),
    )


def text_similarity(first: str, second: str) -> float:
    """Jaccard similarity of the texts' character bigrams (whitespace ignored); 1.0 for two empty texts."""
    a, b = _bigrams(first), _bigrams(second)
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _bigrams(text: str) -> set[str]:
    compact = "".join(text[:_COMPARE_CHARS].split())
    return {compact[i : i + 2] for i in range(len(compact) - 1)}


def differences(
    policy: CloakingPolicy, audience_text: str, audience_url: str, neutral_text: str, neutral_url: str
) -> tuple[list[str], float]:
    """What differs materially between the two visits (empty: nothing), and the text similarity."""
    similarity = text_similarity(audience_text, neutral_text)
    found = []
    short = policy.min_text_chars
    if (len(audience_text.strip()) < short) != (len(neutral_text.strip()) < short):
        found.append("one version is empty and the other is not")
    elif similarity < policy.min_similarity:
        found.append(f"different text (similarity {similarity:.2f})")
    if _landing(audience_url) != _landing(neutral_url):
        found.append(f"different final URL ({audience_url} vs {neutral_url})")
    return found, similarity


def _landing(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return (parts.netloc.lower(), parts.path or "/")
