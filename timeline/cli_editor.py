"""``timeline editor add|remove|list``: the editors who may change the app's timelines.

Accounts go to ``$TIMELINE_DATA_DIR/editors.yaml`` (bcrypt hashes); ``add`` also creates the cookie
key in ``.streamlit/secrets.toml`` when it is missing. Exit status: 0 done, 1 refused (a name that
exists or does not, a password the rules refuse, passwords that differ, a file that cannot be
written; the reason on stderr in one line), 2 usage error.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any, TextIO

PASSWORD_RULE_CHARS = 8
"""Said in the help text; equal to ``timeline.auth.accounts.MIN_PASSWORD`` (a test keeps them equal), which
is not imported here so that the other commands start without bcrypt and the store."""

EDITOR_EPILOG = (
    f"Accounts are kept in $TIMELINE_DATA_DIR/editors.yaml (default ./data/); passwords have at least "
    f"{PASSWORD_RULE_CHARS} characters and are stored as bcrypt hashes. Exit status: 0 done; 1 refused (the "
    "reason on stderr); 2 usage error."
)


def add_editor_parser(commands: Any) -> None:
    """Add the ``editor`` command to the CLI's subparsers."""
    editor = commands.add_parser(
        "editor", help="add, remove or list the editors who may change timelines", epilog=EDITOR_EPILOG
    )
    actions = editor.add_subparsers(dest="editor_command", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add an editor (asks the password twice)", epilog=EDITOR_EPILOG)
    add.add_argument("name", metavar="NAME", help="the name to sign in with, shown beside each edit")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first line of stdin"
    )
    add.add_argument("--replace", action="store_true", help="set a new password for an existing editor")
    remove = actions.add_parser("remove", help="remove an editor", epilog=EDITOR_EPILOG)
    remove.add_argument("name", metavar="NAME")
    actions.add_parser("list", help="list the editors", epilog=EDITOR_EPILOG)


def _password(args: argparse.Namespace, stdin: TextIO) -> str | None:
    from timeline.auth import AccountError

    if args.password_stdin:
        line = stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    try:
        first = getpass.getpass(f"Password for {args.name}: ")
        second = getpass.getpass("Same password again: ")
    except EOFError:  # no terminal and nothing (more) on stdin
        raise AccountError("no password given (type it twice, or pipe it with --password-stdin)") from None
    return first if first == second else None


def run_editor(
    args: argparse.Namespace,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    from timeline.auth import AccountError, accounts_path, list_editors, remove_editor

    stdin, out, err = stdin or sys.stdin, out or sys.stdout, err or sys.stderr
    try:
        if args.editor_command == "add":
            return _add(args, stdin, out, err)
        if args.editor_command == "remove":
            if remove_editor(args.name):
                print(f"Removed editor {args.name!r} from {accounts_path()}.", file=out)
                return 0
            print(f"timeline: there is no editor {args.name!r} in {accounts_path()}", file=err)
            return 1
        editors = list_editors()
        if not editors:
            print(f"No editors yet ({accounts_path()}): add one with `timeline editor add NAME`.", file=out)
        for account in editors:
            print(account.name, file=out)
        return 0
    except AccountError as error:
        print(f"timeline: {error}", file=err)
        return 1


def _add(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    from timeline.auth import accounts_path, add_editor, ensure_cookie_key, secrets_path

    password = _password(args, stdin)
    if password is None:
        print("timeline: the two passwords differ; nothing was changed", file=err)
        return 1
    account = add_editor(args.name, password, replace=args.replace)
    verb = "Updated" if args.replace else "Added"
    print(f"{verb} editor {account.name!r} in {accounts_path()}.", file=out)
    _, created = ensure_cookie_key()
    if created:
        print(f"Created the sign-in cookie key in {secrets_path()} (never commit it).", file=out)
    print("Sign in from the app's sidebar (Editor sign-in).", file=out)
    return 0
