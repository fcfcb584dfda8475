"""From files to a sorted, merged list of event records: load, extract (in parallel if asked), merge.

Loading problems and per-document extraction failures are collected as messages, never raised, so one
bad file costs only itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline.documents import LoadError, load_corpus
from timeline.events import extract_events, merge_events
from timeline.events.nlp import ParserUnavailableError
from timeline.model import Document, Event


@dataclass(frozen=True, slots=True)
class CorpusResult:
    """What ``extract_corpus`` produced: the events by date, the documents loaded, and what went wrong."""

    events: list[Event]
    documents: list[Document]
    errors: list[LoadError] = field(default_factory=list)


def event_sort_key(event: Event) -> tuple[date, date, str, int]:
    """By start date (undated last), then end, then where it was first reported."""
    first = event.mentions[0] if event.mentions else None
    return (
        event.start or date.max,
        event.end or date.max,
        first.doc if first else "",
        first.span[0] if first else 0,
    )


def _extract_or_message(doc: Document) -> list[Event] | str:
    """Events of one document, or a one-line message when extraction itself fails (a bug, not bad input)."""
    try:
        return extract_events(doc)
    except ParserUnavailableError:
        raise  # not this document's fault: one message for the run (the CLI prints it), not one per article
    except Exception as error:  # one document's failure must not lose the others
        return f"{doc.path or doc.doc_id}: could not extract events ({type(error).__name__}: {error})"


def extract_documents(documents: Sequence[Document], *, jobs: int = 1) -> tuple[list[Event], list[LoadError]]:
    """Events of ``documents`` merged across them and sorted by date, plus one error per failed document."""
    if jobs > 1 and len(documents) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(
                pool.map(_extract_or_message, documents, chunksize=max(1, len(documents) // (jobs * 4)))
            )
    else:
        results = [_extract_or_message(doc) for doc in documents]
    events: list[Event] = []
    errors: list[LoadError] = []
    for doc, result in zip(documents, results, strict=True):
        if isinstance(result, str):
            errors.append(LoadError(path=doc.path or doc.doc_id, message=result))
        else:
            events.extend(result)
    return sorted(merge_events(events), key=event_sort_key), errors


def extract_corpus(paths: Iterable[str | Path], *, jobs: int = 1) -> CorpusResult:
    """Load every file under ``paths`` (files or folders, with their catalogs) and extract its events."""
    documents, load_errors = load_corpus(list(paths))
    events, extract_errors = extract_documents(documents, jobs=jobs)
    return CorpusResult(events=events, documents=list(documents), errors=[*load_errors, *extract_errors])
