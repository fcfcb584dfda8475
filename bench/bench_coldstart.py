"""Starts: the time from ``streamlit run`` to the chart drawn in headless Chromium, against a peer.

Run from the repository root::

    .venv/bin/python bench/bench_coldstart.py        # warm start (10,000 events), first start (300 articles)
    .venv/bin/python bench/bench_coldstart.py --only warm --repeats 3 --events 10000
    .venv/bin/python bench/bench_coldstart.py --only seeds # cold start on the seed articles

- ``warm``: a store of ``--events`` synthetic events already built (``bench.synthetic``), no new
  articles; the app is started afresh and opened on its default view (density and key events) and on
  ``?key=0`` (every event: WebGL markers past 3,000). The peer is ``bench/plain_app.py`` (plain
  pandas + ``plotly.express`` WebGL scatter of the same store), started the same way in the same round.
  Beside them, the floor: ``bench/floor_app.py``, one two-point Plotly chart and nothing else, what
  Streamlit and Plotly.js alone take on this machine (a bar below it no app can meet).
  Each start is split into the server's own start-up (``streamlit run`` to its health check answering,
  the same floor for every Streamlit app) and the page (tab opened to chart drawn); then a second tab is
  opened on the running server (a reader joining a class).
- ``first``: a first start over ``--articles`` new short articles (written to a temporary folder):
  the bench waits for the progress bar and reads its counts ("12 of 300 articles"), then for the
  chart; it prints whether the progress was shown and the counts it read.
- ``seeds``: the first start on the seed articles (empty data folder), then a restart on its store,
  against a minimal script drawing as many points.

"Chart drawn" is a state, never a sleep: the Plotly graph div has its ``_fullData``, no pending
promises, every visible SVG trace has its points (or heatmap image) in the DOM, and every visible
WebGL trace has its scene drawn (``_scene.dirty`` false) on a ``gl-canvas``; ``plotly_afterplot`` is
counted too (a listener installed before the page loads) and reported. Nothing asserts: the machine is
shared and noisy; figures are medians with the peer's in the same round.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

REPO = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a file (python bench/bench_coldstart.py): make `bench` importable
    sys.path.insert(0, str(REPO))

from bench.streamlit_server import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

TIMEOUT_S = 600
TARGET_WARM_S = 3.0

AFTERPLOT_HOOK = """
(() => {
  window.__afterplots = 0;
  const hook = () => {
    for (const gd of document.querySelectorAll('.js-plotly-plot')) {
      if (!gd.__benchHooked && typeof gd.on === 'function') {
        gd.__benchHooked = true;
        gd.on('plotly_afterplot', () => { window.__afterplots += 1; });
      }
    }
  };
  // A mutation callback runs as a microtask, before Plotly's drawing promises resolve.
  new MutationObserver(hook).observe(document, {subtree: true, childList: true, attributes: true});
})();
"""

CHART_DRAWN_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  if (!gd || !gd._fullData || !gd._fullLayout || !gd._fullData.length) return false;
  if (gd._promises && gd._promises.length) return false;
  const shown = gd._fullData.filter(t => t.visible === true && (t._length || t.type === 'heatmap'));
  if (!shown.length) return false;
  if (shown.some(t => t.type === 'scattergl')) {
    const plots = gd._fullLayout._plots || {};
    const scenes = Object.values(plots).map(p => p._scene).filter(Boolean);
    if (!scenes.length || scenes.some(s => s.dirty)) return false;
    if (!gd.querySelector('canvas.gl-canvas')) return false;
  }
  if (shown.some(t => t.type === 'scatter' || t.type === 'bar')
      && !gd.querySelector('.scatterlayer .point, .barlayer .point')) return false;
  if (shown.some(t => t.type === 'heatmap')
      && !gd.querySelector('.heatmaplayer image, .hm image')) return false;
  return true;
}"""

DRAWN_STATE_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const shown = gd._fullData.filter(t => t.visible === true);
  return {
    points: shown.reduce((n, t) => n + (t.type === 'heatmap' ? 0 : (t._length || 0)), 0),
    webgl: shown.filter(t => t.type === 'scattergl').reduce((n, t) => n + (t._length || 0), 0),
    kinds: [...new Set(shown.map(t => t.type))].sort(),
    afterplots: window.__afterplots || 0,
  };
}"""

PROGRESS_JS = """() => {
  const bar = document.querySelector('[data-testid="stProgress"]');
  if (!bar) return null;
  const match = (bar.innerText || '').match(/(\\d[\\d,]*) of (\\d[\\d,]*) articles/);
  return match ? match[0] : null;
}"""

SEED_PEER = """
import numpy as np
import pandas as pd
import plotly.express as px
import streamlit as st

