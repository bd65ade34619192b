"""The detector: match every field once, then score each (sub)category from what matched.

A subcategory scores only when the page names the goods (``subject`` terms) AND offers them
(``offer`` terms of the category, shared offering ``cues`` such as prices, phone numbers and
off-platform contact handles, or structured ``signals`` from page analysis)::

    score = sat(subject evidence) * sat(offering evidence) * context dampening

where ``sat(x) = 1 - exp(-k x)``. News, warning and licensed-institution wording (``context``
rules) multiply the score by their factor, so a crackdown report or a bank's own loan page stays
low even though it names the same goods.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from itertools import accumulate
from pathlib import Path
from typing import Any, NamedTuple

from linkscan.detect.lenders import OWN_CONTACT_KINDS, Leads, LicensedLenders, channels, load_lenders
from linkscan.detect.misspell import Misspellings
from linkscan.detect.normalize import Normalized, is_mostly_ascii, normalize
from linkscan.detect.offer_model import OfferJudgement, OfferModel, explain, load_model, merged_windows, sample_text
from linkscan.detect.patterns import MAX_DISTINCT_PATTERN_TERMS, NeedsIndex, scan_together
from linkscan.detect.policy import Allowlist, Bands, load_allowlist, load_bands
from linkscan.detect.rules import (
    CompiledRules,
    KeyValue,
    Rule,
    builtin_pack_paths,
    compile_rules,
    load_pack_texts,
)
from linkscan.detect.segment import GLUED_REACH, LONG_RUN, Segmenter, in_address, spaced
from linkscan.models import CategoryScore, Decision, Evidence, OfferFeature, OfferReading
from linkscan.settings import DetectionSettings

SNIPPET_RADIUS = 30
MODEL_SPANS_PER_RULE = 8  # the earliest hits of each goods rule that the model's windows are centred on
MODEL_WINDOW_RADIUS = 200  # characters of text around each named good that the offer model reads
MAX_EVIDENCE_PER_RULE = 3


class TextField(NamedTuple):
    """A piece of text to scan and where it came from (title, text, form, pages[0].text...)."""

    name: str
    text: str


@dataclass
class Detection:
    decision: Decision
    score: float
    band: str
    categories: list[CategoryScore]
    rules_version: str
    reasons: list[str] = field(default_factory=list)
    offering_cues: list[str] = field(default_factory=list)
    offer: OfferJudgement | None = None  # the offer model's reading (None: no goods named)
    offer_model_version: str = ""

    def offer_reading(self) -> OfferReading | None:
        """The judgement as the verdict carries it."""
        if self.offer is None:
            return None
        return OfferReading(
            probability=round(self.offer.probability, 4),
            model_version=self.offer_model_version,
            features=[OfferFeature(feature=f, weight=w) for f, w in self.offer.top_features],
        )


@dataclass(frozen=True)
class Components:
    """What one subcategory's score is made of."""

    goods: float  # sat(goods evidence): how clearly the page names the goods
    cues: float  # sat(offering cues): prices, contacts, calls to action, shipping, page signals
    damp: float  # context factor (news, regulators, licensed institutions), at least the floor
    own_offer: bool = False  # a cue of the author's own way to buy (``own_offer`` rules): contact, price, order

    def score(self, model: OfferModel, judgement: OfferJudgement) -> float:
        """goods x offering x context. The offering combines the cues with the offer model's reading
        of the text (a pitch adds to the cues, a discussion vetoes, ``OfferModel.offering``); context
        dampens only as far as the text reads as discussion (``damp ** max(0, 1 - p / gate)``), so a
        pasted regulator or licence phrase cannot turn a page the model reads as a pitch into an
        allow, while news that the model reads as news is dampened fully."""
        p_offer = model.offering(judgement, self.cues, self.own_offer)
        return self.goods * p_offer * self.damp ** model.context_exponent(judgement)


# One hit: (start, end, term, where) with start/end in the joined normalized text (where = NORM)
# or the joined folded text (where = FOLDED). Mapped to original offsets only for evidence.
_Hit = tuple[int, int, str, int]
NORM = 0
FOLDED = 1
_FIELD_JOIN = "\x01"  # joins normalized fields: never inside them, not a word character
_LATIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_GOODS_KINDS = ("subject", "offer")
_CLAUSE_BREAK = re.compile("[，。！？；：、,!?;]")  # not "." or a line break: U.S., wrapped lines


