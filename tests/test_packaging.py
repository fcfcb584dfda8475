"""The promises around the code: the README's two commands, CI running exactly the test one, and what
git must never carry (the virtualenv, the data folder, screenshots)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def readme_command(comment: str) -> str:
    """The command on the README line whose comment starts with ``comment``."""
    found = re.search(rf"^(\S.*?)\s+# {re.escape(comment)}", README, re.MULTILINE)
    assert found, f"README has no command commented '# {comment}...'"
    return found.group(1).strip()


def test_readme_gives_one_command_to_run_the_app_and_one_to_run_every_test() -> None:
    assert readme_command("install what is missing, then start the app") == "make run"
    assert readme_command("install what is missing, then ruff, mypy and every test") == "make test"


def test_ci_runs_exactly_the_readmes_test_command() -> None:
    script = REPO / ".ci" / "run"
    assert os.access(script, os.X_OK), ".ci/run must be executable"
    commands = [
        line.strip()
        for line in script.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    test_command = readme_command("install what is missing, then ruff, mypy and every test")
    assert commands[-1] == f"exec {test_command}"


@pytest.mark.parametrize(
    ("target", "steps"),
    [
        ("run", ["python3 -m venv .venv", "pip install", "streamlit run app.py"]),
        ("test", ["python3 -m venv .venv", "pip install", "ruff check", "mypy", "pytest"]),
    ],
)
def test_make_targets_install_what_they_need_then_do_their_job(target: str, steps: list[str]) -> None:
    """`make -n -B` prints what a fresh machine would run, in order, without running it."""
    dry_run = subprocess.run(
        ["make", "-n", "-B", target], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    positions = [dry_run.find(step) for step in steps]
    assert all(position >= 0 for position in positions), dict(zip(steps, positions, strict=True))
    assert positions == sorted(positions), f"steps out of order: {dict(zip(steps, positions, strict=True))}"


def test_make_test_installs_chromium_only_when_it_is_missing() -> None:
    dry_run = subprocess.run(
        ["make", "-n", "-B", "chromium"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    assert "[ ! -x /usr/bin/chromium ]" in dry_run
    assert "apt-get update" in dry_run
    assert "apt-get install -y" in dry_run and "chromium" in dry_run


@pytest.mark.parametrize(
    "path",
    [".venv/bin/python", "data/timeline.sqlite3", "test-artifacts/timeline.png", "x.egg-info/PKG-INFO"],
)
def test_git_ignores_what_a_machine_makes(path: str) -> None:
    ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", path], cwd=REPO)
    assert ignored.returncode == 0, f"{path} is not ignored"


@pytest.mark.parametrize("path", ["timeline/data/actors.json", "seeds/catalog.json", "bench/bench_speed.py"])
def test_git_keeps_the_projects_own_files(path: str) -> None:
    ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", path], cwd=REPO)
    assert ignored.returncode == 1, f"{path} would be ignored"
