"""No expression runs from one line to another (a heading and a date line are two things), except across
the break of a long line, as in prose hard-wrapped at a fixed width (issue 9, §2). Both outputs."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import tag_dates
from timeline.dates.lines import crosses_line_break

DCT = date(2005, 1, 10)
WRAPPED = "The coalition said that its forces had reached the outskirts of the city on 5\nMarch 2003."

TABLE = [
    # (text, the expressions tagged)
    ("Monday\nMarch 3, 2003", ["Monday", "March 3, 2003"]),  # a heading line, then a date line
    ("Published January\n1997 by the press", ["January", "1997"]),
    ("He left on 5\n\nMarch 2003", ["March 2003"]),  # a blank line between
    ("Late\nMarch 2003 talks", ["March 2003"]),  # "Late" closing the line above modifies nothing
    (WRAPPED, ["5\nMarch 2003"]),  # hard-wrapped prose: one date over the wrap
    ("On Monday, March 3, 2003, the talks began.", ["Monday, March 3, 2003"]),  # one line: unchanged
]


@pytest.mark.parametrize("all_types", [False, True])
@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_expressions_stay_on_their_line(text: str, expected: list[str], all_types: bool) -> None:
    found = [m.text for m in tag_dates(text, DCT, "news", all_types=all_types)]
    assert found == expected


def test_a_date_opening_the_next_line_keeps_its_own_value() -> None:
    heading, line = tag_dates("Monday\nMarch 3, 2003", DCT, "news")
    assert line.value == "2003-03-03"
    assert heading.value != line.value  # the heading's weekday is dated on its own


@pytest.mark.parametrize(
    ("text", "crosses"),
    [
        ("a\nb", True),
        ("x" * 60 + "\nb", False),
        ("x" * 60 + "\n\nb", True),
        ("no break at all", False),
    ],
)
def test_which_breaks_part_two_lines(text: str, crosses: bool) -> None:
    assert crosses_line_break(text, 0, len(text)) is crosses
