"""Test helpers for the event stage: a tagger that dates fixed phrases, and hand-built documents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from timeline.model import Document, Mode, Precision, TimeMention

Interval = tuple[date | None, date | None, Precision]


def phrase_tagger(phrases: dict[str, Interval]) -> Callable[[str, date | None, Mode], list[TimeMention]]:
    """A stand-in for ``tag_dates`` that dates every occurrence of the given phrases."""

    def tag(text: str, dct: date | None, mode: Mode = "news") -> list[TimeMention]:
        found: list[TimeMention] = []
        for phrase, (start, end, precision) in phrases.items():
            at = text.find(phrase)
            while at >= 0:
                found.append(
                    TimeMention(
                        span=(at, at + len(phrase)),
                        text=phrase,
                        value=start.isoformat() if start else "XXXX",
                        start=start,
                        end=end,
                        precision=precision,
                        anchored=start is not None,
                        relative=phrase.lower().startswith(("on ", "last", "this", "next")),
                    )
                )
                at = text.find(phrase, at + 1)
        return sorted(found, key=lambda mention: mention.span)

    return tag


def document(
    text: str, doc_id: str = "doc.txt", published: date | None = date(2017, 4, 8), **extra: object
) -> Document:
    return Document(doc_id=doc_id, text=text, published=published, outlet="Outlet", title="Title", **extra)  # type: ignore[arg-type]
