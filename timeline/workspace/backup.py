"""One-file backups of a collection (a zip), and restoring them into a new collection or the same one.

A backup holds ``collection.json`` (``{"format": "timeline-backup/1", "collection": {...}, ...}``),
``articles/`` (the collection's own articles and their ``catalog.json``; the seed articles are not
copied: they come with the app, and ``"sources": "seeds"`` says the collection reads them),
``edits.json`` (every edit, undos included, with its uuid) and ``lessons.json``.

Restoring checks the whole file before writing anything: a file that is not a zip, a zip that is not a
timeline backup (no ``collection.json``, another format, unexpected members, unsafe names), or one that
is too large gives a WorkspaceError saying so. Then articles missing from the collection are added
(crash-safely, as ``add_article`` does; an article already there with other text is kept as it is and
reported), edits are appended by uuid (never twice; ids renumbered, undos following), lessons added by
uuid. Each step is idempotent, so a restore interrupted by a crash is simply run again. The caller
syncs the collection afterwards (``sync_collection``) to extract the restored articles.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from timeline.documents.catalog import CATALOG_NAME
from timeline.documents.intake import MAX_FILE_BYTES
from timeline.documents.load import ARTICLE_SUFFIXES
from timeline.store import EventStore, Pipeline
from timeline.store.edits_store import edit_from_json, edit_to_json, import_edits, stored_edits
from timeline.store.lessons_store import import_lessons, lesson_to_json, lessons
from timeline.store.pipeline import article_files
from timeline.workspace.articles import read_catalog
from timeline.workspace.collections import (
    Collection,
    WorkspaceError,
    create_collection,
    get_collection,
    open_store,
)
from timeline.workspace.files import folder_lock, fsync_folder, write_atomic, write_json_atomic

FORMAT = "timeline-backup/1"
MAX_BACKUP_BYTES = 500 * 2**20
"""The most a backup may unpack to (a guard against zip bombs)."""
MAX_MEMBERS = 5000


@dataclass(frozen=True, slots=True)
class BackupReport:
    path: Path
    articles: int
    edits: int
    lessons: int
    problems: tuple[str, ...] = ()
    """Stored edits that could not be read (so are not in the backup)."""


@dataclass(slots=True)
class RestoreReport:
    collection: Collection
    articles_added: list[str] = field(default_factory=list)
    articles_same: list[str] = field(default_factory=list)
    articles_kept: list[str] = field(default_factory=list)
    """Articles the collection already has with other text: its own version was kept."""
    edits_added: int = 0
    edits_already: int = 0
    lessons_added: int = 0
    lessons_already: int = 0

    def summary(self) -> str:
        parts = [
            f"{len(self.articles_added)} article(s) added",
            f"{self.edits_added} edit(s) added",
            f"{self.lessons_added} lesson(s) added",
        ]
        if self.articles_same or self.edits_already or self.lessons_already:
            parts.append(
                f"already there: {len(self.articles_same)} article(s), {self.edits_already} edit(s), "
                f"{self.lessons_already} lesson(s)"
            )
        if self.articles_kept:
            parts.append(f"kept the collection's own version of {', '.join(self.articles_kept)}")
        return f"Restored into {self.collection.name!r} ({self.collection.slug}): " + "; ".join(parts) + "."


def _json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def backup_collection(collection: Collection, out: Path, store: EventStore | None = None) -> BackupReport:
    """Write the collection's backup to ``out`` (atomically: an existing file is replaced whole)."""
    own_store = store is None
    opened = store or open_store(collection)
    try:
        found, unreadable = stored_edits(opened)
        lesson_list = lessons(opened)
    finally:
        if own_store:
            opened.close()
    folder = collection.articles_dir
    files = article_files(folder) if folder.is_dir() else []
    catalog = read_catalog(folder) if folder.is_dir() else {"articles": {}}
    meta = {
        "format": FORMAT,
        "collection": {
            "slug": collection.slug,
            "name": collection.name,
            "created": collection.created,
            "sources": "seeds" if collection.sources_dir is not None else None,
        },
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "counts": {"articles": len(files), "edits": len(found), "lessons": len(lesson_list)},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.json", _json_bytes(meta))
        for file in files:
            archive.writestr(f"articles/{file.name}", file.read_bytes())
        archive.writestr(f"articles/{CATALOG_NAME}", _json_bytes(catalog))
        archive.writestr("edits.json", _json_bytes([edit_to_json(key, edit) for key, edit in found]))
        archive.writestr("lessons.json", _json_bytes([lesson_to_json(item) for item in lesson_list]))
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out, buffer.getvalue())
    except OSError as error:
        raise WorkspaceError(f"The backup could not be written to {out}: {error}") from error
    return BackupReport(out, len(files), len(found), len(lesson_list), tuple(str(u) for u in unreadable))


@dataclass(frozen=True, slots=True)
class _Backup:
    meta: dict[str, Any]
    articles: dict[str, bytes]
    catalog: dict[str, Any]
    edits: list[Any]
    lessons: list[Any]


def _not_a_backup(path: Path, why: str) -> WorkspaceError:
    return WorkspaceError(f"{path.name} is not a timeline backup: {why}. Nothing was restored.")


def _member_json(archive: zipfile.ZipFile, name: str, path: Path) -> Any:
    try:
        return json.loads(archive.read(name).decode("utf-8"))
    except KeyError:
        raise _not_a_backup(path, f"it has no {name}") from None
    except (UnicodeDecodeError, ValueError) as error:
        raise _not_a_backup(path, f"its {name} is damaged ({error})") from None


