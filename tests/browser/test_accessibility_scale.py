"""axe-core on every page of the app over a Guardian-size store (3,239 synthetic events, as the archive
issue 8 was tried on): the overview's density strips and labelled key events, the projector's large type
and a slide are checked too, with no serious or critical violation."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import REPO, SERVER_START_TIMEOUT_S, UI_TIMEOUT_MS, AppDriver
from playwright.sync_api import Browser
from test_accessibility import AXE, nav_paths, violations

from bench.streamlit_server import serve
from bench.synthetic import build_synthetic_store

pytestmark = pytest.mark.browser

GUARDIAN_EVENTS = 3239


@pytest.fixture(scope="module")
def guardian_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``streamlit run app.py`` over a store of 3,239 synthetic events (no articles to read)."""
    root = tmp_path_factory.mktemp("guardian")
    data, empty = root / "data", root / "no-articles"
    empty.mkdir()
    build_synthetic_store(data / "timeline.sqlite3", GUARDIAN_EVENTS)
    env = {**os.environ, "TIMELINE_DATA_DIR": str(data), "TIMELINE_SEEDS_DIR": str(empty)}
    log = root / "server.log"
    with (
        log.open("wb") as output,
        serve(
            REPO / "app.py", cwd=REPO, env=env, timeout_s=SERVER_START_TIMEOUT_S, output=output, log=log
        ) as url,
    ):
        yield url


@pytest.fixture
def big_app(browser: Browser, guardian_url: str, artifacts: Path) -> Iterator[AppDriver]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.set_default_timeout(UI_TIMEOUT_MS * 2)  # thousands of events on a shared machine
    yield AppDriver(context.new_page(), guardian_url, artifacts)
    context.close()


@pytest.fixture(scope="module")
def axe_script() -> Path:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(REPO)} is missing: run `make npm-deps` (make test does it)")
    return AXE


def test_every_page_at_guardian_size_in_normal_and_large_type(big_app: AppDriver, axe_script: Path) -> None:
    paths = nav_paths(big_app)
    assert {"", "present", "sources", "data"} <= set(paths), paths
    found: dict[str, list[str]] = {}
    for path in paths:
        for query in ({}, {"large": "1"}):
            big_app.open(path, query)
            found[f"{path or 'timeline'} {query}"] = violations(big_app, axe_script)
    for path, query in (("present", {"slide": "1", "large": "1"}), ("", {"key": "0"})):
        big_app.open(path, query)
        found[f"{path or 'timeline'} {query}"] = violations(big_app, axe_script)
    assert found == {key: [] for key in found}
