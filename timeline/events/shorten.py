"""Shorten a headline: drop openers and asides, cut at a clause or phrase boundary, trim dangling words."""

from __future__ import annotations

import re
from functools import cache

from timeline.events.clauses import MARKER
from timeline.events.wording import DOUBLE_QUOTES, STRIP_CHARS, TOKEN, bare, title_words
from timeline.resources import load_data

# "BAGHDAD—", "CANBERRA, Australia (AP)_ ", "O'SMACH, Cambodia (AP) - ": a wire dateline opening the text.
_CAPS_DATELINE = re.compile(
    r"^[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+)*"  # the place in capitals
    r"(?:,(?: [A-Z][\w.'-]*){1,3})?"  # ", Australia"
    r"\s*(?:\([A-Za-z]+\))?"  # "(AP)"
    r"\s*(?:—|–|--|_|:|\s-\s)\s*"
)
_WORD_DATELINE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?:\s+")
_QUOTE_GRACE = 3  # words a headline may run over to keep a short quotation whole


@cache
def _opener_limits() -> tuple[frozenset[str], int, int]:
    data = load_data("events_titles.json")
    short = frozenset(data["short_opener_words"])
    return short, int(data["max_short_opener_words"]), int(data["max_opener_words"])


def _opener_limit(first_word: str) -> int:
    """How long an opening phrase may be and still be dropped."""
    short, short_limit, limit = _opener_limits()
    return short_limit if first_word in short else limit


def _starts_a_clause(rest: str) -> bool:
    """What follows an opener begins with a subject ("the talks", "it", "Gen. Allen"), not "led by ..."."""
    first = rest.strip(STRIP_CHARS).split(" ", 1)[0]
    return bool(first) and (first[:1].isupper() or first.lower() in _subject_words())


@cache
def _subject_words() -> frozenset[str]:
    return frozenset(load_data("events_titles.json")["subject_starts"])


def drop_openers(text: str) -> str:
    words = title_words()
    text = _CAPS_DATELINE.sub("", text)
    text = _WORD_DATELINE.sub("", text)
    text = re.sub(rf"^\s*{MARKER}\s*,?\s*", "", text)
    previous = None
    while previous != text:
        previous = text
        text = words.connective.sub("", text).lstrip(STRIP_CHARS)
        first, comma, rest = text.partition(",")
        opener = first.split()
        if (
            comma
            and MARKER not in first
            and opener
            and opener[0].lower() in words.clause_start
            and len(opener) <= _opener_limit(opener[0].lower())
            and _starts_a_clause(rest)
            and len(TOKEN.findall(rest)) >= words.min_words
        ):
            text = rest.lstrip(STRIP_CHARS)
    return text


def drop_appositive(text: str) -> str:
    """Drop the aside after a short subject: "Gen. Allen, the head of the coalition, informed ..." keeps
    "Gen. Allen informed ...". Only when the aside opens like a noun phrase ("the", "a", a number, a
    possessive) and a lowercase word (the verb) follows it; an aside holding the date stays."""
    words = title_words()
    first = text.find(",")
    second = text.find(",", first + 1)
    if first < 0 or second < 0:
        return text
    subject, aside, rest = text[:first], text[first + 1 : second], text[second + 1 :].lstrip()
    aside_words = aside.split()
    if (
        MARKER in aside
        or not aside_words
        or len(subject.split()) > words.max_subject_words
        or len(aside_words) > words.max_aside_words
        or not rest[:1].islower()
    ):
        return text
    opener = aside_words[0]
    if opener.lower() in words.aside_starts or opener[:1].isdigit() or opener.endswith(("’s", "'s")):
        return f"{subject} {rest}"
    return text


def _closing_quote_within(tokens: list[re.Match[str]], limit: int) -> int | None:
    """How many tokens up to the one closing the first quotation, if that is at most ``limit``."""
    opened = False
    for index, token in enumerate(tokens[:limit]):
        word = token.group(0)
        if "“" in word or (word.startswith('"') and not opened):
            opened = True
        if opened and ("”" in word or (word.rstrip(",.;:").endswith('"') and index > 0)):
            return index + 1
    return None


def cut(text: str) -> str:
    """At most ``max_words`` words, ending at the last clause boundary, else phrase boundary, that fits."""
    words = title_words()
    tokens = list(TOKEN.finditer(text))
    if len(tokens) <= words.max_words:
        return text
    clause_cut: int | None = None
    phrase_cut: int | None = None
    for index in range(words.min_words, words.max_words + 1):
        previous = tokens[index - 1].group(0)
        current = bare(tokens[index].group(0))
        if previous.endswith((",", ";", ":", "—", "–")) or current in words.clause_words:
            clause_cut = index
        elif current in words.phrase_words or tokens[index].group(0).startswith(("(", "“", '"', "—")):
            phrase_cut = index
    closing = _closing_quote_within(tokens, words.max_words + _QUOTE_GRACE)
    if closing is not None and closing > words.max_words:
        return text[: tokens[closing - 1].end()]  # a short quotation is kept whole
    # A clause boundary reads best, then a phrase boundary; one that leaves a stub of a headline loses
    # to a plain cut at the word limit (the dangling words are trimmed after).
    enough = words.max_words * 0.6
    if clause_cut is not None and clause_cut >= enough:
        cut = clause_cut
    elif phrase_cut is not None and phrase_cut >= enough:
        cut = phrase_cut
    else:
        cut = words.max_words
    return text[: tokens[cut - 1].end()]


def trim_dangling(text: str) -> str:
    words = title_words()
    tokens = text.split()
    while len(tokens) > 1 and (bare(tokens[-1]) in words.dangling or not bare(tokens[-1])):
        tokens.pop()
    return " ".join(tokens).strip(STRIP_CHARS)


def balance_quotes(text: str) -> str:
    opened = text.count("“") + text.count('"')
    if text.count("“") != text.count("”") or (opened % 2 and '"' in text):
        return "".join(char for char in text if char not in DOUBLE_QUOTES)
    return text
