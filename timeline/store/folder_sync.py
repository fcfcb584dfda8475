"""One sync of an articles folder into the store's rows: which files changed, extracting those.

An article is extracted again only when its file's bytes (sha256), the extractor
(``timeline.version.extractor_fingerprint``) or its catalog entry change (the whole catalog, for a
catalog not in the standard format: ``pipeline.catalog_digests``), or when it failed last time.
One article failing to load or extract is recorded with its error and the others are still stored.
A collection syncs one or two folders (``sync_folders``): its source folder and its own articles,
whose doc ids are prefixed (``OWN_PREFIX``).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from timeline.model import Event
from timeline.store.pipeline import Pipeline, article_files, catalog_digests
from timeline.store.records import SyncError, SyncReport
from timeline.store.rows import insert_doc_events, insert_document, store_failure
from timeline.version import extractor_fingerprint

CATALOG_ID = "catalog"
OWN_PREFIX = "mine/"
"""Doc-id and path prefix of a collection's own articles (its ``articles/`` folder)."""

Progress = Callable[[int, int, str], None]
"""``progress(done, total, name)``: called before each article a sync extracts, and once at the end."""


def error_text(error: BaseException) -> str:
    text = str(error).strip()
    return text if text else type(error).__name__


def folders_to_sync(
    sources_dir: Path | None, articles_dir: Path | None, report: SyncReport
) -> list[tuple[Path, str]]:
    """The (folder, prefix) pairs a sync reads: the source folder (a notice when it is missing) and
    the collection's own articles folder (simply empty until its first article is added)."""
    folders: list[tuple[Path, str]] = []
    if sources_dir is not None:
        if sources_dir.is_dir():
            folders.append((sources_dir, ""))
        else:
            report.notices.append(f"The articles folder {sources_dir} does not exist; nothing was read.")
    if articles_dir is not None and articles_dir.is_dir():
        folders.append((articles_dir, OWN_PREFIX))
    return folders


def sync_folder(
    connection: sqlite3.Connection,
    pipeline: Pipeline,
    sources_dir: Path,
    report: SyncReport,
    progress: Progress | None = None,
) -> None:
    """Extract the new, changed and failed articles of ``sources_dir``; forget removed ones."""
    sync_folders(connection, pipeline, [(sources_dir, "")], report, progress)


@dataclass
class _Plan:
    folder: Path
    prefix: str
    catalog: Any
    names: set[str]
    todo: list[tuple[Path, str, str]]
    """(file, its sha256, the digest of the catalog as it bears on that file)."""
    removed: list[str]


def sync_folders(
    connection: sqlite3.Connection,
    pipeline: Pipeline,
    folders: Sequence[tuple[Path, str]],
    report: SyncReport,
    progress: Progress | None = None,
) -> None:
    """``sync_folder`` for several folders at once: (folder, prefix) pairs.

    Each folder's articles are stored under ``prefix + file name`` (doc id and path), so two folders
    never clash: a collection's read-only source folder has the prefix "" and its own articles folder
    ``OWN_PREFIX``. Only rows of a folder's own prefix are compared with it (or removed). ``progress``
    counts the articles to extract across all the folders.
    """
    fingerprint = extractor_fingerprint()
    plans = [_plan(connection, pipeline, folder, prefix, fingerprint, report) for folder, prefix in folders]
    todo = [(plan, file, sha, entry_sha) for plan in plans for file, sha, entry_sha in plan.todo]
    names = {plan.prefix + name for plan in plans for name in plan.names}
    for done, (plan, file, sha, entry_sha) in enumerate(todo):
        if progress is not None:
            progress(done, len(todo), plan.prefix + file.name)
        doc_id = _extract_one(connection, pipeline, plan, (file, sha, entry_sha), fingerprint, names)
        report.extracted.append(doc_id)
    if progress is not None:
        progress(len(todo), len(todo), "")
    for plan in plans:
        for doc_id in plan.removed:
            with connection:
                connection.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            report.removed.append(doc_id)


