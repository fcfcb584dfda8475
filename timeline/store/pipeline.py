"""The extraction steps the store runs, behind one small seam so tests can swap them.

The real steps live in ``timeline.documents`` (loading, catalog) and ``timeline.events``
(extraction, merging); they are imported when first used so the store module itself stays light.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeline.documents.catalog import find_catalog
from timeline.documents.load import ARTICLE_SUFFIXES
from timeline.model import Document, Event


def article_files(sources_dir: Path) -> list[Path]:
    """The article files directly inside ``sources_dir``, sorted by name: the same rule as
    ``timeline.documents.load_corpus`` (article suffixes; no hidden files, no README)."""
    return sorted(
        path
        for path in sources_dir.iterdir()
        if path.is_file()
        and path.suffix.lower() in ARTICLE_SUFFIXES
        and not path.name.startswith(".")
        and path.stem.lower() != "readme"
    )


def catalog_path(sources_dir: Path) -> Path | None:
    return find_catalog(sources_dir)


def catalog_digest(sources_dir: Path) -> str:
    """sha256 of the catalog's bytes ("" without a catalog): a catalog edit re-extracts every article,
    because publication dates from it anchor relative dates."""
    path = catalog_path(sources_dir)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path else ""


def catalog_digests(sources_dir: Path) -> tuple[str, dict[str, str] | None]:
    """``catalog_digest`` and, for a catalog in the standard format (an ``articles`` object by file
    name), one digest per file name of just its entry: editing or adding one entry then re-extracts
    only that article (a collection's own catalog grows with every article added). ``None`` for any
    other catalog: then every article depends on all of it."""
    path = catalog_path(sources_dir)
    if path is None:
        return "", {}  # no catalog: no entry for any file, as a catalog that lacks its entry
    raw = path.read_bytes()
    whole = hashlib.sha256(raw).hexdigest()
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except ValueError:
        return whole, None
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, dict):
        return whole, None
    head = json.dumps(data.get("format"), sort_keys=True)
    return whole, {
        str(name): hashlib.sha256(
            (head + json.dumps(entry, sort_keys=True, ensure_ascii=False)).encode("utf-8")
        ).hexdigest()
        for name, entry in articles.items()
    }


def folder_fingerprint(sources_dir: Path) -> str:
    """A cheap signature of the articles folder, reading no file: each article's and the catalog's
    name, size, modification time and inode. It changes when a file is added, removed, edited,
    replaced or touched, so a reader can tell in microseconds whether a ``sync`` is needed."""
    try:
        paths = [*article_files(sources_dir), catalog_path(sources_dir)]
    except OSError:
        return "no folder"
    entries: list[tuple[str, int, int, int]] = []
    for path in paths:
        if path is None:
            continue
        try:
            status = path.stat()
        except OSError:
            entries.append((path.name, -1, -1, -1))
            continue
        entries.append((path.name, status.st_size, status.st_mtime_ns, status.st_ino))
    return hashlib.sha256(repr(entries).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Pipeline:
    """``load_catalog(sources_dir)`` -> catalog or None; ``load_document(path, catalog)`` -> Document;
    ``extract_events(doc)`` -> events; ``merge_events(events)`` -> merged events."""

    load_catalog: Callable[[Path], Any]
    load_document: Callable[[Path, Any], Document]
    extract_events: Callable[[Document], Sequence[Event]]
    merge_events: Callable[[Sequence[Event]], Sequence[Event]]


def _real_load_catalog(sources_dir: Path) -> Any:
    path = catalog_path(sources_dir)
    if path is None:
        return None
    documents: Any = importlib.import_module("timeline.documents")
    return documents.load_catalog(path)


def _real_load_document(path: Path, catalog: Any) -> Document:
    documents: Any = importlib.import_module("timeline.documents")
    document: Document = documents.load_document(path, catalog)
    return document


def _real_extract_events(document: Document) -> Sequence[Event]:
    events_module: Any = importlib.import_module("timeline.events")
    events: Sequence[Event] = events_module.extract_events(document)
    return events


def _real_merge_events(events: Sequence[Event]) -> Sequence[Event]:
    events_module: Any = importlib.import_module("timeline.events")
    merged: Sequence[Event] = events_module.merge_events(list(events))
    return merged


def default_pipeline() -> Pipeline:
    return Pipeline(
        load_catalog=_real_load_catalog,
        load_document=_real_load_document,
        extract_events=_real_extract_events,
        merge_events=_real_merge_events,
    )
