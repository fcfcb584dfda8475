"""A save pressed on a page whose server was killed (``kill -9``) and restarted meanwhile: the page has
reconnected by itself to a new server session, which never drew its form, so the press runs no
callback. The editor is told so beside the button (nothing saved, press again), nothing is stored, and
the second press saves as usual (see ``timeline.ui.submit``).

This test has a server of its own (its own data folder, a fixed port reused by the restart, its own
process group, as ``bench/bench_server_faults.py`` runs it), not the suite's shared one.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import MAIN, AppDriver, sign_in_as
from playwright.sync_api import Page, expect

from bench.bench_server_faults import WEBSOCKET_OPENS_JS, Server
from timeline.auth import add_editor, ensure_cookie_key
from timeline.store import DATABASE_NAME, EventStore
from timeline.store.edits_store import edits
from timeline.ui.submit import STALE_MESSAGE

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
NAME, PASSWORD = "Ms Restart", "a restarted editor's long password"
TITLE = "Typed before the restart zqxrestart"


@pytest.fixture
def server(tmp_path: Path, artifacts: Path) -> Iterator[tuple[Server, Path]]:
    """``streamlit run app.py`` on a copy of the seeds, with one editor; killed whole when done."""
    data, seeds = tmp_path / "data", tmp_path / "seeds"
    data.mkdir()
    shutil.copytree(REPO / "seeds", seeds)
    ensure_cookie_key(data / "secrets.toml")
    add_editor(NAME, PASSWORD, data / "editors.yaml", replace=True, rounds=4)
    env = {
        **os.environ,
        "TIMELINE_DATA_DIR": str(data),
        "TIMELINE_SEEDS_DIR": str(seeds),
        "TIMELINE_SECRETS_FILE": str(data / "secrets.toml"),
    }
    app = Server(REPO / "app.py", env, artifacts / "restart-save-server.log")
    app.start()
    try:
        yield app, data
    finally:
        app.kill()


def _press_save(app: AppDriver) -> None:
    app.keyed("edit_title").locator("input").fill(TITLE)
    with app.rerun_after():
        app.keyed("edit_title_save").get_by_role("button").click()


def _title_edits(data: Path) -> list[str]:
    return [str(edit.new) for edit in edits(EventStore(data / DATABASE_NAME)) if edit.field == "title"]


def test_a_save_pressed_after_a_server_restart_says_nothing_was_saved_then_saves(
    page: Page, server: tuple[Server, Path], artifacts: Path
) -> None:
    app_server, data = server
    page.add_init_script(WEBSOCKET_OPENS_JS)
    app = AppDriver(page, app_server.url, artifacts)
    app.open()
    sign_in_as(app, NAME, PASSWORD)
    event = next(e for e in EventStore(data / DATABASE_NAME).events() if e.start is not None and e.sources)
    app.open("", {"sel": event.id})
    expect(app.keyed("edit_panel")).to_be_visible()

    opens = int(page.evaluate("() => window.__wsOpens"))
    app_server.kill()
    app_server.start()
    page.wait_for_function("(before) => window.__wsOpens > before", arg=opens)  # reconnected by itself

    _press_save(app)
    main = page.locator(MAIN)
    app.wait_idle()  # after the reruns the page asks for by itself (the sign-in cookie read back)
    expect(app.keyed("edit_title").get_by_text(STALE_MESSAGE)).to_be_visible()
    expect(main.get_by_text("Saved: title changed")).to_have_count(0)
    expect(app.keyed("signed_in")).to_contain_text("Signed in as")  # the cookie signed the new session in
    assert _title_edits(data) == []
    app.screenshot("restart-save-stale-press")

    _press_save(app)
    expect(main.get_by_text("Saved: title changed")).to_be_visible()
    expect(main.get_by_role("heading", name=TITLE).first).to_be_visible()
    expect(page.get_by_text(STALE_MESSAGE)).to_have_count(0)
    assert _title_edits(data) == [TITLE]
