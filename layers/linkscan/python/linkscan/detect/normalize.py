"""Text normalization that sees through common evasions and keeps offsets into the original.

Two steps, both cheap:

1. ``str.translate`` with one table that folds, character for character, full-width forms, case,
   NFKC compatibility forms (circled digits, mathematical letters), look-alike letters from other
   scripts, and traditional to simplified Chinese. Because every mapping is one character to one
   character, offsets are unchanged by this step.
2. Dropping the characters sellers insert to split a key word (spaces, punctuation, emoji,
   zero-width characters). Between two Latin words one space is kept so English terms still have
   word boundaries; single letters spaced apart ("c o c a i n e") are joined again.

The result keeps a list of kept runs so any position in the normalized text maps back to the
original text (``Normalized.to_original``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
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

# Leetspeak digits and symbols, applied only in a second Latin view (see ``leet_view``).
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
_LEET_HINT = re.compile(r"[a-z][0-9@$!]|[0-9@$!][a-z]")


def _fold_char(ch: str) -> str | None:
    """The one character ``ch`` folds to, or None when it stays as it is."""
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
    return folded if folded != ch else None


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


def _traditional_to_simplified() -> dict[int, str]:
    """Character-level t2s from OpenCC: one call over every CJK unified ideograph.

    Only one-to-one conversions are kept, so offsets survive; phrase-level conversions (rare for
    the words rules care about) are not applied.
    """
    import opencc  # noqa: PLC0415 - only needed while building the table

    converter = opencc.OpenCC("t2s")
    chars = [chr(cp) for cp in range(0x4E00, 0xA000)]
    converted = converter.convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # pragma: no cover - defensive, OpenCC keeps line structure
        return {}
    return {ord(a): b for a, b in zip(chars, converted, strict=True) if a != b and len(b) == 1}


# Characters dropped in step 2: whitespace, punctuation, symbols, marks, format (zero-width)
# characters and emoji. Letters, digits, CJK and the heart marker are kept.
_KEPT_RUN = re.compile(r"[0-9a-z\u00c0-\u024f\u0370-\u052f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af" + HEART + r"]+")
_LATIN_END = re.compile(r"[0-9a-z]")


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus what is needed to map its positions back to the original."""

    text: str
    folded: str  # step 1 only: same length and offsets as the original
    run_starts: tuple[int, ...]  # start of each kept run in ``text``
    run_origins: tuple[int, ...]  # start of the same run in the original

    def to_original(self, pos: int) -> int:
        """Original offset of the character at ``pos`` in ``text``."""
        index = bisect_right(self.run_starts, pos) - 1
        if index < 0:
            return 0
        return self.run_origins[index] + (pos - self.run_starts[index])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalized span [start, end)."""
        if end <= start:
            first = self.to_original(start)
            return first, first
        return self.to_original(start), self.to_original(end - 1) + 1


def normalize(original: str) -> Normalized:
    """Fold ``original`` (step 1) and drop separators (step 2), keeping an offset map."""
    folded = original.translate(fold_table())
    parts: list[str] = []
    run_starts: list[int] = []
    run_origins: list[int] = []
    length = 0
    prev_latin_end = False
    prev_single = False
    for match in _KEPT_RUN.finditer(folded):
        run = match.group()
        starts_latin = _LATIN_END.match(run) is not None
        single = len(run) == 1
        if prev_latin_end and starts_latin and not (prev_single and single):
            # keep a word boundary between Latin words; the space maps to the separator
            parts.append(" ")
            run_starts.append(length)
            run_origins.append(match.start() - 1)
            length += 1
        parts.append(run)
        run_starts.append(length)
        run_origins.append(match.start())
        length += len(run)
        prev_latin_end = _LATIN_END.match(run[-1]) is not None
        prev_single = single
    return Normalized("".join(parts), folded, tuple(run_starts), tuple(run_origins))


def leet_view(text: str) -> str | None:
    """``text`` with leetspeak digits read as letters (same length), or None if it has none."""
    if _LEET_HINT.search(text) is None:
        return None
    return text.translate(_LEET)


def is_latin_word_char(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("0" <= ch <= "9")
