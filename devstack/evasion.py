"""Evasion variants of a text, the way sellers disguise an ad from keyword filters.

Each kind rewrites the WHOLE text, key words and cue words alike, as a determined seller would; the
evaluation (``devstack.evaluate``) scores the variants of every dev item the detector catches and
reports, per kind, how many are still caught. Seeded, so the figures repeat.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

_LATIN_WORD = re.compile(r"[A-Za-z]{4,}")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "A": "4", "E": "3", "I": "1", "O": "0"})
_HOMOGLYPHS = str.maketrans({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і"})  # Cyrillic
_FULLWIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}
_EMOJI = "🔥💰✅🎉💯"


def _per_word(text: str, change: Callable[[str], str]) -> str:
    return _LATIN_WORD.sub(lambda m: change(m.group()), text)


def leetspeak(text: str, rng: random.Random) -> str:
    """Digits for letters inside Latin words (c0caine, l0ans)."""
    return _per_word(text, lambda word: word.translate(_LEET) if rng.random() < 0.7 else word)


def separators(text: str, rng: random.Random) -> str:
    """A dot, dash or space between the letters of Latin words and between CJK characters."""
    mark = rng.choice([".", "-", " ", "*"])
    text = _per_word(text, mark.join)
    return _CJK.sub(lambda m: m.group() + mark, text)


def zero_width(text: str, _rng: random.Random) -> str:
    """A zero-width space between every two characters (invisible in a browser)."""
    return "\u200b".join(text)


def fullwidth(text: str, _rng: random.Random) -> str:
    return text.translate(_FULLWIDTH)


def homoglyphs(text: str, _rng: random.Random) -> str:
    """Cyrillic letters that look Latin."""
    return _per_word(text, lambda word: word.translate(_HOMOGLYPHS))


def emoji_between(text: str, rng: random.Random) -> str:
    """Emoji between CJK characters and between Latin words."""
    text = _CJK.sub(lambda m: m.group() + rng.choice(_EMOJI), text)
    return text.replace(" ", " " + rng.choice(_EMOJI) + " ")


def traditional(text: str, _rng: random.Random) -> str:
    """Simplified Chinese written in traditional characters (OpenCC, a development dependency)."""
    return str(_to_traditional().convert(text))


@lru_cache(maxsize=1)
def _to_traditional() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


def run_together(text: str, _rng: random.Random) -> str:
    """Latin words glued together (buycocaineonline)."""
    return re.sub(r"(?<=[A-Za-z0-9]) (?=[A-Za-z0-9])", "", text)


KINDS: dict[str, Callable[[str, random.Random], str]] = {
    "leetspeak": leetspeak,
    "separators": separators,
    "zero_width": zero_width,
    "fullwidth": fullwidth,
    "homoglyphs": homoglyphs,
    "emoji": emoji_between,
    "traditional": traditional,
    "run_together": run_together,
}
LATIN_ONLY = frozenset({"leetspeak", "homoglyphs", "run_together"})
CJK_ONLY = frozenset({"traditional"})


def variants(item_id: str, text: str, lang: str) -> dict[str, str]:
    """Every kind that applies to the text's language, seeded by the item's id."""
    out: dict[str, str] = {}
    for kind, change in KINDS.items():
        if (lang == "zh" and kind in LATIN_ONLY) or (lang != "zh" and kind in CJK_ONLY):
            continue
        variant = change(text, random.Random(f"{item_id}:{kind}"))  # noqa: S311 (seeded figures, no secret)
        if variant != text:
            out[kind] = variant
    return out
