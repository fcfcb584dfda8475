"""Colour-blind-safe colours, assigned so that one actor (or category) has one colour everywhere.

The first eight are Okabe & Ito's palette (distinguishable under the common colour-vision
deficiencies); the yellow is darkened so it reads on a white page and a projector. Past eight,
Paul Tol's "muted" scheme adds more hues that stay distinct from those eight.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

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


def _stable_index(name: str, size: int) -> int:
    # Python's hash() is salted per process; sha256 keeps a name's colour the same across reruns.
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:4], "big") % size


def assign_colors(names: Iterable[str], *, neutral: Iterable[str] = ()) -> dict[str, str]:
    """Map each distinct name to a palette colour, independent of the order the names come in.

    Names are sorted, then take palette colours in turn, so the same set of names always gives the
    same colours; pass every name the app can show (not only the filtered ones) so a filter never
    recolours an actor. Past the palette's size colours repeat, chosen by a stable hash.
    ``neutral`` names (such as a "no actor" lane) get grey.
    """
    neutral_set = set(neutral)
    distinct = sorted({name for name in names if name not in neutral_set})
    colors: dict[str, str] = {}
    for index, name in enumerate(distinct):
        colors[name] = PALETTE[index] if index < len(PALETTE) else PALETTE[_stable_index(name, len(PALETTE))]
    for name in neutral_set:
        colors[name] = NEUTRAL
    return colors


def actor_colors(actors: Iterable[str]) -> dict[str, str]:
    """One colour per actor; the frame's "No actor" lane is grey."""
    from timeline.frame import NO_ACTOR

    return assign_colors(actors, neutral=(NO_ACTOR,))


def category_colors(categories: Iterable[str]) -> dict[str, str]:
    """One colour per category; "other" is grey."""
    return assign_colors(categories, neutral=("other",))


def color_for(name: str, colors: dict[str, str]) -> str:
    """The colour of ``name`` in ``colors``, or a stable fallback for a name not in the mapping."""
    return colors.get(name) or PALETTE[_stable_index(name, len(PALETTE))]
