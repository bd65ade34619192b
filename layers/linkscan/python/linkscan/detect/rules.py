"""Rule packs: YAML data loaded, merged with a deployment override, and compiled once.

A pack holds ``rules`` (term groups with a category, subcategory, kind and weight), ``cues``
(offering cues shared by all categories), ``context`` (news, warning and licensed-institution
wording that dampens scores) and ``patterns`` (the few structured regexes: prices, phone numbers,
rates). Every term of every pack goes into ONE Aho-Corasick automaton (a DFA), so matching cost
depends on the text length, not on the number of rules.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from linkscan.detect import schema
from linkscan.detect.normalize import is_latin_word_char, normalize
from linkscan.detect.patterns import PatternPlan, bytes_dfa, plan_patterns

MIN_GLUED_PHRASE = 7  # letters of a Latin phrase that is also matched written as one word
RuleKind = Literal["subject", "offer", "support", "cue", "context"]


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
    own_offer: bool = False  # cue rules: the author's own way to buy, which the offer model cannot veto alone
    part_of: str = ""  # split out of this rule for a jurisdiction profile (see _apply_jurisdiction)
    note: str = ""


# What one automaton key stands for: (needs a word boundary on the left, on the right,
# ((rule index, term, is an exclusion), ...)). A term that starts (ends) with a Latin letter or
# digit needs a word boundary there. Plain tuples: the scan unpacks one per hit.
KeyValue = tuple[bool, bool, tuple[tuple[int, str, bool], ...]]


@dataclass
class CompiledRules:
    rules: list[Rule]
    keys: list[str]  # the normalized terms, in the automata's pattern order
    key_values: list[KeyValue]  # what each term stands for, by the automaton's pattern index
    values_by_key: dict[str, KeyValue]  # the same by key (whole-token lookups)
    patterns: list[PatternPlan]  # run on the folded text, ungated ones first (they decide the gates)
    severities: dict[str, str]  # "category.subcategory" or "category" -> severity
    scoring: dict[str, float]
    signals: dict[str, dict[str, Any]]
    version: str
    term_count: int

    # The two automata of the keys are built on first use, not at load: each DFA takes ~8 ms to build
    # for the shipped packs, and a process that reads only all-ASCII text never needs the str one.
    # A DFA: one table lookup per byte, whatever the number of keys or their first characters.
    @cached_property
    def automaton(self) -> Any:
        """ahocorasick_rs.AhoCorasick over the keys, for text that is not all ASCII."""
        import ahocorasick_rs

        return ahocorasick_rs.AhoCorasick(self.keys, implementation=ahocorasick_rs.Implementation.DFA)

    @cached_property
    def bytes_automaton(self) -> Any:
        """The same keys for all-ASCII text, read as bytes: their offsets are its characters', and the
        str automaton's mapping of every byte offset back to a character costs about as much as the search."""
        return bytes_dfa(self.keys)

    def find_matches(self, text: str) -> list[tuple[int, int, int]]:
        """(term index, start, end) of every occurrence of a term in ``text``, overlapping ones too."""
        if text.isascii():
            return self.bytes_automaton.find_matches_as_indexes(text.encode(), overlapping=True)
        return self.automaton.find_matches_as_indexes(text, overlapping=True)


def builtin_pack_paths() -> list[Path]:
    """The shipped packs, in a stable order."""
    folder = resources.files("linkscan") / "rules"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml"))


DEFAULT_JURISDICTION = "cn"
JURISDICTION_PREFIX = "jurisdiction/"  # the name of a profile among the texts compile_rules takes


def jurisdiction_paths() -> dict[str, Path]:
    """The shipped jurisdiction profiles by id (policy/jurisdictions/<id>.yaml)."""
    folder = resources.files("linkscan") / "policy" / "jurisdictions"
    return {p.name.removesuffix(".yaml"): Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml")}


def jurisdiction_text(jurisdiction: str) -> tuple[str, str]:
    """(name, text) of a shipped profile, named as compile_rules recognizes it."""
    paths = jurisdiction_paths()
    if jurisdiction not in paths:
        raise ValueError(f"unknown jurisdiction {jurisdiction!r} (known: {', '.join(sorted(paths))})")
    return JURISDICTION_PREFIX + jurisdiction + ".yaml", paths[jurisdiction].read_text(encoding="utf-8")


def load_pack_texts(
    paths: Sequence[Path], override: str | None, jurisdiction: str = DEFAULT_JURISDICTION
) -> list[tuple[str, str]]:
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in paths]
    if override:
        texts.append(("override", Path(override).read_text(encoding="utf-8")))
    texts.append(jurisdiction_text(jurisdiction))
    return texts


