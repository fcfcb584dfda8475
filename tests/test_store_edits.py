"""Teachers' edits in the store: each kind saved, read back and applied; conflicts between two stores;
undo and history; edits surviving a rewritten article and a new extractor; orphans placed or dropped;
the schema-1 migration; lessons; a writer killed (``kill -9``) in the middle of a save loop."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from workspace_support import PIPELINE

import timeline.store.folder_sync as folder_sync
from timeline.corrections import Anchor, Edit, EditError, anchor_of
from timeline.model import Event, Source
from timeline.store import DATABASE_NAME, EventStore, StoreError
from timeline.store.edits_store import (
    Conflict,
    Saved,
    corrected_events,
    drop_orphan,
    edits,
    history,
    latest_seen,
    orphans,
    place_orphan,
    save_edit,
    stored_edits,
    undo,
)

ALPHA = (
    "Talks opened in Geneva on 2020-01-03. "
    "A rocket hit the base on 2020-01-08, officials said. "
    "The parliament voted on 2021-03-01."
)
BETA = "Reports confirmed the strike on 2020-01-08. The envoy arrived on 2020-02-10."


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (folder / "beta.txt").write_text(BETA, encoding="utf-8")
    return folder


@pytest.fixture
def store(tmp_path: Path, sources: Path) -> EventStore:
    opened = EventStore(tmp_path / "data" / DATABASE_NAME, pipeline=PIPELINE)
    opened.sync(sources)
    return opened


def by_day(store: EventStore, day: str) -> Event:
    shown = [event for event in corrected_events(store).events if str(event.start) == day]
    assert len(shown) == 1, shown
    return shown[0]


def edit_on(event: Event, field: str, new: Any, **extra: Any) -> Edit:
    return Edit(field=field, new=new, event_id=event.id, anchor=anchor_of(event), author="ana", **extra)  # type: ignore[arg-type]


def saved(result: Saved | Conflict) -> Edit:
    assert isinstance(result, Saved), result
    return result.edit


# Each kind of edit, beside what the corrected event shows afterwards.
FIELD_EDITS: list[tuple[str, Any, Any]] = [
    ("title", "  Rocket   strike on the base ", lambda e: e.title == "Rocket strike on the base"),
    ("start", "2020-01-07", lambda e: e.start == date(2020, 1, 7) and e.end == date(2020, 1, 7)),
    ("end", "2020-01-09", lambda e: e.start == date(2020, 1, 8) and e.end == date(2020, 1, 9)),
    ("precision", "month", lambda e: e.precision == "month" and "2020" in e.display_date),
    ("actors", ["Iran", "United States", "iran", " "], lambda e: e.actors == ("Iran", "United States")),
    ("category", "Military", lambda e: e.category == "military"),
    ("planned", True, lambda e: e.planned is True),
    ("hidden", True, lambda e: "hidden" in e.tags),
]


@pytest.mark.parametrize(("field", "value", "check"), FIELD_EDITS, ids=[row[0] for row in FIELD_EDITS])
def test_each_field_edit_is_saved_read_back_and_applied(
    store: EventStore, tmp_path: Path, field: str, value: Any, check: Any
) -> None:
    event = by_day(store, "2020-01-08")
    stored = saved(save_edit(store, edit_on(event, field, value, old="seen"), seen=None))
    assert stored.id and stored.created_at and stored.author == "ana"
    again = EventStore(store.path, pipeline=PIPELINE)  # another connection reads it back
    [read] = edits(again)
    assert read == stored and read.old == "seen"
    shown = by_day(again, "2020-01-07" if field == "start" else "2020-01-08")
    assert check(shown), shown
    assert "edited" in shown.tags and f"edited:{field}" in shown.tags


def test_hide_article_create_merge_and_split(store: EventStore) -> None:
    strike = by_day(store, "2020-01-08")  # reported by alpha and beta: merged
    talks = by_day(store, "2020-01-03")
    alpha = Anchor("alpha.txt", "", "")
    saved(save_edit(store, Edit(field="hide_article", new=True, anchor=alpha, author="ana"), seen=None))
    corrected = corrected_events(store)
    assert corrected.hidden_articles == {"alpha.txt"}
    assert "hidden" in by_day(store, "2020-01-03").tags and "hidden" not in by_day(store, "2020-01-08").tags

    manual = Event(
        "manual-1", date(1980, 9, 22), date(1980, 9, 22), "day", "1980-09-22", "22 September 1980",
        "Iraq invades Iran", "", (), (Source("note", "Teacher's note", None, None, None),),
    )  # fmt: skip
    saved(
        save_edit(store, Edit(field="create", new=manual.to_json(), author="ana", note="textbook"), seen=None)
    )
    added = by_day(store, "1980-09-22")
    assert "added by hand" in added.tags and added.title == "Iraq invades Iran"

    parts = strike.mentions
    assert len(parts) == 2
    from timeline.corrections import mention_anchor

    saved(
        save_edit(store, edit_on(strike, "split", {"anchor": mention_anchor(parts[1]).to_json()}), seen=None)
    )
    on_day = [e for e in corrected_events(store).events if str(e.start) == "2020-01-08"]
    assert sorted(len(e.mentions) for e in on_day) == [1, 1]

    merge = {"event_id": talks.id, "anchor": anchor_of(talks).to_json()}  # type: ignore[union-attr]
    saved(save_edit(store, edit_on(by_day(store, "2021-03-01"), "merge", merge), seen=None))
    assert not [e for e in corrected_events(store).events if str(e.start) == "2020-01-03"]
    assert len(by_day(store, "2021-03-01").mentions) == 2


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("title", "   ", "cannot be empty"),
        ("start", "8 January", "is not a date"),
        ("precision", "fortnight", "is not a precision"),
        ("planned", "yes", "yes or no"),
        ("colour", "red", "not a field"),
        ("undo", "the last one", "not the number"),
        ("merge", "ev-1", "needs its details"),
    ],
)
def test_a_bad_value_is_refused_with_its_reason_and_nothing_is_written(
    store: EventStore, field: str, value: Any, reason: str
) -> None:
    event = by_day(store, "2020-01-08")
    with pytest.raises(EditError, match=reason):
        save_edit(store, edit_on(event, field, value), seen=None)
    assert edits(store) == []


def test_two_stores_saving_one_field_conflict_and_the_second_sees_both_values(
    store: EventStore, tmp_path: Path
) -> None:
    mine = EventStore(store.path, pipeline=PIPELINE)
    theirs = EventStore(store.path, pipeline=PIPELINE)
    event = by_day(mine, "2020-01-08")
    seen_mine = latest_seen(mine, event, "title")
    seen_theirs = latest_seen(theirs, event, "title")
    assert seen_mine is None and seen_theirs is None
    first = saved(save_edit(theirs, edit_on(event, "title", "Their title", old=event.title), seen_theirs))
    result = save_edit(mine, edit_on(event, "title", "My title", old=event.title), seen_mine)
    assert isinstance(result, Conflict)
    assert result.theirs == first and result.yours.new == "My title"
    assert [edit.new for edit in edits(store)] == ["Their title"]  # nothing written by the loser
    assert by_day(mine, "2020-01-08").title == "Their title"
    # Another field of the same event is no conflict; choosing mine after seeing theirs is saved.
    saved(save_edit(mine, edit_on(event, "category", "military"), latest_seen(mine, event, "category")))
    chosen = saved(save_edit(mine, result.yours, seen=result.theirs.id))
    assert by_day(theirs, "2020-01-08").title == "My title" and chosen.id


def test_an_undo_by_someone_else_is_a_conflict_too(store: EventStore) -> None:
    event = by_day(store, "2020-01-08")
    first = saved(save_edit(store, edit_on(event, "title", "A"), None))
    seen = latest_seen(store, event, "title")
    undo(store, first.id or 0, "bo")
    assert isinstance(save_edit(store, edit_on(event, "title", "B"), seen), Conflict)


def test_saving_the_same_uuid_twice_stores_it_once(store: EventStore) -> None:
    event = by_day(store, "2020-01-08")
    one = save_edit(store, edit_on(event, "title", "A"), None, uuid="form-42")
    two = save_edit(store, edit_on(event, "title", "A"), None, uuid="form-42")
    assert isinstance(one, Saved) and isinstance(two, Saved) and one.edit == two.edit
    assert len(edits(store)) == 1


def test_undo_restores_the_earlier_value_and_history_shows_every_step(store: EventStore) -> None:
    event = by_day(store, "2020-01-08")
    original = event.title
    first = saved(save_edit(store, edit_on(event, "title", "First", old=original), None))
    second = saved(save_edit(store, edit_on(event, "title", "Second", old="First"), first.id))
    assert by_day(store, "2020-01-08").title == "Second"
    cancel = undo(store, second.id or 0, "bo")
    assert by_day(store, "2020-01-08").title == "First"
    undo(store, first.id or 0, "bo")
    assert by_day(store, "2020-01-08").title == original
    with pytest.raises(EditError, match="already undone"):
        undo(store, first.id or 0, "bo")
    with pytest.raises(EditError, match="itself an undo"):
        undo(store, cancel.edit.id or 0, "bo")
    with pytest.raises(EditError, match="no change #999"):
        undo(store, 999, "bo")
    steps = history(store, event.id, anchor_of(event))
    assert [(step.edit.field, step.undone_by is not None) for step in steps] == [
        ("title", True), ("title", True), ("undo", False), ("undo", False),
    ]  # fmt: skip
    assert not any(step.active for step in steps)
    assert history(store, by_day(store, "2020-01-03").id) == []


def test_edits_are_never_updated_or_deleted(store: EventStore) -> None:
    event = by_day(store, "2020-01-08")
    saved(save_edit(store, edit_on(event, "title", "A"), None))
    with closing(sqlite3.connect(store.path)) as connection:
        for sql in ("UPDATE edits SET new = '\"B\"'", "DELETE FROM edits"):
            with pytest.raises(sqlite3.IntegrityError, match="never"):
                connection.execute(sql)
    assert [edit.new for edit in edits(store)] == ["A"]


def rewrite_alpha(sources: Path) -> None:
    """The owner rewrites the article around the sentence: new text before it, the sentence kept."""
    (sources / "alpha.txt").write_text(
        "An introduction added later, with more words. Talks opened in Geneva on 2020-01-03. "
        "Meanwhile something else happened. "
        "A rocket hit the base on 2020-01-08, officials said.",
        encoding="utf-8",
    )


def test_an_edit_survives_a_rewritten_article(store: EventStore, sources: Path) -> None:
    talks = by_day(store, "2020-01-03")
    saved(save_edit(store, edit_on(talks, "title", "Geneva talks open"), None))
    rewrite_alpha(sources)
    report = store.sync(sources)
    assert "alpha.txt" in report.extracted
    moved = by_day(store, "2020-01-03")
    assert moved.id != talks.id  # the id followed the offset...
    assert moved.title == "Geneva talks open"  # ...the edit followed the sentence
    assert orphans(store) == []


def test_an_edit_survives_a_new_extractor(
    store: EventStore, sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    strike = by_day(store, "2020-01-08")
    saved(save_edit(store, edit_on(strike, "actors", ["Iran"]), None))
    monkeypatch.setattr(folder_sync, "extractor_fingerprint", lambda: "a new extractor")
    report = store.sync(sources)
    assert sorted(report.extracted) == ["alpha.txt", "beta.txt"]
    assert by_day(store, "2020-01-08").actors == ("Iran",)


def test_an_orphaned_edit_is_listed_then_placed_or_dropped(store: EventStore, sources: Path) -> None:
    vote = by_day(store, "2021-03-01")
    talks = by_day(store, "2020-01-03")
    lost_title = saved(save_edit(store, edit_on(vote, "title", "Parliament votes"), None))
    lost_category = saved(save_edit(store, edit_on(vote, "category", "politics"), None))
    rewrite_alpha(sources)  # the vote's sentence is gone
    store.sync(sources)
    assert [edit.id for edit in orphans(store)] == [lost_title.id, lost_category.id]
    placed = place_orphan(store, lost_title.id or 0, by_day(store, "2020-02-10"), "ana")
    assert placed.edit.event_id == by_day(store, "2020-02-10").id and "placed from" in placed.edit.note
    assert by_day(store, "2020-02-10").title == "Parliament votes"
    drop_orphan(store, lost_category.id or 0, "ana")
    assert orphans(store) == []
    assert [e.field for e in edits(store)] == ["title", "category", "undo", "title", "undo"]  # all kept
    with pytest.raises(EditError, match="already undone"):
        place_orphan(store, lost_title.id or 0, talks, "ana")


def test_a_read_only_store_refuses_to_save(store: EventStore, tmp_path: Path) -> None:
    event = by_day(store, "2020-01-08")
    store._database.read_only = True  # what opening in a folder that cannot be written gives
    with pytest.raises(StoreError, match="cannot be written"):
        save_edit(store, edit_on(event, "title", "A"), None)


def test_a_damaged_edit_row_is_reported_and_the_others_still_apply(store: EventStore) -> None:
    event = by_day(store, "2020-01-08")
    saved(save_edit(store, edit_on(event, "title", "Kept"), None))
    with closing(sqlite3.connect(store.path)) as connection:
        connection.execute(
            "INSERT INTO edits(uuid, event_id, field, new, created_at) VALUES ('x', ?, 'category', '{bad', '')",
            (event.id,),
        )
        connection.commit()
    assert by_day(store, "2020-01-08").title == "Kept"
    assert any("could not be read" in notice for notice in store.notices)


SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (doc_id TEXT PRIMARY KEY, path TEXT UNIQUE, sha256 TEXT, extractor_version TEXT,
    catalog_sha256 TEXT, title TEXT, outlet TEXT, url TEXT, published TEXT, published_from TEXT,
    mode TEXT NOT NULL DEFAULT 'news', text TEXT NOT NULL DEFAULT '', warnings TEXT NOT NULL DEFAULT '[]',
    error TEXT, updated_at TEXT NOT NULL);
CREATE TABLE doc_events (doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    position INTEGER NOT NULL, event_id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (doc_id, position));
CREATE TABLE events (id TEXT PRIMARY KEY, json TEXT NOT NULL, start TEXT, "end" TEXT, precision TEXT NOT NULL,
    category TEXT NOT NULL, planned INTEGER NOT NULL DEFAULT 0, doc_ids TEXT NOT NULL DEFAULT '[]',
    title TEXT NOT NULL DEFAULT '');
CREATE TABLE mentions (event_id TEXT NOT NULL, doc_id TEXT NOT NULL, span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL, time_text TEXT NOT NULL DEFAULT '');
CREATE TABLE edits (id INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, field TEXT NOT NULL,
    value TEXT, author TEXT, created_at TEXT NOT NULL);
CREATE INDEX edits_event ON edits(event_id);
INSERT INTO meta VALUES ('schema_version', '1'), ('events_generation', '7');
INSERT INTO documents(doc_id, path, title, text, updated_at) VALUES ('alpha.txt', 'alpha.txt', 'Alpha', 'x', 'then');
INSERT INTO edits(id, event_id, field, value, author, created_at) VALUES
    (3, 'alpha.txt:26', 'title', 'Talks open', 'ana', '2025-01-01'),
    (5, 'alpha.txt:26', 'actors', '["Iran"]', 'bo', '2025-01-02'),
    (6, 'alpha.txt:26', 'planned', 'true', NULL, '2025-01-03'),
    (9, 'alpha.txt:26', 'title', '1991', 'ana', '2025-01-04');
"""


