"""Where the external checkers live and how they are run (one frozen config for every site check)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nmm_site.site_config import ROOT


@dataclass(frozen=True)
class SiteCheckConfig:
    # Browser
    # Debian's Chromium (installed by `make system-deps`); Playwright's own download never runs here.
    chromium: Path = Path("/usr/bin/chromium")
    # Without the background-networking flags Chromium calls Google hosts at start-up and logs failures.
    chromium_args: tuple[str, ...] = (
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    )

    # Node and Java tools, pinned in package-lock.json
    vnu_jar: Path = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    axe_js: Path = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    lighthouse: Path = ROOT / "node_modules" / ".bin" / "lighthouse"

    # Accessibility: the WCAG 2.2 AA rule set, no rule excluded.
    axe_tags: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

    # HTML validity: stock Material puts autocomplete="off" on its two checkbox toggles (drawer and
    # search) on every page. Only this exact message on those two exact elements is ignored.
    vnu_ignored_message: str = (
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
        "“tel”, “text”, “time”, “url”, or “week”."
    )
    vnu_ignored_elements: tuple[str, ...] = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
    )


SYSTEM_DEPS_HINT = "run `make system-deps` (Debian's Chromium, fonts, Java and the pinned Node tools)"
