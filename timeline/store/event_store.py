"""``EventStore``: articles in a folder -> extracted, merged events in SQLite, re-extracting only changes.

Which articles a sync extracts is ``timeline.store.folder_sync``'s rule (only what changed or
failed). After a sync that changed anything, the merged events are rebuilt from the stored
per-article events, without extracting again.

Damaged records never leave the store unusable: a shown event that does not parse is rebuilt from
the per-article records, and an article whose records do not parse is extracted again from its file
(``timeline.store.repair``); the report's notices say so, and the edits table is kept. A store whose
folder cannot be written is served read-only (``read_only``), with a notice that nothing is saved.
"""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, closing, contextmanager
from pathlib import Path

from timeline.model import Document, Event
from timeline.store.database import open_database, path_lock
from timeline.store.folder_sync import Progress, error_text, folders_to_sync, sync_folders
from timeline.store.pipeline import Pipeline, default_pipeline
from timeline.store.records import StoredDocument, StoredMention, StoreError, SyncError, SyncReport
from timeline.store.repair import (
    has_invalid_events,
    invalid_json_docs,
    mark_for_extraction,
    parse_event,
    read_doc_events,
    repaired_notice,
)
from timeline.store.rows import DOCUMENT_COLUMNS, document_from_row, import_rows, write_events


