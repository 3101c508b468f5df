"""The calendar's own words in each language (names, places and descriptions come from the data)."""

from __future__ import annotations

import functools

from babel.dates import format_interval, format_skeleton, get_day_names, get_month_names

from nmm_site.facts.render import babel_locale
from nmm_site.i18n.messages import N_, ui_text

# Each key's English message is its msgid in the project's catalogs (locales/<lang>/LC_MESSAGES/
# messages.po): a new language translates them there, with the other strings of the site.
MESSAGES: dict[str, str] = {
    "filters": N_("Filter the calendar"),
    "province": N_("Province (as of 2024)"),
    "kind": N_("Kind of event"),
    "all_provinces": N_("All provinces"),
    "all_kinds": N_("All kinds"),
    "count": N_("{n} events"),
    "count_one": N_("{n} event"),
    "none": N_("No event matches these filters."),
    "weekly": N_("Every week"),
    "every": N_("Every {day}"),
    "dates": N_("Dates"),
    "past": N_("(over)"),
    "vietnamese_name": N_("In Vietnamese"),
    "place": N_("Place"),
    "provinces": N_("Province"),
    "peoples": N_("Peoples"),
    "source": N_("Source"),
    "lunar_day": N_("day {d} of lunar month {m}"),
    "lunar_days_same": N_("days {d1}–{d2} of lunar month {m}"),
    "lunar_days": N_("from day {d1} of lunar month {m1} to day {d2} of lunar month {m2}"),
    "lunar_month": N_("lunar month {m}"),
    "lunar_months": N_("lunar months {m1} to {m2}"),
    "computed": N_(
        "The Gregorian dates for {first}–{last} are computed from the Vietnamese lunar calendar "
        "(UTC+7), never typed. Each event is listed under the month of its next occurrence, or of "
        "the one under way, as of {today}."
    ),
    "seasons": N_("Seasons of the landscapes"),
    "seasons_intro": N_(
        "Month by month, what each province is at its best for (from the province pages' trip planning)."
    ),
    "source_short": N_("source"),
    "subscribe": N_("Add to your calendar"),
    "subscribe_help": N_(
        "Open an .ics file with your calendar app, or copy the link address to subscribe: the "
        "calendar then updates itself."
    ),
    "subscribe_all": N_("All events (.ics)"),
    "by_province": N_("By province (as of 2024):"),
    "next_dates": N_("Next dates"),
    "see_calendar": N_("See the festival calendar"),
    "add_province": N_("Add these dates to your calendar (.ics)"),
    "calendar_name": N_("Festivals and markets – Northern Midlands and Mountains of Viet Nam"),
    "calendar_name_province": N_("Festivals and markets – {province}"),
    "more": N_("More: {url}"),
}

KIND_NAMES: dict[str, str] = {
    "festival": N_("Festival"),
    "market": N_("Market"),
    "ceremony": N_("Ceremony"),
    "performance": N_("Performance"),
}


def title(name: str) -> str:
    """A name as a heading or a list entry: its first letter capitalised (French names are stored in
    lower case, "fête de Thành Tuyên", to sit inside a sentence)."""
    return name[:1].upper() + name[1:]


def text(lang: str, key: str, **values: object) -> str:
    return ui_text(lang, MESSAGES[key], **values)


def count(lang: str, n: int) -> str:
    return text(lang, "count_one" if n == 1 else "count", n=n)


def kind_name(lang: str, kind: str) -> str:
    return ui_text(lang, KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def _ordinal_fr(number: int) -> str:
    return "1er" if number == 1 else f"{number}e"


def rule_text(lang: str, rule) -> str:  # type: ignore[no-untyped-def]
    """The rule in words (lunar rules only: a solar rule is its dates)."""
    if rule.weekly:
        day = get_day_names("wide", "format", locale=babel_locale(lang))[rule.weekday]
        sentence = text(lang, "every", day=day)
        return sentence[0].upper() + sentence[1:]
    if rule.calendar != "lunar":
        return ""
    (m1, d1), (m2, d2) = rule.start, rule.end
    values = {
        "m": m1, "d": d1, "m1": m1, "d1": d1, "m2": m2, "d2": d2,
        "m_fr": _ordinal_fr(m1), "d_fr": _ordinal_fr(d1), "m1_fr": _ordinal_fr(m1),
        "d1_fr": _ordinal_fr(d1), "m2_fr": _ordinal_fr(m2), "d2_fr": _ordinal_fr(d2),
    }  # fmt: skip
    if rule.whole_months:
        return text(lang, "lunar_month" if m1 == m2 else "lunar_months", **values)
    if (m1, d1) == (m2, d2):
        return text(lang, "lunar_day", **values)
    return text(lang, "lunar_days_same" if m1 == m2 else "lunar_days", **values)


def month_heading(lang: str, year: int, month: int) -> str:
    import datetime as dt

    words = format_skeleton("yMMMM", dt.date(year, month, 1), locale=babel_locale(lang))
    return words[0].upper() + words[1:]


def month_name(lang: str, month: int) -> str:
    """The month's name, capitalised: "Tháng 1", "January", "Janvier"."""
    words = get_month_names("wide", "stand-alone", locale=babel_locale(lang))[month]
    return words[0].upper() + words[1:]


def date_text(lang: str, start, end) -> str:  # type: ignore[no-untyped-def]
    """A day or a range of days, with the year: "17 thg 2, 2026", "11 Sept – 9 Oct 2026" (in the
    language's Babel locale, mkdocs.yml `babel_locale`)."""
    return _date_text(babel_locale(lang), start, end)


# The calendar page and every province page's "next dates" show the same occurrences: Babel formats
# each once per process (a pure function of the locale and the dates).
@functools.lru_cache(maxsize=4096)
def _date_text(locale: str, start, end) -> str:  # type: ignore[no-untyped-def]
    if start == end:
        return format_skeleton("yMMMd", start, locale=locale)
    return format_interval(start, end, "yMMMd", locale=locale)
