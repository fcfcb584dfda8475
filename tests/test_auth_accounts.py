"""Editors' accounts file, cookie key and the editor CLI (timeline.auth, timeline editor ...)."""

from __future__ import annotations

import io
import os
import stat
import tomllib
from pathlib import Path

import pytest
import yaml

from timeline.auth import (
    AccountError,
    add_editor,
    check,
    cookie_key,
    ensure_cookie_key,
    list_editors,
    remove_editor,
)
from timeline.auth.accounts import find_editor, username_of
from timeline.cli import main

FAST = 4  # bcrypt rounds for tests: the format is the same, only cheaper


@pytest.fixture
def accounts(tmp_path: Path) -> Path:
    return tmp_path / "data" / "editors.yaml"


def test_added_editor_signs_in_with_that_password_only(accounts: Path) -> None:
    add_editor("Ms Smith", "correct horse", accounts, rounds=FAST)
    account = check("ms smith", "correct horse", accounts)
    assert account is not None and account.name == "Ms Smith" and account.username == "ms smith"
    assert check("  MS SMITH ", "correct horse", accounts) == account
    for name, password in [
        ("Ms Smith", "correct horsE"),
        ("Ms Smith", "correct horse "),
        ("Ms Smith", ""),
        ("Ms Smit", "correct horse"),
        ("nobody", "correct horse"),
        ("Ms Smith", "x" * 200),  # longer than bcrypt takes: a plain refusal, no error
    ]:
        assert check(name, password, accounts) is None, (name, password)


def test_the_file_is_streamlit_authenticators_format_with_bcrypt_hashes(accounts: Path) -> None:
    from streamlit_authenticator import Hasher

    add_editor("Ana", "s3cret-pass", accounts, rounds=FAST)
    data = yaml.safe_load(accounts.read_text(encoding="utf-8"))
    entry = data["credentials"]["usernames"]["ana"]
    assert entry["name"] == "Ana"
    assert "s3cret-pass" not in accounts.read_text(encoding="utf-8")
    assert Hasher.is_hash(entry["password"]) and Hasher.check_pw("s3cret-pass", entry["password"])
    assert set(data["cookie"]) == {"name", "expiry_days"}  # the key is not in this file
    assert stat.S_IMODE(os.stat(accounts).st_mode) == 0o600
    # and a hash the library made is one this module accepts
    data["credentials"]["usernames"]["bo"] = {"name": "Bo", "password": Hasher.hash("library-made")}
    accounts.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert check("bo", "library-made", accounts) is not None


@pytest.mark.parametrize(
    ("name", "password", "reason"),
    [
        ("", "long enough", "empty"),
        ("   ", "long enough", "empty"),
        ("a" * 41, "long enough", "at most 40"),
        ("<script>", "long enough", "use letters"),
        ("-dash", "long enough", "use letters"),
        ("tab\tname", "long enough", "use letters"),
        ("Ana", "short", "at least 8"),
        ("Ana", " padded password", "space"),
        ("Ana", "é" * 40, "72 bytes"),
    ],
)
def test_names_and_passwords_the_rules_refuse(accounts: Path, name: str, password: str, reason: str) -> None:
    with pytest.raises(AccountError, match=reason):
        add_editor(name, password, accounts, rounds=FAST)
    assert not accounts.exists()


@pytest.mark.parametrize(
    ("name", "username"),
    [
        ("Ana", "ana"),
        ("  Mr O'Neil ", "mr o'neil"),
        ("José", "josé"),
        ("Jose\u0301", "josé"),
        ("a.b-c_d", "a.b-c_d"),
    ],
)
def test_sign_in_names(accounts: Path, name: str, username: str) -> None:
    add_editor(name, "long enough", accounts, rounds=FAST)
    assert username_of(name) == username
    assert [account.username for account in list_editors(accounts)] == [username]


def test_add_refuses_an_existing_name_unless_replacing(accounts: Path) -> None:
    add_editor("Ana", "first password", accounts, rounds=FAST)
    with pytest.raises(AccountError, match="already an editor"):
        add_editor("ANA", "second password", accounts, rounds=FAST)
    assert check("ana", "first password", accounts) is not None
    add_editor("Ana", "second password", accounts, replace=True, rounds=FAST)
    assert check("ana", "first password", accounts) is None
    assert check("ana", "second password", accounts) is not None