POINTS = {points}
rng = np.random.default_rng(7)
frame = pd.DataFrame({{
    "date": pd.Timestamp("2003-01-01") + pd.to_timedelta(rng.integers(0, 6600, POINTS), unit="D"),
    "lane": rng.choice(["US", "Iraq", "Iran", "ISIS", "Syria", "Russia"], POINTS),
}})
st.title("Timeline")
st.plotly_chart(px.scatter(frame, x="date", y="lane", color="lane"), width="stretch")
"""


def _open(browser: Browser, url: str) -> tuple[Page, object]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    context.add_init_script(AFTERPLOT_HOOK)
    page = context.new_page()
    page.goto(url, timeout=TIMEOUT_S * 1000)
    return page, context


@dataclass
class Start:
    """One start: seconds from ``streamlit run`` to the chart drawn (``total``), split into the server's
    start-up (to its health check answering) and the first page (tab opened to chart drawn); then a
    second tab opened on the same running server, to its chart drawn (what a reader joining finds)."""

    total: float
    server: float
    page: float
    second_tab: float
    state: dict[str, object]


def _chart_in_new_tab(browser: Browser, url: str) -> tuple[float, dict[str, object]]:
    began = time.monotonic()
    page, context = _open(browser, url)
    page.wait_for_function(CHART_DRAWN_JS, timeout=TIMEOUT_S * 1000, polling="raf")
    elapsed = time.monotonic() - began
    state: dict[str, object] = page.evaluate(DRAWN_STATE_JS)
    context.close()  # type: ignore[attr-defined]
    return elapsed, state


def time_to_chart(
    browser: Browser, script: Path, cwd: Path, env: Mapping[str, str], query: str = ""
) -> Start:
    """Time a start of ``streamlit run script`` to the chart drawn, and a second tab on the same server."""
    began = time.monotonic()
    with serve(script, cwd=cwd, env=env, timeout_s=TIMEOUT_S) as url:
        server = time.monotonic() - began
        page, state = _chart_in_new_tab(browser, url + query)
        total = time.monotonic() - began
        second_tab, _ = _chart_in_new_tab(browser, url + query)
        return Start(total, server, page, second_tab, state)


def first_start(
    browser: Browser, env: Mapping[str, str]
) -> tuple[float, float | None, list[str], dict[str, object]]:
    """A first start over new articles: (seconds to the chart, seconds to the progress bar, the counts it
    showed, what was drawn). The progress texts are read while the page waits for the chart."""
    began = time.monotonic()
    seen: list[str] = []
    progress_at: float | None = None
    with serve(REPO / "app.py", cwd=REPO, env=env, timeout_s=TIMEOUT_S) as url:
        page, context = _open(browser, url)
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            text = page.evaluate(PROGRESS_JS)
            if text and (not seen or seen[-1] != text):
                seen.append(str(text))
                progress_at = progress_at if progress_at is not None else time.monotonic() - began
            if page.evaluate(CHART_DRAWN_JS):
                break
            page.wait_for_timeout(100)  # a polling interval while reading the bar, not a wait for a state
        elapsed = time.monotonic() - began
        state: dict[str, object] = page.evaluate(DRAWN_STATE_JS)
        context.close()  # type: ignore[attr-defined]
    return elapsed, progress_at, seen, state


PLACES = ("BAGHDAD", "TEHRAN", "WASHINGTON", "DAMASCUS", "ERBIL", "BASRA")
ACTS = (
    "officials met to discuss the security agreement",
    "a rocket struck near the embassy",
    "the parliament voted on the budget",
    "the foreign minister visited the capital",
    "forces withdrew from the northern province",
)


def write_articles(folder: Path, count: int, seed: int = 3) -> None:
    """``count`` short dated news articles (a headline, a dateline, three sentences), for a first start."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        year, month, day = rng.randint(2003, 2021), rng.randint(1, 12), rng.randint(1, 28)
        place = rng.choice(PLACES)
        first, second = rng.sample(ACTS, 2)
        text = (
            f"Report {index}: {first.capitalize()}\n\n"
            f"{place}, {time.strftime('%B', time.strptime(str(month), '%m'))} {day}, {year} — "
            f"On Tuesday {first}, the government said in a statement.\n\n"
            f"Last month {second}, according to witnesses.\n\n"
            f"Talks are planned for next year, a spokesman said.\n"
        )
        (folder / f"report_{index:04d}.txt").write_text(text, encoding="utf-8")


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def run_warm(browser: Browser, root: Path, events: int, repeats: int) -> None:
    from bench.synthetic import build_synthetic_store

    data = root / "warm-data"
    empty = root / "no-articles"
    empty.mkdir(exist_ok=True)
    started = time.monotonic()
    build_synthetic_store(data / "timeline.sqlite3", events)
    print(f"built a store of {events:,} synthetic events in {time.monotonic() - started:.1f} s", flush=True)
    env = {**os.environ, "TIMELINE_DATA_DIR": str(data), "TIMELINE_SEEDS_DIR": str(empty)}
    # The app's first start on a new store builds its bundle; "warm" is every start after it.
    time_to_chart(browser, REPO / "app.py", REPO, env)
    starts: dict[str, list[Start]] = {"overview": [], "every": [], "peer": [], "floor": []}
    for _ in range(repeats):  # rounds, so a busy spell on the machine hits all three alike
        starts["overview"].append(time_to_chart(browser, REPO / "app.py", REPO, env))
        starts["every"].append(time_to_chart(browser, REPO / "app.py", REPO, env, "/?key=0"))
        starts["peer"].append(time_to_chart(browser, REPO / "bench" / "plain_app.py", REPO, env))
        starts["floor"].append(time_to_chart(browser, REPO / "bench" / "floor_app.py", REPO, env))

    def median_of(key: str, part: str) -> float:
        return _median([getattr(start, part) for start in starts[key]])

    print(f"\nwarm start ({events:,} stored events): `streamlit run` → chart drawn; median of {repeats}")
    print(f"{'':44s} {'total':>8s} {'server':>8s} {'page':>8s} {'2nd tab':>8s}")
    for name, key in (
        ("app, default view (density + key events)", "overview"),
        ("app, every event (?key=0)", "every"),
        ("peer: plain pandas + Plotly app", "peer"),
        ("floor: one 2-point Plotly chart, no data", "floor"),
    ):
        state = starts[key][-1].state
        parts = " ".join(
            f"{median_of(key, part):6.2f} s" for part in ("total", "server", "page", "second_tab")
        )
        runs = ", ".join(f"{start.total:.2f}" for start in starts[key])
        print(
            f"{name:44s} {parts}  runs: {runs}  drawn: {state['points']} points, {state['webgl']} WebGL, "
            f"{state['kinds']}, afterplot seen {state['afterplots']}x"
        )
    for name, key in (("default view", "overview"), ("every event", "every")):
        for part, label in (
            ("total", "from `streamlit run`"),
            ("page", "page on a started server"),
            ("second_tab", "second tab"),
        ):
            median, peer_median = median_of(key, part), median_of("peer", part)
            floor_median = median_of("floor", part)
            verdict = "met" if median < TARGET_WARM_S else "MISSED"
            print(
                f"RATIO warm start {events} events, {name}, {label}: {median:.2f} s = "
                f"{median / peer_median:.2f}x plain ({peer_median:.2f} s), "
                f"{median / floor_median:.2f}x the floor ({floor_median:.2f} s); "
                f"target < {TARGET_WARM_S} s: {verdict}"
            )


