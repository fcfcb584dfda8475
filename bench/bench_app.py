"""How fast the app answers a filter change, and how much memory it holds, against a plain script.

Run from the repository root::

    .venv/bin/python bench/bench_app.py                 # 10,000 and 100,000 events
    .venv/bin/python bench/bench_app.py --sizes 10000 --repeats 3 --skip-apptest

For each size it builds a synthetic store (``bench.synthetic``), then, each in a fresh process so
memory figures are not mixed up:

- ``core``: the work of a rerun after a filter change: ``apply_filters`` + ``chart.timeline_figure``
  + serialising the figure as ``st.plotly_chart`` does, over a cycle of filter states;
- ``plain``: the same filters and a figure with plain pandas masks + ``plotly.express`` (``bench.plain``);
- ``apptest``: real Streamlit reruns of ``app.py`` through ``streamlit.testing.v1.AppTest`` (the store
  in ``TIMELINE_DATA_DIR``), changing the search text and the actors; ``apptest-plain`` the same
  for ``bench/plain_app.py``.

Times are medians over every filter change of every repeat; memory is the RSS growth of the process
from before loading the data to the end (psutil). Targets: a rerun under 0.3 s at 10,000 events
and under 1.5 s at 100,000. Nothing here asserts: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a file (python bench/bench_app.py): make `bench` importable
    sys.path.insert(0, str(ROOT))
APP = ROOT / "app.py"
PLAIN_APP = ROOT / "bench" / "plain_app.py"
MB = 1024 * 1024
TARGETS = {10_000: 0.3, 100_000: 1.5}


def _states() -> list[Any]:
    from timeline.view.filters import FilterState

    return [
        FilterState(actors=("Iran",)),
        FilterState(date_from=date(2010, 1, 1), date_to=date(2015, 12, 31)),
        FilterState(text="agreement"),
        FilterState(precisions=("day", "month"), include_planned=False),
        FilterState(categories=("attack", "diplomacy"), actors=("US", "Iraq")),
        FilterState(),
    ]


def _rss() -> int:
    return int(psutil.Process().memory_info().rss)


def _timed(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def _empty_parts() -> dict[str, list[float]]:
    return {"filter": [], "figure": [], "serialize": [], "total": []}


def _record(parts: dict[str, list[float]], moments: list[float]) -> None:
    """``moments``: before filtering, after filtering, after the figure, after serialising."""
    for name, (before, after) in zip(
        ("filter", "figure", "serialize"), itertools.pairwise(moments), strict=True
    ):
        parts[name].append(after - before)
    parts["total"].append(moments[-1] - moments[0])


def child_core(database: Path, repeats: int) -> dict[str, Any]:
    import plotly.io as pio

    from timeline.store import EventStore
    from timeline.view.chart import timeline_figure
    from timeline.view.filters import apply_filters
    from timeline.view.frame import NO_ACTOR, events_frame
    from timeline.view.palette import actor_colors

    base = _rss()
    start = time.perf_counter()
    events = EventStore(database).events()
    frame = events_frame(events)
    colors = actor_colors([*{actor for event in events for actor in event.actors}, NO_ACTOR])
    load_s = time.perf_counter() - start
    loaded = _rss()
    parts = _empty_parts()
    for _ in range(repeats):
        for state in _states():
            moments = [time.perf_counter()]
            shown = apply_filters(frame, state)
            moments.append(time.perf_counter())
            figure = timeline_figure(shown, lane_by=state.lane, colors=colors)
            moments.append(time.perf_counter())
            pio.to_json(figure, validate=False)
            moments.append(time.perf_counter())
            _record(parts, moments)
    return {"load_s": load_s, "data_mb": (loaded - base) / MB, "peak_mb": (_rss() - base) / MB, **parts}


def child_plain(database: Path, repeats: int) -> dict[str, Any]:
    import plotly.io as pio

    from bench.plain import load_plain_frame, plain_figure, plain_filter

    base = _rss()
    load_s, frame = _timed(lambda: load_plain_frame(database))
    loaded = _rss()
    parts = _empty_parts()
    for _ in range(repeats):
        for state in _states():
            moments = [time.perf_counter()]
            shown = plain_filter(frame, state)
            moments.append(time.perf_counter())
            figure = plain_figure(shown)
            moments.append(time.perf_counter())
            pio.to_json(figure, validate=False)
            moments.append(time.perf_counter())
            _record(parts, moments)
    return {"load_s": load_s, "data_mb": (loaded - base) / MB, "peak_mb": (_rss() - base) / MB, **parts}


CHANGES: list[tuple[str, Any]] = [
    ("f_text", "agreement"),
    ("f_text", ""),
    ("f_actors", ["Iran"]),
    ("f_actors", []),
]
"""Widget key and new value: the search box and the actors picker (same keys in both apps). The views
alternate between a narrow one (a few % of the events), everything, Iran (~20 %) and everything."""


def child_apptest(script: Path, repeats: int) -> dict[str, Any]:
    from streamlit.testing.v1 import AppTest

    base = _rss()
    app = AppTest.from_file(str(script), default_timeout=1200)
    cold_s, _ = _timed(app.run)
    if app.exception:
        return {"error": "; ".join(str(item.message) for item in app.exception)[:500]}
    loaded = _rss()
    reruns: list[float] = []
    for _ in range(repeats):
        for key, value in CHANGES:
            widget = app.text_input(key=key) if isinstance(value, str) else app.multiselect(key=key)
            widget.set_value(value)
            elapsed, _ = _timed(app.run)
            if app.exception:
                return {"error": "; ".join(str(item.message) for item in app.exception)[:500]}
            reruns.append(elapsed)
    return {
        "cold_s": cold_s,
        "data_mb": (loaded - base) / MB,
        "peak_mb": (_rss() - base) / MB,
        "total": reruns,
    }


def run_child(mode: str, data_dir: Path, repeats: int, empty_dir: Path) -> dict[str, Any]:
    environment = {**os.environ, "TIMELINE_DATA_DIR": str(data_dir), "TIMELINE_SEEDS_DIR": str(empty_dir)}
    command = [sys.executable, "-m", "bench.bench_app", "--child", mode, "--data", str(data_dir)]
    completed = subprocess.run(
        [*command, "--repeats", str(repeats)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode != 0 or not lines:
        return {"error": (completed.stderr.strip().splitlines() or ["no output"])[-1]}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def median(result: dict[str, Any], key: str) -> float | None:
    values = result.get(key)
    if isinstance(values, list):
        return statistics.median(values) if values else None
    return float(values) if isinstance(values, int | float) else None


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value:.3f} s" if unit == "s" else f"{value:.0f} MB"


def report_size(n: int, results: dict[str, dict[str, Any]]) -> list[str]:
    rows = [
        ("filter → figure built (core)", "core", "plain", "total", "s"),
        ("  of which filter", "core", "plain", "filter", "s"),
        ("  of which figure", "core", "plain", "figure", "s"),
        ("  of which serialise", "core", "plain", "serialize", "s"),
        ("rerun after a filter change (AppTest)", "apptest", "apptest-plain", "total", "s"),
        ("first run, cold cache (AppTest)", "apptest", "apptest-plain", "cold_s", "s"),
        ("load store → frame", "core", "plain", "load_s", "s"),
        ("memory: data loaded (RSS growth)", "core", "plain", "data_mb", "MB"),
        ("memory: app process (AppTest, RSS growth)", "apptest", "apptest-plain", "peak_mb", "MB"),
    ]
    lines = [f"\n{n:,} events", f"{'measure':44} {'app':>10} {'plain':>10} {'ratio':>7}"]
    for label, ours_mode, plain_mode, key, unit in rows:
        ours = median(results.get(ours_mode, {}), key)
        plain = median(results.get(plain_mode, {}), key)
        ratio = f"{ours / plain:.2f}×" if ours is not None and plain else "—"
        lines.append(f"{label:44} {_fmt(ours, unit):>10} {_fmt(plain, unit):>10} {ratio:>7}")
    for mode, result in results.items():
        if "error" in result:
            lines.append(f"  ({mode} failed: {result['error']})")
    target = TARGETS.get(n)
    for label, mode, plain_mode in (("core", "core", "plain"), ("AppTest rerun", "apptest", "apptest-plain")):
        ours = median(results.get(mode, {}), "total")
        plain = median(results.get(plain_mode, {}), "total")
        if ours is None:
            continue
        verdict = "" if target is None else f"; target < {target} s: {'met' if ours < target else 'MISSED'}"
        ratio = f" = {ours / plain:.2f}× plain ({plain:.3f} s)" if plain else ""
        lines.append(f"RATIO {n} events, {label}: {ours:.3f} s{ratio}{verdict}")
    ours_mb, plain_mb = (
        median(results.get("core", {}), "data_mb"),
        median(results.get("plain", {}), "data_mb"),
    )
    if ours_mb is not None and plain_mb:
        lines.append(
            f"RATIO {n} events, memory: {ours_mb:.0f} MB = "
            f"{ours_mb / plain_mb:.2f}× plain ({plain_mb:.0f} MB)"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--skip-apptest", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        database = args.data / "timeline.sqlite3"
        children: dict[str, Callable[[], dict[str, Any]]] = {
            "core": lambda: child_core(database, args.repeats),
            "plain": lambda: child_plain(database, args.repeats),
            "apptest": lambda: child_apptest(APP, args.repeats),
            "apptest-plain": lambda: child_apptest(PLAIN_APP, args.repeats),
        }
        print(json.dumps(children[args.child]()))
        return 0

    from bench.synthetic import build_synthetic_store

    modes = ["core", "plain"]
    if not args.skip_apptest and APP.exists():
        modes += ["apptest", "apptest-plain"]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"python {sys.version.split()[0]}, {psutil.cpu_count()} cores (load average {load}), "
        f"repeats {args.repeats}; modes {modes}"
    )
    everything: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as scratch:
        empty = Path(scratch) / "no-articles"
        empty.mkdir()
        for n in args.sizes:
            data_dir = Path(scratch) / f"store-{n}"
            started = time.perf_counter()
            build_synthetic_store(data_dir / "timeline.sqlite3", n)
            build_s = time.perf_counter() - started
            print(f"built a synthetic store of {n:,} events in {build_s:.1f} s", flush=True)
            results = {mode: run_child(mode, data_dir, args.repeats, empty) for mode in modes}
            everything[str(n)] = results
            print("\n".join(report_size(n, results)), flush=True)
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
