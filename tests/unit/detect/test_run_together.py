"""Obfuscation by gluing words together: a term inside a longer word counts only beside glue."""

from __future__ import annotations

import pytest

from linkscan.detect import Detector


def _terms(text: str) -> set[str]:
    detection = Detector.load().detect(text)
    return {e.term for c in detection.categories for e in c.evidence}


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("buycocaineonline cheap, ship worldwide", "cocaine"),
        ("replicawatches for sale, whatsapp me", "replica"),
        ("cheapviagra4u order now", "viagra"),
        ("B u y  c 0 c a i n e  and bars here, telegram", "cocaine"),  # spaced and leetspeak
    ],
)
def test_a_term_glued_to_shop_words_is_found(text: str, term: str) -> None:
    assert term in _terms(text)


@pytest.mark.parametrize("text", ["she is the heroine of the film", "we replicate results in the lab"])
def test_ordinary_words_that_contain_a_term_stay_words(text: str) -> None:
    assert Detector.load().detect(text).categories == []


def test_glued_evidence_points_at_the_original_text() -> None:
    text = "Hello! buycocaineonline now, ship worldwide, whatsapp me"
    detection = Detector.load().detect(text)
    evidence = next(e for c in detection.categories for e in c.evidence if e.term == "cocaine")
    assert text[evidence.start : evidence.end] == "cocaine"


def test_text_run_together_into_one_long_word_names_its_terms_glue_or_not() -> None:
    # every space removed: "flakes" and "racemic" are no glue, but a word this long is no English word
    assert "cocaine" in _terms("samplehalfgrampurecocaineflakesfreeshipmentworldwide, telegram me")


@pytest.mark.parametrize(
    "text", ["internationalization of the heroine's story", "counterrevolutionaries replicated it"]
)
def test_long_ordinary_words_stay_words(text: str) -> None:
    assert Detector.load().detect(text).categories == []


def test_a_term_inside_a_word_spelled_out_letter_by_letter_counts() -> None:
    # "C-O-C-A-I-N-E-f-l-a-k-e-s" normalizes to one word, "cocaineflakes": flakes is no glue, but a
    # word written letter by letter is glued text
    assert "cocaine" in _terms("S-A-M-P-L-E 0.5 g-r-a-m p-u-r-e C-O-C-A-I-N-E-f-l-a-k-e-s, telegram me")


def test_a_short_term_inside_a_spelled_out_word_stays_inside() -> None:
    # "c l e a n" holds "lean" (a drug slang term): only terms of five letters or more count inside
    assert "lean" not in _terms("c l e a n   a n d   f r e s h   s h e e t s , order now")
