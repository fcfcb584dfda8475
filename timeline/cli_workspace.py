"""Command line for the teacher's workspace: ``timeline add``, ``collection``, ``backup``, ``restore``,
``recover``.

The data folder is ``$TIMELINE_DATA_DIR`` (default ``./data``), as for the app, so what is added here
shows in the app. Each failure a user can cause (a file that is not an article, an address that does not
answer, a file that is not a backup) is one line on stderr naming the item, and costs only that item;
the exit status is 1 when an item failed, 2 for a usage error (``timeline.cli.EXIT_CODES``).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

COMMANDS = frozenset({"add", "collection", "backup", "restore", "recover"})
WEB_SCHEMES = ("http://", "https://")


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (write it as YYYY-MM-DD)") from None


def add_workspace_parsers(commands: Any) -> None:
    """Add the workspace subcommands to ``timeline``'s subparsers."""
    add = commands.add_parser(
        "add", help="add articles (files, folders or web addresses) to a collection and extract them"
    )
    add.add_argument("items", nargs="+", metavar="PATH_OR_URL", help=".txt, .md, .html or .pdf files, "
                     "folders of them, or http(s) addresses")  # fmt: skip
    add.add_argument("--collection", metavar="SLUG", help="default: the seed articles")
    add.add_argument("--title", help="the article's title (one article only)")
    add.add_argument("--outlet", help="who published it")
    add.add_argument("--published", type=_day, metavar="YYYY-MM-DD", help="publication date")
    add.add_argument("--mode", choices=("news", "narrative"), help="news (default) or history text")
    add.add_argument("--no-sync", action="store_true", help="only store the articles; extract later")

    collection = commands.add_parser("collection", help="list, create or rename collections")
    actions = collection.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="one collection a line: slug, articles added, name")
    create = actions.add_parser("create", help="a new, empty collection; prints its slug")
    create.add_argument("name")
    rename = actions.add_parser("rename", help="a new name (the slug and links stay)")
    rename.add_argument("slug")
    rename.add_argument("name")

    backup = commands.add_parser("backup", help="write a collection's articles, edits and lessons to a zip")
    backup.add_argument("slug", metavar="SLUG")
    backup.add_argument("out", type=Path, metavar="OUT.zip")

    restore = commands.add_parser("restore", help="restore a backup into a new collection (or --into one)")
    restore.add_argument("file", type=Path, metavar="FILE.zip")
    restore.add_argument("--into", metavar="SLUG", help="an existing collection (edits are never doubled)")
    restore.add_argument("--no-sync", action="store_true", help="do not extract the restored articles now")

    recover = commands.add_parser(
        "recover", help="restore the edits of a store that was set aside (timeline.sqlite3.corrupt*)"
    )
    recover.add_argument("file", type=Path, metavar="SET_ASIDE")
    recover.add_argument("--collection", metavar="SLUG", help="default: the seed articles")


def run_workspace(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run a workspace command. Its modules (the store, web fetching, PDF reading) load only now, so that
    ``timeline dates`` and ``extract`` start without them."""
    from timeline.workspace.commands import run

    return run(args, out or sys.stdout, err or sys.stderr)
