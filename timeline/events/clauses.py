"""Pick the clause that holds a dated expression, so a headline says what happened at that date.

In "Iran has emerged as the main power broker after the United States withdrew its troops in 2011" the
2011 event is the withdrawal: the clause opened by "after". Relative clauses get their subject back:
"a chemical attack that killed scores this week" becomes "a chemical attack killed scores".
Works on text where the time expression is replaced by ``MARKER``.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.events.resources import load_data

MARKER = "\u27e8T\u27e9"
_BREAK = re.compile(r"[,;:()“”\"—–]|\s-\s")


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = load_data("events_titles.json")
    return (
        frozenset(data["subordinators"]),
        frozenset(data["relative_pronouns"]),
        frozenset(data["subject_starts"]),
        frozenset(data["noun_phrase_starts"]),
    )


def _words_of(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"[^\s,;:()“”\"—–]+", text))


def _subject_before(text: str, position: int) -> str:
    """The noun phrase ending just before ``position`` (crossing one comma), at most four words."""
    _, _, _, starts = _lists()
    head = text[:position].rstrip().rstrip(",—–").rstrip()
    cut = max((m.end() for m in _BREAK.finditer(head)), default=0)
    words = _words_of(head[cut:])[-4:]
    for index in range(len(words) - 1, -1, -1):
        if words[index].group(0).lower() in starts:
            words = words[index:]
            break
    if not words:
        return ""
    return head[cut + words[0].start() :]


def _up_to_break(clause: str) -> str:
    """``clause`` up to the first break after the marker (a relative clause ends at its comma)."""
    ends = _BREAK.search(clause, max(clause.find(MARKER), 0))
    return clause[: ends.start()] if ends else clause


def dated_clause(text: str) -> str:
    """The clause of ``text`` holding ``MARKER`` when a subordinate clause holds it, else ``text``."""
    subordinators, relatives, subject_starts, _ = _lists()
    openers = frozenset(load_data("events_titles.json")["leading_clause_starts"])
    at = text.find(MARKER)
    if at < 0:
        return text
    head = text[:at]
    cut = max((m.end() for m in _BREAK.finditer(head)), default=0)
    for word in reversed(_words_of(head[cut:])):
        lower = word.group(0).lower()
        begin = cut + word.start()
        if begin == 0 and (lower in subordinators or lower == "as"):
            # "As Iraq plans for elections in October, ...": the opening clause is the dated one.
            return _up_to_break(text[word.end() :])
        if lower not in subordinators and lower not in relatives:
            continue
        if len(_words_of(text[:begin])) < 3:
            return text
        clause = _up_to_break(text[cut + word.end() :].lstrip())
        following = _words_of(clause)
        first = following[0].group(0) if following else ""
        if lower in subordinators or (
            lower == "that"
            and (first[:1].isupper() or first.lower() in subject_starts or first.lower() in openers)
        ):
            return clause
        subject = _subject_before(text, begin)
        return f"{subject} {clause}" if subject else clause
    return text
