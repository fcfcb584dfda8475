"""``timeline.ui.submit`` (AppTest): a press acted on runs its callback and shows nothing more; a press
that reaches a session which never drew the button (a page reconnected to a restarted server) runs no
callback and says so; the next press in that session is acted on.

The restarted server is modelled as Streamlit meets it: a new session (a new AppTest) whose first run
receives the page's widget states with the button pressed, as the reconnected page sends them.
(``_tree.get_widget_states`` and ``_run`` are AppTest's own path for a click; used here to hand the
states to the other session.) The same in a real browser and server: tests/browser/test_restart_save.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from timeline.ui.submit import STALE_MESSAGE


def _app(kind: str) -> None:
    import streamlit as st

    from timeline.ui import submit

    def save(word: str) -> None:
        st.session_state["saved"] = [*st.session_state.get("saved", []), st.session_state["word"], word]

    if kind == "form":
        with st.form("the_form"):
            st.text_input("Word", key="word")
            acted = submit.form_submit("Save", key="save", on_click=save, args=("form",))
    else:
        st.text_input("Word", key="word")
        left, _right = st.columns(2)
        acted = submit.button("Save", key="save", on_click=save, kwargs={"word": "button"}, where=left)
    st.session_state["acted"] = acted


def _new(kind: str) -> AppTest:
    return AppTest.from_function(_app, kwargs={"kind": kind})


def _press(at: AppTest) -> Any:
    """The widget states a press of the page's Save button sends (with the word typed)."""
    at.text_input(key="word").input("Baghdad")
    at.button(key="save").click()
    return at._tree.get_widget_states()


def _warnings(at: AppTest) -> list[str]:
    return [warning.value for warning in at.warning]


@pytest.mark.parametrize("kind", ["form", "button"])
def test_a_press_in_the_session_that_drew_the_button_is_acted_on(kind: str) -> None:
    at = _new(kind).run()
    _press(at)
    at.run()
    assert not at.exception
    assert at.session_state["saved"] == ["Baghdad", kind]
    assert at.session_state["acted"] is True
    assert _warnings(at) == []
    at.run()  # an ordinary rerun afterwards: not pressed, nothing more
    assert at.session_state["acted"] is False
    assert at.session_state["saved"] == ["Baghdad", kind]


@pytest.mark.parametrize("kind", ["form", "button"])
def test_a_press_reaching_a_new_session_says_nothing_was_saved_and_the_next_press_saves(kind: str) -> None:
    page = _new(kind).run()
    pressed = _press(page)

    restarted = _new(kind)  # the server's new session: it has never drawn the page
    restarted._run(pressed)
    assert not restarted.exception
    assert "saved" not in restarted.session_state  # no callback ran
    assert restarted.session_state["acted"] is False
    assert _warnings(restarted) == [STALE_MESSAGE]
    assert restarted.text_input(key="word").value == "Baghdad"  # the typed value is still in the field
    restarted.run()  # a rerun the page asks for by itself (a sign-in cookie read back): the warning stays
    assert _warnings(restarted) == [STALE_MESSAGE]
    assert "saved" not in restarted.session_state

    _press(restarted)  # the editor presses again, in the session that has now drawn the button
    restarted.run()
    assert restarted.session_state["saved"] == ["Baghdad", kind]
    assert restarted.session_state["acted"] is True
    assert _warnings(restarted) == []


def test_a_new_session_opened_without_a_press_shows_no_warning() -> None:
    at = _new("form").run()
    assert _warnings(at) == []
    assert at.session_state["acted"] is False
