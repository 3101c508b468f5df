"""Home landing, section card grids (with and without JavaScript) and the article title block."""

from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP, PHONE, SITE

pytestmark = pytest.mark.browser

SECTIONS = {"provinces/": 14, "heritage/": None, "peoples/": None}


def prefix(lang: str) -> str:
    return SITE.lang_prefix(lang)


@pytest.mark.parametrize("lang", SITE.codes)
def test_home_is_a_landing_page_without_the_docs_sidebar(site, page, desktop, lang: str) -> None:
    page.goto(site.url + prefix(lang), wait_until="load")
    hero = page.locator(".nmm-landing-hero")
    assert hero.locator("h1").is_visible() and hero.locator(".nmm-landing-hero__tagline").is_visible()
    hero_img = hero.locator("img")
    assert hero_img.get_attribute("loading") == "eager" and hero_img.get_attribute("fetchpriority") == "high"
    # Full width: the hero spans the viewport, not the content column.
    box = hero.bounding_box()
    assert box and box["width"] >= DESKTOP["viewport"]["width"] - 20, box
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-sidebar--secondary").is_visible()
    discover = page.locator(".nmm-tiles--discover > li")
    assert discover.count() >= 3
    hrefs = [a.get_attribute("href") for a in discover.locator("a").all()]
    assert {"provinces/", "heritage/", "peoples/"} <= {h.rsplit("/", 2)[-2] + "/" for h in hrefs}, hrefs
    highlights = page.locator(".nmm-tiles--highlights > li")
    assert 3 <= highlights.count() <= 6
    for item in highlights.all():
        assert item.locator("img").count() == 1 and item.locator(".nmm-tile__text").inner_text().strip()
    assert page.locator("figure.nmm-map svg").count() == 1
    assert page.locator(".nmm-offices-band a[href$='offices/']").count() == 1
    assert desktop.log.problems() == []


def test_home_cards_below_the_fold_load_lazily_and_keep_their_size(site, make_session) -> None:
    phone = make_session(**PHONE)
    tab = phone.page()
    tab.goto(site.url, wait_until="load")
    for img in tab.locator(".nmm-tiles img").all():
        assert img.get_attribute("loading") == "lazy"
        assert img.get_attribute("width") and img.get_attribute("height")
    # A card's picture box has its height before the image arrives.
    box = tab.locator(".nmm-tiles--highlights .nmm-tile__image").first.bounding_box()
    assert box and box["height"] > 40, box
    # The phone fetched no card picture wider than its thumbnail needs (the 480 px variant).
    card_files = [r.url for r in phone.log.responses if "/assets/img/" in r.url and "terraces" not in r.url]
    assert all("-480." in url for url in card_files), card_files


@pytest.mark.parametrize("lang", SITE.codes)
def test_section_cards_filter_by_province_since_2025(site, page, desktop, lang: str) -> None:
    page.goto(site.url + prefix(lang) + "provinces/", wait_until="load")
    cards = page.locator("#nmm-tiles-provinces > li")
    assert cards.count() == 14
    select = page.locator("#nmm-tiles-provinces-filter")
    assert select.is_visible()
    select.select_option("lao-cai")  # Lào Cai and Yên Bái since 2025
    visible = [c for c in cards.all() if c.is_visible()]
    assert len(visible) == 2
    assert all("lao-cai" in c.get_attribute("data-now").split() for c in visible)
    assert "2" in page.locator(".nmm-filter__status").inner_text()
    select.select_option("")
    assert len([c for c in cards.all() if c.is_visible()]) == 14
    # The page's own anchors that redirects rely on are still there.
    assert page.locator("#now-lao-cai").count() == 1
    assert desktop.log.problems() == []


@pytest.mark.parametrize("path", SECTIONS)
def test_without_javascript_a_section_is_a_plain_list_of_every_page(site, make_session, path: str) -> None:
    session = make_session(java_script_enabled=False, **DESKTOP)
    tab = session.page()
    tab.goto(site.url + path, wait_until="load")
    assert not tab.locator(".nmm-filter").is_visible()
    items = tab.locator(".nmm-section-cards ul.nmm-tiles > li")
    count = items.count()
    assert count == (SECTIONS[path] or count) and count >= 5
    for item in items.all():
        link = item.locator("a.nmm-tile__title")
        assert link.is_visible() and link.get_attribute("href").endswith("/")


def test_article_title_sits_over_the_hero_in_white_on_a_laptop(site, page) -> None:
    page.goto(site.url + "en/provinces/ha-giang/", wait_until="load")
    title = page.locator(".nmm-titleblock h1")
    picture = page.locator(".nmm-titleblock picture")
    t, p = title.bounding_box(), picture.bounding_box()
    assert t and p and p["y"] <= t["y"] and t["y"] + t["height"] <= p["y"] + p["height"] + 1, (t, p)
    assert title.evaluate("e => getComputedStyle(e).color") == "rgb(255, 255, 255)"
    # The key facts start in the first view of a 1280×900 laptop.
    facts = page.locator(".nmm-factbox").bounding_box()
    assert facts and facts["y"] < DESKTOP["viewport"]["height"], facts


def test_article_title_comes_before_the_hero_on_a_phone(site, make_session) -> None:
    tab = make_session(**PHONE).page()
    tab.goto(site.url + "provinces/ha-giang/", wait_until="load")
    t = tab.locator(".nmm-titleblock h1").bounding_box()
    p = tab.locator(".nmm-titleblock picture").bounding_box()
    assert t and p and t["y"] + t["height"] <= p["y"], (t, p)