def rules_version(texts: Iterable[tuple[str, str]]) -> str:
    """Short digest over every pack's content (override and jurisdiction profile included): changes
    iff the rules change."""
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
    return str(raw["re"]), tuple(str(n) for n in raw.get("needs") or ()), int(raw.get("within") or 0)


def _rule_from(raw: Mapping[str, Any], kind: str, defaults: Mapping[str, Any]) -> Rule:
    return Rule(
        id=str(raw["id"]),
        kind=raw.get("kind", kind),
        weight=float(raw.get("weight", 1.0)),
        category=str(raw.get("category", defaults.get("category", ""))),
        subcategory=str(raw.get("subcategory", defaults.get("subcategory", ""))),
        applies_to=tuple(raw.get("applies_to", ("*",))),
        terms=[str(t) for t in raw.get("terms", [])],
        exclude=[str(t) for t in raw.get("exclude", [])],
        patterns=[_pattern_from(p) for p in raw.get("patterns", [])],
        counts_as_offer=bool(raw.get("counts_as_offer", False)),
        own_offer=bool(raw.get("own_offer", False)),
        part_of=str(raw.get("part_of") or ""),
        note=str(raw.get("note", "")),
    )


@dataclass
class _Merged:
    rules: dict[str, Rule] = field(default_factory=dict)
    severities: dict[str, str] = field(default_factory=dict)
    scoring: dict[str, float] = field(default_factory=dict)
    signals: dict[str, dict[str, Any]] = field(default_factory=dict)


def _merge_pack(merged: _Merged, doc: Mapping[str, Any], is_override: bool) -> None:
    """Add one validated pack (``schema.Pack``; duplicate ids were refused by ``schema.check_packs``)."""
    defaults = {"category": doc.get("category", "")}
    for key, kind in (("rules", "subject"), ("cues", "cue"), ("context", "context")):
        for raw in doc.get(key, []) or []:
            rule = _rule_from(raw, kind, defaults)
            existing = merged.rules.get(rule.id)
            if existing is not None and is_override:
                # an override extends a shipped rule: new terms are added, given fields replace
                existing.terms.extend(t for t in rule.terms if t not in existing.terms)
                existing.exclude.extend(t for t in rule.exclude if t not in existing.exclude)
                existing.patterns.extend(p for p in rule.patterns if p not in existing.patterns)
                if "weight" in raw:
                    existing.weight = rule.weight
                for term in raw.get("remove_terms", []) or []:
                    if term in existing.terms:
                        existing.terms.remove(term)
            else:
                merged.rules[rule.id] = rule
    for name, spec in (doc.get("subcategories") or {}).items():
        merged.severities[f"{defaults['category']}.{name}"] = str(spec["severity"])
    if doc.get("severity"):
        merged.severities[str(defaults["category"])] = str(doc["severity"])
    merged.scoring.update({k: float(v) for k, v in (doc.get("scoring") or {}).items()})
    merged.signals.update(doc.get("signals") or {})
    for rule_id in doc.get("disable", []) or []:
        merged.rules.pop(str(rule_id), None)


def _named(rule: Rule, names: Iterable[str]) -> bool:
    """Whether a profile's list names ``rule``: by its id, its parent's id or its subcategory."""
    targets = set(names)
    return bool({rule.id, rule.part_of, f"{rule.category}.{rule.subcategory}"} & targets)


