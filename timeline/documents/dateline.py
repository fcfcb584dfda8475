"""The article's own publication dateline: a short line that is (mostly) a date, at the top or bottom.

Examples: "April 8, 2017 at 2:41 pm", "Published October 20th, 2015 - 12:00 GMT",
"Last Modified: Sunday، 03 February 2019 02:30 PM", "Updated: 2019-02-03", "8 April 2017 14:41 GMT".
A line qualifies when, once its label (Published, Updated, Last Modified...), the date, the time, the
weekday and a few filler words are removed, at most ``max_other_words`` words remain. The dates are the
date tagger's: only full dates (day, month and year) count, and numeric dates only when unambiguous: never a
guess, never "today".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from timeline.dates import tag_dates
from timeline.dates.lexicon import lexicon
from timeline.documents.data import dateline_data
from timeline.documents.lines import Line
from timeline.model import TimeMention

DatelineKind = Literal["published", "plain", "updated"]
KIND_PREFERENCE: dict[DatelineKind, int] = {"published": 0, "plain": 1, "updated": 2}
"""A labelled publication date beats a bare date, which beats an update date."""

WORD = re.compile(r"[^\W_]+")
_AMBIGUOUS_NUMERIC = re.compile(r"^(?P<a>\d{1,2})/(?P<b>\d{1,2})/\d{2,4}$")
"""Slashed dates are written both day-first and month-first; dotted and dashed ones are day-first."""


@dataclass(frozen=True, slots=True)
class Dateline:
    line: Line
    position: int
    """Where the line sits in the list of lines searched."""
    date: date
    kind: DatelineKind
    own: bool = True
    """False for a reader comment's time stamp: a dateline-like line that is not the article's date."""


@cache
def _labels() -> tuple[tuple[str, DatelineKind], ...]:
    data = dateline_data()
    labels: list[tuple[str, DatelineKind]] = [(label, "published") for label in data["published_labels"]]
    labels += [(label, "updated") for label in data["updated_labels"]]
    return tuple(sorted(labels, key=lambda pair: len(pair[0]), reverse=True))


@cache
def _ignorable() -> frozenset[str]:
    data = dateline_data()
    return (
        frozenset(lexicon().weekdays)
        | frozenset(data["filler_words"])
        | frozenset(word for label, _kind in _labels() for word in label.split())
    )


def _calendar_dates(text: str) -> list[TimeMention]:
    """Full calendar dates written in ``text`` (the date tagger's, with no anchor: nothing relative).

    A numeric date whose day and month could be swapped (03/04/2019) is left out: never a guess.
    """
    found = []
    for mention in tag_dates(text, None):
        if not mention.anchored or mention.relative or mention.precision != "day" or mention.start is None:
            continue
        numeric = _AMBIGUOUS_NUMERIC.match(mention.text.strip())
        if numeric and numeric["a"] != numeric["b"] and max(int(numeric["a"]), int(numeric["b"])) <= 12:
            continue
        found.append(mention)
    return found


def find_date(text: str) -> tuple[date, int, int] | None:
    """The first full, unambiguous date written in ``text`` and its span, e.g. in a meta tag's value."""
    for mention in _calendar_dates(text):
        if mention.start is not None:
            return mention.start, mention.span[0], mention.span[1]
    return None


def parse_dateline(text: str) -> tuple[date, DatelineKind] | None:
    """The date of a dateline line and whether it is labelled published/updated; None if not a dateline."""
    data = dateline_data()
    clean = text.strip(" \t\ufeff\xa0#*_>|").replace("\u060c", ",")
    if not clean or len(clean) > data["max_line_chars"] or _names_another_date(clean):
        return None
    bracketed = clean[0] in "([" and clean[-1] in ")]"
    if bracketed:
        clean = clean[1:-1].strip()
    kind, rest = _strip_label(clean)
    found = find_date(rest)
    if found is None:
        return None
    value, _start, _end = found
    others = _other_words(rest)
    if others > (0 if bracketed and kind == "plain" else data["max_other_words"]):
        return None  # "(Nature, 28 May 2015)" cites a source; "(28 May 2015)" may still be a dateline
    return value, kind


@cache
def _not_dateline_labels() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in dateline_data()["not_dateline_labels"])
    markers = "|".join(re.escape(marker) for marker in dateline_data()["citation_markers"])
    return re.compile(
        rf"(?i:^(?:{labels})\b|(?<!\w)(?:{markers})(?!\w)|\b\d+\s*\(\d+\)|\b\d+\s*[-–]\s*\d+\s*\()"
    )


def _names_another_date(clean: str) -> bool:
    """A photo's "Picture taken March 3, 2017.", a citation's "Retrieved 3 March 2015" or "Journal of
    X 52(3)", a comment's "NAME says: March 5, 2017": dates of something else than the article."""
    if _not_dateline_labels().search(clean):
        return True
    lower = clean.lower()
    speaker_endings = [ending for ending in dateline_data()["comment_speaker_endings"] if ":" in ending]
    return any(f"{ending} " in lower for ending in speaker_endings)


_PLACE = r"[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|al|el|de|es))*"
_WIRE = re.compile(
    rf"(?P<place>{_PLACE}(?:,\s*{_PLACE}){{0,2}})\s*(?P<agency1>\([^()\n]{{1,30}}\)\s*)?,\s*"
    r"(?P<date>[^—–\n]{6,40}?)\s*(?P<agency2>\([^()\n]{1,30}\)\s*)?(?:—|–|--|-(?=\s)|:)\s+(?=\S)"
)
"""A wire dateline opening the first paragraph: "BAGHDAD, March 3, 2004 — ...",
"Kabul, Afghanistan, 3 March 2004 (AP) - ...": a place (its first word in capitals, or an agency named
in brackets: "Mr Smith, 12 May 2003 — " is no dateline), a full date, a dash, then the story."""


