"""The Vietnamese lunar calendar (UTC+7) against dates published by Hồ Ngọc Đức.

Every date pinned here was checked against the year tables of Hồ Ngọc Đức's lunar calendar
(https://www.informatik.uni-leipzig.de/~duc/amlich/, the TK20/TK21 year codes of amlich-hnd.js:
first day of the year and length of every month, leap month included), not computed by this code.
The Chinese dates (UTC+8) are the official Chinese New Year dates of those years.
"""

from __future__ import annotations

import datetime as dt

import pytest

from nmm_site.calendar.lunar import LunarDate, month_length, month_start, tet, to_lunar, to_solar

D = dt.date


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2023, D(2023, 1, 22)),
        (2024, D(2024, 2, 10)),
        (2025, D(2025, 1, 29)),
        (2026, D(2026, 2, 17)),
        (2027, D(2027, 2, 6)),
        (2028, D(2028, 1, 26)),
    ],
)
def test_tet(year: int, expected: dt.date) -> None:
    assert tet(year) == expected
    assert to_lunar(expected) == LunarDate(year, 1, 1)
    assert to_lunar(expected - dt.timedelta(days=1)).year == year - 1


@pytest.mark.parametrize(
    ("year", "vietnam", "china"),
    [
        # The new moon of January 1985 fell after midnight in China's time zone, before it in Viet Nam's:
        # Viet Nam celebrated Tết a whole month before China.
        (1985, D(1985, 1, 21), D(1985, 2, 20)),
        (2030, D(2030, 2, 2), D(2030, 2, 3)),
    ],
)
def test_vietnamese_and_chinese_new_years_differ(year: int, vietnam: dt.date, china: dt.date) -> None:
    assert tet(year) == vietnam
    assert tet(year, zone=8.0) == china


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2025, D(2025, 4, 7)), (2026, D(2026, 4, 26)), (2027, D(2027, 4, 16)), (2028, D(2028, 4, 4))],
)
def test_hung_kings_commemoration_is_lunar_3_10(year: int, expected: dt.date) -> None:
    assert to_solar(LunarDate(year, 3, 10)) == expected
    assert to_lunar(expected) == LunarDate(year, 3, 10)


@pytest.mark.parametrize(
    ("year", "month", "start"),
    [(2023, 2, D(2023, 3, 22)), (2025, 6, D(2025, 7, 25)), (2028, 5, D(2028, 6, 23))],
)
def test_leap_months(year: int, month: int, start: dt.date) -> None:
    assert month_start(year, month, leap=True) == start
    assert to_lunar(start) == LunarDate(year, month, 1, leap=True)
    # The regular month of that number comes first, a lunar month earlier.
    assert 29 <= (start - month_start(year, month)).days <= 30  # type: ignore[operator]


def test_a_year_without_that_leap_month() -> None:
    assert month_start(2026, 6, leap=True) is None
    assert to_solar(LunarDate(2026, 6, 1, leap=True)) is None


@pytest.mark.parametrize(
    ("year", "month", "start", "length"),
    [
        (2026, 8, D(2026, 9, 11), 29),
        (2026, 12, D(2027, 1, 8), 29),
        (2027, 1, D(2027, 2, 6), 30),
        (2027, 12, D(2027, 12, 28), 29),
    ],
)
def test_month_starts_and_lengths(year: int, month: int, start: dt.date, length: int) -> None:
    assert month_start(year, month) == start
    assert month_length(year, month) == length


def test_every_day_of_several_years_round_trips() -> None:
    day, last = D(2024, 1, 1), D(2030, 12, 31)
    previous = to_lunar(day - dt.timedelta(days=1))
    while day <= last:
        lunar = to_lunar(day)
        assert to_solar(lunar) == day, (day, lunar)
        # Days follow each other: the next day of the month, or day 1 of the next month.
        assert lunar.day == previous.day + 1 or lunar.day == 1, (day, previous, lunar)
        previous = lunar
        day += dt.timedelta(days=1)


def test_a_day_30_that_does_not_exist() -> None:
    assert month_length(2026, 8) == 29
    assert to_solar(LunarDate(2026, 8, 30)) is None
    with pytest.raises(ValueError, match="1–12"):
        month_start(2026, 13)