@dataclass
class _Page:
    """The fields of one detect call, normalized, with the joins that are scanned once."""

    fields: Sequence[TextField]
    norms: list[Normalized]
    joined: str  # normalized fields joined by _FIELD_JOIN
    joined_folded: str  # folded fields joined by "\n"
    norm_starts: list[int]
    folded_starts: list[int]
    may_spell_out: bool = False  # whether looking for words spelled out letter by letter can find any
    may_hold_symbols: bool = False  # whether symbols (emoji) may be strewn between the words
    # ``joined`` with the digits of its leetspeak words read as letters (same length), set by the
    # match when it holds any: the offer model reads that ("0rder n0w" is "order now" to it too)
    leet_read: str = ""
    # the Latin words of ``leet_read or joined`` that are words run together, with their pieces
    # ("buyxanaxbarsonline": buy xanax bars online), set by the match: the offer model reads them split
    glued: list[tuple[int, int, list[str]]] = field(default_factory=list)
    # (start, end) of the goods names the automaton found inside a Latin word of LONG_RUN characters of
    # ``joined`` or its leetspeak reading, set by the scan: where words may be run together
    named_in_runs: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, fields: Sequence[TextField] | str) -> _Page:
        """The page of ``fields`` (a plain string is one "text" field)."""
        if isinstance(fields, str):
            fields = [TextField("text", fields)]
        norms = [normalize(f.text) for f in fields]
        norm_starts = list(accumulate((len(n.text) + 1 for n in norms[:-1]), initial=0))
        folded_starts = list(accumulate((len(n.folded) + 1 for n in norms[:-1]), initial=0))
        return cls(
            fields=fields,
            norms=norms,
            joined=_FIELD_JOIN.join(n.text for n in norms),
            joined_folded="\n".join(n.folded for n in norms),
            norm_starts=norm_starts,
            folded_starts=folded_starts,
            # normalization drops a quarter of a field's characters or more: the page may spell words
            # out letter by letter (or split them with zero-width characters); ordinary text loses
            # its punctuation and extra spaces, well under a quarter
            may_spell_out=any(4 * len(n.text) < 3 * len(n.folded) for n in norms),
            # a sixth dropped from a page whose kept characters are all ASCII but not the rest (O(1) tests
            # of a str): emoji may stand between its words ("cash 🔥 out"; the emoji and one space of each
            # gap are dropped). Chinese pages drop as much in punctuation; emoji between CJK characters drop
            # far more, a quarter (may_spell_out)
            may_hold_symbols=any(
                6 * len(n.text) < 5 * len(n.folded) and n.text.isascii() and not n.folded.isascii() for n in norms
            ),
        )

    def squeezed(
        self, folded: str, split: Callable[[str], list[str] | None] | None = None
    ) -> tuple[str, list[int]] | None:
        """The stretches of ``folded`` (the joined folded text, or a same-length reading of it) around
        zero-width characters, around every word spelled out letter by letter on a page that
        normalization shrinks by a quarter or more (``may_spell_out``) and around every run of symbols
        (emoji) on a page that may hold them (``may_hold_symbols``), without those characters and
        separators, joined by line breaks; and the position in ``folded`` of each character kept. None
        when there is nothing to drop. Normalization drops them for the terms; the structured patterns
        need the punctuation it drops too, so they read the folded text, where "c-a-s-h out y-o-u-r
        c-r-e-d-i-t l-i-m-i-t", "cash 🔥 out" or "28 gram" with a zero-width character between the
        letters (folded to a space) does not match. ``split`` (the segmenter) reads letters spaced out
        one by one that run several words together ("y o u r c a r d b i l l") as those words, a
        space between each."""
        gaps: list[tuple[int, int]] = []
        for index, text_field in enumerate(self.fields):
            text = text_field.text
            if not text.isascii() and any(char in text for char in _ZERO_WIDTH_SPACES):
                base = self.folded_starts[index]
                gaps += [(base + m.start(), base + m.end()) for m in _INVISIBLE_RUN.finditer(text)]
        if self.may_spell_out:
            # zero-width characters fold to spaces: there the gaps between spaced letters are theirs
            wide_gaps = not gaps
            for run in _SPELLED_WORD.finditer(folded):
                gaps += _spelled_gaps(folded, run, split if wide_gaps else None, wide_gaps)
        if self.may_spell_out or self.may_hold_symbols:
            gaps += _symbol_gaps(folded)
        if not gaps:
            return None
        gaps.sort()
        parts: list[str] = []
        positions: list[int] = []
        for low, high in merged_windows(gaps, _SQUEEZE_REACH, len(folded)):
            at = low
            for start, end in gaps[bisect_left(gaps, (low, 0)) : bisect_left(gaps, (high, 0))]:
                if start > at:
                    parts.append(folded[at:start])
                    positions.extend(range(at, start))
                at = max(at, end)
            if high > at:
                parts.append(folded[at:high])
                positions.extend(range(at, high))
            parts.append("\n")  # stretches never run into each other
            positions.append(high - 1)
        return "".join(parts), positions

    def holds_zero_width(self) -> bool:
        """Whether a field holds zero-width spaces (which normalization drops without a trace)."""
        return any(not f.text.isascii() and any(char in f.text for char in _ZERO_WIDTH_SPACES) for f in self.fields)

    def spelled_out(self, text: str, start: int, end: int) -> bool:
        """Whether the Latin word of ``text`` (the joined normalized text or a same-length reading)
        around [start, end) is written letter by letter on the page: a separator after every letter."""
        left, right = _latin_word_around(text, start, end)
        _index, original_start, original_end = self.locate((left, right, "", NORM))
        return original_end - original_start >= 2 * (right - left) - 1

    def norm_span(self, start: int, end: int) -> tuple[int, int]:
        """Where the folded span [start, end) of the joined folded text is in the joined normalized
        text (its characters that normalization keeps)."""
        index = bisect_right(self.folded_starts, start) - 1
        base = self.folded_starts[index]
        offsets = self.norms[index].offsets
        norm_base = self.norm_starts[index]
        return norm_base + bisect_left(offsets, start - base), norm_base + bisect_left(offsets, end - base)

    def folded_span(self, start: int, end: int) -> tuple[int, int]:
        """Where the normalized span [start, end) is in the joined folded text."""
        index, o_start, o_end = self.locate((start, end, "", NORM))
        return self.folded_starts[index] + o_start, self.folded_starts[index] + o_end

    def locate(self, hit: _Hit) -> tuple[int, int, int]:
        """(field index, original start, original end) of a hit."""
        start, end, _term, where = hit
        if where == FOLDED:
            index = bisect_right(self.folded_starts, start) - 1
            offset = self.folded_starts[index]
            return index, start - offset, end - offset
        index = bisect_right(self.norm_starts, start) - 1
        offset = self.norm_starts[index]
        o_start, o_end = self.norms[index].span(start - offset, end - offset)
        return index, o_start, o_end


# quotation marks: (opening, closing); a quotation spans at most QUOTE_REACH characters on one line
_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ("«", "»"), ('"', '"'), ("'", "'"))
QUOTE_REACH = 80
QUOTED_HITS_READ = 8  # goods hits of a subcategory looked at


def _in_quotes(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside a quotation. An ASCII quote opens after a non-word
    character and closes before one, so apostrophes (don't, it's) open and close none."""
    for opening, closing in _QUOTE_PAIRS:
        at = text.rfind(opening, max(0, start - QUOTE_REACH), start)
        if at < 0:
            continue
        close = text.find(closing, end, at + QUOTE_REACH + 2)
        if close < 0 or "\n" in text[at:close]:
            continue
        if opening != closing or (
            (at == 0 or not text[at - 1].isalnum())
            and (close + 1 == len(text) or not text[close + 1].isalnum())
            and opening not in text[at + 1 : start]
        ):
            return True
    return False


class _QuotedGoods:
    """Whether a page names goods mostly inside quotations and gives no contact of its own: it quotes a
    seller's words (a brand's warning, a spotting guide, a debunk) rather than offering them."""

    def __init__(self, page: _Page) -> None:
        self.page = page
        self._no_contact: bool | None = None

    def mostly_quoted(self, hits: Sequence[_Hit]) -> bool:
        if not hits:
            return False
        # the words that name the trade outside the quotes ("counterfeit", "loan") may stand beside
        # them, as in any warning; most of the goods named must be in the quotes
        inside = outside = 0
        hits = _earliest(hits, QUOTED_HITS_READ)  # a warning quotes its ad early
        for hit in hits:
            index, start, end = self.page.locate(hit)
            if _in_quotes(self.page.fields[index].text, start, end):
                inside += 1
            else:
                outside += 1
                if 2 * outside > len(hits):
                    return False
        return inside > 0 and self.no_contact()

    def no_contact(self) -> bool:
        """Whether the page gives no phone number, handle or domain (read once, up to the first one)."""
        if self._no_contact is None:
            found = channels(self.page.joined_folded, self.page.joined)
            self._no_contact = not any(channel.kind in OWN_CONTACT_KINDS for channel in found)
        return self._no_contact


def _whole_word_places(text: str, word: str) -> Iterator[re.Match[str]]:
    """Where ``word`` stands in ``text`` as a whole word (no letter or digit either side), read literally:
    a page's word is data, never a pattern."""
    return re.finditer(f"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", text)


