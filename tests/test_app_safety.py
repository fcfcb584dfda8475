"""Article and catalog text holding Markdown, LaTeX, directives, bare URLs and HTML, through every page
(AppTest): every string Streamlit renders as Markdown (bodies, captions, headers, notices, labels,
help tooltips, link labels) is inert, and the plain-text elements (options, dataframe) show it raw."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from app_harness import DATA_PAGE, PRESENT_PAGE, SOURCES_PAGE, TIMELINE_PAGE, open_app
from app_support import build_store
from google.protobuf.message import Message
from markdown_checks import plugin_triggers
from streamlit.testing.v1 import AppTest

from timeline.model import Document, Event, Mention, Source
from timeline.view.highlight import shown_text

HOST = "http://127.0.0.2:9"
PAYLOAD = (
    f"![beacon]({HOST}/img.png) [met]({HOST}/link) $$x^2$$ :red[alarm] {HOST}/bare www.evil.example "
    f"press@evil.example :streamlit: :material/home: :smile: -> <img src={HOST}/html.png> **bold**"
)
TITLE = f"Catalog ![t]({HOST}/title.png) [t](http://evil.example/) $$t$$ :red[t] www.title.example"
OUTLET = f"Outlet ![o]({HOST}/outlet.png) :blue[o] outlet@evil.example"
ACTOR = "Actor [a](http://evil.example/) :red[a]"
DOC_ID = "markdown"
TEXT = (
    f"{TITLE}\n\nOn March 3, 2019 officials said {PAYLOAD} in Baghdad. "
    f"The talks of April 5, 2019 ended with {PAYLOAD} again."
)

RAW_MARKERS = ("![", "](", "<img", ":red[", ":blue[", "$$", "[met]", "[t]", "[a]", "**bold**", "->")
"""Pieces of the payloads that only appear in Markdown source (not after a backslash) if the text was
not escaped."""


def raw_markers(markdown: str) -> list[str]:
    return [marker for marker in RAW_MARKERS if re.search(r"(?<!\\)" + re.escape(marker), markdown)]


MARKDOWN_FIELDS = frozenset({"body", "label", "help", "caption", "placeholder", "content"})
"""Proto fields Streamlit renders as Markdown (an ``st.html`` body is our own CSS, not checked)."""


def _event(event_id: str, time_text: str, day: date) -> Event:
    start = TEXT.index(time_text)
    sentence_start = (
        TEXT.rfind("\n", 0, start) + 1 if ". " not in TEXT[:start] else TEXT.rindex(". ", 0, start) + 2
    )
    sentence_end = TEXT.index(".", TEXT.index(PAYLOAD, start) + len(PAYLOAD)) + 1
    sentence = TEXT[sentence_start:sentence_end]
    mention = Mention(
        DOC_ID, (start, start + len(time_text)), time_text, sentence, (sentence_start, sentence_end)
    )
    return Event(
        id=event_id,
        start=day,
        end=day,
        precision="day",
        value=day.isoformat(),
        display_date=day.strftime("%-d %B %Y"),
        title=f"Officials said {PAYLOAD}",
        sentence=sentence,
        mentions=(mention,),
        sources=(Source(DOC_ID, TITLE, OUTLET, None, date(2019, 4, 6)),),
        actors=(ACTOR, "Iran"),
        category="diplomacy",
    )


DOCS = (
    Document(
        doc_id=DOC_ID,
        text=TEXT,
        title=TITLE,
        outlet=OUTLET,
        published=date(2019, 4, 6),
        published_from="catalog",
        warnings=(f"Note {PAYLOAD}",),
    ),
)
EVENTS = (
    _event("ev-march", "March 3, 2019", date(2019, 3, 3)),
    _event("ev-april", "April 5, 2019", date(2019, 4, 5)),
)


@pytest.fixture(autouse=True)
def hostile_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = tmp_path / "data"
    seeds_dir = tmp_path / "seeds"
    seeds_dir.mkdir()
    build_store(data_dir, EVENTS, DOCS)
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(data_dir))
    monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(seeds_dir))
    return data_dir


def _strings(message: Message) -> Iterator[tuple[str, str]]:
    """(field name, value) of every string in a proto, nested messages included."""
    for field, value in message.ListFields():
        values: list[Any] = list(value) if getattr(field, "is_repeated", False) else [value]
        for item in values:
            if isinstance(item, str):
                yield field.name, item
            elif isinstance(item, Message):
                yield from _strings(item)


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _nodes(child)


def markdown_strings(at: AppTest) -> list[tuple[str, str, str]]:
    """(element type, field, value) of every string on the page that Streamlit renders as Markdown."""
    found: list[tuple[str, str, str]] = []
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        kind = str(getattr(node, "type", ""))
        if not isinstance(proto, Message) or kind == "html":
            continue
        found.extend((kind, name, value) for name, value in _strings(proto) if name in MARKDOWN_FIELDS)
    return found


PAGES = [
    pytest.param(TIMELINE_PAGE, {"sel": "ev-march"}, id="timeline-detail"),
    pytest.param(PRESENT_PAGE, {"sources": DOC_ID}, id="present-title-slide"),
    pytest.param(PRESENT_PAGE, {"slide": "1"}, id="present-event-slide"),
    pytest.param(SOURCES_PAGE, {"doc": DOC_ID, "sel": "ev-march"}, id="sources"),
    pytest.param(DATA_PAGE, {"actors": ACTOR}, id="data"),
]


@pytest.mark.parametrize(("page", "params"), PAGES)
def test_every_markdown_string_on_the_page_is_inert(page: str, params: dict[str, str]) -> None:
    at = open_app(params, page=None if page == TIMELINE_PAGE else page)
    strings = markdown_strings(at)
    for kind, name, value in strings:
        assert plugin_triggers(value) == [], (kind, name, value)
        assert raw_markers(value) == [], (kind, name, value)
    shown = "\n".join(shown_text(value) for _, _, value in strings)
    if page != DATA_PAGE:  # the Data page shows article text only in tables (tested below)
        # Not vacuous: the hostile text is on the page, character for character.
        assert PAYLOAD in shown or TITLE in shown or OUTLET in shown


def test_sources_page_link_labels_and_tooltips_are_escaped() -> None:
    at = open_app({"doc": DOC_ID}, page=SOURCES_PAGE)
    links = [link for link in at.get("page_link") if "sel=" in link.proto.query_string]
    assert len(links) == len(EVENTS)
    for link in links:
        assert shown_text(link.proto.help) == f"Officials said {PAYLOAD}"
        assert shown_text(link.proto.label).rstrip("…") in f"Officials said {PAYLOAD}"
        assert plugin_triggers(link.proto.label) == plugin_triggers(link.proto.help) == []


def test_plain_text_elements_show_the_text_unescaped() -> None:
    """Selectbox and multiselect options, and dataframe cells, are plain text: no backslashes there."""
    at = open_app({"doc": DOC_ID}, page=SOURCES_PAGE)
    assert any(option.startswith("Catalog ![t](") for option in at.selectbox(key="doc_pick").options)
    at = open_app({"sel": "ev-march"})
    assert ACTOR in at.multiselect(key="f_actors").options
    assert any(PAYLOAD in option for option in at.selectbox(key="pick").options)
    at = open_app(page=DATA_PAGE)
    table = at.dataframe[0].value
    assert f"Officials said {PAYLOAD}" in set(table["title"])


def test_the_plain_table_cells_are_escaped() -> None:
    """``st.table`` renders Markdown in its cells."""
    at = open_app(page=DATA_PAGE)
    cells = [str(cell) for cell in at.table[0].value.to_numpy().ravel()]
    assert any(shown_text(cell) == f"Officials said {PAYLOAD}" for cell in cells)
    for cell in cells:
        assert plugin_triggers(cell) == []
        assert raw_markers(cell) == []


def test_the_server_config_sends_nothing_out_and_keeps_xsrf_on() -> None:
    """`streamlit run app.py` reads these: no usage statistics, and XSRF protection stays on."""
    import tomllib

    config = tomllib.loads((Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableXsrfProtection"] is True
    assert config["client"]["showErrorDetails"] == "none"
