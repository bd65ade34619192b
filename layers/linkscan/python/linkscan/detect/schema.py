"""The shapes of rule packs, policy files and jurisdiction profiles, checked strictly.

Every key is known (a misspelt ``weight`` is an error, not a rule of weight 1.0), every value has
its type (``yes`` is a boolean in YAML, not a term), every kind, category and subcategory exists,
every regex compiles. A problem is reported with the file and line it is on: the document is
parsed by the fast C loader and checked; only when something is wrong is it composed again into
YAML nodes, whose marks give the lines.
"""

import difflib
import hashlib
import json
import pathlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from linkscan.severity import Severity

Category = Literal["cash_loan", "counterfeit", "contraband"]
CATEGORIES: tuple[str, ...] = ("cash_loan", "counterfeit", "contraband")

RULE_ID = r"^[a-z0-9_]+(?:\.[a-z0-9_]+)*$"
NAME = r"^[a-z0-9_]+$"
Text = Annotated[str, Field(min_length=1, pattern=r"\S")]  # a string with something in it
Term = Annotated[str, Field(min_length=1, pattern=r"\S")]
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, where it is."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class PackError(ValueError):
    """Rule packs or policy files that do not validate; ``problems`` says where and why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(map(str, self.problems)))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Deferred(_Strict):
    """A model off the detection path (checked by ``rules check`` or loaded later): built on first
    use, not at import, so that a cold start does not pay for it."""

    model_config = ConfigDict(defer_build=True)


# -- rule packs ------------------------------------------------------------------------------------


def _compiles(regex: str) -> str:
    try:
        re.compile(regex)
    except re.error as exc:
        raise ValueError(f"invalid regex {regex!r}: {exc}") from None
    return regex


class PatternSpec(_Strict):
    """A structured pattern: in YAML a plain regex string, or {re, needs, within}."""

    re: Text
    needs: list[Term] | None = Field(default=None, min_length=1)
    within: int | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        return {"re": data} if isinstance(data, str) else data

    @field_validator("re")
    @classmethod
    def _regex(cls, value: str) -> str:
        return _compiles(value)

    @model_validator(mode="after")
    def _window(self) -> "PatternSpec":
        if self.within is not None:
            if self.within <= 0:
                raise ValueError(f"'within' must be a positive number of characters, not {self.within}")
            if not self.needs:
                raise ValueError("'within' needs the literals it is anchored on ('needs')")
        return self


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class _RuleBase(_Strict):
    id: Annotated[str, Field(pattern=RULE_ID)]
    weight: float | None = None
    terms: list[Term] | None = Field(default=None, min_length=1)
    exclude: list[Term] | None = Field(default=None, min_length=1)
    patterns: list[PatternSpec] | None = Field(default=None, min_length=1)
    note: str | None = None
    source: list[Text] | None = Field(default=None, min_length=1)  # ids of the pack's `sources`
    remove_terms: list[Term] | None = Field(default=None, min_length=1)  # override packs only
    # a rule split out of another only so that a jurisdiction profile can name it: scored as one
    # rule with that one (one term bonus over both) unless the profile allows or scales it
    part_of: Annotated[str, Field(pattern=RULE_ID)] | None = None

    _source_list = field_validator("source", mode="before")(_as_list)

    @field_validator("weight")
    @classmethod
    def _positive(cls, value: float | None) -> float | None:
        if value is not None and value <= 0:
            raise ValueError(f"a weight must be positive, not {value}")
        return value


class GoodsRule(_RuleBase):
    """A rule under ``rules``: goods named (subject), offered (offer) or a supporting word."""

    kind: Literal["subject", "offer", "support"] = "subject"
    category: Category | None = None
    subcategory: Annotated[str, Field(pattern=r"^(?:[a-z0-9_]+|\*)$")] | None = None
    counts_as_offer: bool | None = None


class CueRule(_RuleBase):
    """An offering cue shared by every category (``cues``)."""

    kind: Literal["cue"] = "cue"
    # the author's own way to buy (a contact channel, a price, an order step): the offer model's
    # reading of the text as discussion does not veto it below the fitted ``own_offer_floor``
    own_offer: bool | None = None


class ContextRule(_RuleBase):
    """Wording that dampens a score (``context``): ``weight`` is the factor, ``applies_to`` its targets."""

    kind: Literal["context"] = "context"
    applies_to: list[Annotated[str, Field(pattern=r"^(?:\*|[a-z0-9_]+(?:\.[a-z0-9_]+)?)$")]] | None = Field(
        default=None, min_length=1
    )


class Source(_Strict):
    """Where a pack's terms came from."""

    id: Annotated[str, Field(pattern=NAME)]
    name: Text
    url: Text | None = None
    repo: Text | None = None
    commit: Annotated[str, Field(pattern=r"^[0-9a-f]{7,40}$")] | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _where(self) -> "Source":
        if not self.url and not self.repo:
            raise ValueError(f"source {self.id}: give its 'url' or its 'repo'")
        return self


