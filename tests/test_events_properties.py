"""Properties of the event stage on arbitrary text: never raises, every offset points into the text."""

from __future__ import annotations

from datetime import date

from events_helpers import document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.events import extract_events
from timeline.events.sentences import split_sentences
from timeline.events.titles import make_title

NEWSY = st.lists(
    st.sampled_from(
        [
            "On Friday",
            "the US",
            "struck",
            "Iraq",
            "in 2014",
            ".",
            ",",
            "\n",
            "“",
            "”",
            "U.S.",
            "Gen.",
            "last week",
            "said",
            "will",
            "[Photo]",
            "—",
            "the end of the year",
            "Tuesday’s",
            " ",
            "Daesh",
            "who",
            "that",
            "after",
            "A",
            "talks",
            "on 29 March 2017",
            ";",
            "?",
            "…",
            "Mr.",
            "(",
            ")",
        ]
    ),
    max_size=60,
).map(" ".join)

ANY_TEXT = st.one_of(st.text(max_size=300), NEWSY)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_sentences_cover_their_own_text(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT, st.sampled_from([date(2017, 4, 8), None]))
def test_extract_events_never_raises_and_cites_real_text(text: str, published: date | None) -> None:
    for event in extract_events(document(text, published=published)):
        assert event.mentions and event.sources
        assert event.title
        assert len(event.title.split()) <= 14
        for mention in event.mentions:
            start, end = mention.span
            assert 0 <= start < end <= len(text)
            assert text[start:end] == mention.time_text
            assert text[mention.sentence_span[0] : mention.sentence_span[1]] == mention.sentence


@settings(max_examples=200, deadline=None)
@given(NEWSY, st.data())
def test_make_title_never_raises(sentence: str, data: st.DataObject) -> None:
    if not sentence:
        return
    start = data.draw(st.integers(0, len(sentence) - 1))
    end = data.draw(st.integers(start + 1, len(sentence)))
    title = make_title(sentence, (start, end))
    assert isinstance(title, str)
