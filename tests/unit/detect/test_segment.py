"""Words run together ("buymethpipesonline") and goods names misspelt by one letter ("viagara"):
offers disguised so are read as the words they are, and ordinary text that looks alike (long words,
addresses, identifiers, blobs, pinyin, words one letter from a drug name) stays as it is. Texts
are written for these tests."""

from __future__ import annotations

import pytest

from linkscan.detect import Detector
from linkscan.detect.misspell import within_one_edit
from linkscan.detect.segment import Segmenter, english_words


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.load()


def _flagged(detector: Detector, text: str) -> str:
    detection = detector.detect(text)
    return detection.categories[0].category if detection.decision != "allow" and detection.categories else "clean"


def _terms(detector: Detector, text: str) -> set[str]:
    return {e.term for c in detector.detect(text).categories for e in c.evidence}


# --- the segmenter ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "pieces"),
    [
        ("cheapketamineshippedtoday", ["cheap", "ketamine", "shipped", "today"]),
        ("ordernowpaylater", ["order", "now", "pay", "later"]),
        ("pureheroin5grams", ["pure", "heroin", "5", "grams"]),
        ("sig365forsale", ["sig", "365", "for", "sale"]),
    ],
)
def test_words_run_together_are_split_into_the_words_they_are(word: str, pieces: list[str]) -> None:
    assert Segmenter(["sig"]).word_pieces(word) == pieces


@pytest.mark.parametrize(
    "word",
    [
        "responsibilities",  # a word of the list stays whole
        "heroines",
        "aGVyb2luZm9yc2FsZQ".lower(),  # base64 of a phrase: no split into known words only
        "zhongguorenminyinhang",  # pinyin
        "rechtsschutzversicherungsgesellschaften",  # a German compound
        "xxxxxxxxxxx",  # the SMS corpus's masked digits
        "carisoprodol",  # an unknown drug name is not cut into scraps ("car i so prod ol")
    ],
)
def test_words_and_strings_that_are_no_run_together_text_are_left_whole(word: str) -> None:
    assert Segmenter().word_pieces(word) is None


# --- run-together offers -----------------------------------------------------------------------------

RUN_TOGETHER_OFFERS = [
    ("contraband", "Freshmdmacrystalsavailable, $40 a gram, discreetpackaging, ordernow on wickr"),
    ("contraband", "Wesupplyfentanylpowderinbulk, pricesonrequest, telegram only"),
    ("cash_loan", "Instantpaydayloansfor badcredit, getcashinonehour, applyonline now"),
    ("contraband", "Glock19andglock17pistolsnopaperworkneeded, $650 each, dm me"),
]


@pytest.mark.parametrize(("category", "text"), RUN_TOGETHER_OFFERS)
def test_an_offer_with_its_words_run_together_is_caught(detector: Detector, category: str, text: str) -> None:
    assert _flagged(detector, text) == category


def test_the_offer_model_reads_run_together_words_as_words(detector: Detector) -> None:
    glued = detector.detect("Cheapketamineshippedtoday, $40 a gram, discreetpackaging, ordernow on wickr")
    spaced = detector.detect("Cheap ketamine shipped today, $40 a gram, discreet packaging, order now on wickr")
    assert glued.offer is not None and spaced.offer is not None
    assert abs(glued.offer.probability - spaced.offer.probability) < 0.1


def test_evidence_of_a_split_word_points_at_the_original_text(detector: Detector) -> None:
    text = "Hi! Wesupplyfentanylpowderinbulk, pricesonrequest, telegram only"
    evidence = next(e for c in detector.detect(text).categories for e in c.evidence if e.term == "fentanyl")
    assert text[evidence.start : evidence.end] == "fentanyl"


