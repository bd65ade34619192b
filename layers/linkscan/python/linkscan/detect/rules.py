"""Rule packs: YAML data loaded, merged with a deployment override, and compiled once.

A pack holds ``rules`` (term groups with a category, subcategory, kind and weight), ``cues``
(offering cues shared by all categories), ``context`` (news, warning and licensed-institution
wording that dampens scores) and ``patterns`` (the few structured regexes: prices, phone numbers,
rates). Every term of every pack goes into ONE Aho-Corasick automaton (a DFA), so matching cost
depends on the text length, not on the number of rules.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from linkscan.detect.normalize import is_latin_word_char, normalize

RuleKind = Literal["subject", "offer", "support", "cue", "context"]
_KINDS = ("subject", "offer", "support")


@dataclass
class Rule:
    """One group of terms that share a meaning and a weight."""

    id: str
    kind: RuleKind
    weight: float = 1.0
    category: str = ""
    subcategory: str = ""
    applies_to: tuple[str, ...] = ()  # context rules: categories they dampen ("*" = all)
    terms: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)  # longer harmless phrases containing a term
    # (regex, literals one of which every match contains, within): in YAML a plain string, or
    # {re: ..., needs: [...], within: N}; the regex is skipped on pages holding none of the literals
    # (a substring test is far cheaper than a regex scan), and with ``within`` (no match is longer)
    # it runs only around the literals' occurrences instead of over the whole page
    patterns: list[tuple[str, tuple[str, ...], int]] = field(default_factory=list)
    counts_as_offer: bool = False  # support rules: e.g. a sale quantity next to a drug name
    note: str = ""


# A structured pattern: (rule index, compiled regex, literals one of which must occur for it to
# match, gate, within). Gate: "" = always run (it names goods); a category = run only when that
# category's goods are named (a support pattern); "*" = run only when some goods are named (offering
# cues and context change no score without them). Within: see Rule.patterns (0 = scan the page).
CompiledPattern = tuple[int, re.Pattern[str], tuple[str, ...], str, int]
# What one automaton key stands for: (needs a word boundary on the left, on the right,
# ((rule index, term, is an exclusion), ...)). A term that starts (ends) with a Latin letter or
# digit needs a word boundary there. Plain tuples: the scan unpacks one per hit.
KeyValue = tuple[bool, bool, tuple[tuple[int, str, bool], ...]]


@dataclass
class CompiledRules:
    rules: list[Rule]
    automaton: Any  # ahocorasick_rs.AhoCorasick over the normalized terms
    key_values: list[KeyValue]  # what each term stands for, by the automaton's pattern index
    values_by_key: dict[str, KeyValue]  # the same by key (whole-token lookups)
    patterns: list[CompiledPattern]  # run on the folded text
    # gated page-wide patterns that start with the same character class: a position in ``patterns``
    # -> the positions of its group, whose patterns that run on a page are found in one scan
    shared_scans: dict[int, tuple[int, ...]]
    severities: dict[str, str]  # "category.subcategory" or "category" -> severity
    scoring: dict[str, float]
    signals: dict[str, dict[str, Any]]
    version: str
    term_count: int


def builtin_pack_paths() -> list[Path]:
    """The shipped packs, in a stable order."""
    folder = resources.files("linkscan") / "rules"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml"))


def load_pack_texts(paths: Sequence[Path], override: str | None) -> list[tuple[str, str]]:
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in paths]
    if override:
        texts.append(("override", Path(override).read_text(encoding="utf-8")))
    return texts


def rules_version(texts: Iterable[tuple[str, str]]) -> str:
    """Short digest over every pack's content (override included): changes iff the rules change."""
    digest = hashlib.sha256()
    for name, text in sorted(texts):
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(text.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


def _pattern_from(raw: str | Mapping[str, Any]) -> tuple[str, tuple[str, ...], int]:
    if isinstance(raw, str):
        return raw, (), 0
    needs = tuple(str(n) for n in raw.get("needs", []))
    within = int(raw.get("within", 0))
    if within and not needs:
        raise ValueError(f"pattern {raw['re']!r}: 'within' needs the literals it is anchored on ('needs')")
    return str(raw["re"]), needs, within


def _rule_from(raw: Mapping[str, Any], kind: str, defaults: Mapping[str, Any]) -> Rule:
    return Rule(
        id=str(raw["id"]),
        kind=raw.get("kind", kind),
        weight=float(raw.get("weight", raw.get("factor", 1.0))),
        category=str(raw.get("category", defaults.get("category", ""))),
        subcategory=str(raw.get("subcategory", defaults.get("subcategory", ""))),
        applies_to=tuple(raw.get("applies_to", ("*",))),
        terms=[str(t) for t in raw.get("terms", [])],
        exclude=[str(t) for t in raw.get("exclude", [])],
        patterns=[_pattern_from(p) for p in raw.get("patterns", [])],
        counts_as_offer=bool(raw.get("counts_as_offer", False)),
        note=str(raw.get("note", "")),
    )


@dataclass
class _Merged:
    rules: dict[str, Rule] = field(default_factory=dict)
    severities: dict[str, str] = field(default_factory=dict)
    scoring: dict[str, float] = field(default_factory=dict)
    signals: dict[str, dict[str, Any]] = field(default_factory=dict)


def _merge_pack(merged: _Merged, doc: Mapping[str, Any], is_override: bool) -> None:
    defaults = {"category": doc.get("category", "")}
    for key, kind in (("rules", "subject"), ("cues", "cue"), ("context", "context")):
        for raw in doc.get(key, []) or []:
            rule = _rule_from(raw, kind, defaults)
            if rule.kind not in (*_KINDS, "cue", "context"):
                raise ValueError(f"rule {rule.id}: unknown kind {rule.kind!r}")
            existing = merged.rules.get(rule.id)
            if existing is not None and is_override:
                # an override extends a shipped rule: new terms are added, given fields replace
                existing.terms.extend(t for t in rule.terms if t not in existing.terms)
                existing.exclude.extend(t for t in rule.exclude if t not in existing.exclude)
                existing.patterns.extend(p for p in rule.patterns if p not in existing.patterns)
                if "weight" in raw or "factor" in raw:
                    existing.weight = rule.weight
                for term in raw.get("remove_terms", []) or []:
                    if term in existing.terms:
                        existing.terms.remove(term)
            elif existing is not None:
                raise ValueError(f"rule id {rule.id} defined twice")
            else:
                merged.rules[rule.id] = rule
    for name, spec in (doc.get("subcategories") or {}).items():
        merged.severities[f"{defaults['category']}.{name}"] = str(spec.get("severity", "medium"))
    if doc.get("severity"):
        merged.severities[str(defaults["category"])] = str(doc["severity"])
    merged.scoring.update({k: float(v) for k, v in (doc.get("scoring") or {}).items()})
    merged.signals.update(doc.get("signals") or {})
    for rule_id in doc.get("disable", []) or []:
        merged.rules.pop(str(rule_id), None)


def _parse_yaml(text: str) -> dict[str, Any]:
    # the C loader (libyaml) parses the packs about ten times faster than the pure-Python one
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader) or {}  # noqa: S506 - a safe loader


