"""Key events: salience from how many articles report an event, how late they refer back to it, where."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from timeline.events.salience import event_salience, key_events
from timeline.model import Event, Mention, Precision, Source
from timeline.summarize.days import DayReference, day_salience, top_days


def _event(
    name: str,
    start: date,
    reports: list[tuple[str, date]],
    *,
    precision: Precision = "day",
    end: date | None = None,
    offset: int = 0,
    sentence: str = "",
    time_text: str = "then",
) -> Event:
    """An event reported once in each (article, publication date), ``offset`` characters into it."""
    sentence = sentence or f"Something called {name} happened."
    return Event(
        id=name,
        start=start,
        end=end or start,
        precision=precision,
        value=start.isoformat(),
        display_date=start.isoformat(),
        title=f"{name} happened",
        sentence=sentence,
        mentions=tuple(
            Mention(doc, (offset, offset + 5), time_text, sentence, (offset, offset + len(sentence)))
            for doc, _ in reports
        ),
        sources=tuple(Source(doc, f"Article {doc}", "Outlet", None, published) for doc, published in reports),
    )


D = date(2011, 3, 15)


def _day(n: int) -> date:
    return D + timedelta(days=n)


def test_more_articles_make_a_key_event() -> None:
    once = _event("once", _day(0), [("a", _day(1))])
    thrice = _event("thrice", _day(2), [("b", _day(3)), ("c", _day(3)), ("d", _day(4))])
    assert [e.id for e in key_events([once, thrice], 1)] == ["thrice"]
    assert event_salience([once, thrice])["thrice"] > event_salience([once, thrice])["once"]


def test_referring_back_later_weighs_more() -> None:
    same_day = _event("same-day", _day(0), [("a", _day(0)), ("b", _day(0))])
    recalled = _event("recalled", _day(5), [("c", _day(40)), ("d", _day(60))])
    scores = event_salience([same_day, recalled])
    assert scores["recalled"] > scores["same-day"]
    assert key_events([same_day, recalled], 1)[0].id == "recalled"


def test_a_report_in_the_lead_weighs_more() -> None:
    lead = _event("lead", _day(0), [("a", _day(1))], offset=10)
    buried = _event("buried", _day(2), [("b", _day(3))], offset=5000)
    scores = event_salience([lead, buried])
    assert scores["lead"] > scores["buried"]


@pytest.mark.parametrize(
    ("dated_as", "weekday_as", "dated_first"),
    [
        ("15 March", "Tuesday", True),  # the calendar date outranks the weekday
        ("March 15, 2011", "yesterday", True),
        ("Tuesday", "Wednesday", True),  # equal wording: the earlier day wins the tie
        ("the 25th", "16 March", False),  # 25 is not the 15th: only the other is dated
    ],
)
def test_a_report_writing_the_date_weighs_more(dated_as: str, weekday_as: str, dated_first: bool) -> None:
    dated = _event("dated", _day(0), [("a", _day(2))], time_text=dated_as)
    other = _event("other", _day(1), [("b", _day(3))], time_text=weekday_as)
    (chosen,) = key_events([dated, other], 1)
    assert (chosen.id == "dated") is dated_first


def test_one_event_per_day_the_most_reported_one() -> None:
    minor = _event("minor", _day(0), [("a", _day(1))])
    major = _event("major", _day(0), [("b", _day(1)), ("c", _day(2))])
    other = _event("other", _day(9), [("d", _day(10))])
    chosen = key_events([minor, major, other], 2)
    assert [e.id for e in chosen] == ["major", "other"]  # date order


def test_among_equals_the_day_shows_the_event_its_reports_agree_on() -> None:
    day, next_day = _day(0), _day(1)
    aside = _event(
        "0-aside", day, [("a", next_day)], sentence="A football match in Leeds was postponed by rain."
    )
    strike = _event(
        "strike", day, [("b", next_day)], sentence="US warships fired missiles at a Syrian airbase."
    )
    again = _event(
        "again", day, [("c", next_day)], sentence="Missiles from US warships hit the Syrian airbase at dawn."
    )
    (chosen,) = key_events([aside, strike, again], 1)
    assert chosen.id in {"strike", "again"}


def test_period_limits() -> None:
    events = [_event(f"e{n}", _day(n), [(f"a{n}", _day(n + 1)), (f"b{n}", _day(n + 1))]) for n in range(10)]
    chosen = key_events(events, 20, date_from=_day(3), date_to=_day(5))
    assert [e.id for e in chosen] == ["e3", "e4", "e5"]


def test_coarse_events_fill_when_days_run_out() -> None:
    day = _event("day", _day(0), [("a", _day(1))])
    month = _event(
        "month",
        date(2011, 4, 1),
        [("b", _day(60)), ("c", _day(61))],
        precision="month",
        end=date(2011, 4, 30),
    )
    assert [e.id for e in key_events([day, month], 1)] == ["day"]
    assert [e.id for e in key_events([day, month], 5)] == ["day", "month"]


def test_ranking_does_not_depend_on_input_order() -> None:
    events = [
        _event(f"e{n}", _day(n), [(f"doc{n}-{i}", _day(n + 1 + i)) for i in range(n % 4 + 1)])
        for n in range(12)
    ]
    expected = [e.id for e in key_events(events, 4)]
    assert {"e3", "e7", "e11"} < set(expected)  # the three reported four times
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert [e.id for e in key_events(shuffled, 4)] == expected


@pytest.mark.parametrize("k", [0, -1])
def test_no_dates_asked_none_given(k: int) -> None:
    assert key_events([_event("e", _day(0), [("a", _day(1))])], k) == []


def test_day_salience_counts_each_article_once_and_publication_days() -> None:
    refs = [DayReference("a", _day(3), _day(0)), DayReference("a", _day(3), _day(0), lead=True)]
    once = day_salience(refs[1:], {"a": _day(3)})
    twice = day_salience(refs, {"a": _day(3)})
    assert twice[_day(0)] == once[_day(0)]  # the strongest reference of the article, not the sum
    assert _day(3) in twice  # the article's own publication day
    assert top_days({_day(0): 1.0, _day(1): 2.0, _day(2): 1.0}, 2) == [_day(1), _day(0)]


def test_day_salience_keeps_to_the_period() -> None:
    refs = [DayReference("a", _day(9), _day(n)) for n in range(5)]
    scores = day_salience(refs, {"a": _day(9)}, date_from=_day(1), date_to=_day(3))
    assert sorted(scores) == [_day(1), _day(2), _day(3)]


def test_a_day_announced_in_advance_outranks_an_unnamed_one_but_less_than_a_recalled_one() -> None:
    published = {"on-x": _day(5), "on-y": _day(6), "ahead": _day(1), "after": _day(9)}
    announced = [DayReference("ahead", _day(1), _day(5))]  # "the hearing on Friday" before that Friday
    scores = day_salience(announced, published)
    assert scores[_day(5)] > scores[_day(6)]  # same publications, but one day was awaited
    recalled = [DayReference("after", _day(9), _day(6))]
    both = day_salience(announced + recalled, published)
    assert both[_day(6)] > both[_day(5)]  # referring back counts more than announcing ahead
