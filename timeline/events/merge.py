"""Merge records of the same event: a repeated caption, one day's talks told twice, one event in two articles.

Conservative on purpose: records merge only when their intervals are identical and their words say the
same thing: identical sentences; or the names and numbers they mention agree (one set inside the other,
none on one side only) and, within a document, the same category, shared actors and most content words
in common, or, across documents, similar titles or sentences. Different events on the same day stay apart."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from timeline.model import Event, Mention, Source
from timeline.resources import load_data

_WORD = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*")


@cache
def _settings() -> dict[str, Any]:
    return load_data("events_merge.json")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(_settings()["stopwords"])


def content_words(text: str) -> frozenset[str]:
    """Lowercase words of ``text`` that carry meaning (no stopwords)."""
    stop = _stopwords()
    return frozenset(word for word in _WORD.findall(text.lower()) if word not in stop)


@cache
def _not_names() -> frozenset[str]:
    return _stopwords() | frozenset(_settings()["calendar_words"])


def names(sentence: str) -> frozenset[str]:
    """Capitalised words that are not stopwords, cut to a common prefix ("Kenyan" and "Kenya" agree)."""
    skip = _not_names()
    size = int(_settings()["name_prefix"])
    found = set()
    for match in _NAME.finditer(sentence):
        word = match.group(0).rstrip(".’'-").lower()
        if word not in skip:
            found.add(word[:size])
    return frozenset(found)


def _normalized(sentence: str) -> str:
    return " ".join(_WORD.findall(sentence.lower()))


def _overlap_small(left: frozenset[str], right: frozenset[str]) -> float:
    smaller = min(len(left), len(right))
    return len(left & right) / smaller if smaller else 0.0


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    union = left | right
    return len(left & right) / len(union) if union else 0.0


@dataclass(frozen=True, slots=True)
class _Features:
    """What the merge rules compare, computed once per record."""

    interval: tuple[date, date | None, str] | None
    normalized: str
    words: frozenset[str]
    title_words: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    docs: frozenset[str]
    actors: frozenset[str]
    category: str


def _features(event: Event) -> _Features:
    return _Features(
        interval=(event.start, event.end, event.precision) if event.start is not None else None,
        normalized=_normalized(event.sentence),
        words=content_words(event.sentence),
        title_words=content_words(event.title),
        names=names(event.sentence),
        numbers=frozenset(_NUMBER.findall(event.sentence)),
        docs=frozenset(mention.doc for mention in event.mentions),
        actors=frozenset(event.actors),
        category=event.category,
    )


def _agree(left: frozenset[str], right: frozenset[str]) -> bool:
    """Both empty, or the smaller set inside the larger: "the company" does not agree with "Ogden Corp."."""
    smaller, larger = sorted((left, right), key=len)
    return smaller <= larger and (bool(smaller) or not larger)


def _same(left: _Features, right: _Features) -> bool:
    if left.interval is None or left.interval != right.interval:
        return False
    if left.normalized == right.normalized:
        return True
    settings = _settings()
    if min(len(left.words), len(right.words)) < settings["min_content_words"]:
        return False
    if not (_agree(left.names, right.names) and _agree(left.numbers, right.numbers)):
        return False
    shared_actors = bool(left.actors & right.actors) or not (left.actors or right.actors)
    if left.docs & right.docs:
        return (
            left.category == right.category
            and shared_actors
            and _overlap_small(left.words, right.words) >= settings["same_doc_overlap"]
        )
    similar_titles = _jaccard(left.title_words, right.title_words) >= settings["cross_doc_title_overlap"]
    similar_sentences = _jaccard(left.words, right.words) >= settings["cross_doc_overlap"]
    return (similar_titles or similar_sentences) and (shared_actors or left.category == right.category)


def same_event(left: Event, right: Event) -> bool:
    """Whether two records report one event (see the module docstring for the rules)."""
    return _same(_features(left), _features(right))


def _mention_key(mention: Mention) -> tuple[str, int, int]:
    return (mention.doc, mention.span[0], mention.span[1])


def _combine(group: list[Event]) -> Event:
    """One record for a group: the earliest-reported record leads and gives its id and words."""
    lead = group[0]
    mentions: dict[tuple[str, int, int], Mention] = {}
    sources: dict[str, Source] = {}
    actors: list[str] = []
    tags: list[str] = []
    for event in group:
        for mention in event.mentions:
            mentions.setdefault(_mention_key(mention), mention)
        for source in event.sources:
            sources.setdefault(source.doc, source)
        actors.extend(actor for actor in event.actors if actor not in actors)
        tags.extend(tag for tag in event.tags if tag not in tags)
    bonus = float(load_data("events_build.json")["corroboration_bonus"]) * (len(sources) - 1)
    return replace(
        lead,
        mentions=tuple(sorted(mentions.values(), key=_mention_key)),
        sources=tuple(sources.values()),
        actors=tuple(actors),
        tags=tuple(tags),
        confidence=min(1.0, max(event.confidence for event in group) + bonus),
    )


def _report_order(event: Event) -> tuple[str, str, int, int]:
    published = event.sources[0].published.isoformat() if event.sources[0].published else "9999"
    first = min(event.mentions, key=_mention_key)
    return (published, first.doc, first.span[0], first.span[1])


def merge_events(events: list[Event]) -> list[Event]:
    """``events`` with each group of records of one event merged, in order of first report.

    Each record is compared only with the first record of earlier groups of its interval (so chains of
    "similar to something similar" cannot glue different events), and only with those that share a
    word with it, found through an index: long texts stay fast.
    """
    groups: list[list[Event]] = []
    leads: list[_Features | None] = []
    by_sentence: dict[tuple[object, str], int] = {}
    by_word: dict[tuple[object, str], list[int]] = {}
    shared_intervals = Counter(_interval(event) for event in events if event.start is not None)
    for event in sorted(events, key=_report_order):
        if event.start is None or shared_intervals[_interval(event)] < 2:
            groups.append([event])  # alone on its interval: nothing it could be merged with
            leads.append(None)
            continue
        features = _features(event)
        found: int | None = None
        if features.interval is not None:
            found = by_sentence.get((features.interval, features.normalized))
            if found is None:
                shared = Counter(
                    index for word in features.words for index in by_word.get((features.interval, word), ())
                )
                found = next(
                    (
                        index
                        for index, _ in shared.most_common()
                        if (lead := leads[index]) is not None and _same(lead, features)
                    ),
                    None,
                )
        if found is not None:
            groups[found].append(event)
            continue
        index = len(groups)
        groups.append([event])
        leads.append(features)
        if features.interval is not None:
            by_sentence[(features.interval, features.normalized)] = index
            for word in features.words:
                by_word.setdefault((features.interval, word), []).append(index)
    return [group[0] if len(group) == 1 else _combine(group) for group in groups]


def _interval(event: Event) -> tuple[date | None, date | None, str]:
    return (event.start, event.end, event.precision)
