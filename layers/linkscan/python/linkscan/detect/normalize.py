"""Text normalization that sees through common evasions and keeps offsets into the original.

Two steps, each done by C code (``str.lower`` / ``str.translate`` / ``re.sub``), never by a
per-character Python loop:

1. Folding, character for character: full-width forms, case, NFKC compatibility forms (circled
   digits, mathematical letters), look-alike letters from other scripts, and traditional to
   simplified Chinese. Every mapping is one character to one character, so offsets are unchanged.
   Most pages hold none of the rare characters the table maps, and for them ``str.lower`` is
   enough; sparse ones are patched by a regex, dense ones (a traditional-Chinese page) translated.
2. Dropping the characters sellers insert to split a key word (spaces, punctuation, emoji,
   zero-width characters). Between two Latin words one space is kept so English terms still have
   word boundaries; single letters spaced apart ("c o c a i n e") are joined again. The separator
   that stays is first marked in place (same length), then one ``re.sub`` removes every run of the
   others.

Positions in the normalized text map back to the original (``Normalized.to_original``); the map is
worked out only for the positions asked for (evidence of a reported category).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate

# Blocks whose characters may fold to something else under NFKC or the look-alike map. Building the
# table over these only (a few thousand code points) keeps cold start well under the budget.
_FOLD_RANGES: tuple[tuple[int, int], ...] = (
    (0x00A0, 0x024F),  # Latin-1 supplement, Latin extended
    (0x1E00, 0x1EFF),  # Latin extended additional (Vietnamese letters)
    (0x0370, 0x052F),  # Greek, Cyrillic
    (0x1D00, 0x1DBF),  # phonetic extensions (small capitals)
    (0x2000, 0x2BFF),  # punctuation, letterlike, number forms, enclosed alphanumerics, dingbats
    (0x3000, 0x33FF),  # CJK symbols, enclosed CJK, compatibility
    (0xFE30, 0xFE6F),  # CJK compatibility forms, small forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms
    (0x1D400, 0x1D7FF),  # mathematical alphanumerics
    (0x1F100, 0x1F1FF),  # enclosed alphanumeric supplement
)

# Letters that look like Latin ones but are not folded by NFKC (Unicode confusables, abridged).
_CONFUSABLES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q",
    "ԝ": "w", "ɡ": "g", "ı": "i", "ӏ": "l",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "ω": "w", "γ": "y", "μ": "u",
}  # fmt: skip

# Hearts and similar symbols stand in for 信 in 微❤ ("WeChat"): keep them as one visible marker.
HEART = "♡"
_HEARTS = "❤♥♡💗💓💕💖💘💝💞❣🧡💛💚💙💜🖤🤍🤎"

# Characters kept by step 2: Latin letters and digits, Latin extended, Greek/Cyrillic, kana, CJK,
# Hangul and the heart marker. Everything else is a separator.
_KEPT = r"0-9a-z\u00c0-\u024f\u0370-\u052f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af" + HEART
_LATIN = "0-9a-z"
_KEPT_CHAR = re.compile(f"[{_KEPT}]")
_KEPT_NON_ASCII = re.compile(f"[{_KEPT[len(_LATIN) :]}]")
_NON_ASCII = re.compile("[^\x00-\x7f]+")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

# Step 2, general path. A separator run stays (as one space) only between two Latin characters,
# and not between two single letters ("c o c a i n e" -> "cocaine"): of "x␣y" with x and y Latin,
# it stays when x follows a kept character or y precedes one. The regex marks the run's first
# character in place; each alternative starts with the run's first character (a character class)
# so that the regex engine skips quickly to candidates.
_MARK = "\x01"
_KEPT_SEPARATOR = re.compile(
    f"[^{_KEPT}](?<=[{_KEPT}][{_LATIN}].)(?=[^{_KEPT}]*[{_LATIN}])"
    f"|[^{_KEPT}](?<=[{_LATIN}].)(?=[^{_KEPT}]*[{_LATIN}][{_KEPT}])",
    re.DOTALL,
)
_REMOVED_RUN = re.compile(f"[^{_KEPT}{_MARK}]+")  # in marked text: what step 2 removes
_CHUNK = 256  # a lookup counts removed characters within at most one chunk
_ASCII_TO_SPACE = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})
# The ASCII fast path's single-letter join, on text whose separators are single spaces already.
_SINGLE_LETTER_SPACE = re.compile(f" (?<=(?<![{_LATIN}])[{_LATIN}] )(?=[{_LATIN}](?![{_LATIN}]))")
_TYPOGRAPHIC = "\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u00b7\u00a9\u00ae\u2122\u00b0\u200b\u3000"

# Leetspeak digits, read as letters in Latin tokens that mix letters and these digits.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"})
# Leetspeak swaps a letter INSIDE a word (r3plica, c0caine, v1agra, x4nax) or the first one
# ("0xycodone"): a digit with letters on both sides, or a leading digit before three letters. Units
# and codes ("5g", "q3", "2024", "mp3") are left alone.
_LEET_PAIR = re.compile(f"[013457](?:(?<=[a-z][013457])[013457]*[a-z]|(?<![{_LATIN}][013457])(?=[a-z]{{3}}))")
_TOKEN_END = re.compile(f"[{_LATIN}]*$")
_TOKEN_AROUND = re.compile(f"[{_LATIN}]+")


def _fold_char(ch: str) -> str | None:
    """The one kept character ``ch`` folds to, or None when folding is of no use."""
    if ch in _CONFUSABLES:
        return _CONFUSABLES[ch]
    if not unicodedata.decomposition(ch) and ch.lower() == ch:
        return None  # NFKC leaves a character without a decomposition as it is: nothing to fold
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        folded = folded.strip()
        if len(folded) != 1:
            return None
    folded = folded.lower()
    if len(folded) != 1:
        return None
    folded = _CONFUSABLES.get(folded, folded)
    if "\u00c0" <= folded <= "\u1eff":  # a Latin letter with diacritics reads as its base letter
        base = unicodedata.normalize("NFD", folded)[0]
        if "a" <= base <= "z":
            folded = base
    if folded == ch or (folded != HEART and _KEPT_CHAR.match(folded) is None):
        return None  # punctuation folding to punctuation: step 2 drops both forms anyway
    return folded


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    """The translate table of step 1 (built once per process)."""
    table: dict[int, str] = {}
    for start, end in _FOLD_RANGES:
        for cp in range(start, end + 1):
            folded = _fold_char(chr(cp))
            if folded is not None:
                table[cp] = folded
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    for heart in _HEARTS:
        if len(heart) == 1:
            table[ord(heart)] = HEART
    table.update(_traditional_to_simplified())
    return table


@lru_cache(maxsize=1)
def _foldable() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes finding the characters the table maps that ``str.lower`` does not already fold:
    one for the Basic Multilingual Plane, one for the rest.

    Two classes written as code-point ranges: a class of BMP characters compiles to a bitmap the
    regex engine tests in constant time (a few ns a character, against ~50 for a set lookup per
    character), which a class holding astral characters does not.
    """
    code_points = sorted(cp for cp, to in fold_table().items() if chr(cp).lower() != to and cp > 0x7F)
    return (
        re.compile(_char_class(cp for cp in code_points if cp <= 0xFFFF)),
        re.compile(_char_class(cp for cp in code_points if cp > 0xFFFF)),
    )


