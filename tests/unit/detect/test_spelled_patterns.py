"""The structured patterns read a page spelled out letter by letter, strewn with emoji or run together
as the terms do: an offer whose goods only a pattern names ("stolen customer databases", "your credit
limit to cash") stays caught when it is written "s*t*o*l*e*n", "y o u r c r e d i t l i m i t",
"Leaked 🔥 customer 🔥 database" or "Sellingstolencustomerdatabases"; ordinary pages written the same
ways stay clean."""

from __future__ import annotations

import pytest

from linkscan.detect import Detector


def _verdict(text: str) -> str:
    detection = Detector.load().detect(text)
    return detection.categories[0].category if detection.decision != "allow" and detection.categories else "clean"


@pytest.mark.parametrize(
    ("category", "text"),
    [
        # separators between the letters of the words a pattern needs
        (
            "contraband",
            "S*e*l*l*i*n*g s*t*o*l*e*n c*u*s*t*o*m*e*r d*a*t*a*b*a*s*e*s, $200 per 10k rows, telegram @leakshop",
        ),
        # letters spaced out one by one, several words run together between wider gaps
        ("contraband", "h a c k e d  c u s t o m e r d a t a b a s e s for sale, $300 each, telegram me"),
        ("cash_loan", "W e  c o n v e r t  y o u r c r e d i t l i m i t  to cash, fee 5%, WhatsApp +1 305 555 0188"),
        # the terms too read letters spaced out one by one that run words together ("tuitionloan")
        (
            "cash_loan",
            "O u r t u i t i o n l o a n for s t u d e n t s pays $3,000 in 24 h o u r s, "
            "no c o s i g n e r n e e d e d, DM us",
        ),
        # emoji between the words
        ("contraband", "Leaked 🔥 customer 🔥 database, 🔥 2m 🔥 rows, 🔥 $300"),
        # long words: the emoji drop less than a quarter of the page
        (
            "contraband",
            "Unregistered 💉 insulin 💉 pumps 💉 without 💉 registration 💉 papers, 💉 900 USDT, 💉 ships 💉 today",
        ),
    ],
)
def test_an_offer_named_by_a_pattern_is_caught_spelled_out_or_with_emoji(category: str, text: str) -> None:
    assert _verdict(text) == category


@pytest.mark.parametrize(
    "text",
    [
        "B R E A K I N G  N E W S : city council approves new bus lanes",
        "S t u d e n t l o a n s explained: how the f e d e r a l r e p a y m e n t plans work",
        "B R E A K I N G : c e n t r a l b a n k raises i n t e r e s t rates by a q u a r t e r point",
        "P o l i c e  w a r n : h a c k e d  c u s t o m e r d a t a b a s e s leaked from the clinic",
        "🚨 Police 🚨 warn 🚨 that 🚨 stolen 🚨 customer 🚨 databases 🚨 leaked 🚨 from 🚨 the 🚨 clinic",
        "🎉 Big 🎉 summer 🎉 sale 🎉 on 🎉 sandals 🎉 up to 50% off 🎉 shop now 🎉",
        "Wonderful 🌸 springtime 🌸 flowers 🌸 delivered 🌸 tomorrow, 🌸 order online 🌸 today",
        "Hospitals ⚠️ warned ⚠️ about ⚠️ unregistered ⚠️ insulin ⚠️ pumps ⚠️ sold ⚠️ online",
        "W a r n i n g: never let anyone convert your credit limit to cash, it is a scam",
        "The U.S.A. and the U.K. signed the trade pact; J.R.R. Tolkien fans celebrated the anniversary edition.",
    ],
)
def test_ordinary_pages_written_the_same_ways_stay_clean(text: str) -> None:
    assert _verdict(text) == "clean"


def test_the_heart_that_stands_for_wechat_is_no_emoji_to_drop() -> None:
    from linkscan.detect.engine import _symbol_gaps

    assert _symbol_gaps("加微♡ abc 🔥 def") == [(8, 10)]


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("contraband", "Sellingstolencustomerdatabases, $200per10krows, telegram @leakshop"),
        ("contraband", "Unregisteredinsulinpumpsat900USDT, soldwithoutregistrationpapers, shiptoanyaddress"),
    ],
)
def test_an_offer_run_together_throughout_is_read_split_where_a_pattern_names_its_goods(
    category: str, text: str
) -> None:
    assert _verdict(text) == category


@pytest.mark.parametrize(
    "text",
    [
        "Breakingnews: policeseizefakepassports at the border, three arrested",
        "Policewarnthatstolencustomerdatabasesaresoldonline; changeyourpasswordtoday",
        "Warning: nevergiveanyoneyourcreditlimit, banksneveraskforit",
        "#throwbackthursday #summervibes #beachlife #sunsetlovers #travelgram",
        "dGhpcyBpcyBhIHJlcGxpY2Egb2YgdGhlIGRhdGEgYW5kIG1vcmUgZGF0YQ==",
        "https://www.example.com/products/replicaset-controller-documentation/index.html",
        "ThisIsOurNewCamelCaseProductNameForTheSpringCollection",
    ],
)
def test_ordinary_text_run_together_stays_clean(text: str) -> None:
    assert _verdict(text) == "clean"


@pytest.mark.parametrize(
    ("word", "pieces"),
    [
        ("25gheroin", ["25", "g", "heroin"]),
        ("2gpureuncutcrystalmeth", ["2", "g", "pure", "uncut", "crystal", "meth"]),
        ("100gramnesiahaze", ["100", "gr", "amnesia", "haze"]),
        ("10mgxanax", ["10", "mg", "xanax"]),
        ("2018graduates", None),
        ("4gb", None),
    ],
)
def test_a_unit_of_quantity_glued_to_the_words_after_it_is_read_apart(word: str, pieces: list[str] | None) -> None:
    assert Detector.load().segmenter.word_pieces(word) == pieces
