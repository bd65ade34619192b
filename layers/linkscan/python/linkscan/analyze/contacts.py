"""Contact handles in text and links: WeChat IDs, QQ numbers, phone numbers, Telegram/WhatsApp/LINE.

Sellers of illegal loans and contraband move buyers to private chat; the handle is the offer.
Keyword-anchored patterns (微信/VX/QQ...) keep generic numbers and words from being taken as handles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

from linkscan.analyze.features import Contact

# WeChat: 6-20 chars, starting with a letter (or a mobile number used as the ID). Sellers write
# the keyword many ways to dodge filters: 微信, 威信, 薇信, V信, VX, wx, 加V...
# Whitespace runs are possessive (\s*+): three optional \s* in a row backtracked cubically when a
# keyword was followed by spaces and no handle ("微信" and 2,000 spaces: 64 s).
_WECHAT = re.compile(
    r"(?:微信|威信|薇信|徽信|卫星|V信|v信|VX|Vx|vx|WX|wx|wechat|WeChat|weixin|加V|加v)\s*+(?:号|號|id|ID)?"
    r"\s*+[:：=]?\s*+([A-Za-z][-_A-Za-z0-9]{5,19}|1[3-9]\d{9})(?![-_A-Za-z0-9])",
)
_QQ = re.compile(r"(?:QQ|qq|扣扣|企鹅|Q号|Q群)\s*+(?:号|號|群)?\s*+[:：=]?\s*+([1-9]\d{4,10})(?!\d)")
# No pattern below starts with a lookbehind: that disables the regex engine's scan for the first
# literal character and made them ~30x slower. The character before a match is checked in code.
# Chinese mobile: 1[3-9] + 9 digits in 3-4-4 groups, optionally preceded by 86 / +86.
_CN_MOBILE = re.compile(r"1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?![\d.])")
_CN_PREFIX = re.compile(r"(?:\+?86[-\s]?)?$")
_INTL_PHONE = re.compile(r"\+(?!86)([1-9]\d{0,2})[-\s]?(\d[\d\s-]{6,14}\d)(?!\d)")
_TELEGRAM_TEXT = re.compile(r"(?:telegram|Telegram|TG|tg|纸飞机|飞机)\s*+[:：]?\s*+@([A-Za-z]\w{4,31})")
_TELEGRAM_URL = re.compile(r"(?:t|telegram)\.(?:me|dog)/(?:\+|joinchat/)?([\w-]{3,64})")
_WHATSAPP_URL = re.compile(r"wa\.me/\+?(\d{6,15})")


def _starts_token(text: str, start: int, joined: str) -> bool:
    """True if the character before ``start`` cannot be part of the same token."""
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() and before.isascii()) and before not in joined


def _mobiles(text: str, source: str) -> list[Contact]:
    found = []
    for match in _CN_MOBILE.finditer(text):
        head = text[max(0, match.start() - 5) : match.start()]
        prefix = _CN_PREFIX.search(head)
        start = match.start() - (len(prefix.group(0)) if prefix else 0)
        if _starts_token(text, start, "._"):
            found.append(Contact("phone", re.sub(r"[-\s]", "", match.group(0)), source))
    return found


def text_contacts(text: str, source: str) -> list[Contact]:
    """Contacts written out in prose."""
    found: list[Contact] = []
    found += [Contact("wechat", m.group(1), source) for m in _WECHAT.finditer(text)]
    found += [Contact("qq", m.group(1), source) for m in _QQ.finditer(text)]
    found += _mobiles(text, source)
    found += [
        Contact("phone", f"+{m.group(1)}{re.sub(r'[^0-9]', '', m.group(2))}", source)
        for m in _INTL_PHONE.finditer(text)
        if _starts_token(text, m.start(), "+_")
    ]
    found += [Contact("telegram", m.group(1), source) for m in _TELEGRAM_TEXT.finditer(text)]
    found += [
        Contact("telegram", m.group(1), source)
        for m in _TELEGRAM_URL.finditer(text)
        if _starts_token(text, m.start(), ".-_")
    ]
    found += [
        Contact("whatsapp", m.group(1), source)
        for m in _WHATSAPP_URL.finditer(text)
        if _starts_token(text, m.start(), ".-_")
    ]
    return found


def link_contact(url: str) -> Contact | None:
    """A contact that a link itself is: tel:, t.me/..., wa.me/..., QQ chat links, weixin://..."""
    lowered = url.lower()
    if lowered.startswith("tel:"):
        number = re.sub(r"[^0-9+]", "", url[4:])
        return Contact("tel", number, "link") if number else None
    parts = urlsplit(url)
    host_and_path = f"{parts.hostname or ''}{parts.path}"
    match = _TELEGRAM_URL.match(host_and_path.removeprefix("www."))
    if match:
        return Contact("telegram", match.group(1), "link")
    match = _WHATSAPP_URL.match(host_and_path)
    if match:
        return Contact("whatsapp", match.group(1), "link")
    query = parse_qs(parts.query)
    if parts.hostname and parts.hostname.endswith("whatsapp.com") and "phone" in query:
        return Contact("whatsapp", query["phone"][0].strip().lstrip("+"), "link")
    if parts.scheme in ("tencent", "mqqwpa", "mqq") or (parts.hostname or "").startswith("wpa"):
        uin = query.get("uin") or query.get("QQ") or query.get("qq")
        if uin:
            return Contact("qq", uin[0], "link")
    if parts.hostname in ("line.me", "lin.ee") and parts.path.strip("/"):
        return Contact("line", parts.path.strip("/").rsplit("/", 1)[-1], "link")
    return None


def unique(contacts: Iterable[Contact]) -> list[Contact]:
    """First occurrence of each (kind, value), in page order."""
    seen: set[tuple[str, str]] = set()
    result = []
    for contact in contacts:
        key = (contact.kind, contact.value)
        if key not in seen:
            seen.add(key)
            result.append(contact)
    return result
