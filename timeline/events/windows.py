"""Where each dated mention is read: its sentence, or a bounded window of a very long one.

The work per dated mention stays bounded however long a "sentence" is (a line of figures, a text without
full stops): such a sentence is read in a window around each date. Zones to skip (site chrome, the
dateline) are merged once so each lookup is a binary search.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from timeline.events.sentences import Sentence, sentence_at
from timeline.model import Span

_SPACE = re.compile(r"\s")

MAX_SENTENCE_CHARS = 1000
"""A longer "sentence" is read in a window around each date."""
WINDOW_CHARS = 300
"""How much of such a sentence each side of a dated mention its record keeps (cut at a space)."""
_LONGEST_WORD = 32
"""How far a tile's nominal end moves to fall on a space (a longer word is cut)."""


class Zones:
    """Spans to skip (site chrome, the dateline), merged and sorted so each lookup is a binary search."""

    def __init__(self, zones: tuple[Span, ...]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(zones):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def overlap(self, span: Span) -> bool:
        at = bisect_right(self._ends, span[0])  # the first zone ending after the span starts
        return at < len(self._starts) and self._starts[at] < span[1]


def sentence_holding(text: str, sentences: list[Sentence], span: Span) -> Sentence | None:
    """The sentence holding ``span``; two joined when a split fell inside the expression ("Sept. 29")."""
    first = sentence_at(sentences, span[0])
    last = sentence_at(sentences, span[1] - 1)
    if first is None or last is None:
        return None
    if first == last:
        return first
    return Sentence(first.start, last.end, text[first.start : last.end])


def window(text: str, sentence: Sentence, whole: Span) -> Sentence:
    """``sentence`` itself, or, when it is longer than MAX_SENTENCE_CHARS, the tile of it that holds
    ``whole`` (a document span) nearest its middle.

    The tiles of a long sentence are 2 x WINDOW_CHARS long and start every WINDOW_CHARS, cut at spaces
    near their nominal ends: every mention of a tile shares it (one parse for all of them), the parser
    reads each character about twice, and a mention keeps at least a third of a window of context on
    each side (but at the sentence's own ends). A unit too long for that gets a window centred on it.
    """
    length = sentence.end - sentence.start
    if length <= MAX_SENTENCE_CHARS:
        return sentence
    step, margin = WINDOW_CHARS, _LONGEST_WORD
    tiles = max(0, -(-(length - 2 * step) // step))  # index of the last tile, which ends the sentence
    at = min(max(0, (whole[0] - sentence.start - step // 2) // step), tiles)
    start = sentence.start + at * step
    end = sentence.end if at == tiles else start + 2 * step
    if at > 0 and (space := _SPACE.search(text, start, start + margin)):
        start = space.end()
    if end < sentence.end:
        last_space = max(text.rfind(mark, end - margin, end) for mark in (" ", "\t", "\u00a0"))
        end = last_space if last_space >= 0 else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not (start <= whole[0] and whole[1] <= end):
        return _centred(text, sentence, whole)
    return Sentence(start, end, text[start:end])


def _centred(text: str, sentence: Sentence, whole: Span) -> Sentence:
    """The part of ``sentence`` within WINDOW_CHARS of ``whole``, cut at spaces so no word is split."""
    start = max(sentence.start, whole[0] - WINDOW_CHARS)
    end = min(sentence.end, whole[1] + WINDOW_CHARS)
    if start > sentence.start and (space := _SPACE.search(text, start, whole[0])):
        start = space.end()
    if end < sentence.end:
        last_space = max(text.rfind(mark, whole[1], end) for mark in (" ", "\t", "\u00a0"))
        end = last_space if last_space >= 0 else end
    while start < whole[0] and text[start].isspace():
        start += 1
    while end > whole[1] and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end])
