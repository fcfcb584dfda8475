"""Turn one document into event records: every dated mention in a sentence that reports something.

``extract_events`` is pure (text and metadata in, records out) so documents can be processed in
parallel; the date tagger is a parameter so tests can hand it fixed mentions.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from timeline.dates import tag_dates
from timeline.events.actors import find_actors
from timeline.events.categories import choose_category
from timeline.events.display import display_date, display_range
from timeline.events.merge import merge_events
from timeline.events.sentences import Sentence, sentence_at, split_sentences
from timeline.events.tense import is_hedged, is_planned
from timeline.events.titles import make_title, strip_attribution
from timeline.model import (
    PRECISION_ORDER,
    Document,
    Event,
    Mention,
    Mode,
    Precision,
    Source,
    Span,
    TimeMention,
)
from timeline.resources import load_data

Tagger = Callable[[str, date | None, Mode], list[TimeMention]]

_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_CAPTION_CREDIT = re.compile(r"\[[^\[\]]*\]\s*$")
_SPACE = re.compile(r"\s")

MAX_SENTENCE_CHARS = 1000
"""A longer "sentence" (a line of figures, a text without full stops) is read in a window around each date,
so the work per dated mention stays bounded however long the line is."""
WINDOW_CHARS = 300
"""How much of such a sentence each side of a dated mention its record keeps (cut at a space)."""
NEAREST_OTHERS = 8
"""The sentence's other time expressions handed to the title maker: this many on each side, the nearest."""


@cache
def _settings() -> dict[str, Any]:
    return load_data("events_build.json")


@cache
def _not_event_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    settings = _settings()
    return tuple(settings["not_event_phrases"]), tuple(settings["not_event_starts"])


def is_site_furniture(sentence: str) -> bool:
    """A copyright line, a subscribe prompt, an update stamp: words of the site, not of the article.

    Plain substring tests first (fast), the word-boundary check only on a hit: this runs once per dated
    sentence, and one big case-insensitive alternation cost more than the rest of the check.
    """
    phrases, starts = _not_event_words()
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


def event_id(doc_id: str, span: Span) -> str:
    """A stable id for the event first reported at ``span`` of ``doc_id``."""
    return hashlib.sha1(f"{doc_id}:{span[0]}:{span[1]}".encode()).hexdigest()[:16]


