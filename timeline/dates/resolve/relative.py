"""Resolvers of relative expressions: today, last week, three days ago, Friday, the end of the year."""

from __future__ import annotations

import re
from datetime import date

from timeline.dates import calendar as cal
from timeline.dates import infer
from timeline.dates.lexicon import lexicon
from timeline.dates.named_days import day_word_in_title, weekday_in_title
from timeline.dates.patterns_types import types_data
from timeline.dates.resolve.context import (
    _UNIT_PRECISION,
    Context,
    Piece,
    _next_word,
    _previous_word,
    _single,
    _unit,
    handler,
)
from timeline.dates.tense import past_perfect_in_clause
from timeline.model import PRECISION_ORDER


def _is_generic_today(text: str, start: int, end: int) -> bool:
    """ "the Iraq of today", "today's world", "actors in Iraq today when...": nowadays, not a date."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 16].lower()
    if re.match(r"['’]s\s+(?:world|generation|society|standards|youth|economy)\b", after):
        return True
    if re.search(r"\bof\s+$", before, re.IGNORECASE):
        return True
    in_place = re.search(
        r"\b(?:in|across|throughout)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+$", before
    )
    return in_place is not None and re.match(r"\s*(?:when|who|whose|which|where)\b", after) is not None


@handler("day_word")
def _day_word(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    word = m["dword"].lower()
    if ctx.mode == "narrative":
        return None  # history's "today" means nowadays
    if word == "today" and _is_generic_today(ctx.text, m.start("dword"), m.end("dword")):
        return None
    if day_word_in_title(ctx.text, m.start("dword"), m.end("dword")):
        return []  # "the Today programme", "USA Today": a title, and its words are no date
    ref = ctx.dct
    if ref is None:
        return _single(m, None, "day", relative=True)
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    return _single(m, cal.day(cal.add_days(ref, offset)), "day", relative=True)


@handler("day_part_rel")
def _day_part_rel(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    if ctx.mode == "narrative":
        return None
    ref = ctx.dct
    if ref is None:
        return _single(m, None, "day", relative=True)
    offset = -1 if m["rel"].lower() == "last" else 0
    if m["rel"].lower() == "last" and m["part"] != "night":
        return None  # "last morning" is not idiomatic; avoid false readings
    return _single(m, cal.day(cal.add_days(ref, offset)), "day", relative=True)


@handler("relative_unit")
def _relative_unit(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    rel = " ".join(m["rel"].lower().split()).removeprefix("the ")  # "the past year" is last year
    unit = _unit(m["unit"])
    if rel == "past" and unit not in ("week", "month", "year"):
        return None  # "the past century", "the past decade": the last hundred or ten years, no calendar unit
    unit_for_shift = "week" if unit == "weekend" else unit
    story = rel in ("that", "same", "following", "previous")
    ref = ctx.story_ref() if story else ctx.ref()
    if rel == "that" and ctx.anchor is None:
        return None  # "that year" with nothing before it to point at
    precision = _UNIT_PRECISION.get(unit, "year")
    if ref is None:
        return _single(m, None, precision, relative=True)
    amount = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
    return _single(m, infer.shift_unit(ref, unit_for_shift, amount), precision, relative=True)


_STORY_FINE_UNITS = frozenset({"day", "week", "weekend"})


def _story_shift(m: re.Match[str], ctx: Context, unit: str, amount: int) -> list[Piece]:
    """ "the next day", "a few days later", "the day before": days counted from the date last mentioned.

    With no date mentioned before, nothing justifies an exact day (the publication date is when it was
    written, not the day the story counts from): the mention is kept undated. After a coarser date ("in
    2003 ... the next day") the day is not known either: it gets that date's precision (2003).
    """
    precision = _UNIT_PRECISION.get(unit, "year")
    anchor = ctx.anchor
    if anchor is None:
        return _single(m, None, precision, relative=True)
    step = "week" if unit == "weekend" else unit
    if PRECISION_ORDER.index(anchor.precision) <= PRECISION_ORDER.index(precision):
        return _single(m, infer.shift_unit(anchor.start, step, amount), precision, relative=True)
    # The day is unknown inside the coarser date: count back from its end ("in 1990 ... the day before" is
    # still 1990, not 1989), forward from its start.
    shifted = infer.shift_unit(anchor.end if amount < 0 else anchor.start, step, amount)
    coarse = infer.shift_unit(shifted.start, _PRECISION_UNIT.get(anchor.precision, "year"), 0)
    return _single(m, coarse, coarse.precision, relative=True)


_PRECISION_UNIT = {
    **{"week": "week", "month": "month", "season": "month", "quarter": "quarter", "half": "year"},
    **{"year": "year", "decade": "decade", "century": "century"},
}


@handler("the_relative_unit")
def _the_relative_unit(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    rel = m["rel"].lower()
    unit = _unit(m["unit"])
    amount = {"previous": -1, "prior": -1, "preceding": -1, "following": 1, "next": 1, "subsequent": 1}.get(
        rel, 0
    )
    if unit in _STORY_FINE_UNITS:
        return _story_shift(m, ctx, unit, amount)
    ref = ctx.story_ref()
    precision = _UNIT_PRECISION.get(unit, "year")
    if ref is None:
        return _single(m, None, precision, relative=True)
    return _single(
        m, infer.shift_unit(ref, "week" if unit == "weekend" else unit, amount), precision, relative=True
    )


_DAY_THEN_COMMA = re.compile(r"(?:\d|day)\s*,\s*$", re.IGNORECASE)
_WORD_NEXT = re.compile(r"\s+[A-Za-z]")


@handler("day_before_after")
def _day_before_after(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    anchor = ctx.anchor
    if (
        anchor is not None
        and anchor.precision == "day"
        and _DAY_THEN_COMMA.search(ctx.text, max(0, m.start() - 6), m.start())
        and _WORD_NEXT.match(ctx.text, m.end())
    ):
        # "Oct. 12, the day before the stock market plunge": the day just named, set beside an event
        return _single(m, cal.day(anchor.start), "day", relative=True)
    return _story_shift(m, ctx, "day", -1 if m["dir"].lower() == "before" else 1)


@handler("that_day")
def _that_day(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    if ctx.anchor is None or ctx.anchor.precision != "day":
        return None
    return _single(m, cal.day(ctx.anchor.start), "day", relative=True)


@handler("ago")
def _ago(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    lx = lexicon()
    raw = m["num"].lower()
    amount = int(raw) if raw.isdigit() else lx.number_words.get(raw, 0)
    if not 0 < amount <= 5000:
        return None
    unit = _unit(m["unit"])
    direction = m["dir"].lower()
    if direction in ("before", "after") and not re.match(
        r"\s*(?:[,.;:)]|$)", ctx.text[m.end() : m.end() + 2]
    ):
        return None  # "two days after the attack": anchored on an event we cannot date
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if direction in ("ago", "from now", "hence"):
        ref = ctx.dct if ctx.mode == "news" else ctx.ref()
    elif unit in _STORY_FINE_UNITS:
        return _story_shift(m, ctx, unit, sign * amount)
    else:
        ref = ctx.story_ref()
    precision = _UNIT_PRECISION.get(unit, "year")
    if ref is None:
        return _single(m, None, precision, relative=True)
    if unit == "year" and amount == 1 and ctx.mode == "news" and ctx.last_quarter is not None:
        previous = ctx.last_quarter
        q = (previous.start.month - 1) // 3 + 1
        return _single(m, cal.quarter(previous.start.year - 1, q), "quarter", relative=True)
    return _single(m, infer.shift_unit(ref, unit, sign * amount), precision, relative=True)


@handler("part_of_relative")
def _part_of_relative(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    unit = _unit(m["unit"])
    rel = (m["rel"] or "").strip().lower()
    ref = ctx.ref()
    precision = _UNIT_PRECISION.get(unit, "year")
    if ref is None:
        return _single(m, None, precision, relative=True)
    amount = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(rel, 0)
    base = infer.shift_unit(ref, unit, amount)
    part = m["part"].lower()
    mod = {"end": "END_EXACT", "close": "END_EXACT", "beginning": "START", "start": "START", "middle": "MID"}[
        part
    ]
    return _single(m, cal.narrow(base, mod), precision, relative=True)


@handler("unit_end")
def _unit_end(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    unit = _unit(m["unit"])
    ref = ctx.story_ref() if ctx.mode == "narrative" else ctx.ref()
    precision = _UNIT_PRECISION[unit]
    if ref is None:
        return _single(m, None, precision, relative=True)
    return _single(m, cal.narrow(infer.shift_unit(ref, unit, 0), "END_EXACT"), precision, relative=True)


@handler("in_the_unit")
def _in_the_unit(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    unit = _unit(m["unit"])
    ref = ctx.story_ref()
    if ref is None:
        return _single(m, None, _UNIT_PRECISION[unit], relative=True)
    period = infer.shift_unit(ref, unit, 0)
    part = {"late": "END", "early": "START"}.get(m["dir"].lower())
    # "late in the year" is the year's last part; "later in the year" the rest of the same year.
    return _single(m, cal.narrow(period, part) if part else period, _UNIT_PRECISION[unit], relative=True)


@handler("unit_before_after")
def _unit_before_after(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    """ "the year before", "the month after": the unit next to the story's date; "the year before last",
    "the week after next": two units from the reference date."""
    unit = _unit(m["unit"])
    ref = ctx.ref() if m["far"] else ctx.story_ref()  # "the year before last" counts from now
    if ref is None:
        return _single(m, None, _UNIT_PRECISION[unit], relative=True)
    shift = (-1 if m["dir"].lower() in ("before", "earlier") else 1) * (2 if m["far"] else 1)
    return _single(m, infer.shift_unit(ref, unit, shift), _UNIT_PRECISION[unit], relative=True)


@handler("year_end")
def _year_end(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "year", relative=True)
    return _single(m, cal.day(date(ref.year, 12, 31)), "day", relative=True)


_DEADLINE_BEFORE = re.compile(
    r"\b(?i:until|till|by|before|as\s+soon\s+as)\s+(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s+|(?i:noon|midnight)\s+)?$"
)


@handler("weekday")
def _weekday(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    lx = lexicon()
    weekday = lx.weekdays[m["wd"].rstrip(".").lower()]
    previous = _previous_word(ctx.text, m.start())
    if previous in ("good", "black", "bloody", "ash", "holy", "super", "cyber", "palm", "easter"):
        return None  # named days: Good Friday, Bloody Sunday
    if weekday_in_title(ctx.text, m.start("wd"), m.end("wd")):
        return None  # "the Sunday Times", "Monday Night Football", "the Mail on Sunday"
    rel = (m["rel"] or "").lower()
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "day", relative=True)
    if m["srel"]:
        # "the previous Friday", "the following Monday": counted from the day the story is on
        anchor = ctx.anchor
        day = anchor.start if anchor is not None and anchor.precision == "day" else ref
        direction = "next" if m["srel"].lower() == "following" else "last"
        return _single(m, cal.day(infer.weekday_date(day, weekday, direction)), "day", relative=True)
    if rel in ("last", "past"):
        direction = "last"
    elif rel in ("next", "coming"):
        direction = "next"
    elif rel == "this" or (ctx.mode == "narrative" and ctx.anchor is not None):
        direction = "future"
    elif m["poss"]:
        direction = "past"  # "Friday's strikes", "Wednesday's ruling": an event already reported
    elif _DEADLINE_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()) and not past_perfect_in_clause(
        ctx.text, m.start(), m.end()
    ):
        direction = "future"  # "until 9 a.m. Tuesday", "by Friday": a deadline lies ahead
    else:
        direction = "future" if ctx.tense(m.start(), m.end()) == "future" else "past"
    return _single(m, cal.day(infer.weekday_date(ref, weekday, direction)), "day", relative=True)


@handler("next_day_part")
def _next_day_part(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    return _story_shift(m, ctx, "day", -1 if m["rel"].lower() == "previous" else 1)


_CLOCK_PREPOSITIONS = frozenset({"at", "by", "until", "till", "around", "about", "before", "after", "since"})


@handler("clock_time")
def _clock_time(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    if ctx.mode == "narrative":
        return None
    if m["hour"] is not None and not 1 <= int(m["hour"]) <= 12:
        return None
    if m["phour"] is not None and _previous_word(ctx.text, m.start()) not in _CLOCK_PREPOSITIONS:
        return None  # "killed 3 in the morning raid": a count, not "at 4 in the morning"
    if m["word"] is not None:
        idioms = types_data()
        if _previous_word(ctx.text, m.start()) in idioms.clock_word_not_after or (
            _next_word(ctx.text, m.end()) in idioms.clock_word_not_before
        ):
            return None  # "high noon", "the midnight oil": an idiom, no time
    if m["zhour"] is not None and _CONVERSION_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()):
        return []  # "10:35 a.m. (0735 GMT)": the same moment in another zone, no time of its own
    ref = ctx.anchor.start if ctx.anchor is not None and ctx.anchor.precision == "day" else ctx.dct
    if ref is None:
        return _single(m, None, "day", relative=True)
    return _single(m, cal.day(ref), "day", relative=True)


_CONVERSION_BEFORE = re.compile(r"\d\s*(?i:[ap]\.?m\b\.?)?\s*(?:[A-Z]{2,4}|(?i:local\s+time))?\s*\($")
"""A clock time and an opening bracket: what the bracket holds is that time in another zone."""
