"""extract_events: which dated mentions become events, and what each record holds."""

from __future__ import annotations

from datetime import date

import pytest
from events_helpers import Interval, document, phrase_tagger

from timeline.events import extract_events
from timeline.events.build import is_site_furniture
from timeline.model import Event

SATURDAY = date(2017, 4, 8)
FRIDAY: Interval = (date(2017, 4, 7), date(2017, 4, 7), "day")
YEAR_2014: Interval = (date(2014, 1, 1), date(2014, 12, 31), "year")
MARCH_29: Interval = (date(2017, 3, 29), date(2017, 3, 29), "day")
NOVEMBER: Interval = (date(2017, 11, 1), date(2017, 11, 30), "month")


@pytest.fixture
def tagger():  # type: ignore[no-untyped-def]
    return phrase_tagger(
        {
            "on Friday": FRIDAY,
            "in 2014": YEAR_2014,
            "on 29 March 2017": MARCH_29,
            "April 8, 2017": (SATURDAY, SATURDAY, "day"),
            "since 2009": (date(2009, 1, 1), date(2009, 12, 31), "year"),
            "in November": NOVEMBER,
            "Friday": FRIDAY,
        }
    )


def _events(text: str, tagger, **extra: object) -> list[Event]:  # type: ignore[no-untyped-def]
    return extract_events(document(text, **extra), tagger=tagger)


def test_a_dated_report_becomes_an_event(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "The Iraqi government issued a statement on Friday condemning the attack, officials said."
    (event,) = _events(text, tagger)
    assert (event.start, event.end, event.precision) == FRIDAY
    assert event.display_date == "Fri 7 Apr 2017"
    assert event.sentence == text
    assert event.mentions[0].span == (text.index("on Friday"), text.index("on Friday") + 9)
    assert event.mentions[0].time_text == "on Friday"
    assert event.actors == ("Iraq",)
    assert event.category == "statement"
    assert event.source.outlet == "Outlet" and event.source.published == SATURDAY
    assert "Friday" not in event.title and "officials said" not in event.title
    assert not event.planned and event.anchored


def test_chrome_and_dateline_are_not_events(tagger) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Creating new perspectives since 2009\n\nApril 8, 2017\n\n"
        "Militants overran the city in 2014 after a siege."
    )
    chrome = (0, text.index("\n"))
    dateline_at = text.index("April 8, 2017")
    events = _events(text, tagger, excluded=(chrome,), dateline=(dateline_at, dateline_at + 13))
    assert [event.mentions[0].time_text for event in events] == ["in 2014"]


def test_a_bare_date_line_is_not_an_event(tagger) -> None:  # type: ignore[no-untyped-def]
    assert _events("Friday\n\nApril 8, 2017", tagger) == []


@pytest.mark.parametrize(
    "line",
    [
        "Copyright © Outlet in 2014. All rights reserved.",
        "Last updated in 2014 by the web desk team",
        "Subscribe to our newsletter for news from 2014 onwards",
        "Militants in 2014",
    ],
)
def test_site_furniture_and_fragments_are_not_events(line: str, tagger) -> None:  # type: ignore[no-untyped-def]
    assert _events(line, tagger) == []


def test_a_repeated_caption_is_no_event(tagger) -> None:  # type: ignore[no-untyped-def]
    caption = "Displaced people wait for aid in Nineveh, Iraq on 29 March 2017 [Photographer/Agency]"
    text = f"{caption}\n\nTroops advanced on Friday toward the old city.\n\n{caption}"
    (event,) = _events(text, tagger)
    assert event.start == FRIDAY[0]


