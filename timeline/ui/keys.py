"""Presenter keys for the Present page: the keys a clicker sends step the slides.

Streamlit has no key events, and a button takes one shortcut; a presenter's clicker sends PageDown and
PageUp (some send the arrow keys, or Space). A tiny Streamlit component (``st.components.v2``, inline
JavaScript: it loads nothing from anywhere) listens for those keys on the app's page and reports each
press as a one-run trigger value; ``on_step`` then moves the slide. Keys typed into a field, a list or
a dialog are left alone, and so is any key pressed with Ctrl, Alt or Cmd (the browser's own shortcuts).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

COMPONENT = "timeline.presenter_keys"
KEY = "presenter_keys"
"""The component's key: its element is hidden by the page's CSS (``.st-key-presenter_keys``)."""

FORWARD_KEYS = ("PageDown", "ArrowRight", " ")
BACK_KEYS = ("PageUp", "ArrowLeft")
"""``KeyboardEvent.key`` values; Shift+Space steps back, as in slide software."""

JS = """
export default function (component) {
  const { setTriggerValue } = component;
  const FORWARD = new Set(__FORWARD__);
  const BACK = new Set(__BACK__);
  const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], '
    + '[role="combobox"], [role="listbox"], [role="option"], [role="textbox"], [role="slider"], '
    + '[role="menu"], [role="menuitem"], [role="dialog"], [role="spinbutton"]';
  const onKey = (event) => {
    if (event.defaultPrevented || event.isComposing || event.repeat) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    let step = 0;
    if (FORWARD.has(event.key)) step = event.key === ' ' && event.shiftKey ? -1 : 1;
    else if (BACK.has(event.key)) step = -1;
    if (!step || (event.shiftKey && event.key !== ' ')) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest(TYPING)) return;
    event.preventDefault();  // no page scroll, and no second click on a focused button (Space)
    event.stopPropagation();
    if (target && target !== document.body && typeof target.blur === 'function') target.blur();
    setTriggerValue('step', step);
  };
  window.addEventListener('keydown', onKey, true);
  document.documentElement.dataset.presenterKeys = 'ready';  // (a state tests can wait for)
  return () => {
    window.removeEventListener('keydown', onKey, true);
    delete document.documentElement.dataset.presenterKeys;
  };
}
"""


def _js() -> str:
    import json

    return JS.replace("__FORWARD__", json.dumps(FORWARD_KEYS)).replace("__BACK__", json.dumps(BACK_KEYS))


def presenter_keys(on_step: Callable[[int], None]) -> None:
    """Mount the listener; each key press calls ``on_step(+1)`` or ``on_step(-1)`` before the next run."""
    mount = st.components.v2.component(COMPONENT, js=_js())

    def stepped() -> None:
        result = st.session_state.get(KEY)
        step = getattr(result, "step", None) if result is not None else None
        if step in (1, -1):
            on_step(int(step))

    mount(key=KEY, on_step_change=stepped, width="content", height="content")
