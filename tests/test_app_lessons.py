"""Lessons through AppTest: an editor builds an ordered lesson (title, notes, span, reorder, remove);
its link plays it in Present for anyone; a reader sees the lessons but no control, and forged writes
change nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from app_harness import PRESENT_PAGE, open_app
from app_harness import synthetic_store as synthetic_store  # fixture, re-exported for pytest
from streamlit.testing.v1 import AppTest
from workspace_app import LESSONS_PAGE, button_keys, errors, ok, signed_in, successes, text
from workspace_app import editors as editors  # fixture, re-exported for pytest

from timeline.store import EventStore
from timeline.store.lessons_store import lessons
from timeline.ui.lessons_page import CREATE_KEY, NEW_TITLE_KEY

pytestmark = pytest.mark.usefixtures("editors")
TITLE = "The 2003 invasion and after"
SLUG = "the-2003-invasion-and-after"


def _stored(data_dir: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    store = EventStore(data_dir / "timeline.sqlite3")
    try:
        return [(item.title, [(s.event_id, s.note) for s in item.slides]) for item in lessons(store)]
    finally:
        store.close()


def _add(at: AppTest, event_id: str, note: str = "") -> AppTest:
    at.selectbox(key=f"lesson_pick_{SLUG}").set_value(event_id)
    at.text_area(key=f"lesson_pick_note_{SLUG}").input(note)
    ok(at.button(key=f"lesson_add_slide_{SLUG}").click().run())
    assert "Slide added." in successes(at), errors(at)
    return at


def _build(at: AppTest) -> AppTest:
    at.text_input(key=NEW_TITLE_KEY).input(TITLE)
    ok(at.button(key=CREATE_KEY).click().run())
    assert "Lesson created." in successes(at), errors(at)
    _add(at, "ev-invasion", "Ask: why March 2003?")
    _add(at, "ev-meeting", "Sixteen years later.")
    _add(at, "ev-mosul")
    return at


def test_an_editor_builds_reorders_and_trims_a_lesson(synthetic_store: Path) -> None:
    at = _build(signed_in(LESSONS_PAGE))
    assert _stored(synthetic_store) == [
        (
            TITLE,
            [
                ("ev-invasion", "Ask: why March 2003?"),
                ("ev-meeting", "Sixteen years later."),
                ("ev-mosul", ""),
            ],
        )
    ]
    ok(at.button(key=f"lesson_up_{SLUG}_2").click().run())  # Mosul (2014) before the 2019 meeting
    ok(at.button(key=f"lesson_remove_{SLUG}_0").click().run())
    at.text_area(key=f"lesson_note_{SLUG}_0").input("The fall of Mosul.")
    ok(at.button(key=f"lesson_save_note_{SLUG}_0").click().run())
    at.date_input(key=f"lesson_from_{SLUG}").set_value(date(2014, 1, 1))
    at.date_input(key=f"lesson_to_{SLUG}").set_value(date(2019, 12, 31))
    ok(at.button(key=f"lesson_span_{SLUG}").click().run())
    assert _stored(synthetic_store) == [
        (TITLE, [("ev-mosul", "The fall of Mosul."), ("ev-meeting", "Sixteen years later.")])
    ]
    shown = text(at)
    assert "1. 2014 · **Militants take Mosul**" in shown and "2014-01-01 to 2019-12-31" in shown


def test_a_reversed_span_and_an_empty_title_are_refused_with_a_reason(synthetic_store: Path) -> None:
    at = signed_in(LESSONS_PAGE)
    ok(at.button(key=CREATE_KEY).click().run())
    assert "A lesson needs a title." in errors(at) and _stored(synthetic_store) == []
    at = _build(at)
    at.date_input(key=f"lesson_from_{SLUG}").set_value(date(2020, 1, 1))
    at.date_input(key=f"lesson_to_{SLUG}").set_value(date(2010, 1, 1))
    ok(at.button(key=f"lesson_span_{SLUG}").click().run())
    assert "ends before it starts" in errors(at)


def test_a_lesson_link_plays_the_lesson_in_present_for_a_reader(synthetic_store: Path) -> None:
    _build(signed_in(LESSONS_PAGE))
    at = open_app({"lesson": SLUG}, page=PRESENT_PAGE)  # another browser: a reader, from the link alone
    shown = text(at)
    assert f"# {TITLE}" in "\n".join(str(m.value) for m in at.markdown).replace("\\", "")
    assert "3 events" in shown and "0 / 3" in shown
    ok(at.button(key="next").click().run())
    assert "Invasion of Iraq begins" in text(at) and "Teacher's note:** Ask: why March 2003?" in text(at)
    ok(at.button(key="next").click().run())
    assert "Leaders meet in Baghdad" in text(at) and "Sixteen years later." in text(at)
    ok(at.button(key="next").click().run())
    assert "Militants take Mosul" in text(at) and "3 / 3" in text(at)
    assert at.query_params.get("lesson") == SLUG, "the address stays the lesson's link"


def test_an_unknown_lesson_falls_back_to_the_filtered_view_and_says_so() -> None:
    at = open_app({"lesson": "no-such-lesson"}, page=PRESENT_PAGE)
    assert "There is no lesson “no-such-lesson”" in text(at)
    assert "# Timeline" in text(at) and "0 / " in text(at), "the title slide of the whole view"


def test_a_reader_sees_lessons_but_no_control_and_forged_writes_change_nothing(synthetic_store: Path) -> None:
    _build(signed_in(LESSONS_PAGE))
    at = open_app(page=LESSONS_PAGE)
    assert TITLE in text(at) and "3 slide(s)" in text(at)
    links = [link.proto for link in at.get("page_link") if link.proto.label == "Present"]
    assert len(links) == 1 and f"lesson={SLUG}" in links[0].query_string, "a reader can open the lesson"
    assert not {key for key in button_keys(at) if key.startswith("lesson")}
    assert not [item for item in [*at.text_input, *at.text_area] if str(item.key).startswith("lesson")]
    at.session_state[NEW_TITLE_KEY] = "Forged"
    at.session_state["lesson_chosen"] = SLUG
    at.session_state[f"lesson_note_{SLUG}_0"] = "forged note"
    ok(at.run())
    at.query_params["lesson"] = SLUG
    ok(at.run())
    assert [title for title, _slides in _stored(synthetic_store)] == [TITLE]
    assert _stored(synthetic_store)[0][1][0] == ("ev-invasion", "Ask: why March 2003?")
