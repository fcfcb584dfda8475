"""The browser suite's world: a real ``streamlit run app.py`` and Debian's headless chromium.

The app runs once per session on a free loopback port, with its own empty data folder and an articles
folder holding the seed articles plus a hostile one (a ``<script>`` and an ``<img onerror>`` in its
text), so the suite sees exactly what a teacher's browser would, first start included.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Locator, Page, Playwright, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
SERVER_START_TIMEOUT_S = 180
"""Generous: the first start extracts every article on a shared, possibly busy, 2-core machine."""
UI_TIMEOUT_MS = 90_000

HOSTILE_FILE = "zz_hostile_article.txt"
HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE_ARTICLE = f"""Militia statement posted online

Published March 3, 2019

BAGHDAD - On Saturday, a militia spokesman posted a statement that read {HOSTILE_SCRIPT} in full.
Iraqi officials said on March 1, 2019 that talks with Iran would resume, {HOSTILE_IMG} according to
the statement.
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_healthy(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"streamlit not healthy after {SERVER_START_TIMEOUT_S}s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def articles_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed articles (and their catalog) plus the hostile article, in a folder of their own."""
    folder = tmp_path_factory.mktemp("articles")
    for item in (REPO / "seeds").iterdir():
        if item.is_file():
            shutil.copy2(item, folder / item.name)
    (folder / HOSTILE_FILE).write_text(HOSTILE_ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def app_url(articles_dir: Path, tmp_path_factory: pytest.TempPathFactory, artifacts: Path) -> Iterator[str]:
    """Base URL of ``streamlit run app.py`` serving a fresh data folder; stopped after the session."""
    if not (REPO / "app.py").is_file():
        pytest.fail("app.py is missing: the browser suite needs the app")
    port = free_port()
    data_dir = tmp_path_factory.mktemp("data")
    env = {**os.environ, "TIMELINE_DATA_DIR": str(data_dir), "TIMELINE_SEEDS_DIR": str(articles_dir)}
    log_path = artifacts / "streamlit-server.log"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(REPO / "app.py"),
        "--server.address=127.0.0.1",
        f"--server.port={port}",
        "--server.headless=true",
        "--server.fileWatcherType=none",
        "--server.runOnSave=false",
        "--browser.gatherUsageStats=false",
    ]
    with log_path.open("wb") as log:
        server = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_healthy(url, server, log_path)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[Playwright]:
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


class PageWatch:
    """What the page did behind the test's back: dialogs it opened, errors it logged."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []

    def on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)


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


IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
RUNNING = '[data-testid="stApp"][data-test-script-state="running"]'
CHART = ".js-plotly-plot"
CHART_POINTS = ".js-plotly-plot .scatterlayer .point, .js-plotly-plot .barlayer .point"


class AppDriver:
    """Drives the app the way a reader does, and waits the way Streamlit needs (for reruns to end)."""

    def __init__(self, page: Page, base_url: str, artifacts: Path) -> None:
        self.page = page
        self.base_url = base_url
        self.artifacts = artifacts

    def open(self, path: str = "", query: Mapping[str, str] | None = None) -> None:
        """Go to a page of the app (``path`` as in its URL, e.g. ``present``) and wait until it is drawn."""
        suffix = f"?{urlencode(query)}" if query else ""
        self.page.goto(f"{self.base_url}/{path.lstrip('/')}{suffix}")
        self.wait_idle()

    def wait_idle(self) -> None:
        """Until the script has finished its run (after a rerun has had a moment to start)."""
        with contextlib.suppress(PlaywrightTimeout):  # the run was already over, or too quick to see
            self.page.wait_for_selector(RUNNING, timeout=1_500)
        self.page.wait_for_selector(IDLE)
        # Streamlit may chain a second run (query params written, a callback): let it settle too.
        self.page.wait_for_timeout(300)
        self.page.wait_for_selector(IDLE)

    def keyed(self, key: str) -> Locator:
        """The container Streamlit gives a widget or container created with ``key=``."""
        return self.page.locator(f".st-key-{key}")

    def query(self) -> dict[str, str]:
        """The current URL's query parameters (last value of each)."""
        return {name: values[-1] for name, values in parse_qs(urlsplit(self.page.url).query).items()}

    def screenshot(self, name: str) -> Path:
        path = self.artifacts / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def wait_for_chart(self) -> Locator:
        chart = self.page.locator(CHART).first
        chart.wait_for(state="visible")
        self.page.wait_for_selector(CHART_POINTS, state="attached")
        return chart


@pytest.fixture
def app(page: Page, app_url: str, artifacts: Path) -> AppDriver:
    return AppDriver(page, app_url, artifacts)