def _own_rows(prefix: str) -> tuple[str, tuple[Any, ...]]:
    """SQL condition for the stored articles of the folder with ``prefix`` (file names have no '/')."""
    if not prefix:
        return "path IS NOT NULL AND instr(path, '/') = 0", ()
    return (
        "substr(path, 1, ?) = ? AND instr(substr(path, ? + 1), '/') = 0",
        (len(prefix), prefix, len(prefix)),
    )


def _plan(
    connection: sqlite3.Connection,
    pipeline: Pipeline,
    sources_dir: Path,
    prefix: str,
    fingerprint: str,
    report: SyncReport,
) -> _Plan:
    """Which articles of one folder to extract (new, changed, failed) and which stored ones are gone."""
    catalog: Any = None
    per_entry: dict[str, str] | None = None
    try:
        catalog_sha, per_entry = catalog_digests(sources_dir)
        catalog = pipeline.load_catalog(sources_dir)
    except Exception as error:  # a bad catalog must not hide the articles: load them without it
        catalog_sha, per_entry = "unreadable", None
        report.errors.append(
            SyncError(prefix + CATALOG_ID, f"The catalog could not be read: {error_text(error)}")
        )
    condition, params = _own_rows(prefix)
    stored = {
        str(row[0])[len(prefix) :]: (row[1], row[2], row[3], row[4], row[5])
        for row in connection.execute(
            "SELECT path, doc_id, sha256, extractor_version, catalog_sha256, error "
            f"FROM documents WHERE {condition}",
            params,
        )
    }
    files = article_files(sources_dir)
    names = {file.name for file in files}
    todo: list[tuple[Path, str, str]] = []
    for file in files:
        name = file.name
        try:
            sha = hashlib.sha256(file.read_bytes()).hexdigest()
        except OSError as error:
            sha = ""
            message = f"The file could not be read: {error_text(error)}"
            store_failure(connection, prefix + name, message, sha, "")
            report.extracted.append(prefix + name)
            continue
        entry_sha = catalog_sha if per_entry is None else per_entry.get(name, "no entry")
        previous = stored.get(name)
        if previous is not None and previous[1:4] == (sha, fingerprint, entry_sha) and previous[4] is None:
            report.unchanged.append(previous[0])
            continue
        todo.append((file, sha, entry_sha))
    removed = [doc_id for name, (doc_id, *_rest) in stored.items() if name not in names]
    return _Plan(sources_dir, prefix, catalog, names, todo, removed)


def _extract_one(
    connection: sqlite3.Connection,
    pipeline: Pipeline,
    plan: _Plan,
    item: tuple[Path, str, str],
    fingerprint: str,
    names: set[str],
) -> str:
    file, sha, catalog_sha = item
    path = plan.prefix + file.name
    try:
        document = pipeline.load_document(file, plan.catalog)
        if plan.prefix:
            document = replace(document, doc_id=plan.prefix + document.doc_id)
    except Exception as error:  # one unreadable article must not stop the others
        store_failure(
            connection, path, f"The article could not be loaded: {error_text(error)}", sha, fingerprint
        )
        return path
    owner = connection.execute(
        "SELECT path FROM documents WHERE doc_id = ? AND path IS NOT NULL AND path != ?",
        (document.doc_id, path),
    ).fetchone()
    if owner is not None and owner[0] in names:
        message = f"Its article id {document.doc_id!r} is already used by {owner[0]}; rename one of them."
        store_failure(connection, path, message, sha, fingerprint)
        return path
    events: Sequence[Event] = ()
    error_message: str | None = None
    try:
        events = list(pipeline.extract_events(document))
    except Exception as error:  # keep the loaded text readable even if extraction breaks
        error_message = f"Events could not be extracted: {error_text(error)}"
    with connection:
        connection.execute("DELETE FROM documents WHERE path = ? OR doc_id = ?", (path, document.doc_id))
        insert_document(connection, document, path, sha, fingerprint, catalog_sha, error_message)
        insert_doc_events(connection, document.doc_id, events)
    return document.doc_id