class _Zones:
    """Spans to skip (site chrome, the dateline), merged and sorted so each lookup is a binary search."""

    def __init__(self, zones: tuple[Span, ...]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(zones):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def overlap(self, span: Span) -> bool:
        at = bisect_right(self._ends, span[0])  # the first zone ending after the span starts
        return at < len(self._starts) and self._starts[at] < span[1]


def is_eventful(sentence: str, time_span: tuple[int, int]) -> bool:
    """The sentence says something beyond its date: enough words, some of them ordinary lowercase words,
    and it is not site furniture (a copyright line, an update stamp)."""
    return not is_site_furniture(sentence) and _says_more_than_its_date(sentence, time_span)


def _says_more_than_its_date(sentence: str, time_span: tuple[int, int]) -> bool:
    settings = _settings()
    start, end = time_span
    words = _WORD.findall(_CAPTION_CREDIT.sub("", f"{sentence[:start]} {sentence[end:]}"))
    lowercase = [word for word in words if word[0].islower() and len(word) > 2]
    return len(words) >= int(settings["min_words"]) and len(lowercase) >= int(settings["min_lowercase_words"])


def confidence_of(mention: TimeMention, *, hedged: bool, planned: bool) -> float:
    """0..1: how sure the date is; relative, unanchored, coarse, modified and hedged dates cost."""
    settings = _settings()
    penalties: dict[str, float] = settings["penalties"]
    score = float(settings["base_confidence"])
    score -= float(settings["precision_penalties"].get(mention.precision, 0.2))
    if mention.relative:
        score -= penalties["relative"]
    if not mention.anchored or mention.start is None:
        score -= penalties["unanchored"]
    if mention.mod:
        score -= penalties["modifier"]
    if hedged:
        score -= penalties["hedged"]
    if planned:
        score -= penalties["planned"]
    return min(1.0, max(0.05, score))


def _source(doc: Document) -> Source:
    return Source(doc=doc.doc_id, title=doc.title, outlet=doc.outlet, url=doc.url, published=doc.published)


def _tags(sentence: Sentence, time_mention: TimeMention) -> tuple[str, ...]:
    tags: list[str] = []
    if _CAPTION_CREDIT.search(sentence.text):
        tags.append("caption")
    if time_mention.relative:
        tags.append("relative")
    if not time_mention.anchored or time_mention.start is None:
        tags.append("unanchored")
    if time_mention.mod:
        tags.append(time_mention.mod.lower())
    return tuple(tags)


def _category(sentence: str, title: str) -> str:
    """Category from the headline (the dated clause) first, the rest of the sentence breaking ties.

    The sentence is read without its attribution (", the ministry said" is not the event).
    """
    return choose_category(title, context=strip_attribution(sentence))


def _mention(doc: Document, sentence: Sentence, time_mention: TimeMention) -> Mention:
    return Mention(
        doc=doc.doc_id,
        span=time_mention.span,
        time_text=time_mention.text,
        sentence=sentence.text,
        sentence_span=sentence.span,
    )


def _display(time_mention: TimeMention) -> str:
    return display_date(
        time_mention.start,
        time_mention.end,
        time_mention.precision,
        time_mention.value,
        time_mention.mod,
        time_mention.text,
    )


def _coarser(first: Precision, second: Precision) -> Precision:
    return max(first, second, key=PRECISION_ORDER.index)


def event_from_mention(
    doc: Document,
    sentence: Sentence,
    time_mention: TimeMention,
    neighbours: tuple[Span, ...] = (),
    *,
    range_end: TimeMention | None = None,
) -> Event:
    """The record for one dated mention of ``doc`` inside ``sentence``.

    ``neighbours`` are the document spans of the sentence's other time expressions; ``range_end`` the
    other end of a range that starts at ``time_mention``: the event then spans from one to the other.
    """
    last = range_end or time_mention
    local = (time_mention.span[0] - sentence.start, last.span[1] - sentence.start)
    others = tuple((start - sentence.start, end - sentence.start) for start, end in neighbours)
    planned = is_planned(sentence.text, local, time_mention.start, doc.published)
    title = make_title(sentence.text, local, others)
    if range_end is None:
        mentions: tuple[Mention, ...] = (_mention(doc, sentence, time_mention),)
        precision, value, shown = time_mention.precision, time_mention.value, _display(time_mention)
    else:
        mentions = (_mention(doc, sentence, time_mention), _mention(doc, sentence, range_end))
        precision = _coarser(time_mention.precision, range_end.precision)
        value = f"{time_mention.value}/{range_end.value}"
        shown = display_range(_display(time_mention), _display(range_end))
    return Event(
        id=event_id(doc.doc_id, time_mention.span),
        start=time_mention.start,
        end=last.end,
        precision=precision,
        value=value,
        display_date=shown,
        title=title,
        sentence=sentence.text,
        mentions=mentions,
        sources=(_source(doc),),
        actors=find_actors(sentence.text),
        category=_category(sentence.text, title),
        planned=planned,
        anchored=time_mention.anchored and time_mention.start is not None,
        confidence=confidence_of(time_mention, hedged=is_hedged(sentence.text), planned=planned),
        tags=_tags(sentence, time_mention) + (("range",) if range_end else ()),
    )


def _sentence_holding(text: str, sentences: list[Sentence], span: Span) -> Sentence | None:
    """The sentence holding ``span``; two joined when a split fell inside the expression ("Sept. 29")."""
    first = sentence_at(sentences, span[0])
    last = sentence_at(sentences, span[1] - 1)
    if first is None or last is None:
        return None
    if first == last:
        return first
    return Sentence(first.start, last.end, text[first.start : last.end])


def _window(text: str, sentence: Sentence, whole: Span) -> Sentence:
    """``sentence`` itself, or, when it is longer than MAX_SENTENCE_CHARS, the part of it within
    WINDOW_CHARS of ``whole`` (a document span), cut at spaces so no word is split."""
    if sentence.end - sentence.start <= MAX_SENTENCE_CHARS:
        return sentence
    start = max(sentence.start, whole[0] - WINDOW_CHARS)
    end = min(sentence.end, whole[1] + WINDOW_CHARS)
    if start > sentence.start and (space := _SPACE.search(text, start, whole[0])):
        start = space.end()
    if end < sentence.end:
        last_space = max(text.rfind(mark, whole[1], end) for mark in (" ", "\t", "\u00a0"))
        end = last_space if last_space >= 0 else end
    while start < whole[0] and text[start].isspace():
        start += 1
    while end > whole[1] and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end])


def _nearest_others(mentions: list[TimeMention], first: int, last: int, window: Sentence) -> tuple[Span, ...]:
    """Spans of the sentence's other mentions inside ``window``, at most NEAREST_OTHERS each side of the
    unit ``mentions[first..last]`` (``mentions`` in text order)."""
    before = mentions[max(0, first - NEAREST_OTHERS) : first]
    after = mentions[last + 1 : last + 1 + NEAREST_OTHERS]
    between = mentions[first + 1 : last]
    return tuple(
        other.span
        for other in (*before, *between, *after)
        if window.start <= other.span[0] and other.span[1] <= window.end
    )


def extract_events(doc: Document, *, tagger: Tagger = tag_dates) -> list[Event]:
    """Every event ``doc`` reports, merged where it reports the same one twice, in text order.

    The work per dated mention is bounded (a window of a very long sentence, its nearest other dates)
    and the sentence-wide checks run once per sentence, so time grows linearly with the text.
    """
    sentences = split_sentences(doc.text)
    skip = _Zones(doc.excluded + ((doc.dateline,) if doc.dateline else ()))
    by_sentence: dict[Sentence, list[TimeMention]] = {}
    for time_mention in tagger(doc.text, doc.published, doc.mode):
        if skip.overlap(time_mention.span):
            continue
        sentence = _sentence_holding(doc.text, sentences, time_mention.span)
        if sentence is None:
            continue
        by_sentence.setdefault(sentence, []).append(time_mention)
    events: list[Event] = []
    for sentence, mentions in by_sentence.items():
        if is_site_furniture(sentence.text):
            continue
        mentions.sort(key=lambda mention: mention.span)
        index = {id(mention): at for at, mention in enumerate(mentions)}
        for first, last in _units(mentions):
            whole = (first.span[0], (last or first).span[1])
            window = _window(doc.text, sentence, whole)
            local = (whole[0] - window.start, whole[1] - window.start)
            if not _says_more_than_its_date(window.text, local):
                continue
            neighbours = _nearest_others(mentions, index[id(first)], index[id(last or first)], window)
            events.append(event_from_mention(doc, window, first, neighbours, range_end=last))
    return merge_events(events)


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
