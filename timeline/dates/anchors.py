"""The story's reference date as the tagger reads on: which dates move it and which are asides.

News anchors "the next day" at the date last mentioned; a history anchors everything there. A look back
("the previous year"), a year that repeats the story's day, a year far from the history's main period
do not move it.
"""

from __future__ import annotations

import re

from timeline.dates import calendar as cal
from timeline.dates.resolve import Context, Piece
from timeline.model import PRECISION_ORDER, Precision, TimeMention

_YEAR_NUMBER = re.compile(r"(?<![\d,.$])\b(1[0-9]\d\d|20\d\d)\b(?![\d,])")
ASIDE_YEARS = 30
"""A year this far from a history's main period is an aside ("as in 1813", a 2004 study): no anchor."""


def main_year(text: str) -> int | None:
    years = sorted(int(y) for y in _YEAR_NUMBER.findall(text))
    return years[len(years) // 2] if years else None


_COARSE: frozenset[Precision] = frozenset({"year", "decade", "century"})
_LOOKS_BACK = re.compile(r"(?i)\b(?:previous|preceding|prior|earlier|before|ago)\b")


def _refines(anchor: cal.Interval | None, interval: cal.Interval) -> bool:
    """Whether ``anchor`` is a finer date inside ``interval`` (a day in a year the text names again)."""
    if anchor is None or anchor.precision == interval.precision:
        return False
    finer = PRECISION_ORDER.index(anchor.precision) < PRECISION_ORDER.index(interval.precision)
    return finer and interval.start <= anchor.start <= interval.end


REPORT_QUARTER_DAYS = 400
"""In news a quarter that ended longer ago than this before publication is background ("stopped paying a
dividend in the third quarter of 1984"), not the quarter the report is about."""


def _long_past_quarter(ctx: Context, interval: cal.Interval) -> bool:
    return ctx.mode == "news" and ctx.dct is not None and (ctx.dct - interval.end).days > REPORT_QUARTER_DAYS


def remember(ctx: Context, mention: TimeMention, piece: Piece) -> None:
    if piece.interval is None:
        return
    # "The year-ago quarter" refers back, no new reference; in news the first quarter named is the one
    # the report is about, and the comparisons named after it ("up from the second quarter") leave it.
    if (
        mention.precision == "quarter"
        and "year" not in mention.text.lower()
        and (ctx.last_quarter is None or ctx.mode == "narrative")
        and not _long_past_quarter(ctx, piece.interval)
    ):
        ctx.last_quarter = piece.interval
    # In news, coarse relative words ("this year") do not move the story's reference date; explicit
    # dates do. In history every date moves the story ("the following year").
    if (
        ctx.mode == "news"
        and piece.relative
        and piece.interval.precision in _COARSE
        and ctx.anchor is not None
    ):
        return
    if ctx.mode == "narrative" and piece.relative and _LOOKS_BACK.search(mention.text):
        return  # "their successes of the previous year": a look back; the story's line stays where it was
    if (
        ctx.mode == "news"
        and piece.relative
        and mention.precision == "quarter"
        and _LOOKS_BACK.search(mention.text)
    ):
        return  # "up from $3 million a year ago": a comparison with last year's quarter, not the story's date
    if ctx.mode == "narrative" and _refines(ctx.anchor, piece.interval):
        return  # "On December 7, ... 1941": the year repeats the story's day; the day stays the reference
    if ctx.main_year is not None and abs(piece.interval.start.year - ctx.main_year) > ASIDE_YEARS:
        return
    if ctx.mode == "narrative" and _earlier_aside(ctx, mention, piece.interval):
        return
    ctx.anchor = piece.interval


_BRACKETED = (re.compile(r"\(\s*$"), re.compile(r"^\s*\)"))
_ATTRIBUTIVE = (
    re.compile(r"(?:^|\s)(?i:the|its|his|her|their)\s+$"),
    re.compile(r"^\s+[a-z]{3,}\b(?!\s+of\b)"),
)
"""A date in brackets ("the Civil Constitution of the Clergy (1790)") or before a noun ("the leader of
the August 1792 insurrection")."""


def _earlier_aside(ctx: Context, mention: TimeMention, interval: cal.Interval) -> bool:
    """A history's date set aside as a look back, before the story's date: the story stays where it was
    ("(20 April 1792)" after 1 March 1792 is the story moving on, in brackets)."""
    anchor = ctx.anchor
    if anchor is None or interval.end >= anchor.start:
        return False
    start, end = mention.span
    before, after = ctx.text[max(0, start - 8) : start], ctx.text[end : end + 24]
    return any(
        b.search(before) is not None and a.search(after) is not None for b, a in (_BRACKETED, _ATTRIBUTIVE)
    )
