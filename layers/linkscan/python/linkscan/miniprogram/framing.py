"""Which sentences inform rather than sell, and which seller signals the rest carry.

News, warnings, anti-fraud lessons and inspection services name what a seller names ("黑户也能下款",
"高仿", "穿山甲片"). A sentence is *informational* when it reports (通报, 查获...), or warns or inspects
(提醒, 谨防, 鉴定...) without selling in the same sentence, or asks readers to report what it describes
("如发现有人私聊兜售……请举报"), or belongs to an app of an informational declared category without
selling. Quotations introduced as someone else's words (所谓“…”, 以“…”为诱饵) are informational too,
and their sentence is judged without them; so is a clause that says what is not sold ("本店不售管制刀具").
The checks ignore cues in informational sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from linkscan.miniprogram.fields import NamedText
from linkscan.miniprogram.model import MiniProgramMetadata
from linkscan.miniprogram.policy import Framing as FramingPolicy
from linkscan.miniprogram.policy import MiniProgramPolicy, SellerKind
from linkscan.miniprogram.textmatch import Match, compact, evidence, find_patterns, find_terms, fold
from linkscan.models import Evidence

_SENTENCE_END = re.compile(r"[。！？!?；;\n]+")
_QUOTATION = re.compile(r"[“「『]([^“”「」『』\n]{1,120})[”」』]")
_BETWEEN_QUOTATIONS = re.compile(r"[、，,\s]*")
_CLAUSE_END = re.compile(r"[，,]+")


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets in the field's original text
    end: int
    informational: bool
    selling: bool
    disclaimed: bool = False  # a clause saying what is not sold ("本店不售管制刀具")
    inspects: bool = False  # names an inspection service ("箱包鉴定每件150元"), and pushes nowhere


@dataclass(frozen=True)
class FieldFraming:
    """The sentences of one text field, in order."""

    sentences: tuple[Sentence, ...]

    def _at(self, offset: int) -> Sentence | None:
        starts = [sentence.start for sentence in self.sentences]
        index = bisect_right(starts, offset) - 1
        return self.sentences[index] if index >= 0 else None

    def informational_at(self, offset: int) -> bool:
        sentence = self._at(offset)
        return sentence is not None and sentence.informational

    def span_at(self, offset: int) -> Sentence | None:
        return self._at(offset)


class Framing:
    """Sentence framing of every text field of one mini-program."""

    def __init__(self, fields: Mapping[str, FieldFraming]) -> None:
        self.fields = dict(fields)

    def sentence_start(self, field: str, offset: int) -> int:
        """Where the sentence (or clause) holding ``offset`` starts; -1 for a field not framed."""
        framing = self.fields.get(field)
        sentence = framing._at(offset) if framing else None
        return sentence.start if sentence else -1

    def informational(self, field: str, offset: int) -> bool:
        framing = self.fields.get(field)
        return framing is not None and framing.informational_at(offset)

    def without_disclaimed(self, field: str, text: str) -> str:
        """``text`` with its disclaimed clauses blanked (same length, so offsets hold): content detection
        should not read "本店不售管制刀具" or "we never sell replicas" as an offer of those goods."""
        framing = self.fields.get(field)
        if framing is None:
            return text
        for sentence in framing.sentences:
            if sentence.disclaimed:
                text = text[: sentence.start] + " " * (sentence.end - sentence.start) + text[sentence.end :]
        return text

    def inspected(self, found: Iterable[Evidence], texts: Mapping[str, str], policy: MiniProgramPolicy) -> bool:
        """Every piece of evidence (and there is some) follows an inspection in its sentence: "可识别高仿、A货"
        names what a service detects, "高仿包，专柜鉴定无压力" promises that a replica passes one."""
        items = list(found)
        for found_at in items:
            framing = self.fields.get(found_at.field)
            sentence = framing.span_at(found_at.start) if framing else None
            if sentence is None or not sentence.inspects:
                return False
            before = texts.get(found_at.field, "")[sentence.start : found_at.start]
            if not _inspects(compact(before).text, policy.framing):
                return False
        return bool(items)

    def all_informational(self, found: Iterable[Evidence]) -> bool:
        """True when every piece of evidence sits in an informational sentence (and there is some)."""
        items = list(found)
        return bool(items) and all(self.informational(e.field, e.start) for e in items)


def _has_any(text: str, terms: Sequence[str]) -> bool:
    return any(term and term in text for term in terms)


@dataclass(frozen=True)
class _Forms:
    """The two matching forms of a text, made once: cues match ``folded``, patterns ``spaced``."""

    folded: str  # NFKC, case-folded, no spaces
    spaced: str  # the same with word gaps kept

    @classmethod
    def of(cls, text: str) -> _Forms:
        return cls(compact(text).text, fold(text, keep_spaces=True).text)


def _sells(forms: _Forms, kinds: Sequence[SellerKind]) -> bool:
    return any(
        _has_any(forms.folded, kind.cues) or any(p.search(forms.spaced) for p in kind.patterns) for kind in kinds
    )


def _pushes(forms: _Forms, policy: MiniProgramPolicy) -> bool:
    """Strong channel cues or contact handles: an informational category does not excuse these."""
    strong = [kind for kind in policy.channel_kinds.values() if kind.strong]
    return any(_has_any(forms.folded, kind.cues) for kind in strong) or any(
        pattern.search(forms.spaced) for _kind, pattern in policy.handle_patterns
    )


def _first_at(text: str, terms: Sequence[str]) -> int:
    """Offset of the earliest of ``terms`` in ``text``, or -1."""
    found = [text.find(term) for term in terms if term and term in text]
    return min(found) if found else -1


def _report_notice(folded: str, policy: MiniProgramPolicy) -> bool:
    """A conditional report-it sentence: "如发现有人私聊兜售……，请举报".

    It describes a seller to warn about one, so it names the seller's goods and cues. It counts only
    when nothing before the condition sells or pushes, and no contact handle or price comes before the
    directive: "私聊看货，如发现假货请举报" and "如需购买请加微信 abc123" are sales.
    """
    framing = policy.framing
    condition = _first_at(folded, framing.report_conditions)
    if condition < 0:
        return False
    directive = _first_at(folded[condition:], framing.report_directives)
    if directive < 0:
        return False
    before = _Forms.of(folded[:condition])
    if _sells(before, policy.sellers.kinds) or _pushes(before, policy):
        return False
    stated = folded[: condition + directive]
    prices = [kind for kind in policy.sellers.kinds if kind.key == "price"]
    return not _sells(_Forms.of(stated), prices) and not any(
        pattern.search(stated) for _kind, pattern in policy.handle_patterns
    )


def informational_app(meta: MiniProgramMetadata, policy: MiniProgramPolicy) -> bool:
    """Whether a declared service category is an informational one (news, government, science)."""
    markers = policy.framing.informational_categories
    return any(_has_any(compact(category).text, markers) for category in meta.categories)


def _quotation_runs(piece: str) -> list[tuple[int, int]]:
    """(start, end) of each run of quotations that follow one another, separated by 、or ，at most."""
    runs: list[tuple[int, int]] = []
    for match in _QUOTATION.finditer(piece):
        glue = _BETWEEN_QUOTATIONS.fullmatch(piece, runs[-1][1], match.start()) if runs else None
        if glue is not None:
            runs[-1] = (runs[-1][0], match.end())
        else:
            runs.append((match.start(), match.end()))
    return runs


def quoted_speech(piece: str, policy: MiniProgramPolicy) -> list[tuple[int, int]]:
    """Runs of quotations introduced as someone else's words: 所谓“…”, 以“…”为诱饵, “…”等话术."""
    framing = policy.framing
    spans = []
    for start, end in _quotation_runs(piece):
        before = compact(piece[max(0, start - 4) : start]).text
        after = compact(piece[end : end + 8]).text.lstrip("等的")
        if any(before.endswith(m) for m in framing.quote_before) or any(
            after.startswith(m) for m in framing.quote_after
        ):
            spans.append((start, end))
    return spans


