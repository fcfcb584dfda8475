"""Resolvers of seasons, quarters, halves and fiscal years."""

from __future__ import annotations

import re

from timeline.dates import calendar as cal
from timeline.dates import infer
from timeline.dates.lexicon import lexicon
from timeline.dates.resolve.context import (
    Context,
    Piece,
    _narrowed,
    _next_word,
    _previous_word,
    _single,
    handler,
)


def _season_code(word: str) -> str:
    return lexicon().seasons[word.lower()]


@handler("season_year")
def _season_year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    return _single(m, _narrowed(cal.season(int(m["year"]), _season_code(m["season"])), m["mod"]), "season")


@handler("season_relative")
def _season_relative(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    code = _season_code(m["season"])
    rel = m["rel"].lower()
    ref = ctx.story_ref() if rel in ("that", "the following", "the previous", "the same") else ctx.ref()
    if ref is None:
        return _single(m, None, "season", relative=True)
    this = cal.season(ref.year if code != "WI" or ref.month >= 12 else ref.year - 1, code)
    if rel in ("last", "past", "the previous"):
        y = this.start.year if this.end < ref else this.start.year - 1
    elif rel in ("next", "coming", "the following"):
        y = this.start.year if this.start > ref else this.start.year + 1
    elif rel in ("early", "late"):
        y = infer.season_year(ref, code, ctx.tense(m.start(), m.end()))
        return _single(m, _narrowed(cal.season(y, code), rel), "season", relative=True)
    else:
        y = this.start.year
    return _single(m, cal.season(y, code), "season", relative=True)


@handler("season")
def _season(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    previous = _previous_word(ctx.text, m.start())
    following = _next_word(ctx.text, m.end())
    if ctx.mode == "news" and previous not in lexicon().season_cues:
        return None  # news writes "peak summer months" as an adjective; history names campaigns by season
    if following in lexicon().season_not_before:
        return None
    if m["season"].lower() == "fall" and (
        following in ("of", "to", "from", "into") or previous not in lexicon().season_cues
    ):
        return None  # "the fall of Paris" is an event, not autumn
    ref = ctx.ref()
    code = _season_code(m["season"])
    if ref is None:
        return _single(m, None, "season", relative=True)
    y = ref.year if ctx.mode == "narrative" else infer.season_year(ref, code, ctx.tense(m.start(), m.end()))
    return _single(m, cal.season(y, code), "season", relative=True)


_QUARTER_ORDINALS = {
    **{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4},
    **{"final": 4, "last": 4},  # "the final quarter of 2009", "the last quarter of 2009"
}


@handler("quarter")
def _quarter(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    q = _QUARTER_ORDINALS[m["qord"].lower()]
    rel = (m["qrel"] or "").lower()
    if m["year"]:
        return _single(m, cal.quarter(int(m["year"]), q), "quarter")
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "quarter", relative=True)
    y = infer.quarter_year(ref, q, None)
    if rel in ("year-ago", "year-earlier"):
        y -= 1
    return _single(m, cal.quarter(y, q), "quarter", relative=True)


@handler("quarter_code")
def _quarter_code(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    y = int(m["year"]) if m["year"] else 2000 + int(m["yy"])
    return _single(m, cal.quarter(y, int(m["q"])), "quarter")


def _quarter_reference(ctx: Context) -> cal.Interval | None:
    if ctx.last_quarter is not None:
        return ctx.last_quarter
    ref = ctx.dct
    if ref is None:
        return None
    # The latest quarter already ended by the publication date: what earnings reports cover.
    return infer.shift_unit(ref, "quarter", -1)


@handler("quarter_ref")
def _quarter_ref(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    text = m.group().lower()
    if "current" in text and ctx.mode == "news" and ctx.dct is not None:
        return _single(m, infer.shift_unit(ctx.dct, "quarter", 0), "quarter", relative=True)  # under way
    reference = _quarter_reference(ctx)
    if reference is None:
        return _single(m, None, "quarter", relative=True)
    if any(w in text for w in ("year-ago", "year-earlier", "year-before", "prior-year")):
        reference = cal.quarter(reference.start.year - 1, (reference.start.month - 1) // 3 + 1)
    return _single(m, reference, "quarter", relative=True)


@handler("year_earlier_adj")
def _year_earlier_adj(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    reference = _quarter_reference(ctx)
    if reference is None:
        return _single(m, None, "quarter", relative=True)
    return _single(
        m,
        cal.quarter(reference.start.year - 1, (reference.start.month - 1) // 3 + 1),
        "quarter",
        relative=True,
    )


@handler("half")
def _half(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    h = 1 if m["half"].lower() in ("first", "1st", "front") else 2  # "the latter half of 2008" is H2
    if m["year"]:
        return _single(m, cal.half(int(m["year"]), h), "half")
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "half", relative=True)
    shift = {"last": -1, "next": 1}.get((m["hrel"] or "").lower(), 0)
    return _single(m, cal.half(ref.year + shift, h), "half", relative=True)


@handler("fiscal")
def _fiscal(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    return _single(m, cal.year(int(m["year"])), "year")


@handler("year_word")
def _year_word(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "year", relative=True)
    return _single(m, cal.year(ref.year), "year", relative=True)


@handler("quarter_this")
def _quarter_this(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    rel = m["qrel"].lower()
    if rel == "that":
        if ctx.last_quarter is None:
            return None
        return _single(m, ctx.last_quarter, "quarter", relative=True)
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "quarter", relative=True)
    return _single(m, infer.shift_unit(ref, "quarter", 0), "quarter", relative=True)


@handler("year_quarter")
def _year_quarter(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    """ "the 1988 second quarter", "this year's third quarter", "the 1988 period" (the quarter the report
    is about, in that year), "last year's quarter"."""
    if m["year"]:
        year = int(m["year"])
    else:
        ref = ctx.dct if ctx.mode == "news" else ctx.ref()
        if ref is None:
            return None
        year = ref.year + {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
    if m["qord"]:
        q = _QUARTER_ORDINALS[m["qord"].lower()]
    else:
        reference = _quarter_reference(ctx)
        if reference is None:
            return None
        q = (reference.start.month - 1) // 3 + 1
    if not cal.safe_year(year):
        return None
    return _single(m, cal.quarter(year, q), "quarter", relative=not m["year"])
