"""The Present page through AppTest: a title slide, then one event per slide in date order, with
previous/next, progress and the slide number in the URL; it presents the current filters."""

from __future__ import annotations

import pytest
from app_harness import DATA_PAGE, PRESENT_PAGE, TIMELINE_PAGE, all_text, figure, markdown_text, open_app
from app_harness import synthetic_store as synthetic_store  # the fixture, re-exported for pytest
from app_support import EVENTS, chronological_ids, ids_where

pytestmark = pytest.mark.usefixtures("synthetic_store")

TITLES = {event.id: event.title for event in EVENTS}
ORDER = chronological_ids()


def _slide(at: object) -> str | None:
    value = at.query_params.get("slide")  # type: ignore[attr-defined]
    return str(value[-1] if isinstance(value, list) else value) if value else None


def test_starts_on_a_title_slide_with_progress() -> None:
    at = open_app(page=PRESENT_PAGE)
    assert f"0 / {len(EVENTS)}" in markdown_text(at)
    assert f"{len(EVENTS)} events" in markdown_text(at)
    assert at.button(key="previous").disabled
    assert not at.button(key="next").disabled
    assert _slide(at) is None


def test_next_and_previous_step_through_events_in_date_order() -> None:
    at = open_app(page=PRESENT_PAGE)
    for number, event_id in enumerate(ORDER, start=1):
        at.button(key="next").click().run()
        assert _slide(at) == str(number)
        assert f"{number} / {len(EVENTS)}" in markdown_text(at)
        assert any(_escaped(TITLES[event_id]) in line for line in markdown_text(at).splitlines())
    assert at.button(key="next").disabled, "no slide past the last event"
    at.button(key="previous").click().run()
    assert _slide(at) == str(len(ORDER) - 1)
    assert any(_escaped(TITLES[ORDER[-2]]) in line for line in markdown_text(at).splitlines())


def _escaped(title: str) -> str:
    from timeline.view.highlight import escape_markdown

    return escape_markdown(title)


@pytest.mark.parametrize("number", [1, 3, len(ORDER)])
def test_the_slide_number_in_a_link_opens_that_slide(number: int) -> None:
    at = open_app({"slide": str(number)}, page=PRESENT_PAGE)
    assert f"{number} / {len(EVENTS)}" in markdown_text(at)
    assert _escaped(TITLES[ORDER[number - 1]]) in markdown_text(at)
    strip = figure(at)
    current = strip["data"][-1]["x"][0]
    assert str(current).startswith(str(EVENTS_BY_ID[ORDER[number - 1]].start))


EVENTS_BY_ID = {event.id: event for event in EVENTS}


def test_a_slide_past_the_end_shows_the_last_one() -> None:
    at = open_app({"slide": "999"}, page=PRESENT_PAGE)
    assert f"{len(EVENTS)} / {len(EVENTS)}" in markdown_text(at)
    assert _slide(at) == str(len(EVENTS))


def test_presents_only_the_filtered_events() -> None:
    iran = chronological_ids(ids_where(lambda e: "Iran" in e.actors))
    at = open_app({"actors": "Iran", "slide": "1"}, page=PRESENT_PAGE)
    assert f"1 / {len(iran)}" in markdown_text(at)
    assert _escaped(TITLES[iran[0]]) in markdown_text(at)


def test_filters_set_on_the_timeline_carry_over_to_present() -> None:
    at = open_app()
    at.multiselect(key="f_cats").set_value(["diplomacy"]).run()
    at.switch_page(PRESENT_PAGE).run()
    diplomacy = chronological_ids(ids_where(lambda e: e.category == "diplomacy"))
    assert f"0 / {len(diplomacy)}" in markdown_text(at)
    at.button(key="next").click().run()
    assert _escaped(TITLES[diplomacy[0]]) in markdown_text(at)
    at.switch_page(TIMELINE_PAGE).run()
    assert at.multiselect(key="f_cats").value == ["diplomacy"], "and back again"


def test_nothing_to_present_offers_a_reset() -> None:
    at = open_app({"q": "zzz-nothing"}, page=PRESENT_PAGE)
    assert "No event to present" in all_text(at)
    at.button(key="reset_present").click().run()
    assert f"0 / {len(EVENTS)}" in markdown_text(at)


@pytest.mark.parametrize("page", [TIMELINE_PAGE, PRESENT_PAGE, DATA_PAGE])
def test_a_links_unknown_filter_values_are_left_out_on_every_page(page: str) -> None:
    """One rule on every page: an actor the timeline lacks is dropped from the filter, and said so."""
    iran = ids_where(lambda e: "Iran" in e.actors)
    at = open_app({"actors": "Atlantis,Iran"}, page=None if page == TIMELINE_PAGE else page)
    shown = f"0 / {len(iran)}" if page == PRESENT_PAGE else f"{len(iran)} of {len(EVENTS)} events shown"
    assert shown in markdown_text(at)
    assert any(
        "Left out of the filters" in str(info.value) and "Atlantis" in str(info.value) for info in at.info
    )
    assert at.query_params["actors"] in ("Iran", ["Iran"])


def test_a_link_with_only_unknown_actors_presents_everything_not_nothing() -> None:
    at = open_app({"actors": "Atlantis"}, page=PRESENT_PAGE)
    assert f"0 / {len(EVENTS)}" in markdown_text(at)
    assert "actors" not in at.query_params


def _key_trace_ids(at: object) -> set[str]:
    traces = [trace for trace in figure(at)["data"] if trace.get("name") == "Key events"]
    return {str(row[0]) for trace in traces for row in trace["customdata"]}


def test_with_key_events_on_present_plays_the_key_events_the_timeline_labels() -> None:
    """Past a few hundred events a class cannot step through them all: with the switch on (a link's
    key=1, or by default on a big view) Present plays the Timeline's labelled key events, in date order,
    and its title slide says of how many; key=0 plays every event."""
    timeline = open_app({"key": "1", "keyn": "3"})
    labelled = _key_trace_ids(timeline)
    assert len(labelled) == 3
    at = open_app({"key": "1", "keyn": "3"}, page=PRESENT_PAGE)
    text = markdown_text(at)
    assert "0 / 3" in text
    dated = len([event for event in EVENTS if event.start is not None])
    assert f"3 key events of {dated:,}" in text
    played: set[str] = set()
    for _ in range(3):
        at.button(key="next").click().run()
        headings = [line for line in markdown_text(at).splitlines() if line.startswith("# ")]
        played |= {event_id for event_id in labelled if f"# {_escaped(TITLES[event_id])}" in headings}
    assert played == labelled
    assert at.button(key="next").disabled
    every = open_app({"key": "0"}, page=PRESENT_PAGE)
    assert f"0 / {len(EVENTS)}" in markdown_text(every) and "key event" not in markdown_text(every)