@pytest.mark.parametrize(
    "line",
    [
        # captions and credits
        "Rescue workers search the rubble in Aleppo on Friday. Photograph: Omar Haj/AFP",
        "Maria Ortiz/Reuters Farmers block the motorway on Friday",
        "Farmers block the motorway on Friday (Photo by Maria Ortiz)",
        "Farmers block the motorway on Friday. Picture: Getty Images",
        "Photograph : Maria Ortiz\\/AP Farmers block the motorway on Friday",
        "FILE - In this photo taken on Friday, farmers block the motorway near the port",
        "Farmers block the motorway near the port. Picture taken Friday.",
        # print-edition notes
        "A version appeared on p12 of the World section of the paper on Friday",
        "A version of this article appears in print on Friday, on page A8 of the national edition",
        # bylines
        "By Sam Carter in Kabul Friday",
        "By Sam Carter, Friday",
        # listings, datelines: no verb
        "Friday 21.30, World Service: Newshour with Sam Carter",
        "Kabul, Friday, cloudy skies and light rain",
    ],
)
def test_captions_bylines_and_listings_are_not_events(line: str, tagger) -> None:  # type: ignore[no-untyped-def]
    assert _events(line, tagger) == []


@pytest.mark.parametrize(
    ("text", "dated_by"),
    [
        # the verb governs one of the two dates: one event, dated by that one
        ("On Friday, in November, the ministry announced new elections.", "Friday"),
        ("In November the rebels agreed to a truce on Friday.", "on Friday"),
    ],
)
def test_two_dates_of_one_verb_give_one_event(text: str, dated_by: str) -> None:
    tagger = phrase_tagger({"Friday": FRIDAY, "in November": NOVEMBER, "In November": NOVEMBER})
    events = extract_events(document(text), tagger=tagger)
    assert len(events) == 1, [(event.title, event.start) for event in events]
    assert events[0].mentions[0].time_text.endswith(dated_by.split()[-1])


def test_two_dates_of_two_verbs_give_two_events() -> None:
    text = "The rebels seized the town on Friday, months after the army had left it in 2014."
    tagger = phrase_tagger({"on Friday": FRIDAY, "in 2014": YEAR_2014})
    events = extract_events(document(text), tagger=tagger)
    assert sorted(event.title for event in events) == ["The army had left it", "The rebels seized the town"]


def test_a_range_is_one_event_over_its_interval() -> None:
    from timeline.model import TimeMention

    text = "The army occupied the valley from 2014 to 2016."

    def tag(text: str, dct: object, mode: object = "news") -> list[TimeMention]:
        first = TimeMention(
            (text.index("2014"), text.index("2014") + 4),
            "2014",
            "2014",
            date(2014, 1, 1),
            date(2014, 12, 31),
            "year",
            range_id=1,
        )
        last = TimeMention(
            (text.index("2016"), text.index("2016") + 4),
            "2016",
            "2016",
            date(2016, 1, 1),
            date(2016, 12, 31),
            "year",
            range_id=1,
        )
        return [first, last]

    (event,) = extract_events(document(text), tagger=tag)
    assert (event.start, event.end) == (date(2014, 1, 1), date(2016, 12, 31))
    assert event.title == "The army occupied the valley"


