"""Failure states through AppTest: a broken article is named and the rest still shown; an unusable
data folder gives a clear message; no traceback reaches the page."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from app_harness import SOURCES_PAGE, all_text, chart_ids, open_app
from app_support import DOCS, EVENTS

from timeline.highlight import escape_markdown
from timeline.model import Document, Event
from timeline.store import Pipeline

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
