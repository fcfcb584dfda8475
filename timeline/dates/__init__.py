"""The date tagger: finds date expressions in a text and normalizes them to TIMEX3 values and intervals.

``tag_dates(text, dct, mode)`` is the one entry point; it is pure (no I/O, no global state) so it can run
in parallel over many documents.
"""

from timeline.dates.tagger import tag_dates

__all__ = ["tag_dates"]