def read_backup(path: Path) -> _Backup:
    """The backup's contents, checked whole; WorkspaceError (see the module docstring) otherwise."""
    path = Path(path)
    if not path.is_file():
        raise WorkspaceError(f"There is no backup file {path}.")
    try:
        with zipfile.ZipFile(path) as archive:
            return _read_archive(archive, path)
    except zipfile.BadZipFile:
        raise _not_a_backup(path, "it is not a zip file (or it is damaged)") from None
    except (RuntimeError, NotImplementedError) as error:  # encrypted, or an unknown compression
        raise _not_a_backup(path, f"it cannot be unpacked ({error})") from None
    except OSError as error:
        raise WorkspaceError(f"The backup {path} cannot be read: {error}") from error


def _read_archive(archive: zipfile.ZipFile, path: Path) -> _Backup:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise _not_a_backup(path, f"it holds {len(members)} files")
    if sum(member.file_size for member in members) > MAX_BACKUP_BYTES:
        raise _not_a_backup(path, f"it unpacks to more than {MAX_BACKUP_BYTES // 2**20} MB")
    names = {member.filename for member in members if not member.is_dir()}
    if "collection.json" not in names:
        raise _not_a_backup(path, "it has no collection.json")
    meta = _member_json(archive, "collection.json", path)
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        shown = meta.get("format") if isinstance(meta, dict) else None
        raise _not_a_backup(path, f"its format is {shown!r}, not {FORMAT!r}")
    articles: dict[str, bytes] = {}
    for name in sorted(names - {"collection.json", "edits.json", "lessons.json"}):
        pure = PurePosixPath(name)
        safe = len(pure.parts) == 2 and pure.parts[0] == "articles" and not pure.name.startswith(".")
        if not safe or "\\" in name:
            raise _not_a_backup(path, f"it holds an unexpected file {name!r}")
        if pure.name == CATALOG_NAME:
            continue
        if pure.suffix.lower() not in ARTICLE_SUFFIXES:
            raise _not_a_backup(path, f"{name!r} is not an article file")
        data = archive.read(name)
        if len(data) > MAX_FILE_BYTES:
            raise _not_a_backup(path, f"{name!r} is larger than an article can be")
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise _not_a_backup(path, f"{name!r} is not UTF-8 text") from None
        articles[pure.name] = data
    catalog_name = f"articles/{CATALOG_NAME}"
    catalog = _member_json(archive, catalog_name, path) if catalog_name in names else {"articles": {}}
    if not isinstance(catalog, dict) or not isinstance(catalog.get("articles"), dict):
        raise _not_a_backup(path, "its catalog is not a catalog")
    edits = _member_json(archive, "edits.json", path)
    lesson_list = _member_json(archive, "lessons.json", path)
    if not isinstance(edits, list) or not isinstance(lesson_list, list):
        raise _not_a_backup(path, "its edits or lessons are not lists")
    return _Backup(meta, articles, catalog, edits, lesson_list)


def restore_backup(
    path: Path,
    into: str | None = None,
    data_dir: Path | None = None,
    *,
    pipeline: Pipeline | None = None,
) -> RestoreReport:
    """Restore the backup at ``path`` into collection ``into`` (which must exist), or into a new
    collection named as the backed-up one; see the module docstring."""
    backup = read_backup(path)
    try:
        parsed_edits = [edit_from_json(item) for item in backup.edits]
    except ValueError as error:
        raise _not_a_backup(Path(path), f"its edits are damaged ({error})") from None
    found = backup.meta.get("collection")
    described: dict[str, Any] = found if isinstance(found, dict) else {}
    if into is not None:
        target = get_collection(into, data_dir)
    else:
        name = str(described.get("name") or Path(path).stem)
        target = create_collection(name, data_dir, seeds=described.get("sources") == "seeds")
    report = RestoreReport(target)
    _restore_articles(backup, target, report)
    store = open_store(target, pipeline=pipeline)
    try:
        imported = import_edits(store, parsed_edits)
        report.edits_added, report.edits_already = imported.added, imported.already_there
        try:
            report.lessons_added, report.lessons_already = import_lessons(store, backup.lessons)
        except ValueError as error:
            raise _not_a_backup(Path(path), f"its lessons are damaged ({error})") from None
    finally:
        store.close()
    return report


def _restore_articles(backup: _Backup, target: Collection, report: RestoreReport) -> None:
    folder = target.articles_dir
    with folder_lock(folder):
        wanted = {}
        for name, data in backup.articles.items():
            existing = folder / name
            if not existing.exists():
                wanted[name] = data
            elif existing.read_bytes() == data:
                report.articles_same.append(name)
            else:
                report.articles_kept.append(name)
        if not wanted:
            return
        catalog = read_catalog(folder)
        for name in wanted:
            entry = backup.catalog["articles"].get(name)
            if isinstance(entry, dict):
                catalog["articles"][name] = entry
        write_json_atomic(folder / CATALOG_NAME, catalog)  # entries first, as add_article does
        for name, data in wanted.items():
            write_atomic(folder / name, data)
            report.articles_added.append(name)
        fsync_folder(folder)


__all__ = ["BackupReport", "RestoreReport", "backup_collection", "read_backup", "restore_backup"]
