"""Editors' accounts: ``$TIMELINE_DATA_DIR/editors.yaml``, in streamlit-authenticator's config format.

The file (never committed: the data folder is git-ignored) looks like::

    credentials:
      usernames:
        ms smith:                # the sign-in name, lower case (the library's convention)
          name: Ms Smith         # shown in the app
          password: $2b$12$...   # a bcrypt hash, as the library's Hasher makes
    cookie:
      name: timeline_editor
      expiry_days: 30

The cookie's signing key is not in it: it lives in ``.streamlit/secrets.toml`` (timeline.auth.secrets).
Every change rewrites the file atomically (temporary file, fsync, rename) under a lock, so two
``timeline editor`` commands never lose each other's account and a crash never leaves half a file.
Passwords are hashed with bcrypt exactly as ``streamlit_authenticator.Hasher`` does (this module must
not import the library: importing it imports Streamlit).
"""

from __future__ import annotations

import contextlib
import fcntl
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import bcrypt
import yaml

from timeline.auth.atomic import write_private
from timeline.store import default_data_dir

ACCOUNTS_FILE = "editors.yaml"
COOKIE_NAME = "timeline_editor"
COOKIE_EXPIRY_DAYS = 30
MIN_PASSWORD = 8
MAX_PASSWORD_BYTES = 72
"""bcrypt reads at most 72 bytes; a longer password is refused rather than silently cut."""
MAX_NAME = 40
BCRYPT_ROUNDS = 12

_NAME = re.compile(r"[^\W_](?:[\w .'-]*[^\W_])?")
_HEADER = (
    "# Editors of the timeline app (streamlit-authenticator's format; bcrypt password hashes).\n"
    "# Managed with `timeline editor add|remove|list`. Never commit this file.\n"
)


class AccountError(Exception):
    """A name, password or accounts file the operation cannot use; the message says which and why."""


@dataclass(frozen=True)
class Account:
    username: str
    """The sign-in name: the given name in lower case, spaces trimmed."""
    name: str
    """The name as given, shown in the app and in each edit's author."""
    password_hash: str


def accounts_path(data_dir: Path | None = None) -> Path:
    return (data_dir or default_data_dir()) / ACCOUNTS_FILE


def username_of(name: str) -> str:
    """The sign-in name for ``name``: NFC, spaces trimmed, lower case (as the library looks names up)."""
    return unicodedata.normalize("NFC", name).strip().lower()


def _checked_name(name: str) -> str:
    shown = unicodedata.normalize("NFC", name).strip()
    if not shown:
        raise AccountError("an editor's name cannot be empty")
    if len(shown) > MAX_NAME:
        raise AccountError(f"an editor's name has at most {MAX_NAME} characters, got {len(shown)}")
    if not _NAME.fullmatch(shown):
        raise AccountError(
            f"editor name {shown!r}: use letters, digits, spaces, dots, dashes, underscores or "
            "apostrophes, starting and ending with a letter or digit"
        )
    return shown


def _checked_password(password: str) -> bytes:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password has at least {MIN_PASSWORD} characters")
    if password != password.strip():
        # streamlit-authenticator strips what is typed: such a password could never be entered
        raise AccountError("a password cannot start or end with a space")
    encoded = password.encode("utf-8")
    if len(encoded) > MAX_PASSWORD_BYTES:
        raise AccountError(f"a password has at most {MAX_PASSWORD_BYTES} bytes (bcrypt reads no more)")
    return encoded


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise AccountError(f"cannot read the accounts file {path}: {error}") from error
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        raise AccountError(f"the accounts file {path} is not valid YAML: {error}") from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise AccountError(f"the accounts file {path} does not hold a mapping")
    return data


def _accounts(data: dict[str, Any], path: Path) -> dict[str, Account]:
    credentials = data.get("credentials") or {}
    users = credentials.get("usernames") if isinstance(credentials, dict) else None
    if users is None:
        return {}
    if not isinstance(users, dict):
        raise AccountError(f"the accounts file {path}: credentials.usernames is not a mapping")
    found: dict[str, Account] = {}
    for key, entry in users.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("password"), str):
            raise AccountError(f"the accounts file {path}: editor {key!r} has no password hash")
        username = username_of(str(key))
        shown = entry.get("name")
        found[username] = Account(username, shown if isinstance(shown, str) else str(key), entry["password"])
    return found


