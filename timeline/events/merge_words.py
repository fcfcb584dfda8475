"""What the merge rules read from a record's text: its content words, names and figures.

Kept apart from the rules that compare two records (``merge_rules``): each is a plain function of a
string and the word lists of ``events_merge.json`` (stopwords, calendar and month words, the name
prefix), so it can be read and tested alone. A record's own time expressions are blanked before its
words are taken ("in March 2011" says nothing of what happened).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from timeline.model import Event
from timeline.resources import load_data

_WORD = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*")


@cache
def merge_settings() -> dict[str, Any]:
    """The merge thresholds and word lists (``events_merge.json``), read once."""
    return load_data("events_merge.json")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(merge_settings()["stopwords"])


def content_words(text: str) -> frozenset[str]:
    """Lowercase words of ``text`` that carry meaning (no stopwords)."""
    stop = _stopwords()
    return frozenset(word for word in _WORD.findall(text.lower()) if word not in stop)


@cache
def _not_names() -> frozenset[str]:
    return _stopwords() | frozenset(merge_settings()["calendar_words"])


def names(sentence: str, common: frozenset[str] = frozenset()) -> frozenset[str]:
    """Capitalised words that are not stopwords, cut to a common prefix ("Kenyan" and "Kenya" agree).

    The sentence's first word is capitalised anyway: it is a name only when ``common`` (words seen in
    lower case in the texts being compared) does not hold it ("Protests erupted" names nothing).
    """
    skip = _not_names()
    size = int(merge_settings()["name_prefix"])
    found = set()
    for match in _NAME.finditer(sentence):
        word = match.group(0).rstrip(".’'-").lower()
        if word in skip or (not sentence[: match.start()].strip(" \"“‘'([") and word in common):
            continue
        found.add(word[:size])
    return frozenset(found)


_LOWER = re.compile(r"(?<![\w’'-])[a-z][\w’'-]*")


def common_words(texts: Iterable[str]) -> frozenset[str]:
    """Words written in lower case somewhere in ``texts``: ordinary words, not names."""
    return frozenset(word.rstrip(".’'-") for text in texts for word in _LOWER.findall(text))


@cache
def _month_context() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A month name just after a number ("20 April", "1st of June") or just before it ("April 20")."""
    months = "|".join(sorted((re.escape(w) for w in merge_settings()["month_words"]), key=len, reverse=True))
    after = re.compile(rf"(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{months})\b", re.IGNORECASE)
    before = re.compile(rf"\b(?:{months})\.?\s*$", re.IGNORECASE)
    return after, before


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def figures(sentence: str) -> frozenset[str]:
    """The numbers of ``sentence`` that are not parts of dates ("killed 81", not "20 April" or "2010")."""
    after, before = _month_context()
    found = set()
    for match in _NUMBER.finditer(sentence):
        number = match.group(0)
        if _YEAR.fullmatch(number):
            continue
        if len(number) <= 2 and (
            after.match(sentence, match.end())
            or before.search(sentence[max(0, match.start() - 12) : match.start()])
        ):
            continue
        found.add(number)
    return frozenset(found)


def numbers_in(text: str) -> frozenset[str]:
    """Every number written in ``text``, dates' parts included."""
    return frozenset(_NUMBER.findall(text))


def normalized(sentence: str) -> str:
    """``sentence`` lowercased, its words only, one space apart: the key of a sentence told twice."""
    return " ".join(_WORD.findall(sentence.lower()))


def without_times(event: Event) -> str:
    """The event's sentence with its own time expressions blanked ("in March 2011" says nothing of what)."""
    sentence = event.sentence
    cuts = sorted(
        (m.span[0] - m.sentence_span[0], m.span[1] - m.sentence_span[0])
        for m in event.mentions
        if m.sentence == sentence and 0 <= m.span[0] - m.sentence_span[0] <= len(sentence)
    )
    if not cuts:
        return sentence
    pieces, at = [], 0
    for start, end in cuts:
        if start >= at:
            pieces.append(sentence[at:start])
            at = max(at, end)
    pieces.append(sentence[at:])
    return " ".join(pieces)
