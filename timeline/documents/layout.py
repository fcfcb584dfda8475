"""The layout of an article as loaded: its title, its dateline, and the spans extraction must ignore.

Pages put furniture around the story in the same places: a masthead (menu words, tagline, breadcrumb)
above the title, a byline and dateline near it, related-story headlines dropped between paragraphs, and
after an end marker ("You may also like", "Share via", "Leave a Reply") nothing but more furniture. So:

- the title is the first title-like line of the head (the lines before the first paragraph) with enough
  words; shorter title-like lines above it are masthead; repeats of it are dropped too;
- in news mode, a run of at most ``MAX_HEADLINE_RUN`` short title-like lines (no final punctuation) with a
  paragraph on each side is related-story headlines (not in narrative mode: history texts have section
  headings);
- an end marker with at least one paragraph before it, and no more paragraphs after it than before,
  starts the tail: everything from there to the end is excluded.

All positions below index the list of non-blank lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from timeline.documents.chrome import LineKind, classify, normalise
from timeline.documents.data import chrome_data
from timeline.documents.dateline import find_dateline
from timeline.documents.lines import Line, split_lines
from timeline.model import Mode, Span

MAX_HEADLINE_RUN = 4
PROSE_KINDS = frozenset({"paragraph", "caption"})


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
    dateline, datelines = find_dateline(lines, article_end)
    excluded: set[int] = {position for position, kind in enumerate(kinds) if kind in ("chrome", "end")}
    for found in datelines:
        excluded.add(found.position)
        kinds[found.position] = "chrome"
    title = _find_title(lines, kinds, article_end, excluded)
    if mode == "news":
        excluded.update(_related_headlines(lines, kinds, article_end))
    spans = [(lines[p].start, lines[p].end) for p in sorted(excluded) if p < article_end]
    if article_end < len(lines):
        spans.append((lines[article_end].start, len(text)))
    return Layout(
        excluded=tuple(spans),
        title=title.clean if title else None,
        title_span=(title.start, title.end) if title else None,
        dateline=(dateline.line.start, dateline.line.end) if dateline else None,
        published=dateline.date if dateline else None,
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


def _find_title(lines: list[Line], kinds: list[LineKind], article_end: int, excluded: set[int]) -> Line | None:
    """The title line; its position joins ``excluded``, with the masthead above it and its repeats."""
    settings = chrome_data()["headline"]
    head: list[int] = []
    for position in range(article_end):
        if len(head) >= settings["head_max_lines"] or _is_prose(lines[position], kinds[position], settings):
            break
        head.append(position)
    candidates = [position for position in head if kinds[position] in ("short", "paragraph")]
    title = next((p for p in candidates if lines[p].words >= settings["title_min_words"]), None)
    if title is None:
        return None
    title_text = normalise(lines[title].clean)
    for position in candidates:
        if position <= title or normalise(lines[position].clean) == title_text:
            excluded.add(position)
    return lines[title]


def _is_prose(line: Line, kind: LineKind, settings: dict[str, Any]) -> bool:
    """A line that starts the body: a caption, or a sentence too long or too final to be a title."""
    if kind == "caption":
        return True
    if kind != "paragraph":
        return False
    return line.words > settings["title_max_words"] or line.clean.endswith(".")


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
