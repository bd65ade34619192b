"""Generate the character fold table of detection's step 1 (``linkscan/detect/fold_table.json``).

python -m devstack.fold_table            # rewrite the table
python -m devstack.fold_table --check    # exit 1 if the committed table is not what this builds

The table maps one character to one character (so offsets survive): full-width forms, NFKC
compatibility forms (circled digits, mathematical letters), look-alike letters from other scripts,
accented Latin letters to their base letter, heart symbols to one marker, and traditional Chinese to
simplified from OpenCC's t2s dictionaries. It is built here, at development time, and shipped as
data: building it at cold start cost 40-60 ms (OpenCC alone ~20), and a table fixed in the
repository folds the same on every Python, whatever its Unicode version.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata

from linkscan.detect.normalize import HEART, KEPT_CHAR, TABLE_PATH

# Blocks whose characters may fold to something else under NFKC or the look-alike map.
FOLD_RANGES: tuple[tuple[int, int], ...] = (
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
CONFUSABLES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q",
    "ԝ": "w", "ɡ": "g", "ı": "i", "ӏ": "l",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "ω": "w", "γ": "y", "μ": "u",
}  # fmt: skip

# Hearts and similar symbols stand in for 信 in 微❤ ("WeChat"): all read as one marker.
HEARTS = "❤♥♡💗💓💕💖💘💝💞❣🧡💛💚💙💜🖤🤍🤎"


def fold_char(ch: str) -> str | None:
    """The one kept character ``ch`` folds to, or None when folding is of no use."""
    if ch in CONFUSABLES:
        return CONFUSABLES[ch]
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
    folded = CONFUSABLES.get(folded, folded)
    if "\u00c0" <= folded <= "\u1eff":  # a Latin letter with diacritics reads as its base letter
        base = unicodedata.normalize("NFD", folded)[0]
        if "a" <= base <= "z":
            folded = base
    if folded == ch or (folded != HEART and KEPT_CHAR.match(folded) is None):
        return None  # punctuation folding to punctuation: step 2 drops both forms anyway
    return folded


def traditional_to_simplified() -> dict[int, str]:
    """Character-level t2s from OpenCC: one call over every CJK unified ideograph.

    Only one-to-one conversions are kept, so offsets survive; phrase-level conversions (rare for
    the words rules care about) are not applied.
    """
    import opencc

    chars = [chr(cp) for cp in range(0x4E00, 0xA000)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        raise RuntimeError("OpenCC changed the line structure of the ideograph list")
    return {ord(a): b for a, b in zip(chars, converted, strict=True) if a != b and len(b) == 1}


def build() -> dict[int, str]:
    table: dict[int, str] = {}
    for start, end in FOLD_RANGES:
        for cp in range(start, end + 1):
            folded = fold_char(chr(cp))
            if folded is not None:
                table[cp] = folded
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    for heart in HEARTS:
        if len(heart) == 1:
            table[ord(heart)] = HEART
    table.update(traditional_to_simplified())
    # fold to a fixed point (U+3244 circled 問 -> 問 -> 问): folding twice must equal folding once, so
    # that replacing a page's characters one by one gives the same text in any order
    for cp, first in table.items():
        to = first
        while ord(to) in table and table[ord(to)] != to:
            to = table[ord(to)]
        table[cp] = to
    return table


def document(table: dict[int, str]) -> str:
    import opencc

    code_points = sorted(table)
    doc = {
        "generated_by": "python -m devstack.fold_table",
        "unicode_version": unicodedata.unidata_version,
        "opencc_version": opencc.__version__,
        # two strings of equal length: the character at i folds to the character at i
        "from": "".join(chr(cp) for cp in code_points),
        "to": "".join(table[cp] for cp in code_points),
    }
    return json.dumps(doc, ensure_ascii=False, indent=0) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed table, write nothing")
    args = parser.parse_args(argv)
    text = document(build())
    if args.check:
        if TABLE_PATH.read_text(encoding="utf-8") != text:
            print(f"{TABLE_PATH} is out of date: run python -m devstack.fold_table", file=sys.stderr)
            return 1
        return 0
    TABLE_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
