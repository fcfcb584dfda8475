"""What the browser suite shares besides fixtures: the server's settings, the hostile article, and a
driver that uses the app the way a reader does and waits the way Streamlit needs.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from playwright.sync_api import ConsoleMessage, Dialog, Locator, Page, expect
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from timeline.model import Event
from timeline.store import StoredDocument

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
SERVER_START_TIMEOUT_S = 180
"""Generous: the first start extracts every article on a shared, possibly busy, 2-core machine."""
UI_TIMEOUT_MS = int(os.environ.get("BROWSER_TEST_TIMEOUT_MS", "60000"))
"""How long a step may take before it fails; lower it (BROWSER_TEST_TIMEOUT_MS) while writing tests."""
EXPECT_TIMEOUT_MS = 15_000
"""How long an ``expect`` waits for the page to agree: the UI is already idle by then, so it can be short."""

HOSTILE_FILE = "zz_hostile_article.txt"
HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE_ARTICLE = f"""Militia statement posted online

Published March 3, 2019

BAGHDAD - On Saturday, a militia spokesman posted a statement that read {HOSTILE_SCRIPT} in full.
Iraqi officials said on March 1, 2019 that talks with Iran would resume, {HOSTILE_IMG} according to
the statement.
"""


BEACON_HOST = "127.0.0.2"
"""Loopback, but not the app's address: any request to it came from article or catalog text."""

MARKDOWN_FILE = "zz_markdown_article.txt"


def markdown_payload(beacon: str, tag: str) -> str:
    """Every way text could turn into an image, a link, math, a directive, an icon or HTML in Streamlit;
    ``tag`` names where it sits, so a request to the beacon says which text leaked."""
    return (
        f"![x]({beacon}/{tag}-image.png) [met]({beacon}/{tag}-link) $$x^2$$ :red[alarm] "
        f"{beacon}/{tag}-bare www.{tag}-www.example press@{tag}-mail.example :streamlit: "
        f':material/home: -> <img src="{beacon}/{tag}-html.png"> **bold**'
    )


def markdown_article(beacon: str) -> str:
    """An article whose dated sentences hold the payload: one whole in a quote, and pieces of it written
    inside words, where they survive into the events' titles (and so into link labels and tooltips)."""
    return f"""Markdown statement posted online

Published April 2, 2019

On March 20, 2019, officials met the![x]({beacon}/event-image.png)delegates in Baghdad.
On March 21, 2019, officials met the[met]({beacon}/event-link)delegates in Baghdad.
On March 22, 2019, officials met $$x^2$$ delegates in Baghdad.
On March 24, 2019, officials met {beacon}/event-bare delegates in Baghdad.
On March 25, 2019, officials met www.event-www.example and press@event-mail.example delegates in Baghdad.
On March 26, 2019, officials met the<a href="{beacon}/event-anchor">staff</a>, the**bold**delegates and the<img src="{beacon}/event-html.png">team in Baghdad.
BAGHDAD - On Monday, April 1, 2019, a militia spokesman posted {markdown_payload(beacon, "quote")} in a statement.
"""


def markdown_catalog_entry(beacon: str) -> dict[str, str]:
    """Catalog metadata for the article, as hostile as its text (title and outlet are shown everywhere)."""
    return {
        "title": f"Catalog title {markdown_payload(beacon, 'title')}",
        "outlet": f"Outlet {markdown_payload(beacon, 'outlet')}",
        "url": "javascript:window.__pwned=1",
        "published": "2019-04-02",
    }


class Beacon:
    """An HTTP server on ``BEACON_HOST`` that records every request: nothing should ever reach it."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer((BEACON_HOST, 0), Handler)
        self.url = f"http://{BEACON_HOST}:{self._server.server_address[1]}"

    @contextlib.contextmanager
    def running(self) -> Iterator[Beacon]:
        thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._server.shutdown()
            self._server.server_close()


class PageWatch:
    """What the page did behind the test's back: dialogs it opened, errors it logged."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []

    def on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)


IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
RUNNING = '[data-testid="stApp"][data-test-script-state="running"]'
CHART = ".js-plotly-plot"
CHART_ELEMENT = '[data-testid="stPlotlyChart"]'
MAIN = '[data-testid="stMainBlockContainer"]'
CHART_POINTS = ".js-plotly-plot .scatterlayer .point, .js-plotly-plot .barlayer .point"


def _field(message: type[BackMsg] | type[ForwardMsg], name: str) -> int:
    return int(message.DESCRIPTOR.fields_by_name[name].number)


_FINAL = [
    ForwardMsg.ScriptFinishedStatus.Value(name)
    for name in ("FINISHED_SUCCESSFULLY", "FINISHED_WITH_COMPILE_ERROR", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY")
]
RUN_LEDGER_JS = """
(() => {
  if (window.__runLedger) return;
  const { RERUN, NEW_SESSION, SCRIPT_FINISHED, FINAL_STATUSES } = __FIELDS__;
  const FINAL = new Set(FINAL_STATUSES);
  const SKELETONS = '[data-testid="stSkeleton"], [data-testid="stSkeletonElement"], [data-testid="stAppSkeleton"]';
  // Each rerun the page asks for, each run the server starts and each run's end, in the order they
  // happened (seq), read from the websocket's protobuf messages (top-level field numbers only).
  const ledger = { requests: 0, lastRequest: 0, lastStart: 0, lastEnd: 0, final: false, seq: 0 };
  const topFields = (data) => {
    let bytes = null;
    if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
    else if (ArrayBuffer.isView(data)) bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const found = new Map();
    if (!bytes) return found;
    let at = 0;
    const varint = () => {
      let value = 0, scale = 1, byte;
      do {
        if (at >= bytes.length) throw new RangeError('truncated');
        byte = bytes[at++];
        value += (byte & 127) * scale;
        scale *= 128;
      } while (byte & 128);
      return value;
    };
    try {
      while (at < bytes.length) {
        const tag = varint(), field = Math.floor(tag / 8), wire = tag % 8;
        let value = null;
        if (wire === 0) value = varint();
        else if (wire === 1) at += 8;
        else if (wire === 2) { const size = varint(); at += size; value = size; }
        else if (wire === 5) at += 4;
        else break;
        if (!found.has(field)) found.set(field, value);
      }
    } catch (error) { /* a message cut short: what was read still counts */ }
    return found;
  };
  const Native = window.WebSocket;
  const send = Native.prototype.send;
  Native.prototype.send = function (data) {
    if (topFields(data).has(RERUN)) { ledger.requests += 1; ledger.lastRequest = ++ledger.seq; }
    return send.call(this, data);
  };
  class Watched extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const fields = topFields(event.data);
        if (fields.has(NEW_SESSION)) ledger.lastStart = ++ledger.seq;
        if (fields.has(SCRIPT_FINISHED)) {
          ledger.lastEnd = ++ledger.seq;
          ledger.final = FINAL.has(fields.get(SCRIPT_FINISHED));
        }
      });
    }
  }
  window.WebSocket = Watched;
  window.__runLedger = ledger;
  // Idle: every rerun asked for has started since, the last run has ended for good (not to rerun),
  // the page has drawn that end (Streamlit's own script state is back to notRunning) and every element
  // has its own code loaded (Streamlit shows a skeleton while an element's script is fetched).
  window.__appIdle = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return ledger.requests > 0 && ledger.lastStart > ledger.lastRequest && ledger.lastEnd > ledger.lastStart
      && ledger.final && !!app && app.getAttribute('data-test-script-state') === 'notRunning'
      && !document.querySelector(SKELETONS);
  };
})();
""".replace(
    "__FIELDS__",
    json.dumps(
        {
            "RERUN": _field(BackMsg, "rerun_script"),
            "NEW_SESSION": _field(ForwardMsg, "new_session"),
            "SCRIPT_FINISHED": _field(ForwardMsg, "script_finished"),
            "FINAL_STATUSES": _FINAL,
        }
    ),
)
"""Installed in every tab before the app's own scripts: a ledger of script runs read off the websocket.

Streamlit's ``data-test-script-state`` alone cannot tell "idle" from "a rerun was asked for and the
server has not started it yet" (under load that gap lasts seconds); the ledger can, because it sees the
request leave the page."""

CHART_DRAWN_JS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  if (!plot || !plot._fullLayout || !plot._fullData) return false;
  if (!plot.querySelector('.xtick text')) return false;  // the date axis is drawn
  const svgPoints = plot.querySelector('.scatterlayer .point, .barlayer .point');
  const glTraces = plot._fullData.filter((trace) => String(trace.type || '').endsWith('gl'));
  const glDrawn = glTraces.length > 0 && glTraces.every((trace) => trace._length >= 0)
    && !!plot.querySelector('canvas') && !!(plot._fullLayout._glcanvas);
  if (!svgPoints && !glDrawn) return false;
  // Drawn at its box's height (the Timeline's chart box follows the screen: see timeline/ui/fit.py).
  const box = plot.closest('.st-key-chart_box');
  return !box || Math.abs(plot._fullLayout.height - box.clientHeight) <= 2;
}"""
"""True once the Plotly chart has its axis and its markers, drawn in SVG or in WebGL (a canvas), at the
height of its box."""


OPTION_SETTLED_JS = """(option) => new Promise((resolve) => {
  // Settled: the reader's focus is on the option, the dropdown is done entering, and over two frames the
  // option stays where it is and is what a press there lands on (while its list scrolls, react-aria turns
  // pointer events off on the list's content for 300 ms after the last scroll event).
  const state = () => {
    const r = option.getBoundingClientRect();
    const under = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const dropdown = option.closest('[data-entering], [data-exiting]');
    const ready = option.isConnected && option.hasAttribute('data-focused') && !dropdown
      && !!under && option.contains(under);
    return ready ? [r.left, r.top, r.width, r.height].join() : null;
  };
  const first = state();
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(first !== null && state() === first)));
})"""
"""True when an option of a Streamlit dropdown (multiselect, selectbox: react-aria, virtualised) can be
pressed: see ``choose_option``."""


def choose_option(option: Locator, timeout_ms: int = UI_TIMEOUT_MS) -> None:
    """Click an option of an open Streamlit dropdown once its list has settled under the pointer.

    A plain click can be lost under load: pressing an option moves the list's focus to it, which may
    scroll the virtualised list; react-aria then turns pointer events off on the list for 300 ms, so the
    button's release lands on the list, not the option, and no choice (no rerun) is ever made. So the
    option is scrolled into view and hovered first (the focus follows the pointer), and pressed only once
    it holds the focus and is, for two frames in a row, where it was and what is under the pointer."""
    option.scroll_into_view_if_needed(timeout=timeout_ms)
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        option.hover(timeout=timeout_ms)
        if option.evaluate(OPTION_SETTLED_JS):
            break
        if time.monotonic() > deadline:
            raise AssertionError(f"the option {option} never settled under the pointer")
    option.click(timeout=timeout_ms)


class AppDriver:
    """Drives the app the way a reader does, and waits the way Streamlit needs (for reruns to end)."""

    def __init__(self, page: Page, base_url: str, artifacts: Path) -> None:
        self.page = page
        self.base_url = base_url
        self.artifacts = artifacts
        page.add_init_script(RUN_LEDGER_JS)

    def open(self, path: str = "", query: Mapping[str, str] | None = None) -> None:
        """Go to a page of the app (``path`` as in its URL, e.g. ``present``) and wait until it is drawn."""
        suffix = f"?{urlencode(query)}" if query else ""
        self.page.goto(f"{self.base_url}/{path.lstrip('/')}{suffix}")
        self.wait_idle()

    def wait_idle(self) -> None:
        """Until every script run the page asked for (so far) has ended and been drawn, chained runs
        (a callback's rerun, a page switch) included. An action that asks for a rerun asks at once
        (buttons, pills, options, Enter): call this right after it."""
        self.page.wait_for_function("() => window.__appIdle && window.__appIdle()")

    def reruns(self) -> int:
        """How many reruns this page has asked for so far (see ``rerun_after``)."""
        return int(self.page.evaluate("() => window.__runLedger ? window.__runLedger.requests : 0"))

    @contextlib.contextmanager
    def rerun_after(self) -> Iterator[None]:
        """For an action whose rerun request may leave late (a chart click, a debounced field): waits
        until the page has asked for a new run, and that run has ended."""
        before = self.reruns()
        yield
        self.page.wait_for_function(
            "(before) => window.__runLedger && window.__runLedger.requests > before", arg=before
        )
        self.wait_idle()

    def wait_for_query(self, name: str, value: str | None, *, contains: bool = False) -> None:
        """Until the address bar's query has ``name`` equal to ``value`` (``None``: absent), or, with
        ``contains``, a comma-separated list holding it."""
        self.page.wait_for_function(
            """([name, value, contains]) => {
              const got = new URLSearchParams(location.search).getAll(name).pop();
              if (value === null) return got === undefined;
              if (got === undefined) return false;
              return contains ? got.split(',').includes(value) : got === value;
            }""",
            arg=[name, value, contains],
        )

    def keyed(self, key: str) -> Locator:
        """The container Streamlit gives a widget or container created with ``key=``."""
        return self.page.locator(f".st-key-{key}")

    def query(self) -> dict[str, str]:
        """The current URL's query parameters (last value of each)."""
        return {name: values[-1] for name, values in parse_qs(urlsplit(self.page.url).query).items()}

    def screenshot(self, name: str) -> Path:
        path = self.artifacts / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def wait_for_chart(self) -> Locator:
        """Until the chart is drawn (axis and markers, SVG or WebGL) after the last run."""
        self.wait_idle()
        chart = self.page.locator(CHART).first
        chart.wait_for(state="visible")
        self.page.wait_for_function(CHART_DRAWN_JS)
        return chart


@dataclass(frozen=True)
class StoredTimeline:
    """What the app stored on its first start, read back from its SQLite file: the tests' expectations."""

    events: tuple[Event, ...]
    documents: tuple[StoredDocument, ...]

    def document_from_file(self, file_name: str) -> StoredDocument:
        return next(doc for doc in self.documents if doc.path and Path(doc.path).name == file_name)


def sign_in_as(app: AppDriver, name: str, password: str) -> None:
    """Sign in with the sidebar's form (opening it if it is folded) and wait until the page says so."""
    summary = app.page.get_by_test_id("stSidebar").get_by_text("Editor sign-in", exact=True)
    expect(summary).to_be_visible()
    if not app.keyed("signin_name").locator("input").is_visible():
        summary.click()
    app.keyed("signin_name").locator("input").fill(name)
    app.keyed("signin_password").locator("input").fill(password)
    app.keyed("signin_submit").get_by_role("button").click()
    app.wait_idle()
    expect(app.keyed("signed_in")).to_contain_text("Signed in as")


@contextlib.contextmanager
def editor_account(data_dir: Path, name: str, password: str) -> Iterator[None]:
    """An editor account (and the cookie key) for a test; afterwards the edits it made are undone (as an
    editor would, by undo rows) and the account removed, so the next test finds the store as it was."""
    from timeline.auth import add_editor, ensure_cookie_key, remove_editor
    from timeline.store import DATABASE_NAME, EventStore
    from timeline.store.edits_store import edits, undo

    ensure_cookie_key(data_dir / "secrets.toml")
    add_editor(name, password, data_dir / "editors.yaml", replace=True, rounds=4)
    store = EventStore(data_dir / DATABASE_NAME)
    before = {edit.id for edit in edits(store)}
    try:
        yield
    finally:
        made = [edit for edit in edits(store) if edit.id not in before]
        undone = {int(edit.new) for edit in made if edit.field == "undo"}
        for edit in reversed(made):
            if edit.field != "undo" and edit.id not in undone:
                undo(store, int(edit.id or 0), "browser test cleanup")
        remove_editor(name, data_dir / "editors.yaml")
