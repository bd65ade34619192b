"""Behaviour of the detector that users rely on: offerings flagged, mentions allowed, evasions seen
through with offsets into the ORIGINAL text, rules and policy as data."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

from linkscan.detect import Detector, TextField
from linkscan.detect.normalize import normalize
from linkscan.detect.policy import enforcement_actions
from linkscan.detect.rules import compile_rules
from linkscan.models import CategoryScore
from linkscan.settings import DetectionSettings


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.load(DetectionSettings())


def built_extension() -> ModuleType:
    """The C extension, ready to normalize; fails the test where it was not built."""
    from linkscan.detect import normalize as norm

    assert norm._native is not None, "linkscan.detect._native is not built (pip install -e .)"
    return norm._native_ready()


@pytest.fixture(params=["native", "python"])
def step2(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a normalization test with the C extension, then with the Python reference."""
    from linkscan.detect import normalize as norm

    if request.param == "python":
        monkeypatch.setattr(norm, "_native", None)
    else:
        built_extension()
    return str(request.param)


def top(detector: Detector, text: str) -> tuple[str, str | None]:
    d = detector.detect(text)
    return d.decision, (d.categories[0].category if d.categories else None)


def test_loan_offering_is_blocked(detector: Detector) -> None:
    assert top(detector, "无抵押信用贷款，黑户可下，当天放款，加微信 dk8888") == ("block", "cash_loan")


def test_crackdown_news_about_loans_is_allowed(detector: Detector) -> None:
    assert top(detector, "警方破获特大无抵押网络贷款诈骗案，提醒市民谨防上当")[0] == "allow"


def test_bank_branch_product_is_not_blocked(detector: Detector) -> None:
    decision, _ = top(detector, "【杭州银行下沙支行】我行推出农户贷款产品，随借随还，欢迎来电咨询")
    assert decision != "block"


def test_replica_offering_and_replica_discussion(detector: Detector) -> None:
    assert top(detector, "高仿LV包 A货 原单 一件代发 加V信 abc123")[1] == "counterfeit"
    assert top(detector, "A replica watch is a timepiece designed to look like a genuine one.")[0] == "allow"


def test_drug_listing_is_contraband(detector: Detector) -> None:
    d = detector.detect("14G BOLIVIAN CREAM BRICK COCAINE [UK2WW] stealth shipping")
    assert d.decision == "block"
    assert (d.categories[0].category, d.categories[0].subcategory) == ("contraband", "drugs")


@pytest.mark.parametrize(
    ("evasive", "word"),
    [
        ("ｈｉｇｈ ＤＫ 贷 款 无抵押 当天放款 加微信", "贷款"),  # full-width + split by spaces
        ("貸款 無抵押 當天放款 電話聯繫", "贷款"),  # traditional characters
        ("贷\u200b款 无抵押 当天放款 加微信", "贷款"),  # zero-width split
        ("贷💰款 无抵押 当天放款 加微信", "贷款"),  # emoji split
        ("袋款 无抵押 当天放款 加薇信", "袋款"),  # homophone
    ],
)
def test_evasions_are_seen_through_with_original_offsets(detector: Detector, evasive: str, word: str) -> None:
    d = detector.detect([TextField("title", evasive)])
    assert d.categories and d.categories[0].category == "cash_loan"
    evidence = next(e for e in d.categories[0].evidence if e.term in ("贷款", "袋款"))
    assert evidence.field == "title"
    original = evasive[evidence.start : evidence.end]
    assert original[0] == evasive[evasive.index(original[0])]  # the span starts on a real character
    assert normalize(original).text == normalize(word).text


def test_leetspeak_and_homoglyphs(detector: Detector) -> None:
    assert top(detector, "buy c0caine 5g stealth shipping")[1] == "contraband"
    assert top(detector, "pure сосаine 14g escrow")[1] == "contraband"  # Cyrillic с/о/а


def test_chinese_numeral_phone_counts_as_offering_cue(detector: Detector) -> None:
    d = detector.detect("贷款 无抵押 一三八一二三四五六七八")
    assert "offer.phone_number" in d.offering_cues


def test_app_download_signal_strengthens_loan(detector: Detector) -> None:
    plain = detector.detect("小额贷款")
    with_signal = detector.detect("小额贷款", signals={"app_download": 1})
    assert with_signal.score > plain.score


