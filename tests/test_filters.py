"""Filters: what each one keeps, that the vectorised mask matches a plain reading of the rules,
and that the URL form of a view round-trips and never breaks on a bad link."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from urllib.parse import urlencode

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.synthetic import make_event, synthetic_events
from timeline.model import Event
from timeline.view.filters import (
    MAX_ITEM_CHARS,
    MAX_LIST_ITEMS,
    MAX_QUERY_CHARS,
    MAX_VALUE_CHARS,
    FilterState,
    apply_filters,
    fit_query,
)
from timeline.view.frame import events_frame


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return [
        make_event(
            "day", date(2020, 1, 3), title="Strike on the airport", actors=("US", "Iran"), category="attack"
        ),
        make_event(
            "month",
            date(2020, 3, 1),
            date(2020, 3, 31),
            precision="month",
            title="Parliament votes",
            actors=("Iraq",),
            category="politics and elections",
            docs=("doc-b",),
        ),
        make_event(
            "year",
            date(2021, 1, 1),
            date(2021, 12, 31),
            precision="year",
            title="U.S. troops to leave",
            actors=("US-led coalition",),
            category="troop presence",
            planned=True,
            docs=("doc-a", "doc-b"),
        ),
        make_event("undated", None, title="Talks resumed", actors=("Iran",), category="diplomacy"),
        make_event(
            "no-actor", date(2019, 6, 1), title="Oil prices (Brent) fell", category="energy and economy"
        ),
    ]


@pytest.fixture(scope="module")
def frame(events: list[Event]) -> pd.DataFrame:
    return events_frame(events)


def ids(frame: pd.DataFrame) -> list[str]:
    return sorted(frame["id"].tolist())


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (FilterState(), ["day", "month", "no-actor", "undated", "year"]),
        # an interval that overlaps the range is kept, even if it starts before it
        (FilterState(date_from=date(2020, 3, 15)), ["month", "year"]),
        (FilterState(date_to=date(2020, 3, 1)), ["day", "month", "no-actor"]),
        (FilterState(date_from=date(2020, 4, 1), date_to=date(2020, 12, 31)), []),
        # any actor of a multi-actor event matches; "US" is not "US-led coalition"
        (FilterState(actors=("US",)), ["day"]),
        (FilterState(actors=("Iran",)), ["day", "undated"]),
        (FilterState(actors=("Iraq", "US-led coalition")), ["month", "year"]),
        (FilterState(categories=("attack", "diplomacy")), ["day", "undated"]),
        (FilterState(sources=("doc-b",)), ["month", "year"]),
        (FilterState(precisions=("day",)), ["day", "no-actor", "undated"]),
        (FilterState(precisions=("month", "year")), ["month", "year"]),
        (FilterState(include_planned=False), ["day", "month", "no-actor", "undated"]),
        # text: case-insensitive, literal (regex characters are plain characters)
        (FilterState(text="STRIKE"), ["day"]),
        (FilterState(text="u.s."), ["year"]),
        (FilterState(text="(brent)"), ["no-actor"]),
        (FilterState(text="  "), ["day", "month", "no-actor", "undated", "year"]),
        (FilterState(text="[unclosed"), []),
        # filters combine with AND
        (FilterState(actors=("US", "Iraq"), precisions=("month",)), ["month"]),
        (FilterState(actors=("Iran",), date_from=date(2000, 1, 1)), ["day"]),
    ],
)
def test_filter_keeps(frame: pd.DataFrame, state: FilterState, expected: list[str]) -> None:
    assert ids(apply_filters(frame, state)) == expected


def test_display_options_do_not_filter(frame: pd.DataFrame) -> None:
    state = FilterState(lane="category", selected="day", large=True, slide=3)
    assert len(apply_filters(frame, state)) == len(frame)


def reference_filter(events: Sequence[Event], state: FilterState) -> list[str]:
    """The rules read plainly, one event at a time: what the vectorised filter must agree with."""
    kept = []
    for event in events:
        end = event.end or event.start
        if state.date_from and (end is None or end < state.date_from):
            continue
        if state.date_to and (event.start is None or event.start > state.date_to):
            continue
        if state.actors and not set(state.actors) & set(event.actors):
            continue
        if state.sources and not set(state.sources) & {s.doc for s in event.sources}:
            continue
        if state.categories and event.category not in state.categories:
            continue
        if state.precisions and event.precision not in state.precisions:
            continue
        if not state.include_planned and event.planned:
            continue
        if (
            state.text.strip()
            and state.text.strip().lower() not in f"{event.title}\n{event.sentence}".lower()
        ):
            continue
        kept.append(event.id)
    return sorted(kept)


SYNTHETIC_STATES = [
    FilterState(date_from=date(2010, 1, 1), date_to=date(2012, 6, 30)),
    FilterState(actors=("Iran", "ISIS")),
    FilterState(categories=("attack",), include_planned=False),
    FilterState(precisions=("day", "week"), text="agreement"),
    FilterState(sources=("syn00001", "syn00007"), date_from=date(2015, 1, 1)),
    FilterState(text="EVENT NUMBER 1"),
]


@pytest.mark.parametrize("state", SYNTHETIC_STATES)
def test_vectorised_filter_agrees_with_reference(state: FilterState) -> None:
    events = synthetic_events(3000, seed=11)
    result = apply_filters(events_frame(events), state)
    assert ids(result) == reference_filter(events, state)
    assert ids(result), "each state should keep some events, or the comparison proves little"


ROUND_TRIP_STATES = [
    FilterState(),
    FilterState(date_from=date(2003, 3, 20)),
    FilterState(date_from=date(2003, 3, 20), date_to=date(2011, 12, 18)),
    FilterState(actors=("Iran", "US-led coalition")),
    FilterState(actors=("Comma, Inc.", "100% sure", "a%2Cb")),
    FilterState(categories=("attack", "politics and elections"), sources=("000_3da4cc575a5858d1",)),
    FilterState(text="Soleimani, killed"),
    FilterState(text="ünïcødé & <b>"),
    FilterState(precisions=("day", "month")),
    FilterState(include_planned=False),
    FilterState(lane="category", large=True),
    FilterState(selected="ev-123", slide=7),
]


@pytest.mark.parametrize("state", ROUND_TRIP_STATES)
def test_query_params_round_trip(state: FilterState) -> None:
    params = state.to_query_params()
    assert all(isinstance(value, str) for value in params.values())
    assert FilterState.from_query_params(params) == state


def test_default_state_has_no_params() -> None:
    assert FilterState().to_query_params() == {}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, FilterState()),
        ({"from": "yesterday", "to": "2020-13-45"}, FilterState()),
        (
            {"from": "2021-01-01", "to": "2020-01-01"},
            FilterState(date_from=date(2020, 1, 1), date_to=date(2021, 1, 1)),
        ),
        ({"lane": "sideways"}, FilterState()),
        ({"slide": "-3"}, FilterState()),
        ({"slide": "three"}, FilterState()),
        ({"slide": "99999999999"}, FilterState()),
        ({"planned": "maybe"}, FilterState()),
        ({"large": "yes"}, FilterState(large=True)),
        ({"prec": "day,fortnight"}, FilterState(precisions=("day",))),
        ({"actors": ",,Iran,,Iran,"}, FilterState(actors=("Iran",))),
        ({"actors": ["Iran", "US"]}, FilterState(actors=("Iran", "US"))),
        ({"sel": ["a", "b"]}, FilterState(selected="b")),
        ({"sel": "  "}, FilterState()),
        ({"unknown": "x", "q": "oil"}, FilterState(text="oil")),
        ({"q": "x" * 3000}, FilterState(text="x" * 200)),
        # A link is read within bounds: an oversized value is ignored, long lists are cut.
        ({"q": "x" * (MAX_VALUE_CHARS + 1)}, FilterState()),
        ({"actors": "Iran," * 50_000, "lane": "category"}, FilterState(lane="category")),
        ({"actors": ["Iran", "x" * 100_000]}, FilterState(actors=("Iran",))),
        ({"actors": "Iran," + "y" * (MAX_ITEM_CHARS + 1)}, FilterState(actors=("Iran",))),
        (
            {"sources": ",".join(f"d{i}" for i in range(MAX_LIST_ITEMS + 50))},
            FilterState(sources=tuple(f"d{i}" for i in range(MAX_LIST_ITEMS))),
        ),
        ({"sel": "e" * (MAX_ITEM_CHARS + 1)}, FilterState()),
        ({"slide": "9" * 5000}, FilterState()),
        ({"from": "2" * 100_000}, FilterState()),
    ],
)
def test_bad_params_fall_back_to_defaults(params: dict[str, str | list[str]], expected: FilterState) -> None:
    assert FilterState.from_query_params(params) == expected


@given(
    st.dictionaries(
        st.sampled_from(
            [
                "from",
                "to",
                "actors",
                "cats",
                "sources",
                "q",
                "prec",
                "planned",
                "lane",
                "sel",
                "large",
                "slide",
                "other",
            ]
        ),
        st.one_of(st.text(), st.lists(st.text(), max_size=3)),
    )
)
def test_any_params_give_a_state(params: dict[str, str | list[str]]) -> None:
    state = FilterState.from_query_params(params)
    assert isinstance(state, FilterState)
    written = state.to_query_params()
    if not state.unshared():
        assert FilterState.from_query_params(written) == state
    assert len(urlencode(written)) <= MAX_QUERY_CHARS


ACTORS_2K = tuple(f"Actor number {i:03d}" for i in range(150))
"""150 actors: about 3,000 characters once URL-encoded, too long for one shareable address."""


@pytest.mark.parametrize(
    ("state", "left_out"),
    [
        (FilterState(actors=("Iran",), selected="ev-1", slide=3), ()),
        (FilterState(actors=ACTORS_2K, selected="ev-1", lane="category"), ("actors",)),
        (FilterState(actors=ACTORS_2K, sources=ACTORS_2K, text="oil"), ("actors", "sources")),
        (FilterState(text="ü" * 200, categories=ACTORS_2K[:20]), ()),
        (FilterState(sources=ACTORS_2K, categories=ACTORS_2K[:40], date_from=date(2003, 1, 1)), ("sources",)),
    ],
    ids=["fits", "actors-too-long", "two-lists-too-long", "encoded-text-fits", "later-list-left-out"],
)
def test_a_view_too_large_for_an_address_leaves_out_whole_parameters(
    state: FilterState, left_out: tuple[str, ...]
) -> None:
    written = state.to_query_params()
    assert len(urlencode(written)) <= MAX_QUERY_CHARS
    assert state.unshared() == left_out
    full = state.all_query_params()
    assert set(written) == set(full) - set(left_out)
    assert all(written[key] == full[key] for key in written), "kept parameters are whole"


@pytest.mark.parametrize(
    ("params", "limit", "kept", "left_out"),
    [
        ({"a": "x" * 10}, 12, {"a": "x" * 10}, ()),
        ({"a": "x" * 11}, 12, {}, ("a",)),
        ({"actors": "x" * 50, "sel": "e1"}, 20, {"sel": "e1"}, ("actors",)),
        ({"q": "x" * 30, "actors": "y"}, 20, {"actors": "y"}, ("q",)),
        ({"q": "é" * 3}, 20, {"q": "é" * 3}, ()),
        ({"q": "é" * 4}, 20, {}, ("q",)),
    ],
    ids=[
        "exact-fit",
        "one-over",
        "selection-first",
        "smaller-later-one-kept",
        "encoded-fits",
        "encoded-over",
    ],
)
def test_fit_query_keeps_what_fits_in_its_order(
    params: dict[str, str], limit: int, kept: dict[str, str], left_out: tuple[str, ...]
) -> None:
    assert fit_query(params, limit) == (kept, left_out)


KNOWN = {"actors": {"Iran", "Iraq"}, "categories": {"attack"}, "sources": {"d1"}, "precisions": {"day"}}


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (FilterState(actors=("Iran", "Atlantis")), FilterState(actors=("Iran",))),
        (FilterState(actors=("Atlantis",)), FilterState()),
        (FilterState(categories=("attack", "sport")), FilterState(categories=("attack",))),
        (FilterState(sources=("gone", "d1")), FilterState(sources=("d1",))),
        (FilterState(precisions=("day", "decade")), FilterState(precisions=("day",))),
        (
            FilterState(actors=("Iraq",), text="oil", selected="ev-9", slide=4, lane="category"),
            FilterState(actors=("Iraq",), text="oil", selected="ev-9", slide=4, lane="category"),
        ),
    ],
    ids=["unknown-actor-dropped", "only-unknown-means-all", "category", "source", "precision", "rest-kept"],
)
def test_filter_values_the_data_lacks_are_left_out(state: FilterState, expected: FilterState) -> None:
    assert state.known_only(**KNOWN) == expected


@pytest.mark.parametrize(
    ("state", "count"),
    [
        (FilterState(), 0),
        (FilterState(lane="category", large=True, selected="x", slide=2), 0),
        (FilterState(actors=("Iran",), text="oil", include_planned=False), 3),
    ],
)
def test_active_filter_count(state: FilterState, count: int) -> None:
    assert state.active_filters == count


def test_reset_and_cleared() -> None:
    state = FilterState(actors=("Iran",), lane="category", large=True, selected="x")
    assert FilterState.reset() == FilterState()
    assert state.cleared() == FilterState(lane="category", large=True)
