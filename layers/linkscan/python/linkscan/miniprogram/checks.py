"""The mini-program checks besides content detection: each a pure function of metadata and policy.

- channel leading: pages that push users off the platform (downloads, "add my WeChat", QR codes,
  "copy the link into a browser", external links);
- qualification evasion: licensed-topic content under a category or licence list that does not cover it;
- impersonation: a brand or official service in the name or description of someone else's mini-program.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from linkscan.miniprogram.fields import NamedText, text_fields
from linkscan.miniprogram.framing import Framing
from linkscan.miniprogram.licences import breaches, covering_row, held_licences
from linkscan.miniprogram.links import is_app_package_url, is_platform_url, link_sites
from linkscan.miniprogram.model import MiniProgramMetadata
from linkscan.miniprogram.policy import LicensedTopic, MiniProgramPolicy
from linkscan.miniprogram.textmatch import (
    FoldedText,
    Match,
    compact,
    evidence,
    find_patterns,
    find_terms,
    fold,
)
from linkscan.models import CategoryScore, Evidence

# Enough evidence for a reviewer; a spam page can repeat a cue thousands of times.
MAX_EVIDENCE_PER_FINDING = 5


# --------------------------------------------------------------------------------------------- channels
@dataclass(frozen=True)
class ChannelFinding:
    """One way the mini-program leads users off the platform."""

    kind: str  # copy_to_browser | qr_code | add_contact | app_download | external_link | phone_number
    strong: bool
    signal: str  # detection-engine signal it feeds
    evidence: Evidence


def find_channel_leading(
    meta: MiniProgramMetadata,
    policy: MiniProgramPolicy,
    fields: Sequence[NamedText] | None = None,
    framing: Framing | None = None,
) -> list[ChannelFinding]:
    """``fields``: the metadata's text_fields, when the caller already has them (their folds are reused).
    ``framing``: cues in informational sentences ("骗子会让你加微信") are not findings."""
    findings: list[ChannelFinding] = []
    for named in text_fields(meta) if fields is None else fields:
        if named.name == "contacts":  # declared customer service is not a push; counted as a signal below
            continue
        findings.extend(
            _as_declared_service(finding, named, meta, policy)
            for finding in _text_channel_findings(named, policy)
            if framing is None or not framing.informational(named.name, finding.evidence.start)
        )
    for site in link_sites(meta):
        if is_app_package_url(site.url, policy):
            kind = "app_download"
        elif is_platform_url(site.url, policy):
            continue
        else:
            kind = "external_link"
        match = Match(site.url, 0, len(site.url))
        found = evidence(f"miniprogram.channel.{kind}", match, site.url, site.field)
        spec = policy.channel_kinds[kind]
        findings.append(ChannelFinding(kind, spec.strong, spec.signal, found))
    return findings


def _as_declared_service(
    finding: ChannelFinding, named: NamedText, meta: MiniProgramMetadata, policy: MiniProgramPolicy
) -> ChannelFinding:
    """An enterprise's "加微信客服" when it declares a WeChat or QQ contact: its own service, weak."""
    declared = any(contact.kind in {"wechat", "qq"} for contact in meta.contacts)
    if not (finding.strong and declared and meta.principal.type == "enterprise"):
        return finding
    if finding.kind != "add_contact" or finding.evidence.term not in policy.declared_service_cues:
        return finding
    around = compact(named.text[max(0, finding.evidence.start - 8) : finding.evidence.end + 8]).text
    if not any(marker in around for marker in policy.declared_service_markers):
        return finding
    return ChannelFinding(finding.kind, False, finding.signal, finding.evidence)


def _text_channel_findings(named: NamedText, policy: MiniProgramPolicy) -> Iterable[ChannelFinding]:
    matches: dict[str, list[Match]] = {}
    for spec in policy.channel_kinds.values():
        matches.setdefault(spec.key, []).extend(find_terms(named.compact, spec.cues))
    for kind, pattern in policy.handle_patterns:
        matches.setdefault(kind, []).extend(find_patterns(named.spaced, [pattern]))
    for kind, found in matches.items():
        spec = policy.channel_kinds[kind]
        for match in _merge_overlapping(found):
            yield ChannelFinding(
                kind,
                spec.strong,
                spec.signal,
                evidence(f"miniprogram.channel.{kind}", match, named.text, named.name),
            )


