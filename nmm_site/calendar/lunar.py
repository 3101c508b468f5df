"""The Vietnamese lunar calendar, computed for UTC+7 (Hồ Ngọc Đức's published algorithm).

The algorithm (https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html) follows the rules of
the Vietnamese (and Chinese) calendar with astronomical new moons and sun longitudes from Jean Meeus,
"Astronomical Algorithms" (1998):

- a month starts on the day (in the time zone) of a new moon;
- the 11th month is the one containing the winter solstice;
- a year between two 11th months that holds 13 months has a leap month: the first month without a
  major solar term (a multiple of 30° of sun longitude) after the 11th.

Viet Nam computes at UTC+7 and China at UTC+8, so a new moon or a solar term close to midnight can put
a month (or the new year) on different days: Tết 1985 was on 21 January in Viet Nam and on 20 February
in China, Tết 2030 falls on 2 February in Viet Nam and 3 February in China.

Days are Julian day numbers (integers); `datetime.date` is used at the edges.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache

VIETNAM = 7.0  # hours east of UTC
_JDN_OFFSET = 1721425  # date.toordinal() + this = Julian day number (proleptic Gregorian)
_SYNODIC = 29.530588853  # mean length of a lunar month in days
_K0 = 2415021.076998695  # Julian day of the first new moon of 1900


@dataclass(frozen=True, order=True)
class LunarDate:
    year: int
    month: int  # 1–12
    day: int  # 1–30
    leap: bool = False  # the leap (intercalary) month repeating `month`


def jdn(day: dt.date) -> int:
    return day.toordinal() + _JDN_OFFSET


def from_jdn(number: int) -> dt.date:
    return dt.date.fromordinal(number - _JDN_OFFSET)


def _new_moon(k: int) -> float:
    """Julian day (with fraction, UTC) of the k-th new moon after the one of 1900-01-01."""
    t = k / 1236.85  # Julian centuries from 1900 January 0.5
    t2 = t * t
    t3 = t2 * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)  # mean new moon
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3  # sun's mean anomaly
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3  # moon's mean anomaly
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3  # moon's argument of latitude
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 = c1 - 0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 = c1 - 0.0004 * math.sin(dr * 3 * mpr)
    c1 = c1 + 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 = c1 - 0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 = c1 - 0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 = c1 + 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta_t


@lru_cache(maxsize=4096)
def _new_moon_day(k: int, zone: float) -> int:
    """The day (Julian day number, in the time zone) of the k-th new moon."""
    return math.floor(_new_moon(k) + 0.5 + zone / 24)


def _sun_longitude(jd: float) -> float:
    """The sun's apparent longitude in radians (0 ≤ L < 2π) at Julian day `jd` (UTC)."""
    t = (jd - 2451545.0) / 36525  # Julian centuries from 2000-01-01 12:00 UTC
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2  # mean anomaly
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2  # mean longitude
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    longitude = (l0 + dl) * dr
    return longitude - math.pi * 2 * math.floor(longitude / (math.pi * 2))


def _sun_sector(day: int, zone: float) -> int:
    """Which of the 12 major solar-term sectors (0–11) the sun is in at the start of `day` (local)."""
    return math.floor(_sun_longitude(day - 0.5 - zone / 24) / math.pi * 6)


@lru_cache(maxsize=512)
def _month_11(year: int, zone: float) -> int:
    """The first day of the 11th lunar month (the one holding the winter solstice) of `year`."""
    off = jdn(dt.date(year, 12, 31)) - 2415021
    k = math.floor(off / _SYNODIC)
    new_moon = _new_moon_day(k, zone)
    if _sun_sector(new_moon, zone) >= 9:  # the sun is past 270°: the solstice is in the month before
        new_moon = _new_moon_day(k - 1, zone)
    return new_moon


@lru_cache(maxsize=512)
def _leap_month_offset(a11: int, zone: float) -> int:
    """How many months after the 11th month starting on `a11` the leap month comes."""
    k = math.floor((a11 - _K0) / _SYNODIC + 0.5)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i, zone), zone)
    while True:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i, zone), zone)
        if arc == last or i >= 14:
            return i - 1


def to_lunar(day: dt.date, zone: float = VIETNAM) -> LunarDate:
    """The lunar date of a Gregorian date."""
    number = jdn(day)
    k = math.floor((number - _K0) / _SYNODIC)
    month_start = _new_moon_day(k + 1, zone)
    if month_start > number:
        month_start = _new_moon_day(k, zone)
    a11 = _month_11(day.year, zone)
    b11 = a11
    if a11 >= month_start:
        lunar_year = day.year
        a11 = _month_11(day.year - 1, zone)
    else:
        lunar_year = day.year + 1
        b11 = _month_11(day.year + 1, zone)
    lunar_day = number - month_start + 1
    diff = math.floor((month_start - a11) / 29)
    leap = False
    month = diff + 11
    if b11 - a11 > 365:
        leap_diff = _leap_month_offset(a11, zone)
        if diff >= leap_diff:
            month = diff + 10
            leap = diff == leap_diff
    if month > 12:
        month -= 12
    if month >= 11 and diff < 4:
        lunar_year -= 1
    return LunarDate(lunar_year, month, lunar_day, leap)


@lru_cache(maxsize=4096)
def month_start(year: int, month: int, leap: bool = False, zone: float = VIETNAM) -> dt.date | None:
    """The first day of a lunar month; None for a leap month the year does not have."""
    if not 1 <= month <= 12:
        raise ValueError(f"a lunar month is 1–12, not {month}")
    if month < 11:
        a11, b11 = _month_11(year - 1, zone), _month_11(year, zone)
    else:
        a11, b11 = _month_11(year, zone), _month_11(year + 1, zone)
    k = math.floor(0.5 + (a11 - _K0) / _SYNODIC)
    off = month - 11
    if off < 0:
        off += 12
    if b11 - a11 > 365:
        leap_off = _leap_month_offset(a11, zone)
        leap_month = leap_off - 2
        if leap_month < 0:
            leap_month += 12
        if leap and month != leap_month:
            return None
        if leap or off >= leap_off:
            off += 1
    elif leap:
        return None
    return from_jdn(_new_moon_day(k + off, zone))


def month_length(year: int, month: int, zone: float = VIETNAM) -> int:
    """29 or 30: the days of the (regular) lunar month."""
    start = month_start(year, month, zone=zone)
    assert start is not None
    following = _new_moon_day(math.floor((jdn(start) - _K0) / _SYNODIC + 0.5) + 1, zone)
    return following - jdn(start)


def to_solar(date: LunarDate, zone: float = VIETNAM) -> dt.date | None:
    """The Gregorian date of a lunar date; None when it does not exist (a missing leap month, day 30
    of a 29-day month)."""
    start = month_start(date.year, date.month, date.leap, zone)
    if start is None or not 1 <= date.day <= 30:
        return None
    solar = start + dt.timedelta(days=date.day - 1)
    if to_lunar(solar, zone) != date:
        return None
    return solar


def tet(year: int, zone: float = VIETNAM) -> dt.date:
    """The lunar new year (Tết Nguyên Đán) that falls in the Gregorian `year`."""
    start = month_start(year, 1, zone=zone)
    assert start is not None
    return start
