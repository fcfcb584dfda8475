"""Speed of the date tagger and of event extraction against the naive peer, measured in one run.

The peer is ``naive_dates.py`` (plain ``dateparser.search_dates``) from ``../shared/eval``. All the
contenders run as whole commands over the same news documents (TempEval-3 TimeBank and AQUAINT,
parsed the way ``score_dates.py`` parses them), so interpreter start-up and imports count for everyone:

  (a) the peer: ``python naive_dates.py`` fed the JSON Lines documents on stdin;
  (b) the tagger: ``python -m timeline dates --batch`` fed the same JSON Lines;
  (c) event extraction: this script's own ``--events-worker N`` mode, which builds a ``Document`` per
      line (publication date = the document's creation time) and runs ``extract_events`` on it, in one
      process and then in ``--jobs`` worker processes (one per core by default), as
      ``timeline extract --jobs`` spreads documents over the cores.

The contenders run in rounds (each once per round, ``--repeats`` rounds) so that a busy spell on a shared
machine hits them alike; medians are reported. The verdict uses whole-command wall time as documents
per second against the peer's; the bars: date tagging at least 10x, full extraction with the parser
at least 3x in one process (issue 6). Also shown: the ratio of CPU time (user + system
of the child, steadier on a loaded machine) and the start-up time (the same command fed no document)
with the ratio after it, so a slow import can neither hide nor dominate.

Under the table, "steady state" gives the one-process extraction's own timing of its documents with the
parser model already loaded (the worker loads it and extracts one small document first, then times the
loop), against the peer's whole wall time less its start-up: what a long-running process (the app, a
batch over many documents) sees. It never replaces the whole-command figure, which the verdict uses.

The children run as an installed program does, with Python's bytecode cache on (a
``PYTHONDONTWRITEBYTECODE`` setting of the calling shell is dropped for them, for every contender
alike): otherwise each run would recompile the project's own sources, but not the site-packages the
peer imports, whose bytecode the installer wrote.

A second table, "long news", runs the peer and ``timeline dates --batch`` (default output, and
``--all-types``) over the longest articles of the Timeline17 topics (``--long-news``; full news
articles of tens of thousands of characters, detokenised as ``score_tls.py`` does), where the bar is
at least 30x the peer's documents per second.

usage: python bench/bench_speed.py [--corpus DIR ...] [--peer FILE] [--docs N] [--repeats K] [--jobs J]
                                   [--long-news DIR] [--long-docs N]

By default the documents are all of TempEval-3's news: TimeBank and AQUAINT (256 documents).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.model import Document

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEFAULT_CORPORA = [
    SHARED / "corpora" / "tempeval3-train" / "TimeBank",
    SHARED / "corpora" / "tempeval3-train" / "AQUAINT",
]
DEFAULT_PEER = SHARED / "eval" / "naive_dates.py"
DEFAULT_LONG_NEWS = SHARED / "corpora" / "timeline17-dev"
TARGET_RATIO = 10.0
STEADY = "steady-state"
"""The one-process worker's second output line: its wall and CPU seconds with the model loaded."""
EXTRACTION_TARGET_RATIO = 3.0
LONG_NEWS_TARGET_RATIO = 30.0

_CREATION_TIME = (
    re.compile(r'functionInDocument="CREATION_TIME"[^>]*value="([^"]+)"'),
    re.compile(r'value="([^"]+)"[^>]*functionInDocument="CREATION_TIME"'),
)
_TEXT = re.compile(r"<TEXT>(.*)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")


def parse_timeml(path: Path) -> tuple[str, str | None]:
    """The plain text inside <TEXT> (tags dropped, entities unescaped) and the creation date, if any.

    Same text as ``score_dates.py`` builds, so the offsets and the work match what the scorer feeds.
    """
    raw = path.read_text(encoding="utf-8")
    dct = None
    for pattern in _CREATION_TIME:
        found = pattern.search(raw)
        if found:
            dct = found.group(1)[:10]
            break
    body = _TEXT.search(raw)
    text = unescape(_TAG.sub("", body.group(1))) if body else ""
    return text, dct


