"""The automaton read over a page's stretches in one pass finds what a pass over each stretch finds."""

from __future__ import annotations

import random

from linkscan.detect import Detector

PIECES = ["buy", "c0caine", "cocaine", "loan", "replica", "rolex", " ", "  ", "x", "forsale", "\x01", "é", "贷款"]


def _per_stretch(detector: Detector, text: str, stretches: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    found = []
    for low, high in stretches:
        for key, start, end in detector.compiled.automaton.find_matches_as_indexes(text[low:high], overlapping=True):
            found.append((key, start + low, end + low))
    return found


def test_one_pass_over_the_stretches_finds_what_each_stretch_holds() -> None:
    # Given pages of goods words and glue, and sorted stretches of them that do not touch
    detector = Detector.load()
    chooser = random.Random(13)
    for _ in range(300):
        text = "".join(chooser.choice(PIECES) for _ in range(chooser.randint(1, 40)))
        cuts = sorted(chooser.sample(range(len(text) + 1), k=min(len(text) + 1, 2 * chooser.randint(1, 4))))
        stretches = [(low, high) for low, high in zip(cuts[::2], cuts[1::2], strict=False) if high > low]
        stretches = [s for n, s in enumerate(stretches) if n == 0 or s[0] > stretches[n - 1][1]]
        if not stretches:
            continue
        # When the stretches are read in one pass, Then the matches are those of one pass per stretch
        assert detector._stretch_matches(text, stretches) == _per_stretch(detector, text, stretches)
