"""Browser fixtures: one Debian Chromium and one context per session, the built sites served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nmm_site.site_config import load
from nmm_site.sitecheck.browser import CLS_OBSERVER, NetworkLog, attach, chromium_problem, in_ci, launch
from nmm_site.sitecheck.server import ServedSite, serve

SITE = load()
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "device_scale_factor": 1}
# A 390×844 phone at DPR 2: the same DPR as the desktop-retina context below, so a difference in the
# image widths fetched comes from the layout (the `sizes` attribute), not from pixel density.
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
RETINA_DESKTOP = {"viewport": {"width": 1440, "height": 900}, "device_scale_factor": 2}
# Material remembers the last palette in localStorage and then ignores prefers-color-scheme: forget it
# before each page so that emulating light or dark really applies.
FRESH_PALETTE = """
try {
  for (const key of Object.keys(localStorage)) if (key.endsWith('__palette')) localStorage.removeItem(key);
} catch (e) {}
"""


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[object]:
    problem = chromium_problem()
    if problem:
        # In CI a missing browser is a broken setup, never a silent skip.
        if in_ci():
            pytest.fail(problem)
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    chromium = launch(playwright_instance)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def site(built_site: Path) -> Iterator[ServedSite]:
    with serve(built_site) as served:
        yield served


@pytest.fixture(scope="session")
def fixture_server(fixture_site: Path) -> Iterator[ServedSite]:
    with serve(fixture_site) as served:
        yield served


class Session:
    """A browser context with its network log; `page()` opens a fresh tab with a clean log."""

    def __init__(self, browser, **options) -> None:
        self.context = browser.new_context(locale="vi-VN", **options)
        self.context.add_init_script(CLS_OBSERVER)
        self.context.add_init_script(FRESH_PALETTE)
        self.context.set_default_timeout(15_000)
        self.log = attach(self.context, NetworkLog())

    def page(self):
        self.log.clear()
        self.log.expected_404.clear()
        for old in self.context.pages:
            old.close()
        return self.context.new_page()

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="session")
def desktop(browser) -> Iterator[Session]:
    session = Session(browser, **DESKTOP)
    yield session
    session.close()


@pytest.fixture
def page(desktop: Session):
    """A fresh tab in the shared desktop context; the test reads `desktop.log`."""
    tab = desktop.page()
    yield tab
    tab.close()


@pytest.fixture
def make_session(browser) -> Iterator:
    """A new context with other options (phone viewport, DPR), closed after the test."""
    sessions: list[Session] = []

    def make(**options) -> Session:
        session = Session(browser, **options)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.close()