def _apply_jurisdiction(rules: dict[str, Rule], profile: Mapping[str, Any]) -> list[Rule]:
    """The rules as a jurisdiction profile has them: the allowed dropped, weights scaled, and each
    remaining part (``part_of``) folded back into its parent, so that a rule split out only to be
    named here scores exactly as before the split wherever the profile leaves it alone."""
    allowed = profile.get("allowed") or []
    weights: Mapping[str, float] = profile.get("weights") or {}
    kept = [rule for rule in rules.values() if not _named(rule, allowed)]
    for rule in kept:
        for target, factor in weights.items():
            if _named(rule, [target]):
                rule.weight *= float(factor)
    by_id = {rule.id: rule for rule in kept}
    result: list[Rule] = []
    for rule in kept:
        parent = by_id.get(rule.part_of)
        if parent is not None and rule.weight == parent.weight:
            parent.terms.extend(t for t in rule.terms if t not in parent.terms)
            parent.exclude.extend(t for t in rule.exclude if t not in parent.exclude)
            parent.patterns.extend(p for p in rule.patterns if p not in parent.patterns)
        else:
            result.append(rule)
    return result


def validate_texts(texts: Sequence[tuple[str, str]]) -> tuple[list[tuple[str, dict[str, Any]]], dict[str, Any]]:
    """Validate packs, the override pack (named "override") and the jurisdiction profile (named
    ``jurisdiction/<id>.yaml``): (name, document) of each pack, and the profile ({} if ``texts``
    holds none). Raises ``schema.PackError`` listing every problem with its file and line."""
    packs = [(n, t) for n, t in texts if n != "override" and not n.startswith(JURISDICTION_PREFIX)]
    override = next(((n, t) for n, t in texts if n == "override"), None)
    profiles = [(n, t) for n, t in texts if n.startswith(JURISDICTION_PREFIX)]
    if len(profiles) > 1:
        raise schema.PackError([schema.Problem(profiles[1][0], 1, "more than one jurisdiction profile")])
    docs, profile_docs = validate_files(packs, override, profiles)
    return docs, profile_docs[0] if profile_docs else {}


