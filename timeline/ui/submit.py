"""Buttons that write (save, add, hide, merge, split, undo, a lesson's, an upload's): a click that the
server could not act on says so, instead of doing nothing in silence.

Why: when the server is restarted (a crash, ``kill -9``, a deploy), an open page reconnects to a new
server session by itself, without rerunning. That session has never drawn the page's buttons, so it has
none of their ``on_click`` callbacks: the next click reruns the page with the button pressed (it returns
True) but no callback runs, nothing is written, and (before this module) nothing was shown.

How: ``button`` and ``form_submit`` draw the button with its callback wrapped, and remember in the
session that this button was drawn here. A press is *stale* when the button was never drawn in this
session before this run and its callback did not run: then a warning is drawn beside the button
(nothing was saved; the values are still in the form; press again), kept through the page's own
reruns until the button is pressed again, and the press returns False. The
page's own run goes on, so the second press, now in a session that has drawn the button, saves as
usual. (Acting on the stale press instead is not safe in general: a callback's arguments, such as the
edit id a form had seen for its conflict check, are those of the new run, not of the page the editor
looked at.)

Nothing here writes or decides who may write: the callbacks still check the sign-in themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

LOG = logging.getLogger(__name__)

DRAWN_PREFIX = "_submit_drawn:"
"""Session-state key (with the button's key) set once this session has drawn the button."""
RAN_PREFIX = "_submit_ran:"
"""Session-state key (with the button's key) set by the button's callback when it runs."""
STALE_PREFIX = "_submit_stale:"
"""Session-state key (with the button's key) set from a stale press until the button is pressed again:
the warning stays through the reruns a page asks for by itself (a sign-in cookie read back on a new
session is one), or it would show for a moment and be gone."""

STALE_MESSAGE = (
    "The app restarted before this click reached it: nothing was saved. "
    "Check the values and press the button again."
)


def _flagged(key: str, on_click: Callable[..., object]) -> Callable[..., None]:
    def callback(*args: Any, **kwargs: Any) -> None:
        st.session_state[RAN_PREFIX + key] = True
        on_click(*args, **kwargs)

    return callback


def _answer(key: str, pressed: bool) -> bool:
    """``pressed``, unless the press is stale: then False, with the warning drawn in the current container
    (under the button; for a button in a column, under that row of columns, where the text has room)."""
    drawn_before = bool(st.session_state.get(DRAWN_PREFIX + key))
    ran = bool(st.session_state.pop(RAN_PREFIX + key, False))
    st.session_state[DRAWN_PREFIX + key] = True
    if pressed and not ran and not drawn_before:
        LOG.warning("A press of %r reached a session that had not drawn it (server restarted?): ignored", key)
        st.session_state[STALE_PREFIX + key] = True
        st.warning(STALE_MESSAGE, icon=":material/restart_alt:")
        return False
    if pressed:
        st.session_state.pop(STALE_PREFIX + key, None)
    elif st.session_state.get(STALE_PREFIX + key):
        st.warning(STALE_MESSAGE, icon=":material/restart_alt:")
    return pressed


def button(
    label: str,
    *,
    key: str,
    on_click: Callable[..., object],
    args: tuple[Any, ...] = (),
    kwargs: Mapping[str, Any] | None = None,
    where: DeltaGenerator | None = None,
    **options: Any,
) -> bool:
    """``st.button`` (or ``where.button``: a column, say) with a callback that writes; True when pressed
    and acted on."""
    pressed = (where if where is not None else st).button(
        label, key=key, on_click=_flagged(key, on_click), args=args, kwargs=dict(kwargs or {}), **options
    )
    return _answer(key, pressed)


def form_submit(
    label: str,
    *,
    key: str,
    on_click: Callable[..., object],
    args: tuple[Any, ...] = (),
    kwargs: Mapping[str, Any] | None = None,
    **options: Any,
) -> bool:
    """``st.form_submit_button`` (inside the current ``st.form``) with a callback that writes; True when
    pressed and acted on. A stale press's warning is drawn in the form, under the button."""
    pressed = st.form_submit_button(
        label, key=key, on_click=_flagged(key, on_click), args=args, kwargs=dict(kwargs or {}), **options
    )
    return _answer(key, pressed)
