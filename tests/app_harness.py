"""Driving the Streamlit app in tests: a synthetic store in a temporary data folder, and readers for
what AppTest renders (the chart's figure JSON, markdown, captured downloads)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from app_support import APP, build_store
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

TIMEOUT = 120
"""Generous: the machine is shared and noisy; tests never assert on time."""


def open_app(params: Mapping[str, str] | None = None, page: str | None = None) -> AppTest:
    """Run the app (optionally on ``page``, with URL ``params``) and return the finished AppTest."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        # AppTest must run the default page first; then the link is "opened" on the page itself.
        at.query_params.clear()
        for key, value in (params or {}).items():
            at.query_params[key] = value
        at.switch_page(page).run()
    assert not at.exception, [item.value for item in at.exception]
    return at


@pytest.fixture
def synthetic_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store holding exactly the synthetic events; an empty articles folder, so a sync changes nothing."""
    data_dir = tmp_path / "data"
    seeds_dir = tmp_path / "seeds"
    seeds_dir.mkdir()
    build_store(data_dir)
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(data_dir))
    monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(seeds_dir))
    return data_dir


@pytest.fixture
def captured_downloads(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, bytes]]:
    """Every file the app hands to Streamlit's media storage, by the file name in its URL."""
    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def recording(
        self: MemoryMediaFileStorage, path_or_data: Any, mimetype: str, kind: Any, filename: Any = None
    ) -> str:
        file_id: str = original(self, path_or_data, mimetype, kind, filename)
        data = path_or_data if isinstance(path_or_data, bytes) else Path(path_or_data).read_bytes()
        files[file_id] = data
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    yield files


def download(at: AppTest, key: str, files: Mapping[str, bytes]) -> bytes:
    """The bytes behind the download button with ``key``."""
    for button in at.get("download_button"):
        if button.proto.id.endswith(key):
            file_id = Path(button.proto.url).stem
            return files[file_id]
    raise AssertionError(f"no download button {key!r}")


def figure(at: AppTest, index: int = 0) -> dict[str, Any]:
    """The Plotly figure JSON of the ``index``-th chart on the page."""
    charts = at.get("plotly_chart")
    assert len(charts) > index, "no chart on the page"
    spec: dict[str, Any] = json.loads(charts[index].proto.spec)
    return spec


def chart_ids(at: AppTest) -> set[str]:
    """Event ids the timeline chart's data traces carry (customdata[0]; the selection ring excluded)."""
    ids: set[str] = set()
    for trace in figure(at)["data"]:
        if trace.get("name") == "Selected" or not trace.get("customdata"):
            continue
        ids.update(str(row[0]) for row in trace["customdata"])
    return ids


def markdown_text(at: AppTest) -> str:
    """All markdown bodies on the page (main and sidebar), one per line."""
    return "\n".join(str(element.value) for element in at.markdown)


def all_text(at: AppTest) -> str:
    """Every text-bearing element's value, for "what does the reader see" checks."""
    parts: list[str] = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "text"):
        parts.extend(str(element.value) for element in at.get(kind) if hasattr(element, "value"))
    return "\n".join(parts)


TIMELINE_PAGE = "timeline/ui/timeline_page.py"
PRESENT_PAGE = "timeline/ui/present_page.py"
SOURCES_PAGE = "timeline/ui/sources_page.py"
DATA_PAGE = "timeline/ui/data_page.py"
