"""Split an article into sentences with their character offsets.

Line breaks end sentences (headlines, captions and paragraphs stand alone); inside a line a sentence ends
at ``.``, ``!`` or ``?`` (plus any closing quotes or brackets) followed by a space and a capital, digit or
opening quote, unless the word before the period is an abbreviation or an initial ("Gen.", "U.S.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.resources import load_data

_LINE = re.compile(r"[^\r\n]+")
# A run of stops is tried once, from its first stop (the look-behind), and never backtracked into (the
# possessive quantifiers): a line of a million full stops is read in one pass.
_END = re.compile(r"(?<![.!?])[.!?]++[\"”’'\)\]]*+(?=\s+(?:``|[\"“‘'(\[])?[A-Z0-9])")
_ELLIPSIS_TAIL = re.compile(r"\.\s?\.\s?\.$|…$")
_INITIAL = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")
_WORD_BREAKS = (" ", "\t", "\u00a0")
_LEADING_SPACE = re.compile(r"\s*")
LONGEST_ABBREVIATION = 64
"""Characters looked at before a full stop for the word it closes: a longer word is no abbreviation, and
the search never runs back over the whole line."""


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(word.lower() for word in load_data("events_sentences.json")["abbreviations"])


def _is_abbreviation(text: str, period_at: int, line_start: int = 0) -> bool:
    """True when the period at ``period_at`` closes an abbreviation or initial rather than a sentence
    (``line_start``: where the line holding it begins)."""
    if text[period_at] != ".":
        return False
    if _ELLIPSIS_TAIL.search(text[max(line_start, period_at - 5) : period_at + 1]):
        return True
    earliest = max(line_start, period_at - LONGEST_ABBREVIATION - 1)
    word_start = max(text.rfind(mark, earliest, period_at) for mark in _WORD_BREAKS)
    if word_start < 0 and earliest > line_start:
        return False  # the word runs back further than any abbreviation
    word = text[word_start + 1 if word_start >= 0 else line_start : period_at].lstrip("\"“‘'([").lower()
    if not word:
        return False
    return bool(_INITIAL.match(word)) or word in _abbreviations()


def _split_line(text: str, line_start: int, line_end: int) -> list[Sentence]:
    """The sentences of the line ``text[line_start:line_end]``, read in place (a long line is not copied)."""
    sentences: list[Sentence] = []
    start = line_start
    for match in _END.finditer(text, line_start, line_end):
        if _is_abbreviation(text, match.start(), line_start):
            continue
        sentences.extend(_trimmed(text, start, match.end()))
        start = match.end()
    sentences.extend(_trimmed(text, start, line_end))
    return sentences


def _trimmed(text: str, start: int, end: int) -> list[Sentence]:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    lead = _LEADING_SPACE.match(piece).end()  # type: ignore[union-attr]  # \s* always matches
    return [Sentence(start + lead, start + lead + len(stripped), stripped)]


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` in order; ``text[s.start:s.end] == s.text`` for each."""
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        sentences.extend(_split_line(text, line.start(), line.end()))
    return sentences


def sentence_at(sentences: list[Sentence], position: int) -> Sentence | None:
    """The sentence holding character ``position``, if any (``sentences`` sorted by offset)."""
    low, high = 0, len(sentences)
    while low < high:
        middle = (low + high) // 2
        if sentences[middle].end <= position:
            low = middle + 1
        else:
            high = middle
    if low < len(sentences) and sentences[low].start <= position < sentences[low].end:
        return sentences[low]
    return None
