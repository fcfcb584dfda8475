"""Read-only access to the JSON data files under ``timeline/data`` (word lists, settings: data, not code)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_data(name: str) -> dict[str, Any]:
    """The parsed ``timeline/data/<name>``; cached because the files never change while running."""
    raw = resources.files("timeline").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data
