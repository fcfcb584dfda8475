"""Headlines: the sentence's own words, without the date, attribution or openers; short; no dangling end."""

from __future__ import annotations

import pytest

from timeline.events.titles import make_title, remove_time, strip_attribution


def _title(sentence: str, time_text: str) -> str:
    start = sentence.index(time_text)
    return make_title(sentence, (start, start + len(time_text)))


@pytest.mark.parametrize(
    ("sentence", "time_text", "expected"),
    [
        (
            "US Vice President Mike Pence on Saturday assured Iraqi Prime Minister Haider Al-Abadi "
            "of continued US support to defeat Daesh, the Iraqi government said in a statement.",
            "on Saturday",
            "US Vice President Mike Pence assured Iraqi Prime Minister Haider Al-Abadi",
        ),
        (
            "The army was sent into the province in 2014-three years after the last withdrawal.",
            "in 2014",
            "The army was sent into the province",
        ),
        (
            "Iran has emerged as the main power broker in Iraq after the United States withdrew "
            "its troops in 2011.",
            "2011",
            "The United States withdrew its troops",
        ),
        (
            "The ministry said the talks, which began in March, would resume soon.",
            "March",
            "The talks began",
        ),
        (
            "The Iraqi government announced at the end of 2017 that the Islamic State had been defeated.",
            "the end of 2017",
            "The Iraqi government announced the Islamic State had been defeated",
        ),
        (
            "But the parliament approved the new cabinet on Tuesday, according to state media.",
            "on Tuesday",
            "The parliament approved the new cabinet",
        ),
        (
            "Rebels seized the town last week, officials said.",
            "last week",
            "Rebels seized the town",
        ),
        (
            "However, the minister resigned in May.",
            "in May",
            "The minister resigned",
        ),
        (
            "BAGHDAD—The defence ministry opened a new base on Sunday.",
            "on Sunday",
            "The defence ministry opened a new base",
        ),
        (
            "CANBERRA, Australia (AP)_ A constitutional convention voted on Friday to make Australia "
            "a republic.",
            "on Friday",
            "A constitutional convention voted to make Australia a republic",
        ),
        (
            "In recent months a group of lenders, led by a big bank, has extended loans through January.",
            "through January",
            "In recent months a group of lenders, led by a big bank",
        ),
        (
            "In a joint statement with the minister, the airline said new flights would start in March.",
            "in March",
            "The airline said new flights would start",
        ),
        (
            "Gen. John Allen, the head of the US-led coalition, met Iraqi leaders in Baghdad on Monday.",
            "on Monday",
            "Gen. John Allen met Iraqi leaders in Baghdad",
        ),
        (
            "Sun, a maker of computer workstations, reported sales of $538.5 million for the quarter.",
            "the quarter",
            "Sun reported sales of $538.5 million",
        ),
        (
            "Meanwhile, Secretary of State Madeleine Albright, Berger and Defense Secretary William Cohen "
            "announced plans to travel to an unnamed city next week.",
            "next week",
            "Secretary of State Madeleine Albright, Berger and Defense Secretary William Cohen announced",
        ),
        (
            "Alex Henderson, an analyst, said that while Nashua's performance this year has been "
            '"atrocious," the company is attractive.',
            "this year",
            "Nashua's performance has been atrocious",
        ),
        (
            "Friday’s US strikes on a Syrian airbase drew condemnation.",
            "Friday",
            "US strikes on a Syrian airbase drew condemnation",
        ),
        (
            "Pentagon spokesman John Kirby said on Monday that the United States shares the objective.",
            "on Monday",
            "Pentagon spokesman John Kirby said the United States shares the objective",
        ),
        (
            "A chemical attack that killed scores of civilians this week was condemned by the council.",
            "this week",
            "A chemical attack killed scores of civilians",
        ),
        (
            "As Iraq plans for parliamentary elections in October, the need to avoid unrest is high.",
            "in October",
            "Iraq plans for parliamentary elections",
        ),
        (
            "Pence arrives for a press conference in Washington on 17 March, 2017 "
            "[Samuel Corum/Anadolu Agency]",
            "17 March, 2017",
            "Pence arrives for a press conference in Washington",
        ),
    ],
)
def test_make_title(sentence: str, time_text: str, expected: str) -> None:
    assert _title(sentence, time_text) == expected


LONG = (
    "The coalition, which has been conducting airstrikes against the group in Iraq and Syria since June "
    "of 2014, said on Monday that its aircraft had destroyed several training camps and weapons depots "
    "used by the militants across the northern provinces of the country."
)


@pytest.mark.parametrize("time_text", ["on Monday", "June of 2014"])
def test_long_titles_are_short_and_end_cleanly(time_text: str) -> None:
    title = _title(LONG, time_text)
    words = title.split()
    assert 2 <= len(words) <= 12
    assert words[-1].lower().strip(",.;:") not in {"the", "of", "to", "and", "in", "a", "that", "its"}
    assert not title.endswith((",", ";", ":", "—"))
    assert "Monday" not in title


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Troops left the base, the source said.", "Troops left the base"),
        ("Troops left the base, according to an informed source.", "Troops left the base"),
        ("According to the ministry, troops left the base.", "troops left the base"),
        ("The source said: “Troops left the base.”", "“Troops left the base.”"),
    ],
)
def test_strip_attribution(sentence: str, expected: str) -> None:
    assert strip_attribution(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "time_text", "expected"),
    [
        ("Talks were held on Monday in Baghdad.", "Monday", "Talks were held in Baghdad"),
        ("Protests broke out in the summer of 2018.", "summer of 2018", "Protests broke out"),
        ("Last week, militias threatened him.", "Last week", "militias threatened him"),
    ],
)
def test_remove_time(sentence: str, time_text: str, expected: str) -> None:
    start = sentence.index(time_text)
    assert remove_time(sentence, (start, start + len(time_text))) == expected


def test_other_dates_of_the_sentence_leave_the_title() -> None:
    sentence = "Biden declared on Monday that troops will leave Iraq at the end of the year."
    own = sentence.index("the end of the year")
    other = sentence.index("on Monday")
    title = make_title(
        sentence, (own, own + len("the end of the year")), ((other, other + len("on Monday")),)
    )
    assert "Monday" not in title and "end of the year" not in title
    assert "troops will leave iraq" in title.lower()
