"""Downloads hold exactly the filtered events, and article text never becomes live HTML or formulas."""

from __future__ import annotations

import csv
import html
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
from timeline.dates import tag_dates
from timeline.events.display import display_date
from timeline.events.export import CSV_COLUMNS, FORMULA_PREFIXES, csv_text, write_csv
from timeline.model import Event, Source
from timeline.view.export import lane_groups, timelinejs_bytes, to_csv, to_html, to_json, to_timelinejs
from timeline.view.filters import FilterState, apply_filters
from timeline.view.frame import events_frame
from timeline.view.offline_html import DATA_ID, script_json
from timeline.view.timelinejs import summary

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
    assert "<img src=x onerror=alert(1)>" in html.unescape(document["events"][0]["media"]["url"])
    assert document["events"][0]["group"] == html.escape(SCRIPT)


@pytest.mark.parametrize(
    ("url", "linked"),
    [("https://example.org/a?b=1&c=2", True), ("javascript:alert(1)", False), ("", False)],
)
def test_timelinejs_links_only_web_addresses(url: str, linked: bool) -> None:
    document = to_timelinejs([make_event("l", date(2020, 1, 1), url=url or None)])
    text = document["events"][0]["text"]["text"]
    assert ("<a href=" in text) is linked
    assert "javascript:" not in text


def _dated(phrase: str) -> Event:
    """An event dated by the engine's own tagger from ``phrase``, with the engine's display date."""
    (mention,) = tag_dates(f"Talks happened in {phrase}, officials said.", date(2021, 6, 1), "news")
    shown = display_date(mention.start, mention.end, mention.precision, mention.value, mention.mod)
    event = make_event("e", mention.start, mention.end, precision=mention.precision)
    return Event(**{**{f: getattr(event, f) for f in event.__slots__}, "display_date": shown})


# (what the article says, the slide's start_date, its end_date, its display_date)
TIMELINEJS_DATES = [
    ("April 7, 2017", {"year": 2017, "month": 4, "day": 7}, None, "Fri 7 Apr 2017"),
    ("the week of April 3, 2017", {"year": 2017, "month": 4, "day": 3}, None, "Mon 3 Apr 2017"),
    ("March 2020", {"year": 2020, "month": 3}, None, "Mar 2020"),
    ("2014", {"year": 2014}, None, "2014"),
    ("late 2017", {"year": 2017, "month": 9}, {"year": 2017, "month": 12}, "Late 2017"),
    ("the end of 2017", {"year": 2017, "month": 12}, None, "Late 2017"),
    ("early 2015", {"year": 2015, "month": 1}, {"year": 2015, "month": 4}, "Early 2015"),
    ("mid-2016", {"year": 2016, "month": 5}, {"year": 2016, "month": 8}, "Mid 2016"),
    ("the summer of 2018", {"year": 2018, "month": 6}, {"year": 2018, "month": 8}, "Summer 2018"),
    ("the winter of 2018", {"year": 2018, "month": 12}, {"year": 2019, "month": 2}, "Winter 2018"),
    ("the first quarter of 2020", {"year": 2020, "month": 1}, {"year": 2020, "month": 3}, "Q1 2020"),
    ("the second half of 2019", {"year": 2019, "month": 7}, {"year": 2019, "month": 12}, "H2 2019"),
    ("the 2010s", {"year": 2010}, {"year": 2019}, "2010s"),
    ("the late 1990s", {"year": 1996, "month": 9}, {"year": 1999, "month": 12}, "Late 1990s"),
    ("the 20th century", {"year": 1900}, {"year": 1999}, "20th century"),
]


@pytest.mark.parametrize(("phrase", "start_date", "end_date", "shown"), TIMELINEJS_DATES)
def test_timelinejs_places_each_date_where_its_words_put_it(
    phrase: str, start_date: dict[str, int], end_date: dict[str, int] | None, shown: str
) -> None:
    slide = to_timelinejs([_dated(phrase)])["events"][0]
    assert slide["start_date"] == start_date
    assert slide.get("end_date") == end_date
    assert slide["display_date"] == shown


@pytest.mark.parametrize(
    ("start", "end", "start_date", "end_date"),
    [
        (
            date(2020, 1, 3),
            date(2020, 1, 5),
            {"year": 2020, "month": 1, "day": 3},
            {"year": 2020, "month": 1, "day": 5},
        ),
        (date(2020, 3, 1), date(2020, 3, 1), {"year": 2020, "month": 3, "day": 1}, None),
        (date(2020, 1, 1), date(2020, 1, 1), {"year": 2020, "month": 1, "day": 1}, None),
        (date(2020, 2, 1), date(2020, 2, 29), {"year": 2020, "month": 2}, None),
        (
            date(2020, 3, 15),
            date(2020, 4, 30),
            {"year": 2020, "month": 3, "day": 15},
            {"year": 2020, "month": 4, "day": 30},
        ),
    ],
)
def test_timelinejs_dates_use_the_finest_unit_the_interval_is_whole_in(
    start: date, end: date, start_date: dict[str, int], end_date: dict[str, int] | None
) -> None:
    slide = to_timelinejs([make_event("i", start, end)])["events"][0]
    assert (slide["start_date"], slide.get("end_date")) == (start_date, end_date)


def test_timelinejs_title_slide_has_the_title_and_the_summary() -> None:
    events = [
        make_event("a", date(2003, 3, 20), actors=("Iraq", "United States")),
        make_event("b", date(2011, 12, 18), actors=("United States",)),
        make_event("c", date(2021, 7, 26), actors=("Iran", "United States")),
        make_event("u", None, actors=("Zz",)),
    ]
    title = to_timelinejs(events, title="US <troops> in Iraq")["title"]["text"]
    assert title["headline"] == "US &lt;troops&gt; in Iraq"
    assert title["text"] == "<p>3 events, 2003 – 2021. Main actors: United States, Iran, Iraq.</p>"
    assert summary(events[:1]) == "1 event, 2003. Main actors: Iraq, United States."
    assert summary([]) == "0 events."


