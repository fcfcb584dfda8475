"""The candidate event sentences of a document, before any parsing: the cheap part of the event stage.

Every dated mention outside the skipped zones (site chrome, the dateline) is grouped by its sentence (or
a bounded window of a very long one); the two ends of a range make one unit; sentences that are site
furniture, captions, credits or bylines, or that say nothing beyond their date, are left out. Only what
is left is parsed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise

from timeline.events.clause_parse import LocalSpan
from timeline.events.furniture import (
    content_start,
    is_caption_or_byline,
    is_site_furniture,
    says_more_than_its_date,
)
from timeline.events.sentences import Sentence, split_sentences
from timeline.events.windows import Zones, sentence_holding, window
from timeline.model import Document, Mode, TimeMention

Tagger = Callable[[str, date | None, Mode], list[TimeMention]]
Unit = tuple[TimeMention, TimeMention | None]
"""A dated mention, or the two ends of a range ("from 2003 to 2011")."""


def candidates(doc: Document, tagger: Tagger) -> dict[Sentence, list[Unit]]:
    """The dated units of each candidate event sentence (or window of a very long one), before parsing."""
    sentences = split_sentences(doc.text)
    skip = Zones(doc.excluded + ((doc.dateline,) if doc.dateline else ()))
    by_sentence: dict[Sentence, list[TimeMention]] = {}
    for time_mention in tagger(doc.text, doc.published, doc.mode):
        if skip.overlap(time_mention.span):
            continue
        sentence = sentence_holding(doc.text, sentences, time_mention.span)
        if sentence is not None:
            by_sentence.setdefault(sentence, []).append(time_mention)
    captions = _captions(doc.text, sentences, {sentence.start for sentence in by_sentence})
    reads: dict[Sentence, list[Unit]] = {}
    for sentence, mentions in by_sentence.items():
        if (
            sentence.start in captions
            or is_site_furniture(sentence.text)
            or is_caption_or_byline(sentence.text)
        ):
            continue
        mentions.sort(key=lambda mention: mention.span)
        for first, last in _units(mentions):
            whole = (first.span[0], (last or first).span[1])
            read = window(doc.text, sentence, whole)
            if says_more_than_its_date(read.text, (whole[0] - read.start, whole[1] - read.start)):
                reads.setdefault(read, []).append((first, last))
    return reads


def _captions(text: str, sentences: list[Sentence], starts: set[int]) -> set[int]:
    """Starts of sentences a credit follows on the same line ("... on Friday. Photograph: J Doe/AP"), of
    those starting at ``starts`` (the dated ones)."""
    found: set[int] = set()
    for before, after in pairwise(sentences):
        if before.start not in starts:
            continue
        if "\n" not in text[before.end : after.start] and is_caption_or_byline(after.text):
            found.add(before.start)
    return found


def parse_start(read: Sentence, units: list[Unit]) -> int:
    """Where the parser starts reading ``read``: after a wire dateline ("BAGHDAD—"), which would
    otherwise be parsed as the sentence's subject, unless a date lies inside it."""
    start = content_start(read.text)
    return start if all(local_span(unit, read)[0] >= start for unit in units) else 0


def local_span(unit: Unit, read: Sentence) -> LocalSpan:
    first, last = unit
    return (first.span[0] - read.start, (last or first).span[1] - read.start)


def _units(mentions: list[TimeMention]) -> list[tuple[TimeMention, TimeMention | None]]:
    """The sentence's mentions as events-to-be: the two ends of a range ("from 2003 to 2011") make one."""
    units: list[tuple[TimeMention, TimeMention | None]] = []
    open_ranges: dict[int, int] = {}  # range id -> index of its first end in ``units``
    for mention in mentions:
        at = open_ranges.pop(mention.range_id, None) if mention.range_id is not None else None
        if at is not None and _valid_range(units[at][0], mention):
            units[at] = (units[at][0], mention)
            continue
        if mention.range_id is not None:
            open_ranges[mention.range_id] = len(units)
        units.append((mention, None))
    return units


def _valid_range(first: TimeMention, last: TimeMention) -> bool:
    return (
        first.start is not None
        and last.end is not None
        and first.start <= last.end
        and first.span[1] <= last.span[0]
    )
