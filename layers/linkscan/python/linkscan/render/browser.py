"""Render one page in headless Chromium, every request through the filtering proxy, within a budget.

``render_page`` starts a fresh browser (a new profile directory, no cache, no cookies), loads the URL
as the fetch profile's visitor would, waits for the network to go quiet, and returns the DOM, the
document hops, every request and what the proxy refused, and a screenshot. Time is bounded by a
deadline (the browser is killed when it passes) and memory by a watchdog that sums the resident
memory of the browser's processes and kills them over the budget.
"""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import signal
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from linkscan.fetch.destination import Resolver
from linkscan.fetch.profiles import FetchProfile, load_profiles
from linkscan.models import Hop
from linkscan.render.cdp import CdpError, CdpPipe, Event
from linkscan.render.proxy import FilteringProxy, ProxyLog
from linkscan.settings import FetchSettings, RenderSettings

# Where a Chromium may be after the setting (LINKSCAN_CHROMIUM; the RenderFunction's unpacked one): Debian's.
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
_MAX_REQUESTS = 300
_POLL = 0.1


class RenderUnavailable(RuntimeError):
    """No Chromium could be started (none installed, or it died at once)."""


@dataclass
class RenderedPage:
    """What the browser showed. ``limit`` names the budget that cut the render short, if any."""

    requested_url: str
    final_url: str | None = None
    status: int | None = None
    html: str = ""
    hops: list[Hop] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    refused: list[dict[str, str]] = field(default_factory=list)
    screenshot: bytes | None = None
    error: str | None = None  # the navigation's network error (net::ERR_...), if the page never loaded
    limit: str | None = None  # "time" or "memory"
    elapsed_ms: int = 0
    profile: str | None = None

    @property
    def refused_document(self) -> str | None:
        """Why the page itself (or a hop of its redirect chain) was refused by the destination rules, if it was."""
        if self.error is None:
            return None
        documents = {_authority_of(url) for url in (self.requested_url, *(hop.url for hop in self.hops))}
        for item in self.refused:
            if _authority_of(item["target"]) in documents:
                return item["reason"]
        return None


def find_chromium(settings: RenderSettings) -> str:
    for candidate in (settings.chromium_path, *CHROMIUM_CANDIDATES):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    raise RenderUnavailable("no Chromium found (set LINKSCAN_CHROMIUM)")


def render_page(
    url: str,
    fetch_settings: FetchSettings,
    settings: RenderSettings,
    *,
    profile: str | None = None,
    html: str | None = None,
    resolver: Resolver | None = None,
) -> RenderedPage:
    """Render ``url`` (or, with ``html``, that document placed at about:blank: tests) and collect it.

    Raises RenderUnavailable only when no browser starts; everything else ends in the result."""
    from linkscan.fetch.destination import DestinationRefused
    from linkscan.fetch.fetcher import FetchFailure, egress_route

    chosen = load_profiles().get(profile or fetch_settings.profile)
    started = time.monotonic()
    page = RenderedPage(requested_url=url, profile=chosen.name)
    try:
        egress = egress_route(fetch_settings, chosen.name, resolver)
    except (DestinationRefused, FetchFailure) as exc:  # the egress proxy itself may not be used: no browser
        page.error = f"egress proxy: {exc}"
        page.refused = [{"target": url, "reason": page.error}]
        return page
    proxy = FilteringProxy(fetch_settings, deadline=settings.deadline, egress=egress, resolver=resolver)
    browser: _Browser | None = None
    try:
        browser = _Browser.launch(find_chromium(settings), proxy.address, settings)
        _Session(browser, page, chosen, settings, started).run(url, html)
    finally:
        if browser is not None:
            browser.stop()
            if browser.killed_for_memory and page.limit is None:
                page.limit = "memory"
        proxy.close()
        page.refused = _page_refusals(proxy.log, page)
        page.elapsed_ms = int((time.monotonic() - started) * 1000)
    return page


def _page_refusals(log: ProxyLog, page: RenderedPage) -> list[dict[str, str]]:
    """The proxy's refusals of the page's own requests (not the browser's housekeeping)."""
    asked = {_authority_of(page.requested_url), *(_authority_of(item["url"]) for item in page.requests)}
    with log.lock:
        return [item for item in log.refused if _authority_of(item["target"]) in asked]


