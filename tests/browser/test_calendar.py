"""The festival calendar in Chromium: the filters, and the whole list without JavaScript."""

from __future__ import annotations

import pytest

from nmm_site.calendar.events import load_events
from nmm_site.facts import config as facts_config
from tests.browser.conftest import DESKTOP, SITE
from tests.browser.test_search import search

pytestmark = pytest.mark.browser
EVENTS = load_events(facts_config.default())
VISIBLE = "[...document.querySelectorAll('.nmm-event')].filter(e => e.offsetParent !== null)"


def visible_events(page) -> list[dict]:
    return page.evaluate(
        f"{VISIBLE}.map(e => ({{id: e.querySelector('h3').id, kind: e.dataset.kind, "
        "provinces: e.dataset.provinces.split(' ')}))"
    )


def open_calendar(site, page, lang: str = "vi", query: str = ""):
    page.goto(f"{site.url}{SITE.lang_prefix(lang)}calendar/{query}")
    page.wait_for_selector("form[data-nmm-filters]:not([hidden])")
    return page


@pytest.mark.parametrize("lang", SITE.codes)
def test_filter_by_province_and_by_kind(site, page, desktop, lang: str) -> None:
    open_calendar(site, page, lang)
    assert len(visible_events(page)) == len(EVENTS)
    page.select_option("#nmm-calendar-province", "ha-giang")
    shown = visible_events(page)
    expected = {e.id for e in EVENTS if "ha-giang" in e.provinces}
    assert {e["id"] for e in shown} == expected
    assert str(len(expected)) in page.inner_text("[data-nmm-count]")
    # A month without a Hà Giang event is hidden with its heading.
    for month in page.query_selector_all("section[data-nmm-month]"):
        has_event = month.evaluate("m => !!m.querySelector('.nmm-event:not([hidden])')")
        assert month.is_visible() == has_event
    # The season strip follows the province filter.
    seasons = page.evaluate(
        "[...document.querySelectorAll('.nmm-season')].filter(e => e.offsetParent !== null)"
        ".map(e => e.dataset.provinces)"
    )
    assert seasons and set(seasons) == {"ha-giang"}
    page.select_option("#nmm-calendar-kind", "market")
    shown = visible_events(page)
    assert shown and {e["id"] for e in shown} == {
        e.id for e in EVENTS if "ha-giang" in e.provinces and e.kind == "market"
    }
    page.select_option("#nmm-calendar-province", "")
    assert {e["id"] for e in visible_events(page)} == {e.id for e in EVENTS if e.kind == "market"}
    assert not desktop.log.problems(), desktop.log.problems()


def test_filters_from_the_address_and_an_empty_result(site, page) -> None:
    provinces = sorted({p for e in EVENTS for p in e.provinces})
    kinds = sorted({e.kind for e in EVENTS})
    province, kind = next(
        (p, k) for p in provinces for k in kinds if not any(p in e.provinces and e.kind == k for e in EVENTS)
    )
    open_calendar(site, page, "en", f"?province={province}&kind={kind}")
    assert page.input_value("#nmm-calendar-province") == province
    assert page.input_value("#nmm-calendar-kind") == kind
    assert visible_events(page) == []
    assert page.is_visible("[data-nmm-empty]")
    page.select_option("#nmm-calendar-kind", "")
    assert not page.is_visible("[data-nmm-empty]")
    assert {e["id"] for e in visible_events(page)} == {e.id for e in EVENTS if province in e.provinces}


def test_an_event_link_from_a_province_page(site, page) -> None:
    page.goto(f"{site.url}provinces/phu-tho/")
    link = page.locator("#next-dates a[href*='#hung-kings-commemoration']")
    link.click()
    page.wait_for_url("**/calendar/#hung-kings-commemoration")
    assert page.locator("#hung-kings-commemoration").is_visible()


def test_without_javascript_the_whole_list_shows(site, make_session) -> None:
    session = make_session(java_script_enabled=False, **DESKTOP)
    page = session.page()
    page.goto(f"{site.url}calendar/")
    assert not page.is_visible("form[data-nmm-filters]")
    items = page.locator(".nmm-event")
    assert items.count() == len(EVENTS)
    for index in range(items.count()):
        assert items.nth(index).is_visible()
    assert page.locator("a[href='events.ics']").is_visible()


@pytest.mark.parametrize(
    ("lang", "query"), [("vi", "gio to hung vuong"), ("vi", "long tong"), ("en", "long tong")]
)
def test_search_finds_events_without_diacritics(site, page, lang: str, query: str) -> None:
    page.goto(site.url + SITE.lang_prefix(lang))
    assert f"/{SITE.lang_prefix(lang)}calendar/" in search(page, query)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_calendar_and_its_filters_have_no_axe_violation(site, page, desktop, scheme: str) -> None:
    from tests.browser.test_accessibility import check

    reports = [
        check(page, f"{site.url}{SITE.lang_prefix(lang)}calendar/", scheme, desktop.log)
        for lang in SITE.codes
    ]
    found = "\n".join(r for r in reports if r)
    assert not found, found
