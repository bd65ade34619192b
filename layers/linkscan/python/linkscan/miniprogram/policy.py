"""Load policy/miniprogram.yaml into typed, pre-compiled objects (once per process)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

POLICY_PATH = Path(__file__).resolve().parent.parent / "policy" / "miniprogram.yaml"
LICENCES_PATH = POLICY_PATH.with_name("licences.yaml")


@dataclass(frozen=True)
class LicenceRow:
    """One row of the licence table: an activity and the licence sets accepted for it."""

    topic: str
    activity: str
    when: tuple[str, ...]  # cues that make the row apply; empty: always applies
    accepted: tuple[tuple[str, ...], ...]  # any one set, every licence of it
    source: str


@dataclass(frozen=True)
class LicensedTopic:
    key: str
    label: str
    licence: str
    category: str
    subcategory: str
    detector_categories: tuple[str, ...]
    min_cues: int
    cues: tuple[str, ...]
    offer_cues: tuple[str, ...]
    disclaimers: tuple[str, ...]
    breach_cues: tuple[str, ...]
    covering_categories: tuple[str, ...]
    licence_rows: tuple[LicenceRow, ...]

    def fired_in(self, category: str, subcategory: str) -> bool:
        """Whether a detection-engine category means this topic ("cash_loan" or "contraband/tobacco")."""
        return any(wanted in (category, f"{category}/{subcategory}") for wanted in self.detector_categories)


@dataclass(frozen=True)
class Brand:
    brand: str
    aliases: tuple[str, ...]
    owners: tuple[str, ...]
    # the brand's own account services ("提额", "解冻"): an impersonator names them as its script
    services: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChannelKind:
    key: str
    strong: bool
    signal: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Framing:
    report: tuple[str, ...]
    warning: tuple[str, ...]
    inspection: tuple[str, ...]
    informational_categories: tuple[str, ...]
    # "如发现……请举报": a condition cue, then a directive to report or refuse
    report_conditions: tuple[str, ...] = ()
    report_directives: tuple[str, ...] = ()
    # markers that introduce a quotation as someone else's words: 所谓“…”, “…”为诱饵
    quote_before: tuple[str, ...] = ()
    quote_after: tuple[str, ...] = ()
    # "本店不售…", "不对外出售": a clause naming what is not sold
    negated_sale: tuple[str, ...] = ()
    # "No steroids, no SARMs": a clause matching this, in a sentence with ``negated_list_min`` of them
    negated_list_item: re.Pattern[str] | None = None
    negated_list_min: int = 2
    # a lawyer on loan disputes, a rehab service on drugs: informational unless it sells goods or pushes
    help_markers: tuple[str, ...] = ()
    help_selling_kinds: frozenset[str] = frozenset()
    # "可验真", "支持鉴定": an inspection marker after one of these is a seller's guarantee
    guarantee_prefixes: tuple[str, ...] = ()
    # the subcategories an appraisal service detects and names (replicas), as "category/subcategory"
    inspected_goods: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SellerKind:
    key: str
    cues: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class SellerSignals:
    framing_kinds: frozenset[str]  # kinds that keep a warning or inspection sentence a sale
    min_kinds: int
    min_kinds_critical: int
    pitch_probability: float
    kinds: tuple[SellerKind, ...]

    @cached_property
    def framing(self) -> tuple[SellerKind, ...]:
        """The kinds of ``framing_kinds``: a sentence with one of them sells plainly, warning or not."""
        return tuple(kind for kind in self.kinds if kind.key in self.framing_kinds)


@dataclass(frozen=True)
class PlatformRuleSpec:
    key: str
    rule: str
    patterns: tuple[re.Pattern[str], ...]
    cues: tuple[str, ...]
    min_targets: int
    min_targets_alone: int


@dataclass(frozen=True)
class RuleRef:
    id: str
    name: str
    url: str


@dataclass(frozen=True)
class MiniProgramPolicy:
    version: str  # short sha256 of the YAML text: changes whenever an analyst edits a list
    topics: tuple[LicensedTopic, ...]
    name_window: int
    official_markers: tuple[str, ...]
    brands: tuple[Brand, ...]
    # what a fake official service asks for: a card number and the SMS code that moves its money
    credential_requests: tuple[str, ...]
    credential_min: int
    platform_domains: tuple[str, ...]
    channel_kinds: dict[str, ChannelKind]
    handle_patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern)
    app_package_patterns: tuple[re.Pattern[str], ...]
    push_cues: tuple[str, ...]
    max_outbound_urls: int
    scores: dict[str, float]
    channel_escalates: frozenset[str]
    framing: Framing
    sellers: SellerSignals
    platform_rules: dict[str, PlatformRuleSpec]
    rule_book: dict[str, RuleRef]
    rule_for_category: dict[str, str]
    # "加微信客服" in an enterprise app that declares its WeChat/QQ contact: its own service, a weak cue
    declared_service_cues: tuple[str, ...] = ()
    declared_service_markers: tuple[str, ...] = ()

    @cached_property
    def help_selling(self) -> tuple[SellerKind, ...]:
        """The seller kinds of ``framing.help_selling_kinds``: one makes a help service's sentence a sale
        (delivery, private chat; not its fee)."""
        return tuple(kind for kind in self.sellers.kinds if kind.key in self.framing.help_selling_kinds)

    def rule_for(self, category: str, subcategory: str) -> RuleRef | None:
        """The rule a verdict category cites ("category.subcategory" first, then "category")."""
        key = self.rule_for_category.get(f"{category}.{subcategory}") or self.rule_for_category.get(category)
        return self.rule_book.get(key) if key else None


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values or ())


def _compact(values: Any) -> tuple[str, ...]:
    """Terms in the compact form the checks match on (NFKC, case-folded, no spaces)."""
    from linkscan.miniprogram.textmatch import compact

    return tuple(compact(str(v)).text for v in values or ())


def _licence_rows(key: str, rows: Any) -> tuple[LicenceRow, ...]:
    return tuple(
        LicenceRow(
            topic=key,
            activity=str(row["activity"]),
            when=_compact(row.get("when")),
            accepted=tuple(_compact(group) for group in row["accepted"]),
            source=str(row["source"]),
        )
        for row in rows or ()
    )


def _topic(key: str, raw: dict[str, Any], licences: dict[str, Any]) -> LicensedTopic:
    return LicensedTopic(
        key=key,
        label=str(raw["label"]),
        licence=str(raw["licence"]),
        category=str(raw["category"]),
        subcategory=str(raw["subcategory"]),
        detector_categories=_strings(raw.get("detector_categories")),
        min_cues=int(raw.get("min_cues", 2)),
        cues=_strings(raw.get("cues")),
        offer_cues=_strings(raw.get("offer_cues")),
        disclaimers=_compact(raw.get("disclaimers")),
        breach_cues=_compact(raw.get("breach_cues")),
        covering_categories=_strings(raw.get("covering_categories")),
        licence_rows=_licence_rows(key, licences.get(key)),
    )


def _with_windows(pattern: str, windows: dict[str, Any]) -> str:
    """``<name>`` in a pattern replaced by the rule's window of that name (a character count)."""
    for name, width in windows.items():
        pattern = pattern.replace(f"<{name}>", str(int(width)))
    return pattern


