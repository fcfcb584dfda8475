"""Cold start: the time from ``streamlit run`` to the chart drawn in a real browser, against a peer.

The app is started on a fresh, empty data folder each time (the first start a teacher sees: the seed
articles are extracted and stored before the chart can be drawn), and once more on the store left by a
previous start (a restart). The peer is a plain ``streamlit run`` of a minimal pandas + Plotly script
drawing as many points as the app's chart holds, measured in the same run. Headless Debian chromium,
already open, loads the page; the clock stops when the Plotly chart has its points in the DOM.

usage: python bench/bench_coldstart.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

REPO = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a file (python bench/bench_coldstart.py): make `bench` importable
    sys.path.insert(0, str(REPO))

from bench.streamlit_server import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

TIMEOUT_S = 240
CHART_POINTS = ".js-plotly-plot .scatterlayer .point, .js-plotly-plot .barlayer .point"
COUNT_POINTS_JS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  if (!plot || !plot._fullData) return 0;
  return plot._fullData.reduce((n, trace) => n + (trace._length || 0), 0);
}"""

PEER_SCRIPT = """
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


def time_to_chart(browser: Browser, script: Path, cwd: Path, env: dict[str, str]) -> tuple[float, int]:
    """Seconds from launching ``streamlit run script`` to the chart's points in the page, and their count."""
    began = time.monotonic()
    with serve(script, cwd=cwd, env=env, timeout_s=TIMEOUT_S) as url:
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        page = context.new_page()
        page.goto(url, timeout=TIMEOUT_S * 1000)
        page.wait_for_selector(CHART_POINTS, state="attached", timeout=TIMEOUT_S * 1000)
        elapsed = time.monotonic() - began
        points = int(page.evaluate(COUNT_POINTS_JS))
        context.close()
        return elapsed, points


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=3, help="starts per contender; the median counts")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="coldstart-") as scratch, sync_playwright() as playwright:
        root = Path(scratch)
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        cold: list[float] = []
        restart: list[float] = []
        peer: list[float] = []
        points = 0
        peer_script = root / "peer_app.py"
        # Rounds (app cold, app restart, peer) so a busy spell on the machine hits all three alike.
        for run in range(args.repeats):
            env = {**os.environ, "TIMELINE_DATA_DIR": str(root / f"data-{run}")}
            seconds, drawn = time_to_chart(browser, REPO / "app.py", REPO, env)
            cold.append(seconds)
            if run == 0:
                points = drawn
                peer_script.write_text(PEER_SCRIPT.format(points=max(points, 1)), encoding="utf-8")
            restart.append(time_to_chart(browser, REPO / "app.py", REPO, env)[0])
            peer.append(time_to_chart(browser, peer_script, root, dict(os.environ))[0])
        browser.close()

    peer_median = statistics.median(peer)
    print(f"time from `streamlit run` to the chart drawn in headless chromium; median of {args.repeats}")
    print(f"chart points: {points} (the peer draws the same number)\n")
    for name, times in (
        ("app, cold (empty data folder)", cold),
        ("app, restart (store present)", restart),
        ("peer: plain pandas + Plotly script", peer),
    ):
        median = statistics.median(times)
        runs = ", ".join(f"{t:.2f}" for t in times)
        print(f"{name:36s} {median:6.2f} s  ({median / peer_median:4.2f}x the peer)  runs: {runs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
