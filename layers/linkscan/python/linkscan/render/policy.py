"""When to render and when to inspect images (``render/policy.yaml``). Light: YAML only, no browser."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from linkscan.settings import ConfigurationError

POLICY_FILE = "policy.yaml"


@dataclass(frozen=True)
class RenderNeeds:
    browser: bool = False
    images: bool = False
    reasons: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.browser or self.images


@dataclass(frozen=True)
class RenderPolicy:
    shell_max_chars: int
    shell_min_scripts: int
    hosts: tuple[str, ...]
    browser_bands: frozenset[str]
    images_max_chars: int
    images_bands: frozenset[str]

    def decide(self, *, html: str, visible_text: str, band: str, host: str | None, image_count: int) -> RenderNeeds:
        reasons: list[str] = []
        text_chars = len("".join(visible_text.split()))
        scripts = _count_scripts(html)
        browser = False
        if text_chars < self.shell_max_chars and scripts >= self.shell_min_scripts:
            browser = True
            reasons.append(f"script shell: {text_chars} visible characters, {scripts} scripts")
        if host and any(host == marked or host.endswith("." + marked) for marked in self.hosts):
            browser = True
            reasons.append(f"host {host} is always rendered")
        if band in self.browser_bands:
            browser = True
            reasons.append(f"band {band} is always rendered")
        images = False
        if browser or image_count:
            if text_chars < self.images_max_chars:
                images = True
                reasons.append(f"images inspected: {text_chars} visible characters")
            elif band in self.images_bands:
                images = True
                reasons.append(f"images inspected: band {band}")
        return RenderNeeds(browser=browser, images=images, reasons=reasons)


def _count_scripts(html: str) -> int:
    """<script> start tags in the first 256 KB, case-insensitively, without a regex over the page."""
    head = html[: 256 * 1024].lower()
    return head.count("<script")


@cache
def load_render_policy() -> RenderPolicy:
    raw: Any = yaml.safe_load(resources.files("linkscan.render").joinpath(POLICY_FILE).read_text(encoding="utf-8"))
    try:
        browser, images = raw["browser"], raw["images"]
        return RenderPolicy(
            shell_max_chars=int(browser["script_shell"]["max_visible_chars"]),
            shell_min_scripts=int(browser["script_shell"]["min_scripts"]),
            hosts=tuple(str(host).lower() for host in browser.get("hosts") or ()),
            browser_bands=frozenset(str(band) for band in browser.get("bands") or ()),
            images_max_chars=int(images["max_visible_chars"]),
            images_bands=frozenset(str(band) for band in images.get("bands") or ()),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigurationError(f"render/{POLICY_FILE}: {exc!r}") from exc