class SubcategorySpec(_Strict):
    severity: Severity


class Scoring(_Strict):
    subject_k: float | None = None
    offer_k: float | None = None
    extra_term_bonus: float | None = None
    single_mention_factor: float | None = None
    long_page_chars: float | None = None
    term_cap: float | None = None
    offer_term_as_cue: float | None = None
    context_floor: float | None = None
    quoted_goods_factor: float | None = None


class SignalSpec(_Strict):
    weight: float
    boost: dict[Category, float] | None = None


class Pack(_Strict):
    """One rule pack file (rules/*.yaml, or the deployment's override pack)."""

    description: str | None = None
    sources: list[Source] | None = Field(default=None, min_length=1)
    category: Category | None = None
    severity: Severity | None = None
    subcategories: dict[Annotated[str, Field(pattern=NAME)], SubcategorySpec] | None = None
    scoring: Scoring | None = None
    signals: dict[Annotated[str, Field(pattern=r"^[a-z0-9_]+(?:\.[a-z0-9_*]+)?$")], SignalSpec] | None = None
    rules: list[GoodsRule] | None = None
    cues: list[CueRule] | None = None
    context: list[ContextRule] | None = None
    disable: list[Annotated[str, Field(pattern=RULE_ID)]] | None = None


# -- policy files ------------------------------------------------------------------------------------


class Bands(_Strict):
    names: list[Annotated[str, Field(pattern=NAME)]] = Field(min_length=4, max_length=4)
    suspicious: Annotated[float, Field(gt=0, le=1)]
    report_floor: Annotated[float, Field(ge=0, lt=1)]


