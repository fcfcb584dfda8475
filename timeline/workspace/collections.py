"""Collections: a teacher's several timelines, each with its own articles, corrections and lessons.

On disk, under the data folder (``$TIMELINE_DATA_DIR``, default ``./data``)::

    collections/<slug>/collection.json   {"format": "timeline-collection/1", "name", "created", "sources"}
    collections/<slug>/articles/         the teacher's own articles (.txt/.md) and their catalog.json
    collections/<slug>/timeline.sqlite3  the collection's store (events, edits, lessons)

The default collection (slug ``default``) is the seed articles, as the app has always shown them: its
source folder is ``$TIMELINE_SEEDS_DIR`` (read-only), its store stays ``$TIMELINE_DATA_DIR/timeline.sqlite3``
and articles a teacher adds to it go to ``collections/default/articles/``. It exists without any
``collection.json`` (one is written only when it is renamed). Any collection whose ``collection.json``
says ``"sources": "seeds"`` reads the seed folder too (a restored backup of the default collection).

A collection's own articles get doc ids ``mine/<file name>`` (``timeline.store.folder_sync.OWN_PREFIX``),
so they never clash with the source folder's. Slugs are made from names (``timeline.store.slugs``),
unique, and never change on renaming, so links (``?c=<slug>``) keep working.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from timeline.store import DATABASE_NAME, EventStore, Pipeline, default_data_dir, default_sources_dir
from timeline.store.pipeline import folder_fingerprint
from timeline.store.records import SyncReport
from timeline.store.slugs import slugify
from timeline.workspace.files import folder_lock, write_json_atomic

DEFAULT_SLUG = "default"
DEFAULT_NAME = "Seed articles"
COLLECTIONS = "collections"
META_NAME = "collection.json"
ARTICLES = "articles"
FORMAT = "timeline-collection/1"
MAX_NAME = 80


class WorkspaceError(Exception):
    """A collection, article or backup that cannot be used as asked; the message says why, for a reader."""


@dataclass(frozen=True, slots=True)
class Collection:
    slug: str
    name: str
    folder: Path
    """``collections/<slug>/``: holds ``collection.json`` and ``articles/``."""
    store_path: Path
    sources_dir: Path | None = None
    """The read-only source folder (the seeds), or None."""
    created: str = ""
    problem: str | None = None
    """Why ``collection.json`` could not be read (the collection is still listed, named by its slug)."""

    @property
    def articles_dir(self) -> Path:
        return self.folder / ARTICLES

    @property
    def is_default(self) -> bool:
        return self.slug == DEFAULT_SLUG

    def fingerprint(self) -> str:
        """A cheap signature of both article folders (no file read): when it changes, sync again."""
        own = folder_fingerprint(self.articles_dir) if self.articles_dir.is_dir() else "none"
        sources = folder_fingerprint(self.sources_dir) if self.sources_dir else "none"
        return f"{sources}:{own}"


def _now() -> str:
    """Creation time to the microsecond: collections are listed in the order they were made."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def collections_root(data_dir: Path | None = None) -> Path:
    return (data_dir or default_data_dir()) / COLLECTIONS


def _clean_name(name: str) -> str:
    clean = " ".join(str(name or "").split())
    if not clean:
        raise WorkspaceError("A collection needs a name.")
    if len(clean) > MAX_NAME:
        raise WorkspaceError(f"A collection's name can have at most {MAX_NAME} characters.")
    return clean


def _read_meta(folder: Path) -> tuple[dict[str, Any], str | None]:
    path = folder / META_NAME
    if not path.exists():
        return {}, None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return {}, f"{path} could not be read ({error})"
    if not isinstance(data, dict) or data.get("format", FORMAT) != FORMAT:
        return {}, f"{path} is not a collection description ({FORMAT})"
    return data, None


def _collection(slug: str, data_dir: Path) -> Collection:
    folder = collections_root(data_dir) / slug
    meta, problem = _read_meta(folder)
    default = slug == DEFAULT_SLUG
    seeds = default or meta.get("sources") == "seeds"
    name = meta.get("name") if isinstance(meta.get("name"), str) and meta.get("name") else None
    return Collection(
        slug=slug,
        name=str(name or (DEFAULT_NAME if default else slug)),
        folder=folder,
        store_path=data_dir / DATABASE_NAME if default else folder / DATABASE_NAME,
        sources_dir=default_sources_dir() if seeds else None,
        created=str(meta.get("created") or ""),
        problem=problem,
    )


def list_collections(data_dir: Path | None = None) -> list[Collection]:
    """The default collection first, then the others in the order they were created."""
    data_dir = data_dir or default_data_dir()
    root = collections_root(data_dir)
    others = []
    if root.is_dir():
        for folder in sorted(root.iterdir()):
            listed = folder.is_dir() and folder.name != DEFAULT_SLUG and not folder.name.startswith(".")
            if listed and (folder / META_NAME).exists():
                others.append(_collection(folder.name, data_dir))
    others.sort(key=lambda collection: (collection.created, collection.slug))
    return [_collection(DEFAULT_SLUG, data_dir), *others]


def get_collection(slug: str, data_dir: Path | None = None) -> Collection:
    """The collection ``slug``; WorkspaceError naming the known ones when there is none."""
    data_dir = data_dir or default_data_dir()
    if slug == DEFAULT_SLUG:
        return _collection(slug, data_dir)
    if slug != slugify(slug, "") or not (collections_root(data_dir) / slug / META_NAME).exists():
        known = ", ".join(collection.slug for collection in list_collections(data_dir))
        raise WorkspaceError(f"There is no collection {slug!r} (there are: {known}).")
    return _collection(slug, data_dir)


def create_collection(
    name: str, data_dir: Path | None = None, *, slug: str | None = None, seeds: bool = False
) -> Collection:
    """A new, empty collection; its slug comes from the name (numbered when taken) unless given.

    ``seeds``: it reads the seed folder too (used when restoring a backup of the default collection).
    """
    data_dir = data_dir or default_data_dir()
    clean = _clean_name(name)
    root = collections_root(data_dir)
    with folder_lock(root):
        base = slugify(slug or clean, "collection")
        chosen, counter = base, 2
        while chosen == DEFAULT_SLUG or (root / chosen).exists():
            chosen, counter = f"{base}-{counter}", counter + 1
        folder = root / chosen
        (folder / ARTICLES).mkdir(parents=True)
        meta: dict[str, Any] = {"format": FORMAT, "name": clean, "created": _now()}
        if seeds:
            meta["sources"] = "seeds"
        write_json_atomic(folder / META_NAME, meta)  # last: a folder without it is not listed
    return _collection(chosen, data_dir)


def rename_collection(slug: str, name: str, data_dir: Path | None = None) -> Collection:
    """A new name; the slug (its folder and links) stays."""
    data_dir = data_dir or default_data_dir()
    collection = get_collection(slug, data_dir)
    clean = _clean_name(name)
    with folder_lock(collection.folder):
        meta, _problem = _read_meta(collection.folder)
        meta.update({"format": FORMAT, "name": clean})
        meta.setdefault("created", collection.created or _now())
        write_json_atomic(collection.folder / META_NAME, meta)
    return _collection(slug, data_dir)


def open_store(collection: Collection, *, pipeline: Pipeline | None = None) -> EventStore:
    """The collection's store (not synced: see ``sync_collection``)."""
    return EventStore(collection.store_path, pipeline=pipeline)


def sync_collection(collection: Collection, store: EventStore, progress: Any = None) -> SyncReport:
    """Extract what changed in the collection's source folder and own articles."""
    return store.sync(collection.sources_dir, progress, articles_dir=collection.articles_dir)