def test_allowlisted_domain_never_blocked(detector: Detector) -> None:
    text = "高仿LV包 A货 原单 一件代发 加V信"
    assert detector.detect(text).decision == "block"
    assert detector.detect(text, domain="www.louisvuitton.com").decision == "review"


def test_override_pack_adds_terms_and_changes_version(tmp_path: Path) -> None:
    override = tmp_path / "override.yaml"
    override.write_text("rules:\n  - id: cash_loan.loan_slang\n    terms: [薅羊毛贷]\n", encoding="utf-8")
    base = Detector.load(DetectionSettings())
    custom = Detector.load(DetectionSettings(override_pack=str(override)))
    assert custom.rules_version != base.rules_version
    assert custom.detect("薅羊毛贷 加微信").decision != "allow"
    assert base.detect("薅羊毛贷 加微信").decision == "allow"


def test_override_pack_can_disable_a_rule(tmp_path: Path) -> None:
    override = tmp_path / "off.yaml"
    override.write_text("disable: [cash_loan.card_cashout, cash_loan.cashout_mention]\n", encoding="utf-8")
    custom = Detector.load(DetectionSettings(override_pack=str(override)))
    assert custom.detect("信用卡套现 加微信").decision == "allow"


def test_thresholds_are_configurable() -> None:
    strict = Detector.load(DetectionSettings(review_threshold=0.1, block_threshold=0.2))
    assert strict.detect("小额贷款 电话").decision == "block"


def score(category: str, sub: str, severity: str) -> CategoryScore:
    return CategoryScore(category=category, subcategory=sub, score=0.9, severity=severity)  # type: ignore[arg-type]


def test_enforcement_for_links_and_graded_mini_programs() -> None:
    drugs = [score("contraband", "drugs", "critical")]
    loan = [score("cash_loan", "predatory_loan", "high")]
    replica = [score("counterfeit", "copycat", "medium")]
    assert enforcement_actions(drugs, "block", "url") == ["block", "announce"]
    assert enforcement_actions(loan, "review", "url") == []
    assert enforcement_actions(replica, "block", "miniprogram") == ["warn"]
    assert enforcement_actions(replica, "block", "miniprogram", prior_violations=1) == ["restrict"]
    assert enforcement_actions(loan, "block", "miniprogram", prior_violations=5) == ["ban"]
    assert enforcement_actions(drugs, "block", "miniprogram") == ["ban"]


def _reference_normalized(text: str) -> tuple[str, list[int]]:
    """Step 2 as documented, one character at a time: normalized text and, per character, its offset.

    A run of separators between two kept characters x and y stays as one space (at the run's first
    character) only when x and y are Latin and they are not both single letters, or when it is a
    word gap between single letters (whitespace, and wider than the run beside it).
    """
    from linkscan.detect import normalize as norm  # the character classes the module documents

    folded = norm.fold(text)

    def kept(i: int) -> bool:
        return 0 <= i < len(folded) and norm.KEPT_CHAR.match(folded[i]) is not None

    def latin(i: int) -> bool:
        return kept(i) and norm.is_latin_word_char(folded[i])

    def spaced(start: int, end: int) -> bool:
        return any(folded[k] in " \t\n\r\x0b\x0c" for k in range(start, end))

    def word_gap(x: int, y: int) -> bool:
        # between single letters x and y: a run with whitespace, wider than the run beside it
        if not spaced(x + 1, y):
            return False
        before = max((k for k in range(x) if kept(k)), default=-1)
        if 0 <= before < x - 1 and latin(before) and (not spaced(before + 1, x) or y - x - 1 > x - before - 1):
            return True
        after = next((k for k in range(y + 1, len(folded)) if kept(k)), -1)
        return after > y + 1 and latin(after) and (not spaced(y + 1, after) or y - x - 1 > after - y - 1)

    chars: list[str] = []
    offsets: list[int] = []
    previous = -1  # index of the last kept character
    for i, ch in enumerate(folded):
        if not kept(i):
            continue
        if previous >= 0 and i - previous > 1 and latin(previous) and latin(i):
            single_letters = not kept(previous - 1) and not kept(i + 1)
            if not single_letters or word_gap(previous, i):
                chars.append(" ")
                offsets.append(previous + 1)
        chars.append(ch)
        offsets.append(i)
        previous = i
    return "".join(chars), offsets


