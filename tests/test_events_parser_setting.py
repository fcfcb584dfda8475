"""The parser model is a setting; without an installed model the user reads one clear message naming the
install command (CLI: tests/test_events_build.py; here the app), never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_harness import all_text, open_app

from timeline.events.nlp import MODEL_SETTING, configured_models


def test_the_model_setting_overrides_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODEL_SETTING, "en_core_web_md")
    assert configured_models() == ("en_core_web_md",)
    monkeypatch.delenv(MODEL_SETTING)
    assert configured_models()[0] == "en_core_web_sm"


def test_the_app_names_the_install_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Troops left the base on 3 May 2017.\n", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(seeds))
    monkeypatch.setenv(MODEL_SETTING, "no_such_model")
    at = open_app()
    text = all_text(at).replace("\\", "")  # the message is shown Markdown-escaped
    assert at.error, "a clear error is shown"
    assert "make install" in text and "no_such_model" in text
    assert "Traceback" not in text


def test_a_missing_model_is_one_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.events.nlp import MODEL_SETTING, ParserUnavailableError, load_parser

    monkeypatch.setenv(MODEL_SETTING, "no_such_model")
    with pytest.raises(ParserUnavailableError, match=r"no_such_model.*make install"):
        load_parser()


def test_the_cli_names_the_install_command_without_a_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("Troops left the base on 3 May 2017.", encoding="utf-8")
    env = {**os.environ, "TIMELINE_SPACY_MODEL": "no_such_model"}
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", str(article)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "make install" in done.stderr and "no_such_model" in done.stderr
