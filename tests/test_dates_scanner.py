"""The tagger's trigger scanner finds exactly what the plain tokenizer of ``triggers()`` finds among the
trigger words: same words, same places (table of texts, both trigger sets)."""

from __future__ import annotations

import pytest

from timeline.dates.all_types import all_trigger_classes
from timeline.dates.tagger import _ASCII_LOWER, trigger_tokens
from timeline.dates.trigger_words import triggers

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
    assert _found(text.translate(_ASCII_LOWER), frozenset(classes)) == _reference(text, classes)


def _found(lowered: str, words: frozenset[str]) -> list[tuple[int, str]]:
    found_words, numbers = trigger_tokens(lowered, words)
    return sorted(
        [(m.start(1) - 1, m.group(1)) for m in found_words] + [(m.start(), m.group()) for m in numbers]
    )


def test_scanner_with_no_words_finds_numbers_only() -> None:
    assert [word for _, word in _found("a 12 b 9/11", frozenset({"9/11", "12"}))] == ["12", "9", "11"]


def test_scanner_finds_a_word_at_the_start_and_after_a_number() -> None:
    assert _found("may 5pm, june", frozenset({"may", "pm", "june"})) == [
        (0, "may"),
        (4, "5"),
        (5, "pm"),
        (9, "june"),
    ]
