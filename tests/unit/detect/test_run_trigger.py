"""The segmenter reads only the runs of letters around goods names the automaton saw inside them: the
same runs as a pass over the whole page finds."""

from __future__ import annotations

import random

from linkscan.detect import Detector
from linkscan.detect.engine import _leet_words, _Page, _read_leet
from linkscan.detect.segment import Segmenter, _letter_runs_around

WORDS = [
    "buy",
    "cheap",
    "xanax",
    "c0caine",
    "cocaine",
    "replica",
    "rolex",
    "online",
    "loans",
    "payday",
    "now",
    "international",
    "ization",
    "order",
    "30mg",
]
WORDS += ["heroin", "é", "贷款", ". ", " ", "-", "www.", ".com", "@"]


def _texts(count: int, seed: int) -> list[str]:
    chooser = random.Random(seed)
    return ["".join(chooser.choice(WORDS) for _ in range(chooser.randint(1, 30))) for _ in range(count)]


def test_runs_around_every_position_are_the_runs_of_the_page() -> None:
    for text in _texts(300, 1):
        assert list(_letter_runs_around(text, range(len(text)))) == list(Segmenter._letter_runs(text))


def test_the_runs_read_are_those_a_pass_over_the_page_finds() -> None:
    # Given pages of goods names, glue, leetspeak, addresses and ordinary long words run together
    detector = Detector.load()
    for text in _texts(400, 2):
        page = _Page.of(text)
        detector._match(page)
        leet = [page.folded_span(start, end) for start, end in _leet_words(page.joined)]
        folded = _read_leet(page.joined_folded, leet)  # as the engine reads it: leetspeak as letters
        # When the runs are looked for around the goods names the scan saw, Then they are the same
        around = [page.folded_span(start, end)[0] for start, end in page.named_in_runs]
        everywhere = detector.segmenter.long_runs(folded, folded, detector._names_goods_inside)
        assert detector.segmenter.long_runs(folded, folded, detector._names_goods_inside, around=around) == everywhere
