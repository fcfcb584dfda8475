"""Expressions the every-type output draws as one where the tagger found a date and words beside it,
as TimeML does:

- "the week of March 6" is the week holding that day (TIMEX3 ``2000-W10``), not the day, and so is
  "Easter week" (a named day, then "week");
- "the day before last Tuesday", "the day after Christmas" is one day, counted from the date it names
  (not from the date last mentioned, which "the day before" alone counts from);
- "early this week", "late last week" keep the modifier inside the extent, with the TIMEX3 ``mod``
  (START, MID, END) and the week's value, as "early next year" does;
- "the last week" keeps its article, as "the past month" does;
- a month or season named without a year and a year right after it ("January nineteen ninety-seven",
  "the winter of nineteen ninety-four", a year spelled out as broadcasts write it) are one date.

No join crosses a line break (a heading line and a date line are two things). The words are data
(``dates_types.json``: ``week_of_words``, ``day_shift_words``, ``week_mods``, ``holiday_week_words``,
``the_last_units``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import cache
from typing import Any

from timeline.dates import calendar as cal
from timeline.dates.lexicon import lexicon
from timeline.model import TimeMention
from timeline.resources import load_data

_GAP = r"[^\S\n]+"
"""Spaces within a line."""


def _words(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", _GAP) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Joins:
    week_of: re.Pattern[str]
    """The words before a day that make it a week ("the week of"), matched at the end of a text."""
    day_shift: re.Pattern[str]
    """A whole mention "the day before" / "the day after": (?P<dir>) says which way."""
    shift_days: dict[str, int]
    week_mod: re.Pattern[str]
    """A modifier right before "this week", "last week" (matched at the end of a text)."""
    week_mods: dict[str, str]
    holiday_week: re.Pattern[str]
    """What follows a named day to make it the week holding it ("Easter week"), matched at its end."""
    the_last: re.Pattern[str]
    """A whole mention "last week", "last month" (the article before it is looked for apart)."""


@cache
def _joins() -> _Joins:
    raw: dict[str, Any] = load_data("dates_types.json")
    shifts: dict[str, int] = raw["day_shift_words"]
    mods: dict[str, str] = raw["week_mods"]
    return _Joins(
        week_of=re.compile(rf"(?i:(?<![A-Za-z])(?:{_words(raw['week_of_words'])}){_GAP})$"),
        day_shift=re.compile(rf"(?i:(?:the{_GAP})?day{_GAP}(?P<dir>{_words(list(shifts))}))"),
        shift_days={" ".join(k.lower().split()): v for k, v in shifts.items()},
        week_mod=re.compile(rf"(?i:(?<![A-Za-z])(?P<mod>{_words(list(mods))})(?:{_GAP}|-))$"),
        week_mods={k.lower(): v for k, v in mods.items()},
        holiday_week=re.compile(rf"{_GAP}(?i:{_words(raw['holiday_week_words'])})(?![A-Za-z])"),
        the_last=re.compile(rf"(?i:last{_GAP}(?:{_words(raw['the_last_units'])}))"),
    )


_WEEK_TEXT = re.compile(r"(?i:(?:this|next|last|past|the\s+past|the\s+last)\s+week)$")
_LOOK_BACK = 24


def _is_day(m: TimeMention) -> bool:
    return m.type == "DATE" and m.precision == "day" and m.start is not None and m.start == m.end


def _week_of(text: str, mention: TimeMention, floor: int) -> TimeMention:
    if not _is_day(mention) or mention.start is None:
        return mention
    start = mention.span[0]
    m = _joins().week_of.search(text, max(floor, start - _LOOK_BACK), start)
    if m is None:
        return mention
    week = cal.week_of(mention.start)
    return replace(
        mention,
        span=(m.start(), mention.span[1]),
        text=text[m.start() : mention.span[1]],
        value=week.value,
        start=week.start,
        end=week.end,
        precision="week",
        relative=True,
    )


def _holiday_week(text: str, mention: TimeMention) -> TimeMention:
    if not _is_day(mention) or mention.start is None or mention.text.lower() not in lexicon().holidays:
        return mention
    m = _joins().holiday_week.match(text, mention.span[1])
    if m is None:
        return mention
    week = cal.week_of(mention.start)
    return replace(
        mention,
        span=(mention.span[0], m.end()),
        text=text[mention.span[0] : m.end()],
        value=week.value,
        start=week.start,
        end=week.end,
        precision="week",
    )


def _week_mod(text: str, mention: TimeMention, floor: int) -> TimeMention:
    if mention.type != "DATE" or mention.precision != "week" or mention.mod is not None:
        return mention
    if not _WEEK_TEXT.fullmatch(mention.text):
        return mention
    start = mention.span[0]
    m = _joins().week_mod.search(text, max(floor, start - _LOOK_BACK), start)
    if m is None:
        return mention
    return replace(
        mention,
        span=(m.start(), mention.span[1]),
        text=text[m.start() : mention.span[1]],
        mod=_joins().week_mods[m["mod"].lower()],
    )


_THE_BEFORE = re.compile(rf"(?<![A-Za-z])(?:the|The){_GAP}$")


def _the_last(text: str, mention: TimeMention, floor: int) -> TimeMention:
    if mention.type != "DATE" or not _joins().the_last.fullmatch(mention.text):
        return mention
    start = mention.span[0]
    m = _THE_BEFORE.search(text, max(floor, start - 6), start)
    if m is None:
        return mention
    return replace(mention, span=(m.start(), mention.span[1]), text=text[m.start() : mention.span[1]])


_BARE_NAME = re.compile(r"(?i:(?:the\s+)?[a-z]+\.?)")
_MONTH_YEAR_GAP = re.compile(rf"{_GAP}(?P<of>(?i:of){_GAP})?")


def _month_year(text: str, first: TimeMention, second: TimeMention) -> TimeMention | None:
    """ "January" + "nineteen ninety-seven" with only a space (or "of") between: that month of that year."""
    if first.type != "DATE" or first.precision not in ("month", "season") or not first.relative:
        return None
    if second.type != "DATE" or second.precision != "year" or second.relative or second.start is None:
        return None
    if first.start is None or not _BARE_NAME.fullmatch(first.text):
        return None
    gap = _MONTH_YEAR_GAP.fullmatch(text, first.span[1], second.span[0])
    if gap is None:
        return None
    year = second.start.year
    try:
        if first.precision == "month":
            interval = cal.month(year, first.start.month)
        else:
            interval = cal.season(year, first.value.rsplit("-", 1)[-1])
    except (ValueError, KeyError):  # a year the calendar cannot hold (cal.OutOfRange), a season code unknown
        return None
    start = first.span[0]
    the = _THE_BEFORE.search(text, max(0, start - 6), start) if gap["of"] else None
    if the is not None and not first.text.lower().startswith("the"):
        start = the.start()  # "the winter of 1994": the whole noun phrase
    return replace(
        first,
        span=(start, second.span[1]),
        text=text[start : second.span[1]],
        value=interval.value,
        start=interval.start,
        end=interval.end,
        relative=False,
    )


def _day_shift(text: str, first: TimeMention, second: TimeMention) -> TimeMention | None:
    """ "the day before" + "last Tuesday" with only spaces between: the day before that Tuesday."""
    m = _joins().day_shift.fullmatch(first.text)
    if m is None or not _is_day(second) or second.start is None:
        return None
    between = text[first.span[1] : second.span[0]]
    if between.strip() or "\n" in between:
        return None
    try:
        day = cal.day(second.start + timedelta(days=_joins().shift_days[" ".join(m["dir"].lower().split())]))
    except OverflowError:
        return None
    return replace(
        second,
        span=(first.span[0], second.span[1]),
        text=text[first.span[0] : second.span[1]],
        value=day.value,
        start=day.start,
        end=day.end,
        relative=True,
    )


def join_expressions(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """The mentions in reading order, each widened or joined with its neighbour as the rules above say."""
    out: list[TimeMention] = []
    for mention in mentions:
        floor = out[-1].span[1] if out else 0
        mention = _holiday_week(text, _week_of(text, mention, floor))
        mention = _the_last(text, _week_mod(text, mention, floor), floor)
        joined = (_day_shift(text, out[-1], mention) or _month_year(text, out[-1], mention)) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(mention)
    return out
