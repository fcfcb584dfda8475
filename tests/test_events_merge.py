"""Merging: one record per event, with every mention and source; different events stay apart."""

from __future__ import annotations

from datetime import date

import pytest
from events_helpers import document, phrase_tagger

from timeline.events import extract_events, merge_events
from timeline.events.merge import same_event
from timeline.model import Event

FRIDAY = (date(2017, 4, 7), date(2017, 4, 7), "day")
TAGGER = phrase_tagger({"on Friday": FRIDAY, "Friday": FRIDAY})  # type: ignore[dict-item]


def _one(text: str, doc_id: str = "a.txt", published: date = date(2017, 4, 8)) -> Event:
    (event,) = extract_events(document(text, doc_id=doc_id, published=published), tagger=TAGGER)
    return event


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        # the same day's talks told twice in one article
        (
            "Iraqi and US officials held talks in Baghdad on Friday on security cooperation.",
            "The talks in Baghdad on Friday between US and Iraqi officials covered security cooperation.",
            True,
        ),
        # different events on the same day
        (
            "US warships fired missiles at a Syrian airbase on Friday.",
            "Iraqi lawmakers approved the national budget on Friday.",
            False,
        ),
        # the same boilerplate about different companies
        (
            "In New York Stock Exchange composite trading on Friday, Compaq shares fell $1.625.",
            "In New York Stock Exchange composite trading on Friday, Oneida shares fell $1.625.",
            False,
        ),
        # different figures: different facts
        (
            "Bombs exploded outside two US embassies on Friday, killing 81 people.",
            "Bombs exploded outside two US embassies on Friday, killing 110 people.",
            False,
        ),
        # same actors, same day, different content
        (
            "The Iraqi government issued a statement on Friday condemning the chemical attack.",
            "The Iraqi army retook two villages near Mosul on Friday after heavy fighting.",
            False,
        ),
    ],
)
def test_same_document(left: str, right: str, same: bool) -> None:
    events = extract_events(document(f"{left}\n\n{right}"), tagger=TAGGER)
    assert (len(events) == 1) is same


def test_same_event_in_two_articles_has_two_sources() -> None:
    first = _one("US forces struck a Syrian airbase on Friday in response to the chemical attack.", "a.txt")
    second = _one(
        "On Friday, US forces struck a Syrian airbase in response to a chemical attack.",
        "b.txt",
        date(2017, 4, 9),
    )
    (merged,) = merge_events([second, first])
    assert {mention.doc for mention in merged.mentions} == {"a.txt", "b.txt"}
    assert [source.doc for source in merged.sources] == ["a.txt", "b.txt"]  # earliest published first
    assert merged.id == first.id  # the id of the earliest report
    assert merged.confidence > first.confidence


def test_different_intervals_never_merge() -> None:
    first = _one("US forces struck a Syrian airbase on Friday.")
    other = Event(**{**{f: getattr(first, f) for f in first.__slots__}, "start": date(2017, 4, 6)})  # type: ignore[arg-type]
    assert not same_event(first, other)
    assert len(merge_events([first, other])) == 2


def test_merge_is_idempotent() -> None:
    events = extract_events(
        document(
            "A caption on Friday [Credit]\n\nTroops left on Friday for the north.\n\n"
            "A caption on Friday [Credit]"
        ),
        tagger=TAGGER,
    )
    assert merge_events(events) == events
