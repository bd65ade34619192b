"""Small text matching for the mini-program checks, with offsets back into the original text.

The detection engine has the full evasion-aware normalizer; these checks only need to see through
full-width forms, case, and spaces or zero-width characters wedged into a phrase ("复 制 到 浏 览 器").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from linkscan.models import Evidence

_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
SNIPPET_RADIUS = 24


# Runs of characters that need no NFKC: ASCII, CJK punctuation, CJK unified ideographs and full-width
# punctuation (kept as is: no term or pattern depends on it; patterns accept both colons). Such a run
# is case-folded in one call, one char per char, and maps back through one linear segment, so a 4 MB
# metadata document costs a few passes in C instead of a Python loop per character. Everything else
# (full-width letters and digits, compatibility forms, look-alikes...) is folded char by char with NFKC.
SAFE_CHARS = "!-~\u3001-\u3035\u303b-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff5e"
_SAFE_COMPACT = re.compile(f"[{SAFE_CHARS}]+")
_SAFE_SPACED = re.compile(f"[ {SAFE_CHARS}]+")


@dataclass(frozen=True)
class FoldedText:
    """``original`` folded (NFKC, case-folded), with a map from folded positions back to the original.

    The map is piecewise: folded segment k starts at ``starts[k]`` and maps to ``origins[k]``, advancing
    one original char per folded char (``steps[k] == 1``) or staying on one original char that folded
    into several (``steps[k] == 0``).
    """

    original: str
    text: str
    starts: list[int]
    origins: list[int]
    steps: list[int]

    def origin(self, index: int) -> int:
        k = bisect_right(self.starts, index) - 1
        return self.origins[k] + (index - self.starts[k]) * self.steps[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded slice [start, end)."""
        return self.origin(start), self.origin(end - 1) + 1


def fold(original: str, *, keep_spaces: bool) -> FoldedText:
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    steps: list[int] = []
    length = 0

    def add(folded: str, origin: int, step: int) -> None:
        nonlocal length
        if folded:
            pieces.append(folded)
            starts.append(length)
            origins.append(origin)
            steps.append(step)
            length += len(folded)

    position = 0
    for run in (_SAFE_SPACED if keep_spaces else _SAFE_COMPACT).finditer(original):
        for index in range(position, run.start()):
            add(_fold_char(original[index], keep_spaces), index, 0)
        add(run.group().casefold(), run.start(), 1)
        position = run.end()
    for index in range(position, len(original)):
        add(_fold_char(original[index], keep_spaces), index, 0)
    return FoldedText(original, "".join(pieces), starts, origins, steps)


def _fold_char(char: str, keep_spaces: bool) -> str:
    if char in _INVISIBLE or (not keep_spaces and char.isspace()):
        return ""
    folded = unicodedata.normalize("NFKC", char).casefold()
    return folded if keep_spaces else "".join(c for c in folded if not c.isspace())


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
