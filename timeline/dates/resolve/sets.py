"""Sets (TIMEX3 SET): "daily" -> ``P1D``, "every Friday" -> ``XXXX-WXX-5``, "twice a week" -> ``P1W``
with frequency ``2X``, "Tuesdays" -> ``XXXX-WXX-2``."""

from __future__ import annotations

import re

from timeline.dates.lexicon import lexicon
from timeline.dates.patterns_types import types_data
from timeline.dates.resolve.context import Context, Piece, handler
from timeline.dates.resolve.durations import amount_of, duration_value
from timeline.model import Precision

_PRECISION: dict[str, Precision] = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}


def _set(m: re.Match[str], start: int, value: str, freq: str | None, precision: Precision = "day") -> Piece:
    return Piece(start, m.end(), None, precision, kind="SET", value=value, freq=freq)


def weekday_code(word: str) -> int:
    """TIMEX3 numbers weekdays from Monday = 1."""
    return lexicon().weekdays[word.lower().rstrip("s")] + 1


def _part_suffix(part: str | None) -> str:
    if not part:
        return ""
    code = types_data().day_part_codes.get(part.lower())
    return f"T{code}" if code else ""


@handler("set_adverb")
def _set_adverb(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    data = types_data()
    word = m["adverb"]
    after = re.match(r"\s*([A-Za-z]+)", ctx.text[m.end() : m.end() + 30])
    next_word = after.group(1) if after else ""
    if next_word.lower() in data.set_adverb_not_before:
        return None  # "the daily newspaper", "a weekly magazine": a kind of thing, not a recurrence
    if word[0].isupper() and next_word[:1].isupper():
        return None  # a name: "Daily Mirror", "Weekly Standard"
    value = data.set_adverbs[word.lower()]
    return [_set(m, m.start(), value, "1X")]


@handler("set_every")
def _set_every(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    if m["wd"]:
        return [_set(m, m.start(), f"XXXX-WXX-{weekday_code(m['wd'])}", None)]
    if m["month"]:
        month = lexicon().months[m["month"].lower()]
        return [_set(m, m.start(), f"XXXX-{month:02d}", None, "month")]
    if m["part"]:
        return [_set(m, m.start(), f"XXXX-XX-XX{_part_suffix(m['part'])}", None)]
    code = types_data().units[m["unit"].lower()]
    if m["num"]:
        amount = amount_of(m["num"])
        if amount is None or amount <= 0 or not m["unit"].lower().endswith("s"):
            return None
    else:
        if m["unit"].lower().endswith("s") and not m["other"]:
            return None  # "each days" is not English
        amount = 1.0
    if m["other"]:
        amount *= 2
    return [_set(m, m.start(), duration_value(amount, code), None, _PRECISION.get(code, "day"))]


@handler("set_rate")
def _set_rate(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    unit = m["unit"].lower()
    code = types_data().units.get(unit, "D") if unit != "night" else "D"
    freq = None
    if m["rate"]:
        rate = " ".join(m["rate"].lower().split())
        count = {"once": 1.0, "twice": 2.0, "thrice": 3.0}.get(rate)
        if count is None:
            count = amount_of(rate.removesuffix(" times"))
        if count is None:
            return None
        freq = f"{int(count)}X"
    return [_set(m, m.start(), duration_value(1, code), freq, _PRECISION.get(code, "day"))]


@handler("set_weekday_plural")
def _set_weekday_plural(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    if re.search(r"\b(?:on|every|most|some|all|many)\s+$", before) is None and not m["part"]:
        return None  # "two Sundays ago", "the Tuesdays we spent": read only after a recurrence cue
    return [_set(m, m.start(), f"XXXX-WXX-{weekday_code(m['wd'])}{_part_suffix(m['part'])}", None)]
