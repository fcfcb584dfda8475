"""Display dates at the precision the text gives."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events.display import display_date, display_range
from timeline.model import Precision


@pytest.mark.parametrize(
    ("start", "end", "precision", "value", "mod", "expected"),
    [
        (date(2017, 4, 7), date(2017, 4, 7), "day", "2017-04-07", None, "Fri 7 Apr 2017"),
        (date(2017, 4, 3), date(2017, 4, 9), "week", "2017-W14", None, "Week of 3 Apr 2017"),
        (date(2017, 4, 1), date(2017, 4, 30), "month", "2017-04", None, "Apr 2017"),
        (date(2018, 6, 1), date(2018, 8, 31), "season", "2018-SU", None, "Summer 2018"),
        (date(2018, 12, 1), date(2019, 2, 28), "season", "2018-WI", None, "Winter 2018"),
        (date(2017, 9, 1), date(2017, 12, 31), "year", "2017", "END", "Late 2017"),
        (date(2017, 1, 1), date(2017, 4, 30), "year", "2017", "START", "Early 2017"),
        (date(2017, 5, 1), date(2017, 8, 31), "year", "2017", "MID", "Mid 2017"),
        (date(2014, 1, 1), date(2014, 12, 31), "year", "2014", None, "2014"),
        (date(1980, 1, 1), date(1989, 12, 31), "decade", "198", None, "1980s"),
        (date(1901, 1, 1), date(2000, 12, 31), "century", "19", None, "20th century"),
        (date(2017, 10, 1), date(2017, 12, 31), "quarter", "2017-Q4", None, "Q4 2017"),
        (date(2017, 1, 1), date(2017, 6, 30), "half", "2017-H1", None, "H1 2017"),
        (date(2014, 6, 1), date(2014, 6, 30), "month", "2014-06", "SINCE", "Since Jun 2014"),
        (date(2021, 4, 5), date(2021, 4, 6), "day", "2021-04-05", None, "Mon 5 Apr 2021 – Tue 6 Apr 2021"),
    ],
)
def test_display_date(
    start: date, end: date, precision: Precision, value: str, mod: str | None, expected: str
) -> None:
    assert display_date(start, end, precision, value, mod) == expected


def test_unanchored_date_shows_its_words_not_a_guess() -> None:
    assert display_date(None, None, "day", "XXXX-WXX-5", None, "on Friday") == "Undated (on Friday)"


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("2003", "2011", "2003 – 2011"),
        ("Mar 2003", "May 2003", "Mar – May 2003"),
        ("Sat 1 Jun 2019", "Wed 5 Jun 2019", "Sat 1 Jun – Wed 5 Jun 2019"),
        ("Dec 2002", "Jan 2003", "Dec 2002 – Jan 2003"),
    ],
)
def test_display_range(first: str, last: str, expected: str) -> None:
    assert display_range(first, last) == expected
