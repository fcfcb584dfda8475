"""Which way a bare date points: the tense of the verb that governs it.

"due to leave his post in November" points forward; "fell to ISIS in May" points back. The nearest
tense cue to the date, inside its clause, decides; no cue means the caller's default.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from timeline.dates.lexicon import lexicon

Tense = Literal["past", "future"]

_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|\s[—–-]\s|—|\n|(?<![ap]\.m)(?<![AP]\.M)[.!?](?=\s)")
"""Clause ends; the full stop of a clock time ("at 9 a.m. Tuesday") is not one."""
_WORD = re.compile(r"[A-Za-z’']+")
_MULTIWORD_FUTURE = re.compile(
    r"(?i:\b(?:is|are|was|were)\s+(?:due|set|scheduled|expected|going|slated|poised)\s+to\b"
    r"|\b(?:plans?|planning|aims?|intends?|hopes?|expects?)\s+(?:to|for)\b|\bto\s+be\s+held\b|\bahead\s+of\b)"
)
_WOULD = frozenset({"would", "could", "might"})
_PASSIVE_AUX = frozenset({"be", "been", "being", "is", "are"})
_INFINITIVE_BEFORE = re.compile(r"\bto\s+[a-z]+\s+(?:\S+\s+){0,1}$")


@cache
def _multiword_future() -> re.Pattern[str]:
    phrases = [p for p in lexicon().strong_future_cues if " " in p]
    return re.compile(
        r"(?i:\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b)"
    )


_WINDOW = 90  # characters each side of the date that can hold its governing verb


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): bounded by strong punctuation, dashes or line breaks."""
    left = max(0, start - _WINDOW)
    right = min(len(text), end + _WINDOW)
    clause_start = left
    for m in _CLAUSE_BREAK.finditer(text, left, start):
        clause_start = m.end()
    following_break = _CLAUSE_BREAK.search(text, end, right)
    clause_end = following_break.start() if following_break else right
    return clause_start, clause_end


def tense_of(text: str, start: int, end: int) -> Tense | None:
    """The tense governing the date at [start, end), from the nearest cue in its clause."""
    lx = lexicon()
    clause_start, clause_end = clause_bounds(text, start, end)
    best: tuple[int, Tense] | None = None

    def consider(distance: int, tense: Tense) -> None:
        nonlocal best
        if best is None or distance < best[0]:
            best = (distance, tense)

    def distance(cue_start: int, cue_end: int) -> int:
        gap = _distance(cue_start, cue_end, start, end)
        between = text[end:cue_start] if cue_start >= end else text[cue_end:start]
        # A comma between the date and a cue usually means another clause's verb.
        return gap + 40 if "," in between else gap

    for pattern in (_MULTIWORD_FUTURE, _multiword_future()):
        for m in pattern.finditer(text, clause_start, clause_end):
            consider(distance(m.start(), m.end()), "future")
    if _INFINITIVE_BEFORE.search(text, max(clause_start, start - 30), start):
        consider(1, "future")  # "set to resume Monday", "to expire Nov. 6"
    previous_word = ""
    for m in _WORD.finditer(text, clause_start, clause_end):
        if start <= m.start() < end:
            continue
        word = m.group().lower().replace("’", "'")
        passive = previous_word in _PASSIVE_AUX
        previous_word = word
        if passive and (word.endswith("ed") or word in lx.past_cues):
            continue  # "will be named": the auxiliary before it carries the tense
        cue_distance = distance(m.start(), m.end())
        if word in lx.strong_future_cues or word in _WOULD or word.endswith("'ll"):
            consider(cue_distance, "future")
        elif word in lx.past_cues or (
            len(word) > 4 and word.endswith("ed") and word not in lx.not_past_ed_words
        ):
            consider(cue_distance, "past")
    return best[1] if best else None


def _distance(cue_start: int, cue_end: int, start: int, end: int) -> int:
    # A cue after the date counts a little farther: English verbs mostly precede their time adjunct.
    return start - cue_end if cue_end <= start else (cue_start - end) + 8
