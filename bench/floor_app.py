"""The floor of every warm start: the smallest Streamlit page that draws a Plotly chart (two points).

``bench_coldstart.py`` times it beside the app and the plain pandas + Plotly peer, so a figure can be read
against what Streamlit and Plotly alone take on the machine: the server's start, the frontend's bundle,
Plotly.js, one figure drawn. No store is read and no data frame is built.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Scatter(x=[1, 2], y=[1, 2], mode="markers")))
