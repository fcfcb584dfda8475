"""Resolvers of decades and centuries: "the 1980s", "the '90s", "the 80s", "the forties", "the 20th
century"."""

from __future__ import annotations

import re
from datetime import date

from timeline.dates import calendar as cal
from timeline.dates.counts import is_multiple
from timeline.dates.lexicon import lexicon
from timeline.dates.resolve.context import Context, Piece, _narrowed, _previous_word, _single, handler

_NOT_DECADE_BEFORE = re.compile(
    r"(?i:\b(?:degrees?|temperatures?|highs?|lows?|percent|prices?|traded|trading|shares?|stocks?|aged?|mph)\b|[%$])"
)


def _bare_decade(m: re.Match[str], text: str) -> bool:
    """ "the 80s" is a decade, but only after "the" and away from readings ("highs in the 80s", "shares
    traded in the 80s"); "in his 80s" is an age."""
    if m.group()[:3].lower() != "the":
        return False
    return _NOT_DECADE_BEFORE.search(text, max(0, m.start() - 50), m.start()) is None


@handler("decade")
def _decade(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    raw = m["decade"]
    if len(raw) == 2 and not _bare_decade(m, ctx.text):
        return None
    if raw[0] in "'’" or len(raw) == 2:
        tens = int(raw[-2:])
        ref_year = (ctx.dct or date(2000, 1, 1)).year
        century = 2000 if 2000 + tens <= ref_year else 1900
        first = century + tens
    else:
        first = int(raw)
        if raw.endswith("00") and is_multiple(ctx.text, m.start("decade")):
            return None  # "tens of 1000s" counts
    return _single(m, _narrowed(cal.decade(first), m["mod"]), "decade")


@handler("decade_words")
def _decade_words(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    previous = _previous_word(ctx.text, m.start())
    if previous in ("his", "her", "their", "its"):
        return None  # "in her forties" is an age, "the forties" a decade
    if previous not in lexicon().anchoring_words and not m.group().lower().startswith("the"):
        return None
    tens = lexicon().decade_words[m["dword"].lower()]
    return _single(m, _narrowed(cal.decade(1900 + 10 * tens), m["mod"]), "decade")


@handler("century")
def _century(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    number = int(m["cnum"]) if m["cnum"] else lexicon().ordinal_words[m["cword"].lower()]
    if not 1 <= number <= 21:
        return None
    return _single(m, _narrowed(cal.century(number), m["mod"]), "century")
