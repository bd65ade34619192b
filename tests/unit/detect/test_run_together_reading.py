"""Words run together with numbers ("tramadol100mgat45eur") are read as words; ordinary long words,
addresses, hashtags, identifiers, hashes and pinyin stay as they are."""

from __future__ import annotations

import pytest

from linkscan.detect import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.load()


@pytest.mark.parametrize(
    "text",
    [
        "Tramadol100mgat45EUR, noprescriptionneeded, discreetdelivery, text us",
        "Weselloxycodone30mg, 20pillsfor300usd, overnightshipping",
        "Glock19gen5forsale, nobackgroundcheck, shipped in parts, whatsapp me",
        "Buyketamine2gfor60, fastdelivery, telegram @kplug",
    ],
)
def test_goods_glued_to_numbers_and_words_are_flagged(detector: Detector, text: str) -> None:
    detection = detector.detect(text)
    assert detection.decision != "allow"
    assert detection.categories[0].category == "contraband"


@pytest.mark.parametrize(
    "text",
    [
        "The internationalisation of counterfeit-detection standards was discussed at the customs summit.",
        "Read https://example.org/cocaineanonymous/meetings2024 for the meeting schedule.",
        "Trending: #breakingbadrewatch2024 and #narcosseason3 on our film podcast.",
        "Call MethodologyReviewer.validateAll() before the TramadolDosageCalculator runs.",
        "hash 5f4dcc3b5aa765d61d8327deb882cf99 and token cmVwbGljYXJvbGV4MTIzNDU2Nzg5",
        "Pinyin notes: woxihuanchifan, zhongguoyinhang, beijingdaxue2024.",
        "Version glock19gen5manual.pdf explains how to field-strip and clean the pistol safely.",
    ],
)
def test_long_words_addresses_hashtags_identifiers_hashes_and_pinyin_stay_clean(detector: Detector, text: str) -> None:
    assert detector.detect(text).decision == "allow"