def _merge_overlapping(matches: Iterable[Match]) -> list[Match]:
    """One finding per stretch of text: "复制链接到浏览器" and "浏览器打开" in "复制链接到浏览器打开" overlap,
    as do "加微信" and "微信 abc123" in "加微信 abc123". The merged match keeps the longer term."""
    kept: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and match.start < kept[-1].end:
            previous = kept[-1]
            term = max((previous.term, match.term), key=len)
            kept[-1] = Match(term, previous.start, max(previous.end, match.end))
            continue
        kept.append(match)
    return kept


def channel_signals(findings: Sequence[ChannelFinding], meta: MiniProgramMetadata) -> dict[str, float]:
    """Counts per detection signal ("contact_handle", "offplatform_link", "app_download")."""
    signals: dict[str, float] = {}
    for finding in findings:
        signals[finding.signal] = signals.get(finding.signal, 0.0) + 1.0
    declared_handles = sum(1 for contact in meta.contacts if contact.kind in {"wechat", "qq"})
    if declared_handles:
        signals["contact_handle"] = signals.get("contact_handle", 0.0) + declared_handles
    return signals


# --------------------------------------------------------------------------------------- qualification
@dataclass(frozen=True)
class QualificationGap:
    """Content on a licensed topic that the declared categories or licences do not cover."""

    topic: LicensedTopic
    category_covered: bool
    licence_held: bool
    detected: bool  # the detection engine itself reported the topic's category
    evidence: list[Evidence] = field(default_factory=list)
    breaches: tuple[str, ...] = ()  # breach cues that void a held licence

    def describe(self) -> str:
        missing = []
        if not self.category_covered:
            missing.append("no declared service category covers it")
        if not self.licence_held:
            missing.append(f"no {self.topic.licence} on file")
        if self.breaches:
            missing.append(f"content no licence permits ({', '.join(self.breaches)})")
        return f"qualification evasion: {self.topic.label} content, but {' and '.join(missing)}"


def find_qualification_gaps(
    meta: MiniProgramMetadata,
    detected: Sequence[CategoryScore],
    policy: MiniProgramPolicy,
    fields: Sequence[NamedText] | None = None,
    framing: Framing | None = None,
) -> list[QualificationGap]:
    """Licensed topics the app is on without a covering category and licence.

    A topic is on when detection reports its category at ``scores.topic_fired_floor`` or more (with some
    evidence outside informational sentences), or when
    ``min_cues`` distinct cues (one of them an offer cue) occur outside informational sentences and the
    app does not disclaim the topic. The licence table decides which licences cover it.
    """
    texts = [named for named in (text_fields(meta) if fields is None else fields) if named.name != "contacts"]
    compact_texts = [named.compact.text for named in texts]
    declared = [compact(category).text for category in meta.categories]
    held = held_licences(meta)
    floor = policy.scores.get("topic_fired_floor", 0.3)
    gaps = []
    for topic in policy.topics:
        fired = any(
            topic.fired_in(c.category, c.subcategory)
            and c.score >= floor
            and not (framing and framing.all_informational(c.evidence))
            for c in detected
        )
        cue_evidence = _cue_evidence(texts, topic, framing)
        if not fired and not (
            _inferred_from_cues(topic, cue_evidence, compact_texts) and _offered_with_subject(texts, topic, framing)
        ):
            continue
        category_covered = _covers(declared, topic.covering_categories)
        breached = tuple(breaches(topic, compact_texts))
        licence_held = covering_row(topic, compact_texts, held) is not None and not breached
        if category_covered and licence_held:
            continue
        gaps.append(
            QualificationGap(
                topic,
                category_covered,
                licence_held,
                fired,
                cue_evidence[:MAX_EVIDENCE_PER_FINDING],
                breached if covering_row(topic, compact_texts, held) else (),
            )
        )
    return gaps


def _inferred_from_cues(topic: LicensedTopic, cue_evidence: Sequence[Evidence], texts: Sequence[str]) -> bool:
    terms = {e.term for e in cue_evidence}
    if len(terms) < topic.min_cues or not terms & set(topic.offer_cues) or not terms & set(topic.cues):
        return False
    return not any(disclaimer in text for disclaimer in topic.disclaimers for text in texts)


def _offered_with_subject(texts: Sequence[NamedText], topic: LicensedTopic, framing: Framing | None) -> bool:
    """An offer cue in the same sentence as a cue naming the topic: "卷烟仅限到店购买" beside "零食在线下单"
    does not offer cigarettes online, "香烟整条批发" does."""

    def sentences(named: NamedText, terms: Sequence[str]) -> set[int]:
        return {
            framing.sentence_start(named.name, m.start) if framing else 0
            for m in find_terms(named.compact, terms)
            if not (framing and framing.informational(named.name, m.start))
        }

    return any(sentences(named, topic.offer_cues) & sentences(named, topic.cues) for named in texts)


