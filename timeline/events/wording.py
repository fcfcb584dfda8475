"""The word lists and small text helpers that headline building shares (data: events_titles.json)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.resources import load_data

TOKEN = re.compile(r"\S+")
STRIP_CHARS = " ,;:.—–-\u00a0"
DOUBLE_QUOTES = '“”"'
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?’”)\]])")


@dataclass(frozen=True, slots=True)
class Words:
    """The headline settings and word lists, compiled once."""

    max_words: int
    min_words: int
    attribution_verbs: frozenset[str]
    aside_starts: frozenset[str]
    max_subject_words: int
    max_aside_words: int
    max_tail_words: int
    attribution_tail: re.Pattern[str]
    attribution_head: re.Pattern[str]
    attribution_colon: re.Pattern[str]
    connective: re.Pattern[str]
    clause_start: frozenset[str]
    time_lead: frozenset[str]
    clause_words: frozenset[str]
    phrase_words: frozenset[str]
    dangling: frozenset[str]


def alternation(words: list[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    return "|".join(
        r"\s+".join(re.escape(w) for w in word.split()) for word in sorted(words, key=len, reverse=True)
    )


@cache
def title_words() -> Words:
    """The settings of ``timeline/data/events_titles.json``, read and compiled on first use."""
    data = load_data("events_titles.json")
    verbs = alternation(data["attribution_verbs"])
    tails = alternation(data["attribution_tail_starts"])
    return Words(
        max_words=int(data["max_words"]),
        attribution_verbs=frozenset(data["attribution_verbs"]),
        aside_starts=frozenset(data["aside_starts"]),
        max_subject_words=int(data["max_subject_words"]),
        max_aside_words=int(data["max_aside_words"]),
        max_tail_words=int(data["max_attribution_words"]),
        min_words=int(data["min_words"]),
        # ", according to an informed source." at the end, or "According to X, " at the start.
        attribution_tail=re.compile(rf",\s*(?:{tails})\b[^;“”\"]{{0,100}}[.!?]?\s*$", re.I),
        attribution_head=re.compile(rf"^(?:{tails})\b[^,;“”\"]{{0,100}},\s*", re.I),
        # "The source said: " / "The source told X that " at the start.
        attribution_colon=re.compile(
            # Only capitalised words (a name: "told Asharq Al-Awsat that") may stand between verb and "that".
            rf"^[^,;:“”\"]{{0,60}}?\b(?i:{verbs})\b(?:\s+[A-Z][\w’'-]*){{0,4}}?\s*(?::|\s+(?i:that)\b)\s*"
        ),
        connective=re.compile(rf"^(?:{alternation(data['leading_connectives'])})\b,?\s*", re.I),
        clause_start=frozenset(data["leading_clause_starts"]),
        time_lead=frozenset(data["time_lead_words"]),
        clause_words=frozenset(data["clause_words"]),
        phrase_words=frozenset(data["phrase_words"]),
        dangling=frozenset(data["dangling_words"]),
    )


def bare(token: str) -> str:
    return token.strip(".,;:!?“”\"‘’'()[]—–").lower()


def tidy(text: str) -> str:
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = text.replace(",,", ",")
    return text.strip(STRIP_CHARS)
