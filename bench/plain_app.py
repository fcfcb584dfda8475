"""A plain Streamlit page over the same store, for ``bench_app.py`` to compare reruns against."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from bench.plain import load_plain_frame, plain_figure, plain_filter
from timeline.view.filters import FilterState


@st.cache_resource
def load() -> pd.DataFrame:
    return load_plain_frame(Path(os.environ["TIMELINE_DATA_DIR"]) / "timeline.sqlite3")


frame = load()
text = st.text_input("Search", key="f_text")
actors = sorted({actor for actors in frame["actors"] for actor in actors})
chosen = st.multiselect("Actors", options=actors, key="f_actors")
shown = plain_filter(frame, FilterState(text=text, actors=tuple(chosen)))
st.write(f"{len(shown)} of {len(frame)} events")
st.plotly_chart(plain_figure(shown))
