"""Downloads hold exactly the filtered events, and article text never becomes live HTML or formulas."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from bench.synthetic import make_event, synthetic_events
from timeline import cli
from timeline.corrections.shown import edited_text
from timeline.events.export import CSV_COLUMNS, FORMULA_PREFIXES, csv_text, write_csv
from timeline.export import timelinejs_bytes, to_csv, to_html, to_json, to_timelinejs
from timeline.filters import FilterState, apply_filters
from timeline.frame import events_frame
from timeline.model import Event

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return synthetic_events(400, seed=5)


@pytest.fixture(scope="module")
def filtered(events: list[Event]) -> tuple[pd.DataFrame, list[Event]]:
    frame = apply_filters(events_frame(events), FilterState(actors=("Iran",), include_planned=False))
    kept = set(frame["id"])
    return frame, [event for event in events if event.id in kept]


def test_filter_under_test_keeps_some_but_not_all(
    events: list[Event], filtered: tuple[pd.DataFrame, list[Event]]
) -> None:
    assert 0 < len(filtered[1]) < len(events)


def _csv_table(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)


def test_csv_holds_exactly_the_filtered_events(filtered: tuple[pd.DataFrame, list[Event]]) -> None:
    frame, kept = filtered
    table = _csv_table(to_csv(kept))
    assert table["id"].tolist() == [event.id for event in kept] == frame["id"].tolist()
    assert {"display_date", "title", "sentence", "actors", "docs", "outlets"} <= set(table.columns)


def test_csv_of_an_empty_view_has_the_header_only() -> None:
    table = pd.read_csv(io.BytesIO(to_csv([])), encoding="utf-8-sig")
    assert len(table) == 0 and list(table.columns) == [*CSV_COLUMNS, "edited"]


def test_the_download_and_the_cli_share_one_writer(events: list[Event]) -> None:
    edited = {"edited": lambda event: edited_text(event, " | ")}
    assert to_csv(events) == ("\ufeff" + csv_text(events, edited)).encode("utf-8")
    written = io.StringIO()
    write_csv(events, written)
    assert written.getvalue() == csv_text(events)


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 troops", "'+1 troops"),
        ("-2 troops", "'-2 troops"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Talks in Baghdad", "Talks in Baghdad"),
        ("Talks = progress", "Talks = progress"),
    ],
)
def test_csv_defuses_spreadsheet_formulas_in_every_text_cell(text: str, cell: str) -> None:
    event = make_event("f", date(2020, 1, 1), title=text, sentence=text, actors=(text,))
    (row,) = csv.DictReader(io.StringIO(to_csv([event]).decode("utf-8-sig"), newline=""))
    assert (row["title"], row["sentence"], row["actors"]) == (cell, cell, cell)


def test_csv_dates_and_lists_are_readable() -> None:
    event = make_event("r", date(2020, 3, 1), date(2020, 3, 31), precision="month", actors=("Iran", "US"))
    row = _csv_table(to_csv([event])).iloc[0]
    assert (row["start"], row["end"], row["actors"]) == ("2020-03-01", "2020-03-31", "Iran | US")


def test_cli_csv_defuses_formulas_from_the_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(
        "Baghdad\n\n"
        '=HYPERLINK("http://evil.example/") troops left the base on 7 April 2017, officials said.\n\n'
        "-1 is what the ministry said the toll was on 9 April 2017, after the strike.\n\n"
        "@SUM(A1) talks resumed in Vienna on 12 April 2017, the envoys said.\n",
        encoding="utf-8",
    )
    assert cli.main(["extract", str(article), "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == list(CSV_COLUMNS) and len(rows) >= 4
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_PREFIXES)]
    sentences = {row[CSV_COLUMNS.index("sentence")] for row in rows[1:]}
    assert (
        '\'=HYPERLINK("http://evil.example/") troops left the base on 7 April 2017, officials said.'
        in sentences
    )
    assert any(sentence.startswith("'-1 is what") for sentence in sentences)
    assert any(sentence.startswith("'@SUM(A1) talks") for sentence in sentences)


def test_json_holds_exactly_the_filtered_events(filtered: tuple[pd.DataFrame, list[Event]]) -> None:
    _, kept = filtered
    records = json.loads(to_json(kept))
    assert [record["id"] for record in records] == [event.id for event in kept]
    assert [Event.from_json(record) for record in records] == kept


def test_timelinejs_holds_exactly_the_dated_filtered_events(
    filtered: tuple[pd.DataFrame, list[Event]],
) -> None:
    _, kept = filtered
    document = to_timelinejs(kept, title="Iran")
    assert [slide["unique_id"] for slide in document["events"]] == [e.id for e in kept if e.start is not None]
    assert document["title"]["text"]["headline"] == "Iran"
    json.dumps(document)  # serialisable as is


def test_timelinejs_file_is_the_same_document(filtered: tuple[pd.DataFrame, list[Event]]) -> None:
    _, kept = filtered
    assert json.loads(timelinejs_bytes(kept, title="T")) == to_timelinejs(kept, title="T")
    assert json.loads(timelinejs_bytes([], title="T")) == to_timelinejs([], title="T")


def test_json_of_no_events_is_an_empty_array() -> None:
    assert json.loads(to_json([])) == []


def test_timelinejs_escapes_article_text() -> None:
    event = make_event(
        "x",
        date(2020, 1, 1),
        title=SCRIPT,
        sentence=f'He said "{SCRIPT}" <img src=x onerror=alert(1)>',
        actors=(SCRIPT,),
    )
    document = to_timelinejs([event], title=SCRIPT)
    text = json.dumps(document)
    assert "<script>" not in text and "<img" not in text
    assert document["events"][0]["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert "&lt;img src=x onerror=alert(1)&gt;" in document["events"][0]["text"]["text"]


@pytest.mark.parametrize(
    ("url", "linked"),
    [("https://example.org/a?b=1&c=2", True), ("javascript:alert(1)", False), ("", False)],
)
def test_timelinejs_links_only_web_addresses(url: str, linked: bool) -> None:
    document = to_timelinejs([make_event("l", date(2020, 1, 1), url=url or None)])
    text = document["events"][0]["text"]["text"]
    assert ("<a href=" in text) is linked
    assert "javascript:" not in text


@pytest.mark.parametrize(
    ("event", "start_date", "end_date"),
    [
        (make_event("d", date(2020, 1, 3)), {"year": 2020, "month": 1, "day": 3}, None),
        (
            make_event("m", date(2020, 3, 1), date(2020, 3, 31), precision="month"),
            {"year": 2020, "month": 3},
            None,
        ),
        (make_event("y", date(2020, 1, 1), date(2020, 12, 31), precision="year"), {"year": 2020}, None),
        (
            make_event("s", date(2020, 6, 1), date(2020, 8, 31), precision="season"),
            {"year": 2020, "month": 6, "day": 1},
            {"year": 2020, "month": 8, "day": 31},
        ),
    ],
)
def test_timelinejs_dates_follow_precision(
    event: Event, start_date: dict[str, int], end_date: dict[str, int] | None
) -> None:
    slide = to_timelinejs([event])["events"][0]
    assert slide["start_date"] == start_date
    assert slide.get("end_date") == end_date


def test_html_is_self_contained() -> None:
    figure = go.Figure(go.Scatter(x=["2020-01-01", "2020-02-01"], y=["Iran", "US"], mode="markers"))
    page = to_html(figure, title=SCRIPT)
    assert re.search(r"<script[^>]*\bsrc\s*=", page) is None
    assert re.search(r"plotly\.js v\d+\.\d+", page)
    assert len(page) > 1_000_000  # plotly.js itself is inlined (a few MB)
    assert "<title>&lt;script&gt;" in page
