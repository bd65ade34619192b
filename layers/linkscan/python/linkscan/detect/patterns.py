"""How each structured pattern (prices, phone numbers, quantities, codes) runs on a page.

Every pattern gets one ``PatternPlan`` when the rules are compiled: the way it is scanned, chosen
once, and what that way needs. Each way finds exactly the matches of the regex's own ``finditer``
(the equivalence tests in ``tests/unit/detect/test_pattern_machinery.py`` hold them to it); they
differ only in cost:

* ``whole``: ``finditer`` over the page;
* ``anchored``: a pattern whose every match holds one of its ``needs`` literals and is at most
  ``within`` characters long is scanned only around the literals' occurrences;
* ``split``: a pattern led by one of a few plain characters ("[$£€]...", "qq...|扣扣...") runs as
  one regex per character, each led by that literal, and only on pages holding it;
* ``shared``: gated page-wide patterns led by the same character class are found in one scan of
  their union; a group of ``[0-9]``-led patterns that treat every digit alike
  (``treats_digits_alike``) scans a copy of a mostly-ASCII page with every digit made "0".

CPython's regex engine skips to a literal lead in a tight loop (~6 instructions a character) but
tests a class at every character (~45): that is what the cheaper ways avoid.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from linkscan.detect.normalize import is_mostly_ascii

ScanWay = Literal["whole", "anchored", "split", "shared"]
MAX_DISTINCT_PATTERN_TERMS = 3  # the engine stops a pattern at this many distinct terms
DIGIT_LEAD = "[0-9]"  # the lead of a digit-blind pattern, which a shared scan replaces by "0"
MAX_SPLIT_LEAD = 8  # past this many lead characters one class scan is cheaper than the literal scans


@dataclass(frozen=True, slots=True)
class PatternPlan:
    """One structured pattern and the way it is scanned.

    ``gate``: "" = always run (the pattern names goods); a category = run only when that category's
    goods are named (a support pattern); "*" = run only when some goods are named (offering cues and
    context change no score without them). ``needs``: literals one of which every match holds (the
    pattern is skipped on a page holding none). ``within``: no match is longer (``anchored``).
    """

    rule: int  # index of the rule the matches are evidence for
    regex: re.Pattern[str]
    needs: tuple[str, ...] = ()
    gate: str = ""
    within: int = 0
    way: ScanWay = "whole"
    leads: tuple[tuple[str, re.Pattern[str]], ...] = ()  # split: one literal-led regex per character
    group: tuple[int, ...] = ()  # shared: positions (in the plan list) of the patterns scanned together
    digit_blind: bool = False  # shared: the pattern matches alike on a copy with every digit made "0"
    literal_led: bool = False  # anchored: every match starts with one plain character (a whole pass is cheap)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The regex's own ``finditer(text)``, the cheaper way the plan says (a ``shared`` plan
        scanned on its own is a whole scan; ``scan_together`` runs the group)."""
        if self.way == "split":
            return _split_finditer(self.leads, text)
        if self.way == "anchored":
            return _anchored_finditer(self.regex, text, self.needs, self.within, self.literal_led)
        return self.regex.finditer(text)


def bytes_dfa(words: Sequence[str]) -> Any:
    """An ahocorasick_rs automaton over ``words``' UTF-8 bytes, always a DFA: one table lookup per
    byte. Left to choose, the library builds a slower contiguous NFA past 100 words (the ``needs``
    literals crossed that line, and English detection cost 30 M instructions per MB more)."""
    import ahocorasick_rs

    return ahocorasick_rs.BytesAhoCorasick(
        [word.encode() for word in words], implementation=ahocorasick_rs.Implementation.DFA
    )