class EventStore:
    """The SQLite store at ``path`` (created if missing; a damaged file is moved aside and rebuilt).

    An open store holds the file (see ``timeline.store.database``) until ``close()`` or until it is
    garbage-collected.
    """

    def __init__(self, path: Path, *, pipeline: Pipeline | None = None) -> None:
        self.path = Path(path)
        self.pipeline = pipeline or default_pipeline()
        with path_lock(self.path):
            self._database = open_database(self.path)
        self._finalizer = weakref.finalize(self, self._database.close)
        recovered = self._database.recovered_from
        self.recovered_from: str | None = str(recovered) if recovered else None
        self.last_report: SyncReport | None = None
        self.notices: list[str] = []
        """What readers should be told beyond the last sync's report (records repaired since)."""
        self._sources_dir: Path | None = None
        self._articles_dir: Path | None = None
        self._synced = False
        self._rebuild_requested = False
        self._events_cache: tuple[int, list[Event]] | None = None

    @property
    def read_only(self) -> bool:
        """True when the database's folder or file cannot be written: shown as stored, never changed."""
        return self._database.read_only

    def read_only_notice(self) -> str:
        return (
            f"The data folder {self.path.parent} cannot be written, so the timeline is shown as it was "
            "last saved: new or changed articles are not read and changes cannot be saved."
        )

    def close(self) -> None:
        """Let go of the database file (other programs may then set a damaged one aside)."""
        self._finalizer()

    @property
    def last_sync(self) -> SyncReport | None:
        """The report of this store's latest ``sync`` (an alias of ``last_report``)."""
        return self.last_report

    def __repr__(self) -> str:
        return f"EventStore({str(self.path)!r})"

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        try:
            with closing(self._database.connect()) as connection:
                yield connection
        except sqlite3.DatabaseError as error:
            raise StoreError(f"The timeline database {self.path} failed: {error_text(error)}") from error

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(self.read_only_notice())

    def check_writable(self) -> None:
        """StoreError (saying why) when nothing can be saved in this store."""
        self._writable()

    def connection(self) -> AbstractContextManager[sqlite3.Connection]:
        """A fresh connection, closed on leaving; SQLite failures become StoreError (for the store's
        modules: ``edits_store``, ``lessons_store``)."""
        return self._connection()

    @property
    def schema(self) -> int:
        """The schema version of the file (older than current only for a read-only, unmigrated store)."""
        return self._database.schema

    def notice(self, *notices: str) -> None:
        """Tell readers something beyond the last sync's report (once each)."""
        self._notice(*notices)

    # -- sync ---------------------------------------------------------------------------------

    def sync(
        self,
        sources_dir: Path | None,
        progress: Progress | None = None,
        *,
        articles_dir: Path | None = None,
    ) -> SyncReport:
        """Bring the store in line with the article files in ``sources_dir`` (and ``articles_dir``).

        ``progress(done, total, name)`` is told about each article about to be extracted (``total``
        counts the new, changed and failed ones, not the unchanged), and ``(total, total, "")`` at
        the end. ``articles_dir`` is a collection's own articles folder: its doc ids are prefixed
        (``folder_sync.OWN_PREFIX``); while it does not exist it is simply empty (its articles, if
        any, are kept, as for a missing source folder). ``sources_dir`` None: only ``articles_dir``.
        """
        sources_dir = Path(sources_dir) if sources_dir is not None else None
        self._sources_dir = sources_dir
        self._articles_dir = articles_dir
        self._synced = True
        self.notices.clear()  # said until the next sync, whose report speaks for itself
        report = SyncReport(recovered_from=self.recovered_from, read_only=self.read_only)
        if self.recovered_from:
            report.notices.append(
                "The database was unreadable and has been rebuilt; "
                f"the old file is kept at {self.recovered_from}."
            )
            self.recovered_from = None
        if self.read_only:
            report.notices.append(self.read_only_notice())
            with self._connection() as connection:
                report.errors.extend(self.errors(connection))
            self.last_report = report
            return report
        with path_lock(self.path), self._connection() as connection:
            damaged_events = has_invalid_events(connection)
            report.repaired.extend(mark_for_extraction(connection, invalid_json_docs(connection)))
            folders = folders_to_sync(sources_dir, articles_dir, report)
            folder = bool(folders)
            if folder:
                sync_folders(connection, self.pipeline, folders, report, progress)
            rebuild = self._rebuild_requested or damaged_events or report.repaired
            self._rebuild_requested = False
            if rebuild or report.changed or self._needs_rebuild(connection):
                unreadable = self._rebuild_events(connection, report)
                if unreadable:  # records that are JSON but not events: extract those articles again
                    report.repaired.extend(mark_for_extraction(connection, unreadable))
                    if folder:
                        again = SyncReport()
                        sync_folders(connection, self.pipeline, folders, again, progress)
                        report.extracted.extend(again.extracted)
                        report.unchanged = [doc for doc in report.unchanged if doc not in again.extracted]
                    self._rebuild_events(connection, report)
            report.errors.extend(self.errors(connection))
        if damaged_events or report.repaired:
            report.notices.append(repaired_notice(report.repaired))
        self.last_report = report
        return report

    # -- merged events ------------------------------------------------------------------------

    @staticmethod
    def _needs_rebuild(connection: sqlite3.Connection) -> bool:
        has_doc_events = connection.execute("SELECT 1 FROM doc_events LIMIT 1").fetchone() is not None
        has_events = connection.execute("SELECT 1 FROM events LIMIT 1").fetchone() is not None
        return has_doc_events and not has_events

    def _rebuild_events(self, connection: sqlite3.Connection, report: SyncReport) -> set[str]:
        """Merge the per-article records into the shown events; returns articles whose records are
        damaged (left out of this merge)."""
        connection.execute("BEGIN IMMEDIATE")  # read and write in one: no import lost in between
        try:
            unreadable = self._merge_and_write(connection, report)
        except BaseException:
            connection.rollback()
            raise
        connection.commit()
        report.rebuilt_events = True
        return unreadable

    def _merge_and_write(self, connection: sqlite3.Connection, report: SyncReport) -> set[str]:
        extracted, unreadable = read_doc_events(connection)
        try:
            merged = list(self.pipeline.merge_events(extracted))
        except Exception as error:  # show the unmerged events rather than none
            merged = extracted
            report.notices.append(
                f"Merging events failed ({error_text(error)}); each report is shown separately."
            )
        write_events(connection, merged)
        return unreadable

    def import_events(self, events: Sequence[Event], documents: Sequence[Document] = ()) -> None:
        """Store ready-made events (and their articles) as they are: no extraction, no merging now.

        For synthetic stores (benchmarks, tests) and imports. Imported articles have no file, so a
        sync never removes them. The events are added to (or replace, by id) the shown events, and
        kept as extracted records of their first source's article (of an "imported" placeholder
        when that article is not stored), so a later rebuild after a sync merges them with the rest.
        """
        self._writable()
        with path_lock(self.path), self._connection() as connection:
            import_rows(connection, events, documents)

    # -- reading ------------------------------------------------------------------------------

    def generation(self) -> int:
        """Bumped every time the events change: a cheap cache key for readers."""
        with self._connection() as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = 'events_generation'").fetchone()
        return int(row[0]) if row else 0

    def events(self) -> list[Event]:
        """The merged events, in date order (undated ones last).

        A damaged record is repaired on the spot (``repair``) when the store can be written, else
        left out; either way ``notices`` says so.
        """
        generation = self.generation()
        if self._events_cache is not None and self._events_cache[0] == generation:
            return list(self._events_cache[1])
        events = self._read_events()
        if events is None:
            if not self.read_only:
                self.repair()
                generation = self.generation()
                events = self._read_events()
            if events is None:  # not cached: every reader is told again
                self._notice("Some stored events are damaged and cannot be rebuilt here; they are left out.")
                return self._read_events(skip_damaged=True) or []
        self._events_cache = (generation, events)
        return list(events)

    def _read_events(self, *, skip_damaged: bool = False) -> list[Event] | None:
        """The shown events, or None if one of them does not parse (unless ``skip_damaged``)."""
        with self._connection() as connection:
            rows = connection.execute(
                'SELECT json FROM events ORDER BY start IS NULL, start, "end", id'
            ).fetchall()
        events: list[Event] = []
        for row in rows:
            event = parse_event(row[0])
            if event is not None:
                events.append(event)
            elif not skip_damaged:
                return None
        return events

    def repair(self) -> SyncReport:
        """Rebuild the shown events from the per-article records, extracting damaged articles again
        (from the folder of the last sync, else on the next one); the edits table is kept."""
        self._writable()
        if self._synced:
            self._rebuild_requested = True
            report = self.sync(self._sources_dir, articles_dir=self._articles_dir)
        else:
            report = SyncReport()
            with path_lock(self.path), self._connection() as connection:
                unreadable = self._rebuild_events(connection, report)
                report.repaired.extend(mark_for_extraction(connection, unreadable))
        self._notice(*report.notices, repaired_notice(report.repaired))
        return report

    def _notice(self, *notices: str) -> None:
        for notice in notices:
            if notice not in self.notices:
                self.notices.append(notice)

    def documents(self) -> list[StoredDocument]:
        """Every stored article, failed ones included (``error`` set), by file name."""
        with self._connection() as connection:
            rows = connection.execute(
                f"SELECT {DOCUMENT_COLUMNS} FROM documents d ORDER BY d.path IS NULL, d.path, d.doc_id"
            ).fetchall()
        return [document_from_row(row) for row in rows]

    def document(self, doc_id: str) -> StoredDocument | None:
        with self._connection() as connection:
            row = connection.execute(
                f"SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE d.doc_id = ?", (doc_id,)
            ).fetchone()
        return document_from_row(row) if row else None

    def mentions(self, doc_id: str | None = None) -> list[StoredMention]:
        """Where merged events are reported (all, or in one article), in text order."""
        query = "SELECT event_id, doc_id, span_start, span_end, time_text FROM mentions"
        with self._connection() as connection:
            if doc_id is None:
                rows = connection.execute(query + " ORDER BY doc_id, span_start, span_end").fetchall()
            else:
                rows = connection.execute(
                    query + " WHERE doc_id = ? ORDER BY span_start, span_end", (doc_id,)
                ).fetchall()
        return [StoredMention(*row) for row in rows]

    def errors(self, connection: sqlite3.Connection | None = None) -> list[SyncError]:
        """Articles that failed to load or extract (named by file), for the app's notice."""
        query = "SELECT doc_id, error, path FROM documents WHERE error IS NOT NULL ORDER BY path, doc_id"
        if connection is not None:
            rows = connection.execute(query).fetchall()
        else:
            with self._connection() as own:
                rows = own.execute(query).fetchall()
        return [SyncError(doc_id=row[0], message=row[1], path=row[2]) for row in rows]
