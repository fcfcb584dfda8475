"""The bundle is built with the cyclic garbage collector paused, and the collector always comes back."""

from __future__ import annotations

import gc
import threading

import pytest

from timeline.ui.state import _collector_paused


@pytest.fixture(autouse=True)
def _collector_on() -> object:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_back_on_after() -> None:
    with _collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_back_on_after_an_error() -> None:
    with pytest.raises(RuntimeError), _collector_paused():
        raise RuntimeError("the store could not be read")
    assert gc.isenabled()


def test_nested_builds_resume_only_when_the_last_ends() -> None:
    with _collector_paused():
        with _collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_left_off_when_it_was_off() -> None:
    gc.disable()
    with _collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_two_threads_building_at_once() -> None:
    inside = threading.Barrier(2)
    leave = threading.Event()

    def build() -> None:
        with _collector_paused():
            inside.wait(timeout=10)
            leave.wait(timeout=10)

    other = threading.Thread(target=build)
    other.start()
    with _collector_paused():
        inside.wait(timeout=10)
    assert not gc.isenabled()  # the other build is still running
    leave.set()
    other.join(timeout=10)
    assert gc.isenabled()
