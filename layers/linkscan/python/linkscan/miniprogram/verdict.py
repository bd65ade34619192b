"""Compose a mini-program verdict from content detection and the mini-program checks.

The verdict's ``score`` and ``band`` are those of content detection; the ``decision`` is the composed
outcome, which the checks can only raise, never lower:

- impersonation adds ``counterfeit/impersonation`` (review; block with other offending content);
- a qualification gap raises its topic's category one severity level and forces at least ``review``;
- strong channel leading forces at least ``review``, and ``block`` together with loan content;
- linked pages (``reevaluate``, once child scans finish): a blocked page is at least ``review``, and
  ``block`` when the mini-program pushes users there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from linkscan.canonical import canonicalize
from linkscan.detect import TextField
from linkscan.detect.policy import enforcement_actions
from linkscan.errors import InvalidUrlError
from linkscan.miniprogram.checks import (
    ChannelFinding,
    QualificationGap,
    channel_signals,
    find_channel_leading,
    find_impersonation,
    find_qualification_gaps,
)
from linkscan.miniprogram.fields import text_fields
from linkscan.miniprogram.links import LinkSite, link_sites, outbound_urls, push_cue
from linkscan.miniprogram.model import MiniProgramMetadata, target_id_for_appid
from linkscan.miniprogram.policy import MiniProgramPolicy, load_policy
from linkscan.models import DECISION_RANK, CategoryScore, Decision, Evidence, OfferReading, Verdict
from linkscan.severity import SEVERITIES

LINKED_RULE = "miniprogram.linked_page"
LINKED_REASON = "linked page"
# Channel leading plus content of these categories is the loan-app pattern: block, don't wait for review.
CHANNEL_ESCALATES = frozenset({"cash_loan"})
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
    return enforcement_actions(categories, decision, target_type="miniprogram", prior_violations=prior_violations)


def scan_miniprogram(
    meta: MiniProgramMetadata,
    detector: DetectorLike,
    *,
    prior_violations: int = 0,
    scan_id: str,
    scanned_at: str,
    policy: MiniProgramPolicy | None = None,
) -> Verdict:
    """Scan validated metadata. ``prior_violations``: earlier upheld violations of the appid or principal."""
    policy = policy or load_policy()
    fields = text_fields(meta)
    channels = find_channel_leading(meta, policy, fields)
    signals = channel_signals(channels, meta)
    detection = detector.detect([TextField(f.name, f.text) for f in fields], signals=signals)

    categories = [category.model_copy(deep=True) for category in detection.categories]
    reasons = list(detection.reasons)
    decision: Decision = detection.decision

    impersonation = find_impersonation(meta, policy)
    if impersonation:
        decision = _apply_impersonation(
            categories, reasons=reasons, decision=decision, found=impersonation, meta=meta, policy=policy
        )

    gaps = find_qualification_gaps(meta, detection.categories, policy, fields)
    for gap in gaps:
        _apply_qualification_gap(categories, gap, policy)
        reasons.append(gap.describe())
        decision = _at_least(decision, "review")

    strong = [finding for finding in channels if finding.strong]
    if strong:
        reasons.append(_channel_reason(strong))
        decision = _at_least(decision, "review")
        floor = policy.scores.get("channel_escalation_floor", 0.3)
        if decision != "block" and any(c.category in CHANNEL_ESCALATES and c.score >= floor for c in categories):
            decision = "block"
            reasons.append("channel leading combined with loan content: blocked")

    # Evading qualification checks while offering blockable content costs one more grade of punishment,
    # the same step a repeat offence costs (a severity bump alone may not move a category-pinned action).
    escalation = 1 if gaps and decision == "block" else 0
    categories.sort(key=lambda category: category.score, reverse=True)
    return Verdict(
        target_id=target_id_for_appid(meta.appid),
        target_type="miniprogram",
        target=meta.appid,
        decision=decision,
        score=detection.score,
        band=detection.band,
        categories=categories,
        actions=_actions(categories, decision, prior_violations + escalation),
        reasons=reasons,
        rules_version=f"{detection.rules_version}+mp.{policy.version}",
        offer=detection.offer_reading(),
        scan_id=scan_id,
        scanned_at=scanned_at,
        extra=_extra(
            meta,
            detection,
            decision=decision,
            grades=prior_violations + escalation,
            gaps=gaps,
            channels=channels,
            signals=signals,
            impersonation=impersonation,
            policy=policy,
        ),
    )


def _apply_impersonation(
    categories: list[CategoryScore],
    *,
    reasons: list[str],
    decision: Decision,
    found: list[Evidence],
    meta: MiniProgramMetadata,
    policy: MiniProgramPolicy,
) -> Decision:
    offending = bool(categories) and decision != "allow"
    categories.append(
        CategoryScore(
            category="counterfeit",
            subcategory="impersonation",
            score=policy.scores.get("impersonation", 0.6),
            severity="high" if offending else "medium",
            evidence=found,
        )
    )
    claims = ", ".join(sorted({evidence.term for evidence in found}))
    reasons.append(f"impersonation: {claims} claimed by principal {meta.principal.name!r}, not the brand owner")
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
        "outbound_urls": outbound_urls(meta, policy),
        "content_decision": detection.decision,
        "scan_decision": decision,  # before linked pages: reevaluate starts from here
        # prior violations plus any escalation for evasion: what reevaluate passes to the policy again
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
    base = _without_linked(verdict)
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
            "extra": {**base.extra, "linked_blocked": linked},
        }
    )


def _without_linked(verdict: Verdict) -> Verdict:
    """The verdict as scan_miniprogram made it, before any earlier reevaluation."""
    categories = [c for c in verdict.categories if not all(e.rule == LINKED_RULE for e in c.evidence) or not c.evidence]
    scan_decision = verdict.extra.get("scan_decision", verdict.decision)
    decision: Decision = scan_decision if scan_decision in DECISION_RANK else verdict.decision  # type: ignore[assignment]
    extra = {key: value for key, value in verdict.extra.items() if key != "linked_blocked"}
    return verdict.model_copy(
        update={
            "decision": decision,
            "categories": categories,
            "reasons": [r for r in verdict.reasons if not r.startswith(LINKED_REASON)],
            "actions": _actions(categories, decision, _grades(verdict))
            if "linked_blocked" in verdict.extra
            else verdict.actions,
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
