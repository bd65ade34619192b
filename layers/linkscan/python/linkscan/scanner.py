"""Scan orchestration: fetch → analyze → detect → verdict. Plain Python, no AWS.

The Lambdas and the `linkscan` command line both call these functions, so a verdict means the same
thing wherever it was produced.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from linkscan.clock import utc_now
from linkscan.models import Decision, Verdict

if TYPE_CHECKING:
    from linkscan.analyze import PageFeatures
    from linkscan.detect import Detection, Detector
    from linkscan.detect.engine import MatchedPage
    from linkscan.fetch import FetchResult
    from linkscan.render import Renderer
    from linkscan.render.deepen import Deepened
    from linkscan.settings import AnalysisSettings, FetchSettings, RenderSettings

CATEGORY_LABELS = {
    "cash_loan": "Illegal or predatory cash-loan offering",
    "counterfeit": "Counterfeit or replica goods offering",
    "contraband": "Contraband offering",
}

# What a moderator's decision makes of the scanner's own decision, whatever later scans say.
MODERATED_DECISION: dict[str, Decision] = {"uphold": "block", "overturn": "allow"}


@dataclass
class ScanResult:
    verdict: Verdict
    fetch: FetchResult | None = None
    evidence: list[tuple[str, bytes, str]] = field(default_factory=list)
    linked_urls: list[str] = field(default_factory=list)  # links found in images (QR codes), to scan in turn


# Analysis, detection and the writes after the fetch: a bound on what one scan adds to its fetch deadline.
AFTER_FETCH_SECONDS = 5.0


def scan_budget_ms(fetch_settings: FetchSettings, render_settings: RenderSettings | None = None) -> int:
    """The longest one scan may take (its fetch deadline covers every hop; a render step its own
    deadline and the image budgets), in milliseconds."""
    render = 0.0
    if render_settings is not None and render_settings.mode != "off":
        render = render_settings.deadline + render_settings.ocr_budget_seconds + render_settings.qr_budget_seconds
    return int((fetch_settings.deadline + render + AFTER_FETCH_SECONDS) * 1000)


def has_time_for_scan(
    remaining_ms: int, fetch_settings: FetchSettings, render_settings: RenderSettings | None = None
) -> bool:
    """Whether an invocation with this much time left can finish one more scan before it is killed."""
    return remaining_ms >= scan_budget_ms(fetch_settings, render_settings)


def new_scan_id() -> str:
    return uuid.uuid4().hex


def public_reason(verdict: Verdict) -> str:
    """A short reason fit for the public list (no evidence snippets: they may quote personal data)."""
    if not verdict.categories:
        return ""
    top = verdict.categories[0]
    label = CATEGORY_LABELS.get(top.category, top.category.replace("_", " "))
    return f"{label}: {top.subcategory.replace('_', ' ')}"


def effective_decision(decision: str, moderation_action: str | None) -> str:
    """The decision that listing follows: a moderator's call outlasts later automatic scans."""
    return MODERATED_DECISION.get(moderation_action or "", decision)


def listing_scope_hint(target: str) -> str | None:
    """An IP address can serve many unrelated sites: list only the exact URL, never the whole address."""
    from linkscan.canonical import is_ip_host

    host = urlsplit(target).hostname if "://" in target else None
    return "exact" if host and is_ip_host(host) else None


def registrable_host(url: str) -> str | None:
    host = urlsplit(url).hostname
    return host.lower().rstrip(".") if host else None


def verdict_from_detection(
    detection: Detection | None,
    *,
    target_id: str,
    target: str,
    scan_id: str,
    scanned_at: str,
    target_type: str = "url",
    rules_version: str = "",
) -> Verdict:
    """A verdict that carries the detection's decision, evidence and enforcement actions."""
    from linkscan.detect.policy import enforcement_actions

    if detection is None:
        return Verdict(
            target_id=target_id,
            target_type=target_type,  # type: ignore[arg-type]
            target=target,
            decision="allow",
            rules_version=rules_version,
            scan_id=scan_id,
            scanned_at=scanned_at,
        )
    return Verdict(
        target_id=target_id,
        target_type=target_type,  # type: ignore[arg-type]
        target=target,
        decision=detection.decision,
        score=detection.score,
        band=detection.band,
        categories=list(detection.categories),
        actions=enforcement_actions(detection.categories, detection.decision, target_type),
        reasons=list(detection.reasons),
        rules_version=detection.rules_version,
        offer=detection.offer_reading(),
        scan_id=scan_id,
        scanned_at=scanned_at,
    )


def detect_page(
    features: PageFeatures, detector: Detector, *, url: str | None = None, extra_signals: Mapping[str, float] = {}
) -> Detection:
    return match_page(features, detector, url=url).score({**features.signals(), **extra_signals})


def match_page(features: PageFeatures, detector: Detector, *, url: str | None = None) -> MatchedPage:
    """The page's text fields (and its URL) matched once, to be scored under its signals."""
    from linkscan.detect import TextField

    fields = [TextField(name, text) for name, text in features.text_fields() if text]
    if url:
        fields.append(TextField("url", url))
    return detector.match(fields, domain=registrable_host(url) if url else None)


@dataclass
class _PageJudgement:
    """What judging a fetched body gave: the detection and what cloaking checks and rendering added."""

    detection: Detection | None = None
    deeper: Deepened | None = None
    cloaking: dict[str, Any] | None = None
    analysis_limit: str | None = None
    evidence: list[tuple[str, bytes, str]] = field(default_factory=list)


def scan_url(
    url: str,
    *,
    target_id: str,
    detector: Detector,
    fetch_settings: FetchSettings,
    analysis_settings: AnalysisSettings | None = None,
    scan_id: str | None = None,
    scanned_at: str | None = None,
    renderer: Renderer | None = None,
) -> ScanResult:
    """Fetch one URL safely, analyze what came back and judge it. Never raises for network trouble.

    A body cut short (a cap, a stalled or broken connection) is judged on what arrived; analysis that
    hits its bound is judged on what it extracted, with outcome ``analysis_limit``. With a ``renderer``,
    an HTML page that render/policy.yaml picks is judged again as a browser shows it (render/deepen.py)."""
    from linkscan.fetch import fetch
    from linkscan.fetch.evidence import evidence_objects

    result = fetch(url, fetch_settings)
    # Under evidence/ in the evidence bucket (the scan function may write only there).
    evidence = [(f"evidence/{key}", body, content_type) for key, body, content_type in evidence_objects(result)]
    evidence_key = evidence[0][0] if evidence else None
    judged = _judge_fetched(url, result, detector, fetch_settings, analysis_settings, renderer)
    evidence += judged.evidence

    verdict = verdict_from_detection(
        judged.detection,
        target_id=target_id,
        target=url,
        scan_id=scan_id or new_scan_id(),
        scanned_at=scanned_at or utc_now(),
        rules_version=detector.rules_version,
    )
    verdict.outcome = "analysis_limit" if judged.analysis_limit else result.outcome
    verdict.outcome_detail = "; ".join(part for part in (judged.analysis_limit, result.detail) if part) or None
    verdict.judged = judged.detection is not None  # allow without a detection is no judgement of the content
    verdict.retriable = result.retriable
    verdict.fetch = result.summary(evidence_key)
    _add_reasons(verdict, result, judged)
    deeper = judged.deeper
    return ScanResult(
        verdict=verdict, fetch=result, evidence=evidence, linked_urls=deeper.linked_urls if deeper else []
    )


def _judge_fetched(
    url: str,
    result: FetchResult,
    detector: Detector,
    fetch_settings: FetchSettings,
    analysis_settings: AnalysisSettings | None,
    renderer: Renderer | None,
) -> _PageJudgement:
    """Analyze and judge what the fetch returned: the body, checked for cloaking and rendered when policy
    asks; an app package by its name; nothing (no detection) when no body came back."""
    from linkscan.analyze import analyze_html, analyze_text
    from linkscan.detect import TextField
    from linkscan.fetch.evidence import evidence_objects

    final_url = result.final_url or url
    judged = _PageJudgement()
    if result.outcome == "ok" and result.text is not None:
        is_html = "html" in (result.content_type or "") or result.text.lstrip()[:1] == "<"
        features = analyze_html(result.text, final_url, analysis_settings) if is_html else analyze_text(result.text)
        judged.analysis_limit = features.limit
        matched, signals = match_page(features, detector, url=final_url), features.signals()
        judged.detection = matched.score(signals)
        judged.cloaking = _check_cloaking(url, result, features, judged.detection, fetch_settings, analysis_settings)
        extra_signals = {"cloaking": 1.0} if judged.cloaking is not None else {}
        if judged.cloaking is not None:  # scored again with the signal, from the same matches
            judged.detection = matched.score({**signals, **extra_signals})
            neutral = judged.cloaking.pop("_result")
            judged.evidence += [(f"evidence/{k}", b, t) for k, b, t in evidence_objects(neutral)]
        if renderer is not None and is_html:
            from linkscan.render.deepen import deepen

            judged.deeper = deepen(
                url=final_url,
                html=result.text,
                profile=result.profile,
                features=features,
                detection=judged.detection,
                detector=detector,
                renderer=renderer,
                analysis_settings=analysis_settings,
                extra_signals=extra_signals,
            )
            if judged.deeper is not None:
                judged.detection = judged.deeper.detection
                judged.evidence += judged.deeper.evidence
    elif result.app_package:
        # A sideloaded app package has no text to read, but its name and the fact of it are signals.
        judged.detection = detector.detect(
            [TextField("url", final_url)], signals={"app_download": 1.0}, domain=registrable_host(final_url)
        )
    return judged


def _add_reasons(verdict: Verdict, result: FetchResult, judged: _PageJudgement) -> None:
    """The reasons the fetch, cloaking, analysis bounds and rendering give, with their extra evidence."""
    if result.app_package:
        verdict.reasons.append(f"serves an {result.app_package.upper()} app package for sideloading")
    if result.outcome != "ok":
        verdict.reasons.append(f"fetch ended with {result.outcome}" + (f": {result.detail}" if result.detail else ""))
    elif result.partial_reason in ("timeout", "connection_closed"):
        verdict.reasons.append(f"judged on the {result.size} bytes that arrived ({result.partial_reason})")
    cloaking = judged.cloaking
    if judged.detection is not None and cloaking is not None:
        verdict.reasons.append(
            f"cloaking: the page differs for a neutral visitor ({cloaking['neutral']['profile']}): "
            + "; ".join(cloaking["differences"])
        )
        verdict.extra["cloaking"] = cloaking
    if judged.analysis_limit:
        verdict.reasons.append(f"analysis stopped at a bound, judged on what it had read: {judged.analysis_limit}")
    if judged.deeper is not None:
        verdict.reasons += judged.deeper.reasons
        verdict.extra["render"] = judged.deeper.summary


def _check_cloaking(
    url: str,
    first: FetchResult,
    features: PageFeatures,
    detection: Detection,
    fetch_settings: FetchSettings,
    analysis_settings: AnalysisSettings | None,
) -> dict[str, Any] | None:
    """At most one more fetch, as the policy's neutral visitor, within what is left of the fetch deadline.
    Returns the evidence of a material difference (with the neutral result under ``_result``), else None."""
    import dataclasses

    from linkscan.analyze import analyze_html
    from linkscan.fetch import fetch
    from linkscan.fetch.cloaking import differences, load_cloaking_policy
    from linkscan.fetch.evidence import evidence_key

    policy = load_cloaking_policy()
    if not policy.wants_recheck(detection.band, features.text):
        return None
    seconds_left = fetch_settings.deadline - first.elapsed_ms / 1000
    if seconds_left < policy.min_seconds_left:
        return None
    neutral = fetch(url, dataclasses.replace(fetch_settings, deadline=seconds_left), profile=policy.neutral_profile)
    if neutral.outcome not in ("ok", "http_error"):
        return None  # network trouble says nothing about the page
    neutral_text = ""
    if neutral.outcome == "ok" and neutral.text is not None:
        neutral_text = analyze_html(neutral.text, neutral.final_url or url, analysis_settings).text
    found, similarity = differences(
        policy, features.text, first.final_url or url, neutral_text, neutral.final_url or url
    )
    if not found:
        return None
    return {
        "differences": found,
        "similarity": round(similarity, 3),
        "audience": {"profile": first.profile, "final_url": first.final_url, "evidence_key": evidence_key(first)},
        "neutral": {
            "profile": neutral.profile,
            "final_url": neutral.final_url,
            "status": neutral.status,
            "evidence_key": evidence_key(neutral),
        },
        "_result": neutral,
    }


def analyze_content(
    content: str,
    *,
    detector: Detector,
    is_html: bool,
    item_id: str = "-",
    base_url: str = "",
) -> Verdict:
    """Judge text or HTML that is already at hand (no fetching)."""
    from linkscan.analyze import analyze_html, analyze_text

    features = analyze_html(content, base_url) if is_html else analyze_text(content)
    detection = detect_page(features, detector, url=base_url or None)
    verdict = verdict_from_detection(
        detection, target_id=item_id, target=base_url or item_id, scan_id="", scanned_at=utc_now()
    )
    verdict.outcome = "not_fetched"
    return verdict
