"""Titles that hold a date word or a number: a show ("This Week", "60 Minutes"), a song ("Tuesday
Afternoon"), a film ("Sixteen Candles"). A time expression that is part of a quoted Title Case name is
no time."""

from __future__ import annotations

import re

from timeline.model import TimeMention

_QUOTE = re.compile(r"``|''|[\"“”‘’']")
_OPENERS, _CLOSERS = frozenset({"``", "“", "‘"}), frozenset({"”", "’"})
_TOGGLES = frozenset({'"', "'", "''"})
"""Straight quotes open or close by turns (some wires write ''...'' for both)."""
_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "with", "in", "on", "at", "to", "for", "from", "by"})
MAX_TITLE_WORDS = 8
TITLE_OPENS_WITHIN = 60
"""A title's opening quote ends at most this many characters before the mention."""
_QUOTE_MARKS = "`\"“”‘’'"
"""Every character ``_QUOTE`` matches."""
QUOTE_LOOKBACK = 240
"""How far back from a mention its line is searched for the quote that opens a title (a title opens at most
60 characters before the mention): bounded, so a long line costs linear time, not quadratic."""


def _is_title(words: list[str]) -> bool:
    if not 2 <= len(words) <= MAX_TITLE_WORDS:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS for w in words) and (
        words[0][0].isupper() or words[0][0].isdigit()
    )


def _quotes(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Quote marks in [start, end), leaving out apostrophes inside or at the end of words."""
    out = []
    for m in _QUOTE.finditer(text, start, end):
        mark = m.group()
        if mark in ("'", "’"):
            before = text[m.start() - 1] if m.start() > 0 else " "
            after = text[m.end()] if m.end() < len(text) else " "
            if before.isalnum():
                continue  # "ABC's", "Reuters'"
            if after.isalnum() and mark == "’":
                continue
        out.append((m.start(), m.end(), mark))
    return out


def _opens(text: str, start: int, end: int, default: bool) -> bool:
    """Whether a straight quote opens: space before and a word after; closes: the other way round."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isspace() and not after.isspace():
        return True
    if after.isspace() and not before.isspace():
        return False
    return default


def in_quoted_title(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies in a quoted name whose words are all capitalised ("This Week With...")."""
    near = text[max(0, start - TITLE_OPENS_WITHIN - 1) : start]
    if not any(mark in near for mark in _QUOTE_MARKS):
        return False  # no quote opens close enough before the mention (the common case, found cheaply)
    line_start = max(text.rfind("\n", max(0, start - QUOTE_LOOKBACK), start) + 1, start - QUOTE_LOOKBACK, 0)
    line_end = text.find("\n", end, end + 60)  # a title closes at most 60 characters after the mention
    line_end = min(len(text), end + 60) if line_end < 0 else line_end
    opening: int | None = None
    for q_start, q_end, mark in _quotes(text, line_start, start):
        if mark in _OPENERS or (mark in _TOGGLES and _opens(text, q_start, q_end, opening is None)):
            opening = q_end
        else:
            opening = None
    if opening is None or start - opening > TITLE_OPENS_WITHIN:
        return False
    closing = next(iter(_quotes(text, end, min(line_end, end + 60))), None)
    if closing is None or closing[2] in _OPENERS or _opens(text, closing[0], closing[1], False):
        return False
    inside = text[opening : closing[0]].rstrip(",.!?")
    words = re.findall(r"[\w’'&-]+", inside)
    return _is_title(words) and re.search(r"[,.!?;:]", inside) is None


def drop_titles(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    return [m for m in mentions if not in_quoted_title(text, *m.span)]