def validate_files(
    packs: Sequence[tuple[str, str]], override: tuple[str, str] | None, profiles: Sequence[tuple[str, str]]
) -> tuple[list[tuple[str, dict[str, Any]]], list[dict[str, Any]]]:
    """Validate (name, text) of packs, of the override pack and of jurisdiction profiles (each
    one on its own against the packs): the documents, or ``schema.PackError`` with every problem."""
    problems: list[schema.Problem] = []
    checked: list[tuple[str, dict[str, Any], schema.Locator]] = []
    parsed: list[dict[str, Any]] = []  # invalid packs too: they still declare their subcategories
    for name, text in [*packs, *([override] if override else [])]:
        try:
            checked.append((name, *schema.validate(name, text, schema.Pack)))
            parsed.append(checked[-1][1])
        except schema.PackError as exc:
            problems.extend(exc.problems)
            with contextlib.suppress(schema.PackError):
                parsed.append(schema.parse(name, text))
    declared = declared_subcategories(parsed)
    problems.extend(schema.check_packs(checked, declared, override=override[0] if override else None))
    rule_ids = [
        str(rule.get("id"))
        for doc in parsed
        for section in ("rules", "cues", "context")
        for rule in _list(doc.get(section))
        if isinstance(rule, dict)
    ]
    profile_docs: list[dict[str, Any]] = []
    for name, text in profiles:
        try:
            doc, where = schema.validate(name, text, schema.Jurisdiction)
        except schema.PackError as exc:
            problems.extend(exc.problems)
            continue
        if Path(name).name != f"{doc['id']}.yaml":
            problems.append(schema.Problem(name, where.line(("id",)), f"id {doc['id']!r} is not the file's name"))
        problems.extend(schema.check_jurisdiction(name, doc, where, rule_ids, declared))
        profile_docs.append(doc)
    if problems:
        raise schema.PackError(problems)
    return [(name, doc) for name, doc, _where in checked], profile_docs


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def declared_subcategories(docs: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    """Category -> the subcategories the packs declare."""
    declared: dict[str, set[str]] = {}
    for doc in docs:
        subcategories = doc.get("subcategories")
        if isinstance(doc.get("category"), str):
            declared.setdefault(doc["category"], set()).update(subcategories if isinstance(subcategories, dict) else ())
    return declared


def compile_rules(texts: Sequence[tuple[str, str]]) -> CompiledRules:
    """Validate, merge (override last), apply the jurisdiction profile (``texts`` holds it as
    ``jurisdiction/<id>.yaml``, see ``load_pack_texts``; without one every rule is an offering, as
    under cn) and compile into one automaton."""
    packs, profile = validate_texts(texts)
    merged = _Merged()
    for name, doc in packs:
        _merge_pack(merged, doc, is_override=name == "override")

    rules = _apply_jurisdiction(merged.rules, profile)
    entries: dict[str, list[tuple[int, str, bool]]] = {}
    patterns: list[tuple[int, re.Pattern[str], tuple[str, ...], str, int]] = []  # see PatternPlan
    for index, rule in enumerate(rules):
        for term, is_exclusion in [(t, False) for t in rule.terms] + [(t, True) for t in rule.exclude]:
            key = normalize(term).text
            if key:
                entries.setdefault(key, []).append((index, key, is_exclusion))
                glued = key.replace(" ", "")
                if glued != key and len(glued) >= MIN_GLUED_PHRASE and glued.isascii() and glued.isalpha():
                    # "forsale", "nocreditcheck": a Latin phrase written as one word (hashtags,
                    # domain names, separators that swallowed the spaces) stands for the phrase
                    entries.setdefault(glued, []).append((index, key, is_exclusion))
        gate = "" if rule.kind in ("subject", "offer") else rule.category if rule.kind == "support" else "*"
        patterns.extend((index, re.compile(regex), needs, gate, within) for regex, needs, within in rule.patterns)
    patterns.sort(key=lambda p: p[3] != "")  # the ungated ones first: they decide the gates
    keys = list(entries)
    key_values: list[KeyValue] = [
        (is_latin_word_char(key[0]), is_latin_word_char(key[-1]), tuple(hits)) for key, hits in entries.items()
    ]
    return CompiledRules(
        rules=rules,
        keys=keys,
        key_values=key_values,
        values_by_key=dict(zip(keys, key_values, strict=True)),
        patterns=plan_patterns(patterns),
        severities=merged.severities,
        scoring=merged.scoring,
        signals=merged.signals,
        version=rules_version(texts),
        term_count=len(entries),
    )


def check_files(target: Path | None, override: str | None = None) -> list[Any]:
    """Every problem (``schema.Problem``) of the packs, policy files and jurisdiction profiles in
    ``target`` (a directory, searched recursively, or one file), or of the shipped ones plus the
    override pack when ``target`` is None. A lone pack file is checked as an override of the
    shipped packs; profiles and policy files are checked against the packs beside them, or the
    shipped packs when there are none."""
    from linkscan.detect.policy import policy_paths

    if target is None:
        files = [*builtin_pack_paths(), *policy_paths(), *jurisdiction_paths().values()]
    elif target.is_dir():
        files = sorted(target.rglob("*.yaml"))
    else:
        files = [target]
    policies = [f for f in files if f.name in schema.POLICY_MODELS and f.parent.name != "jurisdictions"]
    profiles = [f for f in files if f.parent.name == "jurisdictions"]
    packs = [f for f in files if f not in policies and f not in profiles]
    override_path = Path(override) if override and target is None else None
    if target is not None and target.is_file() and packs:
        override_path, packs = packs[0], []
    if not packs:
        packs = builtin_pack_paths()

    def read(path: Path) -> tuple[str, str]:
        return str(path), path.read_text(encoding="utf-8")

    problems: list[schema.Problem] = []
    docs: list[tuple[str, dict[str, Any]]] = []
    try:
        docs, _profiles = validate_files(
            [read(p) for p in packs], read(override_path) if override_path else None, [read(p) for p in profiles]
        )
    except schema.PackError as exc:
        problems.extend(exc.problems)
    declared = declared_subcategories(doc for _name, doc in docs)
    for path in policies:
        try:
            doc, where = schema.validate(*read(path), schema.POLICY_MODELS[path.name])
        except schema.PackError as exc:
            problems.extend(exc.problems)
            continue
        if path.name == "enforcement.yaml" and declared:
            problems.extend(schema.check_enforcement(str(path), doc, where, declared))
    return problems
