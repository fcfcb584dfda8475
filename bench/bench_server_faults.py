"""Fault benchmark through the real server: two editors save title edits in headless Chromium while the
Streamlit server is killed with ``kill -9`` and restarted, again and again.

What: ``streamlit run app.py`` on a temporary data folder (``TIMELINE_DATA_DIR``) over a copy of the
seed articles (``TIMELINE_SEEDS_DIR``), two editor accounts and a cookie key of its own
(``TIMELINE_SECRETS_FILE``), on one fixed port so every restart reuses it, in its own process group.
Two Playwright browser contexts on Debian's chromium (own cookies each) sign in as the two editors
through the sidebar form and keep changing the title of the same few events through the event's edit
form, each with a unique new title (editor, counter, uuid). A save counts as CONFIRMED only when the
page shows it: the "Saved: title changed" confirmation and the new title as the event's heading (the
heading is drawn from the store, after the commit). When the other editor saved that event since the
form was drawn, the app shows the conflict with both values; the editor then chooses "Save mine over
theirs", as an editor keeping their value would, and that save too counts once, when shown.

How: after a random number (1-8) of confirmations and a random 0-2 s more (so that kills land at any
point: in a save, a page load, a sign-in), the killer sends SIGKILL to the server's whole process group,
starts it again on the same port and lets the editors go on: each reloads its page (the sign-in cookie
should carry over; if it does not, the editor signs in again, and the count says so), or, half the
time, keeps its page and waits for Streamlit to reconnect it by itself. Streamlit does not rerun a page
on reconnecting, and the first click on such a page runs in a new server session that has none of the
form's callbacks: it saves nothing, and the app says so beside the button (``timeline.ui.submit``: "The
app restarted before this click reached it: nothing was saved. ..."). The editor counts that warning
("stale-press warnings") and presses again at once, as a person reading it would. Every save press is
answered by one state of the page, waited for as such: saved (the confirmation and the new title as the
heading), a conflict, that warning, another message in the edit panel (a refusal, a store error: counted
by its text), or the edit panel gone (signed out). A press answered with none of these is SILENT: a
defect, counted and failing the verdict (the peer has no such warning: its silent presses are its own
figure), and the editor presses again. A save in flight at the kill is
unconfirmed: it may or may not be stored, but never twice. Every wait is for a state (the page's run
ledger from the browser suite, an element shown, the server's health answer); time-outs are guards
only. It stops after ``--saves`` confirmed edits (at least 200) or ``--max-kills`` kills.
Then it kills the server once more, restarts it, checks that each edited event's page shows its newest
stored title, and opens the store itself read-only (sqlite3): confirmed, confirmed found, lost,
duplicated (a title stored more than once), ``PRAGMA integrity_check``, any store set aside.

The peer, in the same run: ``bench/plain_edit_app.py``, a minimal Streamlit app whose save rewrites a
JSON file in place (no transaction, rename, lock or conflict check), driven by the same editors and
killer for ``--peer-saves`` confirmations; lost and duplicated counted the same way against the file.

While it runs, ``kill -USR1 <its pid>`` prints what each editor waits for and screenshots their tabs
into the work folder (see ``--keep``). That is how it found its first bug: after a restart, a session
asked to rerun while it waited for another's folder sync kept the sync lock (``timeline.ui.state``),
and every later page run of the server hung. A silent press prints the reruns the page asked for
since the click and how often the restart warning was drawn meanwhile: that is how it found the second:
the warning drawn, then a second rerun the page sent by itself (the sign-in cookie
component, rendered by the new session's first run, reporting its value) redrew the form without it.

usage: .venv/bin/python bench/bench_server_faults.py [--saves N] [--peer-saves N] [--max-kills K]
       [--seed S] [--skip-peer] [--keep DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from playwright.async_api import Browser, Locator, Page, async_playwright
from playwright.async_api import Error as PlaywrightError

REPO = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a file: make `bench` (and the browser suite's helpers) importable
    sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "browser"))

from browser_support import MAIN, RUN_LEDGER_JS  # noqa: E402

from bench.streamlit_server import CHROMIUM, CHROMIUM_ARGS, _wait_until_healthy, free_port  # noqa: E402
from timeline.ui.submit import STALE_MESSAGE  # noqa: E402

T = TypeVar("T")

EDITORS = (("Ana Editor", "ana's long bench password"), ("Bo Editor", "bo's long bench password"))
EVENTS = 3
"""Both editors edit the titles of these few events, so they do get in each other's way."""
START_TIMEOUT_S = 300.0
FIRST_LOAD_MS = 600_000
"""The first page load extracts every seed article (a first start): generous on a shared machine."""
WAIT_MS = 120_000
"""Only a guard against a hung page (the machine is shared); nothing is timed against it."""
JITTER_S = 2.0
CONFLICT_ROUNDS = 5
SAVE_TRIES = 3
WEBSOCKET_OPENS_JS = """
(() => {
  window.__wsOpens = 0;
  const Inner = window.WebSocket;
  window.WebSocket = class extends Inner {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => { window.__wsOpens += 1; });
    }
  };
})();
"""
"""Counts the page's websocket connections (after the run ledger's own wrapper)."""
STALE_SEEN_JS = """
(() => {
  window.__staleSeen = 0;
  const text = __TEXT__;
  const seen = (node) => (node.textContent || '').includes(text);
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (seen(node)) { window.__staleSeen += 1; return; }
      }
      if (change.type === 'characterData' && seen(change.target)) { window.__staleSeen += 1; return; }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();
""".replace("__TEXT__", json.dumps(STALE_MESSAGE.split(":")[0]))
"""Counts the times the app's restart warning was drawn on the page, however briefly (a later run may
take it away before the page is idle again)."""
SAVED = re.compile(r"^Saved: title changed")