_LEADING_CLASS = re.compile(r"\[(?:\\.|[^\]\\])+\](?![*+?{])")  # "[0-9]" not followed by a quantifier


def _shared_scans(patterns: Sequence[CompiledPattern]) -> dict[int, tuple[int, ...]]:
    """Group the gated page-wide patterns (no ``needs``) that start with the same character class.

    CPython's regex engine finds a class-led pattern's candidates by testing the class at every
    character (~45 instructions each): two digit-led patterns cost two such passes over the page.
    One regex of the alternatives that run on a page (the engine factors the shared class out)
    finds every position where any of them matches in one pass; each is then matched there only.
    """
    by_lead: dict[str, list[int]] = {}
    for position, (_rule, regex, needs, gate, _within) in enumerate(patterns):
        lead = _LEADING_CLASS.match(regex.pattern)
        if gate and not needs and lead is not None and not regex.flags & ~re.UNICODE:
            by_lead.setdefault(lead.group(), []).append(position)
    shared: dict[int, tuple[int, ...]] = {}
    for members in by_lead.values():
        if len(members) > 1:
            shared.update(dict.fromkeys(members, tuple(members)))
    return shared


def compile_rules(texts: Sequence[tuple[str, str]]) -> CompiledRules:
    """Parse, merge (override last) and compile the packs into one automaton."""
    import ahocorasick_rs  # imported when the detector is built

    merged = _Merged()
    for name, text in texts:
        _merge_pack(merged, _parse_yaml(text), is_override=name == "override")

    rules = list(merged.rules.values())
    entries: dict[str, list[tuple[int, str, bool]]] = {}
    patterns: list[CompiledPattern] = []
    for index, rule in enumerate(rules):
        for term, is_exclusion in [(t, False) for t in rule.terms] + [(t, True) for t in rule.exclude]:
            key = normalize(term).text
            if key:
                entries.setdefault(key, []).append((index, key, is_exclusion))
        gate = "" if rule.kind in ("subject", "offer") else rule.category if rule.kind == "support" else "*"
        patterns.extend((index, re.compile(regex), needs, gate, within) for regex, needs, within in rule.patterns)
    patterns.sort(key=lambda p: p[3] != "")  # the ungated ones first: they decide the gates

    shared_scans = _shared_scans(patterns)
    keys = list(entries)
    key_values: list[KeyValue] = [
        (is_latin_word_char(key[0]), is_latin_word_char(key[-1]), tuple(hits)) for key, hits in entries.items()
    ]
    # A DFA: one table lookup per byte, whatever the number of keys or their first characters
    # (building it takes ~15 ms for the shipped packs, within the cold-start budget)
    automaton = ahocorasick_rs.AhoCorasick(keys, implementation=ahocorasick_rs.Implementation.DFA)
    return CompiledRules(
        rules=rules,
        automaton=automaton,
        key_values=key_values,
        values_by_key=dict(zip(keys, key_values, strict=True)),
        patterns=patterns,
        shared_scans=shared_scans,
        severities=merged.severities,
        scoring=merged.scoring,
        signals=merged.signals,
        version=rules_version(texts),
        term_count=len(entries),
    )
