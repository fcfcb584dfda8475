"""Sentence splitting: offsets into the text, abbreviations, quotes, and line breaks."""

from __future__ import annotations

import pytest

from timeline.events.sentences import sentence_at, split_sentences


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
