"""Resolvers of calendar dates: full and partial dates, months, years, decades, centuries, named days."""

from __future__ import annotations

import calendar
import re
from datetime import date

from timeline.dates import calendar as cal
from timeline.dates import infer
from timeline.dates.counts import is_count, is_schedule_time
from timeline.dates.holidays import holiday_date
from timeline.dates.lexicon import lexicon
from timeline.dates.normalize import calendar_date
from timeline.dates.resolve.context import (
    HANDLERS,
    Context,
    Piece,
    _day_of,
    _month_number,
    _next_word,
    _previous_word,
    _single,
    _valid_day,
    handler,
)
from timeline.dates.resolve.idioms import named_day_reading


@handler("iso")
def _iso(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    y, month, d = int(m["year"]), int(m["month"]), int(m["day"])
    if not (1 <= month <= 12 and cal.safe_year(y) and _valid_day(y, month, d)):
        return None
    return _single(m, cal.day(date(y, month, d)), "day")


@handler("numeric")
def _numeric(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    a, b = int(m["a"]), int(m["b"])
    if m["sep"] == "." and len(m["year"]) == 2:
        return None  # "3.5.10" is more often a version or a score than a date
    order = "DMY" if a > 12 or m["sep"] == "." else "MDY"
    if a > 12 and b > 12:
        return None
    if len(m["year"]) == 4:
        # Order decided and the year written out: the parts combine directly (dateparser is for the
        # two-digit years, whose century is a judgement).
        month, day = (b, a) if order == "DMY" else (a, b)
        y = int(m["year"])
        if not (1 <= month <= 12 and cal.safe_year(y) and _valid_day(y, month, day)):
            return None
        return _single(m, cal.day(date(y, month, day)), "day")
    parsed = calendar_date(m.group(), order)
    return _single(m, cal.day(parsed), "day") if parsed else None


def _full_date(m: re.Match[str]) -> list[Piece] | None:
    y, month, d = int(m["year"]), _month_number(m["month"]), _day_of(m)
    if not _valid_day(y, month, d):
        return None
    # The grammar has already read the day, the month and the year: no parser needed to combine them.
    return _single(m, cal.day(date(y, month, d)), "day")


HANDLERS["day_month_year"] = lambda m, ctx: _full_date(m)
HANDLERS["month_day_year"] = lambda m, ctx: _full_date(m)


def _year_without_one(m: re.Match[str], ctx: Context, month: int, d: int | None) -> int | None:
    ref = ctx.ref()
    if ref is None:
        return None
    previous = _previous_word(ctx.text, m.start())
    if ctx.mode == "news" and previous in lexicon().deadline_prepositions:
        # "must be returned by Jan. 14": a deadline, whatever the tense of the report around it.
        return infer.year_for_month_day(ref, month, d, None)
    if ctx.mode == "news" and previous in ("last", "next"):
        # "shot to death last Oct. 23": the word says which occurrence, whatever the verbs around it.
        return infer.year_for_month_day(ref, month, d, "past" if previous == "last" else "future")
    if ctx.mode == "narrative" and ctx.anchor is not None:
        reference = ctx.anchor.start if ctx.anchor.precision in ("day", "week", "month") else ref
        if ctx.anchor.precision not in ("day", "week", "month") and ctx.anchor.mod is None:
            return ref.year
        return infer.year_for_narrative_month(reference, month)
    return infer.year_for_month_day(ref, month, d, ctx.tense(m.start(), m.end()))


def _partial_day(m: re.Match[str], ctx: Context, month: int, d: int, start: int, end: int) -> Piece | None:
    y = _year_without_one(m, ctx, month, d)
    if y is None:
        return Piece(start, end, None, "day", relative=True) if 1 <= d <= 31 else None
    if m.re.groupindex.get("wd") and m["wd"]:
        # "Saturday, April 25": the weekday picks the year.
        weekday = lexicon().weekdays[m["wd"].rstrip(".").lower()]
        for candidate in (y, y + 1, y - 1):
            if (
                cal.FIRST_YEAR <= candidate <= cal.LAST_YEAR
                and _valid_day(candidate, month, d)
                and date(candidate, month, d).weekday() == weekday
            ):
                y = candidate
                break
    if month == 2 and d == 29 and not _valid_day(y, month, d):
        y = _leap_year_near(ctx, m, y)  # "Feb. 29" read in a non-leap year: the leap year it points to
    if not _valid_day(y, month, d):
        return None
    return Piece(start, end, cal.day(cal.ymd(y, month, d)), "day", relative=True)


def _leap_year_near(ctx: Context, m: re.Match[str], year: int) -> int:
    """The leap year nearest ``year`` on the side the reference and the tense point to."""
    ref = ctx.ref()
    forward = ref is not None and (year > ref.year or ctx.tense(m.start(), m.end()) == "future")
    step = 1 if forward else -1
    candidate = year
    for _ in range(8):
        candidate += step
        if calendar.isleap(candidate):
            return candidate
    return year


@handler("day_month")
@handler("day_word_month")
@handler("month_day")
def _day_month(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    month, d = _month_number(m["month"]), _day_of(m)
    if not 1 <= d <= 31:
        return None
    named = named_day_reading(m, ctx, month, d)
    if named is not None:
        return named  # "the September 11 attacks": the event's day; "September 11 families": no date
    piece = _partial_day(m, ctx, month, d, m.start(), m.end())
    return [piece] if piece else None


@handler("day_range_month")
@handler("month_day_range")
def _day_range(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    month = _month_number(m["month"])
    d1, d2 = int(m["day1"]), _day_of(m)
    if not (1 <= d1 < d2 <= 31):
        return None
    if m["year"]:
        y: int | None = int(m["year"])
    else:
        y = _year_without_one(m, ctx, month, d1)
    # "12-14 July" or "July 12-14": the first end runs up to its day, the second from its day.
    first = (m.start(), m.start("day1") + len(m["day1"]))
    second = (m.start("day"), m.end())
    if y is None or not _valid_day(y, month, d2):
        return None
    explicit = m["year"] is not None
    return [
        Piece(*first, cal.day(cal.ymd(y, month, d1)), "day", relative=not explicit),
        Piece(*second, cal.day(cal.ymd(y, month, d2)), "day", relative=not explicit),
    ]


@handler("month_year")
def _month_year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    return _single(m, cal.month(int(m["year"]), _month_number(m["month"])), "month")


@handler("month_range_year")
def _month_range_year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    y = int(m["year"])
    m1, m2 = _month_number(m["month1"]), _month_number(m["month"])
    y1 = y if m1 <= m2 else y - 1
    return [
        Piece(m.start(), m.end("month1"), cal.month(y1, m1), "month"),
        Piece(m.start("month"), m.end(), cal.month(y, m2), "month"),
    ]


@handler("month")
def _month(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    word = m["month"].rstrip(".").lower()
    previous = _previous_word(ctx.text, m.start())
    event_noun = previous == "the" and _next_word(ctx.text, m.end()) in lexicon().month_event_nouns
    if (
        word in ("may", "march")
        and (previous not in lexicon().anchoring_words or previous == "the")
        and not event_noun
    ):
        return None  # "the May government", "the March on Rome"; but "the May elections" is the month
    if not m["month"].endswith(".") and any(o != word and o.startswith(word) for o in lexicon().months):
        return None  # a bare abbreviation ("Mar", "Jan") is a name more often than a month
    if word in ("may",) and _next_word(ctx.text, m.end()) in ("be", "have", "not", "also", "well"):
        return None
    month = _month_number(word)
    y = _year_without_one(m, ctx, month, None)
    if y is None:
        return _single(m, None, "month", relative=True)
    return _single(m, cal.month(y, month), "month", relative=True)


def _plausible_year(m: re.Match[str], ctx: Context, start: int, end: int) -> bool:
    lx = lexicon()
    previous = _previous_word(ctx.text, start)
    following = _next_word(ctx.text, end)
    if previous in lx.year_blockers_before:
        return False
    if following in lx.year_blockers_after and not (
        previous in _YEAR_PREPOSITIONS and following.endswith("s") and following not in _CLOCK_WORDS
    ):
        return False  # "1500 troops" counts, but "in 2003 troops entered Baghdad" is a year
    before = ctx.text[max(0, start - 2) : start]
    if before.endswith(("$", "#", "№")) or before.rstrip().endswith(("No.", "no.")):
        return False
    # "some 1500 marines", "1500 troops and 2000 bases", "1930 Newsnight" in a schedule: no years
    return not (is_count(ctx.text, start, end) or is_schedule_time(ctx.text, start, start + 4))


_YEAR_PREPOSITIONS = frozenset({"in", "since", "until", "till", "during"})
_CLOCK_WORDS = frozenset({"hours", "hrs", "gmt", "utc", "am", "pm"})


@handler("year")
def _year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    if m.start() > 0 and ctx.text[m.start() - 1].isalpha():
        return None
    if (
        m.start() > 1
        and ctx.text[m.start() - 1] in "-–"
        and _previous_word(ctx.text, m.start() - 1)
        not in ("mid", "post", "pre", "early", "late", "circa", "c")
    ):
        return None  # "F-1600", "Su-2025": model numbers, not years
    if ctx.text[m.end() : m.end() + 1] == "s" and not ctx.text[m.end() + 1 : m.end() + 2].isalpha():
        return None  # "tens of 1000s": a plural number that the decade rule did not take
    if not _plausible_year(m, ctx, m.start(), m.end()):
        return None
    return _single(m, cal.year(int(m["year"])), "year")


@handler("year_range")
def _year_range(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    y1 = int(m["year1"])
    tail = m["year2"]
    y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
    if not (y1 < y2 <= y1 + 100) or not _plausible_year(m, ctx, m.start(), m.end()):
        return None
    return [
        Piece(m.start(), m.start() + 4, cal.year(y1), "year"),
        Piece(m.start("year2"), m.end(), cal.year(y2), "year"),
    ]


@handler("short_year")
def _short_year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    """ "the class of '99": the latest such year not after the reference."""
    previous = _previous_word(ctx.text, m.start())
    if previous not in lexicon().anchoring_words and previous not in (
        "class",
        "spring",
        "summer",
        "fall",
        "winter",
    ):
        return None
    ref = ctx.story_ref()
    if ref is None:
        return None
    yy = int(m["yy"])
    y = (ref.year // 100) * 100 + yy
    if y > ref.year:
        y -= 100
    return _single(m, cal.year(y), "year", relative=True)


@handler("holiday")
def _holiday(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    rule = lexicon().holidays[m["holiday"].lower()]
    if m["year"]:
        return _single(m, cal.day(holiday_date(rule, int(m["year"]))), "day")
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "day", relative=True)
    rel = (m["rel"] or "").lower()
    this_year = holiday_date(rule, ref.year)
    if rel == "last" or (not rel and ctx.tense(m.start(), m.end()) == "past" and ctx.mode == "news"):
        day_ = this_year if this_year < ref else holiday_date(rule, ref.year - 1)
    elif rel == "next" or (not rel and ctx.tense(m.start(), m.end()) == "future"):
        day_ = this_year if this_year >= ref else holiday_date(rule, ref.year + 1)
    else:
        day_ = this_year
    near, far = abs((this_year - ref).days), abs((day_ - ref).days)
    if not rel and ctx.mode == "news" and near <= infer.NEAR_DAYS and far >= infer.FAR_DAYS:
        day_ = this_year  # "as Easter week began", days before Easter: the near one wins, as for a month-day
    return _single(m, cal.day(day_), "day", relative=True)


@handler("spelled_year")
def _spelled_year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    words = [w for w in re.split(r"[\s-]+", m["spelled"].lower()) if w not in ("and", "oh")]
    tens = lexicon().spelled_year_tens
    numbers = lexicon().number_words
    if words[:2] == ["two", "thousand"]:
        value = 2000 + sum(numbers.get(w, 0) for w in words[2:])
    else:
        if words[0] not in tens:
            return None
        rest = words[1:]
        value = tens[words[0]] * 100 + (0 if rest == ["hundred"] else sum(numbers.get(w, 0) for w in rest))
    if not 1000 <= value <= 2099 or not _plausible_year(m, ctx, m.start(), m.end()):
        return None
    round_number = words[-1] in ("hundred", "thousand")
    if round_number and _previous_word(ctx.text, m.start()) not in lexicon().anchoring_words:
        return None  # "twelve hundred students", "two thousand troops": counts, not years
    return _single(m, cal.year(value), "year")