Domain = Annotated[str, Field(pattern=r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$")]


class Allowlist(_Strict):
    domains: dict[Annotated[str, Field(pattern=NAME)], list[Domain]]


class _GradeAction(_Deferred):
    """What one grade of the mini-program ladder does."""

    notice: Literal["warning", "feature_restriction", "delisting", "account_ban"]
    fix_by_days: Annotated[int, Field(ge=1)] | None = None
    duration_days: Annotated[int, Field(ge=1)] | None = None
    delist: bool | None = None
    scope: list[Text] = Field(min_length=1)


class _Appeal(_Deferred):
    how: Text
    window_days: Annotated[int, Field(ge=1)]
    route: Text


class _Grade(_Deferred):
    """One row of the mini-program grade table."""

    grade: Annotated[str, Field(pattern=NAME)]
    reason: Text
    scope: list[Text] | None = None
    duration_days: Annotated[int, Field(ge=1)] | None = None
    fix_by_days: Annotated[int, Field(ge=1)] | None = None


class _MiniEnforcement(_Deferred):
    actions: dict[Annotated[str, Field(pattern=NAME)], _GradeAction]
    appeal: _Appeal
    grades: dict[Annotated[str, Field(pattern=r"^[a-z0-9_]+(?:\.[a-z0-9_]+)?$")], _Grade]


class Enforcement(_Deferred):
    url_actions: list[Annotated[str, Field(pattern=NAME)]] = Field(min_length=1)
    account_ladder: list[Annotated[str, Field(pattern=NAME)]] = Field(min_length=1)
    start_grade_by_severity: dict[Severity, str]
    start_grade_overrides: dict[Annotated[str, Field(pattern=r"^[a-z0-9_]+(?:\.[a-z0-9_]+)?$")], str] | None = None
    miniprogram: _MiniEnforcement | None = None

    @model_validator(mode="after")
    def _on_the_ladder(self) -> "Enforcement":
        mini = self.miniprogram
        grades = [*self.start_grade_by_severity.values(), *(self.start_grade_overrides or {}).values()]
        if mini is not None:
            grades += [row.grade for row in mini.grades.values()]
            missing = sorted(set(self.account_ladder) - set(mini.actions))
            if missing:
                raise ValueError(f"miniprogram.actions: no action for grades {', '.join(missing)}")
        wrong = sorted({grade for grade in grades if grade not in self.account_ladder})
        if wrong:
            raise ValueError(f"grades not on the account_ladder {self.account_ladder}: {', '.join(wrong)}")
        return self


class Jurisdiction(_Strict):
    """A jurisdiction profile: which offers are legal there, and weights scaled there.

    Rules are named by id or, for all rules of one, by "category.subcategory".
    """

    id: Annotated[str, Field(pattern=NAME)]
    name: Text
    description: str | None = None
    offerings: list[Annotated[str, Field(pattern=RULE_ID)]] | None = None  # named here for the record
    allowed: list[Annotated[str, Field(pattern=RULE_ID)]] | None = None  # dropped from detection
    weights: dict[Annotated[str, Field(pattern=RULE_ID)], Annotated[float, Field(gt=0)]] | None = None

    @model_validator(mode="after")
    def _disjoint(self) -> "Jurisdiction":
        both = sorted(set(self.offerings or ()) & set(self.allowed or ()))
        if both:
            raise ValueError(f"named both as offerings and as allowed: {', '.join(both)}")
        scaled_away = sorted(set(self.weights or {}) & set(self.allowed or ()))
        if scaled_away:
            raise ValueError(f"allowed rules have no weight to scale: {', '.join(scaled_away)}")
        return self


Regex = Annotated[str, Field(min_length=1)]


class _MiniTopic(_Deferred):
    label: Text
    licence: Text
    category: Category
    subcategory: Annotated[str, Field(pattern=NAME)]
    detector_categories: list[Annotated[str, Field(pattern=r"^[a-z_]+(?:/[a-z0-9_]+)?$")]] | None = None
    min_cues: Annotated[int, Field(ge=1)] | None = None
    cues: list[Term] | None = None
    offer_cues: list[Term] | None = None
    disclaimers: list[Term] | None = None
    breach_cues: list[Term] | None = None
    covering_categories: list[Term] | None = None


class _MiniBrand(_Deferred):
    brand: Text
    aliases: list[Term] = Field(min_length=1)
    owners: list[Term] | None = None
    services: list[Term] | None = None


class _MiniImpersonation(_Deferred):
    name_window: Annotated[int, Field(ge=1)] | None = None
    official_markers: list[Term] = Field(min_length=1)
    credential_requests: list[Term] | None = None
    credential_min: Annotated[int, Field(ge=1)] | None = None
    brands: list[_MiniBrand]


class _MiniChannelKind(_Deferred):
    strong: bool
    signal: Annotated[str, Field(pattern=NAME)]
    cues: list[Term] | None = None


class _MiniChannel(_Deferred):
    platform_domains: list[Domain] | None = None
    kinds: dict[Annotated[str, Field(pattern=NAME)], _MiniChannelKind]
    handle_patterns: dict[Annotated[str, Field(pattern=NAME)], list[Regex]] | None = None
    app_package_url_patterns: list[Regex] | None = None
    declared_service: dict[Literal["cues", "markers"], list[Term]] | None = None

    @field_validator("handle_patterns")
    @classmethod
    def _handles(cls, value: dict[str, list[str]] | None) -> dict[str, list[str]] | None:
        for patterns in (value or {}).values():
            for pattern in patterns:
                _compiles(pattern)
        return value

    @field_validator("app_package_url_patterns")
    @classmethod
    def _packages(cls, value: list[str] | None) -> list[str] | None:
        for pattern in value or ():
            _compiles(pattern)
        return value


class _MiniConditionalReport(_Deferred):
    conditions: list[Term] = Field(min_length=1)
    directives: list[Term] = Field(min_length=1)


class _MiniQuotedSpeech(_Deferred):
    before: list[Term] = Field(min_length=1)
    after: list[Term] = Field(min_length=1)


class _MiniNegatedList(_Deferred):
    item: Regex
    min_items: Annotated[int, Field(ge=2)]

    _item_compiles = field_validator("item")(classmethod(lambda cls, value: _compiles(value)))


class _MiniHelpServices(_Deferred):
    markers: list[Term] = Field(min_length=1)
    selling_kinds: list[Annotated[str, Field(pattern=NAME)]] | None = None


class _MiniFraming(_Deferred):
    report: list[Term] = Field(min_length=1)
    warning: list[Term] = Field(min_length=1)
    inspection: list[Term] = Field(min_length=1)
    informational_categories: list[Term] | None = None
    conditional_report: _MiniConditionalReport | None = None
    quoted_speech: _MiniQuotedSpeech | None = None
    negated_sale: list[Term] | None = None
    negated_list: _MiniNegatedList | None = None
    help_services: _MiniHelpServices | None = None
    guarantee_prefixes: list[Term] | None = None
    # "category/subcategory" an appraisal service names as what it detects
    inspected_goods: list[Annotated[str, Field(pattern=r"^[a-z_]+/[a-z_]+$")]] | None = None


def _all_compile(patterns: list[str] | None) -> list[str] | None:
    for pattern in patterns or ():
        _compiles(pattern)
    return patterns


class _MiniSellerKind(_Deferred):
    cues: list[Term] | None = None
    patterns: list[Regex] | None = None

    _patterns_compile = field_validator("patterns")(classmethod(lambda cls, value: _all_compile(value)))


class _MiniSellers(_Deferred):
    framing_kinds: list[Annotated[str, Field(pattern=NAME)]] | None = None
    min_kinds: Annotated[int, Field(ge=1)]
    min_kinds_critical: Annotated[int, Field(ge=1)]
    pitch_probability: Annotated[float, Field(ge=0, le=1)]
    kinds: dict[Annotated[str, Field(pattern=NAME)], _MiniSellerKind]


class _MiniPlatformRule(_Deferred):
    rule: Annotated[str, Field(pattern=RULE_ID)]
    # named distances the patterns use as <name>
    windows: dict[Annotated[str, Field(pattern=NAME)], Annotated[int, Field(ge=1)]] | None = None
    patterns: list[Regex] | None = None
    cues: list[Term] | None = None
    min_targets: Annotated[int, Field(ge=1)] | None = None
    min_targets_alone: Annotated[int, Field(ge=1)] | None = None

    @model_validator(mode="after")
    def _patterns_compile(self) -> "_MiniPlatformRule":
        for written in self.patterns or ():
            expanded = written
            for name, width in (self.windows or {}).items():
                expanded = expanded.replace(f"<{name}>", str(width))
            _compiles(expanded)
        return self


class _MiniRuleRef(_Deferred):
    name: Text
    url: Annotated[str, Field(pattern=r"^https://")]


class MiniProgram(_Deferred):
    licensed_topics: dict[Annotated[str, Field(pattern=NAME)], _MiniTopic]
    impersonation: _MiniImpersonation
    channel_leading: _MiniChannel
    push_cues: list[Term] | None = None
    max_outbound_urls: Annotated[int, Field(ge=1)] | None = None
    scores: dict[Annotated[str, Field(pattern=NAME)], float] | None = None
    channel_escalates: list[Category] | None = None
    framing: _MiniFraming | None = None
    seller_signals: _MiniSellers | None = None
    platform_rules: (
        dict[Literal["induced_sharing", "offplatform_payment", "webview", "navigation_hub"], _MiniPlatformRule] | None
    ) = None
    rule_book: dict[Annotated[str, Field(pattern=RULE_ID)], _MiniRuleRef] | None = None
    rule_for_category: (
        dict[Annotated[str, Field(pattern=r"^[a-z0-9_]+(?:\.[a-z0-9_]+)?$")], Annotated[str, Field(pattern=RULE_ID)]]
        | None
    ) = None

    @model_validator(mode="after")
    def _rules_exist(self) -> "MiniProgram":
        known = set(self.rule_book or {})
        cited = [*(self.rule_for_category or {}).values(), *(r.rule for r in (self.platform_rules or {}).values())]
        unknown = sorted({rule for rule in cited if rule not in known})
        if unknown:
            raise ValueError(f"rules not in rule_book: {', '.join(unknown)}")
        return self


class _LicenceRow(_Deferred):
    activity: Text
    when: list[Term] | None = None
    accepted: list[Annotated[list[Term], Field(min_length=1)]] = Field(min_length=1)
    source: Text


class Licences(_Deferred):
    """policy/licences.yaml: licensed topic -> the activities it covers and the licences accepted."""

    topics: dict[Annotated[str, Field(pattern=NAME)], Annotated[list[_LicenceRow], Field(min_length=1)]]


class _Lender(_Strict):
    """One licensed lender of policy/lenders.yaml and its official channels."""

    name: Text
    aliases: list[Text] | None = None
    hotlines: list[Annotated[str, Field(pattern=r"^[0-9]{5,11}$")]] | None = None
    domains: list[Domain] = Field(min_length=1)
    source: list[Annotated[str, Field(pattern=NAME)]] = Field(min_length=1)


class _Branch(_Strict):
    """A pitch signed by a licensed bank's branch that gives only phone numbers (``detect.lenders``)."""

    factor: Annotated[float, Field(ge=0.0, le=1.0)]
    words: list[Text] = Field(min_length=1)
    staff_terms: list[Text]


class Lenders(_Strict):
    """policy/lenders.yaml: licensed lenders and where their offers lead (``detect.lenders``)."""

    description: Text
    sources: list[Source] = Field(min_length=1)
    factor: Annotated[float, Field(ge=0.0, le=1.0)]
    branch: _Branch
    never_rescued_rules: list[Annotated[str, Field(pattern=r"^[a-z0-9_]+\.[a-z0-9_]+$")]]
    unresolved_channel_terms: list[Text]
    not_names: list[Text]
    name_endings: list[Text]
    lenders: list[_Lender] = Field(min_length=1)
    consumer_finance: list[Text]
    banks: list[Text]

    @model_validator(mode="after")
    def _known_sources(self) -> "Lenders":
        known = {source.id for source in self.sources}
        for lender in self.lenders:
            unknown = sorted(set(lender.source) - known)
            if unknown:
                raise ValueError(f"lender {lender.name}: unknown source {', '.join(unknown)}")
        return self


POLICY_MODELS: dict[str, type[_Strict]] = {
    "bands.yaml": Bands,
    "allowlist.yaml": Allowlist,
    "enforcement.yaml": Enforcement,
    "miniprogram.yaml": MiniProgram,
    "licences.yaml": Licences,
    "lenders.yaml": Lenders,
}


# -- parsing and locating -----------------------------------------------------------------------------


PARSED_CACHE = "parsed_cache.json"  # in linkscan/rules/: written by python -m devstack.pack_cache


@lru_cache(maxsize=1)
def _parsed_cache() -> dict[str, str]:
    """sha256 of a shipped file's text -> its document as JSON (JSON parses ~10x faster than YAML, which
    was a third of the cold start); a file whose text is not in the cache is parsed as YAML."""
    path = pathlib.Path(str(resources.files("linkscan") / "rules" / PARSED_CACHE))
    if not path.is_file():
        return {}
    cache: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return cache


def parse(name: str, text: str) -> dict[str, Any]:
    """The document as data: from the parsed cache when the text is a shipped one, else by the C YAML
    loader (~10x the pure-Python one); a YAML error is a Problem."""
    cached = _parsed_cache().get(hashlib.sha256(text.encode("utf-8")).hexdigest())
    if cached is not None:
        doc: dict[str, Any] = json.loads(cached)
        return doc
    return parse_yaml(name, text)


def parse_yaml(name: str, text: str) -> dict[str, Any]:
    """The document as data by the C YAML loader; a YAML error is a Problem."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        doc = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise PackError([Problem(name, line, f"not valid YAML: {getattr(exc, 'problem', exc)}")]) from None
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise PackError([Problem(name, 1, f"the file must hold a mapping of keys, not a {type(doc).__name__}")])
    return doc


class Locator:
    """Line numbers of a document's values by their path, from its YAML nodes (composed on first use)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: yaml.Node | None = None

    def line(self, path: Path, *, key: bool = False) -> int:
        """The 1-based line of the value at ``path`` (of its key, with ``key``), or of the deepest
        node of the path that exists (a missing key: its mapping)."""
        if self._root is None:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            self._root = yaml.compose(self._text, Loader=loader)
        node = self._root
        if node is None:
            return 1
        for step in path:
            found: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == str(step):
                        found = key_node if key and step == path[-1] else value_node
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                found = node.value[step]
            if found is None:
                break
            node = found
        return int(node.start_mark.line) + 1


def _dotted(path: Path) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _problems_from(name: str, error: ValidationError, doc: Mapping[str, Any], where: Locator) -> list[Problem]:
    problems: list[Problem] = []
    for item in error.errors():
        loc = tuple(item["loc"])
        on_key = bool(loc) and loc[-1] == "[key]"  # pydantic's step for an error in a mapping key
        path = tuple(step for step in loc if step != "[key]")
        rule = _rule_id_at(doc, path)
        prefix = f"rule {rule}: " if rule else ""
        kind = item["type"]
        if kind == "extra_forbidden":
            message = f"unknown key {path[-1]!r} in {_dotted(path[:-1]) or 'the file'}"
            close = difflib.get_close_matches(str(path[-1]), _known_keys(), n=1)
            message += f" (did you mean {close[0]!r}?)" if close else ""
            line = where.line(path, key=True)
        elif kind == "missing":
            message = f"{_dotted(path)}: a required key is missing"
            line = where.line(path)
        else:
            text = str(item["msg"]).removeprefix("Value error, ")
            if kind in ("string_type", "float_type", "int_type", "bool_type"):
                text += f", not {item['input']!r}" + (" (quote it)" if kind == "string_type" else "")
            elif kind == "literal_error":
                text += f", not {item['input']!r}"
            elif kind == "too_short" and item["input"] in ([], {}, ""):
                text = "is empty: give at least one item, or leave the key out"
            elif kind == "string_pattern_mismatch":
                text = f"{item['input']!r} is not a valid name here"
            message = f"{_dotted(path) or 'file'}: {text}"
            line = where.line(path, key=on_key)
        problems.append(Problem(name, line, prefix + message))
    return problems


def _known_keys() -> list[str]:
    models: list[type[BaseModel]] = [
        PatternSpec,
        GoodsRule,
        CueRule,
        ContextRule,
        Source,
        SubcategorySpec,
        Scoring,
        SignalSpec,
        Pack,
        Jurisdiction,
        *POLICY_MODELS.values(),
    ]
    return sorted({name for model in models for name in model.model_fields})


def _rule_id_at(doc: Mapping[str, Any], path: Path) -> str:
    if len(path) >= 2 and path[0] in ("rules", "cues", "context") and isinstance(path[1], int):
        rules = doc.get(str(path[0]))
        if isinstance(rules, list) and path[1] < len(rules) and isinstance(rules[path[1]], dict):
            return str(rules[path[1]].get("id", ""))
    return ""


def validate(name: str, text: str, model: type[_Strict]) -> tuple[dict[str, Any], Locator]:
    """Parse and check one file against ``model``; a PackError lists every problem with its line."""
    doc = parse(name, text)
    where = Locator(text)
    try:
        model.model_validate(doc)
    except ValidationError as exc:
        raise PackError(_problems_from(name, exc, doc, where)) from None
    return doc, where


# -- checks across the packs --------------------------------------------------------------------------


# what an override pack's rule may give when it extends a shipped rule of the same id
_EXTENSION_KEYS = frozenset({"id", "terms", "exclude", "patterns", "weight", "remove_terms", "note", "source"})


@dataclass
class _Seen:
    file: str
    where: Locator
    path: Path


def check_packs(
    packs: Sequence[tuple[str, dict[str, Any], Locator]],
    declared: Mapping[str, set[str]],
    override: str | None = None,
) -> list[Problem]:
    """What no single pack can show: a rule id defined twice, a subcategory or target no pack
    declares, a source id the pack does not list, a ``part_of`` or ``disable`` naming no rule, a
    rule with nothing to match. ``declared``: category -> its subcategories. ``override`` names
    the override pack, whose rules may extend shipped ones (same id) instead of defining them."""
    problems: list[Problem] = []
    seen: dict[str, _Seen] = {}
    for name, doc, where in packs:
        sources = {str(s.get("id")) for s in doc.get("sources") or []}
        for section in ("rules", "cues", "context"):
            for index, raw in enumerate(doc.get(section) or []):
                path: Path = (section, index)
                rule_id = str(raw["id"])

                def report(
                    message: str, at: Path = path, rule_id: str = rule_id, where: Locator = where, name: str = name
                ) -> None:
                    problems.append(Problem(name, where.line(at), f"rule {rule_id}: {message}"))

                first = seen.get(rule_id)
                extends = name == override and first is not None
                if first is not None and not extends:
                    report(f"rule id defined twice (first at {first.file}:{first.where.line(first.path)})")
                seen.setdefault(rule_id, _Seen(name, where, path))
                if extends:
                    fixed = sorted(set(raw) - _EXTENSION_KEYS)
                    if fixed:
                        report(
                            f"extends the shipped rule, which keeps its {', '.join(fixed)}: give only "
                            f"{', '.join(sorted(_EXTENSION_KEYS - {'id'}))}"
                        )
                    continue
                if not (raw.get("terms") or raw.get("patterns")):
                    report("no terms and no patterns: it can never match")
                if raw.get("remove_terms") and not extends:
                    report("remove_terms only applies in the override pack, to a shipped rule", (*path, "remove_terms"))
                for source in _as_list(raw.get("source")) or []:
                    if source not in sources:
                        report(f"source {source!r} is not in the pack's 'sources'", (*path, "source"))
                if section == "rules":
                    category = str(raw.get("category") or doc.get("category") or "")
                    subcategory = raw.get("subcategory")
                    if not category:
                        report("no category: give the pack's 'category' or the rule's own")
                    elif subcategory is None:
                        report("no subcategory")
                    elif subcategory == "*" and raw.get("kind") != "support":
                        report("subcategory '*' is for support rules only", (*path, "subcategory"))
                    elif subcategory != "*" and subcategory not in declared.get(category, set()):
                        known = ", ".join(sorted(declared.get(category, set()))) or "none"
                        report(
                            f"unknown subcategory {subcategory!r} of {category} (declared: {known})",
                            (*path, "subcategory"),
                        )
                    if raw.get("counts_as_offer") is not None and raw.get("kind") != "support":
                        report("counts_as_offer is for support rules only", (*path, "counts_as_offer"))
                for target_index, target in enumerate(raw.get("applies_to") or []):
                    if not _known_target(str(target), declared):
                        report(
                            f"applies_to {target!r}: no such category or subcategory",
                            (*path, "applies_to", target_index),
                        )
    for name, doc, where in packs:
        for section in ("rules", "cues", "context"):
            for index, raw in enumerate(doc.get(section) or []):
                parent = raw.get("part_of")
                if parent is None:
                    continue
                at = (section, index, "part_of")
                target = seen.get(str(parent))
                if target is None:
                    problems.append(
                        Problem(name, where.line(at), f"rule {raw['id']}: part_of {parent!r}: no such rule")
                    )
                elif not _same_kind(raw, section, packs, target, doc):
                    problems.append(
                        Problem(
                            name,
                            where.line(at),
                            f"rule {raw['id']}: part_of {parent!r}: a part has its rule's kind, category, "
                            "subcategory and weight (scale it in a jurisdiction profile instead)",
                        )
                    )
        for index, rule_id in enumerate(doc.get("disable") or []):
            if rule_id not in seen:
                problems.append(Problem(name, where.line(("disable", index)), f"disable {rule_id!r}: no such rule"))
    return problems


def _identity(raw: Mapping[str, Any], section: str, doc: Mapping[str, Any]) -> tuple[Any, ...]:
    default_kind = {"rules": "subject", "cues": "cue", "context": "context"}[section]
    return (
        raw.get("kind", default_kind),
        raw.get("category") or doc.get("category"),
        raw.get("subcategory"),
        raw.get("weight", 1.0),
        bool(raw.get("counts_as_offer")),
        raw.get("applies_to"),
    )


def _same_kind(
    raw: Mapping[str, Any],
    section: str,
    packs: Sequence[tuple[str, dict[str, Any], Locator]],
    target: _Seen,
    doc: Mapping[str, Any],
) -> bool:
    target_doc = next(d for n, d, _w in packs if n == target.file)
    target_section = str(target.path[0])
    target_raw = target_doc[target_section][target.path[1]]
    return _identity(raw, section, doc) == _identity(target_raw, target_section, target_doc)


def _known_target(target: str, declared: Mapping[str, set[str]]) -> bool:
    if target == "*":
        return True
    category, _, subcategory = target.partition(".")
    if category not in declared:
        return False
    return not subcategory or subcategory in declared[category]


def check_jurisdiction(
    name: str, doc: Mapping[str, Any], where: Locator, rule_ids: Iterable[str], declared: Mapping[str, set[str]]
) -> list[Problem]:
    """Every rule or subcategory a profile names exists."""
    ids = set(rule_ids)
    problems: list[Problem] = []
    for key in ("offerings", "allowed", "weights"):
        for index, target in enumerate(doc.get(key) or []):
            if target in ids or (target.count(".") == 1 and _known_target(target, declared)):
                continue
            at: Path = (key, target) if key == "weights" else (key, index)
            problems.append(
                Problem(name, where.line(at, key=key == "weights"), f"{key}: {target!r} names no rule or subcategory")
            )
    return problems


def check_enforcement(
    name: str, doc: Mapping[str, Any], where: Locator, declared: Mapping[str, set[str]]
) -> list[Problem]:
    """The enforcement overrides name categories and subcategories the packs declare."""
    return [
        Problem(
            name,
            where.line(("start_grade_overrides", target), key=True),
            f"start_grade_overrides: {target!r} names no category or subcategory",
        )
        for target in doc.get("start_grade_overrides") or {}
        if not _known_target(str(target), declared)
    ]
