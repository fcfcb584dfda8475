"""Failure states through AppTest: a broken article is named (once) and the rest still shown; an
unusable data folder gives a clear message; a damaged record is rebuilt; new and edited articles show
up on the next run; no traceback reaches the page."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

import pytest
from app_harness import (
    SOURCES_PAGE,
    TIMELINE_PAGE,
    all_text,
    chart_ids,
    markdown_text,
    open_app,
)
from app_harness import synthetic_store as synthetic_store  # the fixture, re-exported for pytest
from app_support import ALL_IDS, APP, DOCS, EVENTS
from read_only import make_read_only, run_without_write_access

from timeline.model import Document, Event
from timeline.store import DATABASE_NAME, Pipeline
from timeline.view.highlight import escape_markdown

DOCS_BY_ID = {doc.doc_id: doc for doc in DOCS}


def _load(path: Path, catalog: object) -> Document:
    if path.stem == "broken":
        raise ValueError("the bytes are not text in any known encoding")
    return DOCS_BY_ID[path.stem]


def _extract(document: Document) -> Sequence[Event]:
    return [event for event in EVENTS if any(m.doc == document.doc_id for m in event.mentions)]


def _merge(events: Sequence[Event]) -> Sequence[Event]:
    return list({event.id: event for event in events}.values())


FAKE_PIPELINE = Pipeline(
    load_catalog=lambda folder: None, load_document=_load, extract_events=_extract, merge_events=_merge
)


@pytest.fixture
def store_with_a_broken_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "wire.txt").write_text(DOCS_BY_ID["wire"].text, encoding="utf-8")
    (seeds / "broken.txt").write_bytes(b"\xff\xfe\x00garbage")
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(seeds))
    # The store's extraction seam: the app syncs the folder with these steps instead of the extractor.
    monkeypatch.setattr("timeline.store.event_store.default_pipeline", lambda: FAKE_PIPELINE)


@pytest.mark.usefixtures("store_with_a_broken_article")
@pytest.mark.parametrize("page", [None, SOURCES_PAGE])
def test_a_broken_article_is_named_and_the_others_are_shown(page: str | None) -> None:
    at = open_app(page=page)
    warnings = " ".join(str(w.value) for w in at.warning)
    assert escape_markdown("broken.txt") in warnings
    assert "not text in any known encoding" in warnings
    if page is None:
        assert chart_ids(at) == {e.id for e in _extract(DOCS_BY_ID["wire"])}


def test_an_unusable_data_folder_gives_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("this is a file, not a folder")
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(not_a_folder))
    monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(tmp_path))
    at = open_app()
    assert at.error, "a clear error is shown"
    assert "could not be opened" in all_text(at)
    assert "Traceback" not in all_text(at)


def _extract_failing_for_wire(document: Document) -> Sequence[Event]:
    if document.doc_id == "wire":
        raise RuntimeError("the tagger broke on this one")
    return _extract(document)


def test_an_article_that_fails_is_named_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It loads (so it has a title) but extraction fails: one line, by title and file name."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for doc_id in ("wire", "gazette"):
        (seeds / f"{doc_id}.txt").write_text(DOCS_BY_ID[doc_id].text, encoding="utf-8")
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(seeds))
    pipeline = dataclasses.replace(FAKE_PIPELINE, extract_events=_extract_failing_for_wire)
    monkeypatch.setattr("timeline.store.event_store.default_pipeline", lambda: pipeline)
    at = open_app()
    [warning] = [str(w.value) for w in at.warning]
    assert warning.startswith("1 article(s) could not be read")
    assert warning.count(escape_markdown("wire.txt")) == 1 and warning.count("Leaders meet in Baghdad") == 1
    assert warning.count("the tagger broke") == 1
    assert chart_ids(at) == {e.id for e in _extract(DOCS_BY_ID["gazette"])}


def test_a_damaged_event_record_is_rebuilt_and_said(
    synthetic_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("timeline.store.event_store.default_pipeline", lambda: FAKE_PIPELINE)
    with closing(sqlite3.connect(synthetic_store / DATABASE_NAME)) as connection:
        connection.execute("UPDATE events SET json = '{not json' WHERE id = 'ev-mosul'")
        connection.commit()
    at = open_app()
    assert not at.error
    assert chart_ids(at) == ALL_IDS
    assert "rebuilt from the articles" in " ".join(str(info.value) for info in at.info)


# -- new and changed articles show up -----------------------------------------------------------------

TALKS = (
    "Talks resume\n\n"
    "Iraqi and US officials met in Baghdad on March 3, 2019 to discuss the troops. "
    "The two sides signed an agreement on June 5, 2020.\n"
)


@pytest.fixture
def empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty articles folder read by the real extractor."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(seeds))
    return seeds


def test_articles_put_in_an_empty_folder_show_up_on_the_next_run(empty_folder: Path) -> None:
    at = open_app()
    assert "0 of 0 events shown" in markdown_text(at)
    at.switch_page(SOURCES_PAGE).run()
    assert "No article is loaded yet" in all_text(at)

    (empty_folder / "talks.txt").write_text(TALKS, encoding="utf-8")
    at.run()
    assert not at.exception
    assert "No article is loaded yet" not in all_text(at)
    assert escape_markdown("“March 3, 2019”") in markdown_text(at)  # the article, its dates highlighted
    at.switch_page(TIMELINE_PAGE).run()
    assert len(chart_ids(at)) >= 2
    assert "0 of 0 events" not in markdown_text(at)


def test_an_article_edited_while_the_app_runs_shows_its_new_events(empty_folder: Path) -> None:
    article = empty_folder / "talks.txt"
    article.write_text(TALKS, encoding="utf-8")
    at = open_app(page=SOURCES_PAGE)
    assert escape_markdown("“June 5, 2020”") in markdown_text(at)
    before = set(chart_ids(open_app()))

    article.write_text(TALKS.replace("June 5, 2020", "July 19, 2021"), encoding="utf-8")
    at.run()
    assert escape_markdown("“July 19, 2021”") in markdown_text(at) and escape_markdown(
        "June 5, 2020"
    ) not in markdown_text(at)
    at.switch_page(TIMELINE_PAGE).run()
    after = chart_ids(at)
    assert len(after) == len(before) and after != before  # one event replaced, none stale


READ_ONLY_APP = """
import json, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=120)
at.run()
print(json.dumps({
    "exception": [str(item.value) for item in at.exception],
    "error": [str(item.value) for item in at.error],
    "info": [str(item.value) for item in at.info],
    "charts": len(at.get("plotly_chart")),
    "markdown": [str(item.value) for item in at.markdown],
}))
"""


def test_a_read_only_data_folder_is_served_with_a_notice(synthetic_store: Path) -> None:
    make_read_only(synthetic_store)
    try:
        child = run_without_write_access(READ_ONLY_APP, [str(APP)], cwd=APP.parent)
    finally:
        synthetic_store.chmod(0o755)
    assert child.returncode == 0, child.stderr
    seen = json.loads(child.stdout)
    assert seen["exception"] == [] and seen["error"] == []
    assert seen["charts"] == 1 and any(
        f"{len(ALL_IDS)} of {len(ALL_IDS)} events" in m for m in seen["markdown"]
    )
    notice = " ".join(seen["info"])
    assert "cannot be written" in notice and "cannot be saved" in notice
