"""Folding keeps a map back to the original text, so evidence offsets point at what the user wrote."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from linkscan.miniprogram.textmatch import SAFE_CHARS, compact, find_terms, fold


def test_every_safe_character_folds_to_exactly_one_character() -> None:
    safe = re.compile(f"[{SAFE_CHARS}]")
    chars = [chr(c) for c in range(0x10000) if safe.fullmatch(chr(c))]
    assert len(chars) > 20_000
    assert all(len(c.casefold()) == 1 for c in chars)


def test_full_width_and_case_are_folded_and_offsets_point_at_the_original() -> None:
    text = "客服：加 ＶＸ 号 abc"
    folded = compact(text)
    assert "加vx号abc" in folded.text
    (match,) = find_terms(folded, ["加vx号"])
    assert text[match.start : match.end] == "加 ＶＸ 号"


def test_zero_width_characters_vanish_from_both_forms() -> None:
    assert fold("微\u200b信", keep_spaces=True).text == "微信"
    assert compact("微\u200b 信").text == "微信"


@given(st.text(max_size=60))
def test_each_folded_character_maps_to_an_original_character_it_came_from(text: str) -> None:
    folded = fold(text, keep_spaces=True)
    for index, char in enumerate(folded.text):
        origin = folded.origin(index)
        source = text[origin]
        assert char in unicodedata.normalize("NFKC", source).casefold() or char == source.casefold()
