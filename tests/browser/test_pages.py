"""Every page of every language loads with no console error, no failed request and no other host."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from scripts.sitecheck.pages import by_language
from tests.browser.conftest import SITE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", SITE.codes)
def test_every_page_loads_cleanly(built_site: Path, site, desktop, lang: str) -> None:
    paths = by_language(built_site, SITE.codes, SITE.default_language)[lang]
    assert paths, f"no page built for {lang}"
    problems: list[str] = []
    tab = desktop.page()
    for path in paths:
        desktop.log.clear()
        response = tab.goto(site.url + path, wait_until="load")
        assert response is not None
        if response.status != 200:
            problems.append(f"/{path}: HTTP {response.status}")
        # Material's search worker fetches the index after `load`: wait for it so its failures count
        # too (cheaper than waiting for network idle on every page).
        if tab.locator("form[name='search']").count() and not any(
            "search_index.json" in r.url for r in desktop.log.responses
        ):
            try:
                tab.wait_for_event("response", lambda r: "search_index.json" in r.url, timeout=10_000)
            except PlaywrightTimeout:
                problems.append(f"/{path}: the search index was never requested")
        problems += [f"/{path}: {p}" for p in desktop.log.problems()]
        actual_lang = tab.evaluate("document.documentElement.lang")
        # Pages under /_editors/ are internal tools written in English for the editors.
        if actual_lang != lang and not path.startswith("_"):
            problems.append(f"/{path}: <html lang={actual_lang!r}>, expected {lang!r}")
    tab.close()
    assert not problems, "\n".join(problems[:80])


def test_a_request_to_another_host_is_caught(fixture_server, desktop) -> None:
    tab = desktop.page()
    tab.goto(fixture_server.url, wait_until="load")
    tab.evaluate(
        "() => { const i = new Image(); i.src = 'https://fonts.example.com/x.png'; document.body.append(i); }"
    )
    tab.wait_for_timeout(300)
    assert desktop.log.foreign == ["https://fonts.example.com/x.png"]
    tab.close()
