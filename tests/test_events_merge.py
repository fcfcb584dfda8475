"""Merging: one record per event, with every mention and source; different events stay apart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from events_helpers import document, phrase_tagger

from timeline.events import extract_events, merge_events
from timeline.events.merge_rules import same_event
from timeline.events.merge_words import figures
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
        # a pull quote and its paragraph: the same headline, though the quote runs into the next line
        (
            '"We have been in tears on the phone on Friday, calling the families" The charity has 150 members.',
            '"We have been in tears on the phone on Friday, calling the families," she said.',
            True,
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


# --- across articles and precisions: (sentence, date phrase) pairs, each record from its own article ---

DAY = (date(2011, 3, 15), date(2011, 3, 15), "day")
MONTH = (date(2011, 3, 1), date(2011, 3, 31), "month")
OCTOBER = (date(2011, 10, 1), date(2011, 10, 31), "month")
OCT_7 = (date(2011, 10, 7), date(2011, 10, 7), "day")
YEAR = (date(2011, 1, 1), date(2011, 12, 31), "year")
WEEK = (date(2011, 3, 14), date(2011, 3, 20), "week")
NOV_17 = (date(2011, 11, 17), date(2011, 11, 17), "day")
ACROSS = phrase_tagger(
    {
        "on 15 March 2011": DAY,
        "in March 2011": MONTH,
        "in October 2011": OCTOBER,
        "on 7 October 2011": OCT_7,
        "in 2011": YEAR,
        "that week": WEEK,
        "on 17 November 2011": NOV_17,
    }  # type: ignore[dict-item]
)


def _reported(text: str, doc_id: str, day: int = 20) -> list[Event]:
    return extract_events(document(text, doc_id=doc_id, published=date(2011, 12, day)), tagger=ACROSS)


ACROSS_CASES = pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        # one day, two articles, two wordings
        (
            "Protests erupted in the southern Syrian city of Deraa on 15 March 2011, starting the uprising.",
            "The uprising began on 15 March 2011 with protests in the southern Syrian city of Deraa.",
            True,
        ),
        # the day inside the month already reported
        (
            "Protests erupted in the southern Syrian city of Deraa in March 2011.",
            "Protests erupted in the southern Syrian city of Deraa on 15 March 2011.",
            True,
        ),
        # "2011" and "October 2011" when the sentences report the same thing
        (
            "The Nobel Peace Prize was awarded in 2011 to three women campaigners from Liberia and Yemen.",
            "The Nobel Peace Prize was awarded in October 2011 to three women campaigners from Liberia and Yemen.",
            True,
        ),
        # a day inside a week already reported
        (
            "Security forces opened fire on protesters in Deraa that week, killing several people.",
            "Security forces opened fire on protesters in Deraa on 15 March 2011, killing several people.",
            True,
        ),
        # one report names another date ("2 January") the other leaves out: still one event
        (
            "Officials admitted that week that managers had missed warning signs before the 2 January explosion at the plant.",
            "Officials admitted on 15 March 2011 that managers had missed warning signs before the explosion at the plant.",
            True,
        ),
        # a near copy that adds its attribution
        (
            "The relief well could reach its target on 15 March 2011, keeping it on schedule to kill the leak.",
            "The relief well could reach its target on 15 March 2011, BP said, keeping it on schedule to kill the leak.",
            True,
        ),
        # two wordings sharing their names and figures
        (
            "An explosion caused by lax safety oversight at the Texas City oil refinery in 2011 killed 15 workers.",
            "A blast at the Texas City refinery in 2011 left 15 workers dead.",
            True,
        ),
        # shared place and figure, other events
        (
            "A car bomb killed 15 people at a checkpoint in Kirkuk on 15 March 2011.",
            "Floods left 15 people homeless in Kirkuk on 15 March 2011.",
            False,
        ),
        # the same month, different events
        (
            "Iraqi lawmakers approved the national budget in March 2011 after weeks of debate.",
            "Protests erupted in the southern Syrian city of Deraa on 15 March 2011.",
            False,
        ),
        # the same year and actors, different events
        (
            "The United States withdrew its last troops from Iraq in 2011.",
            "The United States and Iraq signed a new security agreement on 17 November 2011 in Baghdad.",
            False,
        ),
        # a day in the month, similar wording, other figures: other facts
        (
            "A car bomb killed 12 people at a market in Baghdad in March 2011, police said.",
            "A car bomb killed 30 people at a market in Baghdad on 15 March 2011, police said.",
            False,
        ),
        # a day in the month, similar wording, other places
        (
            "Protesters gathered in the main square of Homs in March 2011 to demand reforms.",
            "Protesters gathered in the main square of Deraa on 15 March 2011 to demand reforms.",
            False,
        ),
        # the same day in two articles, other prizes
        (
            "The Nobel Peace Prize was awarded on 7 October 2011 to three women campaigners.",
            "The Nobel Prize in Literature was awarded on 7 October 2011 to the Swedish poet Tomas Transtromer.",
            False,
        ),
        # two outlets' same headline, one sentence running on with a second event
        (
            "Four tankers had docked on 17 November 2011.",
            "Four tankers had docked on 17 November 2011.and navy divers were to start repairing the pier.",
            True,
        ),
        # the same headline with two figures for one thing: two facts
        (
            "Bombs exploded outside two embassies on 7 October 2011, killing 81 people.",
            "Bombs exploded outside two embassies on 7 October 2011, killing 110 people.",
            False,
        ),
    ],
)
BACKGROUND = [
    "Iraqi lawmakers approved the national budget on 17 November 2011 after weeks of debate.",
    "Security forces opened fire on protesters in Homs on 7 October 2011, witnesses said.",
    "Oil prices rose sharply on 17 November 2011 after the report on Gulf refineries.",
    "Workers at the port went on strike on 7 October 2011 to demand higher pay.",
    "The prime minister met the Turkish foreign minister in Ankara on 17 November 2011.",
]


@ACROSS_CASES
def test_across_articles_and_precisions(left: str, right: str, same: bool) -> None:
    """Each pair merged among a few other records (the corpus the word weights come from)."""
    first, second = _reported(left, "a.txt"), _reported(right, "b.txt", 21)
    assert len(first) == 1 and len(second) == 1, (first, second)
    others = [e for n, text in enumerate(BACKGROUND) for e in _reported(text, f"x{n}.txt", 22)]
    merged = merge_events([*first, *second, *others])
    holding = [e for e in merged if {s.doc for s in e.sources} & {"a.txt", "b.txt"}]
    assert (len(holding) == 1) is same
    assert len(merged) == len(holding) + len(others)
    if same:
        (event,) = holding
        assert [source.doc for source in event.sources] == ["a.txt", "b.txt"]
        finest = min((first[0], second[0]), key=lambda e: (e.end or e.start) - e.start)  # type: ignore[operator]
        assert (event.start, event.end, event.precision) == (finest.start, finest.end, finest.precision)


NINE = [
    "Protests erupted in the southern Syrian city of Deraa on 15 March 2011, starting the uprising.",
    "Protests erupted on 15 March 2011 in the southern Syrian city of Deraa.",
    "The uprising began on 15 March 2011 with protests in the southern Syrian city of Deraa.",
    "Protests first erupted in Deraa, a southern Syrian city, on 15 March 2011.",
    "The Syrian uprising started on 15 March 2011 when protests erupted in the southern city of Deraa.",
    "In the southern Syrian city of Deraa, protests erupted on 15 March 2011.",
    "Anti-government protests erupted in the southern Syrian city of Deraa on 15 March 2011.",
    "The uprising began on 15 March 2011, when protests erupted in Deraa, a city in southern Syria.",
    "Protests erupted in the southern city of Deraa on 15 March 2011, the start of the Syrian uprising.",
]


def test_one_event_in_nine_articles_is_one_record_with_nine_sources() -> None:
    events = [e for number, text in enumerate(NINE) for e in _reported(text, f"{number}.txt", 1 + number)]
    assert len(events) == 9
    (merged,) = merge_events(events)
    assert [source.doc for source in merged.sources] == [f"{number}.txt" for number in range(9)]
    assert len(merged.mentions) == 9


def test_nine_reports_stay_apart_from_another_event_that_day() -> None:
    other = _reported("Iraqi lawmakers approved the national budget on 15 March 2011.", "x.txt")
    events = [e for number, text in enumerate(NINE) for e in _reported(text, f"{number}.txt", 1 + number)]
    merged = merge_events([*events, *other])
    assert sorted(len(event.sources) for event in merged) == [1, 9]


def test_same_event_is_symmetric_across_precisions() -> None:
    (month,) = _reported("Protests erupted in the southern Syrian city of Deraa in March 2011.", "a.txt")
    (day,) = _reported("Protests erupted in the southern Syrian city of Deraa on 15 March 2011.", "b.txt")
    assert same_event(month, day) and same_event(day, month)


def test_two_dates_of_one_sentence_never_fold_into_each_other() -> None:
    (day,) = _reported("Officials said on 15 March 2011 that the troops would leave Iraq.", "a.txt")
    year = replace(day, id="year", start=YEAR[0], end=YEAR[1], precision="year")  # the sentence's other date
    assert not same_event(day, year)
    assert len(merge_events([day, year])) == 2


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Bombs killed 81 people on 20 April 2010.", {"81"}),
        ("On May 3 the toll rose to 12.", {"12"}),
        ("March 15, 2011: 3 dead.", {"3"}),
        ("The 2010 spill leaked 4.9 million barrels.", {"4.9"}),
        ("Hurricane season starts on1 June.", set()),
        ("Prices rose by 2.5% in May.", {"2.5"}),
    ],
)
def test_figures_leave_dates_out(sentence: str, expected: set[str]) -> None:
    assert figures(sentence) == expected
