"""The Add articles page through AppTest: upload, paste and a web address (served by a local server)
make events appear; bad input of every kind gets a clear message naming it and disturbs nothing else;
a reader sees no control, and a forged request adds nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from app_harness import TIMELINE_PAGE, all_text, chart_ids, open_app
from app_harness import synthetic_store as synthetic_store  # fixture, re-exported for pytest
from intake_fixtures import encrypted, serve, text_pdf
from streamlit.runtime.uploaded_file_manager import UploadedFile
from streamlit.testing.v1 import AppTest
from workspace_app import ADD_PAGE, button_keys, errors, ok, signed_in, successes, text, warnings
from workspace_app import editors as editors  # fixture, re-exported for pytest

from timeline.documents import web as web_module
from timeline.documents.intake import read_pasted
from timeline.store import EventStore
from timeline.ui.add_page import (
    ADD_KEY,
    CONFIRM_KEY,
    FETCH_KEY,
    PASTE_KEY,
    PENDING_KEY,
    READ_FILES_KEY,
    READ_PASTE_KEY,
    URL_KEY,
)

ARTICLE = (
    "Border deal signed\n\n"
    "Iraq and Kuwait signed a border agreement in Baghdad on March 2, 2011, officials said. "
    "The two countries first discussed the border in June 1994."
)
PDF_LINES = [
    "Oil exports resume",
    "Oil exports from Basra resumed on July 14, 2009 after a halt, the ministry said.",
]
PAGE = (
    b"<html><head><title>Dam repaired</title>"
    b'<meta property="article:published_time" content="2016-08-10">'
    b'<meta property="og:site_name" content="River News"></head><body><article><h1>Dam repaired</h1>'
    b"<p>Engineers finished repairs on the Mosul Dam on August 9, 2016, the contractor said. "
    b"Work on the dam had started in March 2016 after warnings of a collapse.</p>"
    b"<p>The government said that inspections of the dam would continue through 2017.</p>"
    b"</article></body></html>"
)
UNDATED = "Talks go on\n\nThe two delegations met on Friday and agreed to meet again the following week."

pytestmark = pytest.mark.usefixtures("editors")


def _own(data_dir: Path) -> tuple[list[str], list[str]]:
    """(own articles' doc ids, ids of the events they report) in the store."""
    store = EventStore(data_dir / "timeline.sqlite3")
    try:
        docs = sorted(doc.doc_id for doc in store.documents() if doc.doc_id.startswith("mine/"))
        events = [e.id for e in store.events() if any(s.doc.startswith("mine/") for s in e.sources)]
        return docs, events
    finally:
        store.close()


def _pending(at: AppTest) -> list[object]:
    return list(at.session_state[PENDING_KEY]) if PENDING_KEY in at.session_state else []


def _confirm(at: AppTest) -> AppTest:
    assert ADD_KEY in button_keys(at), all_text(at)
    return ok(at.button(key=ADD_KEY).click().run())


def _upload(at: AppTest, files: list[tuple[str, bytes, str]]) -> AppTest:
    (uploader,) = at.file_uploader
    uploader.set_value(files)
    return ok(at.button(key=READ_FILES_KEY).click().run())


def _events_on_timeline(at: AppTest, data_dir: Path) -> None:
    _docs, events = _own(data_dir)
    assert events, "the new articles' events are in the store"
    ok(at.switch_page(TIMELINE_PAGE).run())
    assert set(events) <= chart_ids(at), "and on the Timeline, without a restart"


def test_a_pasted_text_is_prefilled_confirmed_and_its_events_appear(synthetic_store: Path) -> None:
    at = signed_in(ADD_PAGE)
    at.text_area(key=PASTE_KEY).input(ARTICLE)
    ok(at.button(key=READ_PASTE_KEY).click().run())
    assert at.text_area(key=PASTE_KEY).value == ""
    ((key, _draft),) = _pending(at)
    assert at.text_input(key=f"add_title_{key}").value == "Border deal signed"
    assert "No publication date was found" in text(at)
    at.text_input(key=f"add_outlet_{key}").input("Gulf Wire")
    at.date_input(key=f"add_published_{key}").set_value(date(2011, 3, 3))
    _confirm(at)
    assert "Added 1 article(s)" in successes(at) and not errors(at)
    docs, _events = _own(synthetic_store)
    assert len(docs) == 1 and docs[0].startswith("mine/border-deal-signed")
    store = EventStore(synthetic_store / "timeline.sqlite3")
    try:
        stored = store.document(docs[0])
        assert stored is not None and stored.outlet == "Gulf Wire" and stored.published == date(2011, 3, 3)
    finally:
        store.close()
    _events_on_timeline(at, synthetic_store)


def test_uploaded_files_are_read_a_bad_one_is_named_and_the_others_go_on(
    synthetic_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = signed_in(ADD_PAGE)
    bars: list[str] = []
    progress = st.progress

    def recording(value: float, text: str | None = None, **kwargs: object) -> object:
        bars.append(str(text))
        return progress(value, text=text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(st, "progress", recording)
    _upload(
        at,
        [
            ("border.txt", ARTICLE.encode(), "text/plain"),
            ("exports.pdf", text_pdf(PDF_LINES, title="Oil exports resume"), "application/pdf"),
            ("noise.txt", bytes(range(256)) * 40, "text/plain"),
        ],
    )
    assert "noise.txt" in errors(at) and "binary" in errors(at)
    assert [draft.name for _key, draft in _pending(at)] == ["border.txt", "exports.pdf"]
    assert at.file_uploader[0].value in (None, []), "the chooser is emptied for the next files"
    _confirm(at)
    assert "Added 2 article(s)" in successes(at), all_text(at)
    assert any("of 2 articles" in bar for bar in bars), bars  # the progress bar counts while extracting
    docs, _events = _own(synthetic_store)
    assert len(docs) == 2
    _events_on_timeline(at, synthetic_store)


def test_a_web_address_is_fetched_with_its_date_and_where_it_came_from(synthetic_store: Path) -> None:
    with serve({"/dam": (200, "text/html; charset=utf-8", PAGE)}) as base:
        at = signed_in(ADD_PAGE)
        at.text_input(key=URL_KEY).input(f"{base}/dam")
        ok(at.button(key=FETCH_KEY).click().run())
    assert not errors(at), errors(at)
    ((key, _draft),) = _pending(at)
    assert at.text_input(key=f"add_title_{key}").value == "Dam repaired"
    assert at.text_input(key=f"add_address_{key}").value == f"{base}/dam"
    assert at.date_input(key=f"add_published_{key}").value == date(2016, 8, 10)
    assert "Found in" in text(at)
    _confirm(at)
    assert "Added 1 article(s)" in successes(at)
    _events_on_timeline(at, synthetic_store)


HUGE = 50 * 1024 * 1024

# name, bytes, what the message says (besides the name)
BAD_FILES = [
    ("empty.txt", b"", "is empty"),
    ("noise.txt", bytes(range(256)) * 40, "binary"),
    ("huge.txt", b"a" * HUGE, "50.0 MB is over the 10 MB limit"),
    ("locked.pdf", encrypted(text_pdf(["Secret minutes of 3 May 2004."])), "password-protected"),
    ("fake.pdf", b"this is not a pdf at all", "not a PDF"),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "not an article type"),
]


@pytest.mark.parametrize(("name", "data", "says"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_a_bad_file_gets_a_clear_message_and_disturbs_nothing(
    name: str, data: bytes, says: str, synthetic_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = signed_in(ADD_PAGE)
    at.text_area(key=PASTE_KEY).input(ARTICLE)
    ok(at.button(key=READ_PASTE_KEY).click().run())  # a draft waiting: it must stay as it is
    read: list[str] = []
    getvalue = UploadedFile.getvalue

    def recording(self: UploadedFile) -> bytes:
        read.append(str(self.name))
        return getvalue(self)

    monkeypatch.setattr(UploadedFile, "getvalue", recording)
    _upload(
        at, [(name, data, "application/octet-stream"), ("border.txt", ARTICLE.encode() + b"\n", "text/plain")]
    )
    shown = errors(at)
    assert name in shown and says in shown, shown
    assert "Traceback" not in text(at)
    if len(data) > 10 * 1024 * 1024:
        assert name not in read, "an oversized file is refused on its size, before it is read"
    assert len(_pending(at)) == 2, "the waiting draft and the good file go on"
    assert _own(synthetic_store) == ([], []), "nothing was added"


def test_a_mis_encoded_file_is_read_and_said_so(synthetic_store: Path) -> None:
    at = signed_in(ADD_PAGE)
    text = "Talks in Baghdad\n\nThe “talks” – with Pence’s envoy – ended on 4 May 2019 in Baghdad."
    _upload(at, [("cp1252.txt", text.encode("cp1252"), "text/plain")])
    shown = warnings(at)
    assert "cp1252.txt" in shown and "1252" in shown, shown
    ((_key, draft),) = _pending(at)
    assert "Pence’s envoy" in draft.text


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/missing", "answered 404"),
        ("/broken", "answered 500"),
        ("/logo.png", "not a web page"),
        ("/backup.zip", "not a web page"),
        ("/disguised", "looks like a PNG image"),
        ("/empty", "is empty"),
        ("/hang", "did not answer"),
    ],
)
def test_a_bad_address_gets_a_clear_message_and_disturbs_nothing(
    path: str, says: str, synthetic_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web_module, "TIMEOUT_SECONDS", 0.5)
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    routes = {
        "/logo.png": (200, "image/png", png),
        "/backup.zip": (200, "application/zip", b"PK\x03\x04" + b"\0" * 64),
        "/disguised": (200, "text/html", png),  # an image sent as a web page
        "/empty": (200, "text/html", b""),
        "/broken": (500, "text/html", b"<html><body>Internal error</body></html>"),
    }
    with serve(routes) as base:
        at = signed_in(ADD_PAGE)
        at.text_area(key=PASTE_KEY).input(ARTICLE)
        ok(at.button(key=READ_PASTE_KEY).click().run())
        at.text_input(key=URL_KEY).input(base + path)
        ok(at.button(key=FETCH_KEY).click().run())
    assert says in errors(at) and base + path in errors(at), errors(at)
    assert at.text_input(key=URL_KEY).value == base + path, "the address stays, to correct it"
    assert len(_pending(at)) == 1 and _own(synthetic_store) == ([], [])


def test_an_article_without_a_date_is_added_flagged_and_dated_later(synthetic_store: Path) -> None:
    at = signed_in(ADD_PAGE)
    at.text_area(key=PASTE_KEY).input(UNDATED)
    ok(at.button(key=READ_PASTE_KEY).click().run())
    _confirm(at)
    assert "no publication date yet" in successes(at)
    (doc_id,), _events = _own(synthetic_store)
    assert "Articles without a publication date" in text(at)
    at.date_input(key=f"undated_date_{doc_id}").set_value(date(2019, 6, 14))
    ok(at.button(key=f"undated_set_{doc_id}").click().run())
    assert "Articles without a publication date" not in text(at)
    store = EventStore(synthetic_store / "timeline.sqlite3")
    try:
        stored = store.document(doc_id)
        assert stored is not None and stored.published == date(2019, 6, 14)
        days = [e.start for e in store.events() if any(s.doc == doc_id for s in e.sources)]
        assert date(2019, 6, 14) in days, "its relative dates are anchored now (Friday = the publication day)"
    finally:
        store.close()


def test_a_reader_sees_no_control_and_a_forged_request_adds_nothing(synthetic_store: Path) -> None:
    at = open_app(page=ADD_PAGE)
    assert "needs an editor's sign-in" in text(at)
    assert not at.file_uploader and not at.text_area and not at.date_input
    assert not {key for key in button_keys(at) if key.startswith("add_") or key.startswith("undated_")}
    # A poked session: a draft queued and "Add" confirmed, as if the form had been sent.
    at.session_state[PENDING_KEY] = [("a1", read_pasted(ARTICLE))]
    at.session_state[CONFIRM_KEY] = True
    ok(at.run())
    at.query_params["add"] = "1"
    ok(at.run())
    assert _own(synthetic_store) == ([], [])
    assert not list((synthetic_store / "collections").glob("*/articles/*.txt"))


def test_too_many_files_at_once_are_refused_whole_and_none_is_read(
    synthetic_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = signed_in(ADD_PAGE)
    read: list[str] = []
    getvalue = UploadedFile.getvalue
    monkeypatch.setattr(UploadedFile, "getvalue", lambda self: read.append(str(self.name)) or getvalue(self))
    _upload(at, [(f"note-{n}.txt", ARTICLE.encode(), "text/plain") for n in range(51)])
    assert "51 files were chosen; at most 50 can be added at once." in errors(at)
    assert read == [] and _pending(at) == []


@pytest.mark.parametrize(
    ("pasted", "says"),
    [
        ("", "The pasted text is empty"),
        (" \n\t \n", "The pasted text is empty"),
        ("\x00\x01\x02\x03 binary \x04\x05\x06" * 40, "binary"),
    ],
    ids=["nothing", "only spaces", "binary"],
)
def test_a_bad_paste_gets_a_clear_message_and_disturbs_nothing(
    pasted: str, says: str, synthetic_store: Path
) -> None:
    at = signed_in(ADD_PAGE)
    _upload(at, [("border.txt", ARTICLE.encode(), "text/plain")])  # a draft waiting: it must stay
    at.text_area(key=PASTE_KEY).input(pasted)
    ok(at.button(key=READ_PASTE_KEY).click().run())
    assert says in errors(at), errors(at)
    assert "Traceback" not in text(at)
    assert [draft.name for _key, draft in _pending(at)] == ["border.txt"]
    assert _own(synthetic_store) == ([], [])
