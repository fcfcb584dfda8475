"""Data page: the current view as a sortable table, and downloads of exactly those events.

The downloads never rerun the page (``on_click="ignore"``): a rerun replaces every button's file, so
a click right after another download used to ask for a file the rerun had just dropped
(``MediaFileStorageError``) and the second download never came. The chart's page (a few MB) is built
only when its button is clicked; the other files are built with the page (on click past
``EAGER_LIMIT`` events).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from timeline.corrections.shown import edited_text
from timeline.model import Event
from timeline.ui import components as ui
from timeline.ui.edit_panel import hidden_toggle
from timeline.ui.history import edit_log, orphans_section
from timeline.ui.present_page import view_title
from timeline.ui.state import AppData, app_data, filtered_frame, publish_view
from timeline.view import export
from timeline.view.chart import timeline_figure
from timeline.view.filters import FilterState

TABLE_COLUMNS = {
    "display_date": st.column_config.TextColumn("Date", help="As the source gives it", width="medium"),
    "start": st.column_config.DateColumn("From", format="YYYY-MM-DD"),
    "end": st.column_config.DateColumn("To", format="YYYY-MM-DD"),
    "precision": st.column_config.TextColumn("Precision", width="small"),
    "title": st.column_config.TextColumn("Event", width="large"),
    "actors_text": st.column_config.TextColumn("Actors"),
    "category": st.column_config.TextColumn("Category", width="small"),
    "planned": st.column_config.CheckboxColumn("Planned", width="small"),
    "n_sources": st.column_config.NumberColumn("Sources", width="small"),
    "outlets": st.column_config.TextColumn("Outlets"),
    "sentence": st.column_config.TextColumn("Quote", width="large"),
    "edited": st.column_config.TextColumn("Edited by hand", help="What a teacher changed by hand"),
}


LOG = logging.getLogger(__name__)

EAGER_LIMIT = 5000
"""Up to this many events the files are built with the page; past it, only when a button is clicked."""

FileData = bytes | Callable[[], bytes]


@dataclass(frozen=True)
class Downloads:
    """The files of one view, built from the same filtered rows (bytes, or a builder run on click)."""

    csv: FileData
    json: FileData
    timelinejs: FileData


def view_events(df: pd.DataFrame, data: AppData) -> list[Event]:
    return [data.by_id[event_id] for event_id in df["id"].astype(str) if event_id in data.by_id]


def csv_bytes(events: list[Event]) -> bytes:
    return export.to_csv(events)


def json_bytes(events: list[Event]) -> bytes:
    return export.to_json(events)


def timelinejs_bytes(events: list[Event], title: str, groups: Mapping[str, str] | None = None) -> bytes:
    return export.timelinejs_bytes(events, title=title, groups=groups)


def build_downloads(
    df: pd.DataFrame, events: list[Event], title: str, groups: Mapping[str, str] | None = None
) -> Downloads:
    """The view's files; ``groups`` (event id -> lane) are TimelineJS's groups, the chart's lanes."""
    if len(df) > EAGER_LIMIT:
        return Downloads(
            csv=partial(csv_bytes, events),
            json=partial(json_bytes, events),
            timelinejs=partial(timelinejs_bytes, events, title, groups),
        )
    return Downloads(
        csv=csv_bytes(events), json=json_bytes(events), timelinejs=timelinejs_bytes(events, title, groups)
    )


def chart_html(df: pd.DataFrame, view: FilterState, data: AppData) -> str:
    """The chart of this view as one offline HTML page (plotly.js inlined, about 4 MB: built on click),
    showing the quote and source of a clicked event."""
    title = _title(view)
    figure = timeline_figure(df, lane_by=view.lane, large=view.large, colors=data.colors, title=title)
    return export.to_html(figure, title=title, events=view_events(df, data))


FAILED_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Chart not built</title></head><body>"
    "<h1>The chart could not be built</h1><p>The CSV, JSON and TimelineJS downloads hold the same "
    "events; the server's log says what went wrong.</p></body></html>"
)