@pytest.mark.parametrize(
    "text",
    [
        "Buy c o c a i n e here,\nworldwide shipping - DM me",
        "line one\nline two\tthree  “quoted” — dash… a b c",
        "加 微 信：abc 贷。款 dai-kuan\n下款 x1",
        "word\n" * 400 + "r3plica w-a-t-c-h " * 200,
        "Café ◾ crème brûlée — 50 € ★ c o k e",  # accents fold, symbols separate (fast path)
        "高仿 A 货 LV 包 a b 中a b ab c 🎁 ｗｅｃｈａｔ：ＡＢＣ１２３ 貸款" * 90,  # the general path, 2+ chunks
        "\x01x\x01 y 贷",
        "b.u.y c.o.c.a.i.n.e f.o.r s.a.l.e",  # word gaps between spaced letters
        "b u y   c o c a i n e  n o w",
        "c\u200bo\u200bc\u200ba\u200bi\u200bn\u200be \u200bf\u200bo\u200br",
    ],
)
def test_normalized_text_and_offsets_follow_the_documented_rule(text: str, step2: str) -> None:
    expected_text, kept = _reference_normalized(text)
    normalized = normalize(text)
    assert normalized.text == expected_text
    # the map is built on first use: ask forwards on one copy, backwards on another
    forwards, backwards = normalized, normalize(text)
    for pos in range(0, len(expected_text), 3):
        assert forwards.to_original(pos) == kept[pos]
    for pos in range(len(expected_text) - 1, -1, -3):
        assert backwards.to_original(pos) == kept[pos]
    assert backwards.to_original(len(expected_text)) == len(text)  # past the end


def test_the_extension_keeps_exactly_the_documented_characters(step2: str) -> None:
    """The C step 2 spells the kept classes out in code: every character of the Basic Multilingual
    Plane, and one past it, must be kept or dropped as the documented class says."""
    from linkscan.detect import normalize as norm

    folded = [norm.fold(chr(cp)) for cp in range(0x10001)]
    expected = [f"中{ch}中" if norm.KEPT_CHAR.match(ch) else "中中" for ch in folded]
    assert [normalize(f"中{ch}中").text for ch in folded] == expected
    assert sum(len(text) == 3 for text in expected) > 30_000  # Latin, Greek, Cyrillic, kana, CJK, Hangul


def test_the_extension_folds_every_character_as_the_python_code_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extension's fold map is built from str.lower and the fold table for the planes that have
    case or folds (0 and 1); every character there, beside letters, must come out as the Python
    code folds it, and no character beyond may have a lower case or a fold."""
    from linkscan.detect import normalize as norm

    built_extension()
    pages = [f"a{chr(cp)}b" for cp in range(0x20000)]
    native = [(n.folded, n.text) for n in map(normalize, pages)]
    monkeypatch.setattr(norm, "_native", None)
    assert native == [(n.folded, n.text) for n in map(normalize, pages)]
    assert max(norm.fold_table()) < 0x20000
    assert all(chr(cp).lower() == chr(cp) for cp in range(0x20000, 0x110000))


def test_pages_left_to_the_python_code_keep_none_alive() -> None:
    """A page holding a capital sigma is folded by the Python code: the extension returns None, and
    must own the reference it returns (a build against 3.12+ headers running on 3.11 did not)."""
    import sys

    extension = built_extension()
    before = sys.getrefcount(None)
    assert all(extension.normalize("ΣΟΦΙΑ") is None for _ in range(5000))
    assert abs(sys.getrefcount(None) - before) < 100
    assert normalize("ΣΟΦΙΑ").text.startswith("σ")  # folded by the Python code


def test_a_page_with_a_dotted_capital_i_still_lowers_its_other_letters(step2: str) -> None:
    # "İ" lowers to two characters: it stays as it is, and the rest of the page is folded as usual
    assert "replica rolex" in normalize("İSTANBUL REPLICA ROLEX").text


def test_a_greek_page_folds_its_sigmas_by_context_on_both_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extension leaves capital sigmas to str.lower (final or not, by the neighbours) and folds
    the lowered page itself: the result is the Python reference's, offsets included."""
    from linkscan.detect import normalize as norm

    built_extension()
    page = "ΟΔΟΣ ΣΟΦΙΑΣ: ΦΑΡΜΑΚΑ ΧΩΡΙΣ ΣΥΝΤΑΓΗ, viagra ❤ 50€"
    native = normalize(page)
    monkeypatch.setattr(norm, "_native", None)
    python = normalize(page)
    assert (native.folded, native.text) == (python.folded, python.text)
    assert [native.to_original(p) for p in range(len(native.text) + 1)] == [
        python.to_original(p) for p in range(len(python.text) + 1)
    ]


