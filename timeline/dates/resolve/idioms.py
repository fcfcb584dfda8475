"""Resolvers of idioms real corpora use: a famous day's name ("9/11"), "at the weekend", "May last year"."""

from __future__ import annotations

import re
from datetime import date

from timeline.dates import calendar as cal
from timeline.dates.lexicon import lexicon
from timeline.dates.named_days import after_event, event_named, event_of_day
from timeline.dates.resolve.context import Context, Piece, _month_number, _next_word, _single, handler


@handler("named_day")
def _named_day(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    """ "after 9/11", "the 9/11 hijackers": the event's day; "the 9/11 Commission" is no date."""
    name = m["name"]
    event = event_named(name)
    if event is None or not after_event(event, ctx.dct):
        return None
    following = _next_word(ctx.text, m.end())
    if following in event.named_after:
        return []  # the words are a name: no shorter reading either
    if "/" not in name and following not in event.event_nouns:
        return None  # "pages 9-11", "9.11 seconds": only the slashed form names the event by itself
    return _single(m, cal.day(event.day), "day")


def named_day_reading(m: re.Match[str], ctx: Context, month: int, day: int) -> list[Piece] | None:
    """ "the September 11 attacks" is the event's day, not the latest 11 September; "September 11
    families" names people, no date ([]). None when the day names nothing here."""
    event = event_of_day(month, day)
    if event is None or not after_event(event, ctx.dct):
        return None
    following = _next_word(ctx.text, m.end())
    if following in event.named_after:
        return []
    if following in event.event_nouns:
        return _single(m, cal.day(event.day), "day")
    return None


def _weekend_saturday(ref: date, tense: str | None) -> date:
    """The Saturday of the weekend meant: the one under way, else the last (past tense, or early in the
    week) or the coming one (future tense, or late in the week)."""
    weekday = ref.weekday()
    if weekday >= 5:
        return cal.add_days(ref, 5 - weekday, "week")
    if tense == "past" or (tense is None and weekday <= 2):
        return cal.add_days(ref, -(weekday + 2), "week")
    return cal.add_days(ref, 5 - weekday, "week")


@handler("the_weekend")
def _the_weekend(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    """ "at the weekend", "over the weekend": the mention is "the weekend", valued ``2019-W23-WE``."""
    start, end = m.start("we"), m.end("we")
    ref = ctx.ref() if ctx.mode == "news" else ctx.story_ref()
    if ref is None:
        return [Piece(start, end, None, "week", relative=True)]
    saturday = _weekend_saturday(ref, ctx.tense(start, end))
    sunday = cal.add_days(saturday, 1, "week")
    iso_year, iso_week, _ = saturday.isocalendar()
    weekend = cal.Interval(f"{iso_year:04d}-W{iso_week:02d}-WE", saturday, sunday, "week")
    return [Piece(start, end, weekend, "week", relative=True)]


_SHIFT = {"last": -1, "next": 1, "this": 0}


@handler("month_rel_year")
def _month_rel_year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    """ "May last year", "in March of next year": one date, the month of the year named."""
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "month", relative=True)
    year = ref.year + _SHIFT[m["rel"].lower()]
    return _single(m, cal.month(year, _month_number(m["month"])), "month", relative=True)


@handler("season_rel_year")
def _season_rel_year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    """ "the summer last year", "autumn of next year"."""
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "season", relative=True)
    year = ref.year + _SHIFT[m["rel"].lower()]
    return _single(m, cal.season(year, lexicon().seasons[m["season"].lower()]), "season", relative=True)
