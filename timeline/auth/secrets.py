"""The key that signs the editors' "stay signed in" cookie: ``[auth] cookie_key`` in
``.streamlit/secrets.toml`` (git-ignored; ``TIMELINE_SECRETS_FILE`` names another file).

``timeline editor add`` creates it with a random key when it is missing. Without a key the app still
lets editors sign in, for the browser session only.
"""

from __future__ import annotations

import os
import secrets
import tomllib
from pathlib import Path

from timeline.auth.accounts import AccountError
from timeline.auth.atomic import write_private
from timeline.store import REPOSITORY_ROOT

SECTION = "auth"
KEY = "cookie_key"
MIN_KEY_LENGTH = 32


def secrets_path() -> Path:
    """Where the key lives: ``$TIMELINE_SECRETS_FILE``, else the repository's ``.streamlit/secrets.toml``
    (the file ``streamlit run app.py`` reads from the repository root)."""
    override = os.environ.get("TIMELINE_SECRETS_FILE")
    return Path(override) if override else REPOSITORY_ROOT / ".streamlit" / "secrets.toml"


def _read(path: Path) -> tuple[str, dict[str, object]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return "", {}
    except (OSError, UnicodeDecodeError) as error:
        raise AccountError(f"cannot read {path}: {error}") from error
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise AccountError(f"{path} is not valid TOML: {error}") from error


def cookie_key(path: Path | None = None) -> str | None:
    """The signing key, or None when there is none (or it is too short to be a secret)."""
    _, data = _read(path or secrets_path())
    section = data.get(SECTION)
    key = section.get(KEY) if isinstance(section, dict) else None
    return key if isinstance(key, str) and len(key) >= MIN_KEY_LENGTH else None


def ensure_cookie_key(path: Path | None = None) -> tuple[str, bool]:
    """The signing key, created (random, 256 bits) when missing; returns (key, whether it was created).

    The file's other settings are kept: the key is appended as an ``[auth]`` table. A file that has an
    ``[auth]`` table without a usable key is left alone (AccountError says what to add)."""
    where = path or secrets_path()
    text, data = _read(where)
    existing = cookie_key(where)
    if existing is not None:
        return existing, False
    if SECTION in data:
        raise AccountError(
            f"{where} has an [{SECTION}] table without a {KEY} of at least {MIN_KEY_LENGTH} characters: "
            f'add a line {KEY} = "<a long random string>" to it'
        )
    key = secrets.token_urlsafe(32)
    separator = "" if not text or text.endswith("\n") else "\n"
    addition = (
        f"{separator}\n# The key signing the editors' sign-in cookie (made by `timeline editor add`).\n"
        f'[{SECTION}]\n{KEY} = "{key}"\n'
    )
    try:
        write_private(where, text + addition)
    except OSError as error:
        raise AccountError(f"cannot write {where}: {error}") from error
    return key, True
