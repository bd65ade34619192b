"""Outbound web links: where they are, whether the mini-program pushes users to them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from linkscan.miniprogram.model import MiniProgramMetadata
from linkscan.miniprogram.policy import MiniProgramPolicy, load_policy
from linkscan.miniprogram.textmatch import compact

# The anchor text of a link read from a QR code in a page image (miniprogram/images.py).
QR_CODE_LINK_TEXT = "QR code"


@dataclass(frozen=True)
class LinkSite:
    """One place an outbound URL appears."""

    url: str
    field: str  # "navigation[0]", "pages[2].links[1]", "contacts[3]"
    text: str  # anchor text or navigation label ("" when none)
    page_text: str  # text of the page holding the link ("" outside pages)
    navigated: bool  # the mini-program opens it itself (web-view navigation target)


def link_sites(meta: MiniProgramMetadata) -> Iterator[LinkSite]:
    """Navigation targets first (the strongest push), then page links, then declared URL contacts."""
    for index, target in enumerate(meta.navigation):
        if target.url:
            yield LinkSite(target.url, f"navigation[{index}]", target.label, "", navigated=True)
    for page_index, page in enumerate(meta.pages):
        for link_index, link in enumerate(page.links):
            field = f"pages[{page_index}].links[{link_index}]"
            yield LinkSite(link.url, field, link.text, page.text, navigated=False)
    for index, contact in enumerate(meta.contacts):
        if contact.kind == "url":
            yield LinkSite(contact.value, f"contacts[{index}]", "", "", navigated=False)


def outbound_urls(meta: MiniProgramMetadata, policy: MiniProgramPolicy | None = None) -> list[str]:
    """Distinct outbound web URLs, in order of appearance, capped by the policy (child scans to run)."""
    policy = policy or load_policy()
    urls: dict[str, None] = {}
    for site in link_sites(meta):
        if len(urls) >= policy.max_outbound_urls:
            break
        if is_web_url(site.url):
            urls.setdefault(site.url, None)
    return list(urls)


def is_web_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in {"http", "https"} and bool(parts.hostname)


def is_platform_url(url: str, policy: MiniProgramPolicy) -> bool:
    """A link that stays on the platform (its own article and service domains)."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    return any(host == domain or host.endswith("." + domain) for domain in policy.platform_domains)


def is_app_package_url(url: str, policy: MiniProgramPolicy) -> bool:
    path = urlsplit(url).path.lower()
    return any(pattern.search(path) for pattern in policy.app_package_patterns)


def push_cue(site: LinkSite, policy: MiniProgramPolicy) -> str | None:
    """Why a link counts as pushed: "navigation", "app package", or the cue found near it; else None.

    The cue may sit in the link's own text or anywhere in its page's text: metadata does not say where
    on the page a link is, so a page that urges "立即申请" is taken to urge it for each of its links.
    """
    if site.navigated:
        return "navigation"
    if is_app_package_url(site.url, policy):
        return "app package"
    if site.text == QR_CODE_LINK_TEXT:
        return "QR code"  # shown to be scanned: the page sends its users there
    for text in (site.text, site.page_text):
        folded = compact(text).text
        for cue in policy.push_cues:
            if cue in folded:
                return cue
    return None
