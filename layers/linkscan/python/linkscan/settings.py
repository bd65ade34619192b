"""Configuration, read once from environment variables into typed settings objects.

Logic receives these objects as arguments and never reads ``os.environ`` itself.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar


class ConfigurationError(RuntimeError):
    """A function's environment lacks or garbles a variable: raised at cold start, naming the variable."""


_N = TypeVar("_N", int, float)


def _number(env: Mapping[str, str], name: str, default: _N, kind: type[_N], what: str) -> _N:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        return kind(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be {what}, not {raw!r}") from None


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    return _number(env, name, default, int, "an integer")


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    return _number(env, name, default, float, "a number")


def _bool(env: Mapping[str, str], name: str, default: bool = False) -> bool:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _csv(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in env.get(name, "").split(",") if part.strip())


def _pair(part: str, name: str) -> tuple[str, str]:
    key, sep, value = part.partition("=")
    if not sep or not key.strip() or not value.strip():
        raise ConfigurationError(f"{name} entries must be profile=url, not {part!r}")
    return key.strip(), value.strip()


@dataclass(frozen=True)
class FetchSettings:
    """Bounds and destination policy of the safe fetcher."""

    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    deadline: float = 25.0  # whole scan, every hop included
    max_bytes: int = 2 * 1024 * 1024  # read from the wire and after decompression alike
    max_redirects: int = 8  # HTTP and client-side hops together
    extra_ports: tuple[int, ...] = ()  # allowed besides 80 and 443
    # Local-only: lets tests and the local stack reach loopback servers, on any port (a test server's port is
    # random). Private, link-local and metadata addresses stay refused. Never set in a deployment.
    allow_loopback: bool = False
    # Who the fetcher presents itself as: a profile in fetch/profiles.yaml (None: that file's default,
    # the audience's in-app browser). Never a scanner banner; see docs/fetching.md.
    profile: str | None = None
    # Egress proxies by profile name ("*": every profile without its own), as http://[user:pass@]host:port.
    proxies: tuple[tuple[str, str], ...] = ()
    # A proxy at a private address (one in the deployment's VPC) is refused unless this is set.
    allow_private_proxy: bool = False

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
            profile=env.get("LINKSCAN_FETCH_PROFILE") or None,
            proxies=tuple(_pair(part, "LINKSCAN_FETCH_PROXIES") for part in _csv(env, "LINKSCAN_FETCH_PROXIES")),
            allow_private_proxy=_bool(env, "LINKSCAN_FETCH_ALLOW_PRIVATE_PROXY"),
        )

    def proxy_for(self, profile: str) -> str | None:
        by_name = dict(self.proxies)
        return by_name.get(profile) or by_name.get("*")


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


RENDER_MODES = ("off", "local", "lambda")


@dataclass(frozen=True)
class RenderSettings:
    """The render step (headless Chromium) and the image step (QR codes, OCR); see docs/fetching.md."""

    # "off": never render; "local": drive a Chromium in this process (CLI, local stack, tests);
    # "lambda": invoke the RenderFunction named by function_name (the scan function in a deployment).
    mode: str = "off"
    function_name: str = ""
    chromium_path: str | None = None
    deadline: float = 15.0  # one render, browser start to screenshot
    settle_seconds: float = 0.8  # the network quiet this long after the load event counts as done
    max_memory_mb: int = 1024  # resident memory of all the browser's processes together
    max_dom_bytes: int = 2 * 1024 * 1024
    viewport_width: int = 390
    viewport_height: int = 844
    max_images: int = 8  # images fetched and inspected per page
    max_image_bytes: int = 2 * 1024 * 1024
    max_image_pixels: int = 16_000_000  # more is refused as a decompression bomb, before decoding
    ocr_min_pixels: int = 20_000  # smaller images (icons) are not read
    ocr_budget_seconds: float = 8.0  # OCR of one page's images together
    qr_budget_seconds: float = 2.0  # QR decoding of one page's images together
    # Empty: OCR runs in this process. Set (the RenderFunction in a deployment): each image is read by
    # the OcrFunction of that name, whose layer holds the OCR engine that the render layer has no room for.
    ocr_function_name: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> RenderSettings:
        env = os.environ if env is None else env
        mode = (env.get("LINKSCAN_RENDER") or cls.mode).strip().lower()
        if mode not in RENDER_MODES:
            raise ConfigurationError(f"LINKSCAN_RENDER must be one of {', '.join(RENDER_MODES)}, not {mode!r}")
        return cls(
            mode=mode,
            function_name=env.get("RENDER_FUNCTION_NAME", "").strip(),
            chromium_path=env.get("LINKSCAN_CHROMIUM") or None,
            deadline=_float(env, "LINKSCAN_RENDER_DEADLINE", cls.deadline),
            max_memory_mb=_int(env, "LINKSCAN_RENDER_MAX_MEMORY_MB", cls.max_memory_mb),
            max_images=_int(env, "LINKSCAN_IMAGES_MAX", cls.max_images),
            max_image_bytes=_int(env, "LINKSCAN_IMAGE_MAX_BYTES", cls.max_image_bytes),
            max_image_pixels=_int(env, "LINKSCAN_IMAGE_MAX_PIXELS", cls.max_image_pixels),
            ocr_budget_seconds=_float(env, "LINKSCAN_OCR_BUDGET_SECONDS", cls.ocr_budget_seconds),
            qr_budget_seconds=_float(env, "LINKSCAN_QR_BUDGET_SECONDS", cls.qr_budget_seconds),
            ocr_function_name=env.get("OCR_FUNCTION_NAME", "").strip(),
        )


