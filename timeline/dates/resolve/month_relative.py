"""A month named with a direction: "last November", "this September", "next March", "this past May";
a day of the month the story is in: "the 28th of that month"."""

from __future__ import annotations

import re
from datetime import date

from timeline.dates import calendar as cal
from timeline.dates.resolve.context import Context, Piece, _month_number, _single, _valid_day, handler


def year_of_relative_month(ref_year: int, ref_month: int, month: int, rel: str) -> int:
    """ "last" is the latest such month before the reference month, "next" the first after it."""
    if rel in ("last", "past", "this past"):
        return ref_year if month < ref_month else ref_year - 1
    if rel in ("next", "coming", "this coming"):
        return ref_year if month > ref_month else ref_year + 1
    return ref_year


@handler("month_relative")
def _month_relative(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    rel = " ".join(m["rel"].lower().split())
    word = m["month"].rstrip(".").lower()
    if word in ("may", "march") and not m["month"][0].isupper():
        return None
    ref = ctx.story_ref() if ctx.mode == "narrative" else ctx.ref()
    if ref is None:
        return _single(m, None, "month", relative=True)
    month = _month_number(word)
    year = year_of_relative_month(ref.year, ref.month, month, rel)
    if not cal.safe_year(year):
        return None
    return _single(m, cal.month(year, month), "month", relative=True)


@handler("day_of_that_month")
def _day_of_that_month(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    """ "the 28th of that month": that day of the month last mentioned ("this month": of the reference's)."""
    that = m["rel"].lower() != "this"
    anchor = ctx.anchor
    if that and (anchor is None or anchor.precision not in ("day", "week", "month")):
        return _single(m, None, "day", relative=True)  # no month to count in
    ref = anchor.start if that and anchor is not None else ctx.ref()
    if ref is None:
        return _single(m, None, "day", relative=True)
    day = int(m["day"])
    if not _valid_day(ref.year, ref.month, day):
        return None
    return _single(m, cal.day(date(ref.year, ref.month, day)), "day", relative=True)
