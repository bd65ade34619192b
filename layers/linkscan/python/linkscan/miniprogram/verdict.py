"""Compose a mini-program verdict from content detection and the mini-program checks.

The verdict's ``score`` and ``band`` are those of content detection; the ``decision`` is the composed
outcome:

- framing and licences may lower detection's ``review`` (never its ``block``) to ``allow``: when all of
  its evidence sits in informational sentences (news, warnings, inspection services) and nothing else
  sells, or when the category is the lawful business of a licence the app holds;
- impersonation adds ``counterfeit/impersonation`` (review; block with other offending content, for a
  personal principal, or when the app asks for card numbers and codes);
- a qualification gap raises its topic's category one severity level and forces at least ``review``;
- strong channel leading forces at least ``review``, and ``block`` with content of a category in
  ``channel_escalates`` (loans, counterfeits, contraband);
- goods detection names, offered with seller signals (price, delivery, order, private chat), block;
- platform rules (induced sharing, payment outside the platform, web-view, navigation hubs) add
  ``platform_rule/<rule>`` and block;
- jumps to mini-programs whose metadata is known: a blocked target blocks the app that opens it;
- linked pages (``reevaluate``, once child scans finish): a blocked page is at least ``review``, and
  ``block`` when the mini-program pushes users there.

``actions`` and ``enforcement`` come from the grade table in policy/enforcement.yaml.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from linkscan.canonical import canonicalize
from linkscan.detect import TextField
from linkscan.errors import InvalidUrlError
from linkscan.miniprogram.checks import (
    ChannelFinding,
    QualificationGap,
    channel_signals,
    credential_requests,
    find_channel_leading,
    find_impersonation,
    find_qualification_gaps,
    licence_covers,
)
from linkscan.miniprogram.enforcement import build_enforcement, load_ladder, miniprogram_actions
from linkscan.miniprogram.fields import NamedText, text_fields
from linkscan.miniprogram.framing import Framing, frame, inspection_fee, seller_signals
from linkscan.miniprogram.links import LinkSite, link_sites, outbound_urls, push_cue
from linkscan.miniprogram.model import MiniProgramMetadata, target_id_for_appid
from linkscan.miniprogram.platform_rules import (
    JumpFinding,
    RuleFinding,
    find_navigation_hub,
    find_text_rules,
    find_webview_problems,
    jump_findings,
)
from linkscan.miniprogram.policy import MiniProgramPolicy, load_policy
from linkscan.miniprogram.textmatch import compact
from linkscan.models import DECISION_RANK, CategoryScore, Decision, Evidence, OfferReading, Verdict
from linkscan.severity import SEVERITIES

LINKED_RULE = "miniprogram.linked_page"
LINKED_REASON = "linked page"
JUMP_RULE = "miniprogram.linked_miniprogram"
MAX_EXTRA_ITEMS = 20


class DetectionLike(Protocol):
    decision: Decision
    score: float
    band: str
    categories: list[CategoryScore]
    rules_version: str
    reasons: list[str]

    def offer_reading(self) -> OfferReading | None: ...


class DetectorLike(Protocol):
    def detect(
        self, fields: Any, *, signals: Mapping[str, float] | None = None, domain: str | None = None
    ) -> DetectionLike: ...


def _at_least(decision: Decision, floor: Decision) -> Decision:
    return floor if DECISION_RANK[floor] > DECISION_RANK[decision] else decision


def _raise_severity(category: CategoryScore) -> None:
    index = SEVERITIES.index(category.severity)
    category.severity = SEVERITIES[min(index + 1, len(SEVERITIES) - 1)]


def _actions(categories: Sequence[CategoryScore], decision: str, prior_violations: int) -> list[str]:
    return miniprogram_actions(categories, decision, prior_violations)


def _apply_channel_leading(
    strong: Sequence[ChannelFinding],
    categories: Sequence[CategoryScore],
    decision: Decision,
    reasons: list[str],
    policy: MiniProgramPolicy,
) -> Decision:
    """Strong channel leading is at least ``review``; with content of a category it escalates, ``block``."""
    reasons.append(_channel_reason(strong))
    decision = _at_least(decision, "review")
    floor = policy.scores.get("channel_escalation_floor", 0.3)
    escalating = [c for c in categories if c.category in policy.channel_escalates and c.score >= floor]
    if decision != "block" and escalating:
        reasons.append(f"channel leading combined with {escalating[0].category} content: blocked")
        return "block"
    return decision


def scan_miniprogram(
    meta: MiniProgramMetadata,
    detector: DetectorLike,
    *,
    prior_violations: int = 0,
    scan_id: str,
    scanned_at: str,
    policy: MiniProgramPolicy | None = None,
    jump_targets: Mapping[str, MiniProgramMetadata] | None = None,
) -> Verdict:
    """Scan validated metadata. ``prior_violations``: earlier upheld violations of the appid or principal.

    ``jump_targets``: the known metadata of mini-programs this one jumps to (``navigation[].appid``),
    by appid; each is scanned too (one level deep) and a blocked one blocks this app.
    """
    policy = policy or load_policy()
    fields = text_fields(meta)
    framing = frame(meta, fields, policy)
    channels = find_channel_leading(meta, policy, fields, framing)
    signals = channel_signals(channels, meta)
    detection = detector.detect(
        [TextField(f.name, framing.without_disclaimed(f.name, f.text)) for f in fields], signals=signals
    )

    reasons = list(detection.reasons)
    decision: Decision = _lowered(detection, meta, framing, fields, channels, policy, reasons)

    impersonation = find_impersonation(meta, policy)
    detected = _without_brand_services(detection.categories, impersonation, policy, reasons)
    categories = [category.model_copy(deep=True) for category in detected]
    if impersonation:
        decision = _apply_impersonation(
            categories,
            reasons=reasons,
            decision=decision,
            found=impersonation,
            credentials=credential_requests(fields, framing, policy),
            meta=meta,
            policy=policy,
        )

    gaps = find_qualification_gaps(meta, detected, policy, fields, framing)
    for gap in gaps:
        _apply_qualification_gap(categories, gap, policy)
        reasons.append(gap.describe())
        decision = _at_least(decision, "review")

    strong = [finding for finding in channels if finding.strong]
    if strong:
        decision = _apply_channel_leading(strong, categories, decision, reasons, policy)

    sellers = seller_signals(fields, framing, policy)
    offer = detection.offer_reading()
    if offer is not None and offer.probability >= policy.sellers.pitch_probability:
        sellers.setdefault("pitch", _pitch_evidence(offer))
    if strong:
        sellers.setdefault("private_chat", strong[0].evidence)
    if decision != "block":
        decision = _seller_listing(categories, sellers, meta, framing, fields, policy, reasons, decision)

    rules = _platform_rules(meta, fields, framing, policy)
    for finding in rules:
        categories.append(_rule_category(finding, policy))
        reasons.append(f"platform rule {finding.rule} ({finding.subcategory}): {finding.detail}")
        decision = "block"

    jumps = jump_findings(
        meta,
        jump_targets or {},
        lambda target: scan_miniprogram(target, detector, scan_id=scan_id, scanned_at=scanned_at, policy=policy),
    )
    blocked_jumps = [jump for jump in jumps if jump.verdict.decision == "block"]
    for jump in blocked_jumps:
        categories.append(_jump_category(jump, policy))
        reasons.append(f"jumps to blocked mini-program {jump.appid} at {jump.field}")
    if blocked_jumps:
        decision = "block"

    categories.sort(key=lambda category: category.score, reverse=True)
    return Verdict(
        target_id=target_id_for_appid(meta.appid),
        target_type="miniprogram",
        target=meta.appid,
        decision=decision,
        score=detection.score,
        band=detection.band,
        categories=categories,
        actions=_actions(categories, decision, prior_violations),
        reasons=reasons,
        rules_version=f"{detection.rules_version}+mp.{policy.version}",
        offer=offer,
        scan_id=scan_id,
        scanned_at=scanned_at,
        enforcement=build_enforcement(
            categories, decision, prior_violations, meta=meta, scanned_at=scanned_at, policy=policy
        ),
        extra=_extra(
            meta,
            detection,
            decision=decision,
            grades=prior_violations,
            gaps=gaps,
            channels=channels,
            signals=signals,
            impersonation=impersonation,
            sellers=sellers,
            rules=rules,
            jumps=jumps,
            policy=policy,
        ),
    )


def _lowered(
    detection: DetectionLike,
    meta: MiniProgramMetadata,
    framing: Framing,
    fields: Sequence[NamedText],
    channels: Sequence[ChannelFinding],
    policy: MiniProgramPolicy,
    reasons: list[str],
) -> Decision:
    """Detection's decision, with a ``review`` lowered to ``allow`` for informational or licensed content.

    An inspection service's ``block`` is lowered too: every match in a sentence about what it detects
    ("可识别高仿、A货"), and nothing sold but its own fee ("箱包鉴定每件150元").
    """
    if detection.decision not in ("review", "block"):
        return detection.decision
    offending = [c for c in detection.categories if c.score >= policy.scores.get("topic_fired_floor", 0.3)]
    if any(finding.strong for finding in channels) or not offending:
        return detection.decision
    if detection.decision == "review" and all(licence_covers(meta, category, policy) for category in offending):
        reasons.append("licensed: the content is the business of a licence on file (review lowered to allow)")
        return "allow"
    sellers = seller_signals(fields, framing, policy)
    if _appraised(offending, sellers, framing, fields, policy):
        lowered = detection.decision
        reasons.append(
            f"inspection service: every match names what it detects, its price is its fee ({lowered} lowered)"
        )
        return "allow"
    informational = all(framing.all_informational(c.evidence) for c in offending)
    if detection.decision == "review" and informational and not sellers:
        reasons.append("informational: every match is in news, a warning or an inspection service (review lowered)")
        return "allow"
    return detection.decision


def _appraised(
    offending: Sequence[CategoryScore],
    sellers: Mapping[str, Evidence],
    framing: Framing,
    fields: Sequence[NamedText],
    policy: MiniProgramPolicy,
) -> bool:
    """An appraisal service: every match is goods it detects, named after the inspection in its sentence,
    and nothing is sold but its fee."""
    inspected = policy.framing.inspected_goods
    texts = {named.name: named.text for named in fields}
    if not all(
        f"{c.category}/{c.subcategory}" in inspected and framing.inspected(c.evidence, texts, policy) for c in offending
    ):
        return False
    goods = [evidence for category in offending for evidence in category.evidence]
    return all(
        kind == "price" and inspection_fee(found, texts.get(found.field, ""), goods, policy)
        for kind, found in sellers.items()
    )


def _pitch_evidence(offer: OfferReading) -> Evidence:
    term = f"offer model {offer.probability:.2f}"
    return Evidence(rule="miniprogram.seller.pitch", term=term, snippet=term, start=0, end=0, field="text")


def _seller_listing(
    categories: list[CategoryScore],
    sellers: Mapping[str, Evidence],
    meta: MiniProgramMetadata,
    framing: Framing,
    fields: Sequence[NamedText],
    policy: MiniProgramPolicy,
    reasons: list[str],
    decision: Decision,
) -> Decision:
    """Goods named clearly enough, offered with enough seller signals, not licensed: a listing, blocked.

    Goods named only in informational sentences (a lawyer's "网贷纠纷", a rehab service's "冰毒依赖者")
    are not the thing offered, whatever the app charges for its own service; nor are the replicas an
    appraisal service names, whose only price is its fee.
    """
    floor = policy.scores.get("seller_floor", 0.3)
    faint_floor = policy.scores.get("seller_floor_critical", floor)
    for category in categories:
        crime = _any_sale_is_a_crime(category)
        lowest = faint_floor if category.severity == "critical" else floor
        if category.category not in policy.channel_escalates or category.score < lowest:
            continue
        if framing.all_informational(category.evidence) or _appraised([category], sellers, framing, fields, policy):
            continue
        # Goods any sale of which is a crime need one seller signal; named faintly (one species word), the
        # ordinary number, so that a bird-watching tour's price does not sell the birds it shows.
        clear = category.score >= floor
        # Goods named plainly ("华强北AirPods…外观与正品一模一样") are offered by their naming; one signal sells.
        plain = category.score >= policy.scores.get("seller_plain_floor", 1.0)
        needed = policy.sellers.min_kinds_critical if (crime and clear) or plain else policy.sellers.min_kinds
        if len(sellers) < needed or licence_covers(meta, category, policy):
            continue
        category.evidence.extend(e for kind, e in sellers.items() if kind != "pitch")
        kinds = ", ".join(sorted(sellers))
        reasons.append(f"seller listing: {category.category}/{category.subcategory} offered with {kinds}: blocked")
        return "block"
    return decision


def _any_sale_is_a_crime(category: CategoryScore) -> bool:
    """Critical goods, or goods the grade table bans the account for (forged documents, personal data):
    one seller signal ("免考直接拿证" with a promise, "私聊") makes a listing of them."""
    ladder = load_ladder()
    return category.severity == "critical" or ladder.row_at_severity(category).grade == ladder.grades[-1]


def _platform_rules(
    meta: MiniProgramMetadata, fields: Sequence[NamedText], framing: Framing, policy: MiniProgramPolicy
) -> list[RuleFinding]:
    found = [find_webview_problems(meta, policy), find_navigation_hub(meta, fields, policy)]
    return [*find_text_rules(fields, framing, policy), *(finding for finding in found if finding is not None)]


def _rule_category(finding: RuleFinding, policy: MiniProgramPolicy) -> CategoryScore:
    return CategoryScore(
        category="platform_rule",
        subcategory=finding.subcategory,
        score=policy.scores.get("platform_rule", 0.7),
        severity="medium",
        evidence=list(finding.evidence),
    )


def _jump_category(jump: JumpFinding, policy: MiniProgramPolicy) -> CategoryScore:
    top = jump.verdict.categories[0] if jump.verdict.categories else None
    return CategoryScore(
        category=top.category if top else "platform_rule",
        subcategory=top.subcategory if top else "linked_miniprogram",
        score=policy.scores.get("linked_miniprogram", 0.8),
        severity=top.severity if top else "medium",
        evidence=[
            Evidence(
                rule=JUMP_RULE,
                term=jump.appid,
                snippet=f"jumps to {jump.appid}, blocked: {', '.join(jump.verdict.reasons[:1])}",
                start=0,
                end=len(jump.appid),
                field=jump.field,
            )
        ],
    )


def _without_brand_services(
    detected: Sequence[CategoryScore], impersonation: Sequence[Evidence], policy: MiniProgramPolicy, reasons: list[str]
) -> list[CategoryScore]:
    """Detection's categories less those whose every match is a service of a brand the app impersonates:
    a fake "微信支付官方客服" that offers "提额" is the impersonation, not a loan broker as well."""
    claimed = {evidence.term.split("+", 1)[0] for evidence in impersonation}
    services = {term for brand in policy.brands if brand.brand in claimed for term in brand.services}
    if not services:
        return list(detected)
    kept = []
    for category in detected:
        terms = {compact(evidence.term).text for evidence in category.evidence}
        if terms and terms <= services:
            listed = ", ".join(sorted(terms))
            reasons.append(
                f"impersonation: {category.category}/{category.subcategory} matches ({listed}) are the "
                "impersonated brand's own services"
            )
            continue
        kept.append(category)
    return kept


def _apply_impersonation(
    categories: list[CategoryScore],
    *,
    reasons: list[str],
    decision: Decision,
    found: list[Evidence],
    credentials: list[Evidence],
    meta: MiniProgramMetadata,
    policy: MiniProgramPolicy,
) -> Decision:
    # A person cannot be a brand's official or authorised channel, so the claim alone is the violation;
    # a company may be an authorised dealer or repairer, which a reviewer checks, unless it asks for the
    # card details and codes no brand's own service asks for.
    offending = (bool(categories) and decision != "allow") or meta.principal.type == "individual" or bool(credentials)
    categories.append(
        CategoryScore(
            category="counterfeit",
            subcategory="impersonation",
            score=policy.scores.get("impersonation", 0.6),
            severity="high" if offending else "medium",
            evidence=[*found, *credentials],
        )
    )
    claims = ", ".join(sorted({evidence.term for evidence in found}))
    reasons.append(f"impersonation: {claims} claimed by principal {meta.principal.name!r}, not the brand owner")
    if credentials:
        asked = ", ".join(evidence.term for evidence in credentials)
        reasons.append(f"impersonation: asks users for {asked}")
    # Borrowing an official name to sell what detection already flags is the scam itself.
    return "block" if offending else _at_least(decision, "review")


def _apply_qualification_gap(categories: list[CategoryScore], gap: QualificationGap, policy: MiniProgramPolicy) -> None:
    matching = [c for c in categories if gap.topic.fired_in(c.category, c.subcategory)]
    for category in matching:
        _raise_severity(category)
        category.evidence.extend(gap.evidence)
    if not matching:
        # Detection saw no offering, but the content is on a licensed topic nobody is licensed for.
        added = CategoryScore(
            category=gap.topic.category,
            subcategory=gap.topic.subcategory,
            score=policy.scores.get("qualification_evasion", 0.6),
            severity="low",
            evidence=list(gap.evidence),
        )
        _raise_severity(added)
        categories.append(added)


def _channel_reason(strong: Sequence[ChannelFinding]) -> str:
    places: dict[str, list[str]] = {}
    for finding in strong:
        fields = places.setdefault(finding.kind, [])
        if finding.evidence.field not in fields:
            fields.append(finding.evidence.field)
    described = "; ".join(f"{kind} in {', '.join(fields[:3])}" for kind, fields in places.items())
    return f"channel leading: pushes users off the platform ({described})"


def _extra(
    meta: MiniProgramMetadata,
    detection: DetectionLike,
    *,
    decision: Decision,
    grades: int,
    gaps: Sequence[QualificationGap],
    channels: Sequence[ChannelFinding],
    signals: Mapping[str, float],
    impersonation: Sequence[Evidence],
    sellers: Mapping[str, Evidence],
    rules: Sequence[RuleFinding],
    jumps: Sequence[JumpFinding],
    policy: MiniProgramPolicy,
) -> dict[str, object]:
    return {
        "name": meta.name,
        "version": meta.version,
        "principal": meta.principal.model_dump(mode="json"),
        "declared_categories": list(meta.categories),
        "qualifications": [q.type for q in meta.qualifications],
        "qualification_gaps": [
            {
                "topic": gap.topic.key,
                "label": gap.topic.label,
                "category_covered": gap.category_covered,
                "licence_held": gap.licence_held,
                "detected": gap.detected,
                "cues": sorted({e.term for e in gap.evidence}),
            }
            for gap in gaps
        ],
        "channel_leading": [
            {
                "kind": f.kind,
                "strong": f.strong,
                "field": f.evidence.field,
                "term": f.evidence.term,
                "snippet": f.evidence.snippet,
            }
            for f in channels[:MAX_EXTRA_ITEMS]
        ],
        "signals": dict(signals),
        "impersonation": [e.model_dump(mode="json") for e in impersonation],
        "seller_signals": {kind: {"field": e.field, "term": e.term} for kind, e in sellers.items()},
        "platform_rules": [
            {"rule": f.rule, "subcategory": f.subcategory, "detail": f.detail, "fields": [e.field for e in f.evidence]}
            for f in rules
        ],
        "jumps_scanned": [{"appid": j.appid, "field": j.field, "decision": j.verdict.decision} for j in jumps],
        "outbound_urls": outbound_urls(meta, policy),
        "content_decision": detection.decision,
        "scan_decision": decision,  # before linked pages: reevaluate starts from here
        # prior violations: what reevaluate passes to the grade table again
        "enforcement_grades": grades,
    }


# ------------------------------------------------------------------------------------------ linked pages
ChildOutcome = str | Verdict | Mapping[str, Any]


def reevaluate(
    verdict: Verdict,
    meta: MiniProgramMetadata,
    child_decisions: Mapping[str, ChildOutcome],
    *,
    policy: MiniProgramPolicy | None = None,
) -> Verdict:
    """Fold finished child scans of outbound URLs into the verdict.

    ``child_decisions`` maps a URL (as returned by ``outbound_urls``, or its canonical form) to its
    decision ("allow"|"review"|"block"), or to a Verdict / mapping with ``decision`` and optionally
    ``category`` and ``subcategory``. Calling it again with more children recomputes from the scan's own
    decision, so results never stack.
    """
    policy = policy or load_policy()
    base = _without_linked(verdict, meta, policy)
    children = {_url_key(url): _child_outcome(value) for url, value in child_decisions.items()}
    categories = list(base.categories)
    reasons = list(base.reasons)
    decision: Decision = base.decision
    linked: list[dict[str, object]] = []
    for site in link_sites(meta):
        outcome = children.get(_url_key(site.url))
        if outcome is None or outcome[0] != "block":
            continue
        cue = push_cue(site, policy)
        decision = _at_least(decision, "block" if cue else "review")
        categories.append(_linked_category(site, cue, outcome, policy))
        pushed = f"pushed ({cue})" if cue else "not pushed"
        reasons.append(f"{LINKED_REASON} blocked: {site.url} at {site.field}, {pushed}")
        linked.append({"url": site.url, "field": site.field, "decision": "block", "push": cue})
    if not linked:
        return base
    categories.sort(key=lambda category: category.score, reverse=True)
    return base.model_copy(
        update={
            "decision": decision,
            "categories": categories,
            "reasons": reasons,
            "actions": _actions(categories, decision, _grades(base)),
            "enforcement": build_enforcement(
                categories, decision, _grades(base), meta=meta, scanned_at=base.scanned_at, policy=policy
            ),
            "extra": {**base.extra, "linked_blocked": linked},
        }
    )


def _without_linked(verdict: Verdict, meta: MiniProgramMetadata, policy: MiniProgramPolicy) -> Verdict:
    """The verdict as scan_miniprogram made it, before any earlier reevaluation."""
    categories = [c for c in verdict.categories if not all(e.rule == LINKED_RULE for e in c.evidence) or not c.evidence]
    scan_decision = verdict.extra.get("scan_decision", verdict.decision)
    decision: Decision = scan_decision if scan_decision in DECISION_RANK else verdict.decision  # type: ignore[assignment]
    extra = {key: value for key, value in verdict.extra.items() if key != "linked_blocked"}
    relinked = "linked_blocked" in verdict.extra
    return verdict.model_copy(
        update={
            "decision": decision,
            "categories": categories,
            "reasons": [r for r in verdict.reasons if not r.startswith(LINKED_REASON)],
            "actions": _actions(categories, decision, _grades(verdict)) if relinked else verdict.actions,
            "enforcement": build_enforcement(
                categories, decision, _grades(verdict), meta=meta, scanned_at=verdict.scanned_at, policy=policy
            )
            if relinked
            else verdict.enforcement,
            "extra": extra,
        }
    )


def _grades(verdict: Verdict) -> int:
    value = verdict.extra.get("enforcement_grades", 0)
    return value if isinstance(value, int) else 0


def _url_key(url: str) -> str:
    try:
        return canonicalize(url)
    except (InvalidUrlError, ValueError):
        return url


def _child_outcome(value: ChildOutcome) -> tuple[str, str | None, str | None]:
    """(decision, category, subcategory) from a bare decision, a Verdict or a mapping."""
    if isinstance(value, str):
        return value, None, None
    if isinstance(value, Verdict):
        top = value.categories[0] if value.categories else None
        return value.decision, top.category if top else None, top.subcategory if top else None
    category = value.get("category")
    subcategory = value.get("subcategory")
    return (
        str(value.get("decision", "allow")),
        str(category) if category else None,
        str(subcategory) if subcategory else None,
    )


def _linked_category(
    site: LinkSite, cue: str | None, outcome: tuple[str, str | None, str | None], policy: MiniProgramPolicy
) -> CategoryScore:
    _, category, subcategory = outcome
    return CategoryScore(
        category=category or "linked_page",
        subcategory=subcategory or "blocked_link",
        score=policy.scores.get("linked_block", 0.8),
        severity="high" if cue else "medium",
        evidence=[
            Evidence(
                rule=LINKED_RULE,
                term=site.url,
                snippet=f"{site.text or site.url} (push: {cue or 'none'})",
                start=0,
                end=len(site.url),
                field=site.field,
            )
        ],
    )
