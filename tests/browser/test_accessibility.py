"""axe-core (WCAG 2.2 AA tags, no rule excluded) on every page type, every language, light and dark."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmm_site.sitecheck.axe import describe, run_axe
from tests.browser.conftest import SITE

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "region": "region/",
    "provinces index": "provinces/",
    "province": "provinces/ha-giang/",
    "heritage index": "heritage/",
    "heritage": "heritage/dong-van-karst-plateau/",
    "peoples index": "peoples/",
    "people": "peoples/mong/",
    "404": "khong-co-trang-nay/",
}


def fallback_path(built_site: Path, lang: str) -> str | None:
    """A page of the real site served in `lang` from the Vietnamese original, if there is one."""
    for file in sorted((built_site / lang).rglob("index.html")):
        if "nmm-notice--fallback" in file.read_text(encoding="utf-8"):
            return file.parent.relative_to(built_site / lang).as_posix() + "/"
    return None


def check(page, url: str, scheme: str, log, expect_404: bool = False) -> str:
    page.emulate_media(color_scheme=scheme)
    if expect_404:
        log.expected_404.add(url)
    page.goto(url, wait_until="load")
    # Material sets the palette from prefers-color-scheme on load: check the one we asked for is used.
    applied = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert applied == ("slate" if scheme == "dark" else "default"), (url, scheme, applied)
    return describe(run_axe(page), f"{url} [{scheme}]")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", SITE.codes)
def test_every_page_type_has_no_axe_violation(
    built_site, site, page, desktop, lang: str, scheme: str
) -> None:
    reports = []
    for name, path in PAGE_TYPES.items():
        url = site.url + SITE.lang_prefix(lang) + path
        reports.append(check(page, url, scheme, desktop.log, expect_404=(name == "404")))
    if lang != SITE.default_language:
        fallback = fallback_path(built_site, lang)
        if fallback:
            reports.append(check(page, site.url + f"{lang}/{fallback}", scheme, desktop.log))
    found = "\n".join(r for r in reports if r)
    assert not found, found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", SITE.translations)
def test_fallback_page_has_no_axe_violation(fixture_server, page, desktop, lang: str, scheme: str) -> None:
    found = check(page, fixture_server.url + f"{lang}/lich-su/", scheme, desktop.log)
    assert not found, found
