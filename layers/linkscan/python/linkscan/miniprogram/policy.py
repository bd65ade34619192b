"""Load policy/miniprogram.yaml into typed, pre-compiled objects (once per process)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

POLICY_PATH = Path(__file__).resolve().parent.parent / "policy" / "miniprogram.yaml"


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
    covering_categories: tuple[str, ...]
    covering_qualifications: tuple[str, ...]

    def fired_in(self, category: str, subcategory: str) -> bool:
        """Whether a detection-engine category means this topic ("cash_loan" or "contraband/tobacco")."""
        return any(wanted in (category, f"{category}/{subcategory}") for wanted in self.detector_categories)


@dataclass(frozen=True)
class Brand:
    brand: str
    aliases: tuple[str, ...]
    owners: tuple[str, ...]


@dataclass(frozen=True)
class ChannelKind:
    key: str
    strong: bool
    signal: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class MiniProgramPolicy:
    version: str  # short sha256 of the YAML text: changes whenever an analyst edits a list
    topics: tuple[LicensedTopic, ...]
    name_window: int
    official_markers: tuple[str, ...]
    brands: tuple[Brand, ...]
    platform_domains: tuple[str, ...]
    channel_kinds: dict[str, ChannelKind]
    handle_patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern)
    app_package_patterns: tuple[re.Pattern[str], ...]
    push_cues: tuple[str, ...]
    max_outbound_urls: int
    scores: dict[str, float]


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values or ())


def _topic(key: str, raw: dict[str, Any]) -> LicensedTopic:
    return LicensedTopic(
        key=key,
        label=str(raw["label"]),
        licence=str(raw["licence"]),
        category=str(raw["category"]),
        subcategory=str(raw["subcategory"]),
        detector_categories=_strings(raw.get("detector_categories")),
        min_cues=int(raw.get("min_cues", 2)),
        cues=_strings(raw.get("cues")),
        covering_categories=_strings(raw.get("covering_categories")),
        covering_qualifications=_strings(raw.get("covering_qualifications")),
    )


def policy_from_dict(raw: dict[str, Any], version: str = "custom") -> MiniProgramPolicy:
    """Build the policy from parsed YAML (tests use this to try variations without files)."""
    channel = raw["channel_leading"]
    impersonation = raw["impersonation"]
    return MiniProgramPolicy(
        version=version,
        topics=tuple(_topic(key, value) for key, value in raw["licensed_topics"].items()),
        name_window=int(impersonation.get("name_window", 8)),
        official_markers=_strings(impersonation["official_markers"]),
        brands=tuple(
            Brand(str(b["brand"]), _strings(b["aliases"]), _strings(b.get("owners"))) for b in impersonation["brands"]
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
    )


@cache
def load_policy(path: Path = POLICY_PATH) -> MiniProgramPolicy:
    """The shipped policy, parsed once per process."""
    text = path.read_bytes()
    return policy_from_dict(yaml.safe_load(text), version=hashlib.sha256(text).hexdigest()[:12])
