"""The article's own publication dateline: a short line that is (mostly) a date, at the top or bottom.

Examples: "April 8, 2017 at 2:41 pm", "Published October 20th, 2015 - 12:00 GMT",
"Last Modified: Sunday، 03 February 2019 02:30 PM", "Updated: 2019-02-03", "8 April 2017 14:41 GMT".
A line qualifies when, once its label (Published, Updated, Last Modified...), the date, the time, the
weekday and a few filler words are removed, at most ``max_other_words`` words remain. Only full dates (day,
month and year) count, and numeric dates only when unambiguous: never a guess, never "today". The patterns
are plain alternations and bounded repeats (no nested quantifiers), so they run in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from timeline.documents.data import dateline_data
from timeline.documents.lines import Line

DatelineKind = Literal["published", "plain", "updated"]
KIND_PREFERENCE: dict[DatelineKind, int] = {"published": 0, "plain": 1, "updated": 2}
"""A labelled publication date beats a bare date, which beats an update date."""

MIN_YEAR, MAX_YEAR = 1800, 2199
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Dateline:
    line: Line
    position: int
    """Where the line sits in the list of lines searched."""
    date: date
    kind: DatelineKind


@dataclass(frozen=True, slots=True)
class _Patterns:
    month_day_year: re.Pattern[str]
    day_month_year: re.Pattern[str]
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    time: re.Pattern[str]
    labels: tuple[tuple[str, DatelineKind], ...]
    months: dict[str, int]
    ignorable: frozenset[str]


@cache
def _patterns() -> _Patterns:
    data = dateline_data()
    months: dict[str, int] = data["months"]
    month = "(?:" + "|".join(sorted(months, key=len, reverse=True)) + r")\.?"
    day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    labels: list[tuple[str, DatelineKind]] = [(label, "published") for label in data["published_labels"]]
    labels += [(label, "updated") for label in data["updated_labels"]]
    labels.sort(key=lambda pair: len(pair[0]), reverse=True)
    return _Patterns(
        month_day_year=re.compile(rf"\b(?P<m>{month})\s{{0,3}}{day},?\s{{1,3}}(?P<y>\d{{4}})(?!\d)", re.I),
        day_month_year=re.compile(
            rf"\b{day}\s{{1,3}}(?:of\s{{1,3}})?(?P<m>{month}),?\s{{1,3}}(?P<y>\d{{4}})(?!\d)", re.I
        ),
        iso=re.compile(r"(?<!\d)(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"),
        numeric=re.compile(r"(?<!\d)(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)"),
        time=re.compile(
            r"(?<!\d)\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:\s{0,2}[ap]\.?m\.?)?|[+-]\d{2}:?\d{2}\b", re.I
        ),
        labels=tuple(labels),
        months={name.lower(): number for name, number in months.items()},
        ignorable=frozenset(data["weekdays"])
        | frozenset(data["filler_words"])
        | frozenset(word for label, _kind in labels for word in label.split()),
    )


def find_date(text: str) -> tuple[date, int, int] | None:
    """The first full, unambiguous date written in ``text`` and its span, e.g. in a meta tag's value."""
    patterns = _patterns()
    found: list[tuple[int, int, date]] = []
    for pattern in (patterns.month_day_year, patterns.day_month_year, patterns.iso, patterns.numeric):
        for match in pattern.finditer(text):
            value = _date_of(match, patterns)
            if value is not None:
                found.append((match.start(), match.end(), value))
                break
    if not found:
        return None
    start, end, value = min(found)
    return value, start, end


def parse_dateline(text: str) -> tuple[date, DatelineKind] | None:
    """The date of a dateline line and whether it is labelled published/updated; None if not a dateline."""
    data = dateline_data()
    clean = text.strip(" \t\ufeff\xa0#*_>|").replace("\u060c", ",")
    if not clean or len(clean) > data["max_line_chars"]:
        return None
    kind, rest = _strip_label(clean)
    found = find_date(rest)
    if found is None:
        return None
    value, _start, _end = found
    others = _other_words(rest)
    if others > data["max_other_words"]:
        return None
    return value, kind


def find_dateline(lines: list[Line], article_end: int) -> tuple[Dateline | None, list[Dateline]]:
    """The publication dateline among the first and last lines of the article, and every dateline seen.

    ``lines`` are the text's non-blank lines; ``article_end`` is the position of the first line after
    the article (its chrome tail), so that dates of related stories below "You may also like" are never
    taken for the article's own.
    """
    window = dateline_data()["window_lines"]
    positions = [*range(min(window, article_end)), *range(max(window, article_end - window), article_end)]
    seen: list[Dateline] = []
    for position in positions:
        line = lines[position]
        parsed = parse_dateline(line.raw)
        if parsed is not None:
            seen.append(Dateline(line, position, parsed[0], parsed[1]))
    if not seen:
        return None, []
    best = min(seen, key=lambda found: (KIND_PREFERENCE[found.kind], found.position))
    return best, seen


def _strip_label(text: str) -> tuple[DatelineKind, str]:
    lower = text.lower()
    for label, kind in _patterns().labels:
        if lower.startswith(label) and (len(lower) == len(label) or not lower[len(label)].isalpha()):
            return kind, text[len(label) :].lstrip(" :-–—|,")
    return "plain", text


def _other_words(text: str) -> int:
    """Words of ``text`` that are not dates, times, weekdays, labels or filler."""
    patterns = _patterns()
    for pattern in (patterns.month_day_year, patterns.day_month_year, patterns.iso, patterns.numeric):
        text = pattern.sub(" ", text)
    text = patterns.time.sub(" ", text)
    words = WORD.findall(text.lower())
    return sum(1 for word in words if word not in patterns.ignorable)


def _date_of(match: re.Match[str], patterns: _Patterns) -> date | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if "a" in groups and groups.get("a") is not None:
        first, second = int(groups["a"]), int(groups["b"])
        if groups["sep"] == "/":
            if first == second or second > 12:
                month, day = first, second
            elif first > 12:
                day, month = first, second
            else:
                return None  # 03/04/2019: US or European order cannot be told apart
        else:
            day, month = first, second  # dotted and dashed day-first dates are European
    else:
        day = int(groups["d"])
        month_text = groups["m"].rstrip(".").lower()
        month = int(month_text) if month_text.isdigit() else patterns.months.get(month_text, 0)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
