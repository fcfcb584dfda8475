"""Tables for the every-type rules that draw one TimeML expression where the tagger sees a date and the
words beside it ("the week of", "the day before", "early this week"), and for the duration and
month-day rules added with them. "Now" is always the dct given."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import tag_dates

WED_14_JUN_2023 = date(2023, 6, 14)
MON_9_SEP_2024 = date(2024, 9, 9)


def every(text: str, dct: date = WED_14_JUN_2023) -> list[tuple[str, str, str, str | None]]:
    return [(m.text, m.type, m.value, m.mod) for m in tag_dates(text, dct, all_types=True)]


JOINS = [
    # "the week of" + a day: the ISO week holding that day.
    ("The trial opens the week of July 10.", [("the week of July 10", "DATE", "2023-W28", None)]),
    ("Sales for the week ended June 9 rose.", [("the week ended June 9", "DATE", "2023-W23", None)]),
    # "the day before" / "the day after" + a date: one day, counted from that date.
    ("She flew home the day after Christmas.", [("the day after Christmas", "DATE", "2022-12-26", None)]),
    (
        "The day before last Friday's vote, he resigned.",
        [("The day before last Friday", "DATE", "2023-06-08", None)],
    ),
    ("He arrived the day before June 20.", [("the day before June 20", "DATE", "2023-06-19", None)]),
    # A named day, then "week": the week holding it.
    ("Traffic peaks in Thanksgiving week.", [("Thanksgiving week", "DATE", "2023-W47", None)]),
    # A month or season and the year after it, spelled out as broadcasts write it, are one date.
    (
        "It snowed in February nineteen eighty-two.",
        [("February nineteen eighty-two", "DATE", "1982-02", None)],
    ),
    (
        "It began in the summer of nineteen sixty-eight.",
        [("the summer of nineteen sixty-eight", "DATE", "1968-SU", None)],
    ),
    # A modifier before this/next/last week stays inside, with the week's value and a mod.
    ("A ruling is expected early next week.", [("early next week", "DATE", "2023-W25", "START")]),
    ("Late last week, the board met.", [("Late last week", "DATE", "2023-W23", "END")]),
    ("Talks resume mid-next week.", [("mid-next week", "DATE", "2023-W25", "MID")]),
    # "the last week" keeps its article, as "the past month" does; a possessive does not take one.
    ("She has been ill for the last week.", [("the last week", "DATE", "2023-W23", None)]),
    ("Rents rose over the past month.", [("the past month", "DATE", "2023-05", None)]),
    ("At last week's hearing, he spoke.", [("last week", "DATE", "2023-W23", None)]),
]


@pytest.mark.parametrize(("text", "expected"), JOINS, ids=[c[0][:40] for c in JOINS])
def test_joins(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert every(text) == expected


NOT_JOINED = [
    # A comma keeps "the day before" and the date apart; "the week" alone names no day.
    (
        "He left the day before, June 20, they said.",
        ["the day before", "June 20"],
    ),
    ("It was the week of his life.", []),
    # A line break keeps a heading and a date line apart.
    ("Trial Calendar: the week of\nJuly 10", ["July 10"]),
    # A month and a year in another sentence stay apart.
    ("They met in May. 2003 was hard.", ["May", "2003"]),
    # "early" before a weekday is left as the date rules draw it.
    ("Early Monday, the polls opened.", ["Monday"]),
]


@pytest.mark.parametrize(("text", "spans"), NOT_JOINED, ids=[c[0][:40] for c in NOT_JOINED])
def test_not_joined(text: str, spans: list[str]) -> None:
    assert [m[0] for m in every(text)] == spans


def test_week_of_interval_covers_the_week() -> None:
    (mention,) = tag_dates("The trial opens the week of July 10.", WED_14_JUN_2023, all_types=True)
    assert (mention.start, mention.end, mention.precision) == (date(2023, 7, 10), date(2023, 7, 16), "week")


def test_joins_only_in_the_every_type_output() -> None:
    # The default output (what a timeline draws) keeps the day the text names.
    assert [
        (m.text, m.value) for m in tag_dates("The trial opens the week of July 10.", WED_14_JUN_2023)
    ] == [("July 10", "2023-07-10")]


OTHER_RULES = [
    # Unknown numbers of decades or centuries are years, as "two decades" is P20Y.
    ("a decades-long feud", [("decades-long", "DURATION", "PXY", None)]),
    ("The bridge stood for centuries.", [("centuries", "DURATION", "PXY", None)]),
    # "and a half" after the unit.
    ("The meeting ran an hour and a half.", [("an hour and a half", "DURATION", "PT1H30M", None)]),
    ("It took a year and a half to build.", [("a year and a half", "DURATION", "P1Y6M", None)]),
    # "the weeks ahead", "the years to come": an unspecified stretch ahead ("ahead of" is a preposition).
    ("Prices may fall in the months ahead.", [("the months ahead", "DURATION", "PXM", None)]),
    ("In the years to come, it will grow.", [("the years to come", "DURATION", "PXY", None)]),
    ("in the days ahead of the vote", []),
    # "the fiscal year ended ..." is twelve months, as "the year ended" is; "the fiscal year" alone the report's.
    (
        "In the fiscal year ended Jan. 31, sales rose.",
        [("the fiscal year", "DURATION", "P1Y", None), ("Jan. 31", "DATE", "2023-01-31", None)],
    ),
    ("Profit will fall for the fiscal year.", [("the fiscal year", "DATE", "2023", None)]),
    # A bare plural unit after "within" or "in" is an unspecified number of units, as after "for".
    ("Aid should arrive within days.", [("days", "DURATION", "PXD", None)]),
    ("The mill is hiring for the first time in decades.", [("decades", "DURATION", "PXY", None)]),
    ("The case may close within weeks or months.", [("weeks or months", "DURATION", "PXW", None)]),
    ("He wrote in weeks of silence.", []),
    # "then current" looks back from the time it describes: PAST_REF, not the present.
    ("the then-current rules were strict", [("then-current", "DATE", "PAST_REF", None)]),
    ("the current rules are strict", [("current", "DATE", "PRESENT_REF", None)]),
    # Focus adverbs stay outside a duration (they give no TIMEX3 mod); bounds stay inside.
    ("The strike lasted only nine days.", [("nine days", "DURATION", "P9D", None)]),
    ("It took just over an hour.", [("over an hour", "DURATION", "PT1H", "MORE_THAN")]),
    ("It took nearly two weeks.", [("nearly two weeks", "DURATION", "P2W", "LESS_THAN")]),
    # A duration modifying a noun leaves its determiner outside, hyphenated or not.
    ("They unveiled a five year plan.", [("five year", "DURATION", "P5Y", None)]),
    ("a 30-year Navy veteran", [("30-year", "DURATION", "P30Y", None)]),
    ("It rained for the two days of the fair.", [("the two days", "DURATION", "P2D", None)]),
]


@pytest.mark.parametrize(("text", "expected"), OTHER_RULES, ids=[c[0][:40] for c in OTHER_RULES])
def test_other_rules(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert every(text) == expected


LAST_NEXT_MONTH_DAY = [
    # "last" / "next" before a month-day picks the occurrence, whatever the verbs around it read as
    # ("beaten to death" is no infinitive pointing ahead).
    ("The guard was beaten to death last Nov. 30 near the gate.", "Nov. 30", "2023-11-30"),
    ("He was sent to prison last May 3 for fraud.", "May 3", "2024-05-03"),
    ("The museum reopens next March 2.", "March 2", "2025-03-02"),
]


@pytest.mark.parametrize(
    ("text", "words", "value"), LAST_NEXT_MONTH_DAY, ids=[c[0][:40] for c in LAST_NEXT_MONTH_DAY]
)
def test_last_or_next_before_a_month_day(text: str, words: str, value: str) -> None:
    for all_types in (False, True):
        found = [(m.text, m.value) for m in tag_dates(text, MON_9_SEP_2024, all_types=all_types)]
        assert found == [(words, value)]


NEAR_NAMED_DAY = [
    # Days before a named day, a past-tense verb does not send it back a year (as for a month-day).
    ("Pilgrims gathered as Easter week began.", date(2024, 3, 25), "Easter", "2024-03-31"),
    ("Pilgrims gathered for Easter.", date(2024, 6, 14), "Easter", "2024-03-31"),
    ("Shoppers crowded the stores before Christmas.", date(2024, 12, 20), "Christmas", "2024-12-25"),
]


@pytest.mark.parametrize(
    ("text", "dct", "words", "value"), NEAR_NAMED_DAY, ids=[c[0][:40] for c in NEAR_NAMED_DAY]
)
def test_near_named_day_beats_a_far_tense_reading(text: str, dct: date, words: str, value: str) -> None:
    assert [(m.text, m.value) for m in tag_dates(text, dct)] == [(words, value)]
