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

FIRST_YEAR, LAST_YEAR = 1, 9999
"""The years a ``datetime.date`` can hold; a period outside them raises ``OutOfRange``."""

_FINE_SUFFIX: dict[str, str] = {
    "day": "-XX-XX",
    "week": "-WXX",
    "month": "-XX",
    "season": "-XX",
    "quarter": "-QX",
    "half": "-HX",
}


def timex_year(y: int) -> str:
    """A year as TIMEX3 writes it: ``2019``, ``BC0901`` (astronomical year -900), ``+11900`` past 9999."""
    if y < FIRST_YEAR:
        return f"BC{1 - y:04d}"
    if y > LAST_YEAR:
        return f"+{y}"
    return f"{y:04d}"


class OutOfRange(ValueError):
    """A period before year 1 or after 9999 ("50 centuries ago", "99 centuries later").

    It has no interval a ``date`` can hold, but it is a date all the same: the tagger keeps the mention,
    undrawn (no start or end), with ``value`` naming the period (``BC30`` style, or ``BC0901-XX`` when
    the expression was finer than a year).
    """

    def __init__(self, year: int, precision: Precision) -> None:
        super().__init__(f"year {year} is outside {FIRST_YEAR}-{LAST_YEAR}")
        self.year = year
        self.precision: Precision = precision

    @property
    def value(self) -> str:
        written = timex_year(self.year)
        if self.precision == "decade":
            return written[:-1]
        if self.precision == "century":
            return written[:-2]
        return written + _FINE_SUFFIX.get(self.precision, "")


def check_year(y: int, precision: Precision) -> int:
    if not FIRST_YEAR <= y <= LAST_YEAR:
        raise OutOfRange(y, precision)
    return y


def ymd(y: int, month_number: int, day_number: int, precision: Precision = "day") -> date:
    """``date(y, month, day)``, raising ``OutOfRange`` (not a bare ValueError) for a year outside 1-9999."""
    return date(check_year(y, precision), month_number, day_number)


def add_days(d: date, days: int, precision: Precision = "day") -> date:
    """``d`` moved by ``days``; ``OutOfRange`` when that leaves the calendar (before year 1, after 9999)."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        raise OutOfRange(d.year + (1 if days > 0 else -1), precision) from None


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
        ymd(year, month_number, 1, "month"),
        date(year, month_number, last_day(year, month_number)),
        "month",
    )


def year(year_number: int) -> Interval:
    return Interval(f"{year_number:04d}", ymd(year_number, 1, 1, "year"), date(year_number, 12, 31), "year")


def week_of(d: date) -> Interval:
    iso_year, iso_week, _ = d.isocalendar()
    monday = add_days(d, -d.weekday(), "week")
    return Interval(f"{iso_year:04d}-W{iso_week:02d}", monday, add_days(monday, 6, "week"), "week")


def season(year_number: int, code: str) -> Interval:
    first, last = SEASON_MONTHS[code]
    if code == "WI":
        # Winter straddles the new year; "winter 2018" is Dec 2018 - Feb 2019 in TIMEX3 practice.
        end_year = check_year(year_number + 1, "season")
        return Interval(
            f"{year_number:04d}-WI",
            ymd(year_number, 12, 1, "season"),
            date(end_year, 2, last_day(end_year, 2)),
            "season",
        )
    return Interval(
        f"{year_number:04d}-{code}",
        ymd(year_number, first, 1, "season"),
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
        ymd(year_number, first, 1, "quarter"),
        date(year_number, first + 2, last_day(year_number, first + 2)),
        "quarter",
    )


def half(year_number: int, h: int) -> Interval:
    first = 1 if h == 1 else 7
    return Interval(
        f"{year_number:04d}-H{h}",
        ymd(year_number, first, 1, "half"),
        date(year_number, first + 5, last_day(year_number, first + 5)),
        "half",
    )


def decade(first_year: int) -> Interval:
    start = first_year - first_year % 10
    check_year(start + 9, "decade")
    return Interval(f"{start // 10:03d}", ymd(start, 1, 1, "decade"), date(start + 9, 12, 31), "decade")


def century(number: int) -> Interval:
    """The ``number``-th century (the 20th is 1900-1999 in everyday use, TIMEX3 value ``19``)."""
    if not 1 <= number <= (LAST_YEAR + 1) // 100:
        raise OutOfRange((number - 1) * 100, "century")
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
    return ymd(y, m + 1, min(d.day, last_day(y, m + 1)), "month")


def safe_year(y: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR
