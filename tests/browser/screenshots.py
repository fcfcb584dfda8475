"""Screenshots of every page of the app, for looking at: at 1440x900, and in large type at 1280x720 and
1024x768 (a classroom projector), on the seed articles and on a Guardian-size synthetic store.

usage: .venv/bin/python tests/browser/screenshots.py [--events 3239] [--stores seeds,synthetic]
                                                    [--out test-artifacts/screenshots]

Each page is shot as the screen shows it (no scrolling), after its script run has ended and, on pages
with a chart, once the chart is drawn. The pages are the ones the app's navigation lists, so a new page
is shot without changing this script; Present is shot on its title slide and on its first event.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
for entry in (str(REPO), str(HERE)):
    if entry not in sys.path:
        sys.path.insert(0, entry)

from browser_support import CHART_ELEMENT, AppDriver  # noqa: E402
from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from bench.streamlit_server import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

SCREENS: tuple[tuple[int, int, bool], ...] = ((1440, 900, False), (1280, 720, True), (1024, 768, True))
"""(width, height, large type)."""
GUARDIAN_EVENTS = 3239
"""The real archive issue 8 was tried on: 344 Guardian articles, 3,239 events."""
NAV_LINKS = '[data-testid="stSidebarNav"] a'
TIMEOUT_MS = 180_000


@contextmanager
def app_server(store: str, scratch: Path, events: int) -> Iterator[str]:
    """The app on the seeds (a first start on an empty data folder) or on a synthetic store."""
    data = scratch / f"data-{store}"
    env = {**os.environ, "TIMELINE_DATA_DIR": str(data)}
    if store == "synthetic":
        from bench.synthetic import build_synthetic_store

        build_synthetic_store(data / "timeline.sqlite3", events)
        articles = scratch / "no-articles"
        articles.mkdir(exist_ok=True)
        env["TIMELINE_SEEDS_DIR"] = str(articles)
    log = scratch / f"server-{store}.log"
    with (
        log.open("wb") as output,
        serve(REPO / "app.py", cwd=REPO, env=env, timeout_s=240, output=output) as url,
    ):
        yield url


def page_paths(browser: Browser, url: str) -> list[str]:
    """The URL paths of the pages the app's navigation lists ("" for the default page)."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    app = AppDriver(context.new_page(), url, REPO)
    app.open()
    hrefs = [link.get_attribute("href") or "" for link in app.page.locator(NAV_LINKS).all()]
    context.close()
    paths = [urlsplit(href).path.strip("/") for href in hrefs]
    return list(dict.fromkeys(paths)) or [""]


def shoot(browser: Browser, url: str, store: str, out: Path) -> list[Path]:
    saved: list[Path] = []
    paths = page_paths(browser, url)
    for width, height, large in SCREENS:
        context = browser.new_context(viewport={"width": width, "height": height})
        context.set_default_timeout(TIMEOUT_MS)
        app = AppDriver(context.new_page(), url, REPO)
        shots: list[tuple[str, dict[str, str]]] = [(path, {}) for path in paths]
        if "present" in paths:
            shots.insert(paths.index("present") + 1, ("present", {"slide": "1"}))
        for path, extra in shots:
            query = {**({"large": "1"} if large else {}), **extra}
            app.open(path, query)
            if app.page.locator(CHART_ELEMENT).count():
                app.wait_for_chart()
            name = path or "timeline"
            suffix = "-slide1" if extra else ""
            target = out / f"{store}-{width}x{height}{'-large' if large else ''}-{name}{suffix}.png"
            app.page.screenshot(path=str(target))
            saved.append(target)
        context.close()
    return saved


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=GUARDIAN_EVENTS, help="events in the synthetic store")
    parser.add_argument("--stores", default="seeds,synthetic", help="comma-separated: seeds, synthetic")
    parser.add_argument("--out", type=Path, default=REPO / "test-artifacts" / "screenshots")
    args = parser.parse_args(argv)
    stores = [store.strip() for store in args.stores.split(",") if store.strip()]
    unknown = set(stores) - {"seeds", "synthetic"}
    if unknown:
        parser.error(f"unknown store(s): {', '.join(sorted(unknown))}")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as scratch, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        for store in stores:
            with app_server(store, Path(scratch), args.events) as url:
                for path in shoot(browser, url, store, args.out):
                    print(path.relative_to(REPO) if path.is_relative_to(REPO) else path, flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