def _earliest(hits: Sequence[_Hit], count: int) -> list[_Hit]:
    """The ``count`` earliest hits, as ``heapq.nsmallest`` gives them: hits come mostly in page order,
    and a C sort of a list in order is one comparison per hit, where nsmallest runs a Python loop."""
    return sorted(hits)[:count]


def _gate_open(gate: str, named: set[str] | None) -> bool:
    """Whether a gated pattern runs, given the categories whose goods the page names."""
    if not named:
        return False
    return gate == "*" or gate in named


MAX_MATCHED_CHARS = 60


def _as_written(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())[:MAX_MATCHED_CHARS]


def _snippet(text: str, start: int, end: int) -> str:
    left = max(0, start - SNIPPET_RADIUS)
    right = min(len(text), end + SNIPPET_RADIUS)
    return " ".join(text[left:right].split())


# Leetspeak swaps a letter INSIDE a word (r3plica, c0caine, v1agra, x4nax) or the first one
# ("0xycodone"): a leet digit with letters on both sides, or a leading one before three letters.
# Units and codes ("5g", "3d", "q3", "2024", "mp3") are left alone. The pattern is led by the leet
# digit class (rarer than letters, so the regex engine skips between them); each match is then widened
# to its word.
_LEET_INSIDE = re.compile("[013457](?:(?<=[a-z][013457])[013457]*(?=[a-z])|(?<![a-z0-9][013457])(?=[a-z]{3}))")
# The same on a copy of a mostly-ASCII page with the leet digits made "0" and the others "2": led by
# a literal, which the regex engine skips to in a tight loop instead of testing a class everywhere
_LEET_AS_ZERO = bytes.maketrans(b"0123456789", b"0020002022")
_LEET_INSIDE_ZEROED = re.compile("0(?:(?<=[a-z]0)0*(?=[a-z])|(?<![a-z0-9]0)(?=[a-z]{3}))")
_LEET_INSIDE_ZEROED_BYTES = re.compile(_LEET_INSIDE_ZEROED.pattern.encode())
_LATIN_RUN = re.compile("[a-z0-9]*")
_ZERO_WIDTH_SPACES = "\u200b\u200c\u200d"  # what evaders insert; a page holding one is read again
_INVISIBLE_RUN = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")  # and the word joiner, BOM, soft hyphen
_SQUEEZE_REACH = 60  # characters around a dropped character that the patterns read again
# A word spelled out: three or more single letters or digits with the same separator between each
_SPELLED_WORD = re.compile(r"(?<![a-z0-9])[a-z0-9]([-.* ])[a-z0-9](?:\1[a-z0-9])+(?![a-z0-9])")
# Symbols sellers put between or inside words (emoji, dingbats, arrows, stars), with the variation
# selector and joiner that build emoji: neither letters nor the punctuation the patterns read
_SYMBOL_RUN = re.compile("[\u2190-\u2660\u2662-\u2bff\ufe0f\u200d\U0001f000-\U0001faff]+")
_SPLIT_MIN = 6  # letters: a shorter word spelled out is one word


def _spelled_gaps(
    folded: str, run: re.Match[str], split: Callable[[str], list[str] | None] | None, wide_gaps: bool = True
) -> list[tuple[int, int]]:
    """The separators of a word spelled out letter by letter (one after each letter but the last),
    less those between the words it runs together when they are spaced out and ``split`` finds words,
    and (``wide_gaps``) the spaces after it but one."""
    start, end = run.span()
    cuts: set[int] = set()
    if split is not None and run.group(1) == " " and end - start >= 2 * _SPLIT_MIN - 1:
        pieces = split(folded[start:end:2])
        if pieces is not None:
            cuts = set(accumulate(len(piece) for piece in pieces[:-1]))
    gaps = [(at, at + 1) for n, at in enumerate(range(start + 1, end, 2), 1) if n not in cuts]
    gap_end = end
    while wide_gaps and folded[gap_end : gap_end + 1] == " ":
        gap_end += 1
    if gap_end - end > 1:  # the wider gap that parts words spaced out letter by letter reads as one space
        gaps.append((end + 1, gap_end))
    return gaps


def _symbol_gaps(folded: str) -> list[tuple[int, int]]:
    """The runs of symbols in ``folded``, with one space of two around a run ("cash 🔥 out": "cash out")."""
    if folded.isascii():
        return []
    gaps = []
    for match in _SYMBOL_RUN.finditer(folded):
        start, end = match.span()
        if start and folded[start - 1] == " " and folded[end : end + 1] == " ":
            end += 1
        gaps.append((start, end))
    return gaps


_LEET_DIGITS = str.maketrans("013457", "oieast")
_LEET_CONTEXT = 48  # characters either side of a leet word that are scanned again (a phrase's span)


def _latin_word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the Latin word (letters and digits) that holds text[start:end]."""
    while start > 0 and text[start - 1] in _LATIN_CHARS:
        start -= 1
    rest = _LATIN_RUN.match(text, end)
    return start, rest.end() if rest else end


def _leet_words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each Latin word that holds leetspeak, in order."""
    words: list[tuple[int, int]] = []
    if text.isascii():  # the zeroed bytes themselves: their offsets are the text's
        spans: Iterable[tuple[int, int]] = (
            m.span() for m in _LEET_INSIDE_ZEROED_BYTES.finditer(text.encode().translate(_LEET_AS_ZERO))
        )
    else:
        spans = _leet_spans_of_wide_text(text)
    for start, end in spans:
        if not words or start >= words[-1][1]:
            words.append(_latin_word_around(text, start, end))
    return words


def _leet_spans_of_wide_text(text: str) -> Iterable[tuple[int, int]]:
    """The spans of _LEET_INSIDE's matches in a text that is not all ASCII, found in its zeroed UTF-8
    bytes: the regex reads only ASCII letters and digits, and no byte of a wider character is one, so
    it matches there where it matches in the text. The byte offsets are mapped to characters by
    decoding the bytes between one match and the next (matches are rare: leetspeak, not "5g"); that
    costs less than the character-class scan of a page of wide characters (~45 instructions a
    character, 17 M per MB of Chinese pages)."""
    try:
        encoded = text.encode()
    except UnicodeEncodeError:  # a lone surrogate, which has no UTF-8 form
        return [m.span() for m in _LEET_INSIDE.finditer(text)]
    spans = []
    byte_at = char_at = 0
    for match in _LEET_INSIDE_ZEROED_BYTES.finditer(encoded.translate(_LEET_AS_ZERO)):
        start, end = match.span()
        char_at += len(encoded[byte_at:start].decode())
        byte_at = start
        spans.append((char_at, char_at + end - start))  # the match itself is ASCII
    return spans


