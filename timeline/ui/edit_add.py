"""Events an editor adds by hand: free, with a source note (Timeline), or from a sentence of an article,
cited (Sources). Streamlit cannot read a text selection, so the article's sentences are offered in a
list (searchable by their words, numbered by their position in the article).

Both are ``create`` edits: the event's record is the edit's value, tagged "added by hand" when shown.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from timeline.corrections import Edit, EditError
from timeline.corrections.shown import cited_mention, manual_event
from timeline.events.sentences import Sentence, split_sentences
from timeline.model import PRECISION_ORDER, Event, Source
from timeline.ui import edit_writes, submit
from timeline.ui.components import EARLIEST, LATEST, PRECISION_LABELS, shorten
from timeline.ui.edit_structure import save_article_hidden
from timeline.ui.edit_writes import article_seen
from timeline.ui.signin import is_editor
from timeline.ui.state import AppData, DocumentInfo

FIELDS = ("title", "start", "end", "precision", "actors", "category", "planned", "note", "sentence")


def _keys(prefix: str, suffix: int) -> dict[str, str]:
    return {name: f"{prefix}_{name}:{suffix}" for name in FIELDS}


def _event_fields(keys: dict[str, str], data: AppData, *, note: bool) -> None:
    st.text_input(
        "Title", key=keys["title"], max_chars=200, placeholder="What happened, in a sentence to read aloud"
    )
    left, right = st.columns(2)
    left.date_input(
        "From", value=None, min_value=EARLIEST, max_value=LATEST, key=keys["start"], format="YYYY-MM-DD"
    )
    right.date_input(
        "To (optional)",
        value=None,
        min_value=EARLIEST,
        max_value=LATEST,
        key=keys["end"],
        format="YYYY-MM-DD",
    )
    st.selectbox(
        "Known to the",
        options=list(PRECISION_ORDER),
        format_func=lambda p: PRECISION_LABELS.get(p, p),
        key=keys["precision"],
    )
    st.multiselect(
        "Actors",
        options=list(data.actors),
        key=keys["actors"],
        accept_new_options=True,
        placeholder="Choose or type",
    )
    categories = list(dict.fromkeys([*data.categories, "other"]))
    st.selectbox(
        "Category",
        options=categories,
        index=categories.index("other"),
        key=keys["category"],
        accept_new_options=True,
    )
    st.checkbox("Planned for later (announced, not yet happened)", key=keys["planned"])
    if note:
        st.text_input(
            "Source note",
            key=keys["note"],
            max_chars=500,
            placeholder="Where it comes from: a textbook, a page…",
        )


def _event_from(
    keys: dict[str, str], *, source: Source | None = None, sentence: Sentence | None = None, doc_id: str = ""
) -> Event:
    ss = st.session_state
    start: Any = ss.get(keys["start"])
    end: Any = ss.get(keys["end"])
    return manual_event(
        str(ss.get(keys["title"]) or ""),
        start if isinstance(start, date) else None,
        end if isinstance(end, date) else None,
        str(ss.get(keys["precision"]) or "day"),
        note=str(ss.get(keys["note"]) or ""),
        actors=[str(actor) for actor in ss.get(keys["actors"]) or []],
        category=str(ss.get(keys["category"]) or "other"),
        planned=bool(ss.get(keys["planned"])),
        source=source,
        mention=cited_mention(doc_id, sentence.text, sentence.span) if sentence else None,
    )


def _save_created(event: Event, note: str, where: str) -> None:
    edit = Edit(field="create", new=event.to_json(), event_id=event.id, note=note)
    edit_writes.save([(edit, None)], f"event “{shorten(event.title, 60)}” added", where)


def _add_free(keys: dict[str, str]) -> None:
    try:
        event = _event_from(keys)
    except EditError as error:
        edit_writes.problem(str(error), "add")
        return
    _save_created(event, event.source.title or "", "add")


def manual_form(data: AppData) -> None:
    """ "Add an event by hand" (editors only): free, cited by a source note."""
    if not is_editor():
        return
    keys = _keys("add", data.last_edit)
    with st.expander("Add an event by hand", icon=":material/add:", key="add_event"):
        edit_writes.show_outcome("add")
        with st.form("add_event_form", border=False):
            _event_fields(keys, data, note=True)
            submit.form_submit(
                "Add the event", key="add_event_save", on_click=_add_free, args=(keys,), type="primary"
            )


def _sentences(doc: DocumentInfo) -> list[Sentence]:
    return [sentence for sentence in split_sentences(doc.text) if sentence.text.strip()]


def _add_cited(keys: dict[str, str], doc: DocumentInfo, sentences: list[Sentence]) -> None:
    index = st.session_state.get(keys["sentence"])
    if not isinstance(index, int) or not 0 <= index < len(sentences):
        edit_writes.problem("Choose the sentence that reports the event.", "cite")
        return
    sentence = sentences[index]
    source = Source(doc.doc_id, doc.title, doc.outlet, doc.url, doc.published)
    try:
        event = _event_from(keys, source=source, sentence=sentence, doc_id=doc.doc_id)
    except EditError as error:
        edit_writes.problem(str(error), "cite")
        return
    _save_created(event, f"from sentence {index + 1} of {doc.name}", "cite")


def article_tools(doc: DocumentInfo, data: AppData) -> None:
    """An editor's tools on Sources: hide (or show again) the whole article, add an event from it."""
    if not is_editor():
        return
    hidden = doc.doc_id in data.hidden_articles
    with st.container(key="article_tools"):
        edit_writes.show_outcome("cite")
        if hidden:
            st.caption("This article is hidden: readers see none of its events.")
        submit.button(
            "Show this article's events again" if hidden else "Hide this whole article from readers",
            key="article_hide",
            on_click=save_article_hidden,
            args=(doc.doc_id, article_seen(doc.doc_id), not hidden, "cite"),
            icon=":material/visibility:" if hidden else ":material/visibility_off:",
        )
        sentence_form(doc, data)


def sentence_form(doc: DocumentInfo, data: AppData) -> None:
    """ "Add an event from a sentence of this article" (editors only): cited, the sentence quoted."""
    if not is_editor() or not doc.text.strip():
        return
    sentences = _sentences(doc)
    if not sentences:
        return
    keys = _keys(f"cite_{doc.doc_id}", data.last_edit)
    with (
        st.expander(
            "Add an event from a sentence of this article", icon=":material/format_quote:", key="add_cited"
        ),
        st.form("add_cited_form", border=False),
    ):
        st.selectbox(
            "Sentence",
            options=list(range(len(sentences))),
            index=None,
            format_func=lambda index: f"{index + 1}. {shorten(' '.join(sentences[index].text.split()), 120)}",
            key=keys["sentence"],
            placeholder="Type words of the sentence, or its number…",
        )
        _event_fields(keys, data, note=False)
        submit.form_submit(
            "Add the event",
            key="add_cited_save",
            on_click=_add_cited,
            args=(keys, doc, sentences),
            type="primary",
        )
