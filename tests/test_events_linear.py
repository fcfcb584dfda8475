"""The work per dated mention is bounded, so extraction time grows linearly with the text.

Counted, never timed (machines are shared): how often the sentence-wide check runs, how much text the
parser is handed for a very long sentence, and what each record quotes. ``bench/bench_linear.py``
measures the time itself.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import Interval, document, phrase_tagger

from timeline.events import build
from timeline.events.build import extract_events
from timeline.events.clause_parse import parse_clauses
from timeline.events.furniture import is_site_furniture
from timeline.events.sentences import Sentence
from timeline.events.titles import title_of
from timeline.events.windows import MAX_SENTENCE_CHARS, WINDOW_CHARS, Zones, window
from timeline.model import Span

YEARS: dict[str, Interval] = {
    f"in {year}": (date(year, 1, 1), date(year, 12, 31), "year") for year in range(1990, 2021)
}


def _long_line(repeats: int) -> str:
    """One sentence without a full stop: many clauses, each with its own year."""
    return " and ".join(f"troops moved north in {1990 + n % 31} while talks went on" for n in range(repeats))


def test_the_sentence_wide_check_runs_once_per_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = is_site_furniture

    def counting(sentence: str) -> bool:
        calls.append(sentence)
        return real(sentence)

    monkeypatch.setattr("timeline.events.candidates.is_site_furniture", counting)
    text = "Troops left in 1991, came back in 1995 and left again in 2003.\nTalks began in 2010 and ended in 2011."
    events = extract_events(document(text), tagger=phrase_tagger(YEARS))
    assert events
    assert len(calls) == 2  # two sentences, five dated mentions


def test_a_sentence_of_site_furniture_gives_no_event_for_any_of_its_dates() -> None:
    text = "Copyright in 2019 and in 2020 by the newspaper, all rights reserved."
    assert extract_events(document(text), tagger=phrase_tagger(YEARS)) == []


@pytest.mark.parametrize("repeats", [40, 400])
def test_a_very_long_sentence_is_parsed_in_bounded_tiles_read_about_twice(
    monkeypatch: pytest.MonkeyPatch, repeats: int
) -> None:
    parsed: list[tuple[str, list[Any]]] = []
    real = parse_clauses

    def recording(texts: list[str], spans: list[list[Any]], **extra: Any) -> Any:
        parsed.extend(zip(texts, spans, strict=True))
        return real(texts, spans, **extra)

    monkeypatch.setattr(build, "parse_clauses", recording)
    text = _long_line(repeats)
    assert len(text) > MAX_SENTENCE_CHARS
    events = extract_events(document(text, published=date(2021, 1, 1)), tagger=phrase_tagger(YEARS))
    assert sum(len(spans) for _, spans in parsed) == repeats  # every dated mention was read
    assert all(len(piece) <= 2 * WINDOW_CHARS for piece, _ in parsed)
    assert sum(len(piece) for piece, _ in parsed) <= 2 * len(text)  # not a window per mention
    assert events
    for event in events:
        for mention in event.mentions:
            start, end = mention.sentence_span
            assert text[start:end] == mention.sentence
            assert start <= mention.span[0] and mention.span[1] <= end
            assert start == 0 or text[start - 1] == " "  # a tile never cuts a word
            assert end == len(text) or text[end] == " "


def test_a_sentence_up_to_the_limit_is_read_whole() -> None:
    text = _long_line(8)
    assert len(text) <= MAX_SENTENCE_CHARS
    sentence = Sentence(0, len(text), text)
    assert window(text, sentence, (30, 37)) == sentence


@pytest.mark.parametrize("length", [MAX_SENTENCE_CHARS + 1, 5_000, 50_000])
def test_every_position_of_a_long_sentence_has_a_tile_with_context_on_both_sides(length: int) -> None:
    text = ("word " * length)[:length].rstrip() + "s"
    sentence = Sentence(0, len(text), text)
    tiles: set[Span] = set()
    for at in range(0, len(text) - 4, 5):  # every word
        whole = (at, at + 4)
        tile = window(text, sentence, whole)
        assert text[tile.start : tile.end] == tile.text and tile.start <= at and at + 4 <= tile.end
        assert len(tile.text) <= 2 * WINDOW_CHARS
        assert tile.start == 0 or at - tile.start >= WINDOW_CHARS // 3
        assert tile.end == len(text) or tile.end - (at + 4) >= WINDOW_CHARS // 3
        tiles.add(tile.span)
    assert len(tiles) <= len(text) // WINDOW_CHARS + 1  # shared by all the words they hold


def test_a_unit_too_long_for_a_tile_gets_a_window_of_its_own() -> None:
    text = "word " * 1000
    sentence = Sentence(0, len(text) - 1, text[:-1])
    whole = (1000, 1000 + WINDOW_CHARS * 2)
    read = window(text, sentence, whole)
    assert read.start <= whole[0] and whole[1] <= read.end


@pytest.mark.parametrize(
    ("zones", "span", "overlaps"),
    [
        ((), (0, 5), False),
        (((10, 20),), (0, 10), False),  # touching is not overlapping
        (((10, 20),), (0, 11), True),
        (((10, 20),), (19, 30), True),
        (((10, 20),), (20, 30), False),
        (((30, 40), (10, 20)), (25, 28), False),  # between two zones, given out of order
        (((30, 40), (10, 20)), (35, 36), True),
        (((10, 40), (15, 20)), (25, 28), True),  # one zone inside another
        (((10, 20), (20, 30)), (20, 21), True),
        (((5, 5),), (0, 10), True),  # an empty zone inside the span still counts, as it always did
    ],
)
def test_skipped_zones_are_found_by_binary_search_as_by_scanning(
    zones: tuple[Span, ...], span: Span, overlaps: bool
) -> None:
    scanned = any(span[0] < end and start < span[1] for start, end in zones)
    assert scanned is overlaps
    assert Zones(zones).overlap(span) is overlaps


def test_dates_of_one_verb_cost_one_title(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[object] = []
    real = title_of

    def counting(clause: Any) -> Any:
        made.append(clause)
        return real(clause)

    monkeypatch.setattr("timeline.events.build.title_of", counting)
    text = "Talks were held in Vienna in 1991, in 1995, in 2003 and in 2010."
    (event,) = extract_events(document(text), tagger=phrase_tagger(YEARS))
    assert event.title == "Talks were held in Vienna"
    assert len(made) == 1  # not one title per date: the others date a verb that already has one
