"""Merge records of the same event: one day's talks told twice, one event in nine articles, a day and the
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

Thresholds are data (``events_merge.json``). Records are compared only within blocks (the same interval;
for nesting, the same month and a shared rare word), never all pairs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from timeline.model import PRECISION_ORDER, Event, Mention, Source
from timeline.resources import load_data

_WORD = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*")

Interval = tuple[date, date | None, str]

_RANK: dict[str, int] = {precision: rank for rank, precision in enumerate(PRECISION_ORDER)}


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


def names(sentence: str, common: frozenset[str] = frozenset()) -> frozenset[str]:
    """Capitalised words that are not stopwords, cut to a common prefix ("Kenyan" and "Kenya" agree).

    The sentence's first word is capitalised anyway: it is a name only when ``common`` (words seen in
    lower case in the texts being compared) does not hold it ("Protests erupted" names nothing).
    """
    skip = _not_names()
    size = int(_settings()["name_prefix"])
    found = set()
    for match in _NAME.finditer(sentence):
        word = match.group(0).rstrip(".’'-").lower()
        if word in skip or (not sentence[: match.start()].strip(" \"“‘'([") and word in common):
            continue
        found.add(word[:size])
    return frozenset(found)


_LOWER = re.compile(r"(?<![\w’'-])[a-z][\w’'-]*")


def common_words(texts: Iterable[str]) -> frozenset[str]:
    """Words written in lower case somewhere in ``texts``: ordinary words, not names."""
    return frozenset(word.rstrip(".’'-") for text in texts for word in _LOWER.findall(text))


@cache
def _month_context() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A month name just after a number ("20 April", "1st of June") or just before it ("April 20")."""
    months = "|".join(sorted((re.escape(w) for w in _settings()["month_words"]), key=len, reverse=True))
    after = re.compile(rf"(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{months})\b", re.IGNORECASE)
    before = re.compile(rf"\b(?:{months})\.?\s*$", re.IGNORECASE)
    return after, before


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def figures(sentence: str) -> frozenset[str]:
    """The numbers of ``sentence`` that are not parts of dates ("killed 81", not "20 April" or "2010")."""
    after, before = _month_context()
    found = set()
    for match in _NUMBER.finditer(sentence):
        number = match.group(0)
        if _YEAR.fullmatch(number):
            continue
        if len(number) <= 2 and (
            after.match(sentence, match.end())
            or before.search(sentence[max(0, match.start() - 12) : match.start()])
        ):
            continue
        found.add(number)
    return frozenset(found)


def _numbers_in(text: str) -> frozenset[str]:
    return frozenset(_NUMBER.findall(text))


def _normalized(sentence: str) -> str:
    return " ".join(_WORD.findall(sentence.lower()))


def _overlap_small(left: frozenset[str], right: frozenset[str]) -> float:
    smaller = min(len(left), len(right))
    return len(left & right) / smaller if smaller else 0.0


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    union = left | right
    return len(left & right) / len(union) if union else 0.0


def _without_times(event: Event) -> str:
    """The event's sentence with its own time expressions blanked ("in March 2011" says nothing of what)."""
    sentence = event.sentence
    cuts = sorted(
        (m.span[0] - m.sentence_span[0], m.span[1] - m.sentence_span[0])
        for m in event.mentions
        if m.sentence == sentence and 0 <= m.span[0] - m.sentence_span[0] <= len(sentence)
    )
    if not cuts:
        return sentence
    pieces, at = [], 0
    for start, end in cuts:
        if start >= at:
            pieces.append(sentence[at:start])
            at = max(at, end)
    pieces.append(sentence[at:])
    return " ".join(pieces)


@dataclass(frozen=True, slots=True)
class _Features:
    """What the merge rules compare, computed once per record."""

    interval: Interval | None
    normalized: str
    words: frozenset[str]
    title_words: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    docs: frozenset[str]
    sentences: frozenset[tuple[str, int]]
    actors: frozenset[str]
    category: str


def _features(event: Event, common: frozenset[str] = frozenset()) -> _Features:
    bare = _without_times(event)
    return _Features(
        interval=(event.start, event.end, event.precision) if event.start is not None else None,
        normalized=_normalized(event.sentence),
        words=content_words(bare),
        title_words=content_words(event.title),
        names=names(bare, common),
        numbers=figures(event.sentence) - _numbers_in(" ".join(m.time_text for m in event.mentions)),
        docs=frozenset(mention.doc for mention in event.mentions),
        sentences=frozenset((mention.doc, mention.sentence_span[0]) for mention in event.mentions),
        actors=frozenset(event.actors),
        category=event.category,
    )


def _agree(left: frozenset[str], right: frozenset[str]) -> bool:
    """Both empty, or the smaller set inside the larger: "the company" does not agree with "Ogden Corp."."""
    smaller, larger = sorted((left, right), key=len)
    return smaller <= larger and (bool(smaller) or not larger)


