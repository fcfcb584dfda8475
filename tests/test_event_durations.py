"""Durations the text anchors to a date are events drawn as the span they covered (issue 9: "the event
stage uses it"); durations with no anchor date nothing. The real tagger runs here: the rule is the
tagger's anchoring and the event stage's use of it together."""

from __future__ import annotations

from datetime import date

import pytest
from events_helpers import document

from timeline.events import extract_events
from timeline.events.event_dates import event_dates

PUBLISHED = date(2020, 1, 6)

SPANS = [
    # (sentence, start, end, display date, words the title must keep)
    (
        "Iraq fought a bloody eight-year war with Iran that began in 1980.",
        date(1980, 1, 1),
        date(1987, 12, 31),
        "1980 – 1987",
        "Iraq fought a bloody eight-year war with Iran",
    ),
    (
        "The talks lasted three days, ending on 5 March 2015.",
        date(2015, 3, 3),
        date(2015, 3, 5),
        "Tue 3 Mar 2015 – Thu 5 Mar 2015",
        "The talks lasted three days",
    ),
    (
        "A two-year drought that started in May 2007 ruined the farms of the north.",
        date(2007, 5, 1),
        date(2009, 4, 30),
        "May 2007 – Apr 2009",
        "A two-year drought ruined the farms",
    ),
]


@pytest.mark.parametrize(("sentence", "start", "end", "shown", "kept"), SPANS)
def test_an_anchored_duration_is_an_event_over_its_span(
    sentence: str, start: date, end: date, shown: str, kept: str
) -> None:
    events = extract_events(document(sentence, published=PUBLISHED))
    spans = [event for event in events if (event.start, event.end) == (start, end)]
    assert len(spans) == 1, [(e.display_date, e.title) for e in events]
    (span,) = spans
    assert span.display_date == shown
    assert kept in span.title
    assert span.value.startswith(start.isoformat() + "/P")


NO_SPAN = [
    "The rebels held the town for three years.",  # no anchor: a length, not a span on the timeline
    "Every Friday protesters gather in the square.",  # a set
    "Talks are under way now.",  # a reference word
]


@pytest.mark.parametrize("sentence", NO_SPAN)
def test_unanchored_durations_sets_and_reference_words_are_not_dates_of_events(sentence: str) -> None:
    assert event_dates(sentence, PUBLISHED, "news") == []
    assert extract_events(document(sentence, published=PUBLISHED)) == []


def test_the_date_a_duration_is_anchored_on_stays_an_event_of_its_own() -> None:
    sentence = "Iraq fought a bloody eight-year war with Iran that began in 1980."
    dates = [(m.text, m.type) for m in event_dates(sentence, PUBLISHED, "news")]
    assert dates == [("eight-year", "DURATION"), ("1980", "DATE")]
