"""The events frame: one row per event, the columns the filters, chart and exports rely on."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from bench.synthetic import make_event, synthetic_events
from timeline.model import Event
from timeline.view.frame import COLUMNS, NO_ACTOR, events_frame, membership_key, membership_token


def test_empty_frame_has_every_column_and_typed_dates() -> None:
    frame = events_frame([])
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == 0
    assert pd.api.types.is_datetime64_any_dtype(frame["start"])
    assert pd.api.types.is_datetime64_any_dtype(frame["end"])


@pytest.mark.parametrize(
    ("event", "column", "expected"),
    [
        (
            make_event("a", date(2020, 3, 1), date(2020, 3, 31), precision="month"),
            "end",
            pd.Timestamp(2020, 3, 31),
        ),
        (make_event("b", date(2020, 3, 5)), "end", pd.Timestamp(2020, 3, 5)),
        (make_event("c", date(2020, 3, 5), actors=("Iran", "US")), "primary_actor", "Iran"),
        (make_event("d", date(2020, 3, 5)), "primary_actor", NO_ACTOR),
        (make_event("e", date(2020, 3, 5), docs=("x", "y", "x")), "n_sources", 2),
        (make_event("f", date(2020, 3, 5), docs=("x", "y")), "sources", ("x", "y")),
        (
            make_event("g", date(2020, 3, 5), title="Talks IN Baghdad", sentence="The U.S. Met."),
            "search_text",
            "talks in baghdad\nthe u.s. met.",
        ),
        (make_event("h", date(2020, 3, 5), actors=("Iran", "US")), "actors", ("Iran", "US")),
        (make_event("i", date(2020, 3, 5), planned=True), "planned", True),
        (
            make_event("j", date(2020, 3, 5), published=date(2020, 3, 6)),
            "published",
            pd.Timestamp(2020, 3, 6),
        ),
    ],
)
def test_column_values(event: Event, column: str, expected: object) -> None:
    assert events_frame([event])[column].iloc[0] == expected


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (
            make_event("h1", date(2020, 1, 3), title="<script>x</script>", outlet="A & B"),
            "<b>&lt;script&gt;x&lt;/script&gt;</b><br>2020-01-03<br>1 source: A &amp; B",
        ),
        (
            make_event("h2", date(2020, 1, 3), title="Talks", planned=True, docs=("a", "b"), outlet=None),
            "<b>Talks</b><br>2020-01-03 (planned)<br>2 sources",
        ),
        (
            make_event("h3", date(2020, 1, 3), title="T" * 200),
            "<b>" + "T" * 109 + "…</b><br>2020-01-03<br>1 source: Outlet",
        ),
    ],
)
def test_hover_label_is_escaped_and_short(event: Event, expected: str) -> None:
    assert events_frame([event])["hover"].iloc[0] == expected


def test_unanchored_event_has_no_dates() -> None:
    row = events_frame([make_event("u", None)]).iloc[0]
    assert pd.isna(row["start"]) and pd.isna(row["end"])
    assert not row["anchored"]


def test_outlets_joined_once_each() -> None:
    event = make_event("o", date(2020, 1, 1), docs=("x", "y"), outlet="AP")
    assert events_frame([event])["outlets"].iloc[0] == "AP"


@pytest.mark.parametrize(
    ("values", "member", "expected"),
    [
        (("Iran", "US"), "US", True),
        (("Iran", "US-led coalition"), "US", False),
        (("a|b",), "a|b", True),
        ((), "US", False),
    ],
)
def test_membership_key_matches_whole_values(values: tuple[str, ...], member: str, expected: bool) -> None:
    assert (membership_token(member) in membership_key(values)) is expected


def test_synthetic_frame_keeps_order_and_ids() -> None:
    events = synthetic_events(500, seed=3)
    frame = events_frame(events)
    assert frame["id"].tolist() == [event.id for event in events]
    dated = frame.dropna(subset=["start"])
    assert (dated["end"] >= dated["start"]).all()