def test_remove_keeps_the_others_and_says_when_there_was_nobody(accounts: Path) -> None:
    add_editor("Ana", "long enough", accounts, rounds=FAST)
    add_editor("Bo", "long enough", accounts, rounds=FAST)
    assert remove_editor("ANA", accounts) is True
    assert remove_editor("ana", accounts) is False
    assert [account.name for account in list_editors(accounts)] == ["Bo"]
    assert find_editor("ana", accounts) is None and check("ana", "long enough", accounts) is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("credentials: [1, 2\n", "not valid YAML"),
        ("- a list\n", "does not hold a mapping"),
        ("credentials:\n  usernames: [ana]\n", "not a mapping"),
        ("credentials:\n  usernames:\n    ana: {name: Ana}\n", "no password hash"),
    ],
)
def test_a_broken_accounts_file_is_named_and_never_rewritten(
    accounts: Path, content: str, reason: str
) -> None:
    accounts.parent.mkdir(parents=True)
    accounts.write_text(content, encoding="utf-8")
    with pytest.raises(AccountError, match=reason):
        list_editors(accounts)
    with pytest.raises(AccountError, match=reason):
        add_editor("Bo", "long enough", accounts, rounds=FAST)
    assert accounts.read_text(encoding="utf-8") == content


def test_no_accounts_file_means_no_editors(accounts: Path) -> None:
    assert list_editors(accounts) == [] and check("ana", "long enough", accounts) is None
    accounts.parent.mkdir(parents=True)
    accounts.write_text("", encoding="utf-8")
    assert list_editors(accounts) == []


def test_a_write_that_fails_leaves_the_old_file_whole(
    accounts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_editor("Ana", "long enough", accounts, rounds=FAST)
    before = accounts.read_bytes()

    def crash(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(AccountError, match="disk full"):
        add_editor("Bo", "long enough", accounts, rounds=FAST)
    assert accounts.read_bytes() == before
    assert sorted(p.name for p in accounts.parent.iterdir()) == ["editors.yaml", "editors.yaml.lock"]


def test_cookie_key_is_created_once_and_other_secrets_are_kept(tmp_path: Path) -> None:
    path = tmp_path / ".streamlit" / "secrets.toml"
    assert cookie_key(path) is None
    key, created = ensure_cookie_key(path)
    assert created and len(key) >= 32 and cookie_key(path) == key
    assert ensure_cookie_key(path) == (key, False)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600

    other = tmp_path / "other.toml"
    other.write_text('api = "x"\n[db]\nurl = "sqlite://"', encoding="utf-8")
    key, created = ensure_cookie_key(other)
    data = tomllib.loads(other.read_text(encoding="utf-8"))
    assert created and data == {"api": "x", "db": {"url": "sqlite://"}, "auth": {"cookie_key": key}}


@pytest.mark.parametrize(
    ("content", "reason"),
    [('[auth]\ncookie_key = "short"\n', "without a cookie_key"), ("[auth\n", "not valid TOML")],
)
def test_a_secrets_file_it_cannot_use_is_left_alone(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "secrets.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AccountError, match=reason):
        ensure_cookie_key(path)
    assert path.read_text(encoding="utf-8") == content


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TIMELINE_SECRETS_FILE", str(tmp_path / "secrets.toml"))
    return tmp_path


def test_cli_add_list_remove(
    cli_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse\n"))
    assert main(["editor", "add", "Ms Smith", "--password-stdin"]) == 0
    out = capsys.readouterr().out
    assert "Added editor 'Ms Smith'" in out and "cookie key" in out
    accounts = cli_env / "data" / "editors.yaml"
    assert check("ms smith", "correct horse", accounts) is not None
    assert cookie_key(cli_env / "secrets.toml") is not None

    monkeypatch.setattr("sys.stdin", io.StringIO("another one"))
    assert main(["editor", "add", "ms smith", "--password-stdin"]) == 1
    assert "already an editor" in capsys.readouterr().err

    assert main(["editor", "list"]) == 0
    assert capsys.readouterr().out == "Ms Smith\n"
    assert main(["editor", "remove", "Ms Smith"]) == 0
    assert main(["editor", "remove", "Ms Smith"]) == 1
    assert "no editor 'Ms Smith'" in capsys.readouterr().err
    assert main(["editor", "list"]) == 0
    assert "No editors yet" in capsys.readouterr().out


def test_cli_asks_twice_and_refuses_different_passwords(
    cli_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["first password", "other password"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["editor", "add", "Ana"]) == 1
    assert "differ" in capsys.readouterr().err
    assert not (cli_env / "data" / "editors.yaml").exists()

    answers = iter(["same password", "same password"])
    assert main(["editor", "add", "Ana"]) == 0
    assert check("ana", "same password", cli_env / "data" / "editors.yaml") is not None


def test_cli_names_a_refused_password_in_one_line(
    cli_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["editor", "add", "Ana", "--password-stdin"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "at least 8" in err and "Traceback" not in err


def test_cli_without_a_terminal_or_stdin_says_how_to_give_the_password(
    cli_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_input(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr("getpass.getpass", no_input)
    assert main(["editor", "add", "Ana"]) == 1
    assert "--password-stdin" in capsys.readouterr().err


def test_the_editor_help_states_the_password_rule_the_accounts_apply() -> None:
    from timeline.auth.accounts import MIN_PASSWORD
    from timeline.cli_editor import PASSWORD_RULE_CHARS

    assert PASSWORD_RULE_CHARS == MIN_PASSWORD
