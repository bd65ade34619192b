"""The cheaper ways the engine runs the structured patterns find exactly what the regexes' own
``finditer`` finds: a price, phone number or sale quantity that a full scan matches is never lost,
and nothing is found that a full scan would not match."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator

import pytest

from linkscan.detect import Detector
from linkscan.detect.normalize import fold
from linkscan.detect.patterns import (
    MAX_DISTINCT_PATTERN_TERMS,
    _anchored_finditer,
    _split_finditer,
    digits_as_zero,
    scan_together,
    split_leads,
    treats_digits_alike,
)
from linkscan.detect.rules import CompiledRules
from linkscan.settings import DetectionSettings

# what pages are made of where these patterns look: digits, masked digits (x), units, currency,
# Chinese numerals and money words, separators, and a few other letters and CJK characters
_ATOMS = (
    list("0123456789" * 4)
    + list("xxxx    ..,,::%$£€¥＄￥+-\n")
    + ["\u3000", "\xa0", "µ", "é", "中", "a", "b", "元", "块钱", "万元", "厘", "克", "粒", "片", "qq", "扣扣", "号"]
    + list("一二三四五六七八九十〇零幺壹两叁肆伍陆柒捌玖贰")
    + ["g", "gr", "gram", "kg", "oz", "mg", "µg", "pcs", "pills", "tabs", "vr", "sh", "a", "usd", "off"]
)


def _random_texts(count: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(_ATOMS) for _ in range(rng.randint(1, rng.choice((8, 30, 120)))))


_PAGES = (
    "14g of white, 3.5 gram, 28g 1,5 kg; calibre a2824, vr 3235, sh3135 -- call 13812345678 now, 2024",
    "价格 128元 满xx减xx元 3.5万元 日息5厘 10克 一三八一二三四五六七八 壹叁玖零零零零零零零零 ￥99 $1,200",
    "中文页面 " * 30 + "a 7750 movement 500 pcs 12 pills 13912345678",
    "xxxxxxxxxxx 一三八一三八一三八一三八一三八一三 1381381381381 ¥5 ＄6 €7",
)


@pytest.fixture(scope="module")
def compiled() -> CompiledRules:
    return Detector.load(DetectionSettings()).compiled


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


def _capped(matches: Iterable[re.Match[str]]) -> list[tuple[int, int, str]]:
    """What the engine keeps: matches until MAX_DISTINCT_PATTERN_TERMS distinct terms."""
    kept, terms = [], set()
    for match in matches:
        kept.append((match.start(), match.end(), match.group()))
        terms.add(match.group().strip())
        if len(terms) >= MAX_DISTINCT_PATTERN_TERMS:
            break
    return kept


def test_shipped_digit_led_patterns_scan_together_without_a_class_test(compiled: CompiledRules) -> None:
    # sale quantities and clone-movement calibres: one scan, and on mostly-ASCII pages a scan for
    # the literal "0" in a copy with every digit made "0"
    (group,) = {plan.group for plan in compiled.patterns if plan.way == "shared"}
    assert len(group) == 2 and all(compiled.patterns[member].digit_blind for member in group)


def test_a_pattern_with_a_digit_of_its_own_is_not_digit_blind() -> None:
    assert treats_digits_alike(r"[0-9](?<![0-9a-z.][0-9])[0-9]{3}\b\s?(?:g|µg)")
    assert not treats_digits_alike(r"1[3-9][0-9]{9}")  # a mobile number starts with 1
    assert not treats_digits_alike(r"[0-9][1-9]")
    assert not treats_digits_alike(r"([0-9])\1")  # a repeated digit


@pytest.mark.parametrize(
    "regex",
    [
        r"[0-9](?<![0-9a-z.][0-9])[0-9]*+(?:[.,][0-9]++)?+\s?+(?:x|g|mg)\b",  # possessive repeats
        r"[0-9]{1,3}[^0-9a-z]\d\D\w",  # counts, a negated set, class escapes
        r"[!-~][]a-z][\]x]",  # a range over every digit, "]" as a member
    ],
)
def test_digit_blind_readings(regex: str) -> None:
    assert treats_digits_alike(regex)


@pytest.mark.parametrize(
    "regex",
    [r"[0-5]a", r"[^13]", r"\x30", r"(?P<n>a)(?P=n)", r"a{2,x}1", r"[\u0030]", r"(?P<g1>a)", r"[0-9"],
)
def test_what_may_tell_digits_apart_is_not_digit_blind(regex: str) -> None:
    # a partial set, a digit spelt as an escape, a named back-reference, a digit in a group's name
    assert not treats_digits_alike(regex)


def test_pattern_plans_use_no_private_module_of_the_regex_engine() -> None:
    from pathlib import Path

    from linkscan.detect import engine, patterns, rules

    for module in (engine, patterns, rules):
        source = Path(str(module.__file__)).read_text(encoding="utf-8")
        assert "re._parser" not in source and "sre_parse" not in source, module.__name__


def test_digits_are_zeroed_in_place_on_mostly_ascii_text_only() -> None:
    assert digits_as_zero("abc 123, é 9") == "abc 000, é 0"
    assert digits_as_zero("中文页面 12 元" * 10) is None  # the UTF-8 round trip costs more there
    assert digits_as_zero("a lone \ud800 surrogate 12") is None


def test_quantities_and_calibres_found_in_one_scan_are_each_patterns_own(compiled: CompiledRules) -> None:
    (members,) = {plan.group for plan in compiled.patterns if plan.way == "shared"}
    for text in [*_PAGES, *_random_texts(3000, seed=7)]:
        folded = fold(text)
        together = scan_together(members, compiled.patterns, folded)
        for member in members:
            alone = _capped(compiled.patterns[member].regex.finditer(folded))
            assert _spans(together[member]) == alone, text
            # the only one whose gate is open (goods of one category named) scans the same way
            by_itself = scan_together([member], compiled.patterns, folded)[member]
            assert _spans(by_itself) == alone, text


def test_prices_and_chinese_numeral_phones_are_split_by_their_lead(compiled: CompiledRules) -> None:
    leads = {tuple(char for char, _regex in plan.leads) for plan in compiled.patterns if plan.way == "split"}
    assert tuple(sorted("$£€¥＄￥")) in leads
    assert tuple(sorted("1一幺壹")) in leads
    assert ("q", "扣") in leads  # "qq 12345" or "扣扣 12345": alternatives with distinct leads
    assert split_leads(re.compile(r"[0-9x]元")) == ()  # a range: one class test is cheaper


@pytest.mark.parametrize("regex", [r"[ab]c|d", r"[ab](c)|[|]", r"ab|ac", r"(a)\1|b", r"1[3-9]"])
def test_a_lead_that_does_not_start_every_match_is_not_split(regex: str) -> None:
    # "d" matches without the lead; one lead character: the regex engine's own scan is as cheap
    assert split_leads(re.compile(regex)) == ()


def test_a_split_lead_keeps_alternatives_inside_groups() -> None:
    regex = re.compile(r"[ab](?:c|d)[|]")
    text = "ad| bc| ac bd|"
    assert _spans(_split_finditer(split_leads(regex), text)) == _spans(regex.finditer(text))


def test_split_and_anchored_scans_find_what_a_full_scan_finds(compiled: CompiledRules) -> None:
    for text in [*_PAGES, *_random_texts(3000, seed=8)]:
        folded = fold(text)
        for plan in compiled.patterns:
            assert _spans(plan.finditer(folded)) == _spans(plan.regex.finditer(folded)), (plan.way, text)


class _CountingPattern:
    """A regex that counts the stretches it is asked to scan."""

    def __init__(self, regex: str) -> None:
        self.regex = re.compile(regex)
        self.scans = 0

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**62) -> Iterator[re.Match[str]]:
        self.scans += 1
        return self.regex.finditer(text, pos, endpos)


def test_an_anchored_scan_stops_where_the_engine_stops_asking() -> None:
    # a page with forty prices: the engine keeps a few distinct ones and should not scan the rest
    price = _CountingPattern(r"[0-9](?<![0-9][0-9])[0-9]{0,8}\s?元")
    text = "".join(f"第{i}件 {i}元，" + "说明文字" * 20 for i in range(40))
    matches = _anchored_finditer(price, text, ("元",), 24)  # type: ignore[arg-type]
    assert [next(matches).group() for _ in range(3)] == ["0元", "1元", "2元"]
    assert price.scans <= 3
    assert len(list(matches)) == 37


def test_leet_words_are_found_alike_on_the_digit_translated_copy() -> None:
    # a page is searched for leetspeak on a copy of its UTF-8 with the leet digits made "0" (offsets
    # mapped back to characters where it is not all ASCII): the same stretches as the class-led
    # regex on the page itself, with wide and astral characters and lone surrogates around them
    from linkscan.detect.engine import _LEET_INSIDE, _leet_words

    rng = random.Random(11)
    atoms = [
        *"0123456789",
        *"abcdefghiz",
        " ",
        "-",
        "中",
        "é",
        "😀",
        "\ud800",
        "r3plica ",
        "c0caine ",
        "a2824 ",
        "0rder ",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 60)))
        expected = []
        for match in _LEET_INSIDE.finditer(text):
            if not expected or match.start() >= expected[-1][1]:
                start, end = match.start(), match.end()
                while start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
                    start -= 1
                while end < len(text) and text[end].isascii() and text[end].isalnum():
                    end += 1
                expected.append((start, end))
        assert _leet_words(text) == expected, text


@pytest.mark.parametrize(
    "text",
    [
        "cheap pills, pay in usdt, v: seller_88, 飞机@dealer and 138****1234",
        "nothing here names a literal at all",
        "正品高仿手表，微信 v：abc123，支持usdt付款",
        "an English page, mostly ASCII, that ends in 100元 or £5 - the wide ones are found by the automaton",
        "纯中文页面，没有任何数字或者货币符号，只有普通的句子和标点。" * 3,  # wide: single characters by "in"
        "lone \ud800 surrogate with usdt inside",
        "",
    ],
)
def test_the_needs_index_finds_exactly_the_literals_a_text_holds(compiled: CompiledRules, text: str) -> None:
    from linkscan.detect.patterns import NeedsIndex

    index = NeedsIndex(compiled.patterns)
    assert index.literals  # the shipped packs gate patterns on literals
    assert index.present(text) == {literal for literal in index.literals if literal in text}


def test_a_literal_led_pattern_on_a_page_full_of_its_literal_is_read_in_one_pass(compiled: CompiledRules) -> None:
    # masked numbers all over a Chinese SMS page: the regex engine skips to "x" faster than windows
    # around each occurrence are set up; a class-led pattern keeps its windows up to its own budget
    (masked,) = [plan for plan in compiled.patterns if plan.needs == ("xxxxxxxxxxx",)]
    assert masked.way == "anchored" and masked.literal_led
    text = ("客户 xxxxxxxxxxx 您好" + "贷款已到账，请查收。" * 8) * 40
    counted = _CountingPattern(masked.regex.pattern)
    found = list(_anchored_finditer(counted, text, masked.needs, masked.within, literal_led=True))  # type: ignore[arg-type]
    assert counted.scans == 1 and len(found) == 40 and _spans(found) == _spans(masked.regex.finditer(text))
    counted = _CountingPattern(masked.regex.pattern)
    list(_anchored_finditer(counted, text, masked.needs, masked.within))  # type: ignore[arg-type]
    assert counted.scans == 40
