"""Four-digit numbers that are no years: counts ("some 1500 marines", "1500 troops and 2000 bases",
"tens of 1000s") and the times of a broadcast schedule ("1930 News" among other lines like it).

The words are data (``timeline/data/dates_counts.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.resources import load_data


@dataclass(frozen=True)
class _Words:
    cues: frozenset[str]
    not_nouns: frozenset[str]
    multiples: re.Pattern[str]


@cache
def _words() -> _Words:
    raw = load_data("dates_counts.json")
    multiples = "|".join(re.escape(w) for w in raw["multiples"])
    return _Words(
        cues=frozenset(raw["quantity_cues_before"]),
        not_nouns=frozenset(raw["not_a_noun_after"]),
        multiples=re.compile(rf"(?i:\b(?:{multiples})\s+of\s+)$"),
    )


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")
_NOUN_AFTER = re.compile(r"[ \t]+([a-z][a-z-]*)\b")
_COUNT_THEN_CONJUNCTION = re.compile(r"\d[\d,.]*\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?\s+(?:and|or)\s+$")


def is_count(text: str, start: int, end: int) -> bool:
    """Whether the number at [start, end) counts things: a quantity word before it and a noun after it
    ("some 1500 marines", "nearly 2000 years ago"), or a count before "and"/"or" ("1500 troops and 2000
    bases")."""
    after = _NOUN_AFTER.match(text, end, min(len(text), end + 40))
    words = _words()
    if after is None or after.group(1) in words.not_nouns:
        return False
    before_text = text[max(0, start - 60) : start]
    before = _WORD_BEFORE.search(before_text)
    previous = before.group(1).lower() if before else ""
    if previous in words.cues:
        return True
    return previous in ("and", "or") and _COUNT_THEN_CONJUNCTION.search(before_text) is not None


def is_multiple(text: str, start: int) -> bool:
    """ "tens of 1000s", "hundreds of 1000s": a round number in the plural counts, it is no decade."""
    return _words().multiples.search(text, max(0, start - 30), start) is not None


_CLOCK_AT_LINE_START = re.compile(r"[ \t]*(?:[-•*]\s*)?(?:(?:[01]\d|2[0-3])[0-5]\d|[012]?\d[:.][0-5]\d)\b")
SCHEDULE_LINES = 3
"""How many lines above and below may hold the schedule's other times."""


def is_schedule_time(text: str, start: int, end: int) -> bool:
    """Whether the number at [start, end) is a clock time opening a line of a schedule: it reads as a
    time (hour 00-23, minutes 00-59), starts its line, and a neighbouring line starts with a time too."""
    number = text[start:end]
    if len(number) != 4 or not number.isdigit() or int(number[:2]) > 23 or int(number[2:]) > 59:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t-•*"):
        return False
    above = line_start
    for _ in range(SCHEDULE_LINES):
        if above == 0:
            break
        above = text.rfind("\n", 0, above - 1) + 1
        if _CLOCK_AT_LINE_START.match(text, above):
            return True
    below = text.find("\n", end)
    for _ in range(SCHEDULE_LINES):
        if below == -1:
            break
        if _CLOCK_AT_LINE_START.match(text, below + 1):
            return True
        below = text.find("\n", below + 1)
    return False