def _read_leet(text: str, words: Sequence[tuple[int, int]]) -> str:
    """``text`` with the leet digits of ``words`` read as letters (same length)."""
    parts: list[str] = []
    last = 0
    for start, end in words:
        parts.append(text[last:start])
        parts.append(text[start:end].translate(_LEET_DIGITS))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _outside(hits: list[_Hit], spans: list[tuple[int, int]]) -> list[_Hit]:
    """The hits that no span (an exclusion phrase's match) contains: by the spans sorted by start,
    with the furthest end reached so far, so a page with many hits and phrases stays linear."""
    spans = sorted(spans)
    starts = [start for start, _end in spans]
    reach = list(accumulate((end for _start, end in spans), max))
    kept = []
    for hit in hits:
        index = bisect_right(starts, hit[0]) - 1
        if index < 0 or reach[index] < hit[1]:
            kept.append(hit)
    return kept


def _count_once(by_rule: dict[int, list[_Hit]]) -> None:
    """Each rule's hits with those found twice (by two readings of the same text) counted once, in order."""
    for rule_index, found in by_rule.items():
        by_rule[rule_index] = list(dict.fromkeys(found))


def _spans(words: Iterable[tuple[int, int, list[str]]]) -> list[tuple[int, int]]:
    return [(start, end) for start, end, _pieces in words]


def _stretches(spans: Sequence[tuple[int, int]], length: int, reach: int) -> list[tuple[int, int]] | None:
    """The stretches within ``reach`` of ``spans`` to read again; None (the whole text, one pass) when
    they cover most of it."""
    stretches = list(merged_windows(spans, reach, length))
    return None if sum(high - low for low, high in stretches) * 3 > length else stretches


NAMED_INSIDE_LENGTH = 4


# characters per space of the normalized text above which a mostly Latin page runs its words together
# (ordinary English has a space every six characters or so; a page glued throughout has few but
# those after its punctuation); one space more is granted, as a short title has few words
RUN_TOGETHER_WIDTH = 10
RUN_TOGETHER_SLACK = 1


_RUN_TOGETHER_SAMPLED = 2048  # characters: a longer text's spaces are counted on a sample
_RUN_TOGETHER_STRIDE = 16


def _runs_together(text: str) -> bool:
    """Whether ``text`` (normalized) is mostly Latin with its words run together throughout: few spaces
    for its length. Two fast counts, on a sample of a long page, so an ordinary page pays next to nothing."""
    sample = text if len(text) < _RUN_TOGETHER_SAMPLED else text[::_RUN_TOGETHER_STRIDE]
    return len(sample) > (sample.count(" ") + RUN_TOGETHER_SLACK) * RUN_TOGETHER_WIDTH and is_mostly_ascii(text)


