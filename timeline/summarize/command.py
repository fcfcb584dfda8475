"""``timeline summarize``: the key dates of articles, each with its best title and cited sentence.

``timeline summarize PATH... --dates K [--from D --to D] [--json]`` extracts the events of the articles
(as ``timeline extract`` does) and prints the K key events (``timeline.events.salience``);
``timeline summarize --batch`` answers score_tls.py tasks on stdin (``timeline.summarize.batch``).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any, TextIO

from timeline.model import Event


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _iso_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a date as YYYY-MM-DD, got {value!r}") from None


def add_summarize_parser(commands: Any) -> None:
    """Add the ``summarize`` subcommand to the subparsers ``commands`` of the ``timeline`` parser."""
    summarize = commands.add_parser("summarize", help="the key dates of articles, with titles and quotes")
    summarize.add_argument("paths", nargs="*", metavar="PATH", help=".txt, .md or .html files, or folders")
    summarize.add_argument("--dates", type=_count, default=10, metavar="K", help="how many key dates")
    summarize.add_argument("--from", dest="date_from", type=_iso_day, metavar="YYYY-MM-DD")
    summarize.add_argument("--to", dest="date_to", type=_iso_day, metavar="YYYY-MM-DD")
    summarize.add_argument("--json", action="store_true", help="one JSON object per key date")
    summarize.add_argument("--jobs", type=_count, default=1, metavar="N", help="documents in parallel")
    summarize.add_argument(
        "--batch",
        action="store_true",
        help='read score_tls.py tasks (JSON Lines) on stdin, write {"id", "date", "summary"} lines',
    )


def run_summarize(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``timeline summarize`` with parsed ``args``; the exit code (output to stdout unless ``out``)."""
    out = out or sys.stdout
    err = err or sys.stderr
    if args.batch:
        from timeline.summarize.batch import run_summarize_batch

        if args.paths:
            err.write("timeline: --batch reads its tasks on stdin; PATH arguments are not used with it\n")
            return 2
        return run_summarize_batch(sys.stdin, out, err)
    if not args.paths:
        err.write("timeline: give PATH... to summarize, or --batch to read tasks on stdin\n")
        return 2
    if args.date_from and args.date_to and args.date_from > args.date_to:
        err.write("timeline: --from must not be after --to\n")
        return 2
    from timeline.events.nlp import load_parser
    from timeline.events.salience import event_salience, key_events
    from timeline.pipeline import extract_corpus

    load_parser()
    result = extract_corpus(args.paths, jobs=args.jobs)
    for error in result.errors:
        err.write(f"timeline: {error.message}\n")
    if not result.documents:
        err.write("timeline: no document could be loaded\n")
        return 1
    chosen = key_events(result.events, args.dates, args.date_from, args.date_to)
    salience = event_salience(chosen)
    if not chosen:
        err.write("timeline: no dated event in that period\n")
    for event in chosen:
        if args.json:
            out.write(json.dumps(_record(event, salience[event.id]), ensure_ascii=False) + "\n")
        else:
            out.write(_text(event))
    return 0


def _record(event: Event, salience: float) -> dict[str, Any]:
    return {
        "id": event.id,
        "date": event.start.isoformat() if event.start else None,
        "end": event.end.isoformat() if event.end else None,
        "display_date": event.display_date,
        "title": event.title,
        "sentence": event.sentence,
        "salience": round(salience, 3),
        "sources": [source.to_json() for source in event.sources],
    }


def _text(event: Event) -> str:
    cited = ", ".join(source.title or source.doc for source in event.sources[:3])
    more = f" and {len(event.sources) - 3} more" if len(event.sources) > 3 else ""
    return f"{event.display_date}  {event.title}\n    “{event.sentence}”\n    — {cited}{more}\n\n"