@pytest.mark.parametrize(
    "text",
    [
        "Our internationalization team rewrote the counterrevolutionary chapter, order now to read it.",
        "Docs at https://kube.example.org/replicasets/replicaheroinbackup explain scaling, subscribe now.",
        "Mail orders to heroinesofhistory@example.com, order now, free shipping",
        "class ReplicaSetController: restarts failed pods; GetReplicaStatus returns their state.",
        "Upload aGVyb2luIGZvciBzYWxlIGNoZWFw as the token, order now, free shipping",
        "Hex digest 9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f, order now",
        "Die Rechtsschutzversicherungsgesellschaften senken die Preise, jetzt bestellen.",
        "Our tour visits tiananmenguangchang and wangfujingdajie, book now, free pickup.",
    ],
)
def test_text_that_only_looks_run_together_is_allowed(detector: Detector, text: str) -> None:
    assert _flagged(detector, text) == "clean"


def test_a_glued_web_address_is_not_read_as_words(detector: Detector) -> None:
    # a host or path glues its words by nature: no goods are named inside one
    assert "heroin" not in _terms(detector, "See https://example.org/replicaheroinbackup for the backups")


# --- misspellings --------------------------------------------------------------------------------------

MISSPELT_OFFERS = [
    ("contraband", "Viagara 100mg, cheapest prices online, order now, discreet shipping"),
    ("contraband", "Ketamime crystals in stock, $30 a gram, discreet shipping, order now"),
    ("contraband", "Mephedrine 10g for sale, discreet shipping, order now"),
    ("contraband", "Canabis oil, next day delivery, order on our site, $25 a bottle"),
    ("counterfeit", "Replika Rolex watches grade AAA, $180 each, free shipping, whatsapp us to order"),
]


@pytest.mark.parametrize(("category", "text"), MISSPELT_OFFERS)
def test_an_offer_naming_its_goods_misspelt_by_one_letter_is_caught(
    detector: Detector, category: str, text: str
) -> None:
    assert _flagged(detector, text) == category


@pytest.mark.parametrize(
    "text",
    [
        "Morphing animation plug-in on sale this week, 30% off, order now",  # morphine
        "Herein the seller agrees to ship the order within five days, order now",  # heroin
        "Plotters and cutters for sign shops, free delivery, order now",  # blotters
        "Cocoa and coffee gift boxes, free shipping, order now",
    ],
)
def test_ordinary_words_a_letter_away_from_a_drug_name_are_not_misspellings(detector: Detector, text: str) -> None:
    assert _flagged(detector, text) == "clean"


def test_no_word_of_the_english_list_is_read_as_a_misspelling(detector: Detector) -> None:
    misspellings = detector.misspellings
    collisions = [word for word in english_words() if misspellings.term_for(word) is not None]
    for word in ("morphing", "plotting", "carriers", "channels", "heroics", "pistons"):  # inflected forms
        if misspellings.term_for(word) is not None:
            collisions.append(word)
    assert collisions == []


@pytest.mark.parametrize(
    ("word", "term", "changed_letter", "expected"),
    [
        ("viagara", "viagra", False, True),  # a letter added
        ("oxycodne", "oxycodone", True, True),  # a letter dropped
        ("xnaax", "xanax", False, True),  # neighbours swapped
        ("fentanil", "fentanyl", True, True),  # a letter changed
        ("pollan", "pollen", False, False),  # a changed letter in a short term does not count
        ("viagra", "viagra", True, False),
        ("viaagraa", "viagra", True, False),  # two edits
    ],
)
def test_one_edit(word: str, term: str, changed_letter: bool, expected: bool) -> None:
    assert within_one_edit(word, term, changed_letter) is expected


def test_the_shipped_word_list_is_what_its_generator_builds() -> None:
    """The word list is generated data (``python -m devstack.word_list``): a hand edit fails here."""
    pytest.importorskip("wordfreq")
    from devstack import word_list
    from linkscan.detect.segment import WORDS_PATH

    assert word_list.build() == WORDS_PATH.read_text(encoding="utf-8")
