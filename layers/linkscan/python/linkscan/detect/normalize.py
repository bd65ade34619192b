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
   word boundaries; single letters spaced apart ("c o c a i n e") are joined again. This is done
   length-preservingly first (the separator that stays becomes a plain space, the ones that go are
   left as they are) and then one ``re.sub`` removes the ones that go.

Positions in the normalized text map back to the original (``Normalized.to_original``); the map is
built only when asked for (evidence of a reported category), from the spans step 2 removed.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

# Blocks whose characters may fold to something else under NFKC or the look-alike map. Building the
# table over these only (a few thousand code points) keeps cold start well under the budget.
_FOLD_RANGES: tuple[tuple[int, int], ...] = (
    (0x00A0, 0x024F),  # Latin-1 supplement, Latin extended
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

# Step 2a: the first separator after a Latin word that another Latin word follows becomes a space
# (most already are one: "word word" is left alone). Patterns start with their character class or
# literal, with look-behinds after it, so the regex engine skips quickly to candidates.
_GAP_TO_SPACE = re.compile(f"[^{_KEPT} ](?<=[{_LATIN}].)(?=[^{_KEPT}]*[{_LATIN}])")
# Step 2b: that space goes again between two single letters ("c o c a i n e" -> "cocaine").
_JOIN = "\x00"
_SINGLE_LETTER_GAP = re.compile(f" (?<=(?<![{_KEPT}])[{_LATIN}] )(?=[^{_KEPT}]*[{_LATIN}](?![{_KEPT}]))")
# Step 2c: drop every separator character except a space right after a Latin word that another
# Latin word follows.
_DROPPED_CHAR = f"[^{_KEPT}](?:(?<! )|(?<![{_LATIN}] )|(?![^{_KEPT}]*[{_LATIN}]))"
_DROP = re.compile(_DROPPED_CHAR)
# The same characters as runs (each one's condition looks only at ``marked``): fewer matches for the map.
_DROPPED_RUN = re.compile(f"{_DROPPED_CHAR}(?:{_DROPPED_CHAR})*")

# Leetspeak digits, read as letters in Latin tokens that mix letters and these digits.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"})
_LEET_PAIR = re.compile("[013457](?:(?<=[a-z].)|(?=[a-z]))")
_TOKEN_AROUND = re.compile(f"[{_LATIN}]+")


def _fold_char(ch: str) -> str | None:
    """The one kept character ``ch`` folds to, or None when folding is of no use."""
    if ch in _CONFUSABLES:
        return _CONFUSABLES[ch]
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        folded = folded.strip()
        if len(folded) != 1:
            return None
    folded = folded.lower()
    if len(folded) != 1:
        return None
    folded = _CONFUSABLES.get(folded, folded)
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
def _foldable() -> frozenset[str]:
    """Characters the table maps that ``str.lower`` does not already fold."""
    return frozenset(chr(cp) for cp, to in fold_table().items() if chr(cp).lower() != to)


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
    present = _foldable().intersection(lowered)  # a set operation in C, no per-character loop
    if not present:
        return lowered
    table = fold_table()
    if len(present) > _MAX_REPLACE_PASSES:  # many (e.g. traditional Chinese): translate everything
        return lowered.translate(table)
    for ch in present:  # each replace is one fast C pass
        lowered = lowered.replace(ch, table[ord(ch)])
    return lowered


class Normalized:
    """Normalized text plus what is needed to map its positions back to the original."""

    __slots__ = ("_at", "_marked", "_removed", "_runs", "folded", "text")

    def __init__(self, text: str, folded: str, marked: str) -> None:
        self.text = text
        self.folded = folded  # step 1 only: same length and offsets as the original
        self._marked = marked  # before the final removal: same length as the original
        # removed runs, read lazily and only as far as asked: where each one sits in ``text`` and
        # how many characters were removed up to its end
        self._runs: Iterator[re.Match[str]] | None = None
        self._at: list[int] = []
        self._removed: list[int] = []

    def _read_runs_past(self, pos: int) -> None:
        if self._runs is None:
            self._runs = _DROPPED_RUN.finditer(self._marked)
        at, removed = self._at, self._removed
        while not at or at[-1] <= pos:
            run = next(self._runs, None)
            if run is None:
                at.append(len(self.text) + 1)  # sentinel: no further runs
                removed.append(removed[-1] if removed else 0)
                return
            before = removed[-1] if removed else 0
            at.append(run.start() - before)
            removed.append(before + run.end() - run.start())

    def to_original(self, pos: int) -> int:
        """Original offset of the character at ``pos`` in ``text``."""
        self._read_runs_past(pos)
        index = bisect_right(self._at, pos) - 1
        return pos + (self._removed[index] if index >= 0 else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalized span [start, end)."""
        if end <= start:
            first = self.to_original(start)
            return first, first
        return self.to_original(start), self.to_original(end - 1) + 1


def normalize(original: str) -> Normalized:
    """Fold ``original`` (step 1) and drop separators (step 2), keeping an offset map."""
    folded = fold(original)
    marked = _GAP_TO_SPACE.sub(" ", folded)
    marked = _SINGLE_LETTER_GAP.sub(_JOIN, marked)
    return Normalized(_DROP.sub("", marked), folded, marked)


def leet_tokens(text: str) -> list[tuple[int, str]]:
    """(position, token with leetspeak digits read as letters) for each Latin token that has them."""
    tokens: list[tuple[int, str]] = []
    after = 0  # end of the last token found: pairs inside it are done
    for pair in _LEET_PAIR.finditer(text):
        if pair.start() < after:
            continue
        start = pair.start()
        while start > 0 and is_latin_word_char(text[start - 1]):
            start -= 1
        token = _TOKEN_AROUND.match(text, start)
        if token is not None:
            tokens.append((start, token.group().translate(_LEET)))
            after = token.end()
    return tokens


def is_latin_word_char(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("0" <= ch <= "9")