def test_a_schema_1_store_is_migrated_keeping_every_row(tmp_path: Path, sources: Path) -> None:
    path = tmp_path / DATABASE_NAME
    with closing(sqlite3.connect(path)) as connection:
        connection.executescript(SCHEMA_1)
    store = EventStore(path, pipeline=PIPELINE)
    assert store.recovered_from is None  # migrated, not set aside
    found = edits(store)
    assert [(e.id, e.field, e.new, e.author) for e in found] == [
        (3, "title", "Talks open", "ana"),
        (5, "actors", ["Iran"], "bo"),
        (6, "planned", True, ""),
        (9, "title", "1991", "ana"),
    ]
    assert store.document("alpha.txt") is not None and store.generation() == 7
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("2",)
        assert len({row[0] for row in connection.execute("SELECT uuid FROM edits")}) == 4
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    store.sync(sources)  # the migrated edits apply to the re-extracted events
    assert by_day(store, "2020-01-03").title == "1991"
    saved(save_edit(store, edit_on(by_day(store, "2020-01-03"), "title", "New"), seen=9))
    assert [e.id for e in edits(store)][-1] == 10  # ids go on after the migrated ones


def test_a_newer_schema_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    with closing(sqlite3.connect(path)) as connection:
        connection.executescript(SCHEMA_1.replace("('schema_version', '1')", "('schema_version', '3')"))
    with pytest.raises(StoreError, match="newer version"):
        EventStore(path, pipeline=PIPELINE)
    assert path.exists() and not list(tmp_path.glob("*.corrupt*"))


