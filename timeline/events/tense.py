"""Decide whether a dated mention reports a planned (future or announced) event, and how hedged it is.

A mention is planned when its interval starts after the publication date, or when a future cue ("will",
"is due to", "plans") governs it: the cue stands in the same clause within a few words before the time
expression, with no reporting verb in between ("said on Friday it would keep fighting" is a past saying).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from timeline.resources import load_data

_WORD = re.compile(r"[\w’']+")


def _phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in ordered)
    return re.compile(rf"(?<![\w'’])(?:{body})(?![\w'’])", re.IGNORECASE)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], tuple[str, ...], int]:
    data = load_data("events_tense.json")
    future = [cue.replace("'", "’") for cue in data["future_cues"]] + list(data["future_cues"])
    return (
        _phrase_regex(future),
        _phrase_regex(data["past_blockers"]),
        _phrase_regex(data["modal_cues"]),
        tuple(data["clause_breaks"]),
        int(data["window_words"]),
    )


def _clause_before(sentence: str, position: int) -> str:
    """The words of the clause that ends at ``position``, at most the data's window."""
    _, _, _, breaks, window = _patterns()
    head = sentence[:position]
    cut = max((head.rfind(mark) + len(mark) for mark in breaks if mark in head), default=0)
    words = list(_WORD.finditer(head, cut))
    if len(words) > window:
        cut = words[-window].start()
    return head[cut:]


def _clause_after(sentence: str, position: int) -> str:
    """The first few words after the time expression (``on Monday will visit``)."""
    words = list(_WORD.finditer(sentence, position))[:2]
    return sentence[position : words[-1].end()] if words else ""


def governed_by_future(sentence: str, time_span: tuple[int, int]) -> bool:
    """A future cue stands close before the time expression, or right after it, in the same clause."""
    future, past, _, breaks, _ = _patterns()
    before = _clause_before(sentence, time_span[0])
    cues = list(future.finditer(before))
    if cues and not past.search(before, cues[-1].end()):
        return True
    after = _clause_after(sentence, time_span[1])
    return not any(mark in after for mark in breaks) and bool(future.match(after.lstrip()))


def is_planned(sentence: str, time_span: tuple[int, int], start: date | None, published: date | None) -> bool:
    """Whether the event is planned: it starts after publication, or a future cue governs its date."""
    if start is not None and published is not None and start > published:
        return True
    return governed_by_future(sentence, time_span)


def is_hedged(sentence: str) -> bool:
    """The sentence uses a modal or hedge ("may", "could", "reportedly")."""
    _, _, modal, _, _ = _patterns()
    return bool(modal.search(sentence))
