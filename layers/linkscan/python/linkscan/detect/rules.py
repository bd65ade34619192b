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
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from linkscan.detect import schema
from linkscan.detect.normalize import is_latin_word_char, normalize

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
    part_of: str = ""  # split out of this rule for a jurisdiction profile (see _apply_jurisdiction)
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
    # positions of the ``[0-9]``-led patterns that treat every ASCII digit alike (no digit of their
    # own, no back-reference): they match the same on a copy of the page with every digit made "0"
    digit_blind: frozenset[int]
    # patterns led by a class of a few plain characters: a position -> one regex per character,
    # each led by that literal (see ``split_leads``)
    split_leads: dict[int, tuple[tuple[str, re.Pattern[str]], ...]]
    severities: dict[str, str]  # "category.subcategory" or "category" -> severity
    scoring: dict[str, float]
    signals: dict[str, dict[str, Any]]
    version: str
    term_count: int


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


_DIGITS = tuple(range(ord("0"), ord("9") + 1))
DIGIT_LEAD = "[0-9]"  # the lead of a digit-blind pattern, which the engine replaces by a literal "0"
_PLAIN_CHARACTER = re.compile(r"(?:\\([^0-9A-Za-z])|([^\\.^$*+?{}\[\]|()]))(?![*+?{])")  # "1", "\+"
_SET_OF_PLAIN_CHARACTERS = re.compile(r"\[([^\]\\^\-\[]+)\](?![*+?{])")  # "[$£€]", no range or escape
MAX_SPLIT_LEAD = 8  # a literal scan costs ~6 instructions a character, a class test ~45


def _set_takes_digits_alike(items: Sequence[tuple[Any, Any]]) -> bool:
    """Whether a parsed character set holds all ten ASCII digits or none of them."""
    constants = _regex_parser().__dict__
    held: set[bool] = set()
    for digit in _DIGITS:
        inside = False
        for op, value in items:
            if op is constants["LITERAL"]:
                inside = inside or value == digit
            elif op is constants["RANGE"]:
                inside = inside or value[0] <= digit <= value[1]
            elif op is constants["CATEGORY"]:
                continue  # \d, \w, \s and their negations take every digit alike
            elif op is not constants["NEGATE"]:
                return False  # an unknown set item: assume the worst
        held.add(inside)
    return len(held) == 1


def _regex_parser() -> Any:
    import importlib

    return importlib.import_module("re._parser")  # CPython's own regex parser (3.11+)


def treats_digits_alike(regex: str) -> bool:
    """Whether a regex matches the same on a text and on its copy with every ASCII digit made "0":
    no digit of its own, digits only in sets that hold all ten or none, no back-reference."""
    parser = _regex_parser()
    constants = parser.__dict__
    singles = {constants[name] for name in ("LITERAL", "NOT_LITERAL")}
    nested = {constants[name] for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")}

    def alike(items: Iterable[tuple[Any, Any]]) -> bool:
        for op, value in items:
            if op in singles:
                if value in _DIGITS:
                    return False
            elif op is constants["IN"]:
                if not _set_takes_digits_alike(value):
                    return False
            elif op in nested:
                if not alike(value[2]):
                    return False
            elif op is constants["SUBPATTERN"]:
                if not alike(value[3]):
                    return False
            elif op in (constants["ASSERT"], constants["ASSERT_NOT"]):
                if not alike(value[1]):
                    return False
            elif op is constants["ATOMIC_GROUP"]:
                if not alike(value):
                    return False
            elif op is constants["BRANCH"]:
                if not all(alike(branch) for branch in value[1]):
                    return False
            elif op not in (constants["AT"], constants["ANY"]):
                return False  # back-references and the rest: assume the worst
        return True

    return alike(parser.parse(regex))


def _top_level_alternatives(regex: str) -> list[str]:
    """``regex`` split at each "|" outside every group and character set."""
    depth, set_start, escaped = 0, -1, False  # set_start: where the open "[" is, -1 outside sets
    alternatives, start = [], 0
    for index, char in enumerate(regex):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif set_start >= 0:
            # "]" first in a set ("[]...]", "[^]...]") is a member, not the set's end
            first = set_start + (2 if regex[set_start + 1 : set_start + 2] == "^" else 1)
            if char == "]" and index > first:
                set_start = -1
        elif char == "[":
            set_start = index
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            alternatives.append(regex[start:index])
            start = index + 1
    return [*alternatives, regex[start:]]


def _plain_lead(regex: str) -> str:
    """The plain character every match of ``regex`` starts with ("1", "\\+"), or ""."""
    lead = _PLAIN_CHARACTER.match(regex)
    return "" if lead is None else lead.group(1) or lead.group(2)


def split_leads(regex: re.Pattern[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """A regex whose matches start with one of a few plain characters, as one regex per character
    led by it: a regex led by a class of a few ("[$£€]...") or alternatives led by distinct plain
    characters ("qq...|扣扣..."); () for any other regex.

    CPython skips to a literal lead in a tight loop (~6 instructions a character) but tests a class
    at every character (~45): a few literal scans, each run only on pages holding its character,
    are cheaper than one class scan. The regex matches at a position iff the one led by the
    character there does, with the same match: their matches merged by position are its own.
    """
    if regex.flags & ~re.UNICODE or re.search(r"\\[1-9]|\(\?P=", regex.pattern):
        return ()  # flags change what a character matches; back-references name other groups
    alternatives = _top_level_alternatives(regex.pattern)
    if len(alternatives) > 1:
        leads = [_plain_lead(alternative) for alternative in alternatives]
        if "" in leads or len(set(leads)) < len(leads):
            return ()
        return tuple((lead, re.compile(alternative)) for lead, alternative in zip(leads, alternatives, strict=True))
    lead = _SET_OF_PLAIN_CHARACTERS.match(regex.pattern)
    if lead is None or len(set(lead.group(1))) > MAX_SPLIT_LEAD:
        return ()
    rest = regex.pattern[lead.end() :]
    return tuple((char, re.compile(f"{re.escape(char)}(?:{rest})")) for char in sorted(set(lead.group(1))))


def compile_rules(texts: Sequence[tuple[str, str]]) -> CompiledRules:
    """Validate, merge (override last), apply the jurisdiction profile (``texts`` holds it as
    ``jurisdiction/<id>.yaml``, see ``load_pack_texts``; without one every rule is an offering, as
    under cn) and compile into one automaton."""
    import ahocorasick_rs  # imported when the detector is built

    packs, profile = validate_texts(texts)
    merged = _Merged()
    for name, doc in packs:
        _merge_pack(merged, doc, is_override=name == "override")

    rules = _apply_jurisdiction(merged.rules, profile)
    entries: dict[str, list[tuple[int, str, bool]]] = {}
    patterns: list[CompiledPattern] = []
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

    shared_scans = _shared_scans(patterns)
    digit_blind = frozenset(
        position
        for position in shared_scans
        if patterns[position][1].pattern.startswith(DIGIT_LEAD) and treats_digits_alike(patterns[position][1].pattern)
    )
    splits = {position: split_leads(p[1]) for position, p in enumerate(patterns) if position not in shared_scans}
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
        digit_blind=digit_blind,
        split_leads={position: split for position, split in splits.items() if split},
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
