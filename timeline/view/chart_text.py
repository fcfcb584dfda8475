"""The article text a chart shows, made safe and short: hover labels and shortened names.

Text from articles only reaches the figure HTML-escaped: Plotly renders a subset of HTML in hover
labels and tick labels, and the exported HTML must not carry a live ``<script>``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from timeline.view.frame import EDITED_HOVER

HOVER_TITLE_CHARS = 110


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _escape(values: pd.Series) -> pd.Series:
    """HTML-escape a text column, vectorised (Plotly renders <b>, <br>, <a>... in hover labels)."""
    text = values.astype(str)
    escaped: pd.Series = text.str.replace("&", "&amp;").str.replace("<", "&lt;").str.replace(">", "&gt;")
    return escaped


def _shorten_column(values: pd.Series, limit: int) -> pd.Series:
    text = values.astype(str)
    long = text.str.len() > limit
    shortened: pd.Series = text.where(~long, text.str.slice(0, limit - 1).str.rstrip() + "…")
    return shortened


def hover_text(df: pd.DataFrame) -> pd.Series:
    """'<b>title</b><br>date<br>n sources: outlets' per row, every article-derived part escaped."""

    def column(values: Any) -> pd.Series:
        return pd.Series(values, index=df.index, dtype=str)

    titles = _escape(_shorten_column(df["title"], HOVER_TITLE_CHARS))
    outlets = _escape(_shorten_column(df["outlets"], 80))
    counts = df["n_sources"].to_numpy(dtype=np.int64)
    source_text = column(counts.astype(str)) + column(np.where(counts == 1, " source", " sources"))
    with_outlets = source_text.where(outlets.str.len() == 0, source_text + ": " + outlets)
    planned = column(np.where(df["planned"].to_numpy(dtype=bool), " (planned)", ""))
    dates = _escape(df["display_date"])
    edited = column(np.where(df["edited"].to_numpy(dtype=bool), EDITED_HOVER, "")) if "edited" in df else ""
    hover: pd.Series = "<b>" + titles + "</b><br>" + dates + planned + "<br>" + with_outlets + edited
    return hover
