"""Where a cash-loan pitch leads: to a licensed lender's own channels, or elsewhere.

A bank's loan ad and a loan shark's read alike; a licence word or a bank's name can be pasted into
either. What cannot be pasted is where the text sends the reader: a shark must give a way to reach
the shark (a mobile number, a WeChat or QQ handle, a link, a short code). ``LicensedLenders.leads``
finds every channel a text gives and says whether all of them are the official hotlines or domains
of a licensed lender the text names (``policy/lenders.yaml``). Only then is the pitch the lender's
own, and the detector lowers its cash-loan score; any other channel, or a page on another domain,
leaves it as it is. One weaker case: a text signed by a named branch of a licensed bank whose other
channels are only fixed lines (``Leads.branch``) is lowered by the smaller ``branch`` factor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any, Literal, get_args

from linkscan.detect.normalize import normalize

# a phone number, hotline or short code as written (digits, or the corpus's digits masked as x, with
# dashes and spaces inside); amounts are told apart by what stands around them (see _amount)
_NUMBER = re.compile(r"[0-9x](?<![a-z0-9.,][0-9x])(?:[0-9x]|[- ](?=[0-9x])){4,19}(?![a-z0-9])")
# a registrable domain is found from its top-level part (a dot and a known ending, a literal the regex
# engine skips to), then widened leftwards over the host's characters
_TLD = re.compile(
    r"\.(?:com|net|org|cn|info|top|xyz|vip|cc|io|co|me|app|loan|loans|biz|us|uk|hk|online|site|shop|club|link|gov|edu)"
    r"(?![a-z0-9-]|\.[a-z])"  # the last part: .com of icbc.com.cn is not the end
)
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")
# a chat handle: the app's name (as sellers spell it) and an ID right after it; the name alone ("moves
# you to WhatsApp") gives no channel
_HANDLE = re.compile(
    r"(?:微信|威信|薇信|v信|vx|wx|wechat|weixin|qq|扣扣|telegram|tg|whatsapp|line|飞机)\s*+(?:号|id)?\s*+[:：]?\s*+"
    r"([a-z][-_a-z0-9]{4,19}|[1-9][0-9]{4,11})(?![-_a-z0-9])"
)
_AMOUNT_BEFORE = "$¥￥£€"
_AMOUNT_AFTER = ("元", "万", "千", "百", "亿", "块", "%", "％", "年", "月", "日", "天", "期", "个", "分", "厘")
_TOLL_FREE = ("800", "888", "877", "866", "855", "844", "833")


ChannelKind = Literal["hotline", "mobile", "phone", "masked", "domain", "handle", "unresolved"]
# The kinds that reach whoever placed the text: a hotline is an institution's published line (a brand's
# warning gives one), and an unresolved word names a channel without giving it.
OWN_CONTACT_KINDS: frozenset[str] = frozenset(get_args(ChannelKind)) - {"hotline", "unresolved"}


@dataclass(frozen=True)
class Channel:
    """A way to reach whoever placed the text: its kind and its value (digits, domain, handle)."""

    kind: ChannelKind
    value: str


def _amount(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 2) : start].strip()
    return (before[-1:] in _AMOUNT_BEFORE and before != "") or text[end : end + 2].lstrip().startswith(_AMOUNT_AFTER)


def _number_kind(digits: str) -> ChannelKind:
    """hotline (95xxx, 400/800, North-American toll-free), mobile, or another phone number."""
    if (digits[:2] in ("95", "96") and len(digits) in (5, 6)) or (digits[:3] in ("400", "800") and len(digits) == 10):
        return "hotline"
    if len(digits) == 11 and digits[0] == "1" and digits[1:4] in _TOLL_FREE:
        return "hotline"
    if len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789":
        return "mobile"
    return "phone"


def _number_channel(written: str) -> Channel | None:
    digits = re.sub(r"[^0-9x]", "", written)
    if set(digits) == {"x"}:  # masked by the corpus: a mobile by its length, anything else unknown
        return Channel("mobile" if len(digits) == 11 else "masked", digits)
    if "x" in digits or len(digits) < 5:
        return None
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if len(digits) == 10 and digits[:3] in _TOLL_FREE:  # a North-American number written without its 1
        digits = "1" + digits
    return Channel(_number_kind(digits), digits)


def channels(folded: str, normalized: str, unresolved_terms: Iterable[str] = ()) -> Iterator[Channel]:
    """Every channel a text gives, in this order: numbers and domains read from its folded form
    (digits and punctuation kept), chat handles, and words that point to a channel without giving one."""
    for match in _NUMBER.finditer(folded):
        if not _amount(folded, match.start(), match.end()):
            channel = _number_channel(match.group())
            if channel is not None:
                yield channel
    for host in _domains(folded):
        yield Channel("domain", host)
    for handle in _HANDLE.finditer(folded):
        yield Channel("handle", handle.group(1))
    for term in unresolved_terms:
        if term in normalized:
            yield Channel("unresolved", term)


def _domains(folded: str) -> list[str]:
    """The hosts written in a text (``www.`` dropped), each found from its top-level part."""
    hosts: list[str] = []
    for match in _TLD.finditer(folded):
        start = match.start()
        while start > 0 and folded[start - 1] in _HOST_CHARS:
            start -= 1
        host = folded[start : match.end()].strip(".-").removeprefix("www.")
        if "." in host and host.split(".", 1)[0] and (not hosts or hosts[-1] != host):
            hosts.append(host)
    return hosts


@dataclass(frozen=True)
class Lender:
    name: str
    names: tuple[str, ...]  # normalized name and aliases
    hotlines: frozenset[str]
    domains: frozenset[str]


@dataclass(frozen=True)
class Leads:
    """What the channel check found: the lenders named, and whether every channel is theirs."""

    lenders: tuple[str, ...]
    official: tuple[Channel, ...]
    other: tuple[Channel, ...]
    branch: str = ""  # the licensed bank's branch the text is signed by, when it gives only fixed lines

    @property
    def to_licensed_lender(self) -> bool:
        return bool(self.lenders) and not self.other


@dataclass(frozen=True)
class LicensedLenders:
    """``policy/lenders.yaml`` compiled: lenders with their channels, names of other licensed banks."""

    factor: float
    branch_factor: float
    branch_words: re.Pattern[str]  # a branch's ending (支行, 分行...) shortly after a bank's name
    branch_staff_terms: frozenset[str]  # "contact me" words a branch's own staff write
    never_rescued_rules: frozenset[str]
    unresolved_terms: tuple[str, ...]
    lenders: tuple[Lender, ...]
    bank_names: frozenset[str]  # every licensed bank's and consumer finance company's name, normalized
    not_names: tuple[str, ...]
    town_bank: re.Pattern[str]  # a rural bank: its town's name and an ending, at the end of a window
    by_hotline: Mapping[str, str]  # official hotline -> lender
    by_domain: Mapping[str, str]  # official registrable domain -> lender

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> LicensedLenders:
        def norm(text: str) -> str:
            return normalize(text).text

        lenders = tuple(
            Lender(
                name=str(entry["name"]),
                names=tuple(norm(n) for n in [entry["name"], *(entry.get("aliases") or [])]),
                hotlines=frozenset(entry.get("hotlines") or []),
                domains=frozenset(entry["domains"]),
            )
            for entry in doc["lenders"]
        )
        endings = "|".join(re.escape(norm(e)) for e in doc["name_endings"])
        branch = doc["branch"]
        return cls(
            factor=float(doc["factor"]),
            branch_factor=float(branch["factor"]),
            branch_words=re.compile("|".join(re.escape(norm(w)) for w in branch["words"])),
            branch_staff_terms=frozenset(norm(t) for t in branch["staff_terms"]),
            never_rescued_rules=frozenset(doc["never_rescued_rules"]),
            unresolved_terms=tuple(norm(t) for t in doc["unresolved_channel_terms"]),
            lenders=lenders,
            bank_names=frozenset(norm(n) for n in [*doc["banks"], *doc["consumer_finance"]]),
            not_names=tuple(norm(n) for n in doc["not_names"]),
            # generic words before the ending (各大, 合作, 正规...) name no town
            by_hotline={hotline: lender.name for lender in lenders for hotline in lender.hotlines},
            by_domain={domain: lender.name for lender in lenders for domain in lender.domains},
            town_bank=re.compile(rf"(?<![各多某家等的和与])[\u4e00-\u9fff]{{2,4}}(?<!合作)(?<!正规)(?:{endings})$"),
        )

    def named(self, normalized: str) -> set[str]:
        """The licensed lenders and banks a normalized text names."""
        for not_name in self.not_names:  # the regulator's or the industry's name is no lender's
            normalized = normalized.replace(not_name, "\x00" * len(not_name))
        found = {lender.name for lender in self.lenders if any(n in normalized for n in lender.names)}
        for match in _BANK_ENDING.finditer(normalized):
            end = match.end()
            for start in range(max(0, end - _LONGEST_NAME), end - 3):
                candidate = normalized[start:end]
                if candidate in self.bank_names:
                    found.add(candidate)
                    break
            else:  # the shortest town name before a rural bank's ending
                for start in range(end - 3, max(-1, end - 16), -1):
                    town = self.town_bank.match(normalized, start, end)
                    if town:
                        found.add(town.group())
                        break
        return found

    def leads(self, folded: str, normalized: str, domain: str | None = None) -> Leads:
        """Where a text leads. ``folded`` and ``normalized`` are its two forms (``normalize``);
        ``domain`` the host of the page it is on, itself a channel. The check stops at the first
        channel no lender owns that is not a fixed line: such a text leads elsewhere, whatever else it
        gives. A text whose other channels are all fixed lines (or its sender's "contact me") and that
        is signed by a named branch of a licensed bank gets that branch in ``branch``."""
        page = [Channel("domain", domain.lower().rstrip(".").removeprefix("www."))] if domain else []
        official: list[Channel] = []
        other: list[Channel] = []
        owners: set[str] = set()
        for channel in chain(page, channels(folded, normalized, self.unresolved_terms)):
            owner = self._owner(channel)
            if owner is not None:
                official.append(channel)
                owners.add(owner)
                continue
            other.append(channel)
            if not self._staff_channel(channel):
                return Leads((), tuple(official), tuple(other))
        if other:
            return Leads((), tuple(official), tuple(other), self.branch(normalized))
        return Leads(tuple(sorted(self.named(normalized) | owners)), tuple(official), ())

    def _staff_channel(self, channel: Channel) -> bool:
        """A channel a bank branch's own staff give: a fixed line, or "contact me". A mobile number is
        not one: anyone can paste a prepaid mobile, a landline is installed at an address."""
        if channel.kind == "unresolved":
            return channel.value in self.branch_staff_terms
        return channel.kind in ("phone", "masked")

    def branch(self, normalized: str) -> str:
        """The branch of a licensed bank a text names (``北京银行顺义支行``), or ""."""
        for match in self.branch_words.finditer(normalized):
            window = normalized[max(0, match.start() - _BRANCH_REACH) : match.end()]
            names = self.named(window[: -len(match.group())])
            if names:
                return window[min(max(window.find(name), 0) for name in names) :]
        return ""

    def _owner(self, channel: Channel) -> str | None:
        """The lender whose official hotline or domain the channel is, if any."""
        if channel.kind == "hotline":
            return self.by_hotline.get(channel.value)
        if channel.kind == "domain":
            parts = channel.value.split(".")
            for i in range(len(parts) - 1):
                owner = self.by_domain.get(".".join(parts[i:]))
                if owner:
                    return owner
        return None


_BANK_ENDING = re.compile("银行|农商行|信用社|联社|农信社|消费金融")
_LONGEST_NAME = 20
_BRANCH_REACH = 24  # a bank's name and its branch's place: 广西北部湾银行（钦州分行）


@lru_cache(maxsize=2)
def load_lenders(path: str | None = None) -> LicensedLenders:
    from pathlib import Path

    from linkscan.detect.policy import _policy_doc

    return LicensedLenders.from_doc(_policy_doc("lenders.yaml", Path(path) if path else None))