def find_wire_dateline(lines: list[Line], article_end: int) -> tuple[date, int, int] | None:
    """The date and span of a wire dateline at the start of one of the first lines (the span covers the
    place, the date and the dash only: the rest of the line is the story's first sentence)."""
    for line in lines[: min(dateline_data()["window_lines"], article_end)]:
        offset = len(line.raw) - len(line.raw.lstrip(" \t\ufeff\xa0#*_>"))
        match = _WIRE.match(line.raw, offset)
        if match is None or _names_another_date(match["date"]):
            continue
        first_word = match["place"].split()[0].split(",")[0]
        if not (first_word.isupper() and len(first_word) > 1) and not (match["agency1"] or match["agency2"]):
            continue
        found = find_date(match["date"])
        if found is None or _other_words(match["date"]) > 0:
            continue
        return found[0], line.start + match.start(), line.start + match.end()
    return None


def find_dateline(
    lines: list[Line], article_end: int, *, comments_at: int | None = None
) -> tuple[Dateline | None, list[Dateline]]:
    """The publication dateline among the first and last lines of the article, and every dateline seen.

    ``lines`` are the text's non-blank lines; ``article_end`` is the position of the first line after
    the article (its chrome tail), so that dates of related stories below "You may also like" are never
    taken for the article's own; ``comments_at`` the offset where the reader comments start, when their
    first time stamp was found (``stamps.py``): "Posted by: NAME | DATE | Report abuse" is a comment's.
    """
    window = dateline_data()["window_lines"]
    positions = [*range(min(window, article_end)), *range(max(window, article_end - window), article_end)]
    seen: list[Dateline] = []
    comments_from = _comments_start(lines, article_end)
    if comments_at is not None:
        comments_from = min(comments_from, bisect_left([line.end for line in lines], comments_at + 1))
    for position in positions:
        line = lines[position]
        parsed = parse_dateline(line.raw)
        if parsed is not None:
            own = position < comments_from and not _comment_stamp(lines, position)
            seen.append(Dateline(line, position, parsed[0], parsed[1], own))
    own_datelines = [found for found in seen if found.own]
    if not own_datelines:
        return None, seen
    best = min(own_datelines, key=lambda found: (KIND_PREFERENCE[found.kind], found.position))
    return best, seen


_COUNTED_COMMENTS = re.compile(r"(?i:^\d+\s+(?:comments?|responses?|replies|thoughts\s+on)\b)")


def _comments_start(lines: list[Line], article_end: int) -> int:
    """The position of a reader-comments header ("12 comments", "Leave a reply"), else ``article_end``."""
    headers = frozenset(dateline_data()["comment_headers"])
    for position in range(1, article_end):
        clean = lines[position].clean.lower().rstrip(":").strip()
        if clean in headers or _COUNTED_COMMENTS.match(clean):
            return position
    return article_end


def _comment_stamp(lines: list[Line], position: int) -> bool:
    """A time stamp under a commenter's "NAME says:", or followed within two lines (the comment) by
    "Reply"; a comment's own speaker line ends the search."""
    data = dateline_data()
    speaker_endings = tuple(data["comment_speaker_endings"])
    if position > 0 and lines[position - 1].clean.lower().endswith(speaker_endings):
        return True
    actions = frozenset(data["comment_action_lines"])
    for line in lines[position + 1 : position + 3]:
        clean = line.clean.lower()
        if clean.endswith(speaker_endings):
            return False
        if clean.strip(" []|") in actions:
            return True
    return False


_BYLINE_NAME = (
    r"(?:[A-Z][\w'’.-]*|van|von|der|den|de|da|del|della|di|du|al|el|bin|ibn|la|le)"
    r"(?:\s+(?:[A-Z][\w'’.-]*|van|von|der|den|de|da|del|della|di|du|al|el|bin|ibn|la|le)){0,5}"
)


@cache
def _byline() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in dateline_data()["byline_labels"])
    return re.compile(
        rf"^(?P<label>(?i:{labels})\s+)?(?i:by)\s+(?:{_BYLINE_NAME}|[\w.@-]+)\s*(?:(?i:on|at)\s+|[|,–—-]\s*)"
    )


def _strip_label(text: str) -> tuple[DatelineKind, str]:
    byline = _byline().match(text)
    if byline:
        # "Posted by Maria van der Berg on 3 March 2015", "By John Smith | March 3, 2017": the name is
        # the author's, not words around the date.
        return ("published" if byline["label"] else "plain"), text[byline.end() :]
    lower = text.lower()
    for label, kind in _labels():
        if lower.startswith(label) and (len(lower) == len(label) or not lower[len(label)].isalpha()):
            return kind, text[len(label) :].lstrip(" :-–—|,")
    return "plain", text


def _other_words(text: str) -> int:
    """Words of ``text`` that are not dates, times, weekdays, labels or filler."""
    for mention in reversed(_calendar_dates(text)):
        text = text[: mention.span[0]] + " " + text[mention.span[1] :]
    text = _TIME.sub(" ", text)
    return sum(1 for word in WORD.findall(text.lower()) if word not in _ignorable())


_TIME = re.compile(r"(?<!\d)\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:\s{0,2}[ap]\.?m\.?)?|[+-]\d{2}:?\d{2}\b", re.I)
