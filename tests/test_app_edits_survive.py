"""Corrections made in the app survive re-extraction, read by the real extractor (AppTest): an article
rewritten around an edited sentence keeps the edit on the event it moved to (a new id), in a lesson's
slides too; an edit whose sentence is gone is listed for an editor to place, never lost, and never
shown to a reader; a new extractor (its fingerprint changed, as after an upgrade and a restart) reads
every article again and the edits still show."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from app_harness import DATA_PAGE, PRESENT_PAGE, all_text, download, figure, open_app
from app_harness import captured_downloads as captured_downloads  # fixture, re-exported for pytest
from streamlit.testing.v1 import AppTest
from workspace_app import EDITOR, PASSWORD, ok, plain

import timeline.store.folder_sync as folder_sync
from timeline.auth import add_editor
from timeline.model import Event
from timeline.store import DATABASE_NAME, EventStore
from timeline.store.edits_store import edits
from timeline.store.lessons_store import add_slide, create_lesson
from timeline.ui import state
from timeline.ui.signin import NAME_KEY, PASSWORD_KEY, SUBMIT_KEY

ARTICLE = (
    "Ceasefire holds\n\n"
    "Iran and Iraq agreed to a ceasefire on August 20, 1988, ending eight years of war. "
    "The two governments exchanged prisoners in August 1990. "
    "Border talks opened in Geneva on October 3, 1990, diplomats said.\n"
)
REWRITTEN = (
    "Ceasefire holds\n\n"
    "This article was updated with a longer introduction, so every sentence after it has moved.\n\n"
    "Iran and Iraq agreed to a ceasefire on August 20, 1988, ending eight years of war. "
    "The two governments exchanged prisoners in August 1990.\n"
)
TITLE = "Ceasefire ends the Iran-Iraq War"
ACTORS = ["Iran", "Iraq", "United Nations"]


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """One article in the seeds folder, read by the real extractor; an editor's account."""
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    seeds.mkdir()
    data.mkdir()
    path = seeds / "ceasefire.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(data))
    monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("TIMELINE_SECRETS_FILE", str(tmp_path / "secrets.toml"))
    (tmp_path / "secrets.toml").write_text('[auth]\ncookie_key = "' + "k" * 40 + '"\n', encoding="utf-8")
    add_editor(EDITOR, PASSWORD, data / "editors.yaml", rounds=4)
    return path


def _store(article: Path) -> EventStore:
    return EventStore(article.parents[1] / "data" / DATABASE_NAME)


def _event(article: Path, words: str) -> Event:
    """The stored (extracted) event whose sentence holds ``words``."""
    store = _store(article)
    try:
        (found,) = [event for event in store.events() if words in event.sentence]
        return found
    finally:
        store.close()


def _signed_in(params: dict[str, str]) -> AppTest:
    at = open_app(params)
    at.text_input(key=NAME_KEY).input(EDITOR)
    at.text_input(key=PASSWORD_KEY).input(PASSWORD)
    ok(at.button(key=SUBMIT_KEY).click().run())
    assert "Signed in as" in all_text(at)
    return at


def _keyed(at: AppTest, kind: str, prefix: str) -> Any:
    (widget,) = [w for w in at.get(kind) if str(getattr(w, "key", "") or "").startswith(prefix)]
    return widget


def _hover(at: AppTest, event_id: str) -> str:
    hovers = [
        str(row[1])
        for trace in figure(at)["data"]
        if trace.get("name") != "Selected"
        for row in trace.get("customdata") or []
        if str(row[0]) == event_id
    ]
    assert hovers, f"{event_id} is on the chart"
    return hovers[0]


def _reader_sees(article: Path, files: dict[str, bytes]) -> dict[str, dict[str, str]]:
    """The reader's CSV download by event id, after checking the chart shows the edited title."""
    timeline = open_app()  # syncs the folder first
    ceasefire = _event(article, "ceasefire")
    assert _hover(timeline, ceasefire.id).startswith(f"<b>{TITLE}</b>")
    data = open_app(page=DATA_PAGE)
    assert "Changes to place" not in all_text(data), "a reader is not shown the edits to place"
    rows = csv.DictReader(io.StringIO(download(data, "dl_csv", files).decode("utf-8-sig")))
    return {row["id"]: row for row in rows}


def _edits_to_place(at: AppTest) -> str:
    ok(at.switch_page(DATA_PAGE).run())
    return plain(all_text(at))


def test_edits_follow_their_sentence_through_a_rewrite_and_a_new_extractor(
    article: Path, captured_downloads: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    open_app()  # the first view reads the article
    ceasefire, talks = _event(article, "ceasefire"), _event(article, "Geneva")
    editor = _signed_in({"sel": ceasefire.id})
    _keyed(editor, "text_input", "edit_title:").input(TITLE)
    ok(editor.button(key="edit_title_save").click().run())
    ok(editor.selectbox(key="pick").set_value(talks.id).run())
    assert list(talks.actors) != ACTORS
    _keyed(editor, "multiselect", "edit_actors:").set_value(ACTORS)
    ok(editor.button(key="edit_details_save").click().run())
    store = _store(article)
    assert [edit.field for edit in edits(store)] == ["title", "actors"]
    lesson = create_lesson(store, "After the war")
    add_slide(store, lesson.slug, talks, note="Where the border was talked over")
    add_slide(store, lesson.slug, ceasefire, note="The day the guns fell silent")
    store.close()

    # The article is rewritten: the ceasefire's sentence moves (a new id), the talks' sentence is gone.
    article.write_text(REWRITTEN, encoding="utf-8")
    rows = _reader_sees(article, captured_downloads)
    moved = _event(article, "ceasefire")
    assert moved.id != ceasefire.id, "the id followed the sentence's offset"
    assert (rows[moved.id]["title"], rows[moved.id]["edited"]) == (TITLE, "title")
    assert not [event for event in rows.values() if "Geneva" in event["sentence"]]
    shown = _edits_to_place(editor)
    assert "Changes to place (1)" in shown, shown
    assert f"actors: {', '.join(talks.actors) or '—'} → {', '.join(ACTORS)}" in shown
    # The lesson's link still plays the moved event, corrected; the slide whose sentence is gone is said.
    title_slide = open_app({"lesson": lesson.slug}, page=PRESENT_PAGE)
    assert "1 slide(s) left out" in plain(all_text(title_slide))
    slide = plain(all_text(open_app({"lesson": lesson.slug, "slide": "1"}, page=PRESENT_PAGE)))
    assert f"# {TITLE}" in slide.splitlines() and "edited by hand: title" in slide
    assert "The day the guns fell silent" in slide

    # A new extractor, as after an upgrade and a restart: every article is read again, nothing is lost.
    monkeypatch.setattr(folder_sync, "extractor_fingerprint", lambda: "a new extractor")
    state._live_store.clear()
    state._bundle.clear()
    bars: list[str] = []
    progress = st.progress

    def recording(value: float, text: str | None = None, **kwargs: object) -> object:
        bars.append(str(text))
        return progress(value, text=text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(st, "progress", recording)
    rows = _reader_sees(article, captured_downloads)
    assert any("ceasefire.txt" in plain(bar) for bar in bars), bars  # the article was read again
    again = _event(article, "ceasefire")
    assert (rows[again.id]["title"], rows[again.id]["edited"]) == (TITLE, "title")
    editor = _signed_in({})
    shown = _edits_to_place(editor)
    assert "Changes to place (1)" in shown, "the orphan is still listed after the new extractor"
