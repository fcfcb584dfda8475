"""A word list as a trie matches what the list as an alternation (longest first) matches: same spans and
the same word at every place, case-sensitive and not, with spaces as ``\\s+`` (table of lists and
texts)."""

from __future__ import annotations

import re

import pytest

from timeline.dates.tries import alternation, trie

CASES = [
    (["day", "days", "daylight", "da"], "a day, days, daylight and dayz, da da"),
    (["a few", "a", "an", "a couple of", "a couple"], "a  few, a couple of, a couple, an a"),
    (["Monday", "Mon", "MONDAY", "monday"], "Monday MONDAY Mon. monday mon MonDay"),
    (["May", "may", "March"], "May may MAY March"),  # case twins under IGNORECASE: stays an alternation
    (["new year's day", "new year’s day", "new year"], "New Year's Day, new year’s  day, new year"),
    ([], "anything"),
]


@pytest.mark.parametrize(("words", "text"), CASES)
@pytest.mark.parametrize("flags", ["", "(?i)"])
@pytest.mark.parametrize("space", [None, r"\s+"])
def test_trie_matches_as_the_alternation(words: list[str], text: str, flags: str, space: str | None) -> None:
    def found(body: str) -> list[tuple[tuple[int, int], str]]:
        regex = re.compile(rf"{flags}(?<![a-z])(?:{body})(?![a-z])" if body else "(?!)")
        return [(m.span(), m.group()) for m in regex.finditer(text)]

    assert found(trie(words, space)) == found(alternation(words, space))


def test_case_twins_fall_back_to_the_alternation() -> None:
    assert trie(["May", "may"]) == alternation(["May", "may"])
    assert trie(["day", "days"]) == "day(?:s|)"
