"""Ordinal weeks of a month: "the second week of March (2017)" -> the ISO week holding its middle day."""

from __future__ import annotations

import re
from datetime import date

from timeline.dates import calendar as cal
from timeline.dates.resolve.calendar_dates import _year_without_one
from timeline.dates.resolve.context import Context, Piece, _month_number, _single, handler

_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4}


@handler("ordinal_week")
def _ordinal_week(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    month = _month_number(m["month"])
    year = int(m["year"]) if m["year"] else _year_without_one(m, ctx, month, None)
    if year is None:
        return _single(m, None, "week", relative=True)
    if not cal.safe_year(year):
        return None
    nth = m["nth"].lower()
    if nth in _NTH:
        middle = date(year, month, 7 * (_NTH[nth] - 1) + 4)  # the fourth day of the n-th seven
    else:
        middle = date(year, month, cal.last_day(year, month) - 3)
    return _single(m, cal.week_of(middle), "week", relative=not m["year"])