# -- the server -------------------------------------------------------------------------------------


class Server:
    """``streamlit run`` of one script on one fixed port, in its own process group (killed whole)."""

    def __init__(self, script: Path, env: dict[str, str], log: Path) -> None:
        self.script, self.env, self.log = script, env, log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.start_seconds: list[float] = []

    def start(self) -> None:
        """Start it and return once it answers its health check (a few tries: a port freed by a kill)."""
        began = time.monotonic()
        for attempt in range(3):
            with self.log.open("ab") as out:
                self.process = subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "streamlit",
                        "run",
                        str(self.script),
                        "--server.address=127.0.0.1",
                        f"--server.port={self.port}",
                        "--server.headless=true",
                        "--server.fileWatcherType=none",
                        "--server.runOnSave=false",
                        "--browser.gatherUsageStats=false",
                    ],
                    cwd=REPO,
                    env=self.env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            try:
                _wait_until_healthy(self.url, self.process, time.monotonic() + START_TIMEOUT_S, self.log)
                self.start_seconds.append(time.monotonic() - began)
                return
            except RuntimeError:
                self.kill()
                if attempt == 2:
                    raise

    def kill(self) -> None:
        """SIGKILL to the server's whole process group (streamlit and anything it started)."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.process = None


# -- the run's shared state ------------------------------------------------------------------------


@dataclass
class Generation:
    """One life of the server: ``up`` once it answers, ``killed`` once it was killed."""

    number: int
    up: asyncio.Event = field(default_factory=asyncio.Event)
    killed: asyncio.Event = field(default_factory=asyncio.Event)


class Killed(Exception):
    """The server was killed while an editor waited: what it waited for is unconfirmed."""


@dataclass
class Tally:
    kind: str
    confirmed: dict[str, str] = field(default_factory=dict)
    """Each confirmed title and its event."""
    conflicts: int = 0
    cut: int = 0
    """Saves sent whose outcome never showed because the server was killed."""
    in_flight_at_kill: int = 0
    kills: int = 0
    restarts: int = 0
    stale_presses: int = 0
    """Save presses answered with the app's warning that a restart came first (nothing saved; pressed
    again at once)."""
    stale_wiped: int = 0
    """Silent presses whose restart warning was drawn but gone again by the time the page was idle (a
    later run took it away)."""
    silent: int = 0
    """Save presses answered with nothing at all: no confirmation, conflict, warning or message (a defect;
    pressed again)."""
    other_answers: Counter[str] = field(default_factory=Counter)
    """Save presses answered with another message in the edit panel, by its text (pressed again)."""
    signed_out: int = 0
    """Save presses after which the edit panel was gone (the session not signed in; signed in again)."""
    reconnects: int = 0
    """Times an editor's page reconnected by itself (no reload) and went on."""
    cookie_kept: int = 0
    password_sign_ins: int = 0
    stalls: int = 0
    """Waits that hit their guard time-out (the editor then reloads)."""
    seconds: float = 0.0


class Run:
    def __init__(self, tally: Tally, saves: int, max_kills: int) -> None:
        self.tally, self.saves, self.max_kills = tally, saves, max_kills
        self.current = Generation(0)
        self.done = False
        self.progress = asyncio.Event()

    def confirm(self, title: str, event: str) -> None:
        self.tally.confirmed[title] = event
        if len(self.tally.confirmed) >= self.saves:
            self.done = True
        self.progress.set()

    def stop(self) -> None:
        self.done = True
        self.progress.set()


async def racing(generation: Generation, work: Awaitable[T]) -> T:
    """``work``'s result, unless the server of ``generation`` is killed first (then Killed)."""
    task = asyncio.ensure_future(work)
    killed = asyncio.ensure_future(generation.killed.wait())
    done, _pending = await asyncio.wait({task, killed}, return_when=asyncio.FIRST_COMPLETED)
    if task in done:
        killed.cancel()
        return task.result()
    task.cancel()
    await asyncio.wait({task}, timeout=10)  # let it unwind (a step already sent may still end)
    if task.done() and not task.cancelled():
        task.exception()  # retrieved: an error of a page whose server died is expected
    raise Killed()


# -- an editor -------------------------------------------------------------------------------------


class Editor:
    """One browser context saving titles through the app's edit form."""

    def __init__(
        self,
        name: str,
        password: str | None,
        page: Page,
        run: Run,
        url: str,
        events: list[str],
        rng: random.Random,
    ) -> None:
        self.name, self.password, self.page, self.run, self.url = name, password, page, run, url
        self.events, self.rng = events, rng
        self.loaded: tuple[int, str] | None = None
        self.state = "idle"
        self.counter = 0
        self.first_load = True
        self.as_it_stands = False
        """The page reconnected by itself: its last run may have been cut, so it may never look idle."""
        self.before = (0, 0)
        """``counts()`` just before the last click."""
        self.reconnected_at = -1
        """The server generation this page last reconnected to by itself (-1: none)."""

    def keyed(self, key: str) -> Locator:
        return self.page.locator(f".st-key-{key}")

    async def wait_idle(self, timeout: float = WAIT_MS) -> None:
        await self.page.wait_for_function("() => window.__appIdle && window.__appIdle()", timeout=timeout)

    async def open(self, event: str, generation: Generation) -> None:
        """The event's page on this server, signed in, with its edit form drawn."""
        if self.loaded is None and not self.first_load:
            await self.fresh_tab()
        await self.page.goto(f"{self.url}/?sel={event}", timeout=WAIT_MS, wait_until="commit")
        await self.wait_idle()
        await self.ready(event, generation)

    async def fresh_tab(self) -> None:
        """A new tab in the same context (same cookies) after a kill: the old one's connections to the
        dead server can hold chromium's per-host sockets (a reload then waited for minutes)."""
        old = self.page
        self.page = await old.context.new_page()
        PAGES[:] = [(name, self.page if name == self.name else page) for name, page in PAGES]
        with contextlib.suppress(PlaywrightError, TimeoutError):
            await asyncio.wait_for(old.close(), 10)

    async def reconnected(self, event: str, generation: Generation, opens: int) -> None:
        """No reload: wait until the page's websocket has reconnected by itself (Streamlit's own retry) to
        the restarted server, then carry on with the page as it stands, as an editor who did not notice
        would. (Streamlit does not rerun on a reconnect: the next click runs in a new server session.)"""
        await self.page.wait_for_function("(before) => window.__wsOpens > before", arg=opens, timeout=WAIT_MS)
        self.loaded = (generation.number, event)
        self.as_it_stands = True
        self.reconnected_at = generation.number
        self.run.tally.reconnects += 1

    async def ready(self, event: str, generation: Generation) -> None:
        if self.password is not None:
            await self.sign_in()
        await self.keyed("edit_panel").wait_for(state="visible", timeout=WAIT_MS)
        self.loaded = (generation.number, event)
        self.first_load = False

    async def opens(self) -> int:
        """How many times the page's websocket has opened so far (-1: the page cannot tell)."""
        with contextlib.suppress(PlaywrightError):
            return int(await self.page.evaluate("() => window.__wsOpens || 0"))
        return -1

    async def counts(self) -> tuple[int, int]:
        """(Reruns the page has asked for, times the restart warning was drawn) so far."""
        both = await self.page.evaluate(
            "() => [window.__runLedger ? window.__runLedger.requests : 0, window.__staleSeen || 0]"
        )
        return int(both[0]), int(both[1])

    async def click_and_settle(self, button: Locator) -> None:
        """Click, then wait until the rerun the click asked for has ended and been drawn."""
        self.before = await self.counts()
        await button.click()
        await self.page.wait_for_function(
            "(before) => window.__runLedger && window.__runLedger.requests > before "
            "&& window.__appIdle && window.__appIdle()",
            arg=self.before[0],
            timeout=WAIT_MS,
        )

    async def sign_in(self) -> None:
        signed_in = self.keyed("signed_in")
        summary = self.page.get_by_test_id("stSidebar").get_by_text("Editor sign-in", exact=True)
        await signed_in.or_(summary).first.wait_for(state="visible", timeout=WAIT_MS)
        if await signed_in.is_visible():
            self.run.tally.cookie_kept += 0 if self.first_load else 1
            return
        name_field = self.keyed("signin_name").locator("input")
        if not await name_field.is_visible():
            await summary.click()
        await name_field.fill(self.name)
        await self.keyed("signin_password").locator("input").fill(self.password or "")
        await self.keyed("signin_submit").get_by_role("button").click()
        await signed_in.wait_for(state="visible", timeout=WAIT_MS)
        await self.wait_idle()
        self.run.tally.password_sign_ins += 0 if self.first_load else 1

    async def answer(self, title: str) -> str:
        """What the page (settled after a save press) shows: "saved", "conflict", "stale", "signed out",
        "other: <text>" or "silent"."""
        tally = self.run.tally
        panel = self.keyed("edit_panel")
        if await self.page.locator(MAIN).get_by_role("heading", name=title, exact=True).count():
            await self.page.locator(MAIN).get_by_text(SAVED).first.wait_for(state="visible", timeout=WAIT_MS)
            return "saved"
        if await self.keyed("edit_conflict").filter(has_text=title).count():
            tally.conflicts += 1
            return "conflict"
        if await self.keyed("edit_title").get_by_text(STALE_MESSAGE).count():
            tally.stale_presses += 1
            return "stale"
        if not await panel.count():
            tally.signed_out += 1
            return "signed out"
        texts = [" ".join(text.split()) for text in await panel.get_by_role("alert").all_inner_texts()]
        if any(texts):
            text = "; ".join(text for text in texts if text)[:120]
            tally.other_answers[text] += 1
            return f"other: {text}"
        tally.silent += 1
        requests, stale_seen = await self.counts()
        wiped = stale_seen > self.before[1]
        tally.stale_wiped += wiped
        print(
            f"  SILENT save press ({self.name}, {title!r}, generation {self.run.current.number}, page "
            f"reconnected by itself to it: {self.reconnected_at == self.run.current.number}): reruns asked "
            f"for since the click {requests - self.before[0]}, restart warning drawn meanwhile "
            f"{stale_seen - self.before[1]} time(s)",
            file=sys.stderr,
            flush=True,
        )
        return "silent"

    async def save(self, title: str) -> bool:
        """Type ``title`` and save it; True once the page shows it saved (after any conflicts: "save mine
        over theirs"). A press answered otherwise is pressed again (at once after the app's warning that
        a restart came first), up to ``SAVE_TRIES`` times."""
        for _try in range(SAVE_TRIES):
            if not self.as_it_stands:
                await self.wait_idle()  # a field typed into while a run redraws the form would be lost
            self.as_it_stands = False
            await self.keyed("edit_title").locator("input").fill(title)
            self.state = "saving"
            await self.click_and_settle(self.keyed("edit_title_save").get_by_role("button"))
            outcome = await self.answer(title)
            for _round in range(CONFLICT_ROUNDS):
                if outcome != "conflict":
                    break
                await self.click_and_settle(self.keyed("conflict_save_mine").get_by_role("button"))
                outcome = await self.answer(title)
            if outcome == "saved":
                return True
            if outcome == "signed out" and self.password is not None:
                await self.sign_in()
                await self.keyed("edit_panel").wait_for(state="visible", timeout=WAIT_MS)
        return False

    async def loop(self) -> None:
        event = self.rng.choice(self.events)
        reconnect: tuple[str, int] | None = None
        """After a kill, half the time: (the event, the websocket opens then): wait for the page to
        reconnect by itself instead of reloading it."""
        while not self.run.done:
            generation = self.run.current
            await generation.up.wait()
            if self.run.done:
                break
            if self.rng.random() < 0.3:
                event = self.rng.choice(self.events)
            try:
                if reconnect is not None:
                    wanted, opens = reconnect
                    reconnect = None
                    try:
                        await racing(generation, self.reconnected(wanted, generation, opens))
                        event = wanted
                    except PlaywrightError:
                        self.loaded = None
                if self.loaded != (generation.number, event):
                    await racing(generation, self.open(event, generation))
                self.counter += 1
                title = f"Bench {self.name.split()[0]} {self.counter} {uuid.uuid4().hex[:8]}"
                if await racing(generation, self.save(title)):
                    self.run.confirm(title, event)
                else:
                    self.loaded = None
            except Killed:
                if self.state == "saving":
                    self.run.tally.cut += 1
                if self.loaded is not None and self.rng.random() < 0.5:
                    opens = await self.opens()
                    reconnect = (self.loaded[1], opens) if opens >= 0 else None
                self.loaded = None
            except PlaywrightError:
                if generation is self.run.current and not generation.killed.is_set():
                    self.run.tally.stalls += 1
                self.loaded = None
            finally:
                self.state = "idle"