def test_a_newline_separates_words(detector: Detector) -> None:
    assert normalize("stealth\nshipping").text == "stealth shipping"


def test_replica_catalogue_row_is_counterfeit_with_offsets(detector: Detector) -> None:
    text = "Rolex Daytona 116520 | factory: Clean | movement: DD4130 | case: 40mm | genuine retail: $25000"
    d = detector.detect(text)
    assert d.decision != "allow" and d.categories[0].category == "counterfeit"
    evidence = next(e for e in d.categories[0].evidence if e.rule == "counterfeit.catalogue")
    assert text[evidence.start : evidence.end].startswith("factory: Clean")


def test_percent_off_is_a_price_cue_but_off_alone_is_not(detector: Detector) -> None:
    assert "offer.price_words" in detector.detect("cannabis edibles 40% off at our dispensary").offering_cues
    assert "offer.price_words" not in detector.detect("cannabis was turned off the agenda").offering_cues


def test_offsets_hold_for_random_mixed_text_asked_in_any_order(step2: str) -> None:
    import random

    rng = random.Random(7)
    pieces = [*"ab c  d,.\n-x1", "贷", "款", "。", "🎁", "é", "Ａ", "\u200b", "貸", "♥"]
    for trial in range(400):
        alphabet = pieces if trial % 2 else list("ab cd  ,.\n-x1 ")  # half take the ASCII fast path
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        expected_text, kept = _reference_normalized(text)
        normalized = normalize(text)
        assert normalized.text == expected_text
        order = list(range(len(expected_text)))
        rng.shuffle(order)
        assert [normalized.to_original(pos) for pos in order] == [kept[pos] for pos in order], text


@pytest.mark.parametrize(
    "text",
    [
        "《窃听风云2》18日上映",  # a film title, not a listening device
        "北京流动人口子女将可在本市上高中",  # 人口子女 is not loan slang 口子
        "英国大选布朗未必下台",  # 未必下 is not 必下(款)
        "保利地产两股东大举套现",  # shareholders selling stock, not credit-card cash-out
        "穆迪称西班牙或将丧失Aaa评级",  # a credit rating, not an AAA-grade replica
        "京东货不对版，发来的型号和网页不一样",  # a complaint, not 对版 replicas
        "酷派双卡商务手机评测",  # 双卡商务, not a 卡商 card dealer
        "从青铜时代开始读王小波",  # 时代开始, not 代开 invoices
        "山寨机新年伊始遭内外围堵",  # news naming knock-offs, offering none
    ],
)
def test_headlines_and_reviews_that_only_use_the_words_are_allowed(detector: Detector, text: str) -> None:
    assert detector.detect(text).decision == "allow"


@pytest.mark.parametrize(
    "text",
    ["出售银行卡四件套 加微信", "信用卡套现 手续费低 加微信", "山寨苹果手机 批发价 加微信", "窃听器 全国包邮 加微信"],
)
def test_the_same_goods_offered_are_still_flagged(detector: Detector, text: str) -> None:
    assert detector.detect(text).decision != "allow"


@pytest.mark.parametrize(
    "text",
    [
        "COINDRAW LAUNCHES $250,000 CRACK THE VAULT CAMPAIGN, order now",  # crack is not a drug here
        "Our agave spirit is top shelf: now available for purchase in stores",  # trade words, no drug named
        "Upcycled garments sourced from India, shop online today",  # sourcing, no medicine named
        "Solar installer has forged ahead with 500 installs, call us today",  # forged is not a forgery
    ],
)
def test_market_words_without_the_goods_are_allowed(detector: Detector, text: str) -> None:
    assert detector.detect(text).decision == "allow"


@pytest.mark.xfail(
    strict=True,
    reason="offer model reads this short English pitch as discussion (docs/detection.md, Limits)",
)
def test_a_forged_document_listing_is_contraband(detector: Detector) -> None:
    detection = detector.detect("Forged Australian Electricity Bill - Ergon Energy")
    assert detection.decision != "allow"
    assert detection.categories[0].subcategory == "forged_documents"


