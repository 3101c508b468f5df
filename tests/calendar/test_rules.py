"""Date rules: what they mean, and what an editor hears when one cannot be read."""

from __future__ import annotations

import datetime as dt

import pytest

from nmm_site.calendar.rules import Occurrence, RuleError, parse

D = dt.date
YEAR_2026 = (D(2026, 1, 1), D(2026, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lunar 3/10", [Occurrence(D(2026, 4, 26), D(2026, 4, 26))]),
        ("Lunar  3 / 10", [Occurrence(D(2026, 4, 26), D(2026, 4, 26))]),
        # Tết 2026 is 17 February: the 22nd to 27th days of the first month.
        ("lunar 1/22-1/27", [Occurrence(D(2026, 3, 10), D(2026, 3, 15))]),
        # The 8th month of 2026 starts on 11 September and has 29 days.
        ("lunar month 8", [Occurrence(D(2026, 9, 11), D(2026, 10, 9))]),
        # To the last day of the 12th month, the eve of Tết 2027 (6 February).
        ("lunar months 10-12", [Occurrence(D(2026, 11, 9), D(2027, 2, 5))]),
        ("solar 5/7", [Occurrence(D(2026, 5, 7), D(2026, 5, 7))]),
        ("solar 9/1-9/3", [Occurrence(D(2026, 9, 1), D(2026, 9, 3))]),
        ("solar month 2", [Occurrence(D(2026, 2, 1), D(2026, 2, 28))]),
        ("solar months 11-12", [Occurrence(D(2026, 11, 1), D(2026, 12, 31))]),
        ("solar 12/30-1/2", [Occurrence(D(2026, 12, 30), D(2027, 1, 2))]),
    ],
)
def test_occurrences_in_a_year(text: str, expected: list[Occurrence]) -> None:
    assert parse(text).occurrences(*YEAR_2026) == expected


def test_a_range_across_the_lunar_new_year() -> None:
    # From the 11th month of 2026 to the end of the first month of 2027 (Tết 2027: 6 February,
    # the 2nd month starts on 8 March 2027).
    (only,) = parse("lunar months 11-1").occurrences(*YEAR_2026)
    assert only.start == D(2026, 12, 9)
    assert only.end == D(2027, 3, 7)


def test_a_lunar_month_can_start_twice_or_never_in_a_gregorian_year() -> None:
    # The 12th month of the lunar years 2026 and 2027 start on 8 January and 28 December 2027;
    # the one of 2025 starts on 19 January 2026, after every day of 2025 that is not in the 2024 one.
    rule = parse("lunar month 12")
    assert [o.start for o in rule.occurrences(D(2027, 1, 1), D(2027, 12, 31))] == [
        D(2027, 1, 8),
        D(2027, 12, 28),
    ]
    assert rule.occurrences(D(2025, 1, 1), D(2025, 12, 31)) == []


def test_every_sunday() -> None:
    rule = parse("every Sunday")
    found = rule.occurrences(D(2026, 12, 1), D(2026, 12, 31))
    assert [o.start.day for o in found] == [6, 13, 20, 27]
    assert all(o.start.weekday() == 6 for o in found)
    assert rule.next_occurrence(D(2026, 12, 6)).start == D(2026, 12, 6)


def test_next_occurrence_is_the_one_under_way_or_the_next() -> None:
    rule = parse("lunar months 10-12")
    assert rule.next_occurrence(D(2026, 12, 5)) == Occurrence(D(2026, 11, 9), D(2027, 2, 5))
    assert parse("lunar 3/10").next_occurrence(D(2026, 12, 5)).start == D(2027, 4, 16)
    assert parse("solar 5/7").next_occurrence(D(2026, 5, 7)).start == D(2026, 5, 7)
    assert parse("solar 5/7").next_occurrence(D(2026, 5, 8)).start == D(2027, 5, 7)


def test_day_30_of_a_short_month_is_its_last_day() -> None:
    # The 8th lunar month of 2026 has 29 days (11 September – 9 October).
    (only,) = parse("lunar 8/30").occurrences(*YEAR_2026)
    assert only.start == D(2026, 10, 9)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lunar 13/2", "month 13 does not exist"),
        ("lunar 3/31", "day 31 of month 3 does not exist"),
        ("solar 4/31", "day 31 of month 4 does not exist"),
        ("solar 2/29", "29 February"),
        ("lunar months 0-2", "month 0"),
        ("every Sundy", "not a day of the week"),
        ("lunar 2026-3-10", "names a year"),
        ("third full moon", "cannot be read"),
        ("", "not a text"),
        (None, "not a text"),
        (12, "not a text"),
    ],
)
def test_bad_rules_say_what_is_wrong_and_how_to_fix_it(text: object, message: str) -> None:
    with pytest.raises(RuleError) as raised:
        parse(text)
    assert message in raised.value.message
    assert raised.value.fix  # always a way out