# -- the killer ------------------------------------------------------------------------------------


async def killer(run: Run, server: Server, editors: list[Editor], rng: random.Random) -> None:
    tally = run.tally
    while not run.done:
        target = len(tally.confirmed) + rng.randint(1, 8)
        while len(tally.confirmed) < target and not run.done:
            run.progress.clear()
            await run.progress.wait()
        if run.done:
            break
        await asyncio.sleep(rng.uniform(0, JITTER_S))  # where the kill lands: fault timing, not a wait
        if run.done:
            break
        in_flight = sum(editor.state == "saving" for editor in editors)
        tally.in_flight_at_kill += in_flight
        print(
            f"  kill {tally.kills + 1} at {len(tally.confirmed)} confirmed ({in_flight} save(s) in flight)",
            file=sys.stderr,
            flush=True,
        )
        generation = run.current
        server.kill()
        generation.killed.set()
        tally.kills += 1
        following = Generation(generation.number + 1)
        run.current = following
        await asyncio.to_thread(server.start)
        tally.restarts += 1
        following.up.set()
        if tally.kills >= run.max_kills:
            run.stop()


async def drive(
    browser: Browser,
    server: Server,
    tally: Tally,
    events: list[str],
    saves: int,
    max_kills: int,
    rng: random.Random,
    accounts: bool,
) -> Run:
    run = Run(tally, saves, max_kills)
    run.current.up.set()
    contexts = [await browser.new_context(viewport={"width": 1440, "height": 1000}) for _ in EDITORS]
    try:
        editors = []
        for context, (name, password) in zip(contexts, EDITORS, strict=True):
            await context.add_init_script(RUN_LEDGER_JS)
            await context.add_init_script(WEBSOCKET_OPENS_JS)
            await context.add_init_script(STALE_SEEN_JS)
            page = await context.new_page()
            editors.append(Editor(name, password if accounts else None, page, run, server.url, events, rng))
            PAGES.append((name, page))
        # the first editor loads first (a first start extracts the articles), then both go at once
        await editors[0].open(events[0], run.current)
        began = time.monotonic()
        await asyncio.gather(*(editor.loop() for editor in editors), killer(run, server, editors, rng))
        tally.seconds = time.monotonic() - began
    finally:
        for context in contexts:
            await context.close()
    return run


# -- checking what was kept ----------------------------------------------------------------------


@dataclass
class Found:
    stored: list[str]
    integrity: str
    newest: dict[str, str]
    set_aside: list[str]

    def lost(self, tally: Tally) -> int:
        return len(set(tally.confirmed) - set(self.stored))

    def duplicated(self) -> int:
        return sum(count - 1 for count in Counter(self.stored).values() if count > 1)


def read_store(database: Path) -> Found:
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
        integrity = str(connection.execute("PRAGMA integrity_check").fetchone()[0])
        rows = connection.execute(
            "SELECT event_id, new FROM edits WHERE field = 'title' AND author != '' ORDER BY id"
        ).fetchall()
    stored = [str(json.loads(new)) for _event, new in rows]
    newest = {str(event): str(json.loads(new)) for event, new in rows}
    set_aside = sorted(path.name for path in database.parent.glob("*.corrupt*"))
    return Found(stored, integrity, newest, set_aside)


def read_file(path: Path) -> Found:
    try:
        edits = json.loads(path.read_text(encoding="utf-8"))
        integrity = "ok" if isinstance(edits, list) else "not a list"
    except (OSError, ValueError) as error:
        edits, integrity = [], f"unreadable ({type(error).__name__})"
    stored = [str(edit.get("title")) for edit in edits if isinstance(edit, dict)]
    newest = {str(edit.get("event")): str(edit.get("title")) for edit in edits if isinstance(edit, dict)}
    return Found(stored, integrity, newest, [])