def test_lessons_are_created_renamed_ordered_and_played(store: EventStore, sources: Path) -> None:
    from timeline.store.lessons_store import (
        add_slide,
        create_lesson,
        delete_lesson,
        lesson,
        lesson_events,
        lessons,
        move_slide,
        remove_slide,
        rename_lesson,
        set_slide_note,
        set_span,
    )  # fmt: skip

    first = create_lesson(store, "Iran–Iraq War 1980–88")
    assert first.slug == "iran-iraq-war-1980-88" and first.slides == ()
    assert create_lesson(store, "Iran-Iraq war 1980-88").slug == "iran-iraq-war-1980-88-2"
    talks, strike, vote = (by_day(store, day) for day in ("2020-01-03", "2020-01-08", "2021-03-01"))
    add_slide(store, first.slug, strike, "Start here")
    add_slide(store, first.slug, vote)
    add_slide(store, first.slug, talks, position=0)
    move_slide(store, first.slug, 2, 0)
    set_slide_note(store, first.slug, 1, "Before the strike")
    remove_slide(store, first.slug, 2)
    set_span(store, first.slug, date(2020, 1, 1), date(2021, 12, 31))
    renamed = rename_lesson(store, first.slug, "The 2020 crisis")
    assert renamed.slug == first.slug and renamed.title == "The 2020 crisis"
    assert [(s.event_id, s.note) for s in renamed.slides] == [(vote.id, ""), (talks.id, "Before the strike")]
    assert (renamed.span_from, renamed.span_to) == (date(2020, 1, 1), date(2021, 12, 31))
    with pytest.raises(EditError, match="ends before"):
        set_span(store, first.slug, date(2021, 1, 1), date(2020, 1, 1))
    with pytest.raises(EditError, match="no slide 9"):
        remove_slide(store, first.slug, 8)
    with pytest.raises(EditError, match="needs a title"):
        rename_lesson(store, first.slug, " ")
    rewrite_alpha(sources)  # the talks' id moves, the vote's sentence is gone
    store.sync(sources)
    played = lesson_events(lesson(store, first.slug) or renamed, corrected_events(store).events)
    assert [event.title if event else None for _slide, event in played] == [None, talks.title]
    delete_lesson(store, "iran-iraq-war-1980-88-2")
    assert [item.slug for item in lessons(store)] == [first.slug]