def _inspects(folded: str, framing: FramingPolicy) -> bool:
    """An inspection marker that is not a seller's guarantee ("鉴定翡翠" informs, "可验真" sells)."""
    for marker in framing.inspection:
        position = folded.find(marker)
        while position >= 0:
            if not any(folded.endswith(prefix, 0, position) for prefix in framing.guarantee_prefixes):
                return True
            position = folded.find(marker, position + 1)
    return False


_PRICE_CLAUSE_END = re.compile(r"[，,。；;！？!?\n]")


def inspection_fee(price: Evidence, text: str, goods: Iterable[Evidence], policy: MiniProgramPolicy) -> bool:
    """Whether ``price`` (found in ``text``) is an inspection service's fee: its clause names the inspection
    and none of ``goods`` ("每双鉴别费30元", "箱包鉴定每件150元"), where a seller prices the replicas
    themselves ("高仿LV，专柜鉴定无压力，每个980元")."""
    starts = [m.end() for m in _PRICE_CLAUSE_END.finditer(text, 0, price.start)]
    start = starts[-1] if starts else 0
    stop_mark = _PRICE_CLAUSE_END.search(text, price.start)
    stop = stop_mark.start() if stop_mark else len(text)
    named = any(e.field == price.field and start <= e.start < stop for e in goods)
    clause = compact(text[start:stop]).text
    # "鉴定费", "鉴定每件": the marker priced as a service (a guarantee prefix may end a word: "箱包鉴定")
    priced = any(f"{marker}{word}" in clause for marker in policy.framing.inspection for word in ("费", "每"))
    return not named and (priced or _inspects(clause, policy.framing))