def list_editors(path: Path | None = None) -> list[Account]:
    """Every editor, by sign-in name; none when the file does not exist yet."""
    where = path or accounts_path()
    return sorted(_accounts(_read(where), where).values(), key=lambda account: account.username)


def find_editor(username: str, path: Path | None = None) -> Account | None:
    """The editor signing in as ``username`` (any case), read from the file now; None when there is none."""
    where = path or accounts_path()
    return _accounts(_read(where), where).get(username_of(username))


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _write(path: Path, data: dict[str, Any]) -> None:
    data.setdefault("cookie", {"name": COOKIE_NAME, "expiry_days": COOKIE_EXPIRY_DAYS})
    body = yaml.safe_dump(data, default_flow_style=False, allow_unicode=True, sort_keys=False)
    write_private(path, _HEADER + body)


def add_editor(
    name: str, password: str, path: Path | None = None, *, replace: bool = False, rounds: int = BCRYPT_ROUNDS
) -> Account:
    """Add an editor (or, with ``replace``, give an existing one a new password) and return the account.

    Raises AccountError for a name or password the rules refuse, an existing name without ``replace``,
    or an accounts file that cannot be read or written."""
    where = path or accounts_path()
    shown = _checked_name(name)
    secret = _checked_password(password)
    username = username_of(shown)
    hashed = bcrypt.hashpw(secret, bcrypt.gensalt(rounds)).decode("ascii")
    try:
        with _locked(where):
            data = _read(where)
            users = _users(data, where)
            if username in users and not replace:
                raise AccountError(f"{shown!r} is already an editor (give --replace to set a new password)")
            users[username] = {"name": shown, "password": hashed}
            _write(where, data)
    except OSError as error:
        raise AccountError(f"cannot write the accounts file {where}: {error}") from error
    return Account(username, shown, hashed)


def remove_editor(name: str, path: Path | None = None) -> bool:
    """Remove an editor; False when there was none by that name. Signed-in sessions of a removed editor
    can no longer write: every write checks the file."""
    where = path or accounts_path()
    username = username_of(name)
    try:
        with _locked(where):
            data = _read(where)
            users = _users(data, where)
            matching = [key for key in users if username_of(str(key)) == username]
            if not matching:
                return False
            for key in matching:
                del users[key]
            _write(where, data)
    except OSError as error:
        raise AccountError(f"cannot write the accounts file {where}: {error}") from error
    return True


def _users(data: dict[str, Any], path: Path) -> dict[str, Any]:
    _accounts(data, path)  # refuse to rewrite a file whose entries we cannot read
    credentials = data.setdefault("credentials", {})
    if not isinstance(credentials, dict):
        raise AccountError(f"the accounts file {path}: credentials is not a mapping")
    users = credentials.get("usernames")
    if not isinstance(users, dict):
        users = credentials["usernames"] = {}
    return users


def check(name: str, password: str, path: Path | None = None) -> Account | None:
    """The account when ``password`` is the editor ``name``'s, else None (unknown name, wrong password,
    or a password bcrypt cannot take). Reads the file now, so a removed editor fails at once."""
    account = find_editor(name, path)
    secret = password.encode("utf-8")
    if len(secret) > MAX_PASSWORD_BYTES:
        return None
    if account is None:
        bcrypt.checkpw(secret, _dummy_hash())  # an unknown name costs the time a wrong password does
        return None
    try:
        matches = bcrypt.checkpw(secret, account.password_hash.encode("ascii"))
    except (ValueError, UnicodeEncodeError):  # not a bcrypt hash: nobody can sign in with it
        return None
    return account if matches else None


@cache
def _dummy_hash() -> bytes:
    return bcrypt.hashpw(b"not anybody's password", bcrypt.gensalt(BCRYPT_ROUNDS))
