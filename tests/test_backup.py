"""Backups: a collection's articles, edits and lessons in one zip, restored into a new collection or the
same one without duplicates; foreign or damaged files refused with a clear message; edits recovered
from a store that was set aside as damaged."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from workspace_support import PIPELINE

from timeline.corrections import Edit, anchor_of
from timeline.documents.intake import Draft
from timeline.store import EventStore
from timeline.store.edits_store import Saved, corrected_events, edits, save_edit, stored_edits, undo
from timeline.store.lessons_store import add_slide, create_lesson, lessons
from timeline.workspace import (
    WorkspaceError,
    add_article,
    create_collection,
    get_collection,
    list_collections,
    open_store,
    sync_collection,
)
from timeline.workspace.backup import backup_collection, restore_backup
from timeline.workspace.recover import recover_edits, restore_recovered, set_aside_stores

ARTICLE = "Talks opened in Geneva on 2020-01-03. A rocket hit the base on 2020-01-08, officials said."


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(seeds))
    return tmp_path / "data"


def titles(store: EventStore) -> dict[str, str]:
    return {str(event.start): event.title for event in corrected_events(store).events}


def edited_collection(data_dir: Path) -> tuple[Any, EventStore]:
    war = create_collection("The 2020 crisis", data_dir)
    add_article(war, Draft("a", ARTICLE), title="Crisis")
    store = open_store(war, pipeline=PIPELINE)
    sync_collection(war, store)
    talks, strike = sorted(store.events(), key=lambda event: str(event.start))
    first = save_edit(store, Edit("title", "Geneva talks", talks.id, anchor_of(talks), author="ana"), None)
    assert isinstance(first, Saved)
    again = save_edit(
        store, Edit("title", "Talks (wrong)", talks.id, anchor_of(talks), author="ana"), first.edit.id
    )
    assert isinstance(again, Saved)
    undo(store, again.edit.id or 0, "ana")
    save_edit(store, Edit("actors", ["Iran"], strike.id, anchor_of(strike), author="bo"), None)
    lesson = create_lesson(store, "Week 1")
    add_slide(store, lesson.slug, strike, "Open with this")
    return war, store


def test_a_backup_restores_into_a_new_collection_then_adds_nothing_twice(
    data_dir: Path, tmp_path: Path
) -> None:
    war, store = edited_collection(data_dir)
    before = titles(store)
    assert before["2020-01-03"] == "Geneva talks"
    report = backup_collection(war, tmp_path / "out" / "war.zip", store)
    assert (report.articles, report.edits, report.lessons) == (1, 4, 1)
    with zipfile.ZipFile(report.path) as archive:
        assert sorted(archive.namelist())[:3] == [
            "articles/catalog.json",
            archive.namelist()[1],
            "collection.json",
        ]
        assert {"edits.json", "lessons.json"} <= set(archive.namelist())

    restored = restore_backup(report.path, data_dir=data_dir, pipeline=PIPELINE)
    assert restored.collection.slug == "the-2020-crisis-2" and restored.collection.name == "The 2020 crisis"
    assert (len(restored.articles_added), restored.edits_added, restored.lessons_added) == (1, 4, 1)
    copy = open_store(restored.collection, pipeline=PIPELINE)
    sync_collection(restored.collection, copy)
    assert titles(copy) == before  # the undo still cancels the right edit after renumbering
    assert [e.actors for e in corrected_events(copy).events if str(e.start) == "2020-01-08"] == [("Iran",)]
    assert [(lesson.title, len(lesson.slides), lesson.slides[0].note) for lesson in lessons(copy)] == [
        ("Week 1", 1, "Open with this")
    ]
    assert {key for key, _ in stored_edits(copy)[0]} == {key for key, _ in stored_edits(store)[0]}

    again = restore_backup(report.path, into=restored.collection.slug, data_dir=data_dir, pipeline=PIPELINE)
    assert (again.articles_added, again.edits_added, again.lessons_added) == ([], 0, 0)
    assert (len(again.articles_same), again.edits_already, again.lessons_already) == (1, 4, 1)
    assert len(edits(copy)) == 4 and "already there" in again.summary()


def test_restoring_into_the_same_collection_appends_only_the_missing_edits(
    data_dir: Path, tmp_path: Path
) -> None:
    war, store = edited_collection(data_dir)
    backup = backup_collection(war, tmp_path / "war.zip", store).path
    fresh = create_collection("Fresh", data_dir)
    restore_backup(backup, into=fresh.slug, data_dir=data_dir, pipeline=PIPELINE)
    talks = next(e for e in store.events() if str(e.start) == "2020-01-03")
    save_edit(store, Edit("category", "diplomacy", talks.id, anchor_of(talks)), None)  # made after the backup
    result = restore_backup(backup, into=war.slug, data_dir=data_dir, pipeline=PIPELINE)
    assert (result.edits_added, result.edits_already) == (0, 4)
    assert len(edits(store)) == 5


def test_an_article_changed_since_the_backup_is_kept_and_reported(data_dir: Path, tmp_path: Path) -> None:
    war, store = edited_collection(data_dir)
    backup = backup_collection(war, tmp_path / "war.zip", store).path
    [article] = list(war.articles_dir.glob("*.txt"))
    article.write_text(ARTICLE + " More news on 2020-02-01.", encoding="utf-8")
    result = restore_backup(backup, into=war.slug, data_dir=data_dir, pipeline=PIPELINE)
    assert result.articles_kept == [article.name] and "own version" in result.summary()
    assert article.read_text(encoding="utf-8").endswith("2020-02-01.")


def zip_with(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


GOOD_META = '{"format": "timeline-backup/1", "collection": {"name": "X"}}'


@pytest.mark.parametrize(
    ("members", "message"),
    [
        (None, "not a zip file"),
        ({"hello.txt": "hi"}, "no collection.json"),
        ({"collection.json": '{"format": "other/2"}'}, "its format is 'other/2'"),
        ({"collection.json": "{broken"}, "collection.json is damaged"),
        (
            {"collection.json": GOOD_META, "edits.json": "[]", "lessons.json": "[]", "../evil.txt": "x"},
            "unexpected file '../evil.txt'",
        ),
        (
            {"collection.json": GOOD_META, "edits.json": "[]", "lessons.json": "[]", "articles/run.exe": "x"},
            "is not an article file",
        ),
        (
            {
                "collection.json": GOOD_META,
                "edits.json": "[]",
                "lessons.json": "[]",
                "articles/a.txt": b"\xff\xfe\x00",
            },
            "is not UTF-8",
        ),
        ({"collection.json": GOOD_META, "lessons.json": "[]"}, "has no edits.json"),
        (
            {"collection.json": GOOD_META, "edits.json": '[{"field": "title"}]', "lessons.json": "[]"},
            "edits are damaged",
        ),
    ],
    ids=[
        "not-zip",
        "foreign",
        "format",
        "damaged-meta",
        "unsafe-name",
        "not-article",
        "encoding",
        "no-edits",
        "bad-edit",
    ],
)
def test_a_file_that_is_not_a_backup_is_refused_and_nothing_is_created(
    data_dir: Path, tmp_path: Path, members: dict[str, str | bytes] | None, message: str
) -> None:
    path = tmp_path / "upload.zip"
    if members is None:
        path.write_bytes(b"PK\x03\x04 this is not really a zip")
    else:
        zip_with(path, members)
    with pytest.raises(WorkspaceError, match=message) as caught:
        restore_backup(path, data_dir=data_dir, pipeline=PIPELINE)
    assert "upload.zip is not a timeline backup" in str(caught.value) and "Nothing was restored" in str(
        caught.value
    )
    assert [c.slug for c in list_collections(data_dir)] == ["default"]


def test_a_missing_file_or_collection_is_named(data_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="There is no backup file"):
        restore_backup(tmp_path / "nope.zip", data_dir=data_dir)
    war, store = edited_collection(data_dir)
    backup = backup_collection(war, tmp_path / "war.zip", store).path
    with pytest.raises(WorkspaceError, match="no collection 'elsewhere'"):
        restore_backup(backup, into="elsewhere", data_dir=data_dir)
    assert get_collection(war.slug, data_dir).name == "The 2020 crisis"


def test_edits_are_recovered_from_a_set_aside_store_and_restored_once(data_dir: Path, tmp_path: Path) -> None:
    _war, store = edited_collection(data_dir)
    holder = sqlite3.connect(store.path)  # kept open: the last commits stay in the -wal journal
    try:
        holder.execute("SELECT COUNT(*) FROM edits").fetchone()
        strike = next(e for e in store.events() if str(e.start) == "2020-01-08")
        save_edit(store, Edit("planned", True, strike.id, anchor_of(strike)), None)
        assert Path(str(store.path) + "-wal").stat().st_size > 0
        set_aside = tmp_path / "timeline.sqlite3.corrupt"
        shutil.copyfile(store.path, set_aside)
        shutil.copyfile(str(store.path) + "-wal", str(set_aside) + "-wal")
    finally:
        holder.close()
    before = set_aside.read_bytes()
    assert set_aside_stores(tmp_path / "timeline.sqlite3") == [set_aside]  # not its -wal
    recovered = recover_edits(set_aside)
    assert recovered.problems == [] and len(recovered.edits) == 5
    assert set_aside.read_bytes() == before  # the set-aside file is never changed
    fresh = EventStore(tmp_path / "new" / "timeline.sqlite3", pipeline=PIPELINE)
    assert restore_recovered(fresh, recovered).added == 5
    assert restore_recovered(fresh, recovered).added == 0
    assert [e.field for e in edits(fresh)] == ["title", "title", "undo", "actors", "planned"]


def test_a_damaged_page_costs_only_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "timeline.sqlite3"
    store = EventStore(path, pipeline=PIPELINE)
    for number in range(300):
        save_edit(store, Edit("title", f"Title {number}", f"ev-{number}", note="n" * 900), None)
    store.close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        try:
            leaves = [row[0] for row in connection.execute(
                "SELECT pageno FROM dbstat WHERE name = 'edits' AND pagetype = 'leaf' ORDER BY pageno"
            )]  # fmt: skip
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table to find a page of the edits table")
    data = bytearray(path.read_bytes())
    victim = (leaves[len(leaves) // 2] - 1) * page_size  # one leaf page of the edits table
    data[victim + 8 : victim + page_size] = b"\x07" * (page_size - 8)
    set_aside = tmp_path / "timeline.sqlite3.corrupt"
    set_aside.write_bytes(bytes(data))
    recovered = recover_edits(set_aside)
    assert 250 <= len(recovered.edits) < 300
    assert len(recovered.problems) == 300 - len(recovered.edits), "each lost row is reported"
    assert all(edit.new.startswith("Title ") for edit in recovered.edits)


def test_a_file_that_is_not_a_database_recovers_nothing_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "timeline.sqlite3.corrupt"
    path.write_bytes(b"garbage" * 100)
    recovered = recover_edits(path)
    assert recovered.edits == [] and "is not a SQLite database" in recovered.problems[0]


def test_a_backup_of_the_seed_collection_restores_into_one_that_reads_the_seeds(
    data_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "seeds" / "seed.txt").write_text("The envoy arrived on 2001-02-03.", encoding="utf-8")
    default = get_collection("default", data_dir)
    store = open_store(default, pipeline=PIPELINE)
    sync_collection(default, store)
    [event] = store.events()
    save_edit(store, Edit("title", "Envoy arrives", event.id, anchor_of(event)), None)
    report = backup_collection(default, tmp_path / "seeds.zip", store)
    assert report.articles == 0  # the seeds come with the app: not copied
    restored = restore_backup(report.path, data_dir=data_dir, pipeline=PIPELINE)
    assert (
        restored.collection.slug == "seed-articles" and restored.collection.sources_dir == tmp_path / "seeds"
    )
    copy = open_store(restored.collection, pipeline=PIPELINE)
    sync_collection(restored.collection, copy)
    assert titles(copy) == {"2001-02-03": "Envoy arrives"}


def test_a_schema_1_edit_has_one_uuid_whether_migrated_or_recovered(tmp_path: Path) -> None:
    from test_store_edits import SCHEMA_1

    old = tmp_path / "old.sqlite3"
    with closing(sqlite3.connect(old)) as connection:
        connection.executescript(SCHEMA_1)
    recovered = recover_edits(old)
    assert recovered.problems == [] and [e.new for e in recovered.edits] == [
        "Talks open",
        ["Iran"],
        True,
        "1991",
    ]
    migrated = tmp_path / "timeline.sqlite3"
    shutil.copyfile(old, migrated)
    store = EventStore(migrated, pipeline=PIPELINE)
    assert [key for key, _ in stored_edits(store)[0]] == [key for key, _ in recovered.items]
    assert restore_recovered(store, recovered).added == 0  # already there: never doubled