def test_kill_9_in_a_save_loop_leaves_every_confirmed_edit_whole_and_none_twice(tmp_path: Path) -> None:
    import multiprocessing
    import os
    import signal

    from workspace_support import save_edits_forever

    path = tmp_path / DATABASE_NAME
    EventStore(path, pipeline=PIPELINE).close()
    context = multiprocessing.get_context("spawn")
    confirmed: list[str] = []
    start = 0
    for round_number in range(5):
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=save_edits_forever, args=(str(path), "w", start, sender))
        child.start()
        sender.close()
        for _ in range(5 + 3 * round_number):
            assert receiver.poll(120), "the writer stopped confirming"
            confirmed.append(receiver.recv())
        os.kill(child.pid or 0, signal.SIGKILL)  # in the middle of the next save
        child.join(60)
        while receiver.poll(0):
            try:
                confirmed.append(receiver.recv())
            except EOFError:
                break
        start = int(confirmed[-1].split("-")[1]) + 1  # the unconfirmed one is saved again
    store = EventStore(path, pipeline=PIPELINE)
    found, unreadable = stored_edits(store)
    keys = [key for key, _edit in found]
    assert unreadable == [] and len(keys) == len(set(keys))
    assert set(confirmed) <= set(keys), "a confirmed edit was lost"
    assert all(edit.new == f"Title {key}" and edit.event_id == f"ev-{key}" for key, edit in found)
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


