"""When two records are one event: one day's talks told twice, one event in nine articles, a day and the
month that holds it.

Conservative on purpose. The words compared are the sentence's without its time expressions. Two records
are one event when the names and numbers they mention agree (one set inside the other, none on one side
only) and:

- same interval, same document: the same category, shared actors, most content words in common;
- same interval, different documents: similar titles or sentences (content-word Jaccard, or the cosine
  of TF-IDF vectors weighted over the records being merged), with shared actors or the same category;
- one interval inside the other ("15 March 2011" in "March 2011" or "2011", a day in a week already
  reported), from different sentences: a stricter similarity, with shared actors or the same category;
  the finer date leads.

Thresholds are data (``events_merge.json``). These are the pairwise tests only; which pairs are tested,
and how a group becomes one record, is ``merge``'s job.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from timeline.events.merge_words import (
    common_words,
    content_words,
    figures,
    merge_settings,
    names,
    normalized,
    numbers_in,
    without_times,
)
from timeline.model import PRECISION_ORDER, Event

Interval = tuple[date, date | None, str]

RANK: dict[str, int] = {precision: rank for rank, precision in enumerate(PRECISION_ORDER)}
"""Precision -> rank, finest first: "day" ranks below "month"."""


def _overlap_small(left: frozenset[str], right: frozenset[str]) -> float:
    smaller = min(len(left), len(right))
    return len(left & right) / smaller if smaller else 0.0


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    union = left | right
    return len(left & right) / len(union) if union else 0.0


@dataclass(frozen=True, slots=True)
class Features:
    """What the merge rules compare, computed once per record."""

    interval: Interval | None
    normalized: str
    words: frozenset[str]
    title: str
    """The title's words, lowercased: two records of an interval headlined alike tell one event."""
    title_words: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    docs: frozenset[str]
    sentences: frozenset[tuple[str, int]]
    actors: frozenset[str]
    category: str


def features_of(event: Event, common: frozenset[str] = frozenset()) -> Features:
    """The record's features; ``common`` are the words seen in lower case in the records compared."""
    bare = without_times(event)
    return Features(
        interval=(event.start, event.end, event.precision) if event.start is not None else None,
        normalized=normalized(event.sentence),
        words=content_words(bare),
        title=normalized(event.title),
        title_words=content_words(event.title),
        names=names(bare, common),
        numbers=figures(event.sentence) - numbers_in(" ".join(m.time_text for m in event.mentions)),
        docs=frozenset(mention.doc for mention in event.mentions),
        sentences=frozenset((mention.doc, mention.sentence_span[0]) for mention in event.mentions),
        actors=frozenset(event.actors),
        category=event.category,
    )


def _agree(left: frozenset[str], right: frozenset[str]) -> bool:
    """Both empty, or the smaller set inside the larger: "the company" does not agree with "Ogden Corp."."""
    smaller, larger = sorted((left, right), key=len)
    return smaller <= larger and (bool(smaller) or not larger)


def cosine(left: frozenset[str], right: frozenset[str], idf: Mapping[str, float]) -> float:
    """Cosine of the two word sets weighted by ``idf`` (an unknown word weighs 1: plain set cosine).

    Sums are correctly rounded (``math.fsum``), whatever the order: a plain sum over a set rounds with the
    set's iteration order, which changes with the hash seed, and a score at a threshold or a tie would too.
    """
    shared = math.fsum(idf.get(word, 1.0) ** 2 for word in left & right)
    if not shared:
        return 0.0
    norm_left = math.sqrt(math.fsum(idf.get(word, 1.0) ** 2 for word in left))
    norm_right = math.sqrt(math.fsum(idf.get(word, 1.0) ** 2 for word in right))
    return shared / (norm_left * norm_right)


def idf_of(features: Sequence[Features]) -> dict[str, float]:
    """Inverse document frequency of the words of ``features`` (each record one document)."""
    counts: Counter[str] = Counter()
    for feature in features:
        counts.update(feature.words)
    total = len(features)
    return {word: math.log((1 + total) / (1 + count)) + 1.0 for word, count in counts.items()}


def _comparable(left: Features, right: Features) -> bool:
    """Enough words on both sides, and the names and numbers agree."""
    if min(len(left.words), len(right.words)) < merge_settings()["min_content_words"]:
        return False
    return _agree(left.names, right.names) and _agree(left.numbers, right.numbers)


