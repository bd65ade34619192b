"""The detector: match every field once, then score each (sub)category from what matched.

A subcategory scores only when the page names the goods (``subject`` terms) AND offers them
(``offer`` terms of the category, shared offering ``cues`` such as prices, phone numbers and
off-platform contact handles, or structured ``signals`` from page analysis)::

    score = sat(subject evidence) * sat(offering evidence) * context dampening

where ``sat(x) = 1 - exp(-k x)``. News, warning and licensed-institution wording (``context``
rules) multiply the score by their factor, so a crackdown report or a bank's own loan page stays
low even though it names the same goods.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from linkscan.detect.normalize import Normalized, is_latin_word_char, leet_view, normalize
from linkscan.detect.policy import Allowlist, Bands, load_allowlist, load_bands
from linkscan.detect.rules import CompiledRules, Rule, builtin_pack_paths, compile_rules, load_pack_texts
from linkscan.models import CategoryScore, Decision, Evidence
from linkscan.settings import DetectionSettings

SNIPPET_RADIUS = 30
MAX_EVIDENCE_PER_RULE = 3


class TextField(NamedTuple):
    """A piece of text to scan and where it came from (title, text, form, pages[0].text...)."""

    name: str
    text: str


@dataclass
class Detection:
    decision: Decision
    score: float
    band: str
    categories: list[CategoryScore]
    rules_version: str
    reasons: list[str] = field(default_factory=list)
    offering_cues: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Match:
    rule_index: int
    term: str
    field: str
    start: int  # original offsets
    end: int
    snippet: str


def _snippet(text: str, start: int, end: int) -> str:
    left = max(0, start - SNIPPET_RADIUS)
    right = min(len(text), end + SNIPPET_RADIUS)
    return " ".join(text[left:right].split())


def _sat(value: float, k: float) -> float:
    return 1.0 - math.exp(-k * value)


class Detector:
    """Compiled rules plus bands and allowlist. Build with ``Detector.load`` (cached per settings)."""

    def __init__(self, compiled: CompiledRules, bands: Bands, allowlist: Allowlist) -> None:
        self.compiled = compiled
        self.bands = bands
        self.allowlist = allowlist

    @property
    def rules_version(self) -> str:
        return self.compiled.version

    @classmethod
    def load(cls, settings: DetectionSettings | None = None) -> Detector:
        return _load_cached(settings or DetectionSettings())

    @classmethod
    def from_texts(cls, texts: Sequence[tuple[str, str]], settings: DetectionSettings) -> Detector:
        """Build from pack texts directly (benchmarks and tests that vary the rules)."""
        return cls(compile_rules(texts), load_bands(settings), load_allowlist(settings.allowlist_path))

    # -- matching ---------------------------------------------------------------------------------

    def _match_field(self, name: str, text: str) -> list[_Match]:
        compiled = self.compiled
        if not text:
            return []
        norm = normalize(text)
        found = self._scan_automaton(norm, norm.text, name, text, leet=False)
        leet = leet_view(norm.text)
        if leet is not None:
            found += self._scan_automaton(norm, leet, name, text, leet=True)
        for rule_index, pattern in compiled.patterns:
            for m in pattern.finditer(norm.folded):
                if m.end() > m.start():
                    snippet = _snippet(text, m.start(), m.end())
                    found.append(_Match(rule_index, m.group().strip(), name, m.start(), m.end(), snippet))
        return found

    def _scan_automaton(self, norm: Normalized, view: str, name: str, text: str, *, leet: bool) -> list[_Match]:
        automaton = self.compiled.automaton
        if automaton is None:
            return []
        raw: list[tuple[int, int, object]] = []
        excluded: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for end_index, (key, hits) in automaton.iter(view):
            start = end_index - len(key) + 1
            end = end_index + 1
            if leet and view[start:end] == norm.text[start:end]:
                continue  # already seen in the plain view
            left_ok = start == 0 or not is_latin_word_char(view[start - 1])
            right_ok = end == len(view) or not is_latin_word_char(view[end])
            for hit in hits:
                if (hit.check_left and not left_ok) or (hit.check_right and not right_ok):
                    continue
                if hit.is_exclusion:
                    excluded[hit.rule_index].append((start, end))
                else:
                    raw.append((start, end, hit))
        matches: list[_Match] = []
        for start, end, hit in raw:
            rule_index = hit.rule_index  # type: ignore[attr-defined]
            if any(s <= start and end <= e for s, e in excluded.get(rule_index, ())):
                continue
            o_start, o_end = norm.span(start, end)
            term = hit.term  # type: ignore[attr-defined]
            matches.append(_Match(rule_index, term, name, o_start, o_end, _snippet(text, o_start, o_end)))
        return matches

    # -- scoring ----------------------------------------------------------------------------------

    def detect(
        self,
        fields: Sequence[TextField] | str,
        *,
        signals: Mapping[str, float] | None = None,
        domain: str | None = None,
    ) -> Detection:
        if isinstance(fields, str):
            fields = [TextField("text", fields)]
        matches: list[_Match] = []
        for text_field in fields:
            matches.extend(self._match_field(text_field.name, text_field.text))
        return self._score(matches, signals or {}, domain)

    def _score(self, matches: list[_Match], signals: Mapping[str, float], domain: str | None) -> Detection:
        rules = self.compiled.rules
        scoring = self.compiled.scoring
        by_rule: dict[int, list[_Match]] = defaultdict(list)
        for match in matches:
            by_rule[match.rule_index].append(match)

        def contribution(rule: Rule, hits: list[_Match]) -> float:
            distinct = len({h.term for h in hits})
            bonus = min(1.0 + scoring.get("extra_term_bonus", 0.3) * (distinct - 1), scoring.get("term_cap", 1.6))
            return rule.weight * bonus

        shared_offer = 0.0
        cue_names: list[str] = []
        subject: dict[tuple[str, str], float] = defaultdict(float)
        support: dict[tuple[str, str], float] = defaultdict(float)
        support_offer: dict[tuple[str, str], float] = defaultdict(float)
        offer: dict[str, float] = defaultdict(float)
        dampening: dict[str, float] = defaultdict(lambda: 1.0)
        context_names: list[str] = []
        for index, hits in by_rule.items():
            rule = rules[index]
            value = contribution(rule, hits)
            if rule.kind == "cue":
                shared_offer += value
                cue_names.append(rule.id)
            elif rule.kind == "context":
                context_names.append(rule.id)
                for target in rule.applies_to:
                    dampening[target] *= rule.weight
            elif rule.kind == "support":
                support[(rule.category, rule.subcategory)] += value
                if rule.counts_as_offer:
                    support_offer[(rule.category, rule.subcategory)] += value
            else:
                subject[(rule.category, rule.subcategory)] += value
                if rule.kind == "offer":
                    offer[rule.category] += value * scoring.get("offer_term_as_cue", 0.8)

        signal_offer, signal_boost = self._signal_offer(signals, cue_names)
        shared_offer += signal_offer

        floor = scoring.get("context_floor", 0.1)
        subject_k = scoring.get("subject_k", 1.4)
        offer_k = scoring.get("offer_k", 1.4)
        best: dict[str, tuple[float, str]] = {}
        for (category, subcategory), named in subject.items():
            # support terms (brand names, quantities...) only strengthen goods already named
            # a support rule with subcategory "*" strengthens every subcategory of its category
            keys = ((category, subcategory), (category, "*"))
            value = named + sum(support.get(key, 0.0) for key in keys)
            offering = shared_offer + offer[category] + signal_boost.get(category, 0.0)
            offering += sum(support_offer.get(key, 0.0) for key in keys)
            damp = dampening["*"] * dampening[category] * dampening[f"{category}.{subcategory}"]
            damp = max(floor, damp)
            score = _sat(value, subject_k) * _sat(offering, offer_k) * damp
            if score > best.get(category, (-1.0, ""))[0]:
                best[category] = (score, subcategory)

        categories = [
            self._category_score(category, subcategory, score, by_rule)
            for category, (score, subcategory) in best.items()
            if score >= self.bands.report_floor
        ]
        categories.sort(key=lambda c: c.score, reverse=True)
        top = categories[0].score if categories else 0.0
        decision = self.bands.decision(top)
        reasons = [self._reason(c) for c in categories]
        if decision == "block" and domain and self.allowlist.contains(domain):
            decision = "review"
            reasons.append(f"domain {domain} is on the allowlist: block lowered to review")
        if context_names and categories:
            reasons.append("dampened by context: " + ", ".join(sorted(context_names)))
        return Detection(
            decision=decision,
            score=round(top, 4),
            band=self.bands.band(top),
            categories=categories,
            rules_version=self.compiled.version,
            reasons=reasons,
            offering_cues=sorted(set(cue_names)),
        )

    def _signal_offer(self, signals: Mapping[str, float], cue_names: list[str]) -> tuple[float, dict[str, float]]:
        """Offering evidence from structured page signals, plus per-category boosts."""
        total = 0.0
        boost: dict[str, float] = defaultdict(float)
        for name, count in signals.items():
            if count <= 0:
                continue
            spec = self.compiled.signals.get(name) or self.compiled.signals.get(name.split(".")[0] + ".*")
            if spec is None:
                continue
            total += float(spec.get("weight", 0.5))
            for category, extra in (spec.get("boost") or {}).items():
                boost[category] += float(extra)
            cue_names.append(f"signal.{name}")
        return total, boost

    def _category_score(
        self, category: str, subcategory: str, score: float, by_rule: Mapping[int, list[_Match]]
    ) -> CategoryScore:
        rules = self.compiled.rules
        evidence: list[Evidence] = []
        for index, hits in by_rule.items():
            rule = rules[index]
            if rule.category != category:
                continue
            for hit in hits[:MAX_EVIDENCE_PER_RULE]:
                evidence.append(
                    Evidence(
                        rule=rule.id,
                        term=hit.term,
                        snippet=hit.snippet,
                        start=hit.start,
                        end=hit.end,
                        field=hit.field,
                    )
                )
        severities = self.compiled.severities
        severity = severities.get(f"{category}.{subcategory}") or severities.get(category) or "medium"
        return CategoryScore(
            category=category,
            subcategory=subcategory,
            score=round(score, 4),
            severity=severity,  # type: ignore[arg-type]
            evidence=evidence,
        )

    @staticmethod
    def _reason(category: CategoryScore) -> str:
        terms = sorted({e.term for e in category.evidence})[:6]
        return f"{category.category}/{category.subcategory} {category.score:.2f}: " + ", ".join(terms)


@lru_cache(maxsize=8)
def _load_cached(settings: DetectionSettings) -> Detector:
    texts = load_pack_texts(builtin_pack_paths(), settings.override_pack)
    return Detector.from_texts(texts, settings)


def pack_paths() -> list[Path]:
    """Shipped pack files (for tools that print or hash them)."""
    return builtin_pack_paths()
