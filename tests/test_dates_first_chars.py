"""The first-character guard of a regular expression: which characters it lets through (table), and that
a guarded rule finds exactly what the rule finds (every date and every-type rule, over texts that hold
their matches and their near misses)."""

from __future__ import annotations

import re

import pytest

from timeline.dates.first_chars import first_chars_guard, guarded
from timeline.dates.patterns import rules
from timeline.dates.patterns_types import type_rules


@pytest.mark.parametrize(
    ("pattern", "passes", "stops"),
    [
        (r"\bMarch", "M", "m a"),
        (r"(?i:the)\s+x", "Tt", "x h"),
        (r"(?:the\s+)?(?P<d>\d+)", "t0 9", "T x"),
        (r"(?<![a-z])(?:Mon|Tue)\.?", "MT", "mt."),
        (r"(?i:k)s", "kK\u212a", "s"),
        (r"(?i:is)", "iI\u0130\u0131", "s"),
        (r"(?:a|b?)c", "abc", "d"),
        (r"[\]\-^]x", "]-^", "x"),
        (r"(?i:é)", "éÉ", "e"),
        (r"(?i:1st|fi)", "1fF", "2s"),
        (r"(?i:\d|-)x", "7-", "x"),
    ],
)
def test_guard_lets_through_the_first_characters(pattern: str, passes: str, stops: str) -> None:
    guard = first_chars_guard(pattern)
    assert guard is not None
    regex = re.compile(guard)
    assert all(regex.match(c) for c in passes.replace(" ", ""))
    assert not any(regex.match(c) for c in stops.replace(" ", ""))


@pytest.mark.parametrize(
    "pattern",
    [r"a?", r"(?:x)*", r".x", r"[^a]x", r"(a)?\1", r"\b", r"(?i)march", r"(?:a|)"],
)
def test_no_guard_where_the_first_characters_are_not_read(pattern: str) -> None:
    assert first_chars_guard(pattern) is None
    assert guarded(pattern) == pattern


TEXTS = [
    "On Wednesday, March 5, 2003 and 5 March 2003; the 5th of March; MARCH 2003; Mar. 5 and Sept 11.",
    "Last month, next week, the previous year, this coming spring, the summer of 2004, early 1990s, '90s.",
    "Three days ago, 10 years earlier, the day before, the week after, that evening, later that day.",
    "At 9 a.m. Tuesday, noon Friday, 12/25/2004, 2003-04-15, Q3 2004, fiscal 2005, the first quarter.",
    "For three years, every Friday, twice a week, weekly, the past decade, now, recently, in the 20th century.",
    "Christmas Eve, New Year’s Day, nineteen ninety-nine, two thousand and one; the second half of 2008.",
    "ſome Kelvin \u212a and İstanbul ıdle; the MONDAY, monday, mon, money; fy2011 and 1990’s.",
]


def _unguarded(pattern: str) -> str:
    guard = first_chars_guard(pattern)
    return pattern[len(guard) :] if guard and pattern.startswith(guard) else pattern


@pytest.mark.parametrize("text", TEXTS)
def test_guarded_rules_match_as_the_rules(text: str) -> None:
    for rule in rules() + type_rules():
        base = _unguarded(rule.regex.pattern)
        assert [(m.span(), m.groupdict()) for m in re.compile(guarded(base)).finditer(text)] == [
            (m.span(), m.groupdict()) for m in re.compile(base).finditer(text)
        ], rule.name
