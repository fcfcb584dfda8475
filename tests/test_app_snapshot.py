"""Warm starts: the view snapshot beside the store (a restarted server reads the corrected events and
their frame back instead of rebuilding them, and never reads a copy written for another state), and the
chart's figure shared by the sessions that draw the same view."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from app_harness import chart_ids, open_app
from app_harness import synthetic_store as synthetic_store  # the fixture, re-exported for pytest
from app_support import ALL_IDS, EVENTS

from timeline.store import DATABASE_NAME, EventStore
from timeline.ui import figures, snapshot, state
from timeline.ui.snapshot import Snapshot, load_snapshot, save_snapshot, snapshot_key, snapshot_path
from timeline.view.frame import events_frame


def _snapshot() -> Snapshot:
    events = EVENTS[:3]
    return Snapshot(events, events_frame(events), (), 1, frozenset({"gazette"}))


def _restart() -> None:
    """What a new server process starts with: no store opened, no bundle built."""
    state._live_store.clear()
    state._bundle.clear()


def test_a_snapshot_reads_back_as_written(tmp_path: Path) -> None:
    database = tmp_path / DATABASE_NAME
    database.write_bytes(b"")
    key = snapshot_key(database, (4, 2), False)
    save_snapshot(database, key, False, _snapshot()).join()
    loaded = load_snapshot(database, key, False)
    assert loaded is not None
    assert loaded.events == EVENTS[:3]
    pd.testing.assert_frame_equal(loaded.frame, _snapshot().frame)
    assert (loaded.hidden, loaded.hidden_articles) == (1, frozenset({"gazette"}))
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


@pytest.mark.parametrize(
    ("edits_key", "with_hidden", "code"),
    [
        pytest.param((5, 2), False, "same", id="a new events generation"),
        pytest.param((4, 3), False, "same", id="a new edit"),
        pytest.param((4, 2), True, "same", id="hidden events shown"),
        pytest.param((4, 2), False, "upgraded", id="other code"),
    ],
)
def test_a_snapshot_of_another_state_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edits_key: tuple[int, int], with_hidden: bool, code: str
) -> None:
    database = tmp_path / DATABASE_NAME
    database.write_bytes(b"")
    monkeypatch.setattr(snapshot, "code_version", lambda: "same")
    save_snapshot(database, snapshot_key(database, (4, 2), False), False, _snapshot()).join()
    monkeypatch.setattr(snapshot, "code_version", lambda: code)
    assert load_snapshot(database, snapshot_key(database, edits_key, with_hidden), with_hidden) is None


def test_a_replaced_database_has_another_key(tmp_path: Path) -> None:
    database = tmp_path / DATABASE_NAME
    database.write_bytes(b"")
    before = snapshot_key(database, (1, 0), False)
    replacement = tmp_path / "rebuilt"
    replacement.write_bytes(b"")
    keep = tmp_path / "kept"  # (holds the old inode, so the new file cannot reuse it)
    os.replace(database, keep)
    os.replace(replacement, database)
    assert snapshot_key(database, (1, 0), False) != before


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"not a key\n", id="another key"),
        pytest.param(b"KEY\n\x80\x05 truncated", id="damaged"),
        pytest.param(b"KEY\n\x80\x05K\x01.", id="not a snapshot"),
    ],
)
def test_an_unreadable_snapshot_is_ignored(tmp_path: Path, content: bytes) -> None:
    database = tmp_path / DATABASE_NAME
    database.write_bytes(b"")
    key = snapshot_key(database, (1, 0), False)
    snapshot_path(database, False).write_bytes(content.replace(b"KEY", key.encode()))
    assert load_snapshot(database, key, False) is None


def test_a_restarted_server_draws_from_the_snapshot(
    synthetic_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writers = []
    real_save = snapshot.save_snapshot
    monkeypatch.setattr(state, "save_snapshot", lambda *args: writers.append(real_save(*args)))
    assert chart_ids(open_app()) == set(ALL_IDS)
    for writer in writers:
        writer.join()
    assert snapshot_path(synthetic_store / DATABASE_NAME, False).is_file()

    _restart()

    def unread(store: object) -> object:
        raise AssertionError("the restarted server read every event again")

    monkeypatch.setattr("timeline.store.edits_store.corrected_events", unread)
    assert chart_ids(open_app()) == set(ALL_IDS)


def test_new_events_are_read_from_the_store(synthetic_store: Path) -> None:
    open_app()
    first = EVENTS[0]
    added = replace(first, id="added-after-the-snapshot", title="A new event added after the snapshot")
    EventStore(synthetic_store / DATABASE_NAME).import_events([*EVENTS, added], [])
    _restart()
    assert chart_ids(open_app()) == set(ALL_IDS) | {added.id}


def test_a_reload_forgets_the_snapshot(synthetic_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_app()
    database = synthetic_store / DATABASE_NAME
    snapshot_path(database, False).write_bytes(b"a copy")
    monkeypatch.setattr(state, "_locations", lambda: (database, None, synthetic_store / "own"))
    state.reload_data()
    assert not snapshot_path(database, False).exists()


def test_a_second_tab_draws_the_figure_already_built(
    synthetic_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[object] = []
    real = figures._figure

    def counting(*args: object, **kwargs: object) -> object:
        built.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(figures, "_figure", counting)
    figures._shared.clear()
    first = open_app()
    second = open_app()  # another session on the same server
    assert chart_ids(first) == chart_ids(second) == set(ALL_IDS)
    assert len(built) == 1
    narrowed = open_app({"actors": "Iran"})  # another view: its own figure
    assert chart_ids(narrowed) == {event.id for event in EVENTS if "Iran" in event.actors}
    assert len(built) == 2
