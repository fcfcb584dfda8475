"""Colour-blind-safe colours, assigned so that one actor (or category) has one colour everywhere.

The first eight are Okabe & Ito's palette (distinguishable under the common colour-vision
deficiencies); the yellow is darkened so it reads on a white page and a projector. Past eight,
Paul Tol's "muted" scheme adds more hues that stay distinct from those eight.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Mapping, Sequence

from timeline.resources import load_data

OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#B8A000",  # yellow, darkened from #F0E442 for contrast on white
    "#000000",  # black
)

TOL_MUTED: tuple[str, ...] = (
    "#332288",
    "#882255",
    "#117733",
    "#AA4499",
    "#44AA99",
    "#999933",
    "#88CCEE",
    "#CC6677",
    "#DDCC77",
)

PALETTE: tuple[str, ...] = OKABE_ITO + TOL_MUTED


NEUTRAL = "#7F7F7F"
"""For the "no actor" lane and anything unnamed."""

BACKGROUND = "#FFFFFF"
"""The chart's background."""
MARKER_CONTRAST = 3.0
TEXT_CONTRAST = 4.5
"""WCAG 2.1 minimum contrast ratios: graphics that carry meaning (1.4.11) and text (1.4.3)."""


def _channels(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def relative_luminance(color: str) -> float:
    """WCAG's relative luminance of a ``#RRGGBB`` colour (0 black to 1 white)."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in _channels(color))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(color: str, background: str = BACKGROUND) -> float:
    """WCAG's contrast ratio between two ``#RRGGBB`` colours (1 to 21)."""
    lighter, darker = sorted((relative_luminance(color), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@functools.cache
def darkened(color: str, minimum: float, background: str = BACKGROUND) -> str:
    """``color`` itself if it has ``minimum`` contrast against ``background``, else the same hue mixed
    with the least black (in steps of 2%) that reaches it."""
    red, green, blue = _channels(color)
    for step in range(51):
        keep = 1 - step / 50
        shade = "#" + "".join(f"{round(channel * keep):02X}" for channel in (red, green, blue))
        if contrast_ratio(shade, background) >= minimum:
            return shade
    return "#000000"


def outline(color: str) -> str:
    """The outline of a marker filled with ``color``: the colour itself when it stands out from the
    background (3:1), else a darker shade of it, so a light marker (orange, yellow, sky blue) still
    shows its edge on a white chart or a washed-out projector."""
    return darkened(color, MARKER_CONTRAST)


def text_shade(color: str) -> str:
    """``color`` dark enough for text on the background (4.5:1): labels written in an actor's colour."""
    return darkened(color, TEXT_CONTRAST)


def _stable_index(name: str, size: int) -> int:
    # Python's hash() is salted per process; sha256 keeps a name's colour the same across reruns.
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:4], "big") % size


@functools.cache
def _data_order(file: str, key: str) -> tuple[str, ...]:
    """The names a data file lists, in its order (empty if the file is missing or unreadable)."""
    try:
        names = load_data(file)[key]
    except (OSError, ValueError, KeyError, TypeError):
        return ()
    return tuple(str(name) for name in names)


def assign_colors(
    names: Iterable[str], *, known: Sequence[str] = (), neutral: Iterable[str] = ()
) -> dict[str, str]:
    """Map each distinct name to a palette colour; the same name gets the same colour every time.

    ``known`` names (the actors or categories the data files list) own a fixed colour each, by
    their position there, so a filter or a new article never recolours them. Other names share
    the colours left over, in sorted order (stable for a given set: pass every name the app can
    show, not only the filtered ones), falling back to a stable hash past the palette's size.
    ``neutral`` names (a "no actor" lane, "other") are grey.
    """
    neutral_set = set(neutral)
    fixed = {name: PALETTE[index] for index, name in enumerate(known[: len(PALETTE)])}
    free = [color for color in PALETTE if color not in fixed.values()] or list(PALETTE)
    distinct = sorted({name for name in names if name not in neutral_set})
    colors: dict[str, str] = {}
    others = [name for name in distinct if name not in fixed]
    for name in distinct:
        if name in fixed:
            colors[name] = fixed[name]
    for index, name in enumerate(others):
        colors[name] = free[index] if index < len(free) else PALETTE[_stable_index(name, len(PALETTE))]
    for name in neutral_set:
        colors[name] = NEUTRAL
    return colors


def actor_colors(actors: Iterable[str]) -> dict[str, str]:
    """One colour per actor (fixed for the actors of ``data/actors.json``); "No actor" is grey."""
    from timeline.view.frame import NO_ACTOR

    return assign_colors(actors, known=_data_order("actors.json", "actors"), neutral=(NO_ACTOR,))


def category_colors(categories: Iterable[str]) -> dict[str, str]:
    """One colour per category (fixed for those of ``data/categories.json``); "other" is grey."""
    return assign_colors(categories, known=_data_order("categories.json", "categories"), neutral=("other",))


def color_for(name: str, colors: Mapping[str, str]) -> str:
    """The colour of ``name`` in ``colors``, or a stable fallback for a name not in the mapping."""
    return colors.get(name) or PALETTE[_stable_index(name, len(PALETTE))]
