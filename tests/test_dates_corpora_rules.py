"""Dates that real news archives break (issue 6, section 6): each rule beside its examples.

Every row is (text, publication date, what the tagger must find: (quoted text, value, mod) per mention).
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import tag_dates
from timeline.model import Mode

WED_12_JUN_2019 = date(2019, 6, 12)
SAT_15_JUN_2019 = date(2019, 6, 15)
FRI_14_JUN_2019 = date(2019, 6, 14)
BEFORE_THE_ATTACKS = date(2000, 3, 1)

Found = list[tuple[str, str, str | None]]


def found(text: str, dct: date | None, mode: Mode = "news") -> Found:
    return [(m.text, m.value, m.mod) for m in tag_dates(text, dct, mode)]


NAMED_DAYS: list[tuple[str, date | None, Found]] = [
    # A famous past event's day name is the event's day, not the latest such day.
    ("Troops deployed after 9/11, officials said.", WED_12_JUN_2019, [("9/11", "2001-09-11", "AFTER")]),
    ("the 9/11 hijackers trained in Florida", WED_12_JUN_2019, [("9/11", "2001-09-11", None)]),
    ("since the September 11 attacks", WED_12_JUN_2019, [("September 11", "2001-09-11", None)]),
    ("the 11 September attacks on New York", WED_12_JUN_2019, [("the 11 September", "2001-09-11", None)]),
    ("the Sept. 11 terrorist attacks", None, [("Sept. 11", "2001-09-11", None)]),
    ("the world after the 7/7 bombings", WED_12_JUN_2019, [("7/7", "2005-07-07", "AFTER")]),
    # Things named after the event are no date at all.
    ("the 9/11 Commission found", WED_12_JUN_2019, []),
    ("September 11 families sued the kingdom", WED_12_JUN_2019, []),
    # The same words as an ordinary date stay an ordinary date.
    (
        "On September 11, the envoy met the prime minister.",
        WED_12_JUN_2019,
        [("September 11", "2018-09-11", None)],
    ),
    ("the talks resume on September 11", WED_12_JUN_2019, [("September 11", "2019-09-11", None)]),
    # Written before the event: the day is that year's.
    ("the September 11 attacks", BEFORE_THE_ATTACKS, [("September 11", "2000-09-11", None)]),
    # Other slashed numbers are no day names.
    ("open 24/7 and pages 9-11", WED_12_JUN_2019, []),
]

COUNTS_AND_TIMES: list[tuple[str, date | None, Found]] = [
    ("some 1500 marines and 2000 bases", WED_12_JUN_2019, []),
    ("nearly 1200 contractors arrived", WED_12_JUN_2019, []),
    ("The US has 2000 bases worldwide.", WED_12_JUN_2019, []),
    ("Iran built 1200 centrifuges", WED_12_JUN_2019, []),
    ("with 2003 as the base year", WED_12_JUN_2019, [("2003", "2003", None)]),
    ("about 2000 years ago", WED_12_JUN_2019, []),
    ("tens of 1000s of people marched", WED_12_JUN_2019, []),
    ("hundreds of 1000s fled", WED_12_JUN_2019, []),
    ("1900 Evening News\n1930 Newsnight\n2000 Weather\n", WED_12_JUN_2019, []),
    ("- 0930 Breakfast\n- 1030 Panorama\n", WED_12_JUN_2019, []),
    # Years stay years.
    ("In 2003 troops entered Baghdad.", WED_12_JUN_2019, [("2003", "2003", None)]),
    ("the 2003 elections", WED_12_JUN_2019, [("2003", "2003", None)]),
    ("about 1990 he moved to Basra", WED_12_JUN_2019, [("1990", "1990", None)]),
    (
        "He was born in 1930.\nShe was born in 1932.",
        WED_12_JUN_2019,
        [("1930", "1930", None), ("1932", "1932", None)],
    ),
    ("the 1990s", WED_12_JUN_2019, [("the 1990s", "199", None)]),
]

NAMES_WITH_WEEKDAYS: list[tuple[str, date | None, Found]] = [
    ("the Sunday Times reported", WED_12_JUN_2019, []),
    ("The Sunday Telegraph said", WED_12_JUN_2019, []),
    ("told the Mail on Sunday", WED_12_JUN_2019, []),
    ("during Monday Night Football", WED_12_JUN_2019, []),
    ("a Saturday Night Live sketch", WED_12_JUN_2019, []),
    # Weekdays before capitalised words that are no title stay dates.
    ("said on Sunday President Rouhani", WED_12_JUN_2019, [("Sunday", "2019-06-09", None)]),
    ("On Monday Iraqi forces advanced", WED_12_JUN_2019, [("Monday", "2019-06-10", None)]),
]

WEEKENDS: list[tuple[str, date | None, Found]] = [
    ("Protests spread at the weekend.", WED_12_JUN_2019, [("the weekend", "2019-W23-WE", None)]),
    ("Talks stalled over the weekend.", WED_12_JUN_2019, [("the weekend", "2019-W23-WE", None)]),
    ("The ministers will meet at the weekend.", WED_12_JUN_2019, [("the weekend", "2019-W24-WE", None)]),
    ("Crowds gathered over the weekend.", SAT_15_JUN_2019, [("the weekend", "2019-W24-WE", None)]),
    ("Leaders meet at the weekend", FRI_14_JUN_2019, [("the weekend", "2019-W24-WE", None)]),
    ("Protests spread at the weekend.", None, [("the weekend", "XXXX-WXX", None)]),
]

MONTH_OF_A_RELATIVE_YEAR: list[tuple[str, date | None, Found]] = [
    ("The deal was signed in May last year.", WED_12_JUN_2019, [("May last year", "2018-05", None)]),
    ("elections due in March next year", WED_12_JUN_2019, [("March next year", "2020-03", None)]),
    ("in October of last year", WED_12_JUN_2019, [("October of last year", "2018-10", None)]),
    ("the summer of last year", WED_12_JUN_2019, [("summer of last year", "2018-SU", None)]),
    ("in May last year", None, [("May last year", "XXXX-XX", None)]),
]

BEFORE_AND_AFTER: list[tuple[str, date | None, Found]] = [
    ("long before 2003 the regime had", WED_12_JUN_2019, [("2003", "2003", "BEFORE")]),
    ("The plan was drafted before 2003.", WED_12_JUN_2019, [("2003", "2003", "BEFORE")]),
    ("shortly after May 3 the talks", WED_12_JUN_2019, [("May 3", "2019-05-03", "AFTER")]),
    ("long before the 2003 invasion", WED_12_JUN_2019, [("2003", "2003", "BEFORE")]),
    ("in the years after the 1991 war", WED_12_JUN_2019, [("1991", "1991", "AFTER")]),
    ("in 2003 and after", WED_12_JUN_2019, [("2003", "2003", None)]),
]

STORY_ANCHORS: list[tuple[str, date | None, Mode, Found]] = [
    # No date before them: nothing to count the days from (the publication date is not the story's day).
    (
        "He was arrested. The next day he was freed.",
        WED_12_JUN_2019,
        "news",
        [("The next day", "XXXX-XX-XX", None)],
    ),
    ("A few days later he was freed.", WED_12_JUN_2019, "news", [("A few days later", "XXXX-XX-XX", None)]),
    ("The day before, he fled.", WED_12_JUN_2019, "news", [("The day before", "XXXX-XX-XX", None)]),
    # After a day, the days count from it.
    (
        "He was arrested on May 3. The next day he was freed.",
        WED_12_JUN_2019,
        "news",
        [("May 3", "2019-05-03", None), ("The next day", "2019-05-04", None)],
    ),
    (
        "He was arrested yesterday; two days later he may be freed.",
        WED_12_JUN_2019,
        "news",
        [("yesterday", "2019-06-11", None), ("two days later", "2019-06-13", None)],
    ),
    # A day set beside an event ("Oct. 12, the day before the plunge") is the day just named; "the day
    # before returning" is a preposition's, no date.
    (
        "He was last seen Nov. 3, the day before police issued a warrant.",
        WED_12_JUN_2019,
        "news",
        [("Nov. 3", "2018-11-03", None), ("the day before", "2018-11-03", None)],
    ),
    ("She spoke later in the day before returning home.", WED_12_JUN_2019, "news", []),
    # After a coarser date the day is not known: the mention takes that date's precision.
    (
        "In 2003 he fled. The next day he returned.",
        WED_12_JUN_2019,
        "news",
        [("2003", "2003", None), ("The next day", "2003", None)],
    ),
    (
        "In May 1941 the revolt began; a few days later it failed.",
        None,
        "narrative",
        [("May 1941", "1941-05", None), ("a few days later", "1941-05", None)],
    ),
]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    NAMED_DAYS
    + COUNTS_AND_TIMES
    + NAMES_WITH_WEEKDAYS
    + WEEKENDS
    + MONTH_OF_A_RELATIVE_YEAR
    + BEFORE_AND_AFTER,
)
def test_news_rule(text: str, dct: date | None, expected: Found) -> None:
    assert found(text, dct) == expected


@pytest.mark.parametrize(("text", "dct", "mode", "expected"), STORY_ANCHORS)
def test_story_relative_dates_need_an_anchor(
    text: str, dct: date | None, mode: Mode, expected: Found
) -> None:
    assert found(text, dct, mode) == expected


def test_weekend_interval_is_saturday_and_sunday() -> None:
    (mention,) = tag_dates("Talks stalled over the weekend.", WED_12_JUN_2019)
    assert (mention.start, mention.end, mention.precision) == (date(2019, 6, 8), date(2019, 6, 9), "week")


def test_a_named_day_is_not_relative() -> None:
    (mention,) = tag_dates("after 9/11, the", WED_12_JUN_2019)
    assert (mention.start, mention.relative, mention.anchored) == (date(2001, 9, 11), False, True)
