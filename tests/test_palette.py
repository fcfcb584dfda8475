"""Colours: one per actor, the same wherever and whenever the actor appears."""

from __future__ import annotations

import re
from datetime import date

import pytest

from timeline.view.frame import NO_ACTOR
from timeline.view.palette import (
    MARKER_CONTRAST,
    NEUTRAL,
    OKABE_ITO,
    PALETTE,
    TEXT_CONTRAST,
    actor_colors,
    assign_colors,
    category_colors,
    contrast_ratio,
    outline,
    text_shade,
)

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


@pytest.mark.parametrize(
    ("color", "background", "ratio"),
    [
        ("#000000", "#FFFFFF", 21.0),
        ("#FFFFFF", "#FFFFFF", 1.0),
        ("#767676", "#FFFFFF", 4.54),
        ("#E69F00", "#FFFFFF", 2.25),
    ],
)
def test_contrast_ratio_is_wcags(color: str, background: str, ratio: float) -> None:
    assert contrast_ratio(color, background) == pytest.approx(ratio, abs=0.01)
    assert contrast_ratio(background, color) == pytest.approx(ratio, abs=0.01)


@pytest.mark.parametrize("color", [*PALETTE, NEUTRAL])
def test_every_marker_outline_and_label_stands_out_on_the_chart(color: str) -> None:
    """Markers 3:1 against the white chart (WCAG 1.4.11), labels in an actor's colour 4.5:1 (1.4.3)."""
    assert contrast_ratio(outline(color)) >= MARKER_CONTRAST
    assert contrast_ratio(text_shade(color)) >= TEXT_CONTRAST


@pytest.mark.parametrize("color", ["#0072B2", "#000000", "#117733"])
def test_a_dark_enough_colour_is_its_own_outline(color: str) -> None:
    assert outline(color) == color


@pytest.mark.parametrize("color", ["#E69F00", "#B8A000", "#56B4E9", "#DDCC77"])
def test_a_light_colour_gets_a_darker_shade_of_its_own_hue(color: str) -> None:
    shade = outline(color)
    assert shade != color and contrast_ratio(shade) >= MARKER_CONTRAST
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    dark = (int(shade[i : i + 2], 16) for i in (1, 3, 5))
    ratios = {round(d / c, 1) for d, c in zip(dark, (red, green, blue), strict=True) if c}
    assert len(ratios) == 1, "the same hue: every channel scaled alike"


def test_chart_markers_are_outlined_in_a_visible_shade() -> None:
    """Iraq's orange and Syria's yellow (2.25:1, 2.60:1 on white) are drawn with a 3:1 edge."""
    import pandas as pd

    from bench.synthetic import make_event
    from timeline.view.chart import timeline_figure
    from timeline.view.frame import events_frame

    events = [
        make_event("a", date(2015, 1, 1), actors=("Iraq",)),
        make_event("b", date(2016, 1, 1), actors=("Syria",)),
        make_event("c", date(2016, 1, 1), date(2016, 12, 31), precision="year", actors=("Syria",)),
    ]
    frame: pd.DataFrame = events_frame(events)
    colors = {"Iraq": "#E69F00", "Syria": "#B8A000"}
    fig = timeline_figure(frame, colors=colors)
    lines = [
        trace.marker.line.color for trace in fig.data if trace.customdata is not None and trace.name in colors
    ]
    assert lines, "the chart has the actors' markers"
    for line in lines:
        assert contrast_ratio(line) >= MARKER_CONTRAST