def same_interval_event(left: Features, right: Features, idf: Mapping[str, float] | None = None) -> bool:
    """Two records of one interval report one event (within a document or across documents)."""
    if left.interval is None or left.interval != right.interval:
        return False
    if left.normalized == right.normalized:
        return True
    settings = merge_settings()
    if left.title == right.title and len(left.title_words) >= settings["min_title_words"]:
        # "Four vessels had docked": the same headline, whatever else the sentences hold; but two figures
        # for one thing are two facts ("killing 81 people", "killing 110 people")
        figures_conflict = bool(left.numbers and right.numbers) and not _agree(left.numbers, right.numbers)
        if not figures_conflict:
            return True
    if left.docs & right.docs:
        return (
            _comparable(left, right)
            and left.category == right.category
            and _shared_actors(left, right)
            and _overlap_small(left.words, right.words) >= settings["same_doc_overlap"]
        )
    return _same_across_documents(left, right, idf or {})


def _shared_actors(left: Features, right: Features) -> bool:
    return bool(left.actors & right.actors) or not (left.actors or right.actors)


def _same_across_documents(left: Features, right: Features, idf: Mapping[str, float]) -> bool:
    """Two articles' records of one interval: similar wording, names and figures that agree.

    A near copy (one outlet's wording reused, "..., BP said, ...") may name what the other leaves out;
    two reports of the same category and actors sharing their names and their figures ("15 workers",
    "Texas") need less common wording.
    """
    settings = merge_settings()
    if min(len(left.words), len(right.words)) < settings["min_content_words"]:
        return False
    if not _agree(left.numbers, right.numbers):
        return False
    jaccard = _jaccard(left.words, right.words)
    nested_names = left.names <= right.names or right.names <= left.names
    if jaccard >= settings["near_copy_overlap"] and nested_names:
        return True
    if not _agree(left.names, right.names):
        return False
    weighted = cosine(left.words, right.words, idf)
    actors_conflict = bool(left.actors and right.actors) and not left.actors & right.actors
    kin = left.category == right.category and not actors_conflict
    anchored = kin and bool(left.numbers) and bool(left.names & right.names)
    similar = (
        _jaccard(left.title_words, right.title_words) >= settings["cross_doc_title_overlap"]
        or jaccard >= settings["cross_doc_overlap"]
        or weighted >= settings["cross_doc_cosine"]
        or (anchored and weighted >= settings["anchored_cosine"])
    )
    return similar and (_shared_actors(left, right) or left.category == right.category)


def _inside(fine: Interval, coarse: Interval) -> bool:
    """``fine`` strictly finer than ``coarse`` and within it."""
    fine_end = fine[1] or fine[0]
    coarse_end = coarse[1] or coarse[0]
    return coarse[0] <= fine[0] and fine_end <= coarse_end and RANK[fine[2]] < RANK[coarse[2]]


def nested_event(fine: Features, coarse: Features, idf: Mapping[str, float] | None = None) -> bool:
    """``coarse`` (a month, a year) reports the event that ``fine`` dates more precisely."""
    if fine.interval is None or coarse.interval is None or not _inside(fine.interval, coarse.interval):
        return False
    if fine.sentences & coarse.sentences:
        return False  # two dates of one sentence ("on Monday ... by the end of the year") are two facts
    if not is_short(coarse.interval):
        return False
    if not _comparable(fine, coarse):
        return False
    settings = merge_settings()
    shared_actors = _shared_actors(fine, coarse)
    similar = (
        _jaccard(fine.words, coarse.words) >= settings["nested_overlap"]
        or cosine(fine.words, coarse.words, idf or {}) >= settings["nested_cosine"]
    )
    return similar and (shared_actors or fine.category == coarse.category)


@cache
def _max_span() -> timedelta:
    return timedelta(days=int(merge_settings()["nested_max_days"]))


def is_short(interval: Interval) -> bool:
    """At most ``nested_max_days`` long: longer intervals (a decade) take no part in nesting."""
    return (interval[1] or interval[0]) - interval[0] <= _max_span()


def same_event(left: Event, right: Event) -> bool:
    """Whether two records report one event (see the module docstring for the rules)."""
    common = common_words((left.sentence, right.sentence))
    first, second = features_of(left, common), features_of(right, common)
    return same_interval_event(first, second) or nested_event(first, second) or nested_event(second, first)
