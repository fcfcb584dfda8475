"""The peer of ``bench_server_faults.py``: a minimal Streamlit app that saves title edits the way an
app that "just saves a file" does, rewriting one JSON file in place.

``streamlit run bench/plain_edit_app.py`` with ``PLAIN_EDITS_FILE`` naming the file. ``?sel=<event>``
shows that event's current title as a heading and a form to change it. A save reads the file, appends
the edit and writes the whole list back (``open(path, "w")`` + ``json.dump``: no transaction, no
temporary file and rename, no lock, no conflict check); a file it cannot read counts as empty. The
same keys as the real app's edit form (``edit_panel``, ``edit_title``, ``edit_title_save``), so the
benchmark drives both with the same code; no sign-in.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import streamlit as st

PATH = Path(os.environ["PLAIN_EDITS_FILE"])


def _load() -> list[dict[str, Any]]:
    try:
        edits = json.loads(PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return edits if isinstance(edits, list) else []


def _save(event: str, key: str) -> None:
    edits = _load()
    edits.append({"event": event, "title": str(st.session_state.get(key) or "")})
    with open(PATH, "w", encoding="utf-8") as out:
        json.dump(edits, out)
    st.session_state["saved"] = True


event = str(st.query_params.get("sel") or "ev-0")
edits = _load()
title = next((edit["title"] for edit in reversed(edits) if edit.get("event") == event), f"Event {event}")
st.markdown(f"### {title}")
with st.container(key="edit_panel"):
    if st.session_state.pop("saved", False):
        st.success("Saved: title changed")
    key = f"title:{event}:{len(edits)}"
    with st.container(key="edit_title"), st.form("edit_title_form", border=False):
        st.text_input("Title", value=title, key=key, max_chars=200)
        st.form_submit_button("Save the title", key="edit_title_save", on_click=_save, args=(event, key))
