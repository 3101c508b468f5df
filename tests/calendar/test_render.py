"""The calendar page's HTML and the "next dates" section of province and heritage pages."""

from __future__ import annotations

from lxml import html as lxml_html

from nmm_site.calendar.model import Calendar
from nmm_site.calendar.render import calendar_html, insert_section, next_dates_html


def tree(calendar: Calendar, lang: str = "en"):
    return lxml_html.fromstring(calendar_html(calendar, lang, "../", "../../assets/javascripts/calendar.js"))


def test_every_event_once_with_an_anchor(calendar: Calendar) -> None:
    page = tree(calendar)
    ids = page.xpath("//li[contains(@class, 'nmm-event')]/h3/@id")
    assert sorted(ids) == sorted(e.id for e in calendar.events)


def test_grouped_by_the_month_of_the_next_occurrence(calendar: Calendar) -> None:
    page = tree(calendar)
    months = page.xpath("//section[@data-nmm-month]")
    headings = [m.xpath("string(h2)") for m in months]
    # Reference date 5 December 2026: lunar months 1–2 of 2027 start with Tết on 6 February 2027,
    # the Hùng Kings' day is on 16 April 2027, 7 May next; the Sunday market is every week.
    assert headings == ["February 2027", "April 2027", "May 2027", "Every week"]
    february = months[0].xpath(".//h3/@id")
    assert february == ["spring-season"]


def test_dates_of_this_year_and_the_next_two(calendar: Calendar) -> None:
    page = tree(calendar)
    hung = page.xpath("//li[h3/@id='hung-kings-commemoration']")[0]
    assert hung.xpath(".//time/@datetime") == ["2026-04-26", "2027-04-16", "2028-04-04"]
    # Reference date 5 December 2026: this year's day is over, and says so.
    assert [t.tail or "" for t in hung.xpath(".//time")][:1] == [" "]
    assert hung.xpath(".//span[@class='nmm-event__past']/text()") == ["(over)"]
    assert "day 10 of lunar month 3" in hung.text_content()
    assert hung.xpath(".//dd[@lang='vi']/text()") == ["Giỗ Tổ Hùng Vương"]


def test_filters_are_hidden_without_javascript_and_list_everything(calendar: Calendar) -> None:
    page = tree(calendar, "vi")
    form = page.xpath("//form[@data-nmm-filters]")[0]
    assert form.get("hidden") is not None
    assert page.xpath("//select[@name='province']/option/@value") == ["", "ha-giang", "phu-tho"]
    assert page.xpath("//select[@name='kind']/option/@value") == [
        "",
        "festival",
        "market",
        "ceremony",
        "performance",
    ]
    market = page.xpath("//li[h3/@id='spring-season']")[0]
    assert market.get("data-provinces") == "phu-tho ha-giang"
    assert market.get("data-kind") == "performance"
    assert not page.xpath("//li[@hidden] | //section[@hidden]")
    assert page.xpath("//script/@src") == ["../../assets/javascripts/calendar.js"]


def test_subscription_links(calendar: Calendar) -> None:
    links = tree(calendar, "fr").xpath("//section[contains(@class, 'subscribe')]//a/@href")
    assert links == ["events.ics", "ha-giang.ics", "phu-tho.ics"]


def test_next_dates_of_a_province(calendar: Calendar) -> None:
    section = next_dates_html(calendar, calendar.of_province("ha-giang"), "en", "../../", "ha-giang")
    node = lxml_html.fromstring(section)
    assert node.get("id") == "next-dates"
    assert node.get("class") == "nmm-next-dates"
    items = [li.text_content() for li in node.xpath(".//li")]
    assert items == [
        "Spring season: 6 Feb\u2009–\u20096 Apr 2027 (lunar months 1 to 2)",  # the 3rd month: 7 April
        "Victory day: 7 May 2027",  # en_GB, as the site writes dates (mkdocs.yml babel_locale)
        "Sunday market: Every Sunday",
    ]
    assert node.xpath(".//a/@href") == [
        "../../calendar/#spring-season",
        "../../calendar/#victory-day",
        "../../calendar/#sunday-market",
        "../../calendar/",
        "../../calendar/ha-giang.ics",
    ]


def test_next_dates_of_a_heritage_site_and_of_a_page_without_events(calendar: Calendar) -> None:
    section = next_dates_html(calendar, calendar.of_heritage("hung-kings-worship"), "vi", "../../")
    assert "hung-kings-commemoration" in section and ".ics" not in section
    assert next_dates_html(calendar, [], "vi", "../../") == ""


def test_the_section_goes_before_the_last_h2_or_at_the_end() -> None:
    page = "<p>a</p><h2 id='x'>X</h2><p>b</p><h2 id='y'>Related</h2><ul></ul>"
    assert insert_section(page, "<section>S</section>").index("<section>") == page.index("<h2 id='y'>")
    assert insert_section("<p>a</p>", "<section>S</section>").endswith("<section>S</section>")
    assert insert_section(page, "") == page


def test_names_link_only_to_pages_that_exist(calendar: Calendar) -> None:
    page = lxml_html.fromstring(
        calendar_html(calendar, "en", "../", "calendar.js", frozenset({"provinces/ha-giang"}))
    )
    market = page.xpath("//li[h3/@id='sunday-market']")[0]
    assert market.xpath(".//a[contains(@href, 'provinces/')]/@href") == ["../provinces/ha-giang/"]
    assert not market.xpath(".//a[contains(@href, 'peoples/')]")
    assert "Mông" in market.text_content()


def test_an_occurrence_under_way_at_the_new_year(tmp_path) -> None:
    import datetime as dt

    from nmm_site.calendar.model import build
    from tests.calendar.conftest import EVENTS, facts_config, write_data

    rites = """
rites:
  name: {vi: Lễ cúng, en: Rites, fr: Rites}
  kind: ceremony
  date: lunar months 10-12
  province_2024: [ha-giang]
  description: {vi: Lễ., en: Rites., fr: Rites.}
  source: src-b
"""
    calendar = build(
        facts_config(write_data(tmp_path, EVENTS + rites)), stamp=dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
    )
    item = tree(calendar).xpath("//li[h3/@id='rites']")[0]
    # Lunar months 10–12 of 2025 run from 20 November 2025 to 16 February 2026 (Tết 2026 is the 17th):
    # under way on 5 January 2026, so listed first, under November 2025.
    assert item.xpath(".//time/@datetime") == ["2025-11-20", "2026-11-09", "2027-10-29", "2028-11-16"]
    assert item.xpath("string(ancestor::section[1]/h2)") == "November 2025"


def test_the_season_strip(calendar: Calendar) -> None:
    page = tree(calendar)
    (strip,) = page.xpath("//section[contains(@class, 'nmm-calendar__seasons')]")
    months = [(row.xpath("string(dt)"), row.xpath(".//li/text()")) for row in strip.xpath(".//div")]
    # Province seasons only, in every month they cover (a heritage site's seasons stay on its page).
    assert [m for m, _ in months] == ["January", "September", "October"]
    assert strip.xpath(".//li/@data-provinces") == ["ha-giang"] * 3
    assert strip.xpath(".//a[@class='nmm-season__source']/@href") == ["https://example.org/hung"] * 2


def test_french_names_start_with_a_capital_as_headings(calendar: Calendar) -> None:
    assert tree(calendar, "fr").xpath("//h3[@id='sunday-market']/text()") == ["Marché du dimanche"]
