"""Colours: one per actor, the same wherever and whenever the actor appears."""

from __future__ import annotations

import re

import pytest

from timeline.frame import NO_ACTOR
from timeline.palette import NEUTRAL, OKABE_ITO, PALETTE, actor_colors, assign_colors, category_colors

KNOWN = ("Iran", "Iraq", "US")


def test_palette_colours_are_distinct_hex() -> None:
    assert len(set(PALETTE)) == len(PALETTE)
    assert all(re.fullmatch(r"#[0-9A-F]{6}", color) for color in PALETTE)
    assert PALETTE[: len(OKABE_ITO)] == OKABE_ITO


@pytest.mark.parametrize(
    "names",
    [("US", "Iran"), ("Iran", "US", "Iraq"), ("US",), ("Hamas", "US", "Kurds"), ("Kurds", "Hamas", "Iran")],
)
def test_known_names_keep_their_colour_in_any_selection(names: tuple[str, ...]) -> None:
    everything = assign_colors([*KNOWN, "Hamas", "Kurds"], known=KNOWN)
    subset = assign_colors(names, known=KNOWN)
    for name in set(names) & set(KNOWN):
        assert subset[name] == everything[name]


def test_order_of_names_does_not_matter() -> None:
    names = ["Hamas", "Kurds", "Iran", "Zed"]
    assert assign_colors(names, known=KNOWN) == assign_colors(reversed(names), known=KNOWN)


def test_distinct_colours_while_the_palette_lasts() -> None:
    names = [f"actor {index}" for index in range(len(PALETTE))]
    assert len(set(assign_colors(names).values())) == len(PALETTE)


def test_many_names_still_get_a_colour_each() -> None:
    names = [f"actor {index}" for index in range(3 * len(PALETTE))]
    colors = assign_colors(names)
    assert set(colors) == set(names) and set(colors.values()) <= set(PALETTE)


def test_unknown_names_do_not_take_known_colours() -> None:
    colors = assign_colors(["Iran", "Hamas"], known=KNOWN)
    assert colors["Hamas"] != assign_colors(KNOWN, known=KNOWN)["Iraq"]
    assert colors["Hamas"] not in {PALETTE[0], PALETTE[1], PALETTE[2]}


def test_catch_all_lanes_are_grey() -> None:
    assert actor_colors(["US"])[NO_ACTOR] == NEUTRAL
    assert category_colors(["attack"])["other"] == NEUTRAL


def test_actor_colours_are_stable_across_calls() -> None:
    assert actor_colors(["US", "Iran"]) == actor_colors(["Iran", "US"])
    assert actor_colors(["US"])["US"] == actor_colors(["US", "Iran", "Iraq", "ISIS"])["US"]
