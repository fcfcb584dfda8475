"""The sign-in throttle (timeline.auth.throttle), on an injected clock: no test sleeps."""

from __future__ import annotations

import threading

import pytest

from timeline.auth import Policy, Refusal, Throttle

POLICY = Policy(
    free_failures=2, first_delay_s=2, max_delay_s=60, lock_after=10, lock_s=900, forget_after_s=900
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.mark.parametrize(
    ("failures", "delay"),
    [(0, 0), (1, 0), (2, 0), (3, 2), (4, 4), (5, 8), (6, 16), (7, 32), (8, 60), (9, 60)],
)
def test_the_cool_down_doubles_after_the_free_failures_up_to_a_cap(failures: int, delay: float) -> None:
    assert POLICY.delay_after(failures) == delay


# Each row: a series of attempts ("f" a failure, "s" a success, "+N" N seconds pass) on one name and
# what a new attempt meets at the end.
@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ("", None),
        ("f f", None),  # two typos are free
        ("f f f", Refusal(2, False)),
        ("f f f +1", Refusal(1, False)),
        ("f f f +2", None),  # the cool-down is over: one more attempt may be checked
        ("f f f +2 f", Refusal(4, False)),
        ("f f f +2 f +4 f", Refusal(8, False)),
        ("f f f +0.5", Refusal(2, False)),  # a part of a second left reads as a whole one
        ("f f f +2 s", None),
        ("f f f +2 s f f", None),  # a success forgives: the count starts again
        ("f f +900", None),
        ("f f +900 f", None),  # forgotten after 15 min without a failure
        ("f f +899 f", Refusal(2, False)),
        ("f f f f f f f f f f", Refusal(900, True)),  # the tenth failure locks
        ("f f f f f f f f f f +600", Refusal(300, True)),
        ("f f f f f f f f f f +900", None),
        ("f f f f f f f f f f +900 f", None),  # a lock served wipes the slate
    ],
)
def test_one_name(clock: Clock, steps: str, expected: Refusal | None) -> None:
    throttle = Throttle(POLICY, clock)
    keys = ["name:ana"]
    for step in steps.split():
        if step == "f":
            throttle.failed(keys)
        elif step == "s":
            throttle.succeeded(keys)
        else:
            clock.now += float(step)
    assert throttle.refusal(keys) == expected


def test_failed_returns_the_wait_it_opens(clock: Clock) -> None:
    throttle = Throttle(POLICY, clock)
    assert [throttle.failed(["k"]) for _ in range(3)] == [None, None, Refusal(2, False)]


def test_name_and_session_each_count_and_the_longest_wait_wins(clock: Clock) -> None:
    throttle = Throttle(POLICY, clock)
    # one browser session tries three names: the session key slows it though each name is still free
    for name in ("ana", "bo", "cy"):
        throttle.failed([f"name:{name}", "session:1"])
    assert throttle.refusal(["name:dee", "session:1"]) == Refusal(2, False)
    assert throttle.refusal(["name:ana", "session:2"]) is None
    # three sessions try one name: the name key slows every session, a new one too
    for session in ("2", "3", "4"):
        throttle.failed(["name:eve", f"session:{session}"])
    assert throttle.refusal(["name:eve", "session:5"]) == Refusal(2, False)
    assert throttle.refusal(["name:fay", "session:5"]) is None
    # a locked key outranks a longer cool-down elsewhere
    for _ in range(10):
        throttle.failed(["name:gus"])
    assert throttle.refusal(["name:gus", "session:1"]) == Refusal(900, True)
    assert throttle.failures("name:gus") == 10 and throttle.failures("name:nobody") == 0


@pytest.mark.parametrize(
    ("refusal", "message"),
    [
        (Refusal(4, False), "Too many failed sign-ins: try again in 4 s."),
        (Refusal(900, True), "locked for this name or this browser. Try again in 15 min."),
        (Refusal(61, True), "Try again in 2 min."),
    ],
)
def test_messages(refusal: Refusal, message: str) -> None:
    assert message in refusal.message


def test_old_keys_are_dropped_when_there_are_too_many(clock: Clock) -> None:
    throttle = Throttle(Policy(max_records=5, forget_after_s=10), clock)
    for number in range(5):
        throttle.failed([f"old:{number}"])
    clock.now += 11
    throttle.failed(["new"])
    assert len(throttle._records) == 1


def test_concurrent_failures_are_all_counted() -> None:
    throttle = Throttle(Policy(lock_after=10_000))
    threads = [
        threading.Thread(target=lambda: [throttle.failed(["k"]) for _ in range(200)]) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert throttle.failures("k") == 1600