def test_timelinejs_groups_are_the_charts_lanes() -> None:
    events = [
        make_event("a", date(2003, 3, 20), actors=("Iraq",)),
        make_event("b", date(2004, 1, 1), actors=("Iraq", "Iran")),
        make_event("c", date(2005, 1, 1), actors=()),
        make_event("d", date(2006, 1, 1), actors=("Iran",), category="diplomacy"),
    ]
    frame = events_frame(events)
    by_actor = to_timelinejs(events, groups=lane_groups(frame, "actor"))
    assert [slide["group"] for slide in by_actor["events"]] == ["Iraq", "Iraq", "Other", "Iran"]
    by_category = to_timelinejs(events, groups=lane_groups(frame, "category"))
    assert [slide["group"] for slide in by_category["events"]] == ["Other", "Other", "Other", "diplomacy"]
    assert [slide["group"] for slide in to_timelinejs(events)["events"]] == ["Iraq", "Iraq", "Other", "Iran"]


def test_timelinejs_media_is_the_quote_with_its_source() -> None:
    event = make_event(
        "m",
        date(2020, 1, 3),
        sentence="Officials said the strike killed him.",
        outlet="The <Guardian>",
        url="https://example.org/a?b=1&c=2",
        published=date(2020, 1, 4),
    )
    media = to_timelinejs([event])["events"][0]["media"]
    assert media["url"].startswith("<blockquote>") and media["url"].endswith("</blockquote>")
    assert html.unescape(media["url"]) == "<blockquote>“Officials said the strike killed him.”</blockquote>"
    assert media["caption"] == '<a href="https://example.org/a?b=1&amp;c=2">Article doc-a</a>'
    assert media["credit"] == "The &lt;Guardian&gt;, 2020-01-04"


@pytest.mark.parametrize(
    "quote",
    [
        "He shared it on spotify and in an iframe.",
        "The report.pdf was leaked.",
        "See youtu.be/abc and https://www.google.com/maps/@1,2,3z.",
        "Was it a jpg? Nobody knows",
        "documentcloud.org/x and imgur.com/y",
    ],
)
def test_timelinejs_quotes_stay_quotes_whatever_they_name(quote: str) -> None:
    """TimelineJS picks an embed by matching its media url: a quote naming one stays a block quote."""
    url = to_timelinejs([make_event("q", date(2020, 1, 1), sentence=quote)])["events"][0]["media"]["url"]
    inner = url.removeprefix("<blockquote>").removesuffix("</blockquote>")
    assert not set(inner) & set("./?i<>")
    assert html.unescape(inner) == f"“{quote}”"


def test_timelinejs_slide_text_cites_every_source() -> None:
    event = make_event("s", date(2020, 1, 1), docs=("a.txt", "b.txt"), url="https://example.org/x")
    text = to_timelinejs([event])["events"][0]["text"]["text"]
    assert text.count("<p>Source: ") == 2 and "Article a.txt" in text and "Article b.txt" in text


def test_csv_cites_each_article_by_title_outlet_date_and_address() -> None:
    event = make_event("c", date(2020, 1, 1), docs=("a.txt", "b.txt"), url="https://example.org/x")
    event = Event(
        **{
            **{f: getattr(event, f) for f in event.__slots__},
            "sources": (
                Source(
                    "a.txt", "Iran says talks resume", "Reuters", "https://example.org/a", date(2020, 1, 2)
                ),
                Source("b.txt", None, None, None, None),
            ),
        }
    )
    row = _csv_table(to_csv([event])).iloc[0]
    assert row["source_titles"] == "Iran says talks resume | b.txt"
    assert row["outlets"] == "Reuters | "
    assert row["published"] == "2020-01-02 | "
    assert row["urls"] == "https://example.org/a | "
    assert row["docs"] == "a.txt | b.txt"


def test_html_is_self_contained() -> None:
    figure = go.Figure(go.Scatter(x=["2020-01-01", "2020-02-01"], y=["Iran", "US"], mode="markers"))
    page = to_html(figure, title=SCRIPT)
    assert re.search(r"<script[^>]*\bsrc\s*=", page) is None
    assert re.search(r"plotly\.js v\d+\.\d+", page)
    assert len(page) > 1_000_000  # plotly.js itself is inlined (a few MB)
    assert "<title>&lt;script&gt;" in page


def test_html_carries_each_events_citation_as_inert_json() -> None:
    event = make_event(
        "h", date(2020, 1, 1), title=SCRIPT, sentence=f"</script>{SCRIPT} & more", url="javascript:alert(1)"
    )
    figure = go.Figure(go.Scatter(x=["2020-01-01"], y=["Iran"], customdata=[["h"]], mode="markers"))
    page = to_html(figure, title="T", events=[event])
    block = re.search(f'<script type="application/json" id="{DATA_ID}">(.*?)</script>', page, re.S)
    assert block is not None
    data = json.loads(block.group(1))
    assert data["h"]["quote"] == f"</script>{SCRIPT} & more" and data["h"]["title"] == SCRIPT
    assert data["h"]["sources"][0]["url"] == ""  # only web addresses become links
    assert SCRIPT not in page and "</script><script>" not in page
    assert "plotly_click" in page and "textContent" in page and "innerHTML" not in page.split(DATA_ID)[-1]
    assert script_json("<>&") == '"\\u003c\\u003e\\u0026"'