def chart_download(df: pd.DataFrame, view: FilterState, data: AppData) -> bytes:
    """``chart_html`` as the file the button hands out; if building it fails, a page saying so (logged),
    never a download that silently does not come."""
    try:
        return chart_html(df, view, data).encode("utf-8")
    except Exception:
        LOG.exception("Could not build the chart download")
        return FAILED_PAGE.encode("utf-8")


PLAIN_LIMIT = 300


def plain_table(df: pd.DataFrame) -> pd.DataFrame:
    """A few readable columns as escaped text: ``st.table`` renders Markdown in cells."""
    columns = {
        "Date": df["display_date"],
        "Event": df["title"],
        "Actors": df["actors"].map(", ".join),
        "Category": df["category"],
        "Sources": df["outlets"],
    }
    return pd.DataFrame({name: values.astype(str).map(ui.md).to_numpy() for name, values in columns.items()})


def _table(df: pd.DataFrame, data: AppData) -> pd.DataFrame:
    table = df.loc[
        :, ["display_date", "start", "end", "precision", "title", "category", "planned", "n_sources"]
    ]
    table = table.assign(
        actors_text=df["actors"].map(lambda actors: ", ".join(actors)),
        outlets=df["outlets"],
        sentence=df["sentence"],
        edited=[edited_text(data.by_id[i]) if i in data.by_id else "" for i in df["id"].astype(str)],
    )
    return table.loc[:, list(TABLE_COLUMNS)]


def _title(view: FilterState) -> str:
    return "Timeline" + (f" — {view.text}" if view.text else "")


def render() -> None:
    data = app_data()
    if ui.show_fatal(data):
        return
    view = ui.filter_sidebar(ui.page_view(data), data)
    hidden_toggle(data)
    ui.page_style(view.large)
    df = filtered_frame(data, view)
    st.title("Data", anchor=False)
    ui.show_problems(data)
    ui.link_notices(view)
    orphans_section(data)
    edit_log()
    st.markdown(ui.count_line(len(df), len(data.frame), view))
    if df.empty:
        ui.empty_state(view)
        publish_view(view)
        return
    st.dataframe(
        _table(df, data),
        hide_index=True,
        column_config=TABLE_COLUMNS,
        width="stretch",
        height="auto" if len(df) <= 12 else 460,
        alt=f"The {len(df)} events of the current view: date, event, actors, category, sources, quote.",
    )
    st.caption("Click a column header to sort. The downloads hold exactly the events in this table.")
    with st.expander("Plain table (for screen readers and printing)"):
        if len(df) > PLAIN_LIMIT:
            st.caption(f"The first {PLAIN_LIMIT} events by date; the downloads hold all {len(df):,}.")
        st.table(plain_table(df.head(PLAIN_LIMIT)), hide_index=True)

    events = view_events(df, data)
    files = build_downloads(df, events, view_title(view, data), export.lane_groups(df, view.lane))

    st.subheader("Download this view", anchor=False)
    columns = st.columns(4)
    columns[0].download_button(
        "CSV (spreadsheet)",
        files.csv,
        file_name="timeline.csv",
        mime="text/csv",
        icon=":material/table_view:",
        key="dl_csv",
        on_click="ignore",
    )
    columns[1].download_button(
        "JSON (records)",
        files.json,
        file_name="timeline.json",
        mime="application/json",
        icon=":material/data_object:",
        key="dl_json",
        on_click="ignore",
    )
    columns[2].download_button(
        "TimelineJS",
        files.timelinejs,
        file_name="timeline-timelinejs.json",
        mime="application/json",
        icon=":material/view_timeline:",
        key="dl_tljs",
        on_click="ignore",
        help="Open it in TimelineJS (timeline.knightlab.com) to make a slideshow timeline.",
    )
    columns[3].download_button(
        "Chart (HTML)",
        partial(chart_download, df, view, data),
        file_name="timeline.html",
        mime="text/html",
        icon=":material/language:",
        key="dl_html",
        on_click="ignore",
        help="The interactive chart as one web page that works offline.",
    )
    publish_view(view)


if __name__ == "__main__":
    ui.guarded(render)
