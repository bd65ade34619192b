"""Score bands, the domain allowlist and the enforcement policy (graded punishments).

All three are YAML data under ``linkscan/policy``; this module only reads them and applies them.
``enforcement_actions`` is a pure function of its arguments and the shipped policy file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from linkscan.detect import schema
from linkscan.models import CategoryScore, Decision
from linkscan.settings import DetectionSettings


def policy_paths() -> list[Path]:
    """The shipped policy files (bands, allowlist, enforcement, mini-program checks)."""
    folder = resources.files("linkscan") / "policy"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml"))


def _policy_doc(name: str, path: Path | None = None) -> dict[str, Any]:
    """A policy file, validated against its schema (``schema.POLICY_MODELS``): a bad one raises
    ``schema.PackError`` naming the file and line, never falls back to defaults."""
    source = path or Path(str(resources.files("linkscan") / "policy" / name))
    doc, _where = schema.validate(str(source), source.read_text(encoding="utf-8"), schema.POLICY_MODELS[name])
    return doc


@dataclass(frozen=True)
class Bands:
    """Named score bands. ``review`` and ``block`` come from the deployment settings."""

    suspicious: float
    review: float
    block: float
    names: tuple[str, str, str, str]  # below suspicious, suspicious, review band, block band
    report_floor: float  # categories under this score are not reported at all

    def band(self, score: float) -> str:
        if score >= self.block:
            return self.names[3]
        if score >= self.review:
            return self.names[2]
        if score >= self.suspicious:
            return self.names[1]
        return self.names[0]

    def decision(self, score: float) -> Decision:
        if score >= self.block:
            return "block"
        if score >= self.review:
            return "review"
        return "allow"


def load_bands(settings: DetectionSettings) -> Bands:
    doc = _policy_doc("bands.yaml")
    names = doc["names"]
    if not 0 < settings.review_threshold <= settings.block_threshold <= 1:
        raise ValueError("need 0 < review_threshold <= block_threshold <= 1")
    return Bands(
        suspicious=min(float(doc["suspicious"]), settings.review_threshold),
        review=settings.review_threshold,
        block=settings.block_threshold,
        names=(names[0], names[1], names[2], names[3]),
        report_floor=float(doc["report_floor"]),
    )


@dataclass(frozen=True)
class Allowlist:
    """Registrable domains (licensed banks, brands' own sites) whose pages are never auto-blocked."""

    domains: frozenset[str]

    def contains(self, domain: str) -> bool:
        host = domain.strip().lower().rstrip(".")
        if host.startswith("www."):
            host = host[4:]
        parts = host.split(".")
        # a listed domain covers its subdomains (m.icbc.com.cn -> icbc.com.cn)
        return any(".".join(parts[i:]) in self.domains for i in range(len(parts) - 1))


def _domains_from(doc: Mapping[str, Any]) -> set[str]:
    found: set[str] = set()
    for group in (doc.get("domains") or {}).values():
        found.update(str(d).strip().lower() for d in group or [])
    return found


def load_allowlist(extra_path: str | None) -> Allowlist:
    domains = _domains_from(_policy_doc("allowlist.yaml"))
    if extra_path:
        domains |= _domains_from(_policy_doc("allowlist.yaml", Path(extra_path)))
    return Allowlist(frozenset(domains))


@lru_cache(maxsize=1)
def _enforcement() -> dict[str, Any]:
    return _policy_doc("enforcement.yaml")


def _grade_for(category: CategoryScore, policy: Mapping[str, Any]) -> int:
    """Starting grade (index in the ladder) for one category at its severity."""
    ladder = policy["account_ladder"]
    by_severity = policy["start_grade_by_severity"]
    overrides = policy.get("start_grade_overrides") or {}
    name = overrides.get(f"{category.category}.{category.subcategory}") or overrides.get(category.category)
    name = name or by_severity.get(category.severity, ladder[0])
    return ladder.index(name)


def enforcement_actions(
    categories: Sequence[CategoryScore],
    decision: str,
    target_type: str,
    prior_violations: int = 0,
) -> list[str]:
    """Actions for a verdict: links are blocked and announced; mini-programs and accounts get
    ``warn`` / ``restrict`` / ``ban`` by severity, one grade higher per prior violation.

    Only a ``block`` decision punishes; ``review`` waits for a human and ``allow`` does nothing.
    """
    policy = _enforcement()
    if decision != "block" or not categories:
        return []
    if target_type == "url":
        return list(policy["url_actions"])
    ladder: list[str] = policy["account_ladder"]
    grade = max(_grade_for(c, policy) for c in categories)
    grade = min(grade + max(0, prior_violations), len(ladder) - 1)
    return [ladder[grade]]


def load_enforcement_policy() -> dict[str, Any]:
    """The enforcement policy as data (for docs and the API)."""
    return dict(_enforcement())
