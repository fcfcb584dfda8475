"""The tagger scans each rule only in windows around its trigger words (and, for a rule with a second
class, where both classes' windows meet); that must find exactly what scanning the rule over the whole
text finds. Tables: texts that hold every kind of number and every two-class rule, and the shapes of
numbers that trigger the digit rules."""

from __future__ import annotations

import itertools

import pytest

from timeline.dates.fold import matchable
from timeline.dates.patterns import rules
from timeline.dates.patterns_types import all_trigger_classes, type_rules
from timeline.dates.tagger import _candidates, _intersection, _windows_by_trigger
from timeline.dates.trigger_words import number_classes, triggers

TEXTS = [
    "On Monday, 3 March 2003, the troops crossed; by March 5, 2003 they were at the river.",
    "Wednesday, the 5th of March, 2004 and September 11 and 11 September and Sept. 2001.",
    "From 3-5 May and May 3 - 5, 2004, then March to May of 2005; in May last year.",
    "In the early 1990s and the '90s, in the 1990's, mid-1980s and 21990s; class of '03.",
    "On 12/25/2004, 25.12.04, 9/11, 7-4 and 2003-04-15; 1939-45 and 1990–95.",
    "Three days ago, two weeks later, 10 years earlier and a decade before; 5 days after the vote.",
    "We met over the weekend and at the weekend; spring of 2004 and the summer 2005.",
    "$2,004 and 3.14 and 1,999 people; 2004% and 20.04 and fy2011, Q3 2004 and Q4 '05.",
    "page 7/8 and 12.5 and 3-point and 99s; it's '99 and ’04 and 1990’s and 4s",
    "12 May " + "x " * 40 + "2004 and May 7 " + "y " * 30 + "8 June",
    "",
]


def _whole_text(text: str, all_types: bool) -> set[tuple[int, int, int]]:
    rule_list = rules() + type_rules() if all_types else rules()
    return {
        (m.start(), m.end(), index)
        for index, rule in enumerate(rule_list)
        for m in rule.regex.finditer(text)
        if m.end() > m.start()
    }


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("all_types", [False, True])
def test_windows_find_what_the_whole_text_holds(text: str, all_types: bool) -> None:
    text = matchable(text)
    rule_list = rules() + type_rules() if all_types else rules()
    classes = all_trigger_classes() if all_types else triggers().classes
    found = {(start, end, index) for start, end, index, _ in _candidates(text, rule_list, classes)}
    assert found == _whole_text(text, all_types)


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("in 2004 the", "2004", {"number", "number:4"}),
        ("on 9/11 we", "9", {"number", "number:sep"}),
        ("on 9/11 we", "11", {"number"}),
        ("12.3.2004", "12", {"number", "number:sep"}),
        ("7-4", "7", {"number", "number:sep"}),
        ("7- 4", "7", {"number"}),
        ("123/4", "123", {"number"}),
        ("the 1990s", "1990", {"number", "number:4", "number:s"}),
        ("the 1990's", "1990", {"number", "number:4", "number:s"}),
        ("the 1990’s", "1990", {"number", "number:4", "number:s"}),
        ("the '90s", "90", {"number", "number:s", "number:quoted"}),
        ("class of '03", "03", {"number", "number:quoted"}),
        ("class of ’03", "03", {"number", "number:quoted"}),
        ("'123", "123", {"number"}),
        ("1990'", "1990", {"number", "number:4"}),
        ("5", "5", {"number"}),
    ],
)
def test_number_classes(text: str, number: str, expected: set[str]) -> None:
    start = text.index(number)
    assert set(number_classes(text, start, start + len(number))) == expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ([(0, 10), (20, 30)], [(5, 25)], [(5, 10), (20, 25)]),
        ([(0, 10)], [(10, 20)], []),
        ([(0, 100)], [(1, 2), (3, 4)], [(1, 2), (3, 4)]),
        ([], [(0, 5)], []),
        ([(0, 5), (6, 9)], [(0, 9)], [(0, 5), (6, 9)]),
    ],
)
def test_intersection(
    first: list[tuple[int, int]], second: list[tuple[int, int]], expected: list[tuple[int, int]]
) -> None:
    assert _intersection(first, second) == expected
    assert _intersection(second, first) == expected


def test_a_class_of_words_and_numbers_gets_ordered_windows() -> None:
    text = "May " + "x " * 60 + "2004 and then " + "y " * 60 + "June"
    windows = _windows_by_trigger(text, {"may": ("month",), "june": ("month",), "2004": ("month",)})
    spans = windows["month"]
    assert spans == sorted(spans) and len(spans) == 3
    assert all(first[1] < second[0] for first, second in itertools.pairwise(spans))
