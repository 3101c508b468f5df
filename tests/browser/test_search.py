"""Diacritic-insensitive search in each language, typed into Material's search box."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import SITE

pytestmark = pytest.mark.browser


def search(page, query: str) -> list[str]:
    """Open the search with the "/" shortcut, type `query`, return the result links (page paths)."""
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("/")
    box = page.locator("input[data-md-component='search-query']")
    assert box.evaluate("el => el === document.activeElement"), "“/” did not focus the search box"
    box.fill("")
    page.keyboard.type(query, delay=20)
    page.wait_for_function(
        "document.querySelectorAll('.md-search-result__item').length > 0 || "
        "(document.querySelector('.md-search-result__meta')?.textContent || '').match(/\\d|No |Aucun|Không/)",
        timeout=10_000,
    )
    # The worker answers each keystroke's query in turn: on a busy machine the first results shown can be
    # a shorter query's ("ruong bac t"). The answer is the list once it stops changing.
    paths = _result_paths(page)
    for _ in range(25):
        page.wait_for_timeout(400)
        latest = _result_paths(page)
        if latest == paths:
            break
        paths = latest
    return list(dict.fromkeys(paths))  # a page and its sections share a path: keep the page's rank


def _result_paths(page) -> list[str]:
    return page.evaluate(
        "[...document.querySelectorAll('.md-search-result__item > a.md-search-result__link')]"
        ".map(a => new URL(a.href).pathname)"
    )


@pytest.fixture
def home(site, page, desktop):
    def open_home(lang: str):
        page.goto(site.url + SITE.lang_prefix(lang))
        return page

    return open_home


@pytest.mark.parametrize("query", ["ha giang", "Hà Giang", "HÀ GIANG", "Ha Giang"])
def test_case_and_diacritics_do_not_matter(home, query: str) -> None:
    results = search(home("vi"), query)
    assert results and results[0] == "/provinces/ha-giang/", (query, results)


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("vi", "ruong bac thang", "/heritage/mu-cang-chai-terraces/"),
        ("vi", "ruộng bậc thang", "/heritage/mu-cang-chai-terraces/"),
        ("vi", "Yên Bái", "/provinces/lao-cai/"),
        ("vi", "yen bai", "/provinces/lao-cai/"),
        ("vi", "Bac Can", "/provinces/bac-kan/"),
        ("en", "dien bien phu", "/en/heritage/dien-bien-phu/"),
        ("fr", "dien bien phu", "/fr/heritage/dien-bien-phu/"),
        ("en", "Bac Can", "/en/provinces/bac-kan/"),
    ],
)
def test_query_finds_the_page(home, lang: str, query: str, expected: str) -> None:
    results = search(home(lang), query)
    assert expected in results[:10], (lang, query, results[:10])


@pytest.mark.parametrize("lang", SITE.translations)
def test_a_language_loads_only_its_own_index(home, desktop, lang: str) -> None:
    page = home(lang)
    search(page, "ha giang")
    indexes = sorted({r.url.split("/", 3)[3] for r in desktop.log.responses if "search_index" in r.url})
    assert indexes == [f"{lang}/search/search_index.json"]


def test_the_index_is_downloaded_only_when_the_visitor_opens_the_search(home, desktop) -> None:
    page = home("en")
    page.wait_for_load_state("networkidle")
    assert not [r.url for r in desktop.log.responses if "search_index" in r.url]
    box = page.locator("input[data-md-component='search-query']")
    with page.expect_response(lambda r: "search_index" in r.url) as index:
        box.click()
    assert index.value.ok and urlsplit(index.value.url).path == "/en/search/search_index.json"


def test_arrow_keys_and_enter_open_a_result(home, site) -> None:
    page = home("en")
    results = search(page, "ha giang")
    assert results
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("new URL(document.activeElement.href).pathname")
    assert focused == results[0]
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == results[0])
