"""From a grammar match to a dated interval: one handler per rule of ``patterns.rules()``.

Importing the handler modules registers them in ``HANDLERS``.
"""

from timeline.dates.resolve import calendar_dates, decades, idioms, month_relative, periods, relative, weeks
from timeline.dates.resolve.context import HANDLERS, Context, Piece

__all__ = [
    "HANDLERS",
    "Context",
    "Piece",
    "calendar_dates",
    "decades",
    "idioms",
    "month_relative",
    "periods",
    "relative",
    "weeks",
]
