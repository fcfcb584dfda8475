"""Slowing down failed sign-ins, server side: per sign-in name and per browser session.

Each key (``name:<username>``, ``session:<id>``) counts its failed attempts. The first
``free_failures`` cost nothing (a typo); each further one opens a cool-down that doubles
(``first_delay_s``, then twice that, ... up to ``max_delay_s``) during which attempts on that key are
refused without checking the password, so the server thread never sleeps; after ``lock_after``
failures the key is locked for ``lock_s``. A success clears the keys it used; failures older than
``forget_after_s`` are forgotten. The state is in memory, shared by every session of the process
(``Throttle`` is thread-safe); the clock is injected, so tests need no sleeping.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Policy:
    free_failures: int = 2
    first_delay_s: float = 2.0
    max_delay_s: float = 60.0
    lock_after: int = 10
    lock_s: float = 15 * 60.0
    forget_after_s: float = 15 * 60.0
    max_records: int = 10_000
    """Above this many keys, the ones with nothing left to remember are dropped."""

    def delay_after(self, failures: int) -> float:
        """The cool-down after the ``failures``-th failure in a row (the lock excepted)."""
        if failures <= self.free_failures:
            return 0.0
        doublings = min(failures - self.free_failures - 1, 64)  # the cap is reached long before
        return min(self.max_delay_s, self.first_delay_s * 2.0**doublings)


@dataclass(frozen=True)
class Refusal:
    """Why an attempt is not even checked now, and for how long."""

    seconds: int
    locked: bool

    @property
    def message(self) -> str:
        if self.locked:
            minutes = math.ceil(self.seconds / 60)
            return (
                "Too many failed sign-ins: signing in is locked for this name or this browser. "
                f"Try again in {minutes} min."
            )
        return f"Too many failed sign-ins: try again in {self.seconds} s."


@dataclass
class _Record:
    failures: int = 0
    last_failure: float = 0.0
    until: float = 0.0
    locked: bool = False


class Throttle:
    def __init__(self, policy: Policy | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.policy = policy or Policy()
        self._clock = clock
        self._records: dict[str, _Record] = {}
        self._lock = threading.Lock()

    def refusal(self, keys: Iterable[str]) -> Refusal | None:
        """The longest wait any of ``keys`` imposes now, or None when an attempt may be checked."""
        with self._lock:
            return self._refusal(list(keys), self._clock())

    def failed(self, keys: Iterable[str]) -> Refusal | None:
        """Record a failed attempt on each key; returns the wait it opens (None while still free)."""
        keys = list(keys)
        with self._lock:
            now = self._clock()
            for key in keys:
                record = self._fresh(key, now)
                record.failures += 1
                record.last_failure = now
                if record.failures >= self.policy.lock_after:
                    record.until, record.locked = now + self.policy.lock_s, True
                else:
                    record.until = now + self.policy.delay_after(record.failures)
            self._prune(now)
            return self._refusal(keys, now)

    def succeeded(self, keys: Iterable[str]) -> None:
        """A right password: the keys' failures are forgiven."""
        with self._lock:
            for key in keys:
                self._records.pop(key, None)

    def failures(self, key: str) -> int:
        """Failed attempts remembered for ``key`` now."""
        with self._lock:
            record = self._records.get(key)
            if record is None or self._expired(record, self._clock()):
                return 0
            return record.failures

    def _expired(self, record: _Record, now: float) -> bool:
        if record.locked:
            return now >= record.until  # a lock served wipes the slate
        return now >= record.until and now - record.last_failure >= self.policy.forget_after_s

    def _fresh(self, key: str, now: float) -> _Record:
        record = self._records.get(key)
        if record is None or self._expired(record, now):
            record = self._records[key] = _Record()
        return record

    def _refusal(self, keys: list[str], now: float) -> Refusal | None:
        worst: Refusal | None = None
        for key in keys:
            record = self._records.get(key)
            if record is None or now >= record.until:
                continue
            wait = Refusal(max(1, math.ceil(record.until - now)), record.locked)
            if worst is None or (wait.locked, wait.seconds) > (worst.locked, worst.seconds):
                worst = wait
        return worst

    def _prune(self, now: float) -> None:
        if len(self._records) <= self.policy.max_records:
            return
        for key in [key for key, record in self._records.items() if self._expired(record, now)]:
            del self._records[key]