def _authority_of(url: str) -> str:
    """host:port of a URL or of a CONNECT target, default ports written out."""
    scheme, _, rest = url.rpartition("://")
    authority = rest.split("/", 1)[0].split("?", 1)[0].lower()
    if authority.rpartition(":")[2].isdigit() and not authority.endswith("]"):
        return authority
    return f"{authority}:{443 if scheme == 'https' else 80}"


class _Browser:
    """A Chromium process group, its CDP pipe and the memory watchdog."""

    def __init__(self, pid: int, pipe: CdpPipe, profile_dir: str, settings: RenderSettings) -> None:
        self.pid = pid
        self.pipe = pipe
        self.profile_dir = profile_dir
        self.killed_for_memory = False
        self._done = threading.Event()
        self._max_rss_kb = settings.max_memory_mb * 1024
        threading.Thread(target=self._watch_memory, name="render-memory", daemon=True).start()

    @classmethod
    def launch(cls, executable: str, proxy: str, settings: RenderSettings) -> _Browser:
        profile_dir = tempfile.mkdtemp(prefix="linkscan-chromium-")
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        args = [
            executable,
            "--headless=new",
            "--remote-debugging-pipe",
            "--no-sandbox",  # Lambda and CI run as root or without user namespaces
            f"--user-data-dir={profile_dir}",
            f"--proxy-server=http://{proxy}",
            "--proxy-bypass-list=<-loopback>",  # loopback too goes through the proxy
            "--disable-quic",  # QUIC (UDP) would not go through an HTTP proxy
            "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
            "--webrtc-ip-handling-policy=disable_non_proxied_udp",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-domain-reliability",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            # The browser's own traffic (updates, time, sign-in, safe browsing) is not the page's: off.
            "--disable-features=DnsOverHttps,PrefetchProxy,OptimizationHints,OptimizationGuideModelDownloading,"
            "MediaRouter,Translate,NetworkTimeServiceQuerying,AutofillServerCommunication,"
            "CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions",
            "--disable-client-side-phishing-detection",
            "--safebrowsing-disable-auto-update",
            "--disable-breakpad",
            "--metrics-recording-only",
            "--no-pings",
            "--google-base-url=http://invalid.invalid",
            "--dns-prefetch-disable",
            "--no-first-run",
            "--no-default-browser-check",
            "--no-zygote",
            "--disable-dev-shm-usage",  # Lambda's /dev/shm is tiny
            "--disable-gpu",
            "--mute-audio",
            "--hide-scrollbars",
            f"--js-flags=--max-old-space-size={max(32, settings.max_memory_mb // 4)}",
            f"--window-size={settings.viewport_width},{settings.viewport_height}",
            "about:blank",
        ]
        devnull = os.open(os.devnull, os.O_RDWR)
        try:
            pid = os.posix_spawn(
                executable,
                args,
                {**_browser_env(), "HOME": profile_dir},
                file_actions=[
                    (os.POSIX_SPAWN_DUP2, devnull, 0),
                    (os.POSIX_SPAWN_DUP2, devnull, 1),
                    (os.POSIX_SPAWN_DUP2, devnull, 2),
                    (os.POSIX_SPAWN_DUP2, to_browser_r, 3),
                    (os.POSIX_SPAWN_DUP2, from_browser_w, 4),
                ],
                setsid=True,  # its own process group, killed as one
            )
        except OSError as exc:
            for fd in (to_browser_r, to_browser_w, from_browser_r, from_browser_w):
                os.close(fd)
            shutil.rmtree(profile_dir, ignore_errors=True)
            raise RenderUnavailable(f"cannot start {executable}: {exc}") from exc
        finally:
            os.close(devnull)
        os.close(to_browser_r)
        os.close(from_browser_w)
        return cls(
            pid, CdpPipe(to_browser_w, from_browser_r, settings.max_dom_bytes * 4 + (8 << 20)), profile_dir, settings
        )

    def _watch_memory(self) -> None:
        while not self._done.wait(0.2):
            if _group_rss_kb(self.pid) > self._max_rss_kb:
                self.killed_for_memory = True
                self._kill()
                return

    def _kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)

    def stop(self) -> None:
        self._done.set()
        self._kill()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        self.pipe.close()
        shutil.rmtree(self.profile_dir, ignore_errors=True)