def _cosine(left: frozenset[str], right: frozenset[str], idf: Mapping[str, float]) -> float:
    """Cosine of the two word sets weighted by ``idf`` (an unknown word weighs 1: plain set cosine)."""
    shared = sum(idf.get(word, 1.0) ** 2 for word in left & right)
    if not shared:
        return 0.0
    norm_left = math.sqrt(sum(idf.get(word, 1.0) ** 2 for word in left))
    norm_right = math.sqrt(sum(idf.get(word, 1.0) ** 2 for word in right))
    return shared / (norm_left * norm_right)


def _comparable(left: _Features, right: _Features) -> bool:
    """Enough words on both sides, and the names and numbers agree."""
    if min(len(left.words), len(right.words)) < _settings()["min_content_words"]:
        return False
    return _agree(left.names, right.names) and _agree(left.numbers, right.numbers)


def _same(left: _Features, right: _Features, idf: Mapping[str, float] | None = None) -> bool:
    if left.interval is None or left.interval != right.interval:
        return False
    if left.normalized == right.normalized:
        return True
    settings = _settings()
    if left.docs & right.docs:
        return (
            _comparable(left, right)
            and left.category == right.category
            and _shared_actors(left, right)
            and _overlap_small(left.words, right.words) >= settings["same_doc_overlap"]
        )
    return _same_across_documents(left, right, idf or {})


def _shared_actors(left: _Features, right: _Features) -> bool:
    return bool(left.actors & right.actors) or not (left.actors or right.actors)


def _same_across_documents(left: _Features, right: _Features, idf: Mapping[str, float]) -> bool:
    """Two articles' records of one interval: similar wording, names and figures that agree.

    A near copy (one outlet's wording reused, "..., BP said, ...") may name what the other leaves out;
    two reports of the same category and actors sharing their names and their figures ("15 workers",
    "Texas") need less common wording.
    """
    settings = _settings()
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
    cosine = _cosine(left.words, right.words, idf)
    actors_conflict = bool(left.actors and right.actors) and not left.actors & right.actors
    kin = left.category == right.category and not actors_conflict
    anchored = kin and bool(left.numbers) and bool(left.names & right.names)
    similar = (
        _jaccard(left.title_words, right.title_words) >= settings["cross_doc_title_overlap"]
        or jaccard >= settings["cross_doc_overlap"]
        or cosine >= settings["cross_doc_cosine"]
        or (anchored and cosine >= settings["anchored_cosine"])
    )
    return similar and (_shared_actors(left, right) or left.category == right.category)


def _inside(fine: Interval, coarse: Interval) -> bool:
    """``fine`` strictly finer than ``coarse`` and within it."""
    fine_end = fine[1] or fine[0]
    coarse_end = coarse[1] or coarse[0]
    return coarse[0] <= fine[0] and fine_end <= coarse_end and _RANK[fine[2]] < _RANK[coarse[2]]


def _nested_same(fine: _Features, coarse: _Features, idf: Mapping[str, float] | None = None) -> bool:
    """``coarse`` (a month, a year) reports the event that ``fine`` dates more precisely."""
    if fine.interval is None or coarse.interval is None or not _inside(fine.interval, coarse.interval):
        return False
    if fine.sentences & coarse.sentences:
        return False  # two dates of one sentence ("on Monday ... by the end of the year") are two facts
    if not _short(coarse.interval):
        return False
    if not _comparable(fine, coarse):
        return False
    settings = _settings()
    shared_actors = _shared_actors(fine, coarse)
    similar = (
        _jaccard(fine.words, coarse.words) >= settings["nested_overlap"]
        or _cosine(fine.words, coarse.words, idf or {}) >= settings["nested_cosine"]
    )
    return similar and (shared_actors or fine.category == coarse.category)


@cache
def _max_span() -> timedelta:
    return timedelta(days=int(_settings()["nested_max_days"]))


def same_event(left: Event, right: Event) -> bool:
    """Whether two records report one event (see the module docstring for the rules)."""
    common = common_words((left.sentence, right.sentence))
    first, second = _features(left, common), _features(right, common)
    return _same(first, second) or _nested_same(first, second) or _nested_same(second, first)


def _mention_key(mention: Mention) -> tuple[str, int, int]:
    return (mention.doc, mention.span[0], mention.span[1])


def _combine(group: list[Event]) -> Event:
    """One record for a group: its first record leads and gives its id, date and words."""
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
    ordered_sources = sorted(sources.values(), key=lambda s: (s.published or date.max, s.doc))
    return replace(
        lead,
        mentions=tuple(sorted(mentions.values(), key=_mention_key)),
        sources=tuple(ordered_sources),
        actors=tuple(actors),
        tags=tuple(tags),
        confidence=min(1.0, max(event.confidence for event in group) + bonus),
    )