def _judge_sentence(piece: str, policy: MiniProgramPolicy, informational_app: bool) -> tuple[bool, bool, bool]:
    """(informational, selling, inspects) of one sentence."""
    forms = _Forms.of(piece)
    folded = forms.folded
    selling = _sells(forms, policy.sellers.kinds)
    plainly_selling = _sells(forms, policy.sellers.framing)
    framing = policy.framing
    pushes = _pushes(forms, policy)
    inspects = _inspects(folded, framing) and not pushes
    warns = _has_any(folded, framing.warning) or inspects
    helps = _has_any(folded, framing.help_markers) and not pushes and not _sells(forms, policy.help_selling)
    informational = (
        _has_any(folded, framing.report)
        or _report_notice(folded, policy)
        or (warns and not plainly_selling)
        or helps
        or (informational_app and not selling and not pushes)
    )
    return informational, selling, inspects


def _disclaimed_clauses(text: str, sentence: Sentence, policy: MiniProgramPolicy) -> list[Sentence]:
    """A selling sentence split at its commas, each clause that says what is *not* sold informational.

    "本店不售管制刀具，收货时须本人签收" and "不单独出售、不外带" name goods to say they are not offered;
    a clause with a price, delivery promise or private-chat cue of its own still sells. An informational
    sentence is split too ("经鉴定师查验，拒收高仿"): its other clauses stay informational, and detection
    does not read the disclaimed one.
    """
    markers = policy.framing.negated_sale
    piece = text[sentence.start : sentence.end]
    spans = _clause_spans(piece)
    listed = _negated_list_items(piece, spans, policy)
    if not listed and (not markers or not _has_any(compact(piece).text, markers)):
        return [sentence]
    clauses: list[Sentence] = []
    for cursor, end in spans:
        if end > cursor:
            forms = _Forms.of(piece[cursor:end])
            negated = _has_any(forms.folded, markers) or (cursor, end) in listed
            disclaims = negated and not _sells(forms, policy.sellers.framing)
            if sentence.informational:
                clauses.append(
                    Sentence(sentence.start + cursor, sentence.start + end, True, False, disclaims, sentence.inspects)
                )
            else:
                selling = not disclaims and _sells(forms, policy.sellers.kinds)
                clauses.append(
                    Sentence(
                        sentence.start + cursor, sentence.start + end, disclaims, selling, disclaims, sentence.inspects
                    )
                )
    return clauses


def _clause_spans(piece: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of a sentence, split after its commas."""
    spans = []
    cursor = 0
    for end_mark in [*_CLAUSE_END.finditer(piece), None]:
        end = end_mark.end() if end_mark else len(piece)
        spans.append((cursor, end))
        cursor = end
    return spans


def _negated_list_items(
    piece: str, spans: Sequence[tuple[int, int]], policy: MiniProgramPolicy
) -> set[tuple[int, int]]:
    """The clauses of a "No steroids, no SARMs, no pills" list, when the sentence has enough of them."""
    item = policy.framing.negated_list_item
    if item is None:
        return set()
    items = {span for span in spans if item.search(fold(piece[span[0] : span[1]], keep_spaces=True).text)}
    return items if len(items) >= policy.framing.negated_list_min else set()


def frame_field(text: str, policy: MiniProgramPolicy, *, informational_app: bool = False) -> FieldFraming:
    sentences: list[Sentence] = []
    position = 0
    for end_mark in [*_SENTENCE_END.finditer(text), None]:
        end = end_mark.end() if end_mark else len(text)
        if end > position:
            piece = text[position:end]
            quoted = quoted_speech(piece, policy)
            # The sentence is judged without the words it quotes; the quotations themselves inform.
            rest = piece
            for start, stop in quoted:
                rest = rest[:start] + " " * (stop - start) + rest[stop:]
            informational, selling, inspects = _judge_sentence(rest, policy, informational_app)
            cursor = 0
            for start, stop in [*quoted, (len(piece), len(piece))]:
                if start > cursor:
                    sentences.append(
                        Sentence(position + cursor, position + start, informational, selling, inspects=inspects)
                    )
                if stop > start:
                    sentences.append(Sentence(position + start, position + stop, True, False))
                cursor = stop
        position = end
    return FieldFraming(
        tuple(clause for sentence in sentences for clause in _disclaimed_clauses(text, sentence, policy))
    )


def frame(meta: MiniProgramMetadata, fields: Sequence[NamedText], policy: MiniProgramPolicy) -> Framing:
    app = informational_app(meta, policy)
    return Framing({named.name: frame_field(named.text, policy, informational_app=app) for named in fields})


# ------------------------------------------------------------------------------------------ seller signals
def seller_signals(fields: Sequence[NamedText], framing: Framing, policy: MiniProgramPolicy) -> dict[str, Evidence]:
    """The first evidence of each seller-signal kind found outside informational sentences."""
    found: dict[str, Evidence] = {}
    for named in fields:
        if named.name == "contacts":
            continue
        for kind in policy.sellers.kinds:
            if kind.key in found:
                continue
            matches: list[Match] = [*find_terms(named.compact, kind.cues), *find_patterns(named.spaced, kind.patterns)]
            for match in sorted(matches, key=lambda m: m.start):
                if not framing.informational(named.name, match.start):
                    found[kind.key] = evidence(f"miniprogram.seller.{kind.key}", match, named.text, named.name)
                    break
    return found
