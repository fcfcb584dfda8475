"""Site chrome, line by line: the phrases and shapes of page furniture, judged without context.

A line is chrome when, lower-cased and stripped of markup, it is a menu word or an end-of-article marker
("clear", "Share via", "You may also like"), starts with a furniture phrase ("Powered by", "Subscribe to",
"Copyright"), contains one (a cookie notice, "all rights reserved"), is a tagline ("... since 2009"), a
byline ("by <author>") or a breadcrumb ("Iraq News - Local News - Site"). Photo captions are never chrome:
they report what happened. All phrases live in ``timeline/data/chrome.json``; the rules that need the
neighbouring lines (title, related headlines, the tail after an end marker) are in ``layout.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from timeline.documents.data import chrome_data
from timeline.documents.lines import Line

LineKind = Literal["blank", "chrome", "end", "caption", "paragraph", "short"]
"""end: an end-of-article marker; paragraph: reads as prose; short: a title-like line (no final stop)."""

TRAILING_NOISE = " \t:.!»›>|-–—•·"
CREDIT_IN_BRACKETS = re.compile(r"\[[^\[\]]{1,80}/[^\[\]]{1,80}\]\s{0,3}$")
"""A photo credit such as "[Samuel Corum/Anadolu Agency]" at the end of a caption."""
CREDIT_ZONE = 200


@dataclass(frozen=True, slots=True)
class _Rules:
    end_markers: frozenset[str]
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    contains: re.Pattern[str]
    short_contains: re.Pattern[str]
    tagline: re.Pattern[str]
    bylines: tuple[str, ...]
    breadcrumb: re.Pattern[str]
    captions: re.Pattern[str]
    numbers: dict[str, Any]


def _literal_alternation(phrases: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True)))


@cache
def _rules() -> _Rules:
    data = chrome_data()
    return _Rules(
        end_markers=frozenset(normalise(marker) for marker in data["end_markers"]),
        exact=frozenset(normalise(word) for word in data["exact_lines"]),
        prefixes=tuple(prefix.lower() for prefix in data["line_prefixes"]),
        contains=_literal_alternation([phrase.lower() for phrase in data["line_contains"]]),
        short_contains=_literal_alternation([phrase.lower() for phrase in data["short_line_contains"]]),
        tagline=re.compile("|".join(f"(?:{pattern})" for pattern in data["tagline_patterns"])),
        bylines=tuple(prefix.lower() for prefix in data["byline_prefixes"]),
        breadcrumb=_literal_alternation(data["breadcrumb_separators"]),
        captions=_literal_alternation([marker.lower() for marker in data["caption_markers"]]),
        numbers={key: value for key, value in data.items() if not isinstance(value, list | str)},
    )


def normalise(text: str) -> str:
    """Lower-case, markup and trailing separators removed: the form phrase lists are compared in."""
    return text.strip(" \t\ufeff\xa0#>*_=`~").lower().rstrip(TRAILING_NOISE).strip()


def is_caption(clean: str) -> bool:
    """A photo caption: a credit in brackets at the end, or a photo/agency marker."""
    credit_zone = clean[-CREDIT_ZONE:]  # a credit closes the caption: no need to scan a long line twice
    return bool(CREDIT_IN_BRACKETS.search(credit_zone) or _rules().captions.search(clean.lower()))


def chrome_reason(line: Line) -> str | None:
    """Why ``line`` is site chrome ("menu", "end", "phrase", "tagline", "byline", "breadcrumb") or None."""
    return _judge(line)[0]


def classify(line: Line) -> LineKind:
    """The kind of one line, judged alone."""
    if not line.clean:
        return "blank"
    reason, caption = _judge(line)
    if reason == "end":
        return "end"
    if reason is not None:
        return "chrome"
    if caption:
        return "caption"
    if line.ends_like_sentence or line.words >= _rules().numbers["headline"]["paragraph_min_words"]:
        return "paragraph"
    return "short"


def _judge(line: Line) -> tuple[str | None, bool]:
    """(why the line is chrome or None, whether it is a photo caption)."""
    rules = _rules()
    numbers = rules.numbers
    text = normalise(line.clean)
    if not text:
        return None, False
    if text in rules.end_markers:
        return "end", False
    if text in rules.exact:
        return "menu", False
    if is_caption(line.clean):
        return None, True
    words = len(text.split())
    if words <= numbers["prefix_max_words"] and text.startswith(rules.prefixes):
        return "phrase", False
    if words <= numbers["contains_max_words"] and rules.contains.search(text):
        return "phrase", False
    if words <= numbers["short_contains_max_words"] and rules.short_contains.search(text):
        return "phrase", False
    if words <= numbers["tagline_max_words"] and rules.tagline.search(text):
        return "tagline", False
    if _is_byline(text, words, rules):
        return "byline", False
    if _is_breadcrumb(text, rules):
        return "breadcrumb", False
    return None, False


def _is_byline(text: str, words: int, rules: _Rules) -> bool:
    return (
        words <= rules.numbers["byline_max_words"]
        and text.startswith(rules.bylines)
        and not any(char.isdigit() for char in text)
        and not text.endswith((".", "?", "!"))
    )


def _is_breadcrumb(text: str, rules: _Rules) -> bool:
    if text[-1:] in ".?!\"”’'":
        return False
    parts = [part.strip() for part in rules.breadcrumb.split(text)]
    if len(parts) < rules.numbers["breadcrumb_min_parts"]:
        return False
    longest = rules.numbers["breadcrumb_max_part_words"]
    return all(0 < len(part.split()) <= longest for part in parts)
