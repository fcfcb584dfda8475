"""Planned events: after the publication date, or governed by a future cue in the same clause."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events.tense import is_hedged, is_planned

PUBLISHED = date(2021, 7, 27)


@pytest.mark.parametrize(
    ("sentence", "time_text", "start", "expected"),
    [
        ("US combat operations will end this year.", "this year", date(2021, 1, 1), True),
        ("Iraq plans for parliamentary elections in October.", "in October", date(2021, 10, 1), True),
        ("Allen, who is due to leave his post in November, spoke.", "in November", date(2021, 11, 1), True),
        ("The talks are scheduled to resume on Monday.", "on Monday", date(2021, 7, 26), True),
        ("The vote is to be held next month.", "next month", date(2021, 8, 1), True),
        ("The Pentagon will on Monday announce the cuts.", "on Monday", date(2021, 7, 26), True),
        ("The militia said on Friday it would keep on fighting.", "on Friday", date(2021, 7, 23), False),
        (
            "The military announced on September 27 that it would begin sharing data.",
            "on September 27",
            date(2021, 9, 27),
            True,
        ),  # after publication: planned whatever the verb
        (
            "The army announced on July 2 that it would begin sharing data.",
            "on July 2",
            date(2021, 7, 2),
            False,
        ),
        ("Biden declared on Monday that troops would stay.", "on Monday", date(2021, 7, 26), False),
        ("The United States withdrew its troops in 2011.", "2011", date(2011, 1, 1), False),
        ("Rockets hit the base this year.", "this year", date(2021, 1, 1), False),
    ],
)
def test_is_planned(sentence: str, time_text: str, start: date, expected: bool) -> None:
    at = sentence.index(time_text)
    assert is_planned(sentence, (at, at + len(time_text)), start, PUBLISHED) is expected


def test_undated_document_relies_on_the_words() -> None:
    sentence = "Elections will be held in October."
    at = sentence.index("in October")
    assert is_planned(sentence, (at, at + 10), None, None) is True
    assert is_planned("Elections were held in October.", (19, 29), None, None) is False


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Troops may leave next year.", True),
        ("The strike reportedly killed ten.", True),
        ("Troops left in 2011.", False),
    ],
)
def test_is_hedged(sentence: str, expected: bool) -> None:
    assert is_hedged(sentence) is expected
