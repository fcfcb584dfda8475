"""Editors' sign-in in a real browser: the sidebar form, the signed cookie across a reload, sign-out,
and a second browser (its own cookies) that stays a reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import UI_TIMEOUT_MS, AppDriver
from playwright.sync_api import Browser, Page, expect

from timeline.auth import add_editor, ensure_cookie_key, remove_editor
from timeline.auth.accounts import COOKIE_NAME

pytestmark = pytest.mark.browser

NAME, PASSWORD = "Ms Browser", "a long password"
HAS_COOKIE = f"() => document.cookie.split('; ').some(c => c.startsWith('{COOKIE_NAME}='))"
NO_COOKIE = f"() => !document.cookie.split('; ').some(c => c.startsWith('{COOKIE_NAME}='))"


@pytest.fixture
def editor(data_dir: Path) -> object:
    ensure_cookie_key(data_dir / "secrets.toml")
    add_editor(NAME, PASSWORD, data_dir / "editors.yaml", replace=True, rounds=4)
    yield
    remove_editor(NAME, data_dir / "editors.yaml")


def open_sign_in(app: AppDriver) -> None:
    sidebar = app.page.get_by_test_id("stSidebar")
    summary = sidebar.get_by_text("Editor sign-in", exact=True)
    expect(summary).to_be_visible()
    if not app.keyed("signin_name").locator("input").is_visible():
        summary.click()
    expect(app.keyed("signin_name").locator("input")).to_be_visible()


def sign_in(app: AppDriver, name: str, password: str) -> None:
    open_sign_in(app)
    app.keyed("signin_name").locator("input").fill(name)
    app.keyed("signin_password").locator("input").fill(password)
    app.keyed("signin_submit").get_by_role("button").click()
    app.wait_idle()


def expect_reader(page: Page, app: AppDriver) -> None:
    expect(page.get_by_test_id("stSidebar").get_by_text("Editor sign-in", exact=True)).to_be_visible()
    expect(app.keyed("signout")).to_have_count(0)
    expect(page.get_by_text("Signed in as")).to_have_count(0)


def expect_editor(page: Page, app: AppDriver) -> None:
    expect(app.keyed("signed_in").get_by_text(f"Signed in as {NAME} (editor)")).to_be_visible()
    expect(app.keyed("signout").get_by_role("button")).to_be_visible()


@pytest.mark.usefixtures("editor")
def test_sign_in_stays_across_a_reload_and_another_browser_stays_a_reader(
    app: AppDriver, browser: Browser, app_url: str, artifacts: Path
) -> None:
    page = app.page
    app.open()
    expect_reader(page, app)

    sign_in(app, NAME, "not the password")
    expect(page.get_by_text("Wrong name or password.")).to_be_visible()
    expect_reader(page, app)

    sign_in(app, NAME.lower(), PASSWORD)
    expect_editor(page, app)
    app.screenshot("signin-editor")
    page.wait_for_function(HAS_COOKIE, timeout=UI_TIMEOUT_MS)  # the signed cookie has been left

    # another browser (its own cookies), on a forged link too, is a reader
    other = browser.new_context(viewport={"width": 1440, "height": 1000})
    other.set_default_timeout(UI_TIMEOUT_MS)
    try:
        reader = AppDriver(other.new_page(), app_url, artifacts)
        reader.open(query={"editor": NAME, "user": NAME.lower(), "authentication_status": "true"})
        expect_reader(reader.page, reader)
        reader.open("data")
        expect_reader(reader.page, reader)
        reader.screenshot("signin-reader")
    finally:
        other.close()

    # the cookie signs this browser in again after a reload, on any page
    app.open("data")
    expect_editor(page, app)

    app.keyed("signout").get_by_role("button").click()
    app.wait_idle()
    expect_reader(page, app)
    page.wait_for_function(NO_COOKIE, timeout=UI_TIMEOUT_MS)
    app.open()
    expect_reader(page, app)


@pytest.mark.usefixtures("editor")
def test_a_forged_cookie_signs_nobody_in(app: AppDriver, app_url: str) -> None:
    import jwt

    forged = jwt.encode({"username": NAME.lower(), "exp_date": 4_000_000_000}, "x" * 40, algorithm="HS256")
    host = app_url.split("//", 1)[1].split(":")[0]
    app.page.context.add_cookies([{"name": COOKIE_NAME, "value": forged, "domain": host, "path": "/"}])
    app.open()
    expect_reader(app.page, app)
