"""The records that flow through the pipeline: documents, time mentions and events.

Every stage (loading, date tagging, event building, storage, charting) speaks these types, so they
are plain frozen dataclasses with JSON-friendly helpers and no behaviour beyond conversion.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Mode = Literal["news", "narrative"]
"""How relative expressions anchor: at the publication date (news) or at the date last mentioned."""

Precision = Literal["day", "week", "month", "season", "quarter", "half", "year", "decade", "century"]

PRECISION_ORDER: tuple[Precision, ...] = (
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
)
"""Finest to coarsest; used to compare and filter precisions."""

Span = tuple[int, int]
"""Character offsets [start, end) into a document's loaded text."""

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
"""The TIMEX3 type of a time expression."""


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One date expression found in a text, normalized to a TIMEX3 value and an inclusive interval.

    ``start``/``end`` are ``None`` when the expression is relative and there was nothing to anchor it
    to (no publication date): then ``anchored`` is False and ``value`` holds the unresolved TIMEX3
    form (``XXXX-XX-XX`` style) so the mention is kept but never silently dated.
    """

    span: Span
    text: str
    value: str
    start: date | None
    end: date | None
    precision: Precision
    anchored: bool = True
    relative: bool = False
    mod: str | None = None
    """TIMEX3 modifier: START, MID, END, BEFORE, AFTER, SINCE (an ongoing period that began here)."""
    range_id: int | None = None
    """Shared by the two ends of a range ("from 2003 to 2011"): events span from one to the other."""
    type: TimexType = "DATE"
    """DATE or TIME in the default output; DURATION and SET (and the reference words "now", "the past",
    valued PRESENT_REF/PAST_REF/FUTURE_REF) only when the tagger is asked for every type. A DURATION's
    ``value`` is its length (``P3Y``); ``start``/``end`` are the interval it covers when the text anchors
    it ("the eight-year occupation that began in 2003"), else None."""
    freq: str | None = None
    """A SET's TIMEX3 frequency ("1X" for "weekly"), else None."""

    def to_json(self) -> dict[str, Any]:
        return {
            "span": list(self.span),
            "text": self.text,
            "value": self.value,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "anchored": self.anchored,
            "relative": self.relative,
            "mod": self.mod,
            "range_id": self.range_id,
            "type": self.type,
            "freq": self.freq,
        }


def parse_iso_day(value: object) -> date | None:
    """A date from "YYYY-MM-DD" (a time part after it is ignored), else None: for dates in JSON input."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


PublishedFrom = Literal["catalog", "text", "user"]


@dataclass(frozen=True, slots=True)
class Document:
    """An article as loaded: its text (the offsets every mention refers to) and its metadata.

    ``excluded`` lists spans of site chrome (taglines, cookie notices, related headlines...) that
    extraction must ignore; ``dateline`` is the span of the publication dateline, if found in the text.
    """

    doc_id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: PublishedFrom | None = None
    mode: Mode = "news"
    excluded: tuple[Span, ...] = ()
    dateline: Span | None = None
    path: str | None = None
    warnings: tuple[str, ...] = ()
    """Problems noticed while loading (a fallback encoding, a missing date) to show the reader."""


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an event is reported: a time expression in a sentence of one document."""

    doc: str
    span: Span
    time_text: str
    sentence: str
    sentence_span: Span

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "span": list(self.span),
            "time_text": self.time_text,
            "sentence": self.sentence,
            "sentence_span": list(self.sentence_span),
        }


@dataclass(frozen=True, slots=True)
class Source:
    """The article an event comes from, as a reader would cite it."""

    doc: str
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data


@dataclass(frozen=True, slots=True)
class Event:
    """A dated, cited event: what the timeline shows and the CLI exports.

    ``start``/``end`` are inclusive. ``mentions`` and ``sources`` are parallel-free lists: an event
    reported in two sentences or two articles has several mentions and possibly several sources.
    """

    id: str
    start: date | None
    end: date | None
    precision: Precision
    value: str
    display_date: str
    title: str
    sentence: str
    mentions: tuple[Mention, ...]
    sources: tuple[Source, ...]
    actors: tuple[str, ...] = ()
    category: str = "other"
    planned: bool = False
    anchored: bool = True
    confidence: float = 0.5
    tags: tuple[str, ...] = field(default=())

    @property
    def source(self) -> Source:
        return self.sources[0]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "value": self.value,
            "display_date": self.display_date,
            "title": self.title,
            "sentence": self.sentence,
            "mentions": [m.to_json() for m in self.mentions],
            "source": self.source.to_json(),
            "sources": [s.to_json() for s in self.sources],
            "actors": list(self.actors),
            "category": self.category,
            "planned": self.planned,
            "anchored": self.anchored,
            "confidence": round(self.confidence, 3),
            "tags": list(self.tags),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        def day(value: str | None) -> date | None:
            return date.fromisoformat(value) if value else None

        return cls(
            id=data["id"],
            start=day(data.get("start")),
            end=day(data.get("end")),
            precision=data["precision"],
            value=data.get("value", ""),
            display_date=data.get("display_date", ""),
            title=data["title"],
            sentence=data.get("sentence", ""),
            mentions=tuple(
                Mention(
                    doc=m["doc"],
                    span=(m["span"][0], m["span"][1]),
                    time_text=m.get("time_text", ""),
                    sentence=m.get("sentence", ""),
                    sentence_span=(
                        int(m.get("sentence_span", (0, 0))[0]),
                        int(m.get("sentence_span", (0, 0))[1]),
                    ),
                )
                for m in data.get("mentions", [])
            ),
            sources=tuple(
                Source(
                    doc=s["doc"],
                    title=s.get("title"),
                    outlet=s.get("outlet"),
                    url=s.get("url"),
                    published=day(s.get("published")),
                )
                for s in data.get("sources", [data["source"]] if "source" in data else [])
            ),
            actors=tuple(data.get("actors", ())),
            category=data.get("category", "other"),
            planned=bool(data.get("planned", False)),
            anchored=bool(data.get("anchored", True)),
            confidence=float(data.get("confidence", 0.5)),
            tags=tuple(data.get("tags", ())),
        )