@dataclass(frozen=True)
class DetectionSettings:
    """Score bands, the jurisdiction profile and the optional deployment rule pack / allowlist."""

    review_threshold: float = 0.45
    block_threshold: float = 0.75
    override_pack: str | None = None  # path to an extra YAML rule pack
    allowlist_path: str | None = None  # path to an extra domain allowlist
    offer_model_path: str | None = None  # another offer model file (experiments, leave-one-source-out)
    # which offers are legal where the platform operates: a profile in policy/jurisdictions/
    jurisdiction: str = "cn"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> DetectionSettings:
        env = os.environ if env is None else env
        return cls(
            review_threshold=_float(env, "LINKSCAN_REVIEW_THRESHOLD", cls.review_threshold),
            block_threshold=_float(env, "LINKSCAN_BLOCK_THRESHOLD", cls.block_threshold),
            override_pack=env.get("LINKSCAN_RULES_OVERRIDE") or None,
            allowlist_path=env.get("LINKSCAN_ALLOWLIST") or None,
            offer_model_path=env.get("LINKSCAN_OFFER_MODEL") or None,
            jurisdiction=env.get("LINKSCAN_JURISDICTION") or cls.jurisdiction,
        )


# Each resource setting and the variable the template sets it from.
_S = TypeVar("_S")


def require_set(settings: _S, names: Sequence[str]) -> _S:
    """``settings``, after checking that each named setting is set; raises ConfigurationError naming the
    environment variable (the setting's name in capitals) of each one that is not."""
    missing = [name.upper() for name in names if not getattr(settings, name)]
    if missing:
        raise ConfigurationError(f"missing configuration: {', '.join(missing)} not set in the function's environment")
    return settings


# Globals give these to every function; without them no function can do anything useful.
_ALWAYS_REQUIRED = ("table_name", "blocklist_table_name")


@dataclass(frozen=True)
class ServiceSettings:
    """Names of the deployed resources, as the template passes them to every function.

    There are no default resource names: a function whose template entry lost a variable would
    otherwise write to a table or queue that does not exist, and fail only on its first request.
    """

    table_name: str = ""
    blocklist_table_name: str = ""
    scan_queue_url: str = ""
    scan_dead_letter_queue_url: str = ""  # only the dead-letter redrive reads it
    evidence_bucket: str = ""
    blocklist_bucket: str = ""
    public_base_url: str = ""  # where the API is reachable, for status and appeal links
    rescan_window_seconds: int = 24 * 3600
    # The scan queue's maxReceiveCount: on this delivery a failing scan is recorded, not dead-lettered.
    scan_max_receives: int = 4
    # How long the lookup function trusts its in-memory hash prefixes before re-checking the manifest.
    lookup_filter_ttl_seconds: float = 30.0
    fetch: FetchSettings = field(default_factory=FetchSettings)
    analysis: AnalysisSettings = field(default_factory=AnalysisSettings)
    render: RenderSettings = field(default_factory=RenderSettings)
    detection: DetectionSettings = field(default_factory=DetectionSettings)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ServiceSettings:
        """Read the environment; raises ConfigurationError naming any missing table variable."""
        env = os.environ if env is None else env
        settings = cls(
            table_name=env.get("TABLE_NAME", "").strip(),
            blocklist_table_name=env.get("BLOCKLIST_TABLE_NAME", "").strip(),
            scan_queue_url=env.get("SCAN_QUEUE_URL", "").strip(),
            scan_dead_letter_queue_url=env.get("SCAN_DEAD_LETTER_QUEUE_URL", "").strip(),
            evidence_bucket=env.get("EVIDENCE_BUCKET", "").strip(),
            blocklist_bucket=env.get("BLOCKLIST_BUCKET", "").strip(),
            public_base_url=env.get("PUBLIC_BASE_URL", "").rstrip("/"),
            rescan_window_seconds=_int(env, "RESCAN_WINDOW_SECONDS", cls.rescan_window_seconds),
            scan_max_receives=_int(env, "SCAN_MAX_RECEIVES", cls.scan_max_receives),
            lookup_filter_ttl_seconds=_float(env, "LOOKUP_FILTER_TTL_SECONDS", cls.lookup_filter_ttl_seconds),
            fetch=FetchSettings.from_env(env),
            analysis=AnalysisSettings.from_env(env),
            render=RenderSettings.from_env(env),
            detection=DetectionSettings.from_env(env),
        )
        return settings.require(*_ALWAYS_REQUIRED)

    def require(self, *names: str) -> ServiceSettings:
        """These settings, after checking that each named resource setting is set (call it at cold start)."""
        return require_set(self, names)
