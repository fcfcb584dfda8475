"""Linear time on pathological inputs: each input doubles in size, and the time may at most double too.

The peer of each measurement is the same code on the same kind of input at half the size, measured in the
same run: the figure is the ratio of times per doubling (2.0 is linear; a quadratic step gives 4.0). The
inputs are the ones that once made extraction or sentence splitting quadratic:

  long line       an article of ordinary dated sentences with no line break (one line of prose)
  no full stops   the same words and dates, never a full stop: one sentence as long as the text
  digits line     numbers and years separated by spaces (every year is a date mention)
  date words      date words only ("May 2003 last week Friday the 1990s ..."), a mention every few words
  abbreviations   "Gen.", "U.S.", initials, runs of stops and of "a.b.c", no line break

Two stages are timed on each text: sentence splitting (``split_sentences``) and full extraction
(``extract_events`` on a ``Document``: it tags, splits, parses and builds the records; the date tagger's
share is shown beside it, for diagnosis). Each size runs ``--repeats`` times, in rounds (every size once
per round), each time on fresh text (another random seed, so no cache carries over). Sizes start at
``--start-kb`` (halved, down to 4 KB, while one call is slow) and double until one call takes over
``--budget`` CPU seconds (three sizes at least) or ``--top-kb`` is reached; splitting, being cheap, runs
every size from ``--split-start-kb`` to ``--split-top-kb`` (2 to 8 MB: past the processor's caches).
Times are CPU times of the process (steadier than wall time on a shared machine; wall time is shown
too); each ratio is the median over the rounds of that round's ratio, between sizes measured one right
after the other, so a busy spell between rounds cancels.

The verdict, per input and stage: the ratio per doubling across the top ``--checked`` doublings (the
geometric mean of their ratios, round by round, median of the rounds) must be at most 2.3; the script
exits 1 otherwise. Every doubling's own ratio is printed too; the smaller sizes are not judged (fixed
costs dominate them).

usage: python bench/bench_linear.py [--start-kb K] [--top-kb K] [--budget S] [--split-start-kb K]
                                    [--split-top-kb K] [--repeats R] [--checked C] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from timeline.dates import tag_dates  # noqa: E402
from timeline.events import extract_events  # noqa: E402
from timeline.events.sentences import split_sentences  # noqa: E402
from timeline.model import Document, Mode, TimeMention  # noqa: E402

BAR = 2.3
MIN_SAMPLE = 0.2
MIN_SIZE = 4096
PUBLISHED = date(2021, 1, 8)

_SUBJECTS = ("US troops", "Iran", "the Iraqi government", "The ministry", "Officials", "A convoy", "Talks")
_VERBS = ("withdrew from", "attacked", "met envoys in", "announced a deal with", "said it would leave")
_OBJECTS = ("Baghdad", "the base near Erbil", "Tehran", "the northern border", "the oil fields", "Basra")
_DATES = (
    "on 12 March 2004",
    "in 2007",
    "last week",
    "on Friday",
    "in the spring of 2011",
    "two years later",
    "in January",
    "on 3 January 2020",
)
_DATE_WORDS = (
    "May", "2003", "March", "last", "week", "Friday", "spring", "of", "2004", "the", "1990s", "January",
    "12", "next", "month", "summer", "1998", "early", "late", "century", "two", "years", "ago", "on",
)  # fmt: skip
_ABBREVIATED = (
    "Gen.",
    "U.S.",
    "Mr.",
    "St.",
    "a.b.c",
    "J.",
    "R.",
    "....",
    "etc.",
    "Dr.",
    "Smith",
    "met",
    "in 2004.",
)


Maker = Callable[[int, random.Random], str]


def _joined(pieces: Callable[[random.Random], str], size: int, rng: random.Random, sep: str = " ") -> str:
    parts: list[str] = []
    length = 0
    while length < size:
        part = pieces(rng)
        parts.append(part)
        length += len(part) + len(sep)
    return sep.join(parts)[:size]


def _clause(rng: random.Random) -> str:
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_DATES)}"


def long_line(size: int, rng: random.Random) -> str:
    return _joined(lambda r: _clause(r) + ".", size, rng)


def no_full_stops(size: int, rng: random.Random) -> str:
    return _joined(_clause, size, rng, sep=" and ")


def digits_line(size: int, rng: random.Random) -> str:
    return _joined(lambda r: str(r.randint(1950, 2030) if r.random() < 0.5 else r.randint(0, 99)), size, rng)


def date_words(size: int, rng: random.Random) -> str:
    return _joined(lambda r: r.choice(_DATE_WORDS), size, rng)


def abbreviations(size: int, rng: random.Random) -> str:
    return _joined(lambda r: r.choice(_ABBREVIATED), size, rng)


INPUTS: dict[str, Maker] = {
    "long line": long_line,
    "no full stops": no_full_stops,
    "digits line": digits_line,
    "date words": date_words,
    "abbreviations": abbreviations,
}


@dataclass
class Row:
    size: int
    cpu: list[float] = field(default_factory=list)
    """Per call, one figure per repeat."""
    wall: list[float] = field(default_factory=list)
    tag_cpu: list[float] = field(default_factory=list)
    """Of ``cpu``, the part spent in the date tagger (extraction only)."""
    found: str = ""


class _TimedTagger:
    """``tag_dates`` that adds up the CPU time spent in it, handed to ``extract_events``."""

    def __init__(self) -> None:
        self.cpu = 0.0

    def __call__(self, text: str, dct: date | None, mode: Mode = "news") -> list[TimeMention]:
        began = time.process_time()
        try:
            return tag_dates(text, dct, mode)
        finally:
            self.cpu += time.process_time() - began


def _split(text: str, tagger: _TimedTagger) -> str:
    return f"{len(split_sentences(text))} sentences"


def _extract(text: str, tagger: _TimedTagger) -> str:
    events = extract_events(Document(doc_id="bench.txt", text=text, published=PUBLISHED), tagger=tagger)
    return f"{len(events)} events"


STAGES: dict[str, Callable[[str, _TimedTagger], str]] = {"split": _split, "extract": _extract}


def _sample(
    make: Maker, work: Callable[[str, _TimedTagger], str], size: int, seed: str, calls: int
) -> tuple[float, float, float, str]:
    """CPU, wall and tagger CPU seconds per call over ``calls`` texts of ``size`` characters: fresh ones
    for extraction (whose caches must not carry over), one text again and again for splitting (which
    has none, and whose texts would take longer to make than to split)."""
    fresh = work is not _split
    texts = [make(size, random.Random(f"{seed}:{size}:{call}")) for call in range(calls if fresh else 1)]
    texts *= 1 if fresh else calls
    tagger = _TimedTagger()
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    found = ""
    for text in texts:
        found = work(text, tagger)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return cpu / calls, wall / calls, tagger.cpu / calls, found


Sample = tuple[float, float, float, str]


def plan(make: Maker, stage: str, start: int, top: int, budget: float) -> list[tuple[int, int, Sample]]:
    """The sizes to measure, each with its calls per figure and a first figure (a warm-up too).

    From ``start`` (halved, down to MIN_SIZE, while one call takes over a quarter of ``budget``), doubling
    until one call takes over ``budget`` CPU seconds (three sizes at least) or ``top`` is reached. A size
    whose call is short gets enough calls, each on fresh text, for a figure to last MIN_SAMPLE seconds,
    so tiny times are not lost in the clock's and the machine's noise.
    """
    work = STAGES[stage]
    size = start
    first = _sample(make, work, size, "0", 1)
    while first[0] > budget / 4 and size // 2 >= MIN_SIZE:
        size //= 2
        first = _sample(make, work, size, "0", 1)
    planned: list[tuple[int, int, Sample]] = []
    while True:
        calls = max(1, min(64, math.ceil(MIN_SAMPLE / max(first[0], 1e-6))))
        planned.append((size, calls, first))
        if size * 2 > top or (first[0] > budget and len(planned) >= 3):
            return planned
        size *= 2
        first = _sample(make, work, size, "0", 1)


def measure(make: Maker, stage: str, planned: Sequence[tuple[int, int, Sample]], repeats: int) -> list[Row]:
    """One row per planned size, measured in rounds (every size once per round), so that a busy spell on
    the shared machine hits all sizes alike; a size measured with one call keeps its planning figure as
    its first."""
    rows = [Row(size) for size, _, _ in planned]
    for repeat in range(repeats):
        for row, (size, calls, first) in zip(rows, planned, strict=True):
            reuse = repeat == 0 and calls == 1
            cpu, wall, tag_cpu, row.found = (
                first if reuse else _sample(make, STAGES[stage], size, str(repeat), calls)
            )
            row.cpu.append(cpu)
            row.wall.append(wall)
            row.tag_cpu.append(tag_cpu)
    return rows


def _kb(size: int) -> str:
    return f"{size // 1024} KB" if size < 1024 * 1024 else f"{size / 2**20:g} MB"


def _ratio(rows: list[Row], index: int, part: Callable[[Row], list[float]]) -> float:
    """The median over the rounds of each round's ratio: the two sizes of a round were measured one right
    after the other, under the same load, so a busy spell between rounds cancels out."""
    pairs = zip(part(rows[index]), part(rows[index - 1]), strict=True)
    return statistics.median(larger / max(smaller, 1e-9) for larger, smaller in pairs)


def _top_ratio(rows: list[Row], checked: int) -> float:
    """The ratio per doubling across the top ``checked`` doublings (the geometric mean of their ratios),
    round by round, then the median of the rounds: one noisy size in the middle cancels out."""
    top, bottom = rows[-1].cpu, rows[-1 - checked].cpu
    return statistics.median(
        math.pow(larger / max(smaller, 1e-9), 1.0 / checked)
        for larger, smaller in zip(top, bottom, strict=True)
    )


def report(name: str, stage: str, rows: list[Row], checked: int) -> list[str]:
    """Print one table and its verdict; return the failure, if the top doublings are above the bar."""
    for index, row in enumerate(rows):
        cpu, wall = statistics.median(row.cpu), statistics.median(row.wall)
        ratio = f"x{_ratio(rows, index, lambda row: row.cpu):4.2f}" if index > 0 else ""
        tagged = ""
        if stage == "extract":
            tag = statistics.median(row.tag_cpu)
            tagged = f"  of it tagger {tag:6.3f}s" + (
                f" x{_ratio(rows, index, lambda row: row.tag_cpu):4.2f}" if index > 0 else "      "
            )
        size = _kb(row.size)
        print(f"  {stage:8s} {size:>7s}  cpu {cpu:7.3f}s  wall {wall:7.3f}s  {ratio:6s}{tagged}  {row.found}")
    checked = min(checked, len(rows) - 1)
    value = _top_ratio(rows, checked)
    span = f"{_kb(rows[-1 - checked].size)} to {_kb(rows[-1].size)}"
    verdict = "ok" if value <= BAR else "ABOVE the bar"
    print(f"  {stage:8s} x{value:.2f} per doubling from {span}: {verdict}")
    return [] if value <= BAR else [f"{name}, {stage}: x{value:.2f} per doubling from {span}"]


def warm_up() -> None:
    """Load the data files, patterns and models once, so the first size does not pay for them."""
    text = long_line(4096, random.Random(0)) + " " + date_words(2048, random.Random(0))
    _extract(text, _TimedTagger())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--start-kb", type=int, default=16, help="smallest extraction input (KB; halved while too slow)"
    )
    parser.add_argument("--top-kb", type=int, default=512, help="largest extraction input (KB)")
    parser.add_argument(
        "--budget",
        type=float,
        default=1.0,
        help="stop doubling an input once one call takes longer than this (CPU seconds; 3 sizes at least)",
    )
    parser.add_argument("--split-start-kb", type=int, default=2048, help="smallest splitting input (KB)")
    parser.add_argument("--split-top-kb", type=int, default=8192, help="largest splitting input (KB)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per size; the median counts")
    parser.add_argument("--checked", type=int, default=2, help="top doublings judged against the bar")
    parser.add_argument("--only", action="append", choices=sorted(INPUTS), help="run only this input")
    args = parser.parse_args(argv)
    if args.top_kb < 4 * args.start_kb or args.split_top_kb < 4 * args.split_start_kb:
        raise SystemExit("need three sizes at least: each top must be at least four times its start")
    print(
        f"time per doubling of each input (CPU time per call; ratios: median of {args.repeats} rounds); "
        f"bar: at most x{BAR} per doubling across the top {args.checked} doublings of split and of extract"
    )
    began = time.perf_counter()
    warm_up()
    failures: list[str] = []
    for name in args.only or INPUTS:
        print(f"\n{name}")
        make = INPUTS[name]
        for stage in STAGES:
            first, last = (
                (args.split_start_kb, args.split_top_kb) if stage == "split" else (args.start_kb, args.top_kb)
            )
            budget = args.budget if stage == "extract" else math.inf  # splitting: every size
            planned = plan(make, stage, first * 1024, last * 1024, budget)
            rows = measure(make, stage, planned, args.repeats)
            failures.extend(report(name, stage, rows, args.checked))
    print(f"\n{time.perf_counter() - began:.0f} s in all")
    if failures:
        print("ABOVE the bar:\n  " + "\n  ".join(failures))
        return 1
    print(f"every judged ratio is at most x{BAR}: linear")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
