"""Dated lines that are not events: site furniture, photo captions and credits, bylines, bare dates.

A copyright line, a subscribe prompt or an update stamp belongs to the site; a caption with its credit
("... [Reuters]", "Photograph: Jane Doe/AP") and a byline ("By Jane Doe") belong to the page around the
article; a sentence that says nothing beyond its date is a dateline. None of them reports an event.
The word lists are data (``timeline/data/events_build.json``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from timeline.resources import load_data

_WORD = re.compile(r"[A-Za-z][\w’'-]*")
BRACKET_CREDIT = re.compile(r"\[[^\[\]]*\]\s*$")
# "Jane Doe/AP", "Jane Doe/Getty Images", "J Doe/EPA-EFE": a name, a slash, an agency in capitals.
_SLASH_CREDIT = re.compile(
    r"\b[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,3}\\?/(?:[A-Z]{2,}\b|[A-Z][a-z]+ Images\b)"  # "J Doe/AP"
    r"|\b[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3}\\?/[A-Z][\w&-]+"  # "Jane Doe/Reuters": a full name
)
_BYLINE = re.compile(r"^\s*By [A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,3}(?:\s*$|,| and | in | for |\s*\|)")


# "BAGHDAD—", "CANBERRA, Australia (AP)_ ", "Baghdad: ": a wire dateline opening the sentence.
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+)*(?:,(?: [A-Z][\w.'-]*){1,3})?\s*(?:\([A-Za-z]+\))?"
    r"\s*(?:—|–|--|_|:|\s-\s)\s*"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:\s*\([A-Z]{2,}\)\s*(?:—|–|\s-\s)|:)\s+)"
)


def content_start(text: str) -> int:
    """Where the text starts after a wire dateline opening it ("BAGHDAD—", "Lagos: "), else 0."""
    match = DATELINE.match(text)
    return match.end() if match else 0


@cache
def settings() -> dict[str, Any]:
    return load_data("events_build.json")


@cache
def _not_event_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    data = settings()
    return tuple(data["not_event_phrases"]), tuple(data["not_event_starts"]), tuple(data["credit_cues"])


def is_site_furniture(sentence: str) -> bool:
    """A copyright line, a subscribe prompt, an update stamp: words of the site, not of the article.

    Plain substring tests first (fast), the word-boundary check only on a hit.
    """
    phrases, starts, _ = _not_event_words()
    lower = sentence.lower()
    opening = lower.lstrip()
    if any(
        opening.startswith(start) and not opening[len(start) : len(start) + 1].isalpha() for start in starts
    ):
        return True
    for phrase in phrases:
        at = lower.find(phrase)
        while at >= 0:
            end = at + len(phrase)
            before_ok = at == 0 or not lower[at - 1].isalnum() or not phrase[0].isalnum()
            after_ok = end == len(lower) or not lower[end].isalnum() or not phrase[-1].isalnum()
            if before_ok and after_ok:
                return True
            at = lower.find(phrase, at + 1)
    return False


def is_caption_or_byline(sentence: str) -> bool:
    """A photo caption with its credit, a credit line, or a byline."""
    _, _, cues = _not_event_words()
    if BRACKET_CREDIT.search(sentence) or _SLASH_CREDIT.search(sentence) or _BYLINE.match(sentence):
        return True
    return _cue_pattern(cues).search(sentence) is not None


@cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """The credit cues as one pattern, each starting a word; "Photograph:" also as "Photograph :"."""
    return re.compile(
        "|".join(
            r"(?<!\w)" + re.escape(cue).replace(":", r"\s*:") + (r"(?!\w)" if cue[-1].isalnum() else "")
            for cue in cues
        )
    )


def says_more_than_its_date(sentence: str, time_span: tuple[int, int]) -> bool:
    """Without its time expression the sentence still has enough words, some of them lowercase words."""
    data = settings()
    start, end = time_span
    words = _WORD.findall(f"{sentence[:start]} {sentence[end:]}")
    lowercase = [word for word in words if word[0].islower() and len(word) > 2]
    return len(words) >= int(data["min_words"]) and len(lowercase) >= int(data["min_lowercase_words"])
