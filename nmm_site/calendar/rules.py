"""Date rules of events (`date:` in data/events-*.yml) and the Gregorian dates they give.

The syntax, exactly (also in EDITORS.md, "Events and the calendar"); words are case-insensitive:

    lunar 3/10              day 10 of the 3rd lunar month (month/day)
    lunar 1/22-1/27         from 1/22 to 1/27 of the lunar calendar (a range may cross the new year)
    lunar month 8           the whole 8th lunar month (the exact days vary: say so in `date_note`)
    lunar months 10-12      from the first day of the 10th to the last day of the 12th lunar month
    solar 5/7               7 May (month/day of the Gregorian calendar)
    solar 9/1-9/3           1 to 3 September
    solar month 6           all of June
    solar months 3-4        March and April
    every Sunday            every week on that day (Monday … Sunday)

Lunar months are the regular months of the Vietnamese calendar (UTC+7), never a leap month. Day 30 of
a lunar month that has 29 days that year is its 29th day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from nmm_site.calendar import lunar

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SYNTAX = (
    "write one of: `lunar 3/10`, `lunar 1/22-1/27`, `lunar month 8`, `lunar months 10-12`, "
    "`solar 5/7`, `solar 9/1-9/3`, `solar month 6`, `solar months 3-4`, `every Sunday` "
    "(month/day; see EDITORS.md, Events and the calendar)"
)

_DAY = r"(\d{1,2})\s*/\s*(\d{1,2})"
_RULE_RES = (
    ("day", re.compile(rf"^(lunar|solar)\s+{_DAY}(?:\s*-\s*{_DAY})?$")),
    ("months", re.compile(r"^(lunar|solar)\s+months?\s+(\d{1,2})(?:\s*-\s*(\d{1,2}))?$")),
    ("weekly", re.compile(r"^every\s+([a-z]+)$")),
)


class RuleError(ValueError):
    """A date rule that cannot be read: what is wrong and how to write it."""

    def __init__(self, message: str, fix: str = SYNTAX):
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Occurrence:
    start: dt.date
    end: dt.date  # inclusive (iCalendar's DTEND is the day after)


@dataclass(frozen=True)
class Rule:
    text: str  # as written in the data
    calendar: str  # "lunar", "solar" or "weekly"
    start: tuple[int, int] = (0, 0)  # (month, day); day 0 = the first day of the month
    end: tuple[int, int] = (0, 0)  # (month, day); day 0 = the last day of the month
    weekday: int = -1  # 0 = Monday … 6 = Sunday, for "every …"

    @property
    def weekly(self) -> bool:
        return self.calendar == "weekly"

    @property
    def whole_months(self) -> bool:
        return self.start[1] == 0

    def occurrence(self, year: int) -> Occurrence:
        """The occurrence of the (lunar or solar) `year`; for lunar rules, the lunar year that starts
        with the Tết of that Gregorian year."""
        if self.weekly:
            raise ValueError("a weekly rule has no yearly occurrence")
        crosses = self.end[0] < self.start[0] or (
            self.end[0] == self.start[0] and self.end[1] < self.start[1]
        )
        end_year = year + 1 if crosses else year
        day = _lunar_day if self.calendar == "lunar" else _solar_day
        return Occurrence(day(year, *self.start, first=True), day(end_year, *self.end, first=False))

    def occurrences(self, first: dt.date, last: dt.date) -> list[Occurrence]:
        """Every occurrence starting from `first` to `last` (inclusive), in date order."""
        if self.weekly:
            offset = (self.weekday - first.weekday()) % 7
            day = first + dt.timedelta(days=offset)
            found = []
            while day <= last:
                found.append(Occurrence(day, day))
                day += dt.timedelta(days=7)
            return found
        found = []
        for year in range(first.year - 1, last.year + 1):
            occurrence = self.occurrence(year)
            if first <= occurrence.start <= last:
                found.append(occurrence)
        return found

    def next_occurrence(self, today: dt.date) -> Occurrence:
        """The occurrence under way on `today` or the next one after it."""
        if self.weekly:
            return self.occurrences(today, today + dt.timedelta(days=6))[0]
        for year in range(today.year - 1, today.year + 3):
            occurrence = self.occurrence(year)
            if occurrence.end >= today:
                return occurrence
        raise AssertionError("an annual rule always has an occurrence within two years")


def _lunar_day(year: int, month: int, day: int, first: bool) -> dt.date:
    start = lunar.month_start(year, month)
    assert start is not None  # a regular month always exists
    length = lunar.month_length(year, month)
    if day == 0:
        day = 1 if first else length
    return start + dt.timedelta(days=min(day, length) - 1)


def _solar_day(year: int, month: int, day: int, first: bool) -> dt.date:
    if day == 0:
        day = 1 if first else calendar.monthrange(year, month)[1]
    return dt.date(year, month, day)


def _check_day(kind: str, month: int, day: int) -> None:
    if not 1 <= month <= 12:
        raise RuleError(
            f"month {month} does not exist",
            f"write the month first, then the day (month/day, e.g. `{kind} 3/10` for day 10 of month 3)",
        )
    most = 30 if kind == "lunar" else (29 if month == 2 else calendar.monthrange(2001, month)[1])
    if month == 2 and day == 29 and kind == "solar":
        raise RuleError("29 February exists only in leap years", "use 2/28 or 3/1 and explain in `date_note`")
    if not 1 <= day <= most:
        hint = "a lunar month has at most 30 days" if kind == "lunar" else f"month {month} has {most} days"
        raise RuleError(
            f"day {day} of month {month} does not exist ({hint})",
            f"write month/day, e.g. `{kind} 3/10` for day 10 of month 3",
        )


def parse(text: object) -> Rule:
    """The rule written in `text`; RuleError says what is wrong and how to write it."""
    if not isinstance(text, str) or not text.strip():
        raise RuleError(f"the date rule {text!r} is not a text")
    normalised = " ".join(text.strip().lower().split()).replace("–", "-")
    for shape, regex in _RULE_RES:
        match = regex.match(normalised)
        if match is None:
            continue
        if shape == "weekly":
            name = match.group(1)
            if name not in WEEKDAYS:
                raise RuleError(
                    f"'{name}' in {text!r} is not a day of the week",
                    "write the English name of the day, e.g. `every Sunday`",
                )
            return Rule(text, "weekly", weekday=WEEKDAYS.index(name))
        kind = match.group(1)
        if shape == "months":
            first = int(match.group(2))
            last = int(match.group(3) or first)
            for month in (first, last):
                if not 1 <= month <= 12:
                    raise RuleError(
                        f"month {month} in {text!r} does not exist", "months are numbered 1 to 12"
                    )
            return Rule(text, kind, (first, 0), (last, 0))
        start = (int(match.group(2)), int(match.group(3)))
        end = (int(match.group(4)), int(match.group(5))) if match.group(4) else start
        for month, day in (start, end):
            _check_day(kind, month, day)
        return Rule(text, kind, start, end)
    if normalised.startswith(("lunar", "solar")) and re.search(
        r"\d+\s*[-/.]\s*\d+\s*[-/.]\s*\d+", normalised
    ):
        raise RuleError(
            f"the date rule {text!r} names a year: a rule repeats every year",
            "write month/day without the year, e.g. `solar 5/7`; the build computes each year's date",
        )
    raise RuleError(f"the date rule {text!r} cannot be read")
