"""axe-core on every page of the app over a Guardian-size store (3,239 synthetic events, as the archive
issue 8 was tried on): the overview's density strips and labelled key events, the projector's large type
and a slide are checked too, with no serious or critical violation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import REPO, UI_TIMEOUT_MS, AppDriver
from playwright.sync_api import Browser
from test_accessibility import AXE, nav_paths, violations

pytestmark = pytest.mark.browser

SYNTHETIC_EVENTS = 3239
"""The store's size (``synthetic_url``): the Guardian archive's."""


@pytest.fixture
def big_app(browser: Browser, synthetic_url: str, artifacts: Path) -> Iterator[AppDriver]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.set_default_timeout(UI_TIMEOUT_MS * 2)  # thousands of events on a shared machine
    yield AppDriver(context.new_page(), synthetic_url, artifacts)
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
