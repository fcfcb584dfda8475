"""Key-event labels on the overview: each beside its marker where it fits, never over another label or
marker of its lane, never past the plot's edge; the most salient win the places."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from bench.synthetic import make_event
from timeline.view.chart import timeline_figure
from timeline.view.chart_layers import LABEL_GAP_PX, _shorten, place_labels, text_em
from timeline.view.frame import events_frame

PLOT = 400.0
FONT = 12.0


def sides(
    share: list[float], lanes: list[int], chars: list[int], priority: list[float] | None = None
) -> list[str]:
    """Each label's side, for labels ``chars`` ems wide (one text each)."""
    placed = place_labels(
        np.array(share, dtype=float),
        np.array(lanes, dtype=float),
        [[float(n)] for n in chars],
        priority=None if priority is None else np.array(priority, dtype=float),
        font_px=FONT,
        marker_px=FONT,
        plot_px=PLOT,
    )
    return [side for side, _ in placed]


@pytest.mark.parametrize(
    ("share", "lanes", "chars", "priority", "expected"),
    [
        pytest.param([0.1], [0], [5], None, ["right"], id="room on the right"),
        pytest.param([0.95], [0], [5], None, ["left"], id="at the right edge it reads leftwards"),
        pytest.param([0.5], [0], [40], None, [""], id="longer than the plot: no label"),
        pytest.param([0.3, 0.32], [0, 1], [5, 5], None, ["right", "right"], id="other lanes never meet"),
        pytest.param([0.3, 0.32], [0, 0], [5, 5], [1, 2], ["left", "right"], id="the salient first"),
        pytest.param([0.02, 0.05], [0, 0], [5, 5], [2, 1], ["", "right"], id="crowded: one left out"),
        pytest.param([0.02, 0.05], [0, 0], [5, 5], [1, 2], ["", "right"], id="a marker blocks a label"),
    ],
)
def test_label_sides(
    share: list[float], lanes: list[int], chars: list[int], priority: list[float] | None, expected: list[str]
) -> None:
    assert sides(share, lanes, chars, priority) == expected


def _boxes(share: list[float], chars: list[int], placed: list[str]) -> list[tuple[float, float]]:
    boxes = []
    radius = FONT / 2 + 2
    for at, n, side in zip(share, chars, placed, strict=True):
        width = n * FONT + LABEL_GAP_PX
        centre = at * PLOT
        if side == "right":
            boxes.append((centre + radius, centre + radius + width))
        elif side == "left":
            boxes.append((centre - radius - width, centre - radius))
    return boxes


def test_a_label_too_long_for_its_place_takes_its_shorter_text() -> None:
    placed = place_labels(
        np.array([0.05, 0.5]),
        np.zeros(2),
        [[20.0, 8.0], [5.0]],
        priority=None,
        font_px=FONT,
        marker_px=FONT,
        plot_px=PLOT,
    )
    assert placed == [("right", 1), ("right", 0)]


@pytest.mark.parametrize(
    ("text", "wider_than"),
    [("Iraq signed an election", "Iran attacked forces"), ("WWW", "iii"), ("ISIS", "isis")],
)
def test_text_widths_follow_the_glyphs(text: str, wider_than: str) -> None:
    assert text_em(text) > text_em(wider_than)


@pytest.mark.parametrize(
    ("title", "limit", "label"),
    [
        ("Iraq signed an election", 34, "Iraq signed an election"),
        ("US-led coalition agreed a base", 16, "US-led…"),
        ("US struck the embassy", 16, "US struck the…"),
        ("Antidisestablishmentarianism", 16, "Antidisestablis…"),
    ],
)
def test_a_shortened_label_ends_at_a_word(title: str, limit: int, label: str) -> None:
    assert _shorten(title, limit) == label


@pytest.mark.parametrize("seed", range(20))
def test_labels_never_overlap_each_other_nor_markers_nor_leave_the_plot(seed: int) -> None:
    rng = np.random.default_rng(seed)
    count = int(rng.integers(2, 40))
    share = rng.random(count).tolist()
    lanes = rng.integers(0, 3, count).tolist()
    chars = rng.integers(2, 20, count).tolist()
    placed = sides(share, lanes, chars, rng.random(count).tolist())
    radius = FONT / 2 + 2
    for lane in set(lanes):
        mine = [i for i in range(count) if lanes[i] == lane]
        labels = _boxes([share[i] for i in mine], [chars[i] for i in mine], [placed[i] for i in mine])
        markers = [(share[i] * PLOT - radius, share[i] * PLOT + radius) for i in mine]
        for index, (left, right) in enumerate(labels):
            assert 0 <= left < right <= PLOT
            for other in labels[index + 1 :]:
                assert right <= other[0] or other[1] <= left, "two labels overlap"
            assert all(right <= a or b <= left for a, b in markers), "a label covers a marker"


def test_the_figure_labels_only_what_fits_and_keeps_every_key_marker() -> None:
    # Twenty events a day apart in one lane: their markers are packed, so few labels fit between them;
    # three events far apart in another lane all have room.
    first = date(2005, 3, 1)
    events = [make_event(f"k{n}", first + timedelta(days=n), actors=("US",)) for n in range(20)]
    events += [make_event(f"lone{n}", first + timedelta(days=9 * n), actors=("Iran",)) for n in range(3)]
    df = events_frame(events)
    df["salience"] = np.arange(len(df), dtype=float)
    fig = timeline_figure(df, key_events=True, key_count=len(df))
    (key,) = [trace for trace in fig.data if trace.name == "Key events"]
    assert len(key.x) == len(df), "every key event keeps its marker (and its hover)"
    labelled = [str(row[0]) for row, text in zip(key.customdata, key.text, strict=True) if text]
    assert 0 < len(labelled) < len(df)
    assert {"lone0", "lone1", "lone2"} <= set(labelled), "in their own lane the lone events have room"


def test_the_all_range_shows_the_key_events_without_their_labels() -> None:
    """Labels are laid out for the opening range; "all" may span centuries (a stray date), so there
    the key events are drawn unlabelled, and every other view shows them labelled."""
    events = [
        make_event(f"d{n}", date(2005, 1, 1) + timedelta(days=3 * n), actors=("US",)) for n in range(300)
    ]
    events.append(make_event("stray", date(1750, 1, 1), actors=("US",)))
    fig = timeline_figure(events_frame(events), key_events=True, key_count=4)
    names = [trace.name for trace in fig.data]
    labelled, plain = names.index("Key events"), names.index("Key events, unlabelled")
    assert any(fig.data[labelled].text) and not fig.data[plain].text
    assert fig.data[labelled].visible is True and fig.data[plain].visible is False
    (menu,) = fig.layout.updatemenus
    for button in menu.buttons:
        visible = button.args[0]["visible"]
        assert (visible[labelled], visible[plain]) == (
            (False, True) if button.label == "all" else (True, False)
        ), button.label
