"""The .ics files: written with `icalendar`, read back with a second library (vobject)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
import vobject

from nmm_site.calendar import ics, texts
from nmm_site.calendar.ics import cached_ics_files, ics_bytes, ics_files
from nmm_site.calendar.model import Calendar
from tests.calendar.conftest import STAMP

PAGE = "https://nmm.example.org/en/calendar/"


def parse(data: bytes):
    return vobject.readOne(data.decode("utf-8"))


def events_of(data: bytes) -> list:
    return list(parse(data).vevent_list)


def test_files_per_language_and_province(calendar: Calendar) -> None:
    files = ics_files(calendar, "en", PAGE)
    assert sorted(files) == ["events.ics", "ha-giang.ics", "phu-tho.ics"]
    titles = {e.summary.value for e in events_of(files["ha-giang.ics"])}
    assert titles == {"Sunday market", "Spring season", "Victory day"}


def test_all_day_dates_with_an_exclusive_end(calendar: Calendar) -> None:
    vevents = events_of(ics_files(calendar, "en", PAGE)["events.ics"])
    hung = sorted((e for e in vevents if e.uid.value.startswith("hung-kings")), key=lambda e: e.dtstart.value)
    # 10th day of the 3rd lunar month, 2026–2028 (checked against Hồ Ngọc Đức's tables).
    assert [e.dtstart.value for e in hung] == [
        dt.date(2026, 4, 26),
        dt.date(2027, 4, 16),
        dt.date(2028, 4, 4),
    ]
    for event in hung:
        assert type(event.dtstart.value) is dt.date  # DATE, not DATE-TIME
        assert event.dtend.value == event.dtstart.value + dt.timedelta(days=1)
    spring = min((e for e in vevents if e.uid.value.startswith("spring")), key=lambda e: e.dtstart.value)
    # Lunar months 1–2 of 2026: from Tết (17 February) to the eve of the 3rd month (17 April).
    assert spring.dtstart.value == dt.date(2026, 2, 17)
    assert spring.dtend.value == dt.date(2026, 4, 17)


def test_text_in_the_language_and_a_link_back(calendar: Calendar) -> None:
    for lang, name, words in (
        ("vi", "Giỗ Tổ Hùng Vương", "Ngày giỗ chung"),
        ("en", "Hùng Kings' Commemoration Day", "shared death anniversary"),
        ("fr", "Commémoration des rois Hùng", "anniversaire commun"),
    ):
        page = f"https://nmm.example.org/{'' if lang == 'vi' else lang + '/'}calendar/"
        calendar_file = parse(ics_files(calendar, lang, page)["events.ics"])
        hung = next(e for e in calendar_file.vevent_list if e.uid.value.startswith("hung-kings"))
        assert hung.summary.value == name
        assert words in hung.description.value
        assert hung.url.value == f"{page}#hung-kings-commemoration"
        assert hung.location.value
        assert calendar_file.prodid.value.endswith(lang.upper())


def test_uids_depend_on_the_occurrence_not_on_the_year_of_the_build(calendar: Calendar) -> None:
    next_year = dataclasses.replace(
        calendar, stamp=STAMP + dt.timedelta(days=365), today=calendar.today + dt.timedelta(days=365)
    )
    uids_now = {e.uid.value for e in events_of(ics_files(calendar, "en", PAGE)["events.ics"])}
    uids_later = {e.uid.value for e in events_of(ics_files(next_year, "en", PAGE)["events.ics"])}
    assert "hung-kings-commemoration-20270416@nmm.example.org" in uids_now & uids_later
    assert "hung-kings-commemoration-20260426@nmm.example.org" in uids_now - uids_later
    assert len(uids_now) == len(events_of(ics_files(calendar, "en", PAGE)["events.ics"]))  # unique


def test_weekly_markets_repeat(calendar: Calendar) -> None:
    (market,) = [
        e for e in events_of(ics_files(calendar, "en", PAGE)["events.ics"]) if "weekly" in e.uid.value
    ]
    assert market.uid.value == "sunday-market-weekly@nmm.example.org"
    assert market.dtstart.value == dt.date(2026, 1, 4)  # the first Sunday of 2026
    dates = list(market.getrruleset())
    assert all(day.weekday() == 6 for day in dates)
    assert dates[-1].date() == dt.date(2028, 12, 31)  # a Sunday, the last of the three years


def test_the_same_data_gives_the_same_bytes(calendar: Calendar) -> None:
    again = dataclasses.replace(calendar)
    assert ics_files(calendar, "fr", PAGE) == ics_files(again, "fr", PAGE)
    stamp = parse(ics_bytes(calendar, calendar.events, "fr", PAGE, "x")).vevent.dtstamp.value
    assert stamp == STAMP


def test_stored_files_are_the_files_and_skip_the_serializing(
    calendar: Calendar, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cached_ics_files(calendar, "vi", PAGE, tmp_path)
    assert first == ics_files(calendar, "vi", PAGE)
    monkeypatch.setattr(ics, "ics_files", lambda *args: pytest.fail("serialized again"))
    assert cached_ics_files(dataclasses.replace(calendar), "vi", PAGE, tmp_path) == first


def test_stored_files_follow_what_they_are_made_of(
    calendar: Calendar, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = ics.files_key(calendar, "en", PAGE)
    later = dataclasses.replace(calendar, today=calendar.today + dt.timedelta(days=365))
    renamed = dataclasses.replace(
        calendar, events=[dataclasses.replace(calendar.events[0], id="another-id"), *calendar.events[1:]]
    )
    others = {
        ics.files_key(later, "en", PAGE),  # a new year: other occurrences
        ics.files_key(renamed, "en", PAGE),  # an edited event
        ics.files_key(calendar, "fr", PAGE),
        ics.files_key(calendar, "en", "https://other.example.org/en/calendar/"),
    }
    real = texts.text
    monkeypatch.setattr(
        texts, "text", lambda lang, key, **v: "Lễ hội" if key == "more" else real(lang, key, **v)
    )
    others.add(ics.files_key(calendar, "en", PAGE))  # a translated word changed in the catalogs
    assert key not in others and len(others) == 5
    # A stale entry is never read: the edited calendar gets its own files.
    cached_ics_files(calendar, "en", PAGE, tmp_path)
    assert cached_ics_files(later, "en", PAGE, tmp_path) == ics_files(later, "en", PAGE)
