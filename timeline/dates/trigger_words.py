"""Trigger words of the date grammar: which words each rule's matches always contain, so the tagger scans
a rule only near them (``timeline.dates.tagger``), and the classes of a number by its shape."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.dates.lexicon import lexicon

_MONTH_AND_NUMBER = (
    "day_month_year",
    "month_day_year",
    "day_range_month",
    "month_day_range",
    "day_month",
    "month_day",
    "month_year",
    "month_range_year",
)
"""The rules whose matches hold a month name and a number (triggered by the first, checked by the second)."""

RULE_TRIGGER: dict[str, str] = {
    **dict.fromkeys(("iso", "year", "year_range"), "number:4"),
    **dict.fromkeys(("numeric", "named_day"), "number:sep"),
    "decade": "number:s",
    "short_year": "number:quoted",
    **dict.fromkeys((*_MONTH_AND_NUMBER, "day_word_month", "month_relative", "month"), "month"),
    **dict.fromkeys(("season_year", "season_relative", "season"), "season"),
    **dict.fromkeys(("quarter", "quarter_ref", "year_earlier_adj", "quarter_this"), "quarter"),
    **dict.fromkeys(
        (
            "relative_unit",
            "day_of_that_month",
            "the_relative_unit",
            "part_of_relative",
            "unit_end",
            "in_the_unit",
            "year_word",
            "year_end",
        ),
        "unit",
    ),
    **dict.fromkeys(("day_part_rel", "next_day_part", "that_day", "day_before_after"), "day_part"),
    "decade_words": "decade_word",
    "century": "century",
    "half": "half",
    "fiscal": "fiscal",
    "year_quarter": "quarter",
    "day_word": "day_word",
    "ago": "ago",
    "weekday": "weekday",
    "holiday": "holiday",
    "clock_time": "clock",
    "unit_before_after": "unit",
    "ordinal_week": "month",
    "quarter_code": "quarter_code",
    "spelled_year": "spelled",
    "month_rel_year": "month",
    "season_rel_year": "season",
    "the_weekend": "weekend",
}
"""Which words a rule's matches always contain: the tagger scans a rule only near those words."""

RULE_ALSO: dict[str, str] = {
    **dict.fromkeys((*_MONTH_AND_NUMBER, "season_year"), "number"),
    "ago": "unit",  # "three days ago": the unit word beside the direction word
}
"""A second trigger class of a rule (``Rule.also``): its matches hold words of both classes."""


def number_classes(text: str, start: int, end: int) -> tuple[str, ...]:
    """The trigger classes of the number ``text[start:end]`` (a whole run of digits), by its shape and
    its neighbours: every number is a "number"; the digit rules need only the numbers their matches
    hold: four digits (a year, an ISO date), one or two before a date separator and a digit ("9/11",
    "12.3.2004"), digits before an "s" (the decade "1990s", "'90s", "1990's") and two digits after an
    apostrophe (the year "'03"). ``text`` is the ASCII-lower-cased text."""
    following = text[end : end + 1]
    after = text[end + 1 : end + 2]
    length = end - start
    four = length == 4
    sep = length <= 2 and following in _DATE_SEPARATORS and after.isdigit()
    decade = following == "s" or (following in _QUOTES and after == "s")
    quoted = length == 2 and start > 0 and text[start - 1] in _QUOTES
    return _NUMBER_CLASSES[four, sep, decade, quoted]


_DATE_SEPARATORS = frozenset("/.-")
_QUOTES = frozenset("'’")
_NUMBER_CLASSES: dict[tuple[bool, bool, bool, bool], tuple[str, ...]] = {
    (four, sep, decade, quoted): (
        "number",
        *(["number:4"] if four else []),
        *(["number:sep"] if sep else []),
        *(["number:s"] if decade else []),
        *(["number:quoted"] if quoted else []),
    )
    for four in (False, True)
    for sep in (False, True)
    for decade in (False, True)
    for quoted in (False, True)
}


@dataclass(frozen=True)
class Triggers:
    """One pass over the ASCII-lower-cased text finds every word and number; ``classes`` says which
    words are triggers of which rule classes (numbers trigger the classes ``number_classes`` gives)."""

    regex: re.Pattern[str]
    classes: dict[str, tuple[str, ...]]


@cache
def triggers() -> Triggers:
    lx = lexicon()
    words_by_class: dict[str, list[str]] = {
        "month": list(lx.months),
        "season": list(lx.seasons),
        "quarter": ["quarter", "quarters", "period", "periods", "year-earlier", "year-ago"],
        "unit": [
            *("day", "days", "week", "weeks", "weekend", "weekends", "month", "months", "year", "years"),
            *("yr", "yrs", "decade", "decades", "century", "centuries"),
        ],
        "day_part": [*lx.day_parts, *(f"{part}s" for part in lx.day_parts), "day"],
        "decade_word": list(lx.decade_words),
        "century": ["century", "centuries"],
        "half": ["half"],
        "fiscal": ["fiscal", "fy"],
        "day_word": ["yesterday", "today", "tomorrow", "tonight"],
        "ago": ["ago", "earlier", "later", "before", "after", "from now", "hence", "previously", "prior"],
        "weekend": ["weekend"],
        "weekday": list(lx.weekdays),
        "holiday": list(lx.holidays),
        "spelled": [*lx.spelled_year_tens, "thousand"],
        # A clock time always has its "a.m." / "pm", its part of the day ("4 in the morning") or is a
        # word; a quarter code its "Q".
        "clock": [
            *("am", "pm", "m", "noon", "midnight", "midday", "morning", "afternoon", "evening", "night"),
            *(zone.lower() for zone in lx.time_zones),
        ],
        "quarter_code": ["q"],
    }
    classes: dict[str, list[str]] = {}
    for name, words in words_by_class.items():
        for word in words:
            for token in _trigger_tokens(word):
                if name not in classes.setdefault(token, []):
                    classes[token].append(name)
    # One pass of a plain word tokenizer and a dictionary look-up: whole words only ("mon" must not
    # fire inside "money", "mar" inside "market"), and far cheaper than a big alternation.
    return Triggers(_WORD_OR_NUMBER, {word: tuple(names) for word, names in classes.items()})


_WORD_OR_NUMBER = re.compile(r"[a-z]+|\d+")
_COMMON_TOKENS = frozenset({"s", "day", "of", "the", "from", "and", "eve", "new"})


def _trigger_tokens(word: str) -> list[str]:
    """The tokens of a trigger phrase that the tokenizer sees ("year-ago" -> year, ago; "from now" ->
    now); a phrase's common words ("day" in "independence day") are left out unless nothing else is."""
    tokens = _WORD_OR_NUMBER.findall(word)
    rare = [t for t in tokens if t not in _COMMON_TOKENS]
    return rare or tokens


CASED_TRIGGERS = frozenset({"month", "weekday"})
"""Trigger classes whose rules only match capitalised words: a lower-case "may" or "sat" cannot start them."""
