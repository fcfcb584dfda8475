"""Line breaks inside a would-be expression: a heading line and a date line are two things, while prose
hard-wrapped at a fixed width may carry a date on to the next line."""

from __future__ import annotations

from collections.abc import Iterator

LINE_WRAP_CHARS = 50
"""A line at least this long before a single line break is prose wrapped at a fixed width (a date may
run on to the next line); a shorter one is a line of its own: a heading, a dateline, a caption."""


def crosses_line_break(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` runs from one line to another ("Monday" closing a heading and "March
    3, 2003" opening the next line are two things): across a blank or short line, never across the
    break of a long line, as in hard-wrapped prose."""
    at = text.find("\n", start, end)
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        if at - line_start < LINE_WRAP_CHARS:
            return True  # the line ending here is short (or blank): a line of its own
        at = text.find("\n", at + 1, end)
    return False


def line_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The stretches of ``text[start:end]`` between its line breaks."""
    at = start
    while at < end:
        stop = text.find("\n", at, end)
        stop = end if stop < 0 else stop
        if stop > at:
            yield at, stop
        at = stop + 1