def pick_documents(corpora: Sequence[Path], count: int) -> list[dict[str, str | None]]:
    """A fixed, spread-out subset: every k-th file in name order, so all outlets are represented."""
    files = sorted(p for corpus in corpora for p in corpus.iterdir() if p.suffix == ".tml")
    if not files:
        raise SystemExit(f"no .tml files in {', '.join(map(str, corpora))}")
    chosen = files if count <= 0 else files[:: max(1, len(files) // count)][:count]
    docs: list[dict[str, str | None]] = []
    for path in chosen:
        text, dct = parse_timeml(path)
        docs.append({"id": path.stem, "text": text, "dct": dct, "mode": "news"})
    return docs


def detokenise(text: str) -> str:
    """Timeline17's Penn Treebank tokens back to prose, the way ``score_tls.py`` hands them on."""
    text = text.replace("-LRB-", "(").replace("-RRB-", ")").replace("-LSB-", "[").replace("-RSB-", "]")
    text = text.replace("``", '"').replace("''", '"')
    text = re.sub(r"\s+([.,;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$])\s+", r"\1", text)
    return re.sub(r"\s+('s|'re|'ve|'ll|'d|n't|'m)\b", r"\1", text)


def pick_long_news(folder: Path, count: int) -> list[dict[str, str | None]]:
    """The ``count`` longest articles of every Timeline17 topic under ``folder`` (ties by id)."""
    articles: list[tuple[int, str, str | None, str]] = []
    for path in sorted(folder.glob("*/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                article = json.loads(line)
                text = detokenise(article["text"])
                doc_id = f"{path.parent.name}/{article['id']}"
                articles.append((len(text), doc_id, str(article.get("time") or "")[:10] or None, text))
    if not articles:
        raise SystemExit(f"no articles.jsonl under {folder} (pass --long-news)")
    articles.sort(key=lambda item: (-item[0], item[1]))
    return [
        {"id": doc_id, "text": text, "dct": dct, "mode": "news"} for _, doc_id, dct, text in articles[:count]
    ]


@dataclass(frozen=True)
class Contender:
    name: str
    command: list[str]
    unit: str
    """What its output lines are ("mentions"); empty when it prints a single count instead."""
    target: float | None = None
    """Its bar (times the peer's docs/s); None: the table's."""


@dataclass
class Timings:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    startup_wall: list[float] = field(default_factory=list)
    output: str = ""
    outputs: list[str] = field(default_factory=list)
    """Every run's output (``output`` is the last)."""


CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
"""The contenders' environment: the caller's, with the bytecode cache on (see the module docstring)."""


def run_once(command: Sequence[str], stdin: str) -> tuple[float, float, str]:
    """Wall and CPU seconds (user + system, of the child) of one run, and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run(list(command), input=stdin, capture_output=True, text=True, cwd=REPO, env=CHILD_ENV)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def measure(contenders: Sequence[Contender], stdin: str, repeats: int) -> list[Timings]:
    """Runs in rounds (every contender once per round) so a busy spell on the machine hits all alike."""
    timings = [Timings() for _ in contenders]
    for _ in range(repeats):
        for contender, timing in zip(contenders, timings, strict=True):
            wall, cpu, timing.output = run_once(contender.command, stdin)
            timing.outputs.append(timing.output)
            timing.wall.append(wall)
            timing.cpu.append(cpu)
            timing.startup_wall.append(run_once(contender.command, "")[0])
    return timings


def _count_events(document: Document) -> int:
    from timeline.events import extract_events

    return len(extract_events(document))


def _warm_up() -> None:
    """Import the extractor before the pool forks, so the workers inherit it instead of importing it."""
    from timeline.dates import tag_dates
    from timeline.events import extract_events  # noqa: F401

    tag_dates("on Friday", None)


def events_worker(jobs: int) -> int:
    """Read JSON Lines documents on stdin, extract events from each, print how many were found.

    With ``jobs`` > 1 the documents are shared among worker processes, as ``timeline extract --jobs``
    does: extraction is a pure function of one document, so it spreads over the machine's cores.
    """
    from timeline.model import Document

    documents = []
    for line in sys.stdin:
        if not line.strip():
            continue
        doc = json.loads(line)
        published = date.fromisoformat(doc["dct"]) if doc.get("dct") else None
        documents.append(Document(doc_id=doc["id"], text=doc["text"], published=published, mode=doc["mode"]))
    if jobs > 1 and len(documents) > 1:
        _warm_up()
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            counts = list(pool.map(_count_events, documents, chunksize=max(1, len(documents) // (jobs * 4))))
    elif documents:
        from timeline.events.nlp import load_parser

        load_parser()
        _count_events(Document(doc_id="warm-up", text="Troops left the base on 3 May 2017.", published=None))
        began, cpu = time.perf_counter(), time.process_time()
        counts = [_count_events(document) for document in documents]
        wall, cpu = time.perf_counter() - began, time.process_time() - cpu
        print(sum(counts))
        print(f"{STEADY} {wall:.4f} {cpu:.4f}")
        return 0
    else:
        counts = []
    print(sum(counts))
    return 0


def count_lines(output: str) -> int:
    return sum(1 for line in output.splitlines() if line.strip())


def steady_state(output: str) -> tuple[float, float] | None:
    """The worker's own (wall, CPU) seconds over the documents with the model loaded, if it printed them."""
    for line in output.splitlines():
        if line.startswith(STEADY):
            _, wall, cpu = line.split()
            return float(wall), float(cpu)
    return None


def report_steady(contenders: Sequence[Contender], timings: Sequence[Timings], n: int) -> None:
    """The steady-state line of each contender that printed one, against the peer net of its start-up."""
    peer = timings[0]
    peer_net = statistics.median(peer.wall) - statistics.median(peer.startup_wall)
    peer_cpu = statistics.median(peer.cpu)
    for contender, timing in zip(contenders[1:], timings[1:], strict=True):
        steady = [found for found in map(steady_state, timing.outputs) if found is not None]
        if not steady:
            continue
        wall = statistics.median(found[0] for found in steady)
        cpu = statistics.median(found[1] for found in steady)
        print(
            f"steady state, {contender.name} (model loaded, start-up and load excluded): {wall:.2f}s wall, "
            f"{n / wall:.1f} docs/s, {peer_net / wall:.1f}x the peer's wall after its start-up "
            f"({peer_net:.2f}s); CPU {cpu:.2f}s, {peer_cpu / cpu:.1f}x the peer's whole CPU time"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--corpus", type=Path, action="append", help="folder of TimeML .tml files (repeatable)"
    )
    parser.add_argument("--peer", type=Path, default=DEFAULT_PEER, help="naive_dates.py")
    parser.add_argument("--docs", type=int, default=0, help="documents in a fixed subset (default: all)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per contender; the median counts")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes of the parallel extraction"
    )
    parser.add_argument(
        "--long-news", type=Path, default=DEFAULT_LONG_NEWS, help="Timeline17 topics folder (long news)"
    )
    parser.add_argument("--long-docs", type=int, default=20, help="longest articles to time (0: skip)")
    parser.add_argument("--events-worker", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.events_worker:
        return events_worker(args.events_worker)
    corpora: list[Path] = args.corpus or DEFAULT_CORPORA
    for corpus in corpora:
        if not corpus.is_dir():
            raise SystemExit(f"corpus folder not found: {corpus} (pass --corpus)")
    if not args.peer.is_file():
        raise SystemExit(f"naive peer not found: {args.peer} (pass --peer)")

    docs = pick_documents(corpora, args.docs)
    stdin = "".join(json.dumps(doc) + "\n" for doc in docs)
    chars = sum(len(str(doc["text"])) for doc in docs)
    names = " + ".join(corpus.name for corpus in corpora)
    print(f"{len(docs)} news documents ({names}), {chars:,} characters; median of {args.repeats} runs each")
    print("every contender runs as a whole command: interpreter start-up and imports included\n")

    python = sys.executable
    contenders = [
        Contender("naive peer (dateparser.search_dates)", [python, str(args.peer)], "mentions"),
        Contender("timeline dates --batch", [python, "-m", "timeline", "dates", "--batch"], "mentions"),
        Contender(
            "event extraction, 1 process",
            [python, str(Path(__file__).resolve()), "--events-worker", "1"],
            "",
            EXTRACTION_TARGET_RATIO,
        ),
    ]
    if args.jobs > 1:
        contenders.append(
            Contender(
                f"event extraction, {args.jobs} processes",
                [python, str(Path(__file__).resolve()), "--events-worker", str(args.jobs)],
                "",
                EXTRACTION_TARGET_RATIO,
            )
        )
    timings = measure(contenders, stdin, args.repeats)
    verdicts = report(contenders, timings, len(docs), TARGET_RATIO)
    report_steady(contenders, timings, len(docs))
    if args.long_docs > 0 and args.long_news.is_dir():
        long_docs = pick_long_news(args.long_news, args.long_docs)
        long_chars = sum(len(str(doc["text"])) for doc in long_docs)
        print(
            f"\nlong news: the {len(long_docs)} longest Timeline17 articles ({args.long_news.name}), "
            f"{long_chars:,} characters; median of {args.repeats} runs each"
        )
        long_contenders = [
            contenders[0],
            contenders[1],
            Contender(
                "timeline dates --batch --all-types",
                [python, "-m", "timeline", "dates", "--batch", "--all-types"],
                "mentions",
            ),
        ]
        long_stdin = "".join(json.dumps(doc) + "\n" for doc in long_docs)
        long_timings = measure(long_contenders, long_stdin, args.repeats)
        verdicts += report(long_contenders, long_timings, len(long_docs), LONG_NEWS_TARGET_RATIO, "long news")
    print()
    print("\n".join(verdicts))
    return 0


def report(
    contenders: Sequence[Contender], timings: Sequence[Timings], n: int, target: float, label: str = ""
) -> list[str]:
    """Print one table (the first contender is the peer); return the verdict lines against ``target``."""
    peer_wall = statistics.median(timings[0].wall)
    peer_cpu = statistics.median(timings[0].cpu)
    peer_net = peer_wall - statistics.median(timings[0].startup_wall)
    head = ("contender", "wall", "docs/s", "vs peer", "cpu", "vs peer", "start-up", "vs peer after it")
    print(
        f"{head[0]:38s} {head[1]:>7s} {head[2]:>7s} {head[3]:>7s}  {head[4]:>7s} {head[5]:>7s}  "
        f"{head[6]:>8s} {head[7]}"
    )
    verdicts: list[str] = []
    for index, (contender, timing) in enumerate(zip(contenders, timings, strict=True)):
        wall, cpu = statistics.median(timing.wall), statistics.median(timing.cpu)
        startup = statistics.median(timing.startup_wall)
        ratio, cpu_ratio = peer_wall / wall, peer_cpu / cpu
        net_ratio = peer_net / max(wall - startup, 1e-9)
        found = (
            f"{count_lines(timing.output)} {contender.unit}"
            if contender.unit
            else f"{timing.output.split()[0]} events"
        )
        print(
            f"{contender.name:38s} {wall:6.2f}s {n / wall:7.1f} {ratio:6.1f}x  "
            f"{cpu:6.2f}s {cpu_ratio:6.1f}x  {startup:7.2f}s {net_ratio:6.1f}x  {found}"
        )
        if index > 0:
            bar = contender.target if contender.target is not None else target
            verdict = "meets" if ratio >= bar else "is BELOW"
            where = f" on {label}" if label else ""
            verdicts.append(
                f"{contender.name}{where}: {ratio:.1f}x the peer's docs/s (wall), "
                f"{cpu_ratio:.1f}x (CPU time): {verdict} the {bar:.0f}x bar"
            )
    return verdicts


if __name__ == "__main__":
    raise SystemExit(main())
