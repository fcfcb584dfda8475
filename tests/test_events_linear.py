"""The work per dated mention is bounded, so extraction time grows linearly with the text.

Counted, never timed (machines are shared): how often the sentence-wide check runs, how much text and how
many other dates each record's title is made from. ``bench/bench_linear.py`` measures the time itself.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import Interval, document, phrase_tagger

from timeline.events import build
from timeline.events.build import (
    MAX_SENTENCE_CHARS,
    NEAREST_OTHERS,
    WINDOW_CHARS,
    _Zones,
    extract_events,
)
from timeline.events.sentences import Sentence
from timeline.model import Document, Event, Span, TimeMention

YEARS: dict[str, Interval] = {
    f"in {year}": (date(year, 1, 1), date(year, 12, 31), "year") for year in range(1990, 2021)
}


def _long_line(repeats: int) -> str:
    """One sentence without a full stop: many clauses, each with its own year."""
    return " and ".join(f"troops moved north in {1990 + n % 31} while talks went on" for n in range(repeats))


def test_the_sentence_wide_check_runs_once_per_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = build.is_site_furniture

    def counting(sentence: str) -> bool:
        calls.append(sentence)
        return real(sentence)

    monkeypatch.setattr(build, "is_site_furniture", counting)
    text = "Troops left in 1991, came back in 1995 and left again in 2003.\nTalks began in 2010 and in 2011."
    events = extract_events(document(text), tagger=phrase_tagger(YEARS))
    assert len(events) == 5
    assert len(calls) == 2  # two sentences, five dated mentions


def test_a_sentence_of_site_furniture_gives_no_event_for_any_of_its_dates() -> None:
    text = "Copyright in 2019 and in 2020 by the newspaper, all rights reserved."
    assert extract_events(document(text), tagger=phrase_tagger(YEARS)) == []


@pytest.mark.parametrize("repeats", [40, 400])
def test_a_record_of_a_very_long_sentence_quotes_a_bounded_window(
    monkeypatch: pytest.MonkeyPatch, repeats: int
) -> None:
    seen: list[tuple[int, int]] = []
    real = build.event_from_mention

    def recording(doc: Document, sentence: Sentence, mention: TimeMention, *rest: Any, **named: Any) -> Event:
        neighbours = rest[0] if rest else named.get("neighbours", ())
        seen.append((len(sentence.text), len(neighbours)))
        return real(doc, sentence, mention, *rest, **named)

    monkeypatch.setattr(build, "event_from_mention", recording)
    text = _long_line(repeats)
    assert len(text) > MAX_SENTENCE_CHARS
    events = extract_events(document(text, published=date(2021, 1, 1)), tagger=phrase_tagger(YEARS))
    assert len(seen) == repeats  # every dated mention was read
    assert all(length <= 2 * WINDOW_CHARS + len("in 2000") for length, _ in seen)
    assert all(others <= 2 * NEAREST_OTHERS for _, others in seen)
    for event in events:
        for mention in event.mentions:
            start, end = mention.sentence_span
            assert text[start:end] == mention.sentence
            assert start <= mention.span[0] and mention.span[1] <= end
            assert start == 0 or text[start - 1] == " "  # the window never cuts a word
            assert end == len(text) or text[end] == " "


def test_a_sentence_up_to_the_limit_is_quoted_whole() -> None:
    text = _long_line(8)
    assert len(text) <= MAX_SENTENCE_CHARS
    events = extract_events(document(text, published=date(2021, 1, 1)), tagger=phrase_tagger(YEARS))
    assert events and all(event.sentence == text for event in events)


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
    assert _Zones(zones).overlap(span) is overlaps
