"""The word lists of this stage, read once from ``timeline/data`` (JSON files, not code)."""

from __future__ import annotations

from typing import Any

from timeline.resources import load_data


def chrome_data() -> dict[str, Any]:
    """``timeline/data/chrome.json``: site chrome phrases and the thresholds of the layout rules."""
    return load_data("chrome.json")


def dateline_data() -> dict[str, Any]:
    """``timeline/data/dateline.json``: dateline labels, filler words, HTML meta names."""
    return load_data("dateline.json")