class NeedsIndex:
    """Which of the plans' ``needs`` literals a text holds, found in one automaton pass: testing each
    literal with ``in`` reads the page once per literal, a cost that grows with the pack (on Chinese
    pages too, once the packs held a few hundred literals: 499 → 460 M instructions per MB). The
    automaton reads the text's UTF-8 bytes: a literal's bytes occur in them exactly where the literal
    occurs in the text, and an automaton given a ``str`` also maps every byte offset back to a
    character offset, which costs about as much as the search."""

    def __init__(self, plans: Sequence[PatternPlan]) -> None:
        self.literals = sorted({literal for plan in plans for literal in plan.needs})
        # single ASCII characters (":", "$", "%") are found by "in" (a memchr-like scan), which keeps
        # frequent characters out of the automaton. A wider one ("元", "一") is found by "in" on a page
        # of wide characters, where the common ones turn up within its first lines and the automaton's
        # pass over three bytes a character costs more than these scans together (the bench's Chinese
        # pages: 1.15 -> 0.9 ms); on a mostly-ASCII page it stays in the automaton, since there "in"
        # would read the whole page once per character it does not hold.
        self._characters = [literal for literal in self.literals if len(literal) == 1 and literal.isascii()]
        self._wide_characters = [literal for literal in self.literals if len(literal) == 1 and not literal.isascii()]
        self._longer = [literal for literal in self.literals if len(literal) > 1]
        self._with_wide = [*self._longer, *self._wide_characters]
        self._automaton = bytes_dfa(self._with_wide) if self._with_wide else None
        self._longer_automaton = bytes_dfa(self._longer) if self._longer else None

    def present(self, text: str) -> frozenset[str]:
        """The literals that occur in ``text`` (overlapping occurrences included)."""
        present = [literal for literal in self._characters if literal in text]
        automaton, literals = self._automaton, self._with_wide
        if not text.isascii() and not is_mostly_ascii(text):
            present.extend(literal for literal in self._wide_characters if literal in text)
            automaton, literals = self._longer_automaton, self._longer
        if automaton is not None:
            try:
                found = automaton.find_matches_as_indexes(text.encode(), overlapping=True)
            except UnicodeEncodeError:  # a lone surrogate, which has no UTF-8 form: test each literal
                return frozenset(literal for literal in self.literals if literal in text)
            present.extend(literals[index] for index, _start, _end in found)
        return frozenset(present)


def plan_patterns(patterns: Sequence[tuple[int, re.Pattern[str], tuple[str, ...], str, int]]) -> list[PatternPlan]:
    """Plans for (rule, regex, needs, gate, within), in the given order: ungated ones should come
    first, since they decide the gates."""
    groups = _shared_groups(patterns)
    plans: list[PatternPlan] = []
    for position, (rule, regex, needs, gate, within) in enumerate(patterns):
        group = groups.get(position, ())
        leads = () if group else split_leads(regex)
        way: ScanWay = "shared" if group else "split" if leads else "anchored" if within and needs else "whole"
        blind = bool(group) and regex.pattern.startswith(DIGIT_LEAD) and treats_digits_alike(regex.pattern)
        led = (
            way == "anchored" and len(_top_level_alternatives(regex.pattern)) == 1 and _plain_lead(regex.pattern) != ""
        )
        plans.append(PatternPlan(rule, regex, needs, gate, within, way, leads, group, blind, led))
    return plans


def scan_together(members: Sequence[int], plans: Sequence[PatternPlan], text: str) -> dict[int, list[re.Match[str]]]:
    """Each member's matches exactly as its own ``finditer`` gives them (up to the engine's
    distinct-term cap), from one scan of their union: a member can only match where the union
    does, so it is tried at those positions, from the end of its own last match on. A lone member
    that is not digit-blind is scanned whole (the union of one is itself)."""
    if len(members) == 1 and not plans[members[0]].digit_blind:
        return {members[0]: list(_capped(plans[members[0]].regex.finditer(text)))}
    blind = all(plans[member].digit_blind for member in members)
    zeroed = digits_as_zero(text) if blind else None
    if zeroed is not None:
        # each member by itself on the copy: led there by the literal "0", which the regex engine skips
        # to in a tight loop, so each scan costs a few instructions a character and nothing runs in
        # Python but the matches themselves (a union's every start would be one Python step each)
        return {member: list(_capped(_zeroed_finditer(plans[member].regex, text, zeroed))) for member in members}
    found: dict[int, list[re.Match[str]]] = {member: [] for member in members}
    terms: dict[int, set[str]] = {member: set() for member in members}
    resume = dict.fromkeys(members, 0)
    for at in _union_starts(tuple(plans[member].regex.pattern for member in members), text):
        for member in [m for m, start in resume.items() if at >= start]:
            match = plans[member].regex.match(text, at)
            if match is not None and match.end() > at:
                found[member].append(match)
                resume[member] = match.end()
                terms[member].add(match.group().strip())
                if len(terms[member]) >= MAX_DISTINCT_PATTERN_TERMS:
                    del resume[member]  # the caller stops there too
        if not resume:
            break
    return found


