"""Lines of a text with their character offsets, so every rule can report spans into the loaded text."""

from __future__ import annotations

from typing import NamedTuple

TERMINAL_PUNCTUATION = frozenset(".!?…\"”’')]:;")
"""A line ending in one of these reads as a sentence or a quotation, not as a headline."""

MARKUP_EDGES = "#>*_=`~ \t\ufeff\xa0"
"""Markdown and stray characters that say nothing about what a line is."""


class Line(NamedTuple):
    """One line of a text: ``start``/``end`` delimit ``raw`` (without its newline) in the text.

    ``clean`` is the line without surrounding markup and whitespace, for classification only. A named
    tuple, not a dataclass: a 10 MB text can have millions of lines.
    """

    number: int
    """The line's number in the whole text (blank lines counted), from 0."""
    start: int
    end: int
    raw: str
    clean: str

    @property
    def words(self) -> int:
        return len(self.clean.split())

    @property
    def ends_like_sentence(self) -> bool:
        return self.clean[-1:] in TERMINAL_PUNCTUATION


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` (split on ``\\n`` only, so offsets stay exact), in order.

    Blank lines only separate paragraphs, so they get no object: a text of millions of empty lines
    stays cheap. ``Line.number`` is still the line's number in the whole text.
    """
    lines: list[Line] = []
    start = 0
    for number, raw in enumerate(text.split("\n")):
        end = start + len(raw)
        clean = raw.strip(MARKUP_EDGES)
        if clean:
            if raw.endswith("\r"):
                raw = raw[:-1]
            lines.append(Line(number, start, start + len(raw), raw, clean))
        start = end + 1
    return lines
