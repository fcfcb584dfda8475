"""Dates of named days ("Thanksgiving", "Easter", "Christmas") in a given year, from the lexicon's rules."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from timeline.dates import calendar as cal


def easter_sunday(year: int) -> date:
    """Western Easter (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, cal.last_day(year, month))
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday_date(rule: dict[str, Any], year: int) -> date:
    cal.check_year(year, "day")
    if "fixed" in rule:
        month, day = rule["fixed"]
        return date(year, month, day)
    if "nth_weekday" in rule:
        return nth_weekday(year, *rule["nth_weekday"])
    if "nth_weekday_after" in rule:
        month, weekday, n, after = rule["nth_weekday_after"]
        return cal.add_days(nth_weekday(year, month, weekday, n), after)
    return cal.add_days(easter_sunday(year), int(rule["easter"]))