def licence_covers(meta: MiniProgramMetadata, category: CategoryScore, policy: MiniProgramPolicy) -> bool:
    """Whether a detection category is the lawful business of a licence the app holds (no breach cue)."""
    texts = [named.compact.text for named in text_fields(meta) if named.name != "contacts"]
    declared = [compact(c).text for c in meta.categories]
    held = held_licences(meta)
    return any(
        topic.fired_in(category.category, category.subcategory)
        and _covers(declared, topic.covering_categories)
        and covering_row(topic, texts, held) is not None
        and not breaches(topic, texts)
        for topic in policy.topics
    )


def _cue_evidence(texts: Sequence[NamedText], topic: LicensedTopic, framing: Framing | None) -> list[Evidence]:
    """One evidence item per distinct cue (its first occurrence outside informational sentences)."""
    seen: dict[str, Evidence] = {}
    for named in texts:
        for match in find_terms(named.compact, (*topic.cues, *topic.offer_cues)):
            if match.term in seen or (framing and framing.informational(named.name, match.start)):
                continue
            seen[match.term] = evidence(f"miniprogram.licensed_topic.{topic.key}", match, named.text, named.name)
    return list(seen.values())


def _covers(declared: Sequence[str], covering: Sequence[str]) -> bool:
    tokens = [compact(token).text for token in covering]
    return any(token in value for value in declared for token in tokens)


# --------------------------------------------------------------------------------------- impersonation
def credential_requests(
    fields: Sequence[NamedText], framing: Framing | None, policy: MiniProgramPolicy
) -> list[Evidence]:
    """Card numbers, SMS codes and passwords the app asks for, outside informational sentences, when it
    asks for at least ``credential_min`` distinct ones (one alone is a login or a card binding)."""
    found: dict[str, Evidence] = {}
    for named in fields:
        if named.name == "contacts":
            continue
        for match in find_terms(named.compact, policy.credential_requests):
            if match.term not in found and not (framing and framing.informational(named.name, match.start)):
                found[match.term] = evidence("miniprogram.impersonation.credentials", match, named.text, named.name)
    return list(found.values()) if len(found) >= policy.credential_min else []


def find_impersonation(meta: MiniProgramMetadata, policy: MiniProgramPolicy) -> list[Evidence]:
    """Brand + official marker in the name or description when the principal is not the brand's owner."""
    principal = compact(meta.principal.name).text
    markers = [compact(marker).text for marker in policy.official_markers]
    found: list[Evidence] = []
    for field_name, text, window in (
        ("name", meta.name, policy.name_window),
        ("description", meta.description, 0),
    ):
        folded = fold(text, keep_spaces=True)
        for brand in policy.brands:
            if any(compact(owner).text in principal for owner in brand.owners):
                continue
            hit = _brand_claim(folded, brand.aliases, markers, window)
            if hit:
                term = f"{brand.brand}+{hit.term}"
                found.append(evidence("miniprogram.impersonation", Match(term, hit.start, hit.end), text, field_name))
    return found[:MAX_EVIDENCE_PER_FINDING]


def _brand_claim(folded: FoldedText, aliases: Sequence[str], markers: Sequence[str], window: int) -> Match | None:
    """The first alias followed by an official marker within ``window`` characters (spaces ignored)."""
    text = folded.text
    for alias in (compact(a).text for a in aliases):
        position = text.find(alias)
        while position != -1:
            end = position + len(alias)
            marker = _marker_near(text, alias, end, markers, window)
            if marker and _whole_word(text, position, end):
                start, stop = folded.span(position, end)
                return Match(marker, start, stop)
            position = text.find(alias, position + 1)
    return None


def _marker_near(text: str, alias: str, end: int, markers: Sequence[str], window: int) -> str | None:
    for marker in markers:
        if marker in alias:  # an alias such as "苹果官方" carries its own claim
            return marker
    following = "".join(text[end : end + window + 16].split())
    for marker in markers:
        index = following.find(marker)
        if 0 <= index <= window:
            return marker
    return None


def _whole_word(text: str, start: int, end: int) -> bool:
    """ASCII aliases must not sit inside a longer ASCII word ("lv" in "level")."""

    def ascii_alnum(char: str) -> bool:
        return char.isascii() and char.isalnum()

    if not ascii_alnum(text[start]) and not ascii_alnum(text[end - 1]):
        return True
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (ascii_alnum(text[start]) and ascii_alnum(before)) and not (
        ascii_alnum(text[end - 1]) and ascii_alnum(after)
    )
