"""The layout of an article as loaded: its title, its dateline, and the spans extraction must ignore.

Pages put furniture around the story in the same places: a masthead (menu words, tagline, breadcrumb)
above the title, a byline and dateline near it, related-story headlines dropped between paragraphs, and
after an end marker ("You may also like", "Share via", "Leave a Reply") nothing but more furniture. So:

- the title is the first title-like line of the head (the lines before the first paragraph) with enough
  words; shorter title-like lines above it are masthead; repeats of it are dropped too;
- in news mode, a run of at most ``MAX_HEADLINE_RUN`` short title-like lines (no final punctuation) with a
  paragraph on each side is related-story headlines (not in narrative mode: history texts have section
  headings; nor in a text whose paragraphs lost their final stops, where a short line is no signal);
- an end marker with at least one paragraph before it, and no more paragraphs after it than before,
  starts the tail: everything from there to the end is excluded;
- a date stamp (``stamps.py``: a reader comment's time stamp, a byline's or an agency's dateline) is
  excluded wherever it stands, and the reader comments, from the first comment's stamp on, are tail.

All positions below index the list of non-blank lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from timeline.documents.chrome import LineKind, classify, normalise
from timeline.documents.data import chrome_data
from timeline.documents.dateline import find_dateline, find_wire_dateline
from timeline.documents.lines import Line, split_lines
from timeline.documents.stamps import comments_start, text_stamps
from timeline.model import Mode, Span

MAX_HEADLINE_RUN = 4
PROSE_KINDS = frozenset({"paragraph", "caption"})
CLOSING_MARKS = "\"”’')]`» "
"""Quotes and brackets that may follow a sentence's final stop."""
SENTENCE_STOPS = frozenset(".…,;:")
"""A line ending in one of these is prose; a headline may end in '?' or '!' when short."""


@dataclass(frozen=True, slots=True)
class Layout:
    """What ``analyse_layout`` finds; every span is an offset pair into the analysed text."""

    excluded: tuple[Span, ...]
    title: str | None
    title_span: Span | None
    dateline: Span | None
    published: date | None
    """The date of the dateline, if one was found."""


def analyse_layout(text: str, mode: Mode = "news") -> Layout:
    """Title, dateline and excluded spans of ``text`` (a pure function of its arguments)."""
    lines = split_lines(text)
    kinds: list[LineKind] = [classify(line) for line in lines]
    article_end = _article_end(kinds)
    tail = lines[article_end].start if article_end < len(lines) else len(text)
    stamps = text_stamps(text[:tail])
    comments = comments_start(text, stamps)
    dateline, datelines = find_dateline(lines, article_end, comments_at=comments)
    excluded: set[int] = {position for position, kind in enumerate(kinds) if kind in ("chrome", "end")}
    for found in datelines:
        excluded.add(found.position)
        kinds[found.position] = "chrome"
    title = _find_title(lines, kinds, article_end, excluded)
    if mode == "news" and _punctuated(lines, kinds, article_end):
        excluded.update(_related_headlines(lines, kinds, article_end))
    spans = [(lines[p].start, lines[p].end) for p in sorted(excluded) if p < article_end]
    spans.extend(stamp.span for stamp in stamps)
    if comments is not None:
        tail = min(tail, comments)
    if tail < len(text):
        spans.append((tail, len(text)))
    dateline_span = (dateline.line.start, dateline.line.end) if dateline else None
    published = dateline.date if dateline else None
    wire = None if dateline else find_wire_dateline(lines, article_end)
    if wire is not None:
        published, dateline_span = wire[0], (wire[1], wire[2])
    return Layout(
        excluded=tuple(spans),
        title=title.clean if title else None,
        title_span=(title.start, title.end) if title else None,
        dateline=dateline_span,
        published=published,
    )


def _article_end(kinds: list[LineKind]) -> int:
    """Position of the end marker that starts the chrome tail, or the number of lines if there is none."""
    total = sum(1 for kind in kinds if kind == "paragraph")
    before = 0
    for position, kind in enumerate(kinds):
        if kind == "paragraph":
            before += 1
        elif kind == "end" and before >= 1 and before >= total - before:
            return position
    return len(kinds)


def _find_title(
    lines: list[Line], kinds: list[LineKind], article_end: int, excluded: set[int]
) -> Line | None:
    """The title line; its position joins ``excluded``, with the masthead above it and its repeats."""
    settings = chrome_data()["headline"]
    head: list[int] = []
    for position in range(article_end):
        if len(head) >= settings["head_max_lines"] or _is_prose(lines[position], kinds[position], settings):
            break
        head.append(position)
    candidates = [p for p in head if kinds[p] in ("short", "paragraph") and _title_like(lines[p])]
    if not candidates:
        return None
    # A masthead's site name or tagline is shorter than a headline; a short headline is the last line
    # before the body.
    title = next((p for p in candidates if lines[p].words >= settings["title_min_words"]), candidates[-1])
    title_text = normalise(lines[title].clean)
    for position in candidates:
        if position <= title or normalise(lines[position].clean) == title_text:
            excluded.add(position)
    return lines[title]


def _is_prose(line: Line, kind: LineKind, settings: dict[str, Any]) -> bool:
    """A line that starts the body: a caption, or a sentence too long or too final to be a title."""
    if kind == "caption":
        return True
    if kind not in ("paragraph", "short"):
        return False
    ending = line.clean.rstrip(CLOSING_MARKS)[-1:]
    if line.words > settings["title_max_words"] or ending in SENTENCE_STOPS:
        return True
    return ending in "?!" and line.words > settings["question_title_max_words"]


def _title_like(line: Line) -> bool:
    """Reads as a headline: not a wire dateline ("HAVANA (AP) --", "NAIROBI, Kenya (AP) _") or a note."""
    clean = line.clean
    return (
        any(char.islower() for char in clean)
        and not line.raw.rstrip().endswith(("_", "-", "—", "–"))
        and not clean.startswith(("(", "["))
    )


def _punctuated(lines: list[Line], kinds: list[LineKind], article_end: int) -> bool:
    """Whether the article's long lines end like sentences, so a line without a final stop stands out."""
    settings = chrome_data()["headline"]
    long_lines = [
        lines[position]
        for position in range(article_end)
        if kinds[position] == "paragraph" and lines[position].words >= settings["paragraph_min_words"]
    ]
    punctuated = sum(1 for line in long_lines if line.ends_like_sentence)
    return punctuated >= float(settings["punctuated_share_min"]) * len(long_lines)


def _related_headlines(lines: list[Line], kinds: list[LineKind], article_end: int) -> list[int]:
    """Positions of short title-like lines standing alone between paragraphs (chrome is transparent)."""
    settings = chrome_data()["headline"]
    found: list[int] = []
    run: list[int] = []
    previous_prose = False
    for position in range(article_end):
        kind = kinds[position]
        if kind == "chrome":
            continue
        if kind == "short":
            run.append(position)
            continue
        if kind in PROSE_KINDS:
            if previous_prose and 0 < len(run) <= MAX_HEADLINE_RUN:
                found.extend(run)
            previous_prose = True
        else:
            previous_prose = False
        run = []
    return [position for position in found if _headline_shaped(lines[position], settings)]


def _headline_shaped(line: Line, settings: dict[str, Any]) -> bool:
    """Enough words to be a headline, and starting like one (not a list item, number or lower-case word)."""
    clean = line.clean
    first = clean[:1]
    return (
        settings["min_words"] <= line.words <= settings["max_words"]
        and (first.isupper() or first in "\"“‘'")
        and clean[:2] not in ("- ", "+ ", "• ")
    )