def _char_class(code_points: Iterable[int]) -> str:
    ranges: list[list[int]] = []
    for cp in code_points:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return (
        "["
        + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
        + "]"
    )


def _traditional_to_simplified() -> dict[int, str]:
    """Character-level t2s from OpenCC: one call over every CJK unified ideograph.

    Only one-to-one conversions are kept, so offsets survive; phrase-level conversions (rare for
    the words rules care about) are not applied.
    """
    import opencc  # only needed while building the table

    converter = opencc.OpenCC("t2s")
    chars = [chr(cp) for cp in range(0x4E00, 0xA000)]
    converted = converter.convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # pragma: no cover - defensive, OpenCC keeps line structure
        return {}
    return {ord(a): b for a, b in zip(chars, converted, strict=True) if a != b and len(b) == 1}


_MAX_REPLACE_PASSES = 24


def fold(original: str) -> str:
    """Step 1: same length as ``original``, folded character for character."""
    lowered = original.lower()
    if len(lowered) != len(original):  # a rare character whose lower case is two characters
        return original.translate(fold_table())
    if lowered.isascii():
        return lowered
    for ch in _TYPOGRAPHIC:  # separators either way: as spaces, most English pages become ASCII
        if ch in lowered:
            lowered = lowered.replace(ch, " ")
    if lowered.isascii():
        return lowered
    in_bmp, astral = _foldable()
    present = set(in_bmp.findall(lowered))
    if _ASTRAL.search(lowered):
        present.update(astral.findall(lowered))
    if not present:
        return lowered
    table = fold_table()
    if len(present) > _MAX_REPLACE_PASSES:  # many (e.g. traditional Chinese): translate everything
        return lowered.translate(table)
    for ch in present:  # each replace is one fast C pass
        lowered = lowered.replace(ch, table[ord(ch)])
    return lowered


