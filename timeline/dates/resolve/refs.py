"""TimeML's reference words: "now" -> ``PRESENT_REF``, "recently" / "the past" -> ``PAST_REF``, "the
future" -> ``FUTURE_REF``. Only the every-type output carries them: a timeline never draws "now"."""

from __future__ import annotations

import re

from timeline.dates import calendar as cal
from timeline.dates.patterns_types import types_data
from timeline.dates.resolve.context import Context, Piece, handler

_NEXT_WORD = re.compile(r"\s*([A-Za-z0-9]+)")
_PERIOD_NOUNS = frozenset(
    {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries", "quarters"}
    | {"year", "month", "week", "decade", "century", "quarter", "day", "spring", "summer", "fall", "autumn"}
    | {"winter", "weekend", "few", "several", "couple", "two", "three", "four", "five", "six", "ten"}
)


_SENTENCE_END = frozenset(".!?:;\"'`“”‘’_")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether [start] begins a sentence or a line (quotes and dashes before it may open it too)."""
    before = text[max(0, start - 40) : start].rstrip(" \t")
    return not before or before.endswith("\n") or before[-1] in _SENTENCE_END or before.endswith("--")


@handler("reference")
def _reference(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    data = types_data()
    phrase = " ".join(m["ref"].lower().split())
    value = data.references.get(phrase)
    if value is None:
        return None
    following = _NEXT_WORD.match(ctx.text, m.end())
    next_word = following.group(1).lower() if following else ""
    if next_word in _PERIOD_NOUNS or next_word.isdigit():
        return None  # "the past two years", "recent months": a duration or a date, read elsewhere
    if phrase == "now" and next_word in data.reference_not_before:
        return None  # "now that ...": a conjunction
    if m["ref"] == "Now" and ctx.text.startswith(",", m.end()) and _opens_sentence(ctx.text, m.start("ref")):
        return None  # "Now, he says, ...": a discourse marker that turns the argument, not the time
    if phrase in ("recent", "future") and next_word in ("and", "or"):
        return None
    return [Piece(m.start("ref"), m.end(), None, "day", kind="DATE", value=value)]


@handler("the_year")
def _the_year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    """ "For the year, volume was flat": in news, the year of the report; in history, the story's year."""
    ref = ctx.dct if ctx.mode == "news" else ctx.story_ref()
    if ref is None:
        return None
    return [Piece(m.start(), m.end(), cal.year(ref.year), "year", relative=True)]
