"""The store's sync turn (``timeline.ui.state._sync_turn``): a session that waited for another
session's sync gives the turn back whatever stops it, also when Streamlit interrupts its script
in the spinner's exit (a rerun or stop asked for while it waited). Found by
``bench/bench_server_faults.py``: after a ``kill -9`` and restart, two editors' first runs met here,
one was asked to rerun while it waited, kept the lock, and every later run of the server hung."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException, StopException
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

from timeline.ui.state import _sync_turn

INTERRUPTIONS = [
    ("a rerun asked for while waiting", RerunException(RerunData())),
    ("a stop asked for while waiting", StopException()),
]


@pytest.mark.parametrize(("case", "interruption"), INTERRUPTIONS, ids=[case for case, _ in INTERRUPTIONS])
def test_a_waiter_interrupted_as_its_turn_comes_gives_the_turn_back(
    case: str, interruption: Exception
) -> None:
    lock = threading.Lock()
    lock.acquire()  # another session is syncing
    waiting_started = threading.Event()
    ran: list[str] = []

    @contextmanager
    def spinner() -> Iterator[None]:
        waiting_started.set()
        yield
        raise interruption  # what Streamlit's spinner exit raises when a rerun or stop is pending

    failures: list[BaseException] = []

    def waiter() -> None:
        try:
            with _sync_turn(lock, spinner):
                ran.append("synced")
        except BaseException as error:  # the interruption, expected
            failures.append(error)

    thread = threading.Thread(target=waiter)
    thread.start()
    assert waiting_started.wait(10)
    lock.release()  # the other session's sync ends
    thread.join(10)
    assert not thread.is_alive()
    assert failures == [interruption]
    assert ran == []
    assert lock.acquire(blocking=False), f"{case}: the sync turn was never given back"


def test_the_turn_is_held_during_the_block_and_given_back_after() -> None:
    lock = threading.Lock()
    with _sync_turn(lock, contextmanager(lambda: iter([None]))):
        assert lock.locked()
    assert not lock.locked()
    with pytest.raises(ValueError), _sync_turn(lock, contextmanager(lambda: iter([None]))):
        raise ValueError("the sync failed")
    assert not lock.locked()