def run_first(browser: Browser, root: Path, articles: int) -> None:
    sources = root / "first-articles"
    write_articles(sources, articles)
    env = {**os.environ, "TIMELINE_DATA_DIR": str(root / "first-data"), "TIMELINE_SEEDS_DIR": str(sources)}
    elapsed, progress_at, seen, state = first_start(browser, env)
    print(
        f"\nfirst start over {articles} new articles: chart drawn after {elapsed:.1f} s "
        f"({state['points']} points)"
    )
    if seen:
        shown = ", ".join(seen[:3]) + (f", … {seen[-1]}" if len(seen) > 3 else "")
        print(
            f"progress shown: yes, first after {progress_at:.1f} s; {len(seen)} distinct counts read: {shown}"
        )
    else:
        print("progress shown: NO (no progress bar with counts was seen before the chart)")


def run_seeds(browser: Browser, root: Path, repeats: int) -> None:
    cold: list[float] = []
    restart: list[float] = []
    peer: list[float] = []
    points = 0
    peer_script = root / "peer_app.py"
    for run in range(repeats):
        env = {**os.environ, "TIMELINE_DATA_DIR": str(root / f"seed-data-{run}")}
        first = time_to_chart(browser, REPO / "app.py", REPO, env)
        cold.append(first.total)
        state = first.state
        if run == 0:
            points = int(str(state["points"]))
            peer_script.write_text(SEED_PEER.format(points=max(points, 1)), encoding="utf-8")
        restart.append(time_to_chart(browser, REPO / "app.py", REPO, env).total)
        peer.append(time_to_chart(browser, peer_script, root, dict(os.environ)).total)
    peer_median = _median(peer)
    print(f"\nseed articles: `streamlit run` → chart drawn; median of {repeats}; {points} points drawn")
    for name, times in (("app, cold (empty data folder)", cold), ("app, restart (store present)", restart)):
        median = _median(times)
        runs = ", ".join(f"{t:.2f}" for t in times)
        print(f"{name:36s} {median:6.2f} s  ({median / peer_median:4.2f}x the peer)  runs: {runs}")
    print(f"{'peer: plain pandas + Plotly script':36s} {peer_median:6.2f} s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=3, help="starts per contender; the median counts")
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--only", choices=["warm", "first", "seeds"], action="append")
    args = parser.parse_args(argv)
    modes = args.only or ["warm", "first"]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"modes {modes}, repeats {args.repeats}, load average {load}", flush=True)
    with tempfile.TemporaryDirectory(prefix="coldstart-") as scratch, sync_playwright() as playwright:
        root = Path(scratch)
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        if "warm" in modes:
            run_warm(browser, root, args.events, args.repeats)
        if "first" in modes:
            run_first(browser, root, args.articles)
        if "seeds" in modes:
            run_seeds(browser, root, args.repeats)
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
