"""What every resolver shares: the context it reads, the pieces it returns, the handler registry."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from timeline.dates import calendar as cal
from timeline.dates.lexicon import lexicon
from timeline.dates.tense import Tense, tense_of
from timeline.model import Mode, Precision, TimexType


@dataclass
class Context:
    """What a handler may look at: the text, the anchors, and what the document said so far."""

    text: str
    dct: date | None
    mode: Mode
    anchor: cal.Interval | None = None
    """The date last mentioned (narrative reference; also "the next day" in news)."""
    last_quarter: cal.Interval | None = None
    main_year: int | None = None
    """Narrative only: the median year the text names; asides far from it do not move the anchor."""
    tense_cache: dict[tuple[int, int], Tense | None] = field(default_factory=dict)

    def ref(self) -> date | None:
        if self.mode == "narrative":
            if self.anchor is not None:
                return self.anchor.start
            if self.main_year is not None:
                return date(self.main_year, 1, 1)
        return self.dct

    def story_ref(self) -> date | None:
        """Reference of story-relative words ("the next day", "two days later"): last date, else dct."""
        return self.anchor.start if self.anchor is not None else self.dct

    def tense(self, start: int, end: int) -> Tense | None:
        key = (start, end)
        if key not in self.tense_cache:
            self.tense_cache[key] = tense_of(self.text, start, end)
        return self.tense_cache[key]


@dataclass(frozen=True)
class Piece:
    """A resolved part of a match (a range yields two pieces)."""

    start: int
    end: int
    interval: cal.Interval | None
    precision: Precision
    relative: bool = False
    kind: TimexType = "DATE"
    """DURATION and SET pieces carry their TIMEX3 ``value`` and no interval."""
    freq: str | None = None
    value: str | None = None
    """The TIMEX3 value when there is no interval but the date is known (``BC0901``: before year 1)."""


Handler = Callable[[re.Match[str], Context], list[Piece] | None]
HANDLERS: dict[str, Handler] = {}


def handler(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        HANDLERS[name] = fn
        return fn

    return register


def _month_number(word: str) -> int:
    return lexicon().months[word.rstrip(".").lower()]


def _day_of(m: re.Match[str], group: str = "day") -> int:
    """The day a rule read: digits ("5th"), or an ordinal word in the ``dayword`` group ("fifth")."""
    digits: str | None = m.group(group) if group in m.re.groupindex else None
    if digits is None and group == "day" and "dayword" in m.re.groupindex and m["dayword"]:
        return lexicon().ordinal_words[" ".join(m["dayword"].lower().split())]
    if digits is None:
        raise ValueError(f"the rule read no day: {m.group()!r}")
    return int(digits)


def _valid_day(y: int, month: int, d: int) -> bool:
    return 1 <= d <= cal.last_day(y, month)


def _single(
    m: re.Match[str], interval: cal.Interval | None, precision: Precision, relative: bool = False
) -> list[Piece]:
    return [Piece(m.start(), m.end(), interval, precision, relative=relative)]


def _previous_word(text: str, start: int) -> str:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = i
    while j >= 0 and (text[j].isalnum() or text[j] in "-'’."):
        j -= 1
    return text[j + 1 : i + 1].lower().strip(".")


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([A-Za-z%$’'.-]+)", text[end : end + 30])
    return m.group(1).lower().rstrip(".,") if m else ""


def _mod(word: str | None) -> str | None:
    return {"early": "START", "mid": "MID", "late": "END"}.get((word or "").lower())


def _narrowed(interval: cal.Interval, mod_word: str | None) -> cal.Interval:
    mod = _mod(mod_word)
    return cal.narrow(interval, mod) if mod else interval


_UNIT_PRECISION: dict[str, Precision] = {
    "day": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "quarter": "quarter",
}


def _unit(word: str) -> str:
    word = word.lower()
    if word in ("yr", "yrs"):
        return "year"
    return lexicon().units.get(word, word.rstrip("s"))