def test_a_sentence_the_parser_cannot_title_gets_a_flagged_fallback(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "The council approved the new port plan after it came in November."
    (event,) = _events(text, tagger)
    assert "fallback-title" in event.tags
    assert event.title == "The council approved the new port plan"
    plain = _events("The council approved the new port plan in November.", tagger)[0]
    assert event.confidence < plain.confidence


def test_two_events_on_the_same_day_stay_apart(tagger) -> None:  # type: ignore[no-untyped-def]
    text = (
        "US warships fired missiles at a Syrian airbase on Friday. "
        "Separately, Iraqi lawmakers approved the national budget on Friday."
    )
    assert len(_events(text, tagger)) == 2


def test_planned_event_after_publication(tagger) -> None:  # type: ignore[no-untyped-def]
    (event,) = _events("The general is due to leave his post as head of the coalition in November.", tagger)
    assert event.planned
    assert event.confidence < 0.9


def test_unanchored_mention_is_kept_but_marked() -> None:
    tagger = phrase_tagger({"on Friday": (None, None, "day")})
    (event,) = _events("The ministry issued a statement on Friday about the strikes.", tagger, published=None)
    assert event.start is None and not event.anchored
    assert event.display_date == "Undated (on Friday)"
    assert event.confidence <= 0.5


def test_ids_are_stable_and_distinct(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "Militants overran the city in 2014 after a siege. Troops advanced on Friday toward the old city."
    first = _events(text, tagger)
    again = _events(text, tagger)
    assert [event.id for event in first] == [event.id for event in again]
    assert len({event.id for event in first}) == 2


@pytest.mark.parametrize(
    ("precision", "relative", "expected_order"),
    [("day", False, 0), ("day", True, 1), ("year", False, 1), ("decade", False, 2)],
)
def test_confidence_drops_with_vagueness(precision: str, relative: bool, expected_order: int) -> None:
    from timeline.events.build import confidence_of
    from timeline.model import TimeMention

    mention = TimeMention(
        (0, 4), "2014", "2014", date(2014, 1, 1), date(2014, 12, 31), precision, relative=relative
    )  # type: ignore[arg-type]
    exact = TimeMention((0, 4), "2014", "2014", date(2014, 1, 1), date(2014, 1, 1), "day")
    score = confidence_of(mention, hedged=False, planned=False)
    baseline = confidence_of(exact, hedged=False, planned=False)
    assert (score < baseline) is (expected_order > 0)
    assert 0.0 < score <= 1.0


def test_extract_with_the_real_tagger_never_raises() -> None:
    for text in ["", "\n\n", "No dates here at all.", "On 7 April 2017 the US struck a Syrian airbase."]:
        for event in extract_events(document(text)):
            assert event.mentions


def test_the_two_ends_of_a_range_make_one_event() -> None:
    from timeline.model import TimeMention

    text = "US troops were in Iraq from 2003 to 2011."

    def tagger(_text: str, _dct: date | None, _mode: str = "news") -> list[TimeMention]:
        first, last = text.index("2003"), text.index("2011")
        return [
            TimeMention(
                (first, first + 4), "2003", "2003", date(2003, 1, 1), date(2003, 12, 31), "year", range_id=1
            ),
            TimeMention(
                (last, last + 4), "2011", "2011", date(2011, 1, 1), date(2011, 12, 31), "year", range_id=1
            ),
        ]

    (event,) = extract_events(document(text), tagger=tagger)  # type: ignore[arg-type]
    assert (event.start, event.end) == (date(2003, 1, 1), date(2011, 12, 31))
    assert event.display_date == "2003 – 2011"
    assert [mention.time_text for mention in event.mentions] == ["2003", "2011"]
    assert event.title == "US troops were in Iraq"


def test_short_sentences_still_count() -> None:
    tagger = phrase_tagger({"in 2014": YEAR_2014})
    (event,) = extract_events(document("Protests spread in 2014."), tagger=tagger)
    assert event.title == "Protests spread"


def test_an_expression_across_a_sentence_split_is_kept() -> None:
    text = "Troops left on the 5th. Of May they returned home."
    tagger = phrase_tagger({"the 5th. Of May": (date(2017, 5, 5), date(2017, 5, 5), "day")})
    (event,) = extract_events(document(text), tagger=tagger)
    assert event.sentence == text
    assert event.mentions[0].sentence_span == (0, len(text))


@pytest.mark.parametrize(
    ("sentence", "furniture"),
    [
        ("Copyright © Saudi Research and Publishing Co. All rights reserved.", True),
        ("Updated: 8 April 2017", True),
        ("Last modified on Sunday, 3 February 2019", True),
        ("Subscribe to get curated news from various channels", True),
        ("Click here to read the statement", True),
        ("The updates to the law were published on Friday.", False),
        ("The subscriber base grew in 2014.", False),
        ("Troops were posted to the border on Monday.", False),
    ],
)
def test_site_furniture_is_never_an_event(sentence: str, furniture: bool) -> None:
    assert is_site_furniture(sentence) is furniture
