"""Playwright helpers shared by the browser tests and the budgets benchmark: launch, network log, CLS."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from nmm_site.sitecheck.config import SYSTEM_DEPS_HINT, SiteCheckConfig

LOCAL_HOSTS = ("127.0.0.1", "localhost")

# Sums layout shifts not caused by input, remembering which elements moved (read back by `cls()`).
CLS_OBSERVER = """
window.__nmmShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    const nodes = (entry.sources || []).map((s) => s.node).filter(Boolean);
    window.__nmmShifts.push({
      value: entry.value,
      inMain: nodes.some((n) => n.closest && n.closest('main, .md-content')),
      nodes: nodes.map((n) => (n.outerHTML || n.nodeName || '').slice(0, 120)),
    });
  }
}).observe({type: 'layout-shift', buffered: true});
"""


def chromium_problem(config: SiteCheckConfig | None = None) -> str | None:
    """Why the browser tests cannot run here, or None."""
    config = config or SiteCheckConfig()
    if not config.chromium.exists():
        return f"Chromium is not installed at {config.chromium}: {SYSTEM_DEPS_HINT}"
    return None


def launch(playwright, config: SiteCheckConfig | None = None, **kwargs):
    """Debian's Chromium, headless, with no call home (never Playwright's downloaded browsers)."""
    config = config or SiteCheckConfig()
    problem = chromium_problem(config)
    if problem:
        raise RuntimeError(problem)
    return playwright.chromium.launch(
        executable_path=str(config.chromium), args=list(config.chromium_args), headless=True, **kwargs
    )


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS


@dataclass
class NetworkLog:
    """What a browser context asked for: foreign requests (aborted), failures, console errors."""

    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    responses: list = field(default_factory=list)  # playwright Response objects, in order
    expected_404: set[str] = field(default_factory=set)  # navigations that must answer 404

    def clear(self) -> None:
        self.foreign.clear()
        self.failed.clear()
        self.console_errors.clear()
        self.responses.clear()

    def problems(self) -> list[str]:
        return (
            [f"request to another host: {u}" for u in self.foreign]
            + [f"failed request: {u}" for u in self.failed]
            + [f"console error: {m}" for m in self.console_errors]
        )


def attach(context, log: NetworkLog) -> NetworkLog:
    """Abort and record every request to another host; record failures and console errors."""

    def route(route) -> None:
        if is_local(route.request.url):
            route.fallback()
        else:
            log.foreign.append(route.request.url)
            route.abort("blockedbyclient")

    def on_response(response) -> None:
        log.responses.append(response)
        if response.status >= 400 and response.url not in log.expected_404:
            log.failed.append(f"{response.status} {response.url}")

    def on_failed(request) -> None:
        # ERR_ABORTED is the browser cancelling a late request (a favicon) because the test navigated on;
        # a missing file shows up as a response >= 400 above.
        if is_local(request.url) and request.failure != "net::ERR_ABORTED":
            log.failed.append(f"{request.failure} {request.url}")

    def on_console(message) -> None:
        if message.type == "error":
            text = message.text
            # The browser's own line for an expected 404 navigation is not a page error.
            if log.expected_404 and "404 (Not Found)" in text:
                return
            log.console_errors.append(f"{text} ({message.location.get('url', '')})")

    context.route("**/*", route)
    context.on("response", on_response)
    context.on("requestfailed", on_failed)
    context.on("console", on_console)
    context.on("weberror", lambda error: log.console_errors.append(f"uncaught: {error.error}"))
    return log


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def transfer_bytes(responses) -> tuple[int, list[tuple[str, int]]]:
    """Bytes on the wire (headers + body as served, compressed if it was) for finished responses."""
    rows = []
    for response in responses:
        try:
            sizes = response.request.sizes()
        except Exception:  # noqa: BLE001 - a response without timing data (e.g. aborted) weighs nothing
            continue
        rows.append((response.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))
    return sum(n for _, n in rows), rows