def _platform_rule(key: str, raw: dict[str, Any]) -> PlatformRuleSpec:
    windows = raw.get("windows") or {}
    return PlatformRuleSpec(
        key=key,
        rule=str(raw["rule"]),
        patterns=tuple(re.compile(_with_windows(p, windows)) for p in raw.get("patterns") or ()),
        cues=_compact(raw.get("cues")),
        min_targets=int(raw.get("min_targets", 5)),
        min_targets_alone=int(raw.get("min_targets_alone", 10)),
    )


def policy_from_dict(
    raw: dict[str, Any], version: str = "custom", licences: dict[str, Any] | None = None
) -> MiniProgramPolicy:
    """Build the policy from parsed YAML (tests use this to try variations without files).

    ``licences``: the licence table's ``topics`` (policy/licences.yaml); none: no licence covers anything.
    """
    channel = raw["channel_leading"]
    impersonation = raw["impersonation"]
    framing = raw.get("framing") or {}
    negated_list = framing.get("negated_list") or {}
    help_services = framing.get("help_services") or {}
    sellers = raw.get("seller_signals") or {}
    return MiniProgramPolicy(
        version=version,
        topics=tuple(_topic(key, value, licences or {}) for key, value in raw["licensed_topics"].items()),
        name_window=int(impersonation.get("name_window", 8)),
        official_markers=_strings(impersonation["official_markers"]),
        credential_requests=_compact(impersonation.get("credential_requests")),
        credential_min=int(impersonation.get("credential_min", 2)),
        brands=tuple(
            Brand(str(b["brand"]), _strings(b["aliases"]), _strings(b.get("owners")), _compact(b.get("services")))
            for b in impersonation["brands"]
        ),
        platform_domains=_strings(channel.get("platform_domains")),
        channel_kinds={
            key: ChannelKind(key, bool(value.get("strong")), str(value["signal"]), _strings(value.get("cues")))
            for key, value in channel["kinds"].items()
        },
        handle_patterns=tuple(
            (kind, re.compile(pattern))
            for kind, patterns in channel.get("handle_patterns", {}).items()
            for pattern in patterns
        ),
        app_package_patterns=tuple(re.compile(p) for p in channel.get("app_package_url_patterns", ())),
        push_cues=_strings(raw.get("push_cues")),
        max_outbound_urls=int(raw.get("max_outbound_urls", 100)),
        scores={str(k): float(v) for k, v in raw.get("scores", {}).items()},
        channel_escalates=frozenset(_strings(raw.get("channel_escalates"))),
        framing=Framing(
            report=_compact(framing.get("report")),
            warning=_compact(framing.get("warning")),
            inspection=_compact(framing.get("inspection")),
            informational_categories=_compact(framing.get("informational_categories")),
            report_conditions=_compact((framing.get("conditional_report") or {}).get("conditions")),
            report_directives=_compact((framing.get("conditional_report") or {}).get("directives")),
            quote_before=_compact((framing.get("quoted_speech") or {}).get("before")),
            quote_after=_compact((framing.get("quoted_speech") or {}).get("after")),
            negated_sale=_compact(framing.get("negated_sale")),
            negated_list_item=re.compile(negated_list["item"]) if negated_list.get("item") else None,
            negated_list_min=int(negated_list.get("min_items", 2)),
            help_markers=_compact(help_services.get("markers")),
            help_selling_kinds=frozenset(_strings(help_services.get("selling_kinds"))),
            guarantee_prefixes=_compact(framing.get("guarantee_prefixes")),
            inspected_goods=frozenset(_strings(framing.get("inspected_goods"))),
        ),
        sellers=SellerSignals(
            framing_kinds=frozenset(_strings(sellers.get("framing_kinds"))),
            min_kinds=int(sellers.get("min_kinds", 2)),
            min_kinds_critical=int(sellers.get("min_kinds_critical", 1)),
            pitch_probability=float(sellers.get("pitch_probability", 0.5)),
            kinds=tuple(
                SellerKind(key, _compact(kind.get("cues")), tuple(re.compile(p) for p in kind.get("patterns") or ()))
                for key, kind in (sellers.get("kinds") or {}).items()
            ),
        ),
        platform_rules={key: _platform_rule(key, value) for key, value in (raw.get("platform_rules") or {}).items()},
        rule_book={
            key: RuleRef(key, str(value["name"]), str(value["url"]))
            for key, value in (raw.get("rule_book") or {}).items()
        },
        rule_for_category={str(k): str(v) for k, v in (raw.get("rule_for_category") or {}).items()},
        declared_service_cues=_compact((channel.get("declared_service") or {}).get("cues")),
        declared_service_markers=_compact((channel.get("declared_service") or {}).get("markers")),
    )


@cache
def load_policy(path: Path = POLICY_PATH, licences_path: Path = LICENCES_PATH) -> MiniProgramPolicy:
    """The shipped policy and licence table, parsed once per process."""
    text = path.read_bytes()
    licences = licences_path.read_bytes()
    version = hashlib.sha256(text + b"\0" + licences).hexdigest()[:12]
    return policy_from_dict(yaml.safe_load(text), version=version, licences=yaml.safe_load(licences)["topics"])
