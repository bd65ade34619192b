"""Configuration, read once from environment variables into typed settings objects.

Logic receives these objects as arguments and never reads ``os.environ`` itself.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    return default if raw in (None, "") else int(raw)


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    return default if raw in (None, "") else float(raw)


def _bool(env: Mapping[str, str], name: str, default: bool = False) -> bool:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _csv(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in env.get(name, "").split(",") if part.strip())


@dataclass(frozen=True)
class FetchSettings:
    """Bounds and destination policy of the safe fetcher."""

    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    deadline: float = 25.0  # whole scan, every hop included
    max_bytes: int = 2 * 1024 * 1024  # read from the wire and after decompression alike
    max_redirects: int = 8  # HTTP and client-side hops together
    extra_ports: tuple[int, ...] = ()  # allowed besides 80 and 443
    # Local-only: lets tests and the local stack reach loopback servers. Never set in a deployment.
    allow_loopback: bool = False
    user_agent: str = "linkscan/0.1 (+https://github.com/linkscan; trust-and-safety scanner)"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> FetchSettings:
        env = os.environ if env is None else env
        return cls(
            connect_timeout=_float(env, "LINKSCAN_FETCH_CONNECT_TIMEOUT", cls.connect_timeout),
            read_timeout=_float(env, "LINKSCAN_FETCH_READ_TIMEOUT", cls.read_timeout),
            deadline=_float(env, "LINKSCAN_FETCH_DEADLINE", cls.deadline),
            max_bytes=_int(env, "LINKSCAN_FETCH_MAX_BYTES", cls.max_bytes),
            max_redirects=_int(env, "LINKSCAN_FETCH_MAX_REDIRECTS", cls.max_redirects),
            extra_ports=tuple(int(p) for p in _csv(env, "LINKSCAN_FETCH_EXTRA_PORTS")),
            allow_loopback=_bool(env, "LINKSCAN_LOCAL_ALLOW_LOOPBACK"),
        )


@dataclass(frozen=True)
class AnalysisSettings:
    """Bounds of page analysis, besides the fetcher's byte bound (see docs/fetching.md)."""

    # CPU time for one page's analysis; a typical 100 KB page takes ~15 ms.
    cpu_seconds: float = 2.0
    # Attributes read per element; libxml2 spends attributes squared on an element.
    max_attributes: int = 256

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AnalysisSettings:
        env = os.environ if env is None else env
        return cls(
            cpu_seconds=_float(env, "LINKSCAN_ANALYSIS_CPU_SECONDS", cls.cpu_seconds),
            max_attributes=_int(env, "LINKSCAN_ANALYSIS_MAX_ATTRIBUTES", cls.max_attributes),
        )


@dataclass(frozen=True)
class DetectionSettings:
    """Score bands and the optional deployment rule pack / allowlist."""

    review_threshold: float = 0.45
    block_threshold: float = 0.75
    override_pack: str | None = None  # path to an extra YAML rule pack
    allowlist_path: str | None = None  # path to an extra domain allowlist

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> DetectionSettings:
        env = os.environ if env is None else env
        return cls(
            review_threshold=_float(env, "LINKSCAN_REVIEW_THRESHOLD", cls.review_threshold),
            block_threshold=_float(env, "LINKSCAN_BLOCK_THRESHOLD", cls.block_threshold),
            override_pack=env.get("LINKSCAN_RULES_OVERRIDE") or None,
            allowlist_path=env.get("LINKSCAN_ALLOWLIST") or None,
        )


@dataclass(frozen=True)
class ServiceSettings:
    """Names of the deployed resources, as the template passes them to every function."""

    table_name: str = "linkscan"
    blocklist_table_name: str = "linkscan-blocklist"
    scan_queue_url: str = ""
    evidence_bucket: str = ""
    blocklist_bucket: str = ""
    public_base_url: str = ""  # where the API is reachable, for status and appeal links
    stage: str = "dev"
    rescan_window_seconds: int = 24 * 3600
    # How long the lookup function trusts its in-memory hash prefixes before re-checking the manifest.
    lookup_filter_ttl_seconds: float = 30.0
    fetch: FetchSettings = field(default_factory=FetchSettings)
    analysis: AnalysisSettings = field(default_factory=AnalysisSettings)
    detection: DetectionSettings = field(default_factory=DetectionSettings)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ServiceSettings:
        env = os.environ if env is None else env
        return cls(
            table_name=env.get("TABLE_NAME", cls.table_name),
            blocklist_table_name=env.get("BLOCKLIST_TABLE_NAME", cls.blocklist_table_name),
            scan_queue_url=env.get("SCAN_QUEUE_URL", ""),
            evidence_bucket=env.get("EVIDENCE_BUCKET", ""),
            blocklist_bucket=env.get("BLOCKLIST_BUCKET", ""),
            public_base_url=env.get("PUBLIC_BASE_URL", "").rstrip("/"),
            stage=env.get("STAGE", "dev"),
            rescan_window_seconds=_int(env, "RESCAN_WINDOW_SECONDS", cls.rescan_window_seconds),
            lookup_filter_ttl_seconds=_float(env, "LOOKUP_FILTER_TTL_SECONDS", cls.lookup_filter_ttl_seconds),
            fetch=FetchSettings.from_env(env),
            analysis=AnalysisSettings.from_env(env),
            detection=DetectionSettings.from_env(env),
        )
