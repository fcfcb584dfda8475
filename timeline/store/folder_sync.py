"""One sync of an articles folder into the store's rows: which files changed, extracting those.

An article is extracted again only when its file's bytes (sha256), the extractor
(``timeline.version.extractor_fingerprint``) or the catalog change, or when it failed last time.
One article failing to load or extract is recorded with its error and the others are still stored.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from timeline.model import Event
from timeline.store.pipeline import Pipeline, article_files, catalog_digest
from timeline.store.records import SyncError, SyncReport
from timeline.store.rows import insert_doc_events, insert_document, store_failure
from timeline.version import extractor_fingerprint

CATALOG_ID = "catalog"

Progress = Callable[[int, int, str], None]
"""``progress(done, total, name)``: called before each article a sync extracts, and once at the end."""


def error_text(error: BaseException) -> str:
    text = str(error).strip()
    return text if text else type(error).__name__


def sync_folder(
    connection: sqlite3.Connection,
    pipeline: Pipeline,
    sources_dir: Path,
    report: SyncReport,
    progress: Progress | None = None,
) -> None:
    """Extract the new, changed and failed articles of ``sources_dir``; forget removed ones."""
    fingerprint = extractor_fingerprint()
    catalog: Any = None
    try:
        catalog_sha = catalog_digest(sources_dir)
        catalog = pipeline.load_catalog(sources_dir)
    except Exception as error:  # a bad catalog must not hide the articles: load them without it
        catalog_sha = "unreadable"
        report.errors.append(SyncError(CATALOG_ID, f"The catalog could not be read: {error_text(error)}"))
    stored = {
        row[0]: (row[1], row[2], row[3], row[4], row[5])
        for row in connection.execute(
            "SELECT path, doc_id, sha256, extractor_version, catalog_sha256, error "
            "FROM documents WHERE path IS NOT NULL"
        )
    }
    files = article_files(sources_dir)
    names = {file.name for file in files}
    todo: list[tuple[Path, str]] = []
    for file in files:
        name = file.name
        try:
            sha = hashlib.sha256(file.read_bytes()).hexdigest()
        except OSError as error:
            sha = ""
            store_failure(connection, name, f"The file could not be read: {error_text(error)}", sha, "")
            report.extracted.append(name)
            continue
        previous = stored.get(name)
        if previous is not None and previous[1:4] == (sha, fingerprint, catalog_sha) and previous[4] is None:
            report.unchanged.append(previous[0])
            continue
        todo.append((file, sha))
    for done, (file, sha) in enumerate(todo):
        if progress is not None:
            progress(done, len(todo), file.name)
        doc_id = _extract_one(connection, pipeline, file, catalog, sha, fingerprint, catalog_sha, names)
        report.extracted.append(doc_id)
    if progress is not None:
        progress(len(todo), len(todo), "")
    for name, (doc_id, *_rest) in stored.items():
        if name not in names:
            with connection:
                connection.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            report.removed.append(doc_id)


def _extract_one(
    connection: sqlite3.Connection,
    pipeline: Pipeline,
    file: Path,
    catalog: Any,
    sha: str,
    fingerprint: str,
    catalog_sha: str,
    names: set[str],
) -> str:
    try:
        document = pipeline.load_document(file, catalog)
    except Exception as error:  # one unreadable article must not stop the others
        store_failure(
            connection, file.name, f"The article could not be loaded: {error_text(error)}", sha, fingerprint
        )
        return file.name
    owner = connection.execute(
        "SELECT path FROM documents WHERE doc_id = ? AND path IS NOT NULL AND path != ?",
        (document.doc_id, file.name),
    ).fetchone()
    if owner is not None and owner[0] in names:
        message = f"Its article id {document.doc_id!r} is already used by {owner[0]}; rename one of them."
        store_failure(connection, file.name, message, sha, fingerprint)
        return file.name
    events: Sequence[Event] = ()
    error_message: str | None = None
    try:
        events = list(pipeline.extract_events(document))
    except Exception as error:  # keep the loaded text readable even if extraction breaks
        error_message = f"Events could not be extracted: {error_text(error)}"
    with connection:
        connection.execute("DELETE FROM documents WHERE path = ? OR doc_id = ?", (file.name, document.doc_id))
        insert_document(connection, document, file.name, sha, fingerprint, catalog_sha, error_message)
        insert_doc_events(connection, document.doc_id, events)
    return document.doc_id
