"""Merge records of the same event into one record, with every mention and source.

Whether two records are one event is ``merge_rules``' pairwise test; this module decides which pairs
are tested and how a group becomes one record. Records are compared only within blocks (the same
interval; for nesting, the same month and a shared rare word), never all pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from timeline.events.merge_rules import (
    RANK,
    Features,
    Interval,
    cosine,
    features_of,
    idf_of,
    is_short,
    nested_event,
    same_interval_event,
)
from timeline.events.merge_words import common_words
from timeline.model import Event, Mention, Source
from timeline.resources import load_data


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


def merge_events(events: list[Event]) -> list[Event]:
    """``events`` with each group of records of one event merged, in order of first report.

    Two passes. Same interval: each record is compared only with the first record of earlier groups of
    its interval that share a word with it (an index), so chains of "similar to something similar"
    cannot glue different events. Nesting: each group dated coarser than a day joins the most similar
    finer group inside its interval, found through an index by month and rare word. Ties go to the
    earliest group and, among equally rare words, to the word itself, so the hash seed never decides.
    """
    ordered = sorted(events, key=_report_order)
    common = common_words(event.sentence for event in ordered)
    features = [features_of(event, common) if event.start is not None else None for event in ordered]
    idf = idf_of([f for f in features if f is not None])
    groups: list[list[Event]] = []
    leads: list[Features | None] = []
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
                        for index, _ in sorted(shared.items(), key=lambda item: (-item[1], item[0]))
                        if (lead := leads[index]) is not None and same_interval_event(lead, feature, idf)
                    ),
                    None,
                )  # most shared words first, ties to the earliest group: never the words' set order
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


def _months(interval: Interval) -> range:
    """The months (as year * 12 + month) an interval touches."""
    end = interval[1] or interval[0]
    return range(interval[0].year * 12 + interval[0].month, end.year * 12 + end.month + 1)


def _merge_nested(
    groups: list[list[Event]], leads: list[Features | None], idf: Mapping[str, float]
) -> list[list[Event]]:
    """Fold each coarse group into the most similar finer group inside its interval (coarsest first).

    Intervals longer than ``nested_max_days`` (a decade) take no part.
    """
    dated: dict[int, tuple[Features, Interval]] = {
        i: (lead, lead.interval)
        for i, lead in enumerate(leads)
        if lead is not None and lead.interval is not None and is_short(lead.interval)
    }
    coarse = sorted(
        (i for i, (_, interval) in dated.items() if interval[2] != "day"),
        key=lambda i: (-RANK[dated[i][1][2]], i),
    )
    if not coarse:
        return groups
    coarsest = max(RANK[dated[i][1][2]] for i in coarse)
    index: dict[tuple[int, str], list[int]] = {}
    for i, (lead, interval) in dated.items():
        if RANK[interval[2]] >= coarsest:
            continue  # nothing coarser to fold into it
        for month in _months(interval):
            for word in lead.words:
                index.setdefault((month, word), []).append(i)
    absorbed: dict[int, int] = {}
    for i in coarse:
        lead, interval = dated[i]
        by_rarity = sorted(lead.words, key=lambda word: (-idf.get(word, 0.0), word))  # equal weights: by word
        rare = by_rarity[: len(lead.words) // 2 + 1]
        candidates = {j for month in _months(interval) for word in rare for j in index.get((month, word), [])}
        best: tuple[float, int] | None = None
        for j in sorted(candidates):
            if j == i or j in absorbed or not nested_event(dated[j][0], lead, idf):
                continue
            score = cosine(dated[j][0].words, lead.words, idf)
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