READ_LEGACY = """
import sys
from pathlib import Path
from timeline.store import EventStore
from timeline.store.edits_store import edits
from timeline.store.lessons_store import lessons
store = EventStore(Path(sys.argv[1]))
print(store.read_only, store.schema, [(e.id, e.field, e.new) for e in edits(store)], lessons(store))
"""


def test_a_read_only_schema_1_store_is_read_as_it_is(tmp_path: Path) -> None:
    from read_only import make_read_only, run_without_write_access

    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / DATABASE_NAME
    with closing(sqlite3.connect(path)) as connection:
        connection.executescript(SCHEMA_1)
    before = path.read_bytes()
    make_read_only(folder)
    try:
        done = run_without_write_access(READ_LEGACY, [str(path)], cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "True 1 [(3, 'title', 'Talks open'), (5, 'actors', ['Iran']), (6, 'planned', True), "
        "(9, 'title', '1991')] []"
    )
    assert path.read_bytes() == before  # not migrated, not touched


def test_kill_9_during_an_extraction_keeps_the_edits_and_the_next_sync_finishes(
    store: EventStore, sources: Path
) -> None:
    import multiprocessing
    import os
    import signal

    from workspace_support import sync_reporting

    event = by_day(store, "2020-01-08")
    saved(save_edit(store, edit_on(event, "title", "Kept through the crash"), None))
    for number in range(30):
        (sources / f"extra-{number:02d}.txt").write_text(f"Item {number} on 2019-03-{number % 28 + 1:02d}.")
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=sync_reporting, args=(str(store.path), str(sources), sender))
    child.start()
    sender.close()
    for _ in range(10):  # killed while the eleventh article is being extracted and stored
        assert receiver.poll(120), "the sync did not start"
        assert receiver.recv() != "done"
    os.kill(child.pid or 0, signal.SIGKILL)
    child.join(60)
    with closing(sqlite3.connect(store.path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    reopened = EventStore(store.path, pipeline=PIPELINE)
    report = reopened.sync(sources)
    assert 20 <= len(report.extracted) <= 31 and report.errors == []
    assert len([doc for doc in reopened.documents() if doc.doc_id.startswith("extra-")]) == 30
    assert by_day(reopened, "2020-01-08").title == "Kept through the crash"
    assert [edit.new for edit in edits(reopened)] == ["Kept through the crash"]


def test_two_processes_saving_one_field_at_once_give_one_save_and_one_conflict(tmp_path: Path) -> None:
    import multiprocessing

    from workspace_support import race_saves

    path = tmp_path / DATABASE_NAME
    EventStore(path, pipeline=PIPELINE).close()
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    rounds = 20
    editors = [
        context.Process(target=race_saves, args=(str(path), name, rounds, barrier, results))
        for name in ("ana", "bo")
    ]
    for editor in editors:
        editor.start()
    outcomes = [results.get(timeout=120) for _ in range(2 * rounds)]
    for editor in editors:
        editor.join(60)
    for number in range(rounds):
        assert sorted(kind for n, _w, kind in outcomes if n == number) == ["conflict", "saved"], number
    store = EventStore(path, pipeline=PIPELINE)
    winners = {n: w for n, w, kind in outcomes if kind == "saved"}
    assert sorted((edit.event_id, edit.author) for edit in edits(store)) == sorted(
        (f"ev-{n}", w) for n, w in winners.items()
    )
