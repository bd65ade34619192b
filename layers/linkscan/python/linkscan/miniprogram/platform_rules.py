"""The platform's own conduct rules, checked on the metadata: each a pure function returning evidence.

- induced sharing: content or rewards unlocked only by sharing or inviting, coerced sharing, red-packet
  lures into customer-service chats;
- payment outside the platform: transfers to personal accounts, private payment codes, deposits paid to
  a person, fund collection;
- web-view: pages embedded from domains not declared as business domains (navigation targets and
  page links to outside pages), declared domains without an ICP filing, and any web-view navigation
  of a personal principal;
- jumps to other mini-programs: navigation hubs that only rank or redirect, and jumps to mini-programs
  whose own metadata is known and judged blocked (``jump_findings``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from linkscan.miniprogram.fields import NamedText
from linkscan.miniprogram.framing import Framing
from linkscan.miniprogram.links import is_platform_url, is_web_url
from linkscan.miniprogram.model import MiniProgramMetadata
from linkscan.miniprogram.policy import MiniProgramPolicy, PlatformRuleSpec
from linkscan.miniprogram.textmatch import Match, evidence, find_patterns, find_terms
from linkscan.models import Evidence, Verdict

MAX_EVIDENCE = 5
# Jumped-to mini-programs whose stored metadata one scan reads and scans (each is a table and an S3 read).
MAX_JUMP_SCANS = 20


@dataclass(frozen=True)
class RuleFinding:
    """A platform rule broken: the verdict subcategory it adds, the rule it cites, and where."""

    subcategory: str  # induced_sharing | offplatform_payment | undeclared_webview | navigation_hub
    rule: str  # rule_book id
    evidence: tuple[Evidence, ...]
    detail: str


def _text_rule(
    spec: PlatformRuleSpec, subcategory: str, fields: Sequence[NamedText], framing: Framing, detail: str
) -> RuleFinding | None:
    found: list[Evidence] = []
    for named in fields:
        if named.name == "contacts":
            continue
        for match in find_patterns(named.spaced, spec.patterns):
            if not framing.informational(named.name, match.start):
                found.append(evidence(f"miniprogram.rule.{subcategory}", match, named.text, named.name))
    if not found:
        return None
    return RuleFinding(subcategory, spec.rule, tuple(found[:MAX_EVIDENCE]), detail)


TEXT_RULES = {
    "induced_sharing": "content or rewards gated on sharing or inviting",
    "offplatform_payment": "payment taken outside the platform",
}


def find_text_rules(fields: Sequence[NamedText], framing: Framing, policy: MiniProgramPolicy) -> list[RuleFinding]:
    """Induced sharing and payment outside the platform: their patterns, outside informational sentences."""
    found = []
    for key, detail in TEXT_RULES.items():
        spec = policy.platform_rules.get(key)
        finding = _text_rule(spec, key, fields, framing, detail) if spec else None
        if finding:
            found.append(finding)
    return found


def business_domains(meta: MiniProgramMetadata) -> dict[str, str] | None:
    """``extra.business_domains`` as {domain: ICP filing number}; None when the platform did not send it."""
    raw: Any = meta.extra.get("business_domains")
    if not isinstance(raw, list):
        return None
    domains: dict[str, str] = {}
    for item in raw:
        if isinstance(item, str):
            domains[item.strip().lower().rstrip(".")] = ""
        elif isinstance(item, Mapping) and isinstance(item.get("domain"), str):
            domains[item["domain"].strip().lower().rstrip(".")] = str(item.get("icp") or "").strip()
    return domains


def _declared(host: str, domains: Mapping[str, str]) -> str | None:
    """The declared business domain that covers ``host`` (itself or a parent domain), if any."""
    for domain in domains:
        if host == domain or host.endswith("." + domain):
            return domain
    return None


def _embedded_pages(meta: MiniProgramMetadata, policy: MiniProgramPolicy) -> Iterator[tuple[str, str, bool]]:
    """(url, field, navigated) of each web page the app would open inside itself.

    Navigation targets are web-views. A page's link to an outside web page can open inside a
    mini-program only as a web-view too, so it is judged against the declared domains as well; links to
    the platform's own domains (its articles) are no embed.
    """
    for index, target in enumerate(meta.navigation):
        if target.url:
            yield target.url, f"navigation[{index}]", True
    for page_index, page in enumerate(meta.pages):
        for link_index, link in enumerate(page.links):
            if is_web_url(link.url) and not is_platform_url(link.url, policy):
                yield link.url, f"pages[{page_index}].links[{link_index}]", False


def find_webview_problems(meta: MiniProgramMetadata, policy: MiniProgramPolicy) -> RuleFinding | None:
    spec = policy.platform_rules.get("webview")
    if spec is None:
        return None
    domains = business_domains(meta)
    found: list[Evidence] = []
    problems: list[str] = []
    for url, field, navigated in _embedded_pages(meta, policy):
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
        if meta.principal.type == "individual":
            if not navigated:
                continue  # a personal app cannot open the link at all: users can only copy it
            problem = "a personal principal may not embed web pages"
        elif domains is None:
            continue  # the platform did not send its business-domain list: nothing to judge
        elif (domain := _declared(host, domains)) is None:
            problem = f"{host} is not a declared business domain"
        elif not domains[domain]:
            problem = f"business domain {domain} has no ICP filing"
        else:
            continue
        problems.append(problem)
        found.append(evidence("miniprogram.rule.undeclared_webview", Match(url, 0, len(url)), url, field))
    if not found:
        return None
    return RuleFinding("undeclared_webview", spec.rule, tuple(found[:MAX_EVIDENCE]), "; ".join(dict.fromkeys(problems)))


def jump_appids(meta: MiniProgramMetadata, limit: int | None = None) -> list[tuple[int, str]]:
    """(navigation index, appid) of each distinct mini-program the app jumps to, in order (at most ``limit``)."""
    seen: dict[str, int] = {}
    for index, target in enumerate(meta.navigation):
        if target.appid and target.appid != meta.appid and target.appid not in seen:
            seen[target.appid] = index
    return [(index, appid) for appid, index in seen.items()][:limit]


def find_navigation_hub(
    meta: MiniProgramMetadata, fields: Sequence[NamedText], policy: MiniProgramPolicy
) -> RuleFinding | None:
    """Jumps to many mini-programs, with a hub cue (排行, 导航, 合集...) or to very many without one."""
    spec = policy.platform_rules.get("navigation_hub")
    jumps = jump_appids(meta)
    if spec is None or len(jumps) < spec.min_targets:
        return None
    cues = [
        evidence("miniprogram.rule.navigation_hub", match, named.text, named.name)
        for named in fields
        if named.name != "contacts"
        for match in find_terms(named.compact, spec.cues)
    ]
    if not cues and len(jumps) < spec.min_targets_alone:
        return None
    jumped = [
        evidence("miniprogram.rule.navigation_hub", Match(appid, 0, len(appid)), appid, f"navigation[{index}]")
        for index, appid in jumps[:3]
    ]
    detail = f"jumps to {len(jumps)} other mini-programs" + (
        f" and calls itself a hub ({cues[0].term})" if cues else ""
    )
    return RuleFinding("navigation_hub", spec.rule, tuple([*cues[:2], *jumped]), detail)


@dataclass(frozen=True)
class JumpFinding:
    """A jump to a mini-program whose own metadata was scanned."""

    appid: str
    field: str
    verdict: Verdict


def jump_findings(
    meta: MiniProgramMetadata,
    targets: Mapping[str, MiniProgramMetadata],
    scan: Callable[[MiniProgramMetadata], Verdict],
) -> list[JumpFinding]:
    """Scan the known metadata of each mini-program this one jumps to (one level: no jumps of jumps)."""
    return [
        JumpFinding(appid, f"navigation[{index}]", scan(targets[appid]))
        for index, appid in jump_appids(meta, MAX_JUMP_SCANS)
        if appid in targets
    ]
