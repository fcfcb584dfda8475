"""Synthetic events and stores of any size, for tests and benchmarks.

The spread imitates extracted news events on US–Iran–Iraq relations: dates 2003–2021 clustered
around busy years, mostly day precision with months, years and a few coarser ones, one to three
actors drawn with a long tail, the real categories, some planned events, a few unanchored ones,
and one to three sources per event from a pool of articles. Same ``seed``, same events.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from timeline.model import Document, Event, Mention, Precision, Source
from timeline.store import EventStore

DATA_DIR = Path(__file__).resolve().parents[1] / "timeline" / "data"

FALLBACK_ACTORS = ("US", "Iraq", "Iran", "ISIS", "Iran-backed militias", "US-led coalition", "Syria", "UN")
FALLBACK_CATEGORIES = ("attack", "military action", "diplomacy", "statement", "politics and elections")

PRECISION_WEIGHTS: dict[Precision, float] = {
    "day": 0.58,
    "week": 0.03,
    "month": 0.2,
    "season": 0.03,
    "quarter": 0.01,
    "half": 0.01,
    "year": 0.12,
    "decade": 0.02,
}

BUSY_YEARS = (2003, 2004, 2007, 2011, 2014, 2015, 2017, 2019, 2020, 2021)

OUTLETS = ("Middle East Monitor", "AP", "Reuters", "Baghdad Post", "Asharq Al-Awsat", "Al Jazeera", "BBC")

VERBS = (
    "met",
    "struck",
    "announced",
    "withdrew",
    "signed",
    "warned",
    "attacked",
    "agreed",
    "voted",
    "visited",
)
OBJECTS = (
    "talks",
    "an agreement",
    "forces",
    "a statement",
    "sanctions",
    "a base",
    "an election",
    "the embassy",
)


def _names(file: str, key: str, fallback: tuple[str, ...]) -> tuple[str, ...]:
    try:
        names = tuple(name for name in json.loads((DATA_DIR / file).read_text(encoding="utf-8"))[key])
    except (OSError, ValueError, KeyError, TypeError):
        return fallback
    return names or fallback


ACTORS = _names("actors.json", "actors", FALLBACK_ACTORS)
CATEGORIES = (*_names("categories.json", "categories", FALLBACK_CATEGORIES), "other")


def _interval(rng: random.Random, precision: Precision) -> tuple[date, date, str, str]:
    year = rng.choice(BUSY_YEARS) if rng.random() < 0.6 else rng.randint(2003, 2021)
    month = rng.randint(1, 12)
    if precision == "day":
        start = date(year, month, rng.randint(1, 28))
        return start, start, start.isoformat(), f"{start:%B} {start.day}, {year}"
    if precision == "week":
        start = date(year, month, rng.randint(1, 21))
        start -= timedelta(days=start.weekday())
        week = start.isocalendar()[1]
        return (
            start,
            start + timedelta(days=6),
            f"{year}-W{week:02d}",
            f"week of {start:%B} {start.day}, {year}",
        )
    if precision == "month":
        start = date(year, month, 1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return start, end, f"{year}-{month:02d}", f"{start:%B} {year}"
    if precision == "season":
        season, first = rng.choice((("SP", 3), ("SU", 6), ("FA", 9)))
        start = date(year, first, 1)
        end = date(year, first + 3, 1) - timedelta(days=1)
        return start, end, f"{year}-{season}", f"{('spring', 'summer', 'fall')[(first - 3) // 3]} {year}"
    if precision == "quarter":
        quarter = rng.randint(1, 4)
        start = date(year, 3 * quarter - 2, 1)
        end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        return start, end - timedelta(days=1), f"{year}-Q{quarter}", f"Q{quarter} {year}"
    if precision == "half":
        half = rng.randint(1, 2)
        start = date(year, 1 if half == 1 else 7, 1)
        end = date(year, 6, 30) if half == 1 else date(year, 12, 31)
        return start, end, f"{year}-H{half}", f"{('first', 'second')[half - 1]} half of {year}"
    if precision == "year":
        return date(year, 1, 1), date(year, 12, 31), str(year), str(year)
    decade = year // 10 * 10
    return date(decade, 1, 1), date(decade + 9, 12, 31), f"{decade // 10}X", f"the {decade}s"


def synthetic_documents(n_docs: int, *, seed: int = 0) -> list[Document]:
    rng = random.Random(seed + 1)
    documents = []
    for index in range(n_docs):
        published = date(2003, 1, 1) + timedelta(days=rng.randint(0, 19 * 365))
        documents.append(
            Document(
                doc_id=f"syn{index:05d}",
                text=f"Synthetic article {index}.",
                title=f"Synthetic article {index}",
                outlet=OUTLETS[index % len(OUTLETS)],
                url=f"https://example.org/articles/{index}",
                published=published if rng.random() > 0.05 else None,
                published_from="catalog",
            )
        )
    return documents


def synthetic_events(n: int, *, seed: int = 0, documents: Sequence[Document] | None = None) -> list[Event]:
    """``n`` events with ids ``e000000``...; deterministic for a given ``seed``."""
    rng = random.Random(seed)
    documents = list(documents) if documents is not None else synthetic_documents(max(1, n // 20), seed=seed)
    sources = [Source(d.doc_id, d.title, d.outlet, d.url, d.published) for d in documents]
    precisions = list(PRECISION_WEIGHTS)
    precision_weights = list(PRECISION_WEIGHTS.values())
    actor_weights = [1.0 / (rank + 1) for rank in range(len(ACTORS))]  # a long tail, like real news
    events: list[Event] = []
    for index in range(n):
        precision: Precision = rng.choices(precisions, precision_weights)[0]
        start, end, value, display = _interval(rng, precision)
        anchored = rng.random() > 0.01
        actors = tuple(dict.fromkeys(rng.choices(ACTORS, actor_weights, k=rng.choice((1, 1, 2, 2, 3)))))
        if rng.random() < 0.05:
            actors = ()
        planned = rng.random() < 0.05
        verb = rng.choice(VERBS)
        title = f"{actors[0] if actors else 'Officials'} {verb} {rng.choice(OBJECTS)}"
        sentence = f"On {display}, {title.lower()} in event number {index}."
        picked = rng.sample(sources, k=min(len(sources), rng.choice((1, 1, 1, 2, 3))))
        time_start = len("On ")
        mentions = tuple(
            Mention(s.doc, (time_start, time_start + len(display)), display, sentence, (0, len(sentence)))
            for s in picked
        )
        events.append(
            Event(
                id=f"e{index:06d}",
                start=start if anchored else None,
                end=end if anchored else None,
                precision=precision,
                value=value if anchored else "XXXX-XX-XX",
                display_date=display,
                title=title,
                sentence=sentence,
                mentions=mentions,
                sources=tuple(picked),
                actors=actors,
                category=rng.choice(CATEGORIES),
                planned=planned,
                anchored=anchored,
                confidence=round(rng.uniform(0.3, 0.95), 3),
            )
        )
    return events


def build_synthetic_store(path: Path, n: int, *, seed: int = 0) -> EventStore:
    """A store at ``path`` (a database file) holding ``n`` synthetic events and their articles."""
    documents = synthetic_documents(max(1, n // 20), seed=seed)
    store = EventStore(path)
    store.import_events(synthetic_events(n, seed=seed, documents=documents), documents)
    return store


def make_event(
    event_id: str,
    start: date | None,
    end: date | None = None,
    *,
    precision: Precision = "day",
    title: str = "An event",
    sentence: str = "",
    actors: tuple[str, ...] = (),
    category: str = "other",
    planned: bool = False,
    docs: tuple[str, ...] = ("doc-a",),
    outlet: str | None = "Outlet",
    url: str | None = None,
    published: date | None = None,
) -> Event:
    """One hand-made event for table tests: every field defaulted except its id and start."""
    sentence = sentence or f"{title} on {start.isoformat() if start else 'some day'}."
    sources = tuple(Source(doc, f"Article {doc}", outlet, url, published) for doc in docs)
    mentions = tuple(Mention(doc, (0, 4), sentence[:4], sentence, (0, len(sentence))) for doc in docs)
    return Event(
        id=event_id,
        start=start,
        end=end if end is not None else start,
        precision=precision,
        value=start.isoformat() if start else "XXXX-XX-XX",
        display_date=start.isoformat() if start else "undated",
        title=title,
        sentence=sentence,
        mentions=mentions,
        sources=sources,
        actors=actors,
        category=category,
        planned=planned,
        anchored=start is not None,
    )