async def shown_titles(browser: Browser, url: str, newest: dict[str, str]) -> int:
    """How many edited events' pages (a reader's, after the last restart) show their newest title."""
    context = await browser.new_context(viewport={"width": 1440, "height": 1000})
    await context.add_init_script(RUN_LEDGER_JS)
    page = await context.new_page()
    shown = 0
    try:
        for event, title in newest.items():
            await page.goto(f"{url}/?sel={event}", timeout=WAIT_MS)
            heading = page.locator(MAIN).get_by_role("heading", name=title, exact=True)
            with contextlib.suppress(PlaywrightError):
                await heading.first.wait_for(state="visible", timeout=WAIT_MS)
                shown += 1
    finally:
        await context.close()
    return shown


def pick_events(database: Path) -> list[str]:
    """A few dated events with sources (deterministic: by id), as the browser suite picks one."""
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
        rows = connection.execute(
            "SELECT id, json FROM events WHERE precision = 'day' AND start IS NOT NULL ORDER BY id"
        ).fetchall()
    return [str(event) for event, text in rows if json.loads(text).get("sources")][:EVENTS]


# -- the two contenders -------------------------------------------------------------------------


@dataclass
class Outcome:
    tally: Tally
    found: Found
    shown: int
    start_seconds: list[float]