def _report_order(event: Event) -> tuple[str, str, int, int]:
    published = event.sources[0].published.isoformat() if event.sources[0].published else "9999"
    first = min(event.mentions, key=_mention_key)
    return (published, first.doc, first.span[0], first.span[1])


def _idf(features: Sequence[_Features]) -> dict[str, float]:
    """Inverse document frequency of the words of ``features`` (each record one document)."""
    counts: Counter[str] = Counter()
    for feature in features:
        counts.update(feature.words)
    total = len(features)
    return {word: math.log((1 + total) / (1 + count)) + 1.0 for word, count in counts.items()}


def merge_events(events: list[Event]) -> list[Event]:
    """``events`` with each group of records of one event merged, in order of first report.

    Two passes. Same interval: each record is compared only with the first record of earlier groups of
    its interval that share a word with it (an index), so chains of "similar to something similar"
    cannot glue different events. Nesting: each group dated coarser than a day joins the most similar
    finer group inside its interval, found through an index by month and rare word.
    """
    ordered = sorted(events, key=_report_order)
    common = common_words(event.sentence for event in ordered)
    features = [_features(event, common) if event.start is not None else None for event in ordered]
    idf = _idf([f for f in features if f is not None])
    groups: list[list[Event]] = []
    leads: list[_Features | None] = []
    by_sentence: dict[tuple[object, str], int] = {}
    by_word: dict[tuple[object, str], list[int]] = {}
    shared_intervals = Counter(f.interval for f in features if f is not None)
    for event, feature in zip(ordered, features, strict=True):
        found: int | None = None
        alone = feature is None or shared_intervals[feature.interval] < 2
        if feature is not None and feature.interval is not None and not alone:
            found = by_sentence.get((feature.interval, feature.normalized))
            if found is None:
                shared = Counter(
                    index for word in feature.words for index in by_word.get((feature.interval, word), ())
                )
                found = next(
                    (
                        index
                        for index, _ in shared.most_common()
                        if (lead := leads[index]) is not None and _same(lead, feature, idf)
                    ),
                    None,
                )
        if found is not None:
            groups[found].append(event)
            continue
        index = len(groups)
        groups.append([event])
        leads.append(feature)
        if feature is not None and feature.interval is not None and not alone:
            by_sentence[(feature.interval, feature.normalized)] = index
            for word in feature.words:
                by_word.setdefault((feature.interval, word), []).append(index)
    groups = _merge_nested(groups, leads, idf)
    return [group[0] if len(group) == 1 else _combine(group) for group in groups]


def _short(interval: Interval) -> bool:
    return (interval[1] or interval[0]) - interval[0] <= _max_span()


def _months(interval: Interval) -> range:
    """The months (as year * 12 + month) an interval touches."""
    end = interval[1] or interval[0]
    return range(interval[0].year * 12 + interval[0].month, end.year * 12 + end.month + 1)


def _merge_nested(
    groups: list[list[Event]], leads: list[_Features | None], idf: Mapping[str, float]
) -> list[list[Event]]:
    """Fold each coarse group into the most similar finer group inside its interval (coarsest first).

    Intervals longer than ``nested_max_days`` (a decade) take no part.
    """
    dated: dict[int, tuple[_Features, Interval]] = {
        i: (lead, lead.interval)
        for i, lead in enumerate(leads)
        if lead is not None and lead.interval is not None and _short(lead.interval)
    }
    coarse = sorted(
        (i for i, (_, interval) in dated.items() if interval[2] != "day"),
        key=lambda i: (-_RANK[dated[i][1][2]], i),
    )
    if not coarse:
        return groups
    coarsest = max(_RANK[dated[i][1][2]] for i in coarse)
    index: dict[tuple[int, str], list[int]] = {}
    for i, (lead, interval) in dated.items():
        if _RANK[interval[2]] >= coarsest:
            continue  # nothing coarser to fold into it
        for month in _months(interval):
            for word in lead.words:
                index.setdefault((month, word), []).append(i)
    absorbed: dict[int, int] = {}
    for i in coarse:
        lead, interval = dated[i]
        rare = sorted(lead.words, key=lambda word: -idf.get(word, 0.0))[: len(lead.words) // 2 + 1]
        candidates = {j for month in _months(interval) for word in rare for j in index.get((month, word), [])}
        best: tuple[float, int] | None = None
        for j in sorted(candidates):
            if j == i or j in absorbed or not _nested_same(dated[j][0], lead, idf):
                continue
            score = _cosine(dated[j][0].words, lead.words, idf)
            if best is None or score > best[0]:
                best = (score, j)
        if best is not None:
            absorbed[i] = best[1]
    if not absorbed:
        return groups

    def home(i: int) -> int:
        while i in absorbed:
            i = absorbed[i]
        return i

    merged = {i: list(group) for i, group in enumerate(groups) if i not in absorbed}  # the finer record leads
    for i in sorted(absorbed):
        merged[home(i)].extend(groups[i])
    return [merged[i] for i in range(len(groups)) if i in merged]
