"""Lines of a text with their character offsets, so every rule can report spans into the loaded text."""

from __future__ import annotations

from dataclasses import dataclass

TERMINAL_PUNCTUATION = frozenset(".!?…\"”’')]:;")
"""A line ending in one of these reads as a sentence or a quotation, not as a headline."""

MARKUP_EDGES = "#>*_=`~ \t\ufeff\xa0"
"""Markdown and stray characters that say nothing about what a line is."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: ``start``/``end`` delimit ``raw`` (without its newline) in the text."""

    index: int
    start: int
    end: int
    raw: str

    @property
    def clean(self) -> str:
        """The line without surrounding markup and whitespace, for classification only."""
        return self.raw.strip(MARKUP_EDGES)

    @property
    def blank(self) -> bool:
        return not self.clean

    @property
    def words(self) -> int:
        return len(self.clean.split())

    @property
    def ends_like_sentence(self) -> bool:
        clean = self.clean
        return bool(clean) and clean[-1] in TERMINAL_PUNCTUATION


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` (split on ``\\n`` only, so offsets stay exact), blank ones included."""
    lines: list[Line] = []
    start = 0
    index = 0
    length = len(text)
    while start <= length:
        end = text.find("\n", start)
        if end < 0:
            end = length
        raw = text[start:end]
        stop = end - 1 if raw.endswith("\r") else end
        lines.append(Line(index, start, stop, text[start:stop]))
        index += 1
        start = end + 1
    return lines
