"""The word lists of this stage, read once from ``timeline/data`` (JSON files, not code)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("timeline").joinpath("data", name).read_text("utf-8"))
    return data


@cache
def chrome_data() -> dict[str, Any]:
    """``timeline/data/chrome.json``: site chrome phrases and the thresholds of the layout rules."""
    return _load("chrome.json")


@cache
def dateline_data() -> dict[str, Any]:
    """``timeline/data/dateline.json``: dateline labels, filler words, HTML meta names."""
    return _load("dateline.json")
