"""Small text matching for the mini-program checks, with offsets back into the original text.

The detection engine has the full evasion-aware normalizer; these checks only need to see through
full-width forms, case, and spaces or zero-width characters wedged into a phrase ("复 制 到 浏 览 器").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from linkscan.models import Evidence

_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
SNIPPET_RADIUS = 24


@dataclass(frozen=True)
class FoldedText:
    """``text`` folded (NFKC, case-folded) with ``offsets[i]`` = index in the original of folded char i."""

    original: str
    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded slice [start, end)."""
        return self.offsets[start], self.offsets[end - 1] + 1


def fold(original: str, *, keep_spaces: bool) -> FoldedText:
    """Fold char by char so each output char maps back to exactly one original char."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(original):
        if char in _INVISIBLE or (not keep_spaces and char.isspace()):
            continue
        for folded in unicodedata.normalize("NFKC", char).casefold():
            if not keep_spaces and folded.isspace():
                continue
            chars.append(folded)
            offsets.append(index)
    return FoldedText(original, "".join(chars), tuple(offsets))


def compact(original: str) -> FoldedText:
    """Folded, without whitespace: the form the YAML term lists are written in."""
    return fold(original, keep_spaces=False)


@dataclass(frozen=True)
class Match:
    term: str
    start: int  # in the original text
    end: int


def find_terms(folded: FoldedText, terms: Iterable[str]) -> Iterator[Match]:
    """Every occurrence of every term (terms are already in folded form)."""
    for term in terms:
        if not term:
            continue
        position = folded.text.find(term)
        while position != -1:
            start, end = folded.span(position, position + len(term))
            yield Match(term, start, end)
            position = folded.text.find(term, position + len(term))


def find_patterns(folded: FoldedText, patterns: Iterable[re.Pattern[str]]) -> Iterator[Match]:
    for pattern in patterns:
        for found in pattern.finditer(folded.text):
            if found.end() > found.start():
                start, end = folded.span(found.start(), found.end())
                yield Match(found.group(0), start, end)


def snippet(text: str, start: int, end: int, radius: int = SNIPPET_RADIUS) -> str:
    return text[max(0, start - radius) : end + radius].replace("\n", " ").strip()


def evidence(rule: str, match: Match, text: str, field: str) -> Evidence:
    return Evidence(
        rule=rule,
        term=match.term,
        snippet=snippet(text, match.start, match.end),
        start=match.start,
        end=match.end,
        field=field,
    )
