"""Days that name something: a famous past event ("9/11", "the September 11 attacks") or a title
("the Sunday Times", "Monday Night Football"). The events and titles are data
(``timeline/data/dates_named_days.json``); the rules for capitalised names are here.

An event's day name is dated to the event, not to the latest such day, in any text written after it;
before one of the words of things named after it ("the 9/11 Commission", "September 11 families") it is
no date at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from timeline.dates.lexicon import lexicon
from timeline.resources import load_data


@dataclass(frozen=True)
class NamedEvent:
    name: str
    day: date
    numeric: frozenset[str]
    event_nouns: frozenset[str]
    named_after: frozenset[str]


@cache
def named_events() -> tuple[NamedEvent, ...]:
    return tuple(
        NamedEvent(
            name=raw["name"],
            day=date.fromisoformat(raw["date"]),
            numeric=frozenset(raw["numeric"]),
            event_nouns=frozenset(raw["event_nouns"]),
            named_after=frozenset(raw["named_after"]),
        )
        for raw in load_data("dates_named_days.json")["events"]
    )


def event_named(numeric: str) -> NamedEvent | None:
    """The event a numeric day name ("9/11", "7/7") names, or None."""
    for event in named_events():
        if numeric in event.numeric:
            return event
    return None


def event_of_day(month: int, day: int) -> NamedEvent | None:
    for event in named_events():
        if (event.day.month, event.day.day) == (month, day):
            return event
    return None


def after_event(event: NamedEvent, dct: date | None) -> bool:
    """A text can name the event only once it has happened (no publication date: assume it has)."""
    return dct is None or dct > event.day


_WEEKDAY_NAME_AFTER = re.compile(r"\s+(?:(?:Night|Morning|Evening)\s+)?(?P<word>[A-Z][a-z]+)")


@cache
def _weekday_titles() -> tuple[str, ...]:
    return tuple(load_data("dates_named_days.json")["weekday_titles"])


def weekday_in_title(text: str, start: int, end: int) -> bool:
    """Whether the weekday at [start, end) is part of a name, not a date.

    "the Sunday Times", "The Sunday Telegraph" (the, the weekday, a capitalised word that is no date word);
    "Monday Night Football", "Saturday Night Live" (a capitalised day part, then a capitalised word);
    "the Mail on Sunday" (a title of the data list).
    """
    for title in _weekday_titles():
        i = title.rfind(" ")
        head, last = title[: i + 1], title[i + 1 :]
        if text[start:end] == last and text[max(0, start - len(head)) : start] == head:
            return True
    m = _WEEKDAY_NAME_AFTER.match(text, end)
    if m is None or _is_date_word(m["word"]):
        return False
    day_part = m.group().split()[0] != m["word"]
    before = text[max(0, start - 4) : start]
    return day_part or before in ("the ", "The ")


@cache
def _day_word_titles() -> tuple[frozenset[str], tuple[str, ...]]:
    data = load_data("dates_named_days.json")
    return frozenset(data["day_word_title_nouns"]), tuple(data["day_word_title_heads"])


_NEXT_WORD = re.compile(r"(?:['’]s)?\s+([a-z]+)\b")
_SENTENCE_OPENERS = frozenset(".!?\"“‘'(\n")


def day_word_in_title(text: str, start: int, end: int) -> bool:
    """Whether the day word at [start, end) ("Today", "Tonight") names a programme or a paper: written with
    a capital inside a sentence before a title noun ("the Today programme", "NBC's Today show"), or after
    a title head ("USA Today")."""
    if not text[start:end][:1].isupper():
        return False
    nouns, heads = _day_word_titles()
    if any(text[max(0, start - len(head) - 1) : start] == head + " " for head in heads):
        return True
    before = text[:start].rstrip()
    if not before or before[-1] in _SENTENCE_OPENERS:
        return False  # "Today, ..." opening a sentence is the day
    m = _NEXT_WORD.match(text, end)
    return m is not None and m[1] in nouns


def _is_date_word(word: str) -> bool:
    lx = lexicon()
    key = word.lower()
    return key in lx.months or key in lx.weekdays or key in lx.seasons or key in lx.holidays