def _in_long_run(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies in a Latin word (letters and digits) of at least LONG_RUN characters."""
    right = _LATIN_RUN.match(text, end)
    missing = LONG_RUN - ((right.end() if right else end) - start)
    if missing <= 0:
        return True
    left = text[start - missing : start] if start >= missing else ""
    return len(left) == missing and left.isascii() and left.isalnum() and left == left.lower()


_NUMBER_WITH_UNIT = re.compile(r"[0-9]+(?:mg|mcg|ug|g|kg|ml|oz|lb|pcs)?")


@dataclass(frozen=True)
class RunTogether:
    """Which automaton keys may be found inside a longer Latin word, and the glue around them."""

    keys: frozenset[int]  # single Latin words of at least ``min_term_length`` characters
    words: frozenset[str]
    run_together_length: int  # a Latin word this long is run-together text: any term inside counts

    @classmethod
    def for_rules(cls, compiled: CompiledRules) -> RunTogether:
        data = _run_together_data()
        min_length = int(data["min_term_length"])
        keys = frozenset(  # values_by_key is in the automaton's key order
            index
            for index, (key, value) in enumerate(compiled.values_by_key.items())
            if len(key) >= min_length and key.isalpha() and key.isascii() and value[0] and value[1]
        )
        words = data["words"]
        if not all(isinstance(word, str) for word in words):  # YAML reads a bare no / on as a boolean
            raise ValueError("run_together.yaml: every word must be a string (quote no, on, yes, off)")
        return cls(
            keys=keys,
            words=frozenset(words),
            run_together_length=int(data["run_together_length"]),
        )

    def glued(self, text: str, start: int, end: int, terms: Mapping[str, KeyValue]) -> bool:
        """Whether the Latin word around text[start:end] is the term plus glue on each side."""
        left, right = _latin_word_around(text, start, end)
        if right - left >= self.run_together_length:
            return True
        return self._is_glue(text[left:start], terms) and self._is_glue(text[end:right], terms)

    def _is_glue(self, part: str, terms: Mapping[str, KeyValue], pieces: int = 3) -> bool:
        if not part or part in self.words or part in terms or _NUMBER_WITH_UNIT.fullmatch(part):
            return True
        if pieces <= 1:
            return False
        return any(
            self._is_glue(part[:cut], terms, 1) and self._is_glue(part[cut:], terms, pieces - 1)
            for cut in range(2, len(part) - 1)
        )


@lru_cache(maxsize=1)
def _run_together_data() -> dict[str, Any]:
    import yaml

    path = Path(str(resources.files("linkscan") / "detect" / "run_together.yaml"))
    return dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def _sat(value: float, k: float) -> float:
    return 1.0 - math.exp(-k * value)


class Detector:
    """Compiled rules plus bands and allowlist. Build with ``Detector.load`` (cached per settings)."""

    def __init__(
        self,
        compiled: CompiledRules,
        bands: Bands,
        allowlist: Allowlist,
        offer_model: OfferModel,
        lenders: LicensedLenders | None = None,
    ) -> None:
        self.compiled = compiled
        self.bands = bands
        self.allowlist = allowlist
        self.offer_model = offer_model
        self.lenders = lenders or load_lenders()
        goods_rules: dict[tuple[str, str], list[int]] = defaultdict(list)
        for index, rule in enumerate(compiled.rules):
            if rule.kind in _GOODS_KINDS:
                goods_rules[(rule.category, rule.subcategory)].append(index)
        self._goods_rules = dict(goods_rules)  # (category, subcategory) -> its goods rules' indices
        self._never_rescued = frozenset(
            index for index, rule in enumerate(compiled.rules) if rule.id in self.lenders.never_rescued_rules
        )
        self.run_together = RunTogether.for_rules(compiled)
        self._needs = NeedsIndex(compiled.patterns)
        # the Latin goods names (subject and offer terms) that a word misspelt by one letter stands
        # for; brands and other support words are left out (they only strengthen goods named)
        rules = compiled.rules
        goods = [
            key
            for key, (_left, _right, hits) in compiled.values_by_key.items()
            if any(not excluded and rules[index].kind in _GOODS_KINDS for index, _term, excluded in hits)
        ]
        self._goods_terms = goods
        goods_names = {key for key in goods if len(key) >= NAMED_INSIDE_LENGTH and key.isalpha()}
        # the single-word goods names that a long run of letters must hold to be split (shorter ones
        # are inside ordinary words by chance: "meth" in "method", "gun")
        self._goods_keys = frozenset(index for index, key in enumerate(compiled.values_by_key) if key in goods_names)
        self._long_goods_keys = frozenset(
            index for index, key in enumerate(compiled.values_by_key) if key in goods_names and len(key) >= LONG_RUN
        )

    @cached_property
    def segmenter(self) -> Segmenter:
        """Splits words run together into the English word list's words and the packs' own Latin words
        (their terms' words and the run-together glue). Built on first use, not at load: it costs a
        cold start more than the rules themselves, and most pages never need it."""
        words = {word for key in self.compiled.values_by_key if key.isascii() for word in key.split()}
        glue = self.run_together.words
        return Segmenter(words | glue, {*self._goods_terms, *glue})

    @cached_property
    def misspellings(self) -> Misspellings:
        """The goods terms a word misspelt by one letter stands for (built on first use, as the segmenter)."""
        return Misspellings(self._goods_terms, self.segmenter.known)

    @property
    def rules_version(self) -> str:
        """The rule packs' digest and the offer model's version: a verdict names both."""
        return f"{self.compiled.version}+m{self.offer_model.version}"

    @classmethod
    def load(cls, settings: DetectionSettings | None = None) -> Detector:
        return _load_cached(settings or DetectionSettings())

    @classmethod
    def from_texts(cls, texts: Sequence[tuple[str, str]], settings: DetectionSettings) -> Detector:
        """Build from pack texts directly (benchmarks and tests that vary the rules)."""
        return cls(
            compile_rules(texts),
            load_bands(settings),
            load_allowlist(settings.allowlist_path),
            load_model(settings.offer_model_path),
        )

    # -- matching ---------------------------------------------------------------------------------

    def _match(self, page: _Page) -> dict[int, list[_Hit]]:
        """Hits per rule index: one automaton pass over the page, then the structured patterns."""
        by_rule: dict[int, list[_Hit]] = defaultdict(list)
        excluded: dict[int, list[tuple[int, int]]] = defaultdict(list)
        self._scan(page, page.joined, by_rule, excluded)
        leet = _leet_words(page.joined)
        if leet:
            # leetspeak (c0caine, l0ans, 0rder n0w): the stretches around such words again, from a
            # copy of the page with their digits read as letters (same length, so hits keep their
            # offsets); hits found twice count once
            read = page.leet_read = _read_leet(page.joined, leet)
            self._scan(page, read, by_rule, excluded, _stretches(leet, len(read), _LEET_CONTEXT) or ())
            _count_once(by_rule)
        folded = page.joined_folded
        if leet:  # the patterns read leetspeak as letters too ("f4ct0ry: vsf"); digits elsewhere stay
            folded = _read_leet(folded, [page.folded_span(start, end) for start, end in leet])
        # words run together ("buyxanaxbarsonline"): read split around the long runs of letters that
        # hold goods names or glue, outside addresses; hits are mapped back through the positions,
        # found twice count once
        runs = (
            self.segmenter.long_runs(
                folded,
                page.joined_folded,
                self._names_goods_inside,
                around=[page.folded_span(start, end)[0] for start, end in page.named_in_runs],
            )
            if page.named_in_runs
            else []
        )
        words = page.leet_read or page.joined
        # a page written with its words run together throughout ("Wepayyourcardbillfirst: cashoutyourcreditlimit"),
        # whose goods a pattern may name, is read split from end to end; so is a page that spells words out
        # with visible separators, where letters spaced out one by one run words together ("y o u r c a r d
        # b i l l" normalizes to "yourcardbill"); zero-width characters leave the words as they were
        whole = (page.may_spell_out and not page.holds_zero_width()) or _runs_together(words)
        if runs or whole:
            stretches = (
                [(0, len(words))]
                if whole
                else list(merged_windows([page.norm_span(*run) for run in runs], GLUED_REACH, len(words)))
            )
            page.glued = [
                (start, end, pieces)
                for start, end, pieces in self.segmenter.glued_words(page.joined, page.leet_read, stretches)
                if not in_address(page.joined_folded, *page.folded_span(start, end))
            ]
        if page.glued:
            reading, positions = spaced(words, page.glued, _stretches(_spans(page.glued), len(words), _LEET_CONTEXT))
            self._scan(page, reading, by_rule, excluded, positions=positions)
            _count_once(by_rule)
        for rule_index, spans in excluded.items():
            hits = by_rule.get(rule_index)
            if hits:
                kept = _outside(hits, spans)
                if kept:
                    by_rule[rule_index] = kept
                else:
                    del by_rule[rule_index]
        self._pattern_hits(folded, by_rule)
        glued_folded = (
            [
                (start, end, pieces)
                for start, end, pieces in self.segmenter.glued_words(
                    page.joined_folded,
                    folded,
                    [(0, len(folded))] if whole else merged_windows(runs, GLUED_REACH, len(folded)),
                )
                if not in_address(page.joined_folded, start, end)
            ]
            if page.glued
            else []
        )
        if glued_folded:  # the patterns read the words split too ("freeshipping", "ordernow")
            around = _stretches(_spans(glued_folded), len(folded), _SQUEEZE_REACH)
            reading, positions = spaced(folded, glued_folded, around)
            self._pattern_hits(reading, by_rule, positions)
            _count_once(by_rule)
        rules = self.compiled.rules
        names_goods = any(rules[i].kind in _GOODS_KINDS for i in by_rule)
        if not names_goods and any(rules[i].kind == "cue" for i in by_rule) and self._misspelt_goods(page, by_rule):
            # an offer that names its goods only misspelt: the patterns gated on goods run now
            names_goods = True
            self._pattern_hits(folded, by_rule)
            _count_once(by_rule)
        # the patterns again around zero-width characters, and on pages that may spell words out letter
        # by letter (normalization drops a quarter of the page) around such words and emoji, without them
        # (the page's goods may be named only by a pattern); ordinary pages naming no goods skip this
        split = self.segmenter.word_pieces if page.may_spell_out else None
        squeezed = page.squeezed(folded, split) if names_goods or page.may_spell_out or page.may_hold_symbols else None
        if squeezed is not None:
            self._pattern_hits(squeezed[0], by_rule, squeezed[1])
            _count_once(by_rule)
            names_goods = names_goods or any(rules[i].kind in _GOODS_KINDS for i in by_rule)
        if names_goods:  # context changes no score without goods
            self._drop_context_across_clauses(page, by_rule)
        return by_rule

    def _names_goods_inside(self, run: str) -> bool:
        """Whether a run of letters holds a goods name anywhere (one automaton pass over it)."""
        goods = self._goods_keys
        return any(key in goods for key, _start, _end in self.compiled.find_matches(run))

    def _misspelt_goods(self, page: _Page, by_rule: dict[int, list[_Hit]]) -> bool:
        """Hits of the goods terms that words of the page misspell by one letter ("viagara"), under
        the term's rules, at the misspelt word; whether there were any. The page's distinct words
        less the known ones are found by set operations, so the words are not looked at one by one."""
        text = page.leet_read or page.joined
        rules = self.compiled.rules
        term_for = self.misspellings.term_for
        found = False
        for word in set(text.split()).difference(self.segmenter.known):
            term = term_for(word)
            if term is None:
                continue
            hits = [(i, t) for i, t, excluded in self.compiled.values_by_key[term][2] if not excluded]
            for place in _whole_word_places(text, word):
                for rule_index, matched in hits:
                    if rules[rule_index].kind in _GOODS_KINDS:
                        by_rule[rule_index].append((place.start(), place.end(), matched, NORM))
                        found = True
        return found

    def _pattern_hits(
        self, folded: str, by_rule: dict[int, list[_Hit]], positions: Sequence[int] | None = None
    ) -> None:
        """The structured patterns' hits in ``folded``, added to ``by_rule``; with ``positions``, the
        text is a squeezed reading of the page's folded text and hits are mapped back through them."""
        rules = self.compiled.rules
        named: set[str] | None = None  # categories whose goods are named, once the gated patterns start
        plans = self.compiled.patterns
        shared: dict[int, list[re.Match[str]]] = {}  # matches of the patterns found by a shared scan
        present: frozenset[str] | None = None  # the needs literals the text holds, once a plan asks
        for position, plan in enumerate(plans):
            if plan.gate:
                if named is None:
                    named = {rules[i].category for i in by_rule if rules[i].kind in _GOODS_KINDS}
                if not _gate_open(plan.gate, named):
                    continue
            if plan.needs:
                if present is None:
                    present = self._needs.present(folded)
                if present.isdisjoint(plan.needs):
                    continue
            if plan.group and position not in shared:
                live = [member for member in plan.group if _gate_open(plans[member].gate, named)]
                shared.update(scan_together(live, plans, folded))
            matches: Iterable[re.Match[str]] = shared[position] if plan.group else plan.finditer(folded)
            found = by_rule.get(plan.rule, [])
            distinct: set[str] = set()
            for m in matches:
                if m.end() > m.start():
                    term = m.group().strip()
                    start, end = (
                        (m.start(), m.end())
                        if positions is None
                        else (positions[m.start()], positions[m.end() - 1] + 1)
                    )
                    found.append((start, end, term, FOLDED))
                    distinct.add(term)
                    if len(distinct) >= MAX_DISTINCT_PATTERN_TERMS:
                        break
            if found:
                by_rule[plan.rule] = found

    def _drop_context_across_clauses(self, page: _Page, by_rule: dict[int, list[_Hit]]) -> None:
        """Context phrases count only within a clause. Normalization joins CJK characters across
        punctuation so that 贷。款 reads as 贷款; for a context phrase that join is a false reading
        (a broker's "抵押贷款，利率低" is no "贷款利率" disclosure). A context rule only needs one
        phrase that stands (it dampens, it is not evidence), so the check stops at the first."""
        rules = self.compiled.rules
        for rule_index in [i for i in by_rule if rules[i].kind == "context"]:
            for hit in by_rule[rule_index]:
                field_index, start, end = page.locate(hit)
                if _CLAUSE_BREAK.search(page.fields[field_index].text, start, end) is None:
                    break
            else:
                del by_rule[rule_index]

    def _scan(
        self,
        page: _Page,
        text: str,
        by_rule: dict[int, list[_Hit]],
        excluded: dict[int, list[tuple[int, int]]],
        stretches: Sequence[tuple[int, int]] = (),
        positions: Sequence[int] | None = None,
    ) -> None:
        """Automaton hits in the page's joined normalized text (or a same-length reading of it, or
        only its ``stretches``, sorted and apart, or a reading with the normalized position of each
        character in ``positions``, where hits are mapped back to); a long Latin term inside a longer
        word counts when the rest of the word is glue (``run_together.yaml``: "buycocaineonline") or
        the page spells the word out letter by letter ("c o c a i n e f l a k e s" normalizes to one
        word)."""
        latin = _LATIN_CHARS
        length = len(text)
        key_values = self.compiled.key_values
        glueable, glued, terms = self.run_together.keys, self.run_together.glued, self.compiled.values_by_key
        spelling = page.may_spell_out and positions is None
        # goods names inside a long run of letters, where the page may run words together: the runs
        # that the segmenter reads are found around them, not by a pass over the page
        recording, named, long_named = positions is None, self._goods_keys, self._long_goods_keys
        found = self._stretch_matches(text, stretches) if stretches else self.compiled.find_matches(text)
        for key_index, start, end in found:
            check_left, check_right, hits = key_values[key_index]
            if (check_left and start > 0 and text[start - 1] in latin) or (
                check_right and end < length and text[end] in latin
            ):
                if recording and key_index in named and _in_long_run(text, start, end):
                    page.named_in_runs.append((start, end))
                if not (
                    key_index in glueable
                    and (glued(text, start, end, terms) or (spelling and page.spelled_out(text, start, end)))
                ):
                    continue
            elif long_named and recording and key_index in long_named and _in_long_run(text, start, end):
                page.named_in_runs.append((start, end))
            at, to = (start, end) if positions is None else (positions[start], positions[end - 1] + 1)
            for rule_index, term, is_exclusion in hits:
                if is_exclusion:
                    excluded[rule_index].append((at, to))
                else:
                    by_rule[rule_index].append((at, to, term, NORM))

    def _stretch_matches(self, text: str, stretches: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
        """The automaton's matches inside each of ``stretches`` of ``text``, with the page's offsets:
        one pass over the stretches joined by _FIELD_JOIN, which no term holds, so no match runs from
        one into the next (one call, not one per stretch: a page of leetspeak has dozens)."""
        pieces = [text[low:high] for low, high in stretches]
        starts = list(accumulate((len(piece) + 1 for piece in pieces[:-1]), initial=0))
        shifts = [low - start for (low, _high), start in zip(stretches, starts, strict=True)]
        found = self.compiled.find_matches(_FIELD_JOIN.join(pieces))
        located = []
        for key_index, start, end in found:
            shift = shifts[bisect_right(starts, start) - 1]
            located.append((key_index, start + shift, end + shift))
        return located

    # -- scoring ----------------------------------------------------------------------------------

    def detect(
        self,
        fields: Sequence[TextField] | str,
        *,
        signals: Mapping[str, float] | None = None,
        domain: str | None = None,
    ) -> Detection:
        return self.match(fields, domain=domain).score(signals)

    def match(self, fields: Sequence[TextField] | str, *, domain: str | None = None) -> MatchedPage:
        """The page's matches, found once, to be scored under one set of signals or several."""
        page = _Page.of(fields)
        return MatchedPage(self, page, self._match(page), domain)

    def components(
        self, fields: Sequence[TextField] | str, *, signals: Mapping[str, float] | None = None
    ) -> tuple[dict[tuple[str, str], Components], OfferJudgement | None]:
        """What each subcategory's score is made of, and the offer model's judgement (the trainer
        fits the model's combination with the cues from these)."""
        page = _Page.of(fields)
        by_rule = self._match(page)
        parts, _cues, _context = self._components(page, by_rule, signals or {})
        return parts, self._judge(page, by_rule) if parts else None

    def _components(
        self, page: _Page, by_rule: dict[int, list[_Hit]], signals: Mapping[str, float]
    ) -> tuple[dict[tuple[str, str], Components], list[str], list[str]]:
        rules = self.compiled.rules
        scoring = self.compiled.scoring

        def contribution(rule: Rule, hits: list[_Hit]) -> float:
            distinct = len({h[2] for h in hits})
            bonus = min(1.0 + scoring.get("extra_term_bonus", 0.3) * (distinct - 1), scoring.get("term_cap", 1.6))
            return rule.weight * bonus

        shared_offer = 0.0
        own_offer = False
        cue_names: list[str] = []
        subject: dict[tuple[str, str], float] = defaultdict(float)
        support: dict[tuple[str, str], float] = defaultdict(float)
        support_offer: dict[tuple[str, str], float] = defaultdict(float)
        offer: dict[str, float] = defaultdict(float)
        dampening: dict[str, float] = defaultdict(lambda: 1.0)
        mentions: dict[tuple[str, str], int] = defaultdict(int)
        context_names: list[str] = []
        for index, hits in by_rule.items():
            rule = rules[index]
            value = contribution(rule, hits)
            if rule.kind == "cue":
                shared_offer += value
                own_offer = own_offer or rule.own_offer
                cue_names.append(rule.id)
            elif rule.kind == "context":
                context_names.append(rule.id)
                for target in rule.applies_to:
                    dampening[target] *= rule.weight
            elif rule.kind == "support":
                support[(rule.category, rule.subcategory)] += value
                if rule.counts_as_offer:
                    support_offer[(rule.category, rule.subcategory)] += value
            else:
                subject[(rule.category, rule.subcategory)] += value
                mentions[(rule.category, rule.subcategory)] += len(hits)
                if rule.kind == "offer":
                    offer[rule.category] += value * scoring.get("offer_term_as_cue", 0.8)

        signal_offer, signal_boost = self._signal_offer(signals, cue_names)
        shared_offer += signal_offer

        floor = scoring.get("context_floor", 0.1)
        subject_k = scoring.get("subject_k", 1.4)
        offer_k = scoring.get("offer_k", 1.4)
        parts: dict[tuple[str, str], Components] = {}
        for (category, subcategory), named in subject.items():
            # support terms (brand names, quantities...) only strengthen goods already named
            # a support rule with subcategory "*" strengthens every subcategory of its category
            keys = ((category, subcategory), (category, "*"))
            value = named + sum(support.get(key, 0.0) for key in keys)
            if mentions[(category, subcategory)] == 1 and len(page.joined) > scoring.get("long_page_chars", 2000):
                # a page offering goods names them again and again; one mention on a long page is
                # most often a passing remark (a loan release naming a cannabis borrower)
                value *= scoring.get("single_mention_factor", 0.6)
            offering = shared_offer + offer[category] + signal_boost.get(category, 0.0)
            offering += sum(support_offer.get(key, 0.0) for key in keys)
            damp = dampening["*"] * dampening[category] * dampening[f"{category}.{subcategory}"]
            parts[(category, subcategory)] = Components(
                goods=_sat(value, subject_k),
                cues=_sat(offering, offer_k),
                damp=max(floor, damp),
                own_offer=own_offer,
            )
        return parts, cue_names, context_names

    def _lower_where_it_decides(
        self,
        page: _Page,
        by_rule: Mapping[int, list[_Hit]],
        domain: str | None,
        scores: dict[tuple[str, str], float],
        judgement: OfferJudgement,
        context_names: list[str],
    ) -> None:
        """Two checks that read the page again, done only where they can change the decision (a score
        at or above the review threshold that they would take below the threshold it passes): a
        cash-loan pitch that leads only to a licensed lender (``policy/lenders.yaml``) scores
        ``factor`` times as much; goods named mostly in quotes on a page with no contact of its own
        (``_QuotedGoods``) are context (``quoted_goods_factor``, dampening as far as the model reads
        discussion)."""
        review, block = self.bands.review, self.bands.block
        loans = [key for key, score in scores.items() if key[0] == "cash_loan" and score >= review]
        if loans:
            leads = self._leads(page, by_rule, domain)
            if leads is not None and leads.to_licensed_lender:
                context_names.append("leads to licensed lender " + "/".join(leads.lenders))
                for key in loans:
                    scores[key] *= self.lenders.factor
            elif leads is not None:
                context_names.append("signed by bank branch " + leads.branch)
                for key in loans:
                    scores[key] *= self.lenders.branch_factor
        scoring = self.compiled.scoring
        if len(page.joined) > scoring.get("long_page_chars", 2000):
            return  # quotations are read on short texts only: on a long page they are a part among many
        factor = scoring.get("quoted_goods_factor", 1.0)
        # with no cue of its own way to buy (``own_offer``), quoted goods are dampened fully whatever
        # the model reads: a seller who quotes its goods and gives no way to reach it sells nothing
        own_way = any(self.compiled.rules[index].own_offer for index in by_rule)
        lowered = factor ** self.offer_model.context_exponent(judgement) if own_way else factor
        quoted = _QuotedGoods(page)
        for key, score in scores.items():
            passes = block if score >= block else review
            if score < review or score * lowered >= passes:
                continue
            hits = [hit for index in self._goods_rules.get(key, ()) for hit in by_rule.get(index, ())]
            if quoted.mostly_quoted(hits):
                scores[key] = score * lowered
                context_names.append(f"goods named in quotes ({key[0]}/{key[1]})")

    def _leads(self, page: _Page, by_rule: Mapping[int, list[_Hit]], domain: str | None) -> Leads | None:
        """Where a cash-loan pitch leads, when every channel it gives is a licensed lender's own, or it
        is signed by a licensed bank's branch and gives only phone numbers, and it uses no rule that no
        licensed lender would (``policy/lenders.yaml``); None otherwise."""
        if not self._never_rescued.isdisjoint(by_rule):
            return None
        leads = self.lenders.leads(page.joined_folded, page.joined, domain)
        return leads if leads.to_licensed_lender or leads.branch else None

    def _judge(self, page: _Page, by_rule: Mapping[int, list[_Hit]]) -> OfferJudgement:
        """The offer model's reading of the text around the named goods."""
        rules = self.compiled.rules
        spans = [  # a rule's first hits are enough: the model reads at most max_chars around them
            (hit[0], hit[1])
            for index, hits in by_rule.items()
            if rules[index].kind in _GOODS_KINDS
            for hit in _earliest(hits, MODEL_SPANS_PER_RULE)
            if hit[3] == NORM
        ]
        model = self.offer_model
        text = page.leet_read or page.joined
        if page.glued:  # words run together are read split (where the model reads), the spans moved to match
            read = (
                None
                if len(text) <= model.max_chars
                else list(merged_windows(sorted(spans), MODEL_WINDOW_RADIUS, len(text)))
            )
            text, positions = spaced(text, page.glued, read)
            spans = [(bisect_left(positions, start), bisect_left(positions, end)) for start, end in spans]
        return model.judge(sample_text(text, spans, model.max_chars, MODEL_WINDOW_RADIUS))

    def _score(
        self, page: _Page, by_rule: dict[int, list[_Hit]], signals: Mapping[str, float], domain: str | None
    ) -> Detection:
        parts, cue_names, context_names = self._components(page, by_rule, signals)
        judgement = self._judge(page, by_rule) if parts else None
        scores: dict[tuple[str, str], float] = {}
        if judgement is not None:
            scores = {key: part.score(self.offer_model, judgement) for key, part in parts.items()}
            self._lower_where_it_decides(page, by_rule, domain, scores, judgement, context_names)
        best: dict[str, tuple[float, str]] = {}
        for (category, subcategory), score in scores.items():
            if score > best.get(category, (-1.0, ""))[0]:
                best[category] = (score, subcategory)

        categories = [
            self._category_score(page, category, subcategory, score, by_rule)
            for category, (score, subcategory) in best.items()
            if score >= self.bands.report_floor
        ]
        categories.sort(key=lambda c: c.score, reverse=True)
        top = categories[0].score if categories else 0.0
        decision = self.bands.decision(top)
        reasons = [self._reason(c) for c in categories]
        if decision == "block" and domain and self.allowlist.contains(domain):
            decision = "review"
            reasons.append(f"domain {domain} is on the allowlist: block lowered to review")
        if judgement is not None and categories:
            reading = "offer" if judgement.probability >= 0.5 else "discussion"
            reasons.append(f"offer model {judgement.probability:.2f} ({reading}): " + explain(judgement.top_features))
        if context_names and categories:
            reasons.append("context: " + ", ".join(sorted(context_names)))
        return Detection(
            decision=decision,
            score=round(top, 4),
            band=self.bands.band(top),
            categories=categories,
            rules_version=self.rules_version,
            reasons=reasons,
            offering_cues=sorted(set(cue_names)),
            offer=judgement,
            offer_model_version=self.offer_model.version,
        )

    def _signal_offer(self, signals: Mapping[str, float], cue_names: list[str]) -> tuple[float, dict[str, float]]:
        """Offering evidence from structured page signals, plus per-category boosts."""
        total = 0.0
        boost: dict[str, float] = defaultdict(float)
        for name, count in signals.items():
            if count <= 0:
                continue
            spec = self.compiled.signals.get(name) or self.compiled.signals.get(name.split(".")[0] + ".*")
            if spec is None:
                continue
            total += float(spec.get("weight", 0.5))
            for category, extra in (spec.get("boost") or {}).items():
                boost[category] += float(extra)
            cue_names.append(f"signal.{name}")
        return total, boost

    def _category_score(
        self, page: _Page, category: str, subcategory: str, score: float, by_rule: Mapping[int, list[_Hit]]
    ) -> CategoryScore:
        rules = self.compiled.rules
        evidence: list[Evidence] = []
        for index, hits in by_rule.items():
            rule = rules[index]
            if rule.category != category:
                continue
            for hit in _earliest(hits, MAX_EVIDENCE_PER_RULE):
                field_index, start, end = page.locate(hit)
                text = page.fields[field_index].text
                evidence.append(
                    Evidence(
                        rule=rule.id,
                        term=hit[2],
                        matched=_as_written(text, start, end),
                        snippet=_snippet(text, start, end),
                        start=start,
                        end=end,
                        field=page.fields[field_index].name,
                    )
                )
        severities = self.compiled.severities
        severity = severities.get(f"{category}.{subcategory}") or severities.get(category) or "medium"
        return CategoryScore(
            category=category,
            subcategory=subcategory,
            score=round(score, 4),
            severity=severity,  # type: ignore[arg-type]
            evidence=evidence,
        )

    @staticmethod
    def _reason(category: CategoryScore) -> str:
        # what the page says, not the normalized term (which can join words across a line break)
        terms = sorted({e.matched or e.term for e in category.evidence})[:6]
        return f"{category.category}/{category.subcategory} {category.score:.2f}: " + ", ".join(terms)


@dataclass(frozen=True)
class MatchedPage:
    """A page's matches under a detector. Scoring reads them and changes nothing, so a page scored again
    under other signals (a cloaked page, with the cloaking signal) is not matched again."""

    detector: Detector
    page: _Page
    by_rule: dict[int, list[_Hit]]
    domain: str | None

    def score(self, signals: Mapping[str, float] | None = None) -> Detection:
        return self.detector._score(self.page, self.by_rule, signals or {}, self.domain)


@lru_cache(maxsize=8)
def _load_cached(settings: DetectionSettings) -> Detector:
    texts = load_pack_texts(builtin_pack_paths(), settings.override_pack, settings.jurisdiction)
    return Detector.from_texts(texts, settings)


def pack_paths() -> list[Path]:
    """Shipped pack files (for tools that print or hash them)."""
    return builtin_pack_paths()