def _browser_env() -> dict[str, str]:
    keep = ("PATH", "LANG", "LD_LIBRARY_PATH", "FONTCONFIG_PATH", "FONTCONFIG_FILE", "TZ")
    # No *_proxy variables: the only way out is the filtering proxy on the command line.
    return {name: os.environ[name] for name in keep if name in os.environ}


def _group_rss_kb(group: int) -> int:
    """Private resident memory (RssAnon: heaps, not shared libraries) of the processes of ``group``."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            if int(fields[2]) != group:  # the process group, field 5 of stat (after pid and command)
                continue
            with open(f"/proc/{entry}/status", "rb") as status:
                for line in status:
                    if line.startswith(b"RssAnon:"):
                        total += int(line.split()[1])
                        break
        except (OSError, IndexError, ValueError):
            continue
    return total


class _Session:
    """One page in the browser: the CDP calls and the events that make up a RenderedPage."""

    def __init__(
        self, browser: _Browser, page: RenderedPage, profile: FetchProfile, settings: RenderSettings, started: float
    ) -> None:
        self.browser = browser
        self.page = page
        self.profile = profile
        self.settings = settings
        self.deadline = started + settings.deadline
        self.session: str | None = None
        self.main_frame: str | None = None
        self.inflight: set[str] = set()
        self.last_activity = time.monotonic()
        self.loaded = threading.Event()
        self.lock = threading.Lock()
        self.document_statuses: dict[str, int] = {}
        self.document_requests: set[str] = set()
        self.loader: str | None = None  # the current main document's loader id

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def call(self, method: str, params: dict[str, Any] | None = None, *, timeout: float = 5.0) -> dict[str, Any]:
        return self.browser.pipe.send(
            method, params, session=self.session, timeout=max(0.1, min(timeout, self.remaining()))
        )

    def run(self, url: str, html: str | None) -> None:
        try:
            self._open()
            self._navigate(url, html)
            self._settle()
            self._collect()
        except CdpError as exc:
            if self.remaining() <= 0.2 or self.browser.killed_for_memory:
                self.page.limit = "memory" if self.browser.killed_for_memory else "time"
            elif self.page.error is None:
                self.page.error = str(exc)

    def _open(self) -> None:
        pipe = self.browser.pipe
        pipe.on_event(self._event)
        target = pipe.send("Target.createTarget", {"url": "about:blank"}, timeout=min(10.0, self.remaining()))
        attached = pipe.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, timeout=self.remaining()
        )
        self.session = attached["sessionId"]
        headers = dict(self.profile.headers)
        user_agent = headers.pop("User-Agent")
        language = headers.pop("Accept-Language", "zh-CN,zh;q=0.9")
        for managed in ("Accept", "Accept-Encoding"):  # the browser sends its own, per request type
            headers.pop(managed, None)
        self.call("Network.enable", {"maxTotalBufferSize": 0, "maxResourceBufferSize": 0})
        self.call("Page.enable")
        self.call("Network.setUserAgentOverride", {"userAgent": user_agent, "acceptLanguage": language})
        if headers:
            self.call("Network.setExtraHTTPHeaders", {"headers": headers})
        mobile = "Mobile" in user_agent
        width, height = self.settings.viewport_width, self.settings.viewport_height
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )
        self.call("Network.setCacheDisabled", {"cacheDisabled": True})

    def _navigate(self, url: str, html: str | None) -> None:
        # Known before navigating: the document's request event arrives before Page.navigate's answer.
        self.main_frame = self.call("Page.getFrameTree")["frameTree"]["frame"]["id"]
        if html is not None:
            self.call("Page.setDocumentContent", {"frameId": self.main_frame, "html": html})
            self.loaded.set()
            return
        answer = self.call("Page.navigate", {"url": url}, timeout=self.remaining())
        if answer.get("errorText"):
            self.page.error = answer["errorText"]

    def _settle(self) -> None:
        """Wait for the load event, then for the network to stay quiet for ``settle_seconds``."""
        quiet = self.settings.settle_seconds
        while self.remaining() > 0.5:
            if self.browser.killed_for_memory:
                raise CdpError("browser killed over its memory budget")
            with self.lock:
                idle = not self.inflight and time.monotonic() - self.last_activity >= quiet
            if self.loaded.is_set() and idle:
                return
            time.sleep(_POLL)
        self.page.limit = "time"

    def _collect(self) -> None:
        if self.page.error is not None and not self.document_statuses:
            return  # the page never loaded: what the browser shows is its own error page
        limit = self.settings.max_dom_bytes
        dom = f"document.documentElement ? document.documentElement.outerHTML.slice(0, {limit}) : ''"
        evaluated = self.call("Runtime.evaluate", {"expression": f"[location.href, {dom}]", "returnByValue": True})
        href, html = evaluated.get("result", {}).get("value") or ["", ""]
        if href.startswith("chrome-error:"):
            return  # the browser's own error page (a refused or failed navigation), not the site's
        if href.startswith(("http://", "https://")):
            self.page.final_url = href
        self.page.html = html
        for hop in self.page.hops:
            hop.status = hop.status or self.document_statuses.get(hop.url)
        if self.page.final_url:
            self.page.status = self.document_statuses.get(self.page.final_url)
        shot = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False}, timeout=5.0)
        if shot.get("data"):
            self.page.screenshot = base64.b64decode(shot["data"])

    # -- events (reader thread) -----------------------------------------------------------------

    def _event(self, message: Event) -> None:
        if message.get("sessionId") != self.session:
            return
        method, params = message.get("method"), message.get("params", {})
        with self.lock:
            self.last_activity = time.monotonic()
            if method == "Network.requestWillBeSent":
                self._request(params)
            elif method in ("Network.loadingFinished", "Network.loadingFailed"):
                self.inflight.discard(params.get("requestId", ""))
                if method == "Network.loadingFailed" and params.get("requestId") in self.document_requests:
                    self._document_failed(params)
            elif method == "Network.responseReceived" and params.get("type") == "Document":
                response = params.get("response", {})
                self.document_statuses[response.get("url", "")] = int(response.get("status", 0)) or 0
            elif method == "Page.loadEventFired":
                self.loaded.set()

    def _request(self, params: dict[str, Any]) -> None:
        request = params.get("request", {})
        url = str(request.get("url", ""))
        # The page is settled when its current document's requests are done: not data: or blob: URLs, not
        # the favicon (the browser's, loaded late), nor a replaced document's leftovers (they may never end).
        counts = not url.startswith(("data:", "blob:")) and not url.endswith("/favicon.ico")
        if counts and params.get("loaderId") == self.loader:
            self.inflight.add(params.get("requestId", ""))
        if len(self.page.requests) < _MAX_REQUESTS:
            shown = f"{url[:40]}… ({len(url)} characters)" if url.startswith("data:") else url[:500]
            self.page.requests.append(
                {"url": shown, "method": request.get("method", "GET"), "type": params.get("type", "Other")}
            )
        is_main_document = params.get("type") == "Document" and params.get("frameId") == self.main_frame
        if not is_main_document:
            return
        # A new document: requests of the one it replaces may never report their end.
        self.loader = params.get("loaderId")
        self.inflight = {params.get("requestId", "")}
        self.loaded.clear()
        self.document_requests.add(params.get("requestId", ""))
        redirect = params.get("redirectResponse")
        if redirect is not None:
            if self.page.hops:
                self.page.hops[-1].status = int(redirect.get("status", 0)) or None
            self.page.hops.append(Hop(url=url, kind="http"))
        elif not self.page.hops:
            self.page.hops.append(Hop(url=url, kind="http"))
        else:
            initiator = params.get("initiator", {}).get("type")
            self.page.hops.append(Hop(url=url, kind="javascript" if initiator == "script" else "meta_refresh"))
        self.page.final_url = url

    def _document_failed(self, params: dict[str, Any]) -> None:
        if not params.get("canceled"):
            self.page.error = self.page.error or str(params.get("errorText", "failed"))
