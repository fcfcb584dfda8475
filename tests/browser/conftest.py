"""The browser suite's world: a real ``streamlit run app.py`` and Debian's headless chromium.

The app runs once per session on a free loopback port, with its own empty data folder and an articles
folder holding the seed articles plus two hostile ones (one with a ``<script>`` and an ``<img onerror>``
in its text; one whose text and catalog title and outlet hold Markdown images, links, math, directives,
bare URLs and HTML pointing at a beacon server), so the suite sees exactly what a teacher's browser
would, first start included.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser_support import (
    ARTIFACTS,
    EXPECT_TIMEOUT_MS,
    HOSTILE_ARTICLE,
    HOSTILE_FILE,
    MARKDOWN_FILE,
    REPO,
    SERVER_START_TIMEOUT_S,
    UI_TIMEOUT_MS,
    AppDriver,
    Beacon,
    PageWatch,
    StoredTimeline,
    markdown_article,
    markdown_catalog_entry,
)
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from bench.streamlit_server import CHROMIUM, CHROMIUM_ARGS, serve
from bench.synthetic import build_synthetic_store
from timeline.store import DATABASE_NAME, EventStore


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def beacon() -> Iterator[Beacon]:
    """The server the hostile Markdown points at; its ``hits`` must stay empty."""
    with Beacon().running() as server:
        yield server


@pytest.fixture(scope="session")
def articles_dir(tmp_path_factory: pytest.TempPathFactory, beacon: Beacon) -> Path:
    """The seed articles (and their catalog) plus the hostile articles, in a folder of their own."""
    folder = tmp_path_factory.mktemp("articles")
    for item in (REPO / "seeds").iterdir():
        if item.is_file():
            shutil.copy2(item, folder / item.name)
    (folder / HOSTILE_FILE).write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (folder / MARKDOWN_FILE).write_text(markdown_article(beacon.url), encoding="utf-8")
    catalog_path = folder / "catalog.json"
    catalog = json.loads(catalog_path.read_text(encoding="utf-8"))
    catalog["articles"][MARKDOWN_FILE] = markdown_catalog_entry(beacon.url)
    catalog_path.write_text(json.dumps(catalog, ensure_ascii=False, indent=2), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app's data folder (``TIMELINE_DATA_DIR``): empty at start, as on a first start."""
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="session")
def app_url(articles_dir: Path, data_dir: Path, artifacts: Path) -> Iterator[str]:
    """Base URL of ``streamlit run app.py`` serving a fresh data folder; stopped after the session."""
    if not (REPO / "app.py").is_file():
        pytest.fail("app.py is missing: the browser suite needs the app")
    env = {**os.environ, "TIMELINE_DATA_DIR": str(data_dir), "TIMELINE_SEEDS_DIR": str(articles_dir)}
    # The editors' cookie key, when a test makes one (never the repository's own secrets file).
    env["TIMELINE_SECRETS_FILE"] = str(data_dir / "secrets.toml")
    with _serve_app(env, artifacts / "streamlit-server.log") as url:
        yield url


@pytest.fixture(scope="module")
def synthetic_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``streamlit run app.py`` over a store of the test module's ``SYNTHETIC_EVENTS`` synthetic events
    (no articles to read), once per module: the big-store tests each choose their size."""
    count = getattr(request.module, "SYNTHETIC_EVENTS", None)
    if not isinstance(count, int):
        pytest.fail(f"{request.module.__name__} uses synthetic_url without a SYNTHETIC_EVENTS count")
    root = tmp_path_factory.mktemp("synthetic")
    data, empty = root / "data", root / "no-articles"
    empty.mkdir()
    build_synthetic_store(data / DATABASE_NAME, count)
    env = {**os.environ, "TIMELINE_DATA_DIR": str(data), "TIMELINE_SEEDS_DIR": str(empty)}
    with _serve_app(env, root / "server.log") as url:
        yield url


@contextmanager
def _serve_app(env: dict[str, str], log_path: Path) -> Iterator[str]:
    """``streamlit run app.py`` with ``env``, its output in ``log_path`` (quoted if it fails to start)."""
    with (
        log_path.open("wb") as log,
        serve(
            REPO / "app.py", cwd=REPO, env=env, timeout_s=SERVER_START_TIMEOUT_S, output=log, log=log_path
        ) as url,
    ):
        yield url


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[Playwright]:
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_session: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (`make test` does it)")
    browser = playwright_session.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )
    yield browser
    browser.close()


@pytest.fixture
def watch() -> PageWatch:
    return PageWatch()


@pytest.fixture
def page(browser: Browser, watch: PageWatch) -> Iterator[Page]:
    """A fresh tab (own cookies and storage) at a laptop-sized viewport, with dialogs recorded."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    context.set_default_timeout(UI_TIMEOUT_MS)
    tab = context.new_page()
    tab.on("dialog", watch.on_dialog)
    tab.on("console", watch.on_console)
    yield tab
    context.close()


@pytest.fixture
def app(page: Page, app_url: str, artifacts: Path) -> AppDriver:
    return AppDriver(page, app_url, artifacts)


@pytest.fixture(scope="session")
def stored(browser: Browser, app_url: str, data_dir: Path, artifacts: Path) -> StoredTimeline:
    """Opens the app once (its first start fills the store), then reads what it stored."""
    context = browser.new_context()
    context.set_default_timeout(UI_TIMEOUT_MS)
    AppDriver(context.new_page(), app_url, artifacts).open()
    context.close()
    store = EventStore(data_dir / DATABASE_NAME)
    return StoredTimeline(events=tuple(store.events()), documents=tuple(store.documents()))
