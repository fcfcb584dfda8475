"""Colour-blind-safe colours, assigned so that one actor (or category) has one colour everywhere.

The first eight are Okabe & Ito's palette (distinguishable under the common colour-vision
deficiencies); the yellow is darkened so it reads on a white page and a projector. Past eight,
Paul Tol's "muted" scheme adds more hues that stay distinct from those eight.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

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

DATA_DIR = Path(__file__).resolve().parent / "data"

NEUTRAL = "#7F7F7F"
"""For the "no actor" lane and anything unnamed."""


def _stable_index(name: str, size: int) -> int:
    # Python's hash() is salted per process; sha256 keeps a name's colour the same across reruns.
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:4], "big") % size


@functools.cache
def _data_order(file: str, key: str) -> tuple[str, ...]:
    """The names a data file lists, in its order (empty if the file is missing or unreadable)."""
    try:
        names = json.loads((DATA_DIR / file).read_text(encoding="utf-8"))[key]
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
    from timeline.frame import NO_ACTOR

    return assign_colors(actors, known=_data_order("actors.json", "actors"), neutral=(NO_ACTOR,))


def category_colors(categories: Iterable[str]) -> dict[str, str]:
    """One colour per category (fixed for those of ``data/categories.json``); "other" is grey."""
    return assign_colors(categories, known=_data_order("categories.json", "categories"), neutral=("other",))


def color_for(name: str, colors: Mapping[str, str]) -> str:
    """The colour of ``name`` in ``colors``, or a stable fallback for a name not in the mapping."""
    return colors.get(name) or PALETTE[_stable_index(name, len(PALETTE))]
