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
from functools import lru_cache
from itertools import accumulate

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

# Step 2a: a separator between two single letters is marked to go ("c o c a i n e" -> "cocaine").
# Patterns start with their character class, with look-behinds after it, so that the regex engine
# skips quickly to candidates.
_JOIN = "\x01"
_SINGLE_LETTER_GAP = re.compile(
    f"[^{_KEPT}](?<=(?<![{_KEPT}])[{_LATIN}].)(?=[^{_KEPT}]*[{_LATIN}](?![{_KEPT}]))", re.DOTALL
)
# Step 2b: every separator character goes except the first one after a Latin word that another
# Latin word follows. It matches one character at a time, so replacing each by _GONE keeps the
# length (and the offset map); the kept separators then become plain spaces (same length again).
_DROP = re.compile(f"[^{_KEPT}](?:(?<={_JOIN})|(?<![{_LATIN}].)|(?![^{_KEPT}]*[{_LATIN}]))", re.DOTALL)
_GONE = "\x00"
_NOT_SPACE_SEPARATOR = re.compile(f"[^{_KEPT} ]")
_ASCII_TO_SPACE = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})
_BLOCK = 64  # characters per block of the offset map (a lookup scans at most one block)
# The ASCII fast path's single-letter join, on text whose separators are single spaces already.
_SINGLE_LETTER_SPACE = re.compile(f" (?<=(?<![{_LATIN}])[{_LATIN}] )(?=[{_LATIN}](?![{_LATIN}]))")
_SPACE_AFTER_SPACE = re.compile(" (?<=  )")
_SINGLE_LETTER_SPACE_MASKED = re.compile(f" (?<=(?<![{_LATIN}])[{_LATIN}] )(?=(?:\x00)*[{_LATIN}](?![{_LATIN}]))")
_SPACE_OR_GONE = " \x00"
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
    for ch in _TYPOGRAPHIC:  # separators either way: as spaces, most English pages become ASCII
        if ch in lowered:
            lowered = lowered.replace(ch, " ")
    if lowered.isascii():
        return lowered
    present = _foldable().intersection(lowered)  # a set operation in C (a regex class this big
    # costs more to compile than the detector's whole load budget allows)
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

    __slots__ = ("_block_kept", "_mapped", "_masked", "folded", "text")

    def __init__(self, text: str, folded: str, masked: str | None) -> None:
        self.text = text
        self.folded = folded  # step 1 only: same length and offsets as the original
        # step 2 with each removed character replaced by _GONE (same length); computed on first
        # use when the fast path made ``text``
        self._masked = masked
        self._block_kept: list[int] = [0]  # kept characters before each block of masked
        self._mapped = 0  # positions of text below this map with what is masked so far

    def to_original(self, pos: int) -> int:
        """Original offset of the character at ``pos`` in ``text``."""
        if pos >= self._mapped:
            self._map_past(pos)
        masked = self._masked or ""
        block_kept = self._block_kept
        block = bisect_right(block_kept, pos) - 1
        remaining = pos - block_kept[block]
        for index in range(block * _BLOCK, min(len(masked), (block + 1) * _BLOCK)):
            if masked[index] != _GONE:
                if remaining == 0:
                    return index
                remaining -= 1
        return len(self.folded)  # pos is past the end of text

    def _map_past(self, pos: int) -> None:
        """Mask a prefix of ``folded`` long enough to map ``pos`` (evidence sits mostly early)."""
        folded = self.folded
        length = len(self._masked) if self._masked is not None else 0
        while True:
            if length < len(folded):
                length = min(len(folded), max(2 * length, 2 * pos + 1024))
                self._masked = _mask_ascii(folded[:length])
            masked = self._masked or ""
            starts = range(0, len(masked), _BLOCK)
            kept = (min(_BLOCK, len(masked) - i) - masked.count(_GONE, i, i + _BLOCK) for i in starts)
            self._block_kept = list(accumulate(kept, initial=0))
            if length >= len(folded):
                self._mapped = len(self.text) + 1  # the whole text: every position maps
                return
            # a cut prefix decides every separator before its last two kept characters as the
            # whole text does (step 2 looks one kept character and one more beyond a separator)
            self._mapped = self._block_kept[-1] - 2
            if pos < self._mapped:
                return

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalized span [start, end)."""
        if end <= start:
            first = self.to_original(start)
            return first, first
        return self.to_original(start), self.to_original(end - 1) + 1


def _mask(folded: str) -> str:
    return _DROP.sub(_GONE, _SINGLE_LETTER_GAP.sub(_JOIN, folded))


def _mask_ascii(folded: str) -> str:
    """``_mask`` for ASCII text (the fast path's), in cheaper passes: with every separator a space,
    the kept one is the first space of each gap between two words."""
    masked = _SPACE_AFTER_SPACE.sub(_GONE, folded.translate(_ASCII_TO_SPACE))
    masked = _SINGLE_LETTER_SPACE_MASKED.sub(_GONE, masked)
    lead = len(masked) - len(masked.lstrip(_SPACE_OR_GONE))
    trail = len(masked) - len(masked.rstrip(_SPACE_OR_GONE))
    return _GONE * lead + masked[lead : len(masked) - trail] + _GONE * trail if lead < len(masked) else _GONE * lead


def normalize(original: str) -> Normalized:
    """Fold ``original`` (step 1) and drop separators (step 2), keeping an offset map."""
    folded = fold(original)
    plain = _ascii_view(folded)
    if plain is not None:
        # fast path, same result as the general one for ASCII text: every separator run between
        # two words becomes one space (str.split/join in C), then single letters are joined
        text = _SINGLE_LETTER_SPACE.sub("", " ".join(plain.split()))
        return Normalized(text, folded, None)
    masked = _mask(folded)
    text = masked.replace(_GONE, "")
    # (translate has a fast path for ASCII text and an ASCII table)
    text = text.translate(_ASCII_TO_SPACE) if text.isascii() else _NOT_SPACE_SEPARATOR.sub(" ", text)
    return Normalized(text, folded, masked)


def _ascii_view(folded: str) -> str | None:
    """``folded`` with every separator a space if it is ASCII (``fold`` turned common typographic
    separators such as curly quotes and dashes into spaces), else None."""
    return folded.translate(_ASCII_TO_SPACE) if folded.isascii() else None


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