def _capped(matches: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    """Matches until MAX_DISTINCT_PATTERN_TERMS distinct terms (where the engine stops)."""
    terms: set[str] = set()
    for match in matches:
        yield match
        terms.add(match.group().strip())
        if len(terms) >= MAX_DISTINCT_PATTERN_TERMS:
            return


# -- the scans ------------------------------------------------------------------------------------


def _occurrences(text: str, literal: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every occurrence of ``literal``, overlapping ones too."""
    at = text.find(literal)
    while at != -1:
        yield at, at + len(literal)
        at = text.find(literal, at + 1)


# Characters of page per window, past which a whole pass of a literal-led pattern is cheaper than the
# windows: the regex engine skips to its lead in a tight loop, while each window costs a few Python
# steps (masked numbers "xxxxxxxxxxx" on a Chinese SMS page: 0.79 -> 0.11 ms for the bench's pages)
LITERAL_LED_CHARS_PER_WINDOW = 1000


def _anchored_finditer(
    pattern: re.Pattern[str], text: str, literals: Sequence[str], within: int, literal_led: bool = False
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match holds one of ``literals`` and is at
    most ``within`` characters long: only the stretches around the literals are scanned (a page has
    a few prices, and a regex pass over all of it costs 5-10 ms per MB). The stretches are scanned
    from the left as matches are asked for: the engine stops at a few distinct terms, and a page of
    forty prices then costs its first few stretches."""
    # past this many occurrences one full pass is cheaper
    budget = len(text) // (LITERAL_LED_CHARS_PER_WINDOW if literal_led else 4 * within)
    found: list[tuple[int, int]] = []
    for literal in literals:
        for span in _occurrences(text, literal):
            found.append(span)
            if len(found) > budget:
                yield from pattern.finditer(text)
                return
    found.sort()
    # windows in the order of their starts, merged where they touch, as a sort of all of them gives
    last_end = 0
    start = end = -1
    for at, literal_end in found:
        window_start, window_end = max(0, at - within), literal_end + within
        if start >= 0 and window_start <= end:
            end = max(end, window_end)
            continue
        if start >= 0:
            for match in _scan_window(pattern, text, start, end, within, last_end):
                yield match
                last_end = match.end()
        start, end = window_start, window_end
    if start >= 0:
        yield from _scan_window(pattern, text, start, end, within, last_end)


def _scan_window(
    pattern: re.Pattern[str], text: str, start: int, end: int, within: int, last_end: int
) -> Iterator[re.Match[str]]:
    """The matches that start in one stretch, from the end of the last match on; the scan runs
    on by ``within`` so that look-aheads see the real text."""
    for match in pattern.finditer(text, max(start, last_end), min(len(text), end + within)):
        if match.start() >= end:
            break
        yield match


@lru_cache(maxsize=64)
def _union(regexes: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(regexes))  # the regex engine factors the shared leading class out


_DIGITS_AS_ZERO = bytes.maketrans(b"0123456789", b"0000000000")


def digits_as_zero(text: str, table: bytes = _DIGITS_AS_ZERO) -> str | None:
    """``text`` with every ASCII digit made "0" (or what ``table`` maps it to), same length and
    offsets (an ASCII byte never
    occurs inside a multi-byte UTF-8 sequence, so the bytes are translated in one C pass); None
    for text that is not mostly ASCII, where the UTF-8 round trip costs more than it saves, and
    for text holding lone surrogates (not UTF-8)."""
    if not text.isascii() and not is_mostly_ascii(text):
        return None
    try:
        return text.encode().translate(table).decode()
    except UnicodeEncodeError:
        return None


@lru_cache(maxsize=64)
def _digit_blind_union(regexes: tuple[str, ...]) -> re.Pattern[str]:
    """The union of ``[0-9]``-led patterns that treat every digit alike, for ``digits_as_zero``
    text: there the lead is the literal "0", skipped to in a tight loop instead of a class test."""
    return re.compile("0(?:" + "|".join(regex[len(DIGIT_LEAD) :] for regex in regexes) + ")")


def _union_starts(regexes: tuple[str, ...], text: str) -> Iterator[int]:
    """Every position where the union of ``regexes`` matches, in order."""
    return (match.start() for match in _search_every(_union(regexes), text))


def _zeroed_finditer(regex: re.Pattern[str], text: str, zeroed: str) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)`` for a digit-blind ``[0-9]``-led regex, found in ``zeroed`` (``text``
    with every digit made "0"): the regex matches there exactly where it matches in ``text``, with
    the same span, so each match is taken again from ``text`` for its words."""
    for match in _digit_blind_union((regex.pattern,)).finditer(zeroed):
        real = regex.match(text, match.start())
        if real is not None:  # always, for a regex that treats digits alike
            yield real


def _search_every(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The match at every position where ``regex`` matches, overlapping ones too."""
    match = regex.search(text)
    while match is not None:
        yield match
        match = regex.search(text, match.start() + 1)


def _split_finditer(leads: Sequence[tuple[str, re.Pattern[str]]], text: str) -> Iterator[re.Match[str]]:
    """``finditer`` of a regex whose matches start with one of a few plain characters, from its
    one-literal-led parts (``split_leads``), each scanned only on pages holding its character:
    the regex matches at a position iff the part led by the character there does, with the same
    match, so their matches in order of position, each taken unless it overlaps the last taken,
    are what ``finditer`` gives (a match is never empty: the lead is one character)."""
    parts = [_search_every(regex, text) for char, regex in leads if char in text]
    if not parts:
        return
    candidates = parts[0] if len(parts) == 1 else heapq.merge(*parts, key=_match_start)
    last_end = 0
    for match in candidates:
        if match.start() >= last_end:
            yield match
            last_end = match.end()


def _match_start(match: re.Match[str]) -> int:
    return match.start()


# -- choosing the way -----------------------------------------------------------------------------

_LEADING_CLASS = re.compile(r"\[(?:\\.|[^\]\\])+\](?![*+?{])")  # "[0-9]" not followed by a quantifier


def _shared_groups(
    patterns: Sequence[tuple[int, re.Pattern[str], tuple[str, ...], str, int]],
) -> dict[int, tuple[int, ...]]:
    """The gated page-wide patterns (no ``needs``) that start with the same character class, by
    position: two digit-led patterns would cost two class-test passes over the page; one regex of
    the alternatives that run on a page finds every position where any of them matches in one."""
    by_lead: dict[str, list[int]] = {}
    for position, (_rule, regex, needs, gate, _within) in enumerate(patterns):
        lead = _LEADING_CLASS.match(regex.pattern)
        if gate and not needs and lead is not None and not regex.flags & ~re.UNICODE:
            by_lead.setdefault(lead.group(), []).append(position)
    shared: dict[int, tuple[int, ...]] = {}
    for members in by_lead.values():
        if len(members) > 1:
            shared.update(dict.fromkeys(members, tuple(members)))
    return shared


_ASCII_DIGITS = frozenset("0123456789")
_REPEAT_COUNT = re.compile(r"\{[0-9]*(?:,[0-9]*)?\}")  # "{3}", "{0,8}": counts, not digits to match
_CLASS_ESCAPES = frozenset("dDwWsS")  # \d, \w, \s and their negations take every digit alike
_UNSURE_ESCAPES = frozenset("xuUN0123456789")  # \x30, \u0030, \N{...}, octal, back-references


def treats_digits_alike(regex: str) -> bool:
    """Whether a regex matches the same on a text and on its copy with every ASCII digit made "0":
    no digit of its own, digits only in sets that hold all ten or none, no back-reference. A plain
    reading of the regex's text that answers False whenever it is unsure (a group named with a
    digit, an escape that can spell a digit)."""
    at = 0
    while at < len(regex):
        char = regex[at]
        if char == "\\":
            escaped = regex[at + 1 : at + 2]
            if not escaped or escaped in _UNSURE_ESCAPES:
                return False
            at += 2
        elif char == "[":
            end = _set_end(regex, at)
            if end < 0 or _digits_in_set(regex[at + 1 : end]) not in (0, 10):
                return False
            at = end + 1
        elif char == "{" and (count := _REPEAT_COUNT.match(regex, at)) is not None:
            at = count.end()
        elif char in _ASCII_DIGITS or regex.startswith("(?P=", at):
            return False
        else:
            at += 1
    return True


def _set_end(regex: str, start: int) -> int:
    """Index of the "]" closing the set opened at ``start`` (-1 if there is none); a "]" first in
    the set ("[]a]", "[^]a]") is a member."""
    at = start + 1
    if regex[at : at + 1] == "^":
        at += 1
    if regex[at : at + 1] == "]":
        at += 1
    while at < len(regex):
        if regex[at] == "\\":
            at += 2
        elif regex[at] == "]":
            return at
        else:
            at += 1
    return -1


def _digits_in_set(body: str) -> int:
    """How many ASCII digits a set's members (``body``, between the brackets) hold, or -1 when
    unsure. A negation holds the others, so "all or none" reads the same either way."""
    body = body.removeprefix("^")
    members: list[str] = []  # single characters; "" for a class escape
    at = 0
    while at < len(body):
        if body[at] == "\\":
            escaped = body[at + 1 : at + 2]
            if not escaped or escaped in _UNSURE_ESCAPES:
                return -1
            members.append("" if escaped in _CLASS_ESCAPES else escaped)
            at += 2
        elif body[at] == "[":
            return -1  # a nested set (a future syntax): unsure
        else:
            members.append(body[at])
            at += 1
    held: set[str] = set()
    index = 0
    while index < len(members):
        low = members[index]
        if index + 2 < len(members) and members[index + 1] == "-" and low and members[index + 2]:
            high = members[index + 2]
            held.update(d for d in _ASCII_DIGITS if low <= d <= high)
            index += 3
            continue
        if low in _ASCII_DIGITS:
            held.add(low)
        index += 1
    return len(held)


def _top_level_alternatives(regex: str) -> list[str]:
    """``regex`` split at each "|" outside every group and character set."""
    depth, set_start, escaped = 0, -1, False  # set_start: where the open "[" is, -1 outside sets
    alternatives, start = [], 0
    for index, char in enumerate(regex):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif set_start >= 0:
            # "]" first in a set ("[]...]", "[^]...]") is a member, not the set's end
            first = set_start + (2 if regex[set_start + 1 : set_start + 2] == "^" else 1)
            if char == "]" and index > first:
                set_start = -1
        elif char == "[":
            set_start = index
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            alternatives.append(regex[start:index])
            start = index + 1
    return [*alternatives, regex[start:]]


_PLAIN_CHARACTER = re.compile(r"(?:\\([^0-9A-Za-z])|([^\\.^$*+?{}\[\]|()]))(?![*+?{])")  # "1", "\+"
_SET_OF_PLAIN_CHARACTERS = re.compile(r"\[([^\]\\^\-\[]+)\](?![*+?{])")  # "[$£€]", no range or escape


def _plain_lead(regex: str) -> str:
    """The plain character every match of ``regex`` starts with ("1", "\\+"), or ""."""
    lead = _PLAIN_CHARACTER.match(regex)
    return "" if lead is None else lead.group(1) or lead.group(2)


def split_leads(regex: re.Pattern[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """A regex whose matches start with one of a few plain characters, as one regex per character
    led by it: a regex led by a class of a few ("[$£€]...") or alternatives led by distinct plain
    characters ("qq...|扣扣..."); () for any other regex. The regex matches at a position iff the
    one led by the character there does, with the same match: their matches merged by position
    are its own."""
    if regex.flags & ~re.UNICODE or re.search(r"\\[1-9]|\(\?P=", regex.pattern):
        return ()  # flags change what a character matches; back-references name other groups
    alternatives = _top_level_alternatives(regex.pattern)
    if len(alternatives) > 1:
        leads = [_plain_lead(alternative) for alternative in alternatives]
        if "" in leads or len(set(leads)) < len(leads):
            return ()
        return tuple((lead, re.compile(alternative)) for lead, alternative in zip(leads, alternatives, strict=True))
    lead = _SET_OF_PLAIN_CHARACTERS.match(regex.pattern)
    if lead is None or len(set(lead.group(1))) > MAX_SPLIT_LEAD:
        return ()
    rest = regex.pattern[lead.end() :]
    return tuple((char, re.compile(f"{re.escape(char)}(?:{rest})")) for char in sorted(set(lead.group(1))))
