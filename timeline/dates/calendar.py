"""Calendar arithmetic: intervals and TIMEX3 values for days, weeks, months, seasons, quarters, years."""

from __future__ import annotations

import calendar as _stdlib_calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline.model import Precision

SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
SEASON_OF_MONTH: dict[int, str] = {
    month: code
    for code, (first, last) in SEASON_MONTHS.items()
    for month in ([12, 1, 2] if code == "WI" else range(first, last + 1))
}

MIN_YEAR, MAX_YEAR = 1, 9998


@dataclass(frozen=True, slots=True)
class Interval:
    """A resolved date: TIMEX3 value, inclusive [start, end], precision and modifier."""

    value: str
    start: date
    end: date
    precision: Precision
    mod: str | None = None

    def with_mod(self, mod: str | None) -> Interval:
        return replace(self, mod=mod)


def last_day(year: int, month: int) -> int:
    return _stdlib_calendar.monthrange(year, month)[1]


def day(d: date) -> Interval:
    return Interval(d.isoformat(), d, d, "day")


def month(year: int, month_number: int) -> Interval:
    return Interval(
        f"{year:04d}-{month_number:02d}",
        date(year, month_number, 1),
        date(year, month_number, last_day(year, month_number)),
        "month",
    )


def year(year_number: int) -> Interval:
    return Interval(f"{year_number:04d}", date(year_number, 1, 1), date(year_number, 12, 31), "year")


def week_of(d: date) -> Interval:
    iso_year, iso_week, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Interval(f"{iso_year:04d}-W{iso_week:02d}", monday, monday + timedelta(days=6), "week")


def season(year_number: int, code: str) -> Interval:
    first, last = SEASON_MONTHS[code]
    if code == "WI":
        # Winter straddles the new year; "winter 2018" is Dec 2018 - Feb 2019 in TIMEX3 practice.
        end_year = year_number + 1
        return Interval(
            f"{year_number:04d}-WI",
            date(year_number, 12, 1),
            date(end_year, 2, last_day(end_year, 2)),
            "season",
        )
    return Interval(
        f"{year_number:04d}-{code}",
        date(year_number, first, 1),
        date(year_number, last, last_day(year_number, last)),
        "season",
    )


def season_of(d: date) -> tuple[int, str]:
    """The season containing ``d`` as (year the season is named for, code)."""
    code = SEASON_OF_MONTH[d.month]
    return (d.year - 1 if code == "WI" and d.month <= 2 else d.year), code


def quarter(year_number: int, q: int) -> Interval:
    first = 3 * (q - 1) + 1
    return Interval(
        f"{year_number:04d}-Q{q}",
        date(year_number, first, 1),
        date(year_number, first + 2, last_day(year_number, first + 2)),
        "quarter",
    )


def half(year_number: int, h: int) -> Interval:
    first = 1 if h == 1 else 7
    return Interval(
        f"{year_number:04d}-H{h}",
        date(year_number, first, 1),
        date(year_number, first + 5, last_day(year_number, first + 5)),
        "half",
    )


def decade(first_year: int) -> Interval:
    start = first_year - first_year % 10
    return Interval(f"{start // 10:03d}", date(start, 1, 1), date(start + 9, 12, 31), "decade")


def century(number: int) -> Interval:
    """The ``number``-th century (the 20th is 1900-1999 in everyday use, TIMEX3 value ``19``)."""
    start = max((number - 1) * 100, 1)
    return Interval(f"{number - 1:02d}", date(start, 1, 1), date((number - 1) * 100 + 99, 12, 31), "century")


def narrow(interval: Interval, mod: str) -> Interval:
    """Apply an early/mid/late style modifier to an interval, keeping its TIMEX3 value.

    The value stays the whole period (TIMEX3 puts the part in ``mod``); the interval shrinks to the
    part, so "late 2017" spans September-December and "the end of 2017" December.
    """
    start, end = interval.start, interval.end
    span_days = (end - start).days + 1
    if interval.precision == "year" and mod in ("START", "MID", "END", "END_EXACT"):
        y = start.year
        bounds = {"START": (1, 4), "MID": (5, 8), "END": (9, 12), "END_EXACT": (12, 12)}[mod]
        new_start = date(y, bounds[0], 1)
        new_end = date(y, bounds[1], last_day(y, bounds[1]))
    elif mod in ("START", "MID", "END", "END_EXACT"):
        third = max(span_days // 3, 1)
        if mod == "START":
            new_start, new_end = start, start + timedelta(days=third - 1)
        elif mod == "MID":
            new_start, new_end = start + timedelta(days=third), end - timedelta(days=third)
        else:
            new_start, new_end = end - timedelta(days=third - 1), end
    else:
        return interval.with_mod(mod)
    return Interval(
        interval.value, new_start, new_end, interval.precision, "END" if mod == "END_EXACT" else mod
    )


def shift_months(d: date, months: int) -> date:
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, last_day(y, m + 1)))


def safe_year(y: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR
