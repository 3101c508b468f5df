"""iCalendar (.ics) files of the events, built with the `icalendar` library.

- One VEVENT per occurrence (this year and the next two), all-day: DTSTART and DTEND are DATE values
  and DTEND is the day after the last day (RFC 5545: the end is exclusive).
- A weekly market is one VEVENT with RRULE:FREQ=WEEKLY until the end of the window.
- UID = event id + first day of the occurrence (`gio-to-hung-vuong-20260426@host`), or event id +
  "weekly": the same occurrence keeps its UID whatever the year of the build, so subscribed calendars
  update instead of duplicating. The host is site_url's.
- DTSTAMP is the build's reference instant (nmm_site/calendar/reference.py), never the clock: two builds
  of the same commit write the same bytes.
- SUMMARY, DESCRIPTION, LOCATION and CATEGORIES in the file's language; URL to the event on the calendar
  page of that language.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from nmm_site.calendar import texts
from nmm_site.calendar.events import Event
from nmm_site.calendar.model import Calendar
from nmm_site.files import atomic_write
from nmm_site.stamps import code_digest

# icalendar is imported where a file is serialized: a build that reuses the stored files never loads it.
if TYPE_CHECKING:
    import icalendar

_PACKAGE = Path(__file__).resolve().parent.parent  # nmm_site/
PRODID = "-//Northern Midlands and Mountains//Festival calendar//"


def _description(calendar: Calendar, event: Event, lang: str, url: str) -> str:
    lines = [event.description[lang]]
    rule = texts.rule_text(lang, event.rule)
    if rule:
        lines.append(rule[0].upper() + rule[1:] + ".")
    if event.date_note:
        lines.append(event.date_note[lang])
    source = calendar.sources.get(event.source, {})
    if source.get("title"):
        publisher = f", {source['publisher']}" if source.get("publisher") else ""
        lines.append(f"{texts.text(lang, 'source')}: {source['title']}{publisher}")
    lines.append(texts.text(lang, "more", url=url))
    return "\n\n".join(lines)


def _vevent(calendar: Calendar, event: Event, lang: str, page_url: str, host: str) -> list[icalendar.Event]:
    import icalendar

    url = f"{page_url}#{event.id}"
    common = {
        "summary": texts.title(event.name[lang]),
        "description": _description(calendar, event, lang, url),
    }
    found = []
    if event.rule.weekly:
        first, last = calendar.window
        occurrences = event.occurrences(first, last)
        runs = [
            (occurrences[0].start, occurrences[0].end, f"{event.id}-weekly@{host}", occurrences[-1].start)
        ]
    else:
        runs = [
            (o.start, o.end, f"{event.id}-{o.start:%Y%m%d}@{host}", None) for o in calendar.occurrences(event)
        ]
    for start, end, uid, until in runs:
        item = icalendar.Event()
        item.add("uid", uid)
        item.add("dtstamp", calendar.stamp.astimezone(dt.UTC))
        item.add("dtstart", start)
        item.add("dtend", end + dt.timedelta(days=1))
        if until is not None:
            item.add("rrule", {"freq": "weekly", "until": until})
        item.add("summary", common["summary"])
        item.add("description", common["description"])
        if event.place:
            item.add("location", event.place[lang])
        item.add("categories", [texts.kind_name(lang, event.kind)])
        item.add("url", url)
        item.add("transp", "TRANSPARENT")
        found.append(item)
    return found


_END = b"END:VCALENDAR\r\n"


def ics_bytes(
    calendar: Calendar,
    events: list[Event],
    lang: str,
    page_url: str,
    name: str,
    serialized: dict[str, bytes] | None = None,
) -> bytes:
    """One .ics file of `events` in `lang`; `page_url` is the absolute URL of the calendar page.

    Each event's VEVENTs are serialized on their own (content lines are folded one by one, so the
    file is the same bytes as one `Calendar.to_ical()`); `serialized` (event id → bytes) shares them
    between the files of one language and page."""
    import icalendar

    host = urlsplit(page_url).hostname or "localhost"
    cal = icalendar.Calendar()
    cal.add("prodid", f"{PRODID}{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-caldesc", name)
    head = cal.to_ical()
    assert head.endswith(_END)
    cache = {} if serialized is None else serialized
    body = []
    for event in events:
        if event.id not in cache:
            cache[event.id] = b"".join(
                item.to_ical() for item in _vevent(calendar, event, lang, page_url, host)
            )
        body.append(cache[event.id])
    return head[: -len(_END)] + b"".join(body) + _END


def ics_files(calendar: Calendar, lang: str, page_url: str) -> dict[str, bytes]:
    """File name → bytes: every event, and one file per 2024 province that has events."""
    from nmm_site.calendar.render import ICS_ALL, ics_name

    serialized: dict[str, bytes] = {}
    name = texts.text(lang, "calendar_name")
    files = {ICS_ALL: ics_bytes(calendar, calendar.events, lang, page_url, name, serialized)}
    for province in calendar.provinces():
        name = texts.text(
            lang, "calendar_name_province", province=calendar.province_names[province].get(lang, province)
        )
        files[ics_name(province)] = ics_bytes(
            calendar, calendar.of_province(province), lang, page_url, name, serialized
        )
    return files


def files_key(calendar: Calendar, lang: str, page_url: str) -> str:
    """Everything the .ics files of one language are made of: the computed calendar (data, reference
    date and stamp), the page's address, the language's words, this code and the libraries' versions."""
    words = [texts.text(lang, key) for key in sorted(texts.MESSAGES)]
    words += [texts.kind_name(lang, kind) for kind in sorted(texts.KIND_NAMES)]
    parts = [
        repr(calendar),
        lang,
        page_url,
        *words,
        code_digest(_PACKAGE / "calendar", _PACKAGE / "i18n"),
        version("icalendar"),
        version("babel"),
    ]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def cached_ics_files(calendar: Calendar, lang: str, page_url: str, cache_dir: Path) -> dict[str, bytes]:
    """`ics_files`, kept in `cache_dir` under a key of everything they are made of (`files_key`):
    a build whose calendar did not change writes the stored bytes (serializing them takes 40 ms a
    language)."""
    path = cache_dir / f"{files_key(calendar, lang, page_url)}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return {name: text.encode("utf-8") for name, text in stored.items()}
    except (OSError, ValueError, AttributeError):
        pass
    files = ics_files(calendar, lang, page_url)
    cache_dir.mkdir(parents=True, exist_ok=True)
    data = json.dumps({name: content.decode("utf-8") for name, content in files.items()}, sort_keys=True)
    atomic_write(path, data.encode("utf-8"))
    return files
