"""A small synthetic timeline for the app tests: articles, events and a store built from them.

The app tests must not depend on the extractor's exact output, so they read a store filled through
``EventStore.import_events`` with these hand-made records. Every mention's span really points at its
time expression in the article text, like the extractor's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline.model import Document, Event, Mention, Precision, Source

SCRIPT_TITLE = "<script>window.__pwned = 1</script>Rocket <b>attack</b> *claimed*"
IMG_PAYLOAD = '<img src=x onerror="window.__pwned = 1">'

DOCS: tuple[Document, ...] = (
    Document(
        doc_id="wire",
        title="Leaders meet in Baghdad",
        outlet="Wire Service",
        published=date(2019, 2, 3),
        published_from="text",
        text=(
            "Leaders meet in Baghdad\n\n"
            "On Sunday the two leaders met in Baghdad to discuss security. "
            "The invasion began on March 20, 2003, officials recalled. "
            "In 2014 the militants took Mosul.\n\n"
            "US troops will leave by December 31, 2021, the statement said."
        ),
    ),
    Document(
        doc_id="gazette",
        title="Talks resume",
        outlet="Gazette",
        published=date(2021, 4, 7),
        published_from="catalog",
        text=(
            "Talks resume\n\n"
            "The strategic dialogue resumed on Wednesday in Washington. "
            "Negotiators first met in October 2015 in Vienna. "
            "The leaders had met in Baghdad on February 3, 2019."
        ),
    ),
    Document(
        doc_id="blog",
        title=SCRIPT_TITLE,
        outlet="A <i>blog</i>",
        published=None,
        text=(
            f"{SCRIPT_TITLE}\n\n"
            f"A rocket hit the base in the week of April 3, 2017. {IMG_PAYLOAD} "
            "On January 3, 2020 a strike killed a general near the airport."
        ),
        warnings=("No publication date found.",),
    ),
)

_TEXTS = {doc.doc_id: doc.text for doc in DOCS}


@dataclass(frozen=True)
class Spec:
    """One synthetic event: what the extractor would have produced."""

    id: str
    start: date
    end: date
    precision: Precision
    title: str
    actors: tuple[str, ...]
    category: str
    cites: tuple[tuple[str, str], ...]
    """(doc id, time expression) for every report of the event."""
    planned: bool = False
    display_date: str = ""


SPECS: tuple[Spec, ...] = (
    Spec(
        "ev-invasion",
        date(2003, 3, 20),
        date(2003, 3, 20),
        "day",
        "Invasion of Iraq begins",
        ("United States", "Iraq"),
        "military",
        (("wire", "March 20, 2003"),),
    ),
    Spec(
        "ev-talks-2015",
        date(2015, 10, 1),
        date(2015, 10, 31),
        "month",
        "First talks in Vienna",
        ("Iran",),
        "diplomacy",
        (("gazette", "October 2015"),),
        display_date="October 2015",
    ),
    Spec(
        "ev-mosul",
        date(2014, 1, 1),
        date(2014, 12, 31),
        "year",
        "Militants take Mosul",
        ("Iraq",),
        "military",
        (("wire", "2014"),),
        display_date="2014",
    ),
    Spec(
        "ev-rocket",
        date(2017, 4, 3),
        date(2017, 4, 9),
        "week",
        "Rocket hits base",
        ("Iran",),
        "military",
        (("blog", "the week of April 3, 2017"),),
        display_date="week of 3 April 2017",
    ),
    Spec(
        "ev-meeting",
        date(2019, 2, 3),
        date(2019, 2, 3),
        "day",
        "Leaders meet in Baghdad",
        ("United States", "Iraq"),
        "diplomacy",
        (("wire", "Sunday"), ("gazette", "February 3, 2019")),
    ),
    Spec(
        "ev-strike",
        date(2020, 1, 3),
        date(2020, 1, 3),
        "day",
        SCRIPT_TITLE,
        ("United States", "Iran"),
        "military",
        (("blog", "January 3, 2020"),),
    ),
    Spec(
        "ev-dialogue",
        date(2021, 4, 7),
        date(2021, 4, 7),
        "day",
        "Strategic dialogue resumes",
        ("United States", "Iraq"),
        "diplomacy",
        (("gazette", "Wednesday"),),
    ),
    Spec(
        "ev-withdrawal",
        date(2021, 12, 31),
        date(2021, 12, 31),
        "day",
        "US combat troops to leave Iraq",
        ("United States",),
        "military",
        (("wire", "December 31, 2021"),),
        planned=True,
    ),
)


def _sentence_around(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stops = [index for index in (text.find(". ", end), text.find("\n", end)) if index >= 0]
    right = min(stops) + (1 if min(stops) == text.find(". ", end) else 0) if stops else len(text)
    return text[left:right], (left, right)


def make_event(spec: Spec) -> Event:
    mentions: list[Mention] = []
    sources: list[Source] = []
    docs = {doc.doc_id: doc for doc in DOCS}
    for doc_id, time_text in spec.cites:
        text = _TEXTS[doc_id]
        start = text.index(time_text)
        end = start + len(time_text)
        sentence, sentence_span = _sentence_around(text, start, end)
        mentions.append(Mention(doc_id, (start, end), time_text, sentence, sentence_span))
        doc = docs[doc_id]
        if all(source.doc != doc_id for source in sources):
            sources.append(Source(doc_id, doc.title, doc.outlet, doc.url, doc.published))
    return Event(
        id=spec.id,
        start=spec.start,
        end=spec.end,
        precision=spec.precision,
        value=spec.start.isoformat(),
        display_date=spec.display_date or spec.start.strftime("%-d %B %Y"),
        title=spec.title,
        sentence=mentions[0].sentence,
        mentions=tuple(mentions),
        sources=tuple(sources),
        actors=spec.actors,
        category=spec.category,
        planned=spec.planned,
    )


EVENTS: tuple[Event, ...] = tuple(make_event(spec) for spec in SPECS)


def build_store(
    data_dir: Path, events: tuple[Event, ...] = EVENTS, docs: tuple[Document, ...] = DOCS
) -> Path:
    """A store at ``data_dir`` holding exactly ``events`` and ``docs``; returns the database path."""
    from timeline.store import DATABASE_NAME, EventStore

    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DATABASE_NAME
    EventStore(path).import_events(list(events), list(docs))
    return path


APP = Path(__file__).resolve().parents[1] / "app.py"

ALL_IDS = frozenset(event.id for event in EVENTS)


def ids_where(predicate: object) -> set[str]:
    """Ids of the synthetic events for which ``predicate(event)`` holds."""
    assert callable(predicate)
    return {event.id for event in EVENTS if predicate(event)}


def chronological_ids(ids: set[str] | frozenset[str] = ALL_IDS) -> list[str]:
    chosen = [event for event in EVENTS if event.id in ids]
    return [event.id for event in sorted(chosen, key=lambda event: (event.start, event.end, event.title))]
