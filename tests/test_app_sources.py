"""The Sources page through AppTest: each article with metadata and text, every cited date expression
highlighted and linked to its event, undated articles flagged, article HTML shown as text."""

from __future__ import annotations

import re

import pytest
from app_harness import SOURCES_PAGE, all_text, markdown_text, open_app
from app_harness import synthetic_store as synthetic_store  # the fixture, re-exported for pytest
from app_support import DOCS, EVENTS

from timeline.view.highlight import escape_markdown

pytestmark = pytest.mark.usefixtures("synthetic_store")


def _cited(doc_id: str) -> dict[str, list[str]]:
    """time expression -> ids of the events citing it in ``doc_id``."""
    cited: dict[str, list[str]] = {}
    for event in EVENTS:
        for mention in event.mentions:
            if mention.doc == doc_id:
                cited.setdefault(mention.time_text, []).append(event.id)
    return cited


@pytest.mark.parametrize("doc", DOCS, ids=[doc.doc_id for doc in DOCS])
def test_an_article_shows_every_cited_date_highlighted_and_linked(doc: object) -> None:
    doc_id = doc.doc_id  # type: ignore[attr-defined]
    at = open_app({"doc": doc_id}, page=SOURCES_PAGE)
    text = markdown_text(at)
    cited = _cited(doc_id)
    assert cited, "the synthetic data cites every article"
    for time_text in cited:
        assert f":orange-background[**{escape_markdown(time_text)}**]" in text
    link_targets = {link.proto.query_string for link in at.get("page_link")}
    for event_ids in cited.values():
        for event_id in event_ids:
            assert any(f"sel={event_id}" in target for target in link_targets), event_id
    assert at.query_params["doc"] in (doc_id, [doc_id])


def test_the_article_list_flags_articles_without_a_publication_date() -> None:
    at = open_app({"doc": "blog"}, page=SOURCES_PAGE)
    assert "no publication date" in all_text(at)
    assert any("no publication date" in str(w.value) for w in at.warning)
    at = open_app({"doc": "wire"}, page=SOURCES_PAGE)
    assert not any("no publication date" in str(w.value) for w in at.warning)
    assert "2019\\-02\\-03" in markdown_text(at)


def test_choosing_another_article_updates_the_url() -> None:
    at = open_app({"doc": "wire"}, page=SOURCES_PAGE)
    at.selectbox(key="doc_pick").select("gazette").run()
    assert at.query_params["doc"] in ("gazette", ["gazette"])
    assert escape_markdown("The strategic dialogue resumed on") in markdown_text(at)


def test_article_html_is_text() -> None:
    at = open_app({"doc": "blog"}, page=SOURCES_PAGE)
    text = markdown_text(at)
    assert "\\<img src\\=x onerror\\=" in text
    assert "\\<script\\>" in text
    assert not re.search(r"(?<!\\)<(script|img|b|i)\b", text)
    assert not at.get("html") or all("<script" not in str(h.proto) for h in at.get("html"))


def test_an_unknown_doc_in_a_link_falls_back_to_the_first_article() -> None:
    at = open_app({"doc": "nope"}, page=SOURCES_PAGE)
    chosen = at.selectbox(key="doc_pick").value
    assert chosen in {doc.doc_id for doc in DOCS}
    assert at.query_params["doc"] in (chosen, [chosen]), "the URL names the article shown"


def test_a_new_article_file_appears_after_checking_the_folder_again() -> None:
    import os
    from pathlib import Path

    seeds = Path(os.environ["TIMELINE_SEEDS_DIR"])
    at = open_app(page=SOURCES_PAGE)
    before = len(at.selectbox(key="doc_pick").options)
    (seeds / "added.txt").write_text(
        "An article added while the app runs. Nothing dated here.", encoding="utf-8"
    )
    at.button(key="reload_articles").click().run()
    assert len(at.selectbox(key="doc_pick").options) == before + 1


def test_coming_from_an_event_marks_its_date_in_the_article() -> None:
    at = open_app({"doc": "wire", "sel": "ev-mosul"}, page=SOURCES_PAGE)
    text = markdown_text(at)
    assert ":blue-background[**2014**]" in text
    assert ":orange-background[**Sunday**]" in text, "the others keep the usual highlight"
    assert "selected event" in text