def test_a_pattern_scanned_only_around_its_literals_finds_what_a_full_scan_finds() -> None:
    from linkscan.detect.patterns import _anchored_finditer

    price = re.compile(r"[0-9x](?<![0-9a-z][0-9x])[0-9x]{0,8}(?:\.[0-9x]+)?\s?(?:元|块钱|万元)")
    block = "价格 128元 " + "无关的文字" * 200 + " 3.5万元 12345 块钱 7块钱 "
    for text in (block * 5 + "x元末尾元", ("128元 " + "文字" * 3) * 50):  # sparse: stretches; dense: one pass
        anchored = [m.span() for m in _anchored_finditer(price, text, ("元", "块钱"), 24)]
        assert anchored == [m.span() for m in price.finditer(text)]
        assert len(anchored) in (21, 50)


def test_patterns_sharing_one_scan_match_what_each_finds_alone() -> None:
    """Gated page-wide patterns led by the same class are found in one scan; each must still get
    exactly its own matches, where they overlap another's and up to the distinct-term cap."""
    from linkscan.detect.patterns import MAX_DISTINCT_PATTERN_TERMS, scan_together

    pack = """
rules:
  - {id: q.wt, kind: support, category: contraband, subcategory: "*", patterns: ['[0-9](?<![0-9][0-9])[0-9]*\\s?g\\b']}
  - {id: q.code, kind: support, category: contraband, subcategory: "*", patterns: ['[0-9](?<=[a-z] [0-9])[0-9]{3}\\b']}
  - {id: q.year, kind: support, category: contraband, subcategory: "*", patterns: ['[0-9]{4}']}
"""
    compiled = compile_rules([("pack.yaml", pack)])
    members = compiled.patterns[0].group
    assert len(members) == 2  # "[0-9]{4}" starts with a repeated class: it scans alone
    texts = ("a 2824 g and vr 3235 and 14g, 28 g", "2024 " * 3 + "1g 2g 3g 4g 5g", "no digits here")
    for text in texts:
        together = scan_together(members, compiled.patterns, text)
        for member in members:
            alone = [m.span() for m in compiled.patterns[member].regex.finditer(text)]
            spans = [m.span() for m in together[member]]
            assert spans == alone[: len(spans)]
            assert len(spans) == len(alone) or len({text[a:b] for a, b in spans}) == MAX_DISTINCT_PATTERN_TERMS
    found = scan_together(members, compiled.patterns, texts[0])
    assert [m.group() for m in found[members[0]]] == ["2824 g", "14g", "28 g"]
    assert [m.group() for m in found[members[1]]] == ["2824", "3235"]  # inside the first's "2824 g"


def test_within_without_needs_is_refused() -> None:
    with pytest.raises(ValueError, match="within"):
        compile_rules([("pack.yaml", "cues:\n  - id: x\n    patterns:\n      - {re: '[0-9]+', within: 5}\n")])


def test_a_homophone_for_funds_still_reads_as_a_broker_pitch(detector: Detector) -> None:
    # 姿金 for 资金 ("funds"): brokers write around filters that watch 资金需求
    detection = detector.detect("我是贷款部门的王经理，如果您有姿金需求可以联系我 13812345678")
    assert detection.decision != "allow"
    assert "姿金需求" in {e.term for e in detection.categories[0].evidence}


def test_a_context_phrase_does_not_form_across_punctuation(detector: Detector) -> None:
    # 贷款，利率低 is a broker's pitch, not a 贷款利率 (loan-rate) disclosure that would dampen it
    across = detector.detect("信用卡代还，车辆抵押贷款，利率低，上门服务 电话13812345678")
    joined = detector.detect("信用卡代还，车辆抵押贷款利率低，上门服务 电话13812345678")
    assert "context.licensed_lender" not in " ".join(across.reasons)
    assert "context.licensed_lender" in " ".join(joined.reasons)
    assert across.score > joined.score


