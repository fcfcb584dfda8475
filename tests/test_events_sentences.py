"""Sentence splitting: offsets into the text, abbreviations, quotes, and line breaks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events.sentences import _abbreviations, sentence_at, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops left. Iran gained.", ["Troops left.", "Iran gained."]),
        ("U.S. troops left Iraq. Iran gained.", ["U.S. troops left Iraq.", "Iran gained."]),
        ("Gen. John Allen visited. He left.", ["Gen. John Allen visited.", "He left."]),
        ("Brig. Gen. Yahya Rasool spoke. Talks ended.", ["Brig. Gen. Yahya Rasool spoke.", "Talks ended."]),
        ("Mr. Smith and Dr. Jones met in St. Louis.", ["Mr. Smith and Dr. Jones met in St. Louis."]),
        ("It began on Jan. 5 and ended.", ["It began on Jan. 5 and ended."]),
        ("He said “we will stay.” The talks ended.", ["He said “we will stay.”", "The talks ended."]),
        ("He asked: why? Nobody answered!", ["He asked: why?", "Nobody answered!"]),
        (
            "The source said: “John Allen . . . informed him.”",
            ["The source said: “John Allen . . . informed him.”"],
        ),
        ("Headline without period\n\nBody text follows.", ["Headline without period", "Body text follows."]),
        (
            "Pence speaks in Washington on 17 March, 2017 [Photo/Agency]\nNext.",
            [
                "Pence speaks in Washington on 17 March, 2017 [Photo/Agency]",
                "Next.",
            ],
        ),
        ("$1.5 billion was paid. Then more.", ["$1.5 billion was paid.", "Then more."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [sentence.text for sentence in split_sentences(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "  Leading spaces. And\r\nWindows lines.\r\n",
        "One.\n\nTwo?  Three!\n",
        "No punctuation at all",
    ],
)
def test_offsets_point_into_the_text(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


@pytest.mark.parametrize(
    ("position", "expected"),
    [(0, "Alpha one."), (5, "Alpha one."), (11, "Beta two."), (10, None), (100, None)],
)
def test_sentence_at(position: int, expected: str | None) -> None:
    sentences = split_sentences("Alpha one. Beta two.")
    found = sentence_at(sentences, position)
    assert (found.text if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wait.... Then it ended.", ["Wait....", "Then it ended."]),
        ("Why?!? Nobody knew.", ["Why?!?", "Nobody knew."]),
        ("It ended..x.. Then more.", ["It ended..x..", "Then more."]),
        ("Gen.\tAllen left. He returned.", ["Gen.\tAllen left.", "He returned."]),
        ("They met\u00a0Gen. Allen. He left.", ["They met\u00a0Gen. Allen.", "He left."]),
        # A word longer than any abbreviation before a stop ends the sentence (the search stops there).
        ("Read " + "x" * 80 + ". Then more.", ["Read " + "x" * 80 + ".", "Then more."]),
        ("x" * 80 + ". Then more.", ["x" * 80 + ".", "Then more."]),
        ("Met A.B.C.D. Smith. Then more.", ["Met A.B.C.D. Smith.", "Then more."]),
    ],
)
def test_runs_of_stops_and_long_words(text: str, expected: list[str]) -> None:
    assert [sentence.text for sentence in split_sentences(text)] == expected


_FIRST_END = re.compile(r"[.!?]+[\"”’'\)\]]*(?=\s+(?:``|[\"“‘'(\[])?[A-Z0-9])")


def _first_split(text: str) -> list[str]:
    """The splitter as first written (its end pattern, and a word search back to the line's start): the
    linear-time one must split every line short enough for both the same way."""
    sentences: list[str] = []
    for line in text.splitlines():
        start = 0
        for match in _FIRST_END.finditer(line):
            at = match.start()
            if line[at] == ".":
                if re.search(r"\.\s?\.\s?\.$|…$", line[max(0, at - 5) : at + 1]):
                    continue
                word_start = max(line.rfind(mark, 0, at) for mark in (" ", "\t", "\u00a0"))
                word = line[word_start + 1 : at].lstrip("\"“‘'([").lower()
                if word and (re.match(r"^(?:[A-Za-z]\.)*[A-Za-z]$", word) or word in _abbreviations()):
                    continue
            sentences.append(line[start : match.end()].strip())
            start = match.end()
        sentences.append(line[start:].strip())
    return [sentence for sentence in sentences if sentence]


_PIECES = [" ", ".", "...", "?!", "!", '"', "”", "’", "'", ")", "]", "(", "“", "``", "\t", "\u00a0", "\n"]
_PIECES += ["A", "a", "9", "Gen.", "U.S.", "Mr.", "St.", "Iran", "left", "x.y"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=15).map("".join))  # at most 60 characters
def test_the_linear_splitter_splits_as_the_first_one(text: str) -> None:
    assert [sentence.text for sentence in split_sentences(text)] == _first_split(text)
