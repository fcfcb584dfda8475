"""The event stage: dated mentions in eventful sentences become cited event records.

``extract_events(doc)`` builds the records of one document (pure); ``merge_events(events)`` merges the
records that report the same event (within or across documents).

Both load on first use, so a command that needs only a light part of the package (``timeline dates``
reading ``timeline.events.export``) does not pay for the whole event stage at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.events.build import extract_events
    from timeline.events.merge import merge_events

__all__ = ["extract_events", "merge_events"]


def __getattr__(name: str) -> Any:
    if name == "extract_events":
        from timeline.events.build import extract_events

        return extract_events
    if name == "merge_events":
        from timeline.events.merge import merge_events

        return merge_events
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
