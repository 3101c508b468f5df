"""The calendar on the real site: pages, .ics files read back with vobject, search, province pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import vobject
from lxml import html as lxml_html

from nmm_site.calendar.events import load_events
from nmm_site.content.slugs import fold
from nmm_site.facts import config as facts_config
from nmm_site.search.index import words

pytestmark = pytest.mark.slow
PREFIXES = {"vi": "", "en": "en/", "fr": "fr/"}


@pytest.fixture(scope="module")
def event_ids() -> set[str]:
    return {e.id for e in load_events(facts_config.default())}


@pytest.mark.parametrize("lang", PREFIXES)
def test_calendar_page_and_ics_files(built_site: Path, lang: str, event_ids: set[str]) -> None:
    folder = built_site / PREFIXES[lang] / "calendar"
    page = lxml_html.fromstring((folder / "index.html").read_text(encoding="utf-8"))
    assert page.get("lang") == lang
    assert set(page.xpath("//li[contains(@class, 'nmm-event')]/h3/@id")) == event_ids
    # The calendar is in the navigation of its language (as seen from the home page).
    home = lxml_html.fromstring((built_site / PREFIXES[lang] / "index.html").read_text(encoding="utf-8"))
    assert home.xpath("//nav[contains(@class, 'md-nav')]//a[@href='calendar/']")
    links = page.xpath("//section[contains(@class, 'subscribe')]//a/@href")
    assert "events.ics" in links
    for link in links:
        calendar = vobject.readOne((folder / link).read_text(encoding="utf-8"))
        vevents = list(calendar.vevent_list)
        assert vevents, link
        for vevent in vevents:
            assert vevent.url.value.startswith(f"https://nmm.example.org/{PREFIXES[lang]}calendar/#")
            assert vevent.dtend.value > vevent.dtstart.value
    everything = vobject.readOne((folder / "events.ics").read_text(encoding="utf-8"))
    uids = [v.uid.value for v in everything.vevent_list]
    assert len(uids) == len(set(uids))
    assert sum(uid.startswith("hung-kings-commemoration-") for uid in uids) == 3  # three years


@pytest.mark.parametrize(("query", "event"), [("gio to hung vuong", "hung-kings-commemoration"),
                                               ("long tong", "long-tong-atk-dinh-hoa")])  # fmt: skip
@pytest.mark.parametrize("lang", PREFIXES)
def test_events_are_found_without_diacritics(built_site: Path, lang: str, query: str, event: str) -> None:
    index = json.loads((built_site / PREFIXES[lang] / "search" / "search_index.json").read_text("utf-8"))
    (entry,) = [d for d in index["docs"] if d["location"] == f"calendar/#{event}"]  # relative to the language
    searchable = set(words(entry["title"] + " " + entry["text"])) | set(entry.get("folded", "").split())
    # Material's search does not fold Vietnamese letters (đ, ơ, ư…): the folded field does.
    assert set(query.split()) <= searchable, (query, entry.get("folded"))
    assert fold(query) == query


def test_province_and_heritage_pages_show_next_dates(built_site: Path) -> None:
    for path in ("provinces/ha-giang/index.html", "en/heritage/hung-kings-worship/index.html"):
        page = lxml_html.fromstring((built_site / path).read_text(encoding="utf-8"))
        (section,) = page.xpath("//section[@id='next-dates']")
        assert section.get("class") == "nmm-next-dates"
        assert section.xpath(".//li//time/@datetime") or section.xpath(".//li")
        for href in section.xpath(".//a/@href"):
            target = (built_site / path).parent / href.split("#")[0]
            assert (target / "index.html").is_file() or target.is_file(), href
