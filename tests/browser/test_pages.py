"""Every page of every language loads with no console error, no failed request and no other host."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from nmm_site.sitecheck.pages import by_language
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
        # The search index waits until the visitor opens the search (nmm_site/compat.py).
        if any("search_index.json" in r.url for r in desktop.log.responses):
            problems.append(f"/{path}: the search index was downloaded before anyone searched")
        problems += [f"/{path}: {p}" for p in desktop.log.problems()]
        actual_lang = tab.evaluate("document.documentElement.lang")
        # Pages under /_editors/ are internal tools written in English for the editors.
        if actual_lang != lang and not path.startswith("_"):
            problems.append(f"/{path}: <html lang={actual_lang!r}>, expected {lang!r}")
    # Once per language: opening the search downloads this language's index, which loads cleanly.
    desktop.log.clear()
    home = SITE.lang_prefix(lang)
    tab.goto(site.url + home, wait_until="load")
    try:
        with tab.expect_response(lambda r: "search_index.json" in r.url, timeout=10_000) as index:
            tab.locator("input[data-md-component='search-query']").focus()
        if not index.value.ok:
            problems.append(f"{index.value.url}: HTTP {index.value.status}")
    except PlaywrightTimeout:
        problems.append(f"/{paths[0]}: focusing the search box never requested the search index")
    problems += [f"/{paths[0]} (search opened): {p}" for p in desktop.log.problems()]
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
