"""Command line: ``timeline extract PATH...`` writes event records, ``timeline dates FILE...`` date mentions.

Every failure a user can cause (a missing file, a bad line on stdin) is one clear line on stderr naming
the item, and costs only that item; an unexpected error is one line too, never a traceback. The exit
codes are EXIT_CODES.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, TextIO

from timeline.cli_editor import add_editor_parser, run_editor
from timeline.cli_workspace import COMMANDS as WORKSPACE_COMMANDS
from timeline.cli_workspace import add_workspace_parsers, run_workspace
from timeline.events.export import write_csv, write_jsonl, write_table
from timeline.events.nlp import ParserUnavailableError
from timeline.model import Mode, parse_iso_day
from timeline.summarize.command import add_summarize_parser, run_summarize

EXIT_CODES = (
    "exit status: 0 when every input was processed; 1 when one or more inputs (a file, a catalog, a line "
    "of --batch) failed: each is named on stderr in one line, and all the others are still written; "
    "2 for a usage error, a missing language model, or an unexpected error that stopped the run; "
    "130 when interrupted."
)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Turn news and history articles into dated, cited event records.",
        epilog=EXIT_CODES,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract", help="extract event records from articles (files or folders)", epilog=EXIT_CODES
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .md or .html files, or folders")
    form = extract.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="one JSON object per line")
    form.add_argument("--csv", action="store_true", help="comma-separated values with a header row")
    extract.add_argument(
        "--jobs", type=_positive, default=1, metavar="N", help="documents processed in parallel"
    )

    dates = commands.add_parser(
        "dates", help="tag date expressions, one JSON object per expression", epilog=EXIT_CODES
    )
    dates.add_argument("files", nargs="*", metavar="FILE", help="articles to tag")
    dates.add_argument("--dct", metavar="YYYY-MM-DD", help="publication date (default: the document's own)")
    dates.add_argument(
        "--mode",
        choices=("news", "narrative"),
        help="anchor relative dates at publication (news) or at the last date mentioned (narrative)",
    )
    dates.add_argument(
        "--batch",
        action="store_true",
        help='read JSON Lines {"id", "text", "dct", "mode"} on stdin, write mentions with their id',
    )
    dates.add_argument(
        "--all-types",
        action="store_true",
        help="every TIMEX3 type: also durations, sets, reference words (now, the past), clock times",
    )
    add_summarize_parser(commands)
    add_editor_parser(commands)
    add_workspace_parsers(commands)
    return parser


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        return _extract(args)
    if args.command == "summarize":
        return run_summarize(args)
    if args.command == "editor":
        return run_editor(args)
    if args.command in WORKSPACE_COMMANDS:
        return run_workspace(args)
    return _dates(args)


def _extract(args: argparse.Namespace) -> int:
    from timeline.events.nlp import load_parser
    from timeline.pipeline import extract_corpus

    load_parser()  # a missing model is one message before any article is read, not one per article
    result = extract_corpus(args.paths, jobs=args.jobs)
    for error in result.errors:
        print(f"timeline: {error.message}", file=sys.stderr)
    for doc in result.documents:
        for warning in doc.warnings:
            print(f"timeline: {doc.path or doc.doc_id}: {warning}", file=sys.stderr)
    if not result.documents:
        print("timeline: no document could be loaded", file=sys.stderr)
        return 1
    if args.json:
        write_jsonl(result.events, sys.stdout)
    elif args.csv:
        write_csv(result.events, sys.stdout)
    else:
        write_table(result.events, sys.stdout)
    return 1 if result.errors else 0


def _failure(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return f"{type(error).__name__}: {error}"


def run_batch(
    lines: Iterable[str | bytes],
    out: TextIO,
    err: TextIO,
    *,
    default_mode: Mode,
    dct: date | None,
    all_types: bool = False,
) -> int:
    """Tag JSON Lines documents from ``lines`` as they stream in (text, or bytes decoded line by line).

    A line that is malformed, or whose document cannot be tagged, is reported (line number and id) and
    skipped; the others go on. ``dct`` (from --dct) overrides each document's own "dct". Returns the
    exit code: 1 when some line was skipped, else 0.
    """
    from timeline.dates import tag_dates

    failed = 0
    for number, raw in enumerate(lines, start=1):
        line = _decoded(raw, number, err)
        if line is None:
            failed += 1
            continue
        if not line.strip():
            continue
        record = _batch_record(line, number, err)
        if record is None:
            failed += 1
            continue
        doc_id, text, doc_dct, mode = record
        try:
            prefix = '{"id": ' + json.dumps(doc_id, ensure_ascii=False) + ", "
            written = [
                prefix + json.dumps(mention.to_json(), ensure_ascii=False)[1:] + "\n"
                for mention in tag_dates(text, dct or doc_dct, mode or default_mode, all_types=all_types)
            ]
        except Exception as error:  # one document's failure must not cost the ones after it
            shown = doc_id if isinstance(doc_id, str | int | float | None) else type(doc_id).__name__
            err.write(
                f"timeline: stdin line {number} (id {shown!r}): could not be tagged "
                f"({_failure(error)}); skipped\n"
            )
            failed += 1
            continue
        out.write("".join(written))
    return 1 if failed else 0


def _decoded(raw: str | bytes, number: int, err: TextIO) -> str | None:
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        err.write(
            f"timeline: stdin line {number}: not UTF-8 text ({error.reason} at byte {error.start}); skipped\n"
        )
        return None


def _batch_record(line: str, number: int, err: TextIO) -> tuple[Any, str, date | None, Mode | None] | None:
    try:
        data = json.loads(line)
    except (ValueError, RecursionError) as error:
        err.write(f"timeline: stdin line {number}: not valid JSON ({_failure(error)}); skipped\n")
        return None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        err.write(f'timeline: stdin line {number}: expected an object with a "text" string; skipped\n')
        return None
    mode = data.get("mode")
    if mode not in (None, "news", "narrative"):
        err.write(f"timeline: stdin line {number}: unknown mode {mode!r}, using the default\n")
        mode = None
    raw_dct = data.get("dct")
    doc_dct = parse_iso_day(raw_dct)
    if raw_dct and doc_dct is None:
        err.write(
            f"timeline: stdin line {number}: dct {raw_dct!r} is not YYYY-MM-DD; "
            "relative dates stay unanchored\n"
        )
    return data.get("id"), data["text"], doc_dct, mode


def write_date_mentions(
    paths: Sequence[str],
    out: TextIO,
    err: TextIO,
    *,
    dct: date | None,
    mode: Mode | None,
    all_types: bool = False,
) -> int:
    """Tag each file (with its folder's catalog, if any); one that cannot be loaded or tagged is reported
    and skipped. Returns the exit code: 1 when something was skipped, else 0."""
    from timeline.dates import tag_dates
    from timeline.documents import load_corpus

    documents, errors = load_corpus(paths)
    for error in errors:
        err.write(f"timeline: {error.message}\n")
    failed = len(errors)
    for doc in documents:
        anchor = dct or doc.published
        if anchor is None:
            err.write(
                f"timeline: {doc.path or doc.doc_id}: no publication date (give --dct); "
                "relative dates stay unanchored\n"
            )
        try:
            written = [
                json.dumps({"doc": doc.doc_id, **mention.to_json()}, ensure_ascii=False) + "\n"
                for mention in tag_dates(doc.text, anchor, mode or doc.mode, all_types=all_types)
            ]
        except Exception as error:  # one document's failure must not cost the ones after it
            err.write(
                f"timeline: {doc.path or doc.doc_id}: could not be tagged ({_failure(error)}); skipped\n"
            )
            failed += 1
            continue
        out.write("".join(written))
    return 1 if failed or not documents else 0


def _dates(args: argparse.Namespace) -> int:
    dct = parse_iso_day(args.dct) if args.dct else None
    if args.dct and dct is None:
        print(f"timeline: --dct must be a date as YYYY-MM-DD, got {args.dct!r}", file=sys.stderr)
        return 2
    if args.batch:
        return run_batch(
            getattr(sys.stdin, "buffer", sys.stdin),  # bytes: an undecodable line costs only itself
            sys.stdout,
            sys.stderr,
            default_mode=args.mode or "news",
            dct=dct,
            all_types=args.all_types,
        )
    if not args.files:
        print("timeline: give FILE... to tag, or --batch to read JSON Lines on stdin", file=sys.stderr)
        return 2
    return write_date_mentions(
        args.files, sys.stdout, sys.stderr, dct=dct, mode=args.mode, all_types=args.all_types
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``timeline`` console script; returns the exit code."""
    try:
        return _run(argv)
    except KeyboardInterrupt:
        print("timeline: interrupted", file=sys.stderr)
        return 130
    except ParserUnavailableError as error:  # the model is not installed: the message names the command
        print(f"timeline: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (``| head``) left: stop quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as error:  # the promise: one clear line, never a traceback
        print(f"timeline: unexpected error: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