class Normalized:
    """Normalized text plus what is needed to map its positions back to the original.

    A page has thousands of removed runs but its evidence needs a few dozen positions, so nothing is
    built ahead: a position is found by counting removed characters in C (``str.count``, a regex
    ``findall`` of runs) from the nearest position found before.
    """

    __slots__ = ("_cursors", "_marked", "_space_marks", "_view", "folded", "text")

    def __init__(
        self,
        text: str,
        folded: str,
        *,
        view: str | None = None,
        marked: str | None = None,
        cursors: list[tuple[int, int]] | None = None,
    ) -> None:
        self.text = text
        self.folded = folded  # step 1 only: same length and offsets as the original
        # the ASCII fast path's separator view (``text`` keeps its non-space characters in order,
        # and one space for some gaps), or the general path's marked text (``text`` keeps every
        # character but the removed runs, the marks as spaces); both have the original's length
        self._view = view
        self._marked = marked
        # (k, i): k kept characters lie before index i; sorted, grown by each lookup
        self._cursors: list[tuple[int, int]] = cursors or [(0, 0)]
        self._space_marks: list[tuple[int, int]] = [(0, 0)]  # (p, spaces in text[:p]): fast path

    def to_original(self, pos: int) -> int:
        """Original offset of the character at ``pos`` in ``text`` (``len(folded)`` past its end)."""
        text = self.text
        if pos >= len(text):
            return len(self.folded)
        if self._view is None:
            return self._kept_index(pos)
        # fast path: count the word characters before pos; a kept space follows the last of them
        at = bisect_right(self._space_marks, (pos, len(text))) - 1
        p0, spaces = self._space_marks[at]
        spaces += text.count(" ", p0, pos)
        self._space_marks.insert(at + 1, (pos, spaces))
        words = pos - spaces
        if text[pos] == " ":
            return self._kept_index(words - 1) + 1
        return self._kept_index(words)

    def _kept_index(self, k: int) -> int:
        """Index of the ``k``-th kept character: non-space in the view, not removed in marked text."""
        cursors = self._cursors
        at = bisect_right(cursors, (k, len(self.folded))) - 1
        kept, start = cursors[at]
        # pass k + 1 - kept more kept characters: a stretch of n characters holding r removed ones
        # passes n - r kept ones, so extend by r until a stretch removes nothing; the last
        # character of that stretch is the k-th kept one
        need = k + 1 - kept
        length = len(self.folded)
        while need > 0 and start < length:
            end = min(length, start + need)
            need = self._removed_between(start, end)
            start = end
        cursors.insert(at + 1, (k + 1, start))
        return start - 1

    def _removed_between(self, start: int, end: int) -> int:
        if self._view is not None:
            return self._view.count(" ", start, end)
        return sum(map(len, _REMOVED_RUN.findall(self._marked or "", start, end)))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalized span [start, end)."""
        if end <= start:
            first = self.to_original(start)
            return first, first
        return self.to_original(start), self.to_original(end - 1) + 1


def normalize(original: str) -> Normalized:
    """Fold ``original`` (step 1) and drop separators (step 2), keeping an offset map."""
    folded = fold(original)
    view = _separator_view(folded)
    if view is not None:
        # fast path, same result as the general one when every kept character is ASCII: every
        # separator run between two words becomes one space (str.split/join in C), then single
        # letters are joined
        text = _SINGLE_LETTER_SPACE.sub("", " ".join(view.split()))
        return Normalized(text, folded, view=view)
    if _MARK in folded:  # a control character in the page: a separator like any other
        folded = folded.replace(_MARK, " ")
    marked = _KEPT_SEPARATOR.sub(_MARK, folded)
    # removing runs needs no context, so it is done per chunk: each chunk start becomes a cursor
    # of the offset map (kept characters before it), and a lookup counts within one chunk
    starts = range(0, len(marked), _CHUNK)
    pieces = [_REMOVED_RUN.sub("", marked[start : start + _CHUNK]) for start in starts]
    cursors = list(zip(accumulate(map(len, pieces[:-1]), initial=0), starts, strict=True)) if pieces else None
    text = "".join(pieces).replace(_MARK, " ")
    return Normalized(text, folded, marked=marked, cursors=cursors)


def _separator_view(folded: str) -> str | None:
    """``folded`` with every separator a space if all its kept characters are ASCII (most English
    pages: ``fold`` turned common typographic separators into spaces, and accented letters into
    plain ones), else None."""
    if not folded.isascii():
        if _KEPT_NON_ASCII.search(folded) is not None:
            return None
        folded = _NON_ASCII.sub(lambda run: " " * len(run.group()), folded)
    return folded.translate(_ASCII_TO_SPACE)


def leet_tokens(text: str) -> list[tuple[int, str]]:
    """(position, token with leetspeak digits read as letters) for each Latin token that has them."""
    tokens: list[tuple[int, str]] = []
    after = 0  # end of the last token found: pairs inside it are done
    for pair in _LEET_PAIR.finditer(text):
        if pair.start() < after:
            continue
        before = _TOKEN_END.search(text, max(0, pair.start() - 64), pair.start())
        start = before.start() if before is not None else pair.start()
        token = _TOKEN_AROUND.match(text, start)
        if token is not None:
            tokens.append((start, token.group().translate(_LEET)))
            after = token.end()
    return tokens


def is_latin_word_char(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("0" <= ch <= "9")
