"""Key days: how a reference is written (calendar date, weekday, time of day) changes how much it counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from timeline.summarize.batch import day_mentions, summarize_task
from timeline.summarize.days import (
    DayReference,
    day_salience,
    day_sources,
    names_its_zone,
    reference_weight,
    writes_day_number,
)

D = date(2011, 3, 7)  # a Monday


def _day(n: int) -> date:
    return D + timedelta(days=n)


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("7 March", D, True),
        ("March 7, 2011", D, True),
        ("2011-03-07", D, True),
        ("07/03/2011", D, True),
        ("Monday", D, False),
        ("yesterday", D, False),
        ("17 March", date(2011, 3, 17), True),
        ("17 March", D, False),  # 17 is not 7
        ("March 27", D, False),
        ("2 June 2010", date(2010, 6, 2), True),
        ("June 2010", date(2010, 6, 20), False),  # the 20 of 2010 is not the day
    ],
)
def test_writes_day_number(text: str, day: date, expected: bool) -> None:
    assert writes_day_number(text, day) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2100 GMT on Monday", True), ("9 a.m. EST Tuesday", True), ("Monday night", False), ("9pm", False)],
)
def test_names_its_zone(text: str, expected: bool) -> None:
    assert names_its_zone(text) is expected


LATER = _day(3)


@pytest.mark.parametrize(
    ("stronger", "weaker"),
    [
        (DayReference("a", LATER, D, calendar=True), DayReference("a", LATER, D)),  # "7 March" > "Monday"
        (DayReference("a", LATER, D), DayReference("a", LATER, D, time_of_day=True)),  # > "Monday night"
        # a time of day weighs the same whether or not the day number is written with it
        (DayReference("a", LATER, D, calendar=True), DayReference("a", LATER, D, True, True, True)),
        (
            DayReference("a", LATER, D, lead=True, time_of_day=True),
            DayReference("a", LATER, D, time_of_day=True),
        ),
    ],
)
def test_reference_weights_order(stronger: DayReference, weaker: DayReference) -> None:
    assert reference_weight(stronger) > reference_weight(weaker)


def test_a_day_recalled_by_its_date_outranks_one_recalled_by_weekday_or_by_night() -> None:
    # three days, each named by one later article in the same place; only the wording differs
    published = {"dated": _day(9), "weekday": _day(9), "night": _day(9)}
    refs = [
        DayReference("dated", _day(9), _day(0), calendar=True),
        DayReference("weekday", _day(9), _day(1)),
        DayReference("night", _day(9), _day(2), time_of_day=True),
    ]
    scores = day_salience(refs, published)
    assert sorted((_day(0), _day(1), _day(2)), key=lambda day: -scores[day]) == [_day(0), _day(1), _day(2)]


def _task(articles: list[tuple[str, str]], k: int) -> dict[str, object]:
    return {
        "id": "t/x",
        "k": k,
        "from": "2011-03-01",
        "to": "2011-03-31",
        "keywords": [],
        "articles": [
            {"id": f"a{n}", "published": pub, "text": text} for n, (pub, text) in enumerate(articles)
        ],
    }


# Two articles published on the 10th (each counting for that day) recall two earlier days each; how they
# write them decides the rank.
RANKING = [
    (
        [
            ("2011-03-10", "Rebels shelled the port on Monday. Talks opened in Geneva on 8 March."),
            (
                "2011-03-10",
                "The shelling of the port on Monday was condemned. Geneva talks began on 8 March.",
            ),
        ],
        ["2011-03-08", "2011-03-07", "2011-03-10"],  # the written date first, both above the publication day
    ),
    (
        [
            ("2011-03-10", "Rebels shelled the port on Monday night. Talks opened in Geneva on Tuesday."),
            (
                "2011-03-10",
                "The shelling of the port on Monday night was condemned. Geneva talks began on Tuesday.",
            ),
        ],
        ["2011-03-08", "2011-03-10", "2011-03-07"],  # the night-time one even below the publication day
    ),
    (
        [
            (
                "2011-03-10",
                "Rebels shelled the port at 2100 GMT on Monday. Talks opened in Geneva on Tuesday.",
            ),
            (
                "2011-03-10",
                "The shelling of the port at 2100 GMT on Monday was condemned. Geneva talks began on Tuesday.",
            ),
        ],
        # a time written with its zone names its day for every reader: it counts as the weekday alone would
        ["2011-03-07", "2011-03-08", "2011-03-10"],
    ),
]


@pytest.mark.parametrize(("articles", "expected"), RANKING)
def test_batch_ranks_days_by_how_they_are_recalled(
    articles: list[tuple[str, str]], expected: list[str]
) -> None:
    days = [day.isoformat() for day, _ in summarize_task(_task(articles, 3))]
    assert days == expected


@pytest.mark.parametrize(
    ("references", "published", "expected"),
    [
        ([], {"a": D, "b": D}, {D: 2}),  # two articles published on the day
        (
            [DayReference("a", _day(2), D), DayReference("a", _day(2), D, lead=True)],
            {"a": _day(2)},
            {D: 1, _day(2): 1},
        ),
        (
            [DayReference("b", _day(2), D)],
            {"a": D, "b": _day(2)},
            {D: 2, _day(2): 1},
        ),  # published on it + names it
        ([DayReference("a", D, D)], {"a": D}, {D: 1}),  # naming its own day is still one article
        ([], {"a": None}, {}),
    ],
)
def test_day_sources_counts_distinct_articles(
    references: list[DayReference], published: dict[str, date | None], expected: dict[date, int]
) -> None:
    assert day_sources(references, published) == expected


_BODY = "Officials said the well was capped on 10 March after weeks of work."


@pytest.mark.parametrize(
    ("text", "references", "candidates"),
    [
        # A plain reference: counts, and its sentence may summarize the day.
        (_BODY, [date(2011, 3, 10)], [date(2011, 3, 10)]),
        # An agency dateline dates the story: no reference, but the story's first sentence may summarize.
        ("LONDON, March 15 (Reuters) - The bank raised rates.", [], [date(2011, 3, 15)]),
        ("NEW YORK | Tue Mar 15, 2011 4:10pm EDT NEW YORK (Reuters) - Stocks fell.", [], [date(2011, 3, 15)]),
        # A reader's time stamp or a byline's date: neither.
        ("At 18:20 16th Mar 2011, quietreader wrote: Too late.", [], []),
        ("Agreed. Posted by: riverfan | March 16, 2011 3:45 PM | Report abuse", [], []),
        ("Posted by Maria van Berg on Tuesday, 15 March 2011", [], []),
        # In the reader comments, a day named still counts, but a reader's sentence is no summary.
        (
            f"{_BODY}\nAt 18:20 16th Mar 2011, quietreader wrote: Remember 1 March, when it first leaked.",
            [date(2011, 3, 10), date(2011, 3, 1)],
            [date(2011, 3, 10)],
        ),
    ],
)
def test_day_mentions_skip_stamps_and_comment_sentences(
    text: str, references: list[date], candidates: list[date]
) -> None:
    found, _comments = day_mentions(text, date(2011, 3, 15))
    assert [m.day for m in found if m.reference] == references
    assert [m.day for m in found if m.candidate] == candidates