def test_the_shipped_fold_table_is_what_its_generator_builds() -> None:
    """The table folding traditional to simplified, full-width, look-alike and accented characters is
    generated data: a hand edit, or a change to the generator without regenerating, fails here."""
    import json
    import unicodedata

    pytest.importorskip("opencc")
    from devstack import fold_table as generator
    from linkscan.detect.normalize import TABLE_PATH

    shipped = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    if shipped["unicode_version"] != unicodedata.unidata_version:
        pytest.skip(f"table generated with Unicode {shipped['unicode_version']}, this Python has another")
    table = generator.build()
    assert generator.document(table) == TABLE_PATH.read_text(encoding="utf-8")
    assert table[ord("臺")] == "台" and table[ord("Ｗ")] == "w" and table[ord("①")] == "1"


def test_folding_twice_is_folding_once() -> None:
    """A page's characters are replaced one distinct character at a time, in no fixed order: a
    character folding to another that folds again (circled 問 -> 問 -> 问) would fold differently
    depending on that order."""
    from linkscan.detect.normalize import fold, fold_table

    table = fold_table()
    assert [chr(cp) for cp, to in table.items() if table.get(ord(to), to) != to] == []
    assert fold("\u3244問") == "问问"


@pytest.mark.parametrize("text", ["cheap loans \ud800 no credit check", "贷款\ud800无抵押", "\ud83d"])
def test_a_lone_surrogate_is_a_separator_not_a_crash(detector: Detector, text: str, step2: str) -> None:
    # JSON may carry "\ud800" escapes that decode to a lone surrogate: a page must still be read
    normalized = normalize(text)
    assert "\ud800" not in normalized.text and "\ud83d" not in normalized.text
    detector.detect(text)


def test_no_shipped_pattern_starts_with_a_repeated_class(detector: Detector) -> None:
    """For "[0-9]+..." CPython's regex engine tries a match at every position of the page; for
    "[0-9][0-9]*..." it skips to the class's characters (three times cheaper, same matches)."""
    repeated_lead = re.compile(r"(?:\[(?:\\.|[^\]\\])+\]|\\.|[^\[\\(])[*+?{]")
    leads = [plan.regex.pattern for plan in detector.compiled.patterns]
    assert [p for p in leads if repeated_lead.match(p)] == []


def test_reasons_quote_the_page_as_written_not_the_normalized_join(detector: Detector) -> None:
    # normalization joins "天下" and "款" across the line break; the reason shows what the page says
    detection = detector.detect("急用钱？无抵押贷款，天下\n款 秒到账，加微信 abc123")
    (loan,) = [c for c in detection.categories if c.category == "cash_loan"]
    joined = [e for e in loan.evidence if e.term == "天下款"]
    assert joined and all(e.matched == "天下 款" for e in joined)
    assert "天下款" not in detection.reasons[0] and "天下 款" in detection.reasons[0]


@pytest.mark.parametrize(
    "text",
    [
        "急用钱？秒批小额贷款，黑户可贷，加微信 loan8888",
        "高仿名牌包 1:1 专柜品质，微信下单",
        "Buy cheap viagara online, no prescription, ships overnight",
        "The club meets on Saturday to read poems.",
    ],
)
def test_a_page_matched_once_scores_under_other_signals_as_a_fresh_detection(detector: Detector, text: str) -> None:
    """A cloaked page is scored plainly, then with the cloaking signal, from one matching pass."""
    fields = [TextField("text", text), TextField("url", "http://shop.example/")]
    cloaked = {"forms": 1.0, "cloaking": 1.0}

    matched = detector.match(fields, domain="shop.example")
    plain, then_cloaked = matched.score({"forms": 1.0}), matched.score(cloaked)

    assert plain == detector.detect(fields, signals={"forms": 1.0}, domain="shop.example")
    assert then_cloaked == detector.detect(fields, signals=cloaked, domain="shop.example")


@pytest.mark.parametrize(
    ("text", "word", "places"),
    [
        ("vi.agra or viXagra", "vi.agra", [(0, 7)]),  # the dot is a dot, not any letter
        ("c++ and c", "c++", [(0, 3)]),  # a pattern, this would be an error ("multiple repeat")
        ("viagara; viagaras", "viagara", [(0, 7)]),  # whole words only
    ],
)
def test_a_misspelt_word_is_looked_for_as_written(text: str, word: str, places: list[tuple[int, int]]) -> None:
    from linkscan.detect.engine import _whole_word_places

    assert [place.span() for place in _whole_word_places(text, word)] == places