def _environment(folder: Path) -> dict[str, str]:
    from timeline.auth import add_editor, ensure_cookie_key

    data, seeds = folder / "data", folder / "seeds"
    data.mkdir()
    seeds.mkdir()
    for item in (REPO / "seeds").iterdir():
        if item.is_file():
            shutil.copy2(item, seeds / item.name)
    ensure_cookie_key(data / "secrets.toml")
    for name, password in EDITORS:
        add_editor(name, password, data / "editors.yaml", replace=True, rounds=4)
    return {
        **os.environ,
        "TIMELINE_DATA_DIR": str(data),
        "TIMELINE_SEEDS_DIR": str(seeds),
        "TIMELINE_SECRETS_FILE": str(data / "secrets.toml"),
    }


async def contender(
    browser: Browser, kind: str, folder: Path, saves: int, max_kills: int, seed: int
) -> Outcome:
    rng = random.Random(seed)
    tally = Tally(kind)
    if kind == "app":
        env = _environment(folder)
        server = Server(REPO / "app.py", env, folder / "server.log")
        database = folder / "data" / "timeline.sqlite3"
        await asyncio.to_thread(server.start)
        prime = await browser.new_context()  # the first start: extract the seeds, then pick the events
        await prime.add_init_script(RUN_LEDGER_JS)
        page = await prime.new_page()
        await page.goto(server.url, timeout=FIRST_LOAD_MS)
        await page.wait_for_function("() => window.__appIdle && window.__appIdle()", timeout=FIRST_LOAD_MS)
        await prime.close()
        events = pick_events(database)
        read: Callable[[], Found] = lambda: read_store(database)  # noqa: E731
    else:
        edits = folder / "edits.json"
        env = {**os.environ, "PLAIN_EDITS_FILE": str(edits)}
        server = Server(REPO / "bench" / "plain_edit_app.py", env, folder / "server.log")
        await asyncio.to_thread(server.start)
        events = [f"ev-{number}" for number in range(EVENTS)]
        read = lambda: read_file(edits)  # noqa: E731
    try:
        await drive(browser, server, tally, events, saves, max_kills, rng, accounts=kind == "app")
        server.kill()  # once more, with the editors at rest: then what does a restart show?
        tally.kills += 1
        await asyncio.to_thread(server.start)
        tally.restarts += 1
        found = read()
        shown = await shown_titles(browser, server.url, found.newest)
        found = read()
    finally:
        server.kill()
    return Outcome(tally, found, shown, server.start_seconds)


