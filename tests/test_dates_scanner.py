"""The tagger's trigger scanner finds exactly what the plain tokenizer of ``triggers()`` finds among the
trigger words: same words, same places (table of texts, both trigger sets)."""

from __future__ import annotations

import pytest

from timeline.dates.all_types import all_trigger_classes
from timeline.dates.patterns import triggers
from timeline.dates.tagger import _ASCII_LOWER, _scanner

TEXTS = [
    "On Monday, 3 March 2003, the days before the war",
    "Mondays and MONDAY and monday: mon, money, Mar, market",
    "the 1990s, 2003-04, 9/11, 1930GMT, fy2011 and Q3",
    "a dayday week-end, weekends, year-ago and years-long",
    "café Montag 12:30pm noon midnight; décembre 2001",
    "",
    "no trigger at all here",
]


def _reference(text: str, classes: dict[str, tuple[str, ...]]) -> list[tuple[int, str]]:
    lowered = text.translate(_ASCII_LOWER)
    return [
        (m.start(), m.group())
        for m in triggers().regex.finditer(lowered)
        if m.group() in classes or m.group()[0].isdigit()
    ]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("all_types", [False, True])
def test_scanner_matches_the_plain_tokenizer(text: str, all_types: bool) -> None:
    classes = all_trigger_classes() if all_types else triggers().classes
    found = [(m.start(), m.group()) for m in _scanner(frozenset(classes)).finditer(text.translate(_ASCII_LOWER))]
    assert found == _reference(text, classes)


def test_scanner_with_no_words_finds_numbers_only() -> None:
    assert [m.group() for m in _scanner(frozenset({"9/11", "12"})).finditer("a 12 b 9/11")] == ["12", "9", "11"]
