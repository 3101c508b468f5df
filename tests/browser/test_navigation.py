"""Language switcher, notices, region map, 404 pages and keyboard use, in a real browser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nmm_site.sitecheck.server import serve
from nmm_site.translation.hashing import source_hash
from nmm_site.translation.mark import set_source_hash
from tests.browser.conftest import PHONE, SITE
from tests.conftest import FIXTURES, make_fixture_project, mkdocs_build

pytestmark = pytest.mark.browser

PROVINCE = "provinces/ha-giang/"


def prefix(lang: str) -> str:
    return SITE.lang_prefix(lang)


@pytest.mark.parametrize("lang", SITE.codes)
def test_language_bar_keeps_the_page_in_every_language(site, page, lang: str) -> None:
    page.goto(site.url + prefix(lang) + PROVINCE)
    links = page.locator("nav.nmm-langbar a[lang]")
    assert links.count() == len(SITE.codes)
    for other in SITE.codes:
        page.goto(site.url + prefix(lang) + PROVINCE)
        page.locator(f"nav.nmm-langbar a[lang='{other}']").click()
        page.wait_for_load_state("load")
        assert page.url == site.url + prefix(other) + PROVINCE
        assert page.evaluate("document.documentElement.lang") == other


def test_keyboard_tab_reaches_the_language_links_and_enter_follows_them(site, page, desktop) -> None:
    page.goto(site.url + PROVINCE)
    for _ in range(15):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "(() => { const a = document.activeElement;"
            " return a.closest('nav.nmm-langbar') ? a.lang : null; })()"
        )
        if focused == "en":
            break
    else:
        pytest.fail("15 presses of Tab never reached the English link of the language bar")
    page.keyboard.press("Enter")
    page.wait_for_url(site.url + "en/" + PROVINCE)
    assert desktop.log.problems() == []


@pytest.mark.parametrize("lang", SITE.translations)
def test_fallback_page_shows_its_notice_and_vietnamese_body(fixture_server, page, lang: str) -> None:
    page.goto(fixture_server.url + f"{lang}/lich-su/")
    notice = page.locator("aside.nmm-notice--fallback")
    assert notice.is_visible()
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator(".nmm-fallback-body[lang='vi']").is_visible()
    assert page.locator("aside.nmm-notice--outdated").count() == 0
    page.goto(fixture_server.url + "lich-su/")
    assert page.locator("aside.nmm-notice").count() == 0


@pytest.fixture(scope="module")
def outdated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with an English page marked as translated, then its Vietnamese source edited."""
    project = make_fixture_project(tmp_path_factory.mktemp("outdated"), FIXTURES / "site" / "docs")
    docs = project / "docs"
    shutil.copy(docs / "vi" / "lich-su.md", docs / "en" / "lich-su.md")
    english = docs / "en" / "lich-su.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace(
            "title: Lịch sử Điện Biên Phủ", "title: History of Điện Biên Phủ"
        ),
        encoding="utf-8",
    )
    vietnamese = docs / "vi" / "lich-su.md"
    # Mark both English pages as current translations, then change one Vietnamese source.
    for page_name in ("lich-su.md", "index.md"):
        translated = docs / "en" / page_name
        translated.write_text(
            set_source_hash(
                translated.read_text(encoding="utf-8"),
                source_hash((docs / "vi" / page_name).read_text(encoding="utf-8")),
            ),
            encoding="utf-8",
        )
    vietnamese.write_text(
        vietnamese.read_text(encoding="utf-8") + "\nMột đoạn mới về Hà Giang.\n", encoding="utf-8"
    )
    result = mkdocs_build(project, project / "site", env={"SITE_URL": "https://nmm.example.org/"})
    assert result.returncode == 0, result.stderr[-4000:]
    return project / "site"


def test_outdated_translation_shows_the_banner_and_links_the_original(outdated_site: Path, page) -> None:
    with serve(outdated_site) as served:
        page.goto(served.url + "en/lich-su/")
        banner = page.locator("aside.nmm-notice--outdated")
        assert banner.is_visible()
        assert page.locator("aside.nmm-notice--fallback").count() == 0
        banner.locator("a[hreflang='vi']").click()
        page.wait_for_url(served.url + "lich-su/")
        page.goto(served.url + "en/")  # untouched translation: no banner
        assert page.locator("aside.nmm-notice").count() == 0


@pytest.mark.parametrize(("lang", "path"), [(lang, path) for lang in SITE.codes for path in ("", "region/")])
def test_region_map_links_every_province_to_a_page_that_loads(site, page, lang: str, path: str) -> None:
    page.goto(site.url + prefix(lang) + path)
    hrefs = page.evaluate(
        """[...document.querySelectorAll('figure.nmm-map a')].map(a =>
             new URL(a.getAttribute('href') || a.getAttribute('xlink:href'), location.href).href)"""
    )
    assert len(set(hrefs)) == 14, hrefs
    for href in sorted(set(hrefs)):
        assert href.startswith(site.url + prefix(lang) + "provinces/"), href
        response = page.request.get(href)
        assert response.status == 200, href
    first = page.locator("figure.nmm-map a").first
    target = page.evaluate(
        "(a => new URL(a.getAttribute('href') || a.getAttribute('xlink:href'), location.href).href)",
        first.element_handle(),
    )
    first.click()
    page.wait_for_url(target)


@pytest.mark.parametrize(
    ("missing", "lang", "heading"),
    [
        ("khong-co-trang-nay/", "vi", "Không tìm thấy trang"),
        ("en/no-such-page/", "en", "Page not found"),
        ("fr/page-absente/", "fr", "Page introuvable"),
    ],
)
def test_missing_path_gets_the_404_page_in_its_language(site, page, desktop, missing, lang, heading) -> None:
    desktop.log.expected_404.add(site.url + missing)
    response = page.goto(site.url + missing)
    assert response is not None and response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("h1").first.inner_text().strip() == heading
    page.wait_for_load_state("networkidle")
    assert desktop.log.problems() == []  # its styles, scripts and search index load from any depth


def test_phone_menu_opens_with_the_keyboard(site, make_session) -> None:
    phone = make_session(**PHONE)
    tab = phone.page()
    tab.goto(site.url + PROVINCE)
    assert not tab.locator("#__drawer").is_checked()
    for _ in range(20):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.getAttribute('for')") == "__drawer":
            break
    else:
        pytest.fail("Tab never reached the menu button (label[for=__drawer]) on a phone")
    tab.keyboard.press("Enter")
    tab.wait_for_function("document.getElementById('__drawer').checked")
    assert tab.locator("nav.md-nav--primary").first.is_visible()
    assert phone.log.problems() == []
