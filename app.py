"""The timeline app: ``streamlit run app.py``. Pages live in ``timeline/ui/``; this file only wires them."""

from __future__ import annotations

import os
from pathlib import Path

# Before numpy is first imported (pandas imports it): one BLAS thread, so the parser behind a first
# start's extraction runs on numpy's kernels (timeline.events.nlp) rather than slower generic ones.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import streamlit as st

from timeline.ui import collections, signin

# The tab icon is a file of the app (sent inline): a Material or emoji icon would be fetched from
# Google's or a CDN's servers on every page load, and the app makes no outside request.
FAVICON = Path(__file__).resolve().parent / "timeline" / "ui" / "favicon.svg"

# No page_title here: each tab is titled by its page (st.Page's title), "Present", "Sources", ...
st.set_page_config(page_icon=str(FAVICON), layout="wide")

navigation = st.navigation(
    [
        st.Page("timeline/ui/timeline_page.py", title="Timeline", icon=":material/timeline:", default=True),
        st.Page(
            "timeline/ui/present_page.py", title="Present", icon=":material/slideshow:", url_path="present"
        ),
        st.Page(
            "timeline/ui/sources_page.py", title="Sources", icon=":material/article:", url_path="sources"
        ),
        st.Page("timeline/ui/data_page.py", title="Data", icon=":material/table:", url_path="data"),
        st.Page("timeline/ui/lessons_page.py", title="Lessons", icon=":material/school:", url_path="lessons"),
        st.Page("timeline/ui/add_page.py", title="Add articles", icon=":material/note_add:", url_path="add"),
        st.Page(
            "timeline/ui/collections_page.py",
            title="Collection",
            icon=":material/folder_open:",
            url_path="collection",
        ),
    ]
)
# Who may change things is settled before the page runs; the sign-in form sits under the page's sidebar.
signin.restore_session()
collections.sidebar()  # the current collection (c=<slug>), above the page's own sidebar
navigation.run()
signin.sidebar()
