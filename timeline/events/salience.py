"""Salience of events and the key events of a timeline (what a "key events" view or summary shows).

An event's salience is the sum, over the distinct articles that report it, of how strongly each one
does (``timeline.summarize.days``): an article published after the event refers back to it and weighs
more the later it is, a report in the article's lead or one writing the calendar date weighs more, an
article naming many days spreads its weight. Merged records therefore count every agreeing source
once. A day's salience adds up its events and the articles published that day; ``key_events`` takes
the most salient days and, for each, its most salient event. Pure functions of the records: no UI,
no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from timeline.model import Event
from timeline.summarize.days import (
    DayReference,
    article_weights,
    day_salience,
    settings,
    top_days,
    writes_day_number,
)
from timeline.summarize.vectors import centroid, cosine, idf_table, tfidf, words


def _is_day(event: Event) -> bool:
    return event.start is not None and event.start == event.end and event.anchored


def _published(events: Iterable[Event]) -> dict[str, date | None]:
    published: dict[str, date | None] = {}
    for event in events:
        for source in event.sources:
            published.setdefault(source.doc, source.published)
    return published


def _references(event: Event, published: dict[str, date | None], lead_chars: int) -> list[DayReference]:
    assert event.start is not None
    return [
        DayReference(
            doc=mention.doc,
            published=published.get(mention.doc),
            day=event.start,
            lead=mention.sentence_span[0] < lead_chars,
            calendar=writes_day_number(mention.time_text, event.start),
        )
        for mention in event.mentions
    ]


def event_salience(events: Sequence[Event]) -> dict[str, float]:
    """Salience of each event by id (0 for an undated one).

    An event dated to a coarser interval is scored like a day event on its first day, so a month that
    many articles refer back to still outranks a month named once.
    """
    published = _published(events)
    lead_chars = int(settings()["lead_chars"])
    scores: dict[str, float] = {}
    for event in events:
        if event.start is None:
            scores[event.id] = 0.0
            continue
        weights = article_weights(_references(event, published, lead_chars))
        scores[event.id] = sum(weights.values())
    return scores


def key_events(
    events: Sequence[Event],
    k: int,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[Event]:
    """The ``k`` key events in [date_from, date_to], one per day, in date order.

    Days are ranked by their salience (every event of the day, each article counted once, plus the
    articles published that day); each chosen day shows its most salient event, salience weighted by
    how central its sentence is among the day's (TF-IDF centroid), then higher confidence, then the
    smaller id. When fewer than ``k`` days have events, the most salient events with coarser dates
    fill up.
    """
    if k <= 0:
        return []
    published = _published(events)
    lead_chars = int(settings()["lead_chars"])
    day_events = [
        e
        for e in events
        if _is_day(e) and _inside(e.start, date_from, date_to)  # type: ignore[arg-type]
    ]
    references = [ref for e in day_events for ref in _references(e, published, lead_chars)]
    day_docs = {e.start for e in day_events}
    scores = {
        day: score
        for day, score in day_salience(references, published, date_from=date_from, date_to=date_to).items()
        if day in day_docs
    }
    salience = event_salience(events)
    by_day: dict[date, list[Event]] = {}
    for event in day_events:
        by_day.setdefault(event.start, []).append(event)  # type: ignore[arg-type]
    days = top_days(scores, k)
    idf, unseen = idf_table(words(e.sentence) for e in events)
    chosen = [_best_of_day(by_day[day], salience, idf, unseen) for day in days]
    if len(chosen) < k:
        coarse = [
            e
            for e in events
            if e.start is not None and not _is_day(e) and e.anchored and _inside(e.start, date_from, date_to)
        ]
        coarse.sort(key=lambda e: _order(e, salience))
        chosen.extend(coarse[: k - len(chosen)])
    return sorted(chosen, key=lambda e: (e.start or date.max, e.end or date.max, e.id))


def _best_of_day(
    candidates: list[Event], salience: dict[str, float], idf: dict[str, float], unseen: float
) -> Event:
    """The day's event to show: salience times (1 + how central its sentence is among the day's)."""
    if len(candidates) == 1:
        return candidates[0]
    vectors = {e.id: tfidf(words(e.sentence), idf, unseen) for e in candidates}
    middle = centroid(
        {word: value * len(e.mentions) for word, value in vectors[e.id].items()} for e in candidates
    )

    def key(event: Event) -> tuple[float, float, str]:
        weight = salience.get(event.id, 0.0) * (1.0 + cosine(vectors[event.id], middle))
        return (-weight, -event.confidence, event.id)

    return min(candidates, key=key)


def _order(event: Event, salience: dict[str, float]) -> tuple[float, int, float, str]:
    """Most salient first; the id breaks the last tie so the choice never depends on input order."""
    return (-salience.get(event.id, 0.0), -len(event.sources), -event.confidence, event.id)


def _inside(day: date, date_from: date | None, date_to: date | None) -> bool:
    return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)
