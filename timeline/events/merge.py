"""Merge records of the same event: a repeated caption, one day's talks told twice, one event in two articles.

Conservative on purpose: records merge only when their intervals are identical and their words say the
same thing: identical sentences; or the names they mention agree (one set inside the other) and, within a
document, the same category, shared actors and most content words in common, or, across documents,
similar titles or sentences. Different events on the same day stay apart.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from timeline.events.resources import load_data
from timeline.model import Event, Mention, Source

_WORD = re.compile(r"[a-z0-9]+")
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


def names(sentence: str) -> frozenset[str]:
    """Capitalised words that are not stopwords, cut to a common prefix ("Kenyan" and "Kenya" agree)."""
    settings = _settings()
    skip = _stopwords() | frozenset(settings["calendar_words"])
    size = int(settings["name_prefix"])
    found = set()
    for match in _NAME.finditer(sentence):
        word = match.group(0).rstrip(".’'-").lower()
        if word not in skip:
            found.add(word[:size])
    return frozenset(found)


def _names_agree(left: Event, right: Event) -> bool:
    left_names, right_names = names(left.sentence), names(right.sentence)
    smaller, larger = sorted((left_names, right_names), key=len)
    return smaller <= larger


def _normalized(sentence: str) -> str:
    return " ".join(_WORD.findall(sentence.lower()))


def _overlap_small(left: frozenset[str], right: frozenset[str]) -> float:
    smaller = min(len(left), len(right))
    return len(left & right) / smaller if smaller else 0.0


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    union = left | right
    return len(left & right) / len(union) if union else 0.0


def _docs(event: Event) -> set[str]:
    return {mention.doc for mention in event.mentions}


def same_event(left: Event, right: Event) -> bool:
    """Whether two records report one event (see the module docstring for the rules)."""
    if left.start is None or left.start != right.start or left.end != right.end:
        return False
    if left.precision != right.precision:
        return False
    if _normalized(left.sentence) == _normalized(right.sentence):
        return True
    settings = _settings()
    left_words, right_words = content_words(left.sentence), content_words(right.sentence)
    if min(len(left_words), len(right_words)) < settings["min_content_words"]:
        return False
    if not _names_agree(left, right):
        return False
    shared_actors = bool(set(left.actors) & set(right.actors)) or not (left.actors or right.actors)
    if _docs(left) & _docs(right):
        return (
            left.category == right.category
            and shared_actors
            and _overlap_small(left_words, right_words) >= settings["same_doc_overlap"]
        )
    similar_titles = (
        _jaccard(content_words(left.title), content_words(right.title)) >= settings["cross_doc_title_overlap"]
    )
    similar_sentences = _jaccard(left_words, right_words) >= settings["cross_doc_overlap"]
    return (similar_titles or similar_sentences) and (shared_actors or left.category == right.category)


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
    """``events`` with each group of records of one event merged, in order of first report."""
    groups: list[list[Event]] = []
    by_interval: dict[tuple[object, object], list[list[Event]]] = {}
    for event in sorted(events, key=_report_order):
        candidates = by_interval.setdefault((event.start, event.end), [])
        for group in candidates:
            # Only the group's first record is compared: cheap on long texts, and it keeps chains of
            # "similar to something similar" from gluing different events together.
            if same_event(group[0], event):
                group.append(event)
                break
        else:
            group = [event]
            candidates.append(group)
            groups.append(group)
    return [_combine(group) for group in groups]