def report(outcome: Outcome, label: str) -> None:
    tally, found = outcome.tally, outcome.found
    confirmed = set(tally.confirmed)
    starts = sorted(outcome.start_seconds)
    median = starts[len(starts) // 2] if starts else 0.0
    print(f"{label}")
    print(
        f"  confirmed {len(confirmed)}  confirmed found {len(confirmed & set(found.stored))}  "
        f"lost {found.lost(tally)}  duplicated {found.duplicated()}  stored {len(found.stored)}  "
        f"integrity {found.integrity}  set aside {found.set_aside or 'none'}"
    )
    print(
        f"  kills {tally.kills} (with a save in flight {tally.in_flight_at_kill}), restarts "
        f"{tally.restarts} (median {median:.1f} s to healthy), saves cut by a kill {tally.cut}, conflicts "
        f"{tally.conflicts}, sign-in kept by cookie {tally.cookie_kept} / by password again "
        f"{tally.password_sign_ins}, pages that reconnected by themselves {tally.reconnects}, guard "
        f"time-outs {tally.stalls}"
    )
    others = sum(tally.other_answers.values())
    print(
        f"  save presses answered with the restart warning (nothing saved, pressed again) "
        f"{tally.stale_presses}, SILENT presses (a defect) {tally.silent} (their warning drawn, then gone by "
        f"idle: {tally.stale_wiped}), found signed out "
        f"{tally.signed_out}, answered with another message {others}"
        + "".join(f"\n    {count} x {text}" for text, count in tally.other_answers.most_common())
    )
    print(
        f"  after the last restart {outcome.shown} of {len(found.newest)} edited events show their newest "
        f"stored title; wall time {tally.seconds:.0f} s"
    )


PAGES: list[tuple[str, Page]] = []
"""The editors' current tabs, for ``_dump_tasks``."""
SHOTS: set[asyncio.Future[bytes]] = set()


def _dump_tasks(folder: Path) -> None:
    """On SIGUSR1: what each task waits for, and a screenshot of each editor's tab (in the work folder),
    to see where a run is without stopping it."""
    for task in asyncio.all_tasks():
        task.print_stack(limit=6, file=sys.stderr)
    for name, page in PAGES:
        shot = folder / f"{name.split()[0]}-{time.strftime('%H%M%S')}.png"
        SHOTS.add(asyncio.ensure_future(page.screenshot(path=str(shot), full_page=True)))


async def main_async(args: argparse.Namespace, folder: Path) -> int:
    asyncio.get_running_loop().add_signal_handler(signal.SIGUSR1, _dump_tasks, folder)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            (folder / "app").mkdir()
            app = await contender(browser, "app", folder / "app", args.saves, args.max_kills, args.seed)
            report(app, "app (streamlit run app.py; store: SQLite, BEGIN IMMEDIATE, conflict check)")
            peer = None
            if not args.skip_peer:
                (folder / "peer").mkdir()
                peer = await contender(
                    browser, "peer", folder / "peer", args.peer_saves, args.max_kills, args.seed
                )
                report(peer, "peer (bench/plain_edit_app.py; JSON file rewritten in place)")
        finally:
            await browser.close()
    app_lost, app_confirmed = app.found.lost(app.tally), len(app.tally.confirmed)
    if peer is not None:
        peer_lost, peer_confirmed = peer.found.lost(peer.tally), len(peer.tally.confirmed)
        app_pace = app.tally.seconds / max(app_confirmed, 1)
        peer_pace = peer.tally.seconds / max(peer_confirmed, 1)
        print(
            f"lost per 100 confirmed: app {100 * app_lost / max(app_confirmed, 1):.1f}, "
            f"peer {100 * peer_lost / max(peer_confirmed, 1):.1f}; duplicated: app "
            f"{app.found.duplicated()}, peer {peer.found.duplicated()}; wall time per confirmed save: "
            f"app {app_pace:.1f} s, peer {peer_pace:.1f} s (ratio {app_pace / max(peer_pace, 1e-9):.1f}x)"
        )
    sound = (
        app_lost == 0
        and app.found.duplicated() == 0
        and app.found.integrity == "ok"
        and not app.found.set_aside
        and app.shown == len(app.found.newest)
        and app_confirmed >= args.saves
        and app.tally.silent == 0
    )
    print("verdict:", "0 lost, 0 duplicated, integrity ok, no silent press" if sound else "FAILED")
    return 0 if sound else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200, help="confirmed edits to reach (default 200)")
    parser.add_argument("--peer-saves", type=int, default=60, help="the peer's confirmed edits (default 60)")
    parser.add_argument("--max-kills", type=int, default=200, help="stop after this many kills")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-peer", action="store_true", help="only the app, not the JSON-file peer")
    parser.add_argument("--keep", type=Path, help="work in this (new) folder and keep it: logs, store")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    if args.keep is not None:
        args.keep.mkdir(parents=True)
        return asyncio.run(main_async(args, args.keep))
    with tempfile.TemporaryDirectory(prefix="bench-server-faults-") as folder:
        return asyncio.run(main_async(args, Path(folder)))


if __name__ == "__main__":
    sys.exit(main())
