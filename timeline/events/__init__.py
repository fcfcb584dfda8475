"""The event stage: dated mentions in eventful sentences become cited event records.

``extract_events(doc)`` builds the records of one document (pure); ``merge_events(events)`` merges the
records that report the same event (within or across documents).
"""

from timeline.events.build import extract_events
from timeline.events.merge import merge_events

__all__ = ["extract_events", "merge_events"]
