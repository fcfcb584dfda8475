"""Editors in AppTest for the workspace pages (Add articles, Lessons, Collection): an account in the
synthetic store's data folder, signing in through the sidebar form, and reading what a page says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from app_harness import all_text, open_app
from streamlit.testing.v1 import AppTest

from timeline.auth import add_editor
from timeline.ui.signin import NAME_KEY, PASSWORD_KEY, SUBMIT_KEY

EDITOR, PASSWORD = "Ms Smith", "correct horse"
ADD_PAGE = "timeline/ui/add_page.py"
LESSONS_PAGE = "timeline/ui/lessons_page.py"
COLLECTION_PAGE = "timeline/ui/collections_page.py"


@pytest.fixture
def editors(synthetic_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """One editor in the synthetic store's data folder, and a cookie key of the test's own."""
    monkeypatch.setenv("TIMELINE_SECRETS_FILE", str(tmp_path / "secrets.toml"))
    (tmp_path / "secrets.toml").write_text('[auth]\ncookie_key = "' + "k" * 40 + '"\n', encoding="utf-8")
    add_editor(EDITOR, PASSWORD, synthetic_store / "editors.yaml", rounds=4)
    return synthetic_store


def signed_in(page: str | None = None, params: dict[str, str] | None = None) -> AppTest:
    """The app opened and signed in as the editor, then on ``page``."""
    at = open_app(params)
    at.text_input(key=NAME_KEY).input(EDITOR)
    at.text_input(key=PASSWORD_KEY).input(PASSWORD)
    at.button(key=SUBMIT_KEY).click().run()
    assert "Signed in as" in all_text(at)
    if page is not None:
        at.switch_page(page).run()
    ok(at)
    return at


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [item.value for item in at.exception]
    return at


def plain(text: str) -> str:
    """Markdown as the reader reads it: the escapes ``md`` adds taken out."""
    return re.sub(r"\\(.)", r"\1", text).replace("\u2060", "")


def errors(at: AppTest) -> str:
    return plain("\n".join(str(element.value) for element in at.error))


def successes(at: AppTest) -> str:
    return plain("\n".join(str(element.value) for element in at.success))


def warnings(at: AppTest) -> str:
    return plain("\n".join(str(element.value) for element in at.warning))


def text(at: AppTest) -> str:
    return plain(all_text(at))


def button_keys(at: AppTest) -> set[str]:
    return {str(button.key) for button in at.button if button.key}
