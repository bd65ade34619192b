"""Bounds on page analysis: a CPU-time budget, an attribute cap applied before parsing, and a
structure-free text pass for pages the parser cannot take whole.

Every pass here is linear in the page: tags and raw-text elements are found with str.find and
possessive patterns, so no input makes a pattern rescan what it has already read.
"""

from __future__ import annotations

import html as html_entities
import re
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


class AnalysisLimit(Exception):
    """Analysis hit one of its bounds; the message says which. What was extracted so far stands."""


class Budget:
    """CPU time (of this thread) left for one page's analysis."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.thread_time() + seconds

    def check(self, step: str) -> None:
        if time.thread_time() >= self._end:
            raise AnalysisLimit(f"CPU budget of {self.seconds:g}s spent (in {step})")

    def every(self, items: Iterable[T], step: str, stride: int = 64) -> Iterator[T]:
        """``items``, checking the budget every ``stride`` of them (a clock read costs ~2 µs)."""
        for count, item in enumerate(items):
            if count % stride == 0:
                self.check(step)
            yield item


# --- attributes -------------------------------------------------------------------------------
# A start tag as an HTML tokenizer reads it: name, then attributes (name, optionally = and a
# quoted or bare value) up to ">". libxml2 compares each attribute with every earlier one of its
# element, so attribute count squared is its cost: 40,000 attributes took 1.4 s.
_ATTRIBUTE = r"""[\s/]*+[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]++))?"""
_START_TAG = re.compile(rf"<[A-Za-z][^\s/>]*+(?:{_ATTRIBUTE})*+")
_ONE_ATTRIBUTE = re.compile(_ATTRIBUTE)
_TAG_NAME = re.compile(r"<[A-Za-z][^\s/>]*+")
# An attribute takes at least two characters (a name and what ends it), so a shorter tag is under the cap.
_MIN_ATTRIBUTE_CHARS = 2


def cap_attributes(html: str, max_attributes: int) -> tuple[str, int]:
    """``html`` with every start tag cut to its first ``max_attributes`` attributes, and how many
    tags were cut. Unchanged (the same object) when no tag has more."""
    parts: list[str] = []
    position = 0
    cut = 0
    for tag in _START_TAG.finditer(html):
        if tag.end() - tag.start() <= max_attributes * _MIN_ATTRIBUTE_CHARS:
            continue
        keep = _nth_attribute_end(html, tag, max_attributes)
        if keep is None:
            continue
        parts.append(html[position:keep])
        position = tag.end()
        cut += 1
    if not cut:
        return html, 0
    parts.append(html[position:])
    return "".join(parts), cut


def _nth_attribute_end(html: str, tag: re.Match[str], count: int) -> int | None:
    """Where the ``count``-th attribute of ``tag`` ends, or None when it has no more than that."""
    name = _TAG_NAME.match(html, tag.start())
    position = name.end() if name else tag.start() + 1
    for _ in range(count):
        attribute = _ONE_ATTRIBUTE.match(html, position, tag.end())
        if attribute is None:
            return None
        position = attribute.end()
    return position if _ONE_ATTRIBUTE.match(html, position, tag.end()) else None


# --- text without structure -------------------------------------------------------------------

_RAW_TEXT_OPEN = re.compile(r"<(script|style|template)\b", re.I)
_RAW_TEXT_CLOSE = {name: re.compile(rf"</{name}\b", re.I) for name in ("script", "style", "template")}
# Inline elements do not separate words (as in the tree pass); every other tag ends a line.
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|big|cite|code|data|del|dfn|em|font|i|ins|kbd|label|mark|q|s|samp|small|span"
    r"|strong|sub|sup|time|u|var)\b[^<>]*+>?",
    re.I,
)
_ANY_TAG = re.compile(r"<[A-Za-z/!?][^<>]*+>?")


def plain_text(html: str) -> str:
    """All the text of ``html`` without a tree: comments, scripts, styles and templates dropped,
    tags removed, entities decoded. Hidden and visible text are not told apart."""
    text = _ANY_TAG.sub("\n", _INLINE_TAG.sub("", _without_raw_text(html)))
    return html_entities.unescape(text)


def _without_raw_text(html: str) -> str:
    """``html`` without comments and script/style/template content. An unclosed one runs to the
    end, as in a browser. Each search starts where the last ended, so the pass is linear."""
    parts: list[str] = []
    position, size = 0, len(html)
    comment = html.find("<!--")
    raw = _RAW_TEXT_OPEN.search(html)
    while position < size:
        if 0 <= comment < position:
            comment = html.find("<!--", position)
        if raw is not None and raw.start() < position:
            raw = _RAW_TEXT_OPEN.search(html, position)
        if comment < 0 and raw is None:
            break
        if raw is None or 0 <= comment < raw.start():
            parts.append(html[position:comment])
            end = html.find("-->", comment + 4)
            position = size if end < 0 else end + 3
        else:
            parts.append(html[position : raw.start()])
            close = _RAW_TEXT_CLOSE[raw.group(1).lower()].search(html, raw.end())
            end = -1 if close is None else html.find(">", close.end())
            position = size if end < 0 else end + 1
        parts.append("\n")
    parts.append(html[position:])
    return "".join(parts)
