"""Pick the clause that holds a dated expression, so a headline says what happened at that date.

In "Iran has emerged as the main power broker after the United States withdrew its troops in 2011" the
2011 event is the withdrawal: the clause opened by "after". Relative clauses get their subject back:
"a chemical attack that killed scores this week" becomes "a chemical attack killed scores".
Works on text where the time expression is replaced by ``MARKER``.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.resources import load_data

MARKER = "\u27e8T\u27e9"
_BREAK = re.compile(r"[,;:()“”\"—–]|\s-\s")
_CLAUSE_END = re.compile(r"[,;:()—–]|\s-\s")  # a quotation inside a clause does not end it


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
    """The noun phrase ending just before ``position`` (crossing one comma): back to a determiner within
    seven words, else the last four words."""
    _, _, _, starts = _lists()
    head = text[:position].rstrip().rstrip(",—–").rstrip()
    cut = max((m.end() for m in _BREAK.finditer(head)), default=0)
    words = _words_of(head[cut:])[-7:]
    for index in range(len(words) - 1, -1, -1):
        if words[index].group(0).lower() in starts:
            words = words[index:]
            break
    else:
        words = words[-4:]
    if not words:
        return ""
    return head[cut + words[0].start() :]


def _semicolon_part(text: str) -> str:
    """The part between semicolons that holds the marker: each part is a sentence of its own."""
    parts = text.split(";")
    if len(parts) == 1:
        return text
    for part in parts:
        if MARKER in part and len(_words_of(part.replace(MARKER, " "))) >= 4:
            return part.strip()
    return text


def _up_to_break(clause: str) -> str:
    """``clause`` up to the first break after the marker (a relative clause ends at its comma)."""
    ends = _CLAUSE_END.search(clause, max(clause.find(MARKER), 0))
    return clause[: ends.start()] if ends else clause


def _relative_end(clause: str) -> str:
    """End a relative clause at the marker when the main verb follows ("that killed X ⟨T⟩ was condemned")."""
    after = clause.split(MARKER, 1)
    if len(after) == 2:
        following = _words_of(after[1])
        if following and following[0].group(0).lower() in _lists_main_verbs():
            return after[0] + MARKER
    return clause


@cache
def _lists_main_verbs() -> frozenset[str]:
    return frozenset(load_data("events_titles.json")["main_verb_starts"])


def dated_clause(text: str) -> str:
    """The clause of ``text`` holding ``MARKER`` when a subordinate clause holds it, else ``text``."""
    subordinators, relatives, subject_starts, _ = _lists()
    openers = frozenset(load_data("events_titles.json")["leading_clause_starts"])
    saying = frozenset(load_data("events_titles.json")["attribution_verbs"])
    if MARKER not in text:
        return text
    text = _semicolon_part(text)
    at = text.find(MARKER)
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
        rest = text[cut + word.end() :].lstrip()
        clause = _up_to_break(rest)
        following = _words_of(clause)
        first = following[0].group(0) if following else ""
        if lower in subordinators:
            return clause
        said_before = {w.group(0).lower() for w in _words_of(text[:begin])[-3:]} & saying
        if lower == "that" and (
            said_before or first[:1].isupper() or first.lower() in subject_starts or first.lower() in openers
        ):
            return rest  # "told X that during a visit ..., Allen informed ...": the whole reported clause
        subject = _subject_before(text, begin)
        clause = _relative_end(clause)
        return f"{subject} {clause}" if subject else clause
    return _far_segment(text, cut) or text


def _far_segment(text: str, cut: int) -> str | None:
    """The marker's comma-delimited segment when the marker lies beyond what a headline keeps."""
    settings = load_data("events_titles.json")
    segment = _up_to_break(text[cut:].lstrip())
    far = len(_words_of(text[:cut])) >= int(settings["max_words"])
    words = _words_of(re.sub(r"\[[^\[\]]*\]", " ", segment.replace(MARKER, " ")))
    first = words[0].group(0).lower() if words else ""
    # Only a segment that opens like a phrase of its own ("especially in light of ...", "allowing them
    # to ..."), not one that continues the subject's verb phrase ("followed little change ...").
    opens = first.endswith("ing") or first in settings["segment_openers"]
    if far and opens and len(words) >= int(settings["min_segment_words"]):
        return segment
    return None
