"""The workspace commands behind ``timeline add``, ``collection``, ``backup``, ``restore`` and ``recover``
(their arguments are defined in ``timeline.cli_workspace``, which loads this module only when one runs)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from timeline.cli_workspace import WEB_SCHEMES
from timeline.documents.errors import DocumentError
from timeline.documents.intake import UPLOAD_SUFFIXES, Draft, read_address, read_upload
from timeline.store import StoreError
from timeline.store.pipeline import article_files
from timeline.store.records import SyncReport
from timeline.workspace import (
    DEFAULT_SLUG,
    Collection,
    WorkspaceError,
    add_article,
    create_collection,
    get_collection,
    list_collections,
    open_store,
    rename_collection,
    sync_collection,
)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The workspace command ``args`` names (parsed by ``timeline.cli_workspace``)."""
    if getattr(args, "collection", "") is None:
        args.collection = DEFAULT_SLUG
    try:
        if args.command == "add":
            return _add(args, out, err)
        if args.command == "collection":
            return _collection(args, out)
        if args.command == "backup":
            return _backup(args, out, err)
        if args.command == "restore":
            return _restore(args, out, err)
        return _recover(args, out, err)
    except (WorkspaceError, StoreError, DocumentError) as error:
        print(f"timeline: {error}", file=err)
        return 1


def _items(items: list[str], err: TextIO) -> tuple[list[tuple[str, Path | None]], int]:
    """(item, path or None for an address), folders expanded to their article files; failures counted."""
    found: list[tuple[str, Path | None]] = []
    failed = 0
    for item in items:
        if item.lower().startswith(WEB_SCHEMES):
            found.append((item, None))
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(child for child in path.iterdir() if _article_file(child))
            if not files:
                print(f"timeline: {item}: the folder holds no article file", file=err)
                failed += 1
            found.extend((str(child), child) for child in files)
        elif path.exists():
            found.append((item, path))
        else:
            print(f"timeline: {item}: no such file (an address starts with http:// or https://)", file=err)
            failed += 1
    return found, failed


def _article_file(path: Path) -> bool:
    hidden = path.name.startswith(".") or path.name == "catalog.json"
    return path.is_file() and path.suffix.lower() in UPLOAD_SUFFIXES and not hidden


def _draft(item: str, path: Path | None) -> Draft:
    if path is None:
        return read_address(item)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(f"{item} cannot be read: {error.strerror or error}") from None
    return read_upload(path.name, data)


def _add(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    collection = get_collection(args.collection)
    found, failed = _items(args.items, err)
    if args.title and len(found) > 1:
        print("timeline: --title names one article; give one item, or no --title", file=err)
        return 2
    added = []
    for item, path in found:
        try:
            draft = _draft(item, path)
            result = add_article(collection, draft, title=args.title, outlet=args.outlet,
                                 published=args.published, mode=args.mode)  # fmt: skip
        except DocumentError as error:
            print(f"timeline: {error}", file=err)
            failed += 1
            continue
        if args.published is None and draft.published is None:
            print(f"timeline: {item}: no publication date found; its relative dates stay unanchored "
                  "(give --published YYYY-MM-DD)", file=err)  # fmt: skip
        note = " (already in the collection)" if result.already_there else ""
        print(f"{result.doc_id}\t{item}{note}", file=out)
        added.append(result.doc_id)
    if added and not args.no_sync:
        report = _sync(collection, err)
        for doc_id in added:
            failure = next((e for e in report.errors if e.doc_id == doc_id or e.path == doc_id), None)
            if failure is not None:
                print(f"timeline: {failure}", file=err)
                failed += 1
    return 1 if failed else 0


def _sync(collection: Collection, err: TextIO) -> SyncReport:
    store = open_store(collection)
    try:

        def progress(done: int, total: int, name: str) -> None:
            if name:
                print(f"timeline: extracting {done + 1}/{total}: {name}", file=err)

        report = sync_collection(collection, store, progress)
        for notice in report.notices:
            print(f"timeline: {notice}", file=err)
        events = len(store.events())
    finally:
        store.close()
    print(
        f"timeline: {collection.slug}: {len(report.extracted)} article(s) extracted, {events} events",
        file=err,
    )
    return report


def _collection(args: argparse.Namespace, out: TextIO) -> int:
    if args.action == "list":
        for collection in list_collections():
            folder = collection.articles_dir
            own = len(article_files(folder)) if folder.is_dir() else 0
            problem = f"\t({collection.problem})" if collection.problem else ""
            print(f"{collection.slug}\t{own}\t{collection.name}{problem}", file=out)
        return 0
    if args.action == "create":
        print(create_collection(args.name).slug, file=out)
        return 0
    renamed = rename_collection(args.slug, args.name)
    print(f"{renamed.slug}\t{renamed.name}", file=out)
    return 0


def _backup(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from timeline.workspace.backup import backup_collection

    report = backup_collection(get_collection(args.slug), args.out)
    for problem in report.problems:
        print(f"timeline: not in the backup (unreadable): {problem}", file=err)
    print(f"{report.path}\t{report.articles} article(s), {report.edits} edit(s), {report.lessons} lesson(s)",
          file=out)  # fmt: skip
    return 1 if report.problems else 0


def _restore(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from timeline.workspace.backup import restore_backup

    report = restore_backup(args.file, into=args.into)
    print(report.summary(), file=out)
    if report.articles_added and not args.no_sync:
        _sync(report.collection, err)
    return 0


def _recover(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from timeline.workspace.recover import recover_edits, restore_recovered

    collection = get_collection(args.collection)
    recovered = recover_edits(args.file)
    for problem in recovered.problems:
        print(f"timeline: {args.file}: {problem}", file=err)
    store = open_store(collection)
    try:
        imported = restore_recovered(store, recovered)
    finally:
        store.close()
    print(f"{imported.added} edit(s) restored into {collection.slug}, {imported.already_there} already there",
          file=out)  # fmt: skip
    return 1 if recovered.problems else 0
