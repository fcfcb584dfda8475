"""Tables for every TIMEX3 type beyond calendar dates (durations, sets, times, reference words), the
TimeML extents, and the date rules added beside them. "Now" is always the dct given."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import tag_dates
from timeline.dates.infer import year_for_month_day
from timeline.dates.resolve.durations import amount_of, duration_value
from timeline.model import TimeMention

SAT_8_APR_2017 = date(2017, 4, 8)
THU_2_NOV_1989 = date(1989, 11, 2)
MON_16_MAR_2015 = date(2015, 3, 16)


def every(text: str, dct: date | None = SAT_8_APR_2017) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.value) for m in tag_dates(text, dct, all_types=True)]


def one(text: str, dct: date | None = SAT_8_APR_2017) -> TimeMention:
    mentions = tag_dates(text, dct, all_types=True)
    assert len(mentions) == 1, [(m.text, m.value) for m in mentions]
    return mentions[0]


DURATIONS = [
    # Numbers in figures and words, hyphenated modifiers, vague amounts; decades and quarters in ISO units.
    ("They talked for three years.", ("three years", "DURATION", "P3Y")),
    ("a 16-hour shift at the plant", ("16-hour", "DURATION", "PT16H")),
    ("It lasted 45 minutes in all.", ("45 minutes", "DURATION", "PT45M")),
    ("Prices rose over the past two months.", ("the past two months", "DURATION", "P2M")),
    ("in the next few weeks, officials said", ("the next few weeks", "DURATION", "PXW")),
    ("the worst figure for two decades", ("two decades", "DURATION", "P20Y")),
    ("spread over the next three quarters", ("the next three quarters", "DURATION", "P9M")),
    ("after 2 1/2 years of talks", ("2 1/2 years", "DURATION", "P2Y6M")),
    ("after twenty-four hours of rain", ("twenty-four hours", "DURATION", "PT24H")),
    ("a couple of days of calm", ("a couple of days", "DURATION", "P2D")),
    ("in recent years, trade grew", ("recent years", "DURATION", "PXY")),
    ("He has lived there for years.", ("years", "DURATION", "PXY")),
    ("the third day-long meeting", ("day-long", "DURATION", "P1D")),
    ("one of the events of the past decade", ("the past decade", "DURATION", "P10Y")),
    # "over the years", "the years that followed": a stretch of years, no number.
    ("Over the years many patients came.", ("the years", "DURATION", "PXY")),
    ("In the years that followed, they fought.", ("the years", "DURATION", "PXY")),
    ("in the final hours of the talks", ("the final hours", "DURATION", "PTXH")),
    # Approximators and bounds are inside the extent and give the TIMEX3 mod.
    ("a truce of about two weeks", ("about two weeks", "DURATION", "P2W")),
    ("it took more than four hours", ("more than four hours", "DURATION", "PT4H")),
]


@pytest.mark.parametrize(("text", "expected"), DURATIONS, ids=[c[0][:40] for c in DURATIONS])
def test_durations(text: str, expected: tuple[str, str, str]) -> None:
    assert every(text) == [expected]


def test_duration_mod_from_its_approximator() -> None:
    assert one("a truce of about two weeks").mod == "APPROX"
    assert one("it took more than four hours").mod == "MORE_THAN"


NOT_DURATIONS = [
    # An age, a share, a rate, an ordinal, a kind of year: number and unit, but no length of time.
    "accounting for more than a quarter of the market",
    "it changed from a fiscal year to a calendar year",
    "a 6-year-old boy was hurt",
    "Mr. Lee, 52 years old, will retire",
    "about three-quarters of the vote",
    "a dividend of $1.76 a year",
    "a second group of directors",
    "over the years of his rule",
    # "the early hours of Thursday": a part of the day named, dated by it, no duration.
    "He was arrested in the early hours of Thursday morning.",
    "It began in the early hours of the morning.",
]


@pytest.mark.parametrize("text", NOT_DURATIONS)
def test_not_durations(text: str) -> None:
    assert [m for m in tag_dates(text, SAT_8_APR_2017, all_types=True) if m.type == "DURATION"] == []


ANCHORED = [
    # A duration the text pins to a date covers an interval the event stage can draw.
    ("the eight-year occupation that began in 2003", ("eight-year", "2003-01-01", "2010-12-31")),
    ("a six-month strike ending in May 2011", ("six-month", "2010-12-01", "2011-05-31")),
    ("a three-week visit starting on 4 June 2012", ("three-week", "2012-06-04", "2012-06-24")),
]


@pytest.mark.parametrize(("text", "expected"), ANCHORED, ids=[c[0][:40] for c in ANCHORED])
def test_anchored_durations(text: str, expected: tuple[str, str, str]) -> None:
    duration = next(m for m in tag_dates(text, SAT_8_APR_2017, all_types=True) if m.type == "DURATION")
    assert (
        duration.text,
        duration.start and duration.start.isoformat(),
        duration.end and duration.end.isoformat(),
    ) == expected
    assert duration.anchored


def test_unanchored_duration_has_no_interval() -> None:
    duration = one("three years after the war ended")
    assert (duration.value, duration.start, duration.end, duration.anchored) == ("P3Y", None, None, False)


SETS = [
    ("Flights leave daily from Sydney.", ("daily", "SET", "P1D", "1X")),
    ("the weekly radio address", ("weekly", "SET", "P1W", "1X")),
    ("Markets close every Friday at noon.", ("every Friday", "SET", "XXXX-WXX-5", None)),
    ("They meet twice a week.", ("twice a week", "SET", "P1W", "2X")),
    ("each July, the festival returns", ("each July", "SET", "XXXX-07", None)),
    ("every other year", ("every other year", "SET", "P2Y", None)),
    ("services on Sundays", ("Sundays", "SET", "XXXX-WXX-7", None)),
]


@pytest.mark.parametrize(("text", "expected"), SETS, ids=[c[0][:40] for c in SETS])
def test_sets(text: str, expected: tuple[str, str, str, str | None]) -> None:
    mentions = [m for m in tag_dates(text, SAT_8_APR_2017, all_types=True) if m.type == "SET"]
    assert [(m.text, m.type, m.value, m.freq) for m in mentions] == [expected]


@pytest.mark.parametrize(
    "text",
    ["the Daily Mirror reported", "a weekly magazine", "two Sundays ago we met", "sales grew 8% annually"],
)
def test_not_sets(text: str) -> None:
    assert [m for m in tag_dates(text, SAT_8_APR_2017, all_types=True) if m.type == "SET"] == []


TIMES = [
    # A clock time takes the day it belongs to; a part of the day its TIMEX3 code.
    ("April 7, 2017 at 2:41 pm", ("April 7, 2017 at 2:41 pm", "TIME", "2017-04-07T14:41")),
    ("the blast at 3:00 a.m. Friday", ("3:00 a.m. Friday", "TIME", "2017-04-07T03:00")),
    ("the offer will lapse at 5 p.m. EST, Nov. 6", ("5 p.m. EST, Nov. 6", "TIME", "2017-11-06T17:00")),
    ("protesters gathered Friday night", ("Friday night", "TIME", "2017-04-07TNI")),
    ("He spoke this morning.", ("this morning", "TIME", "2017-04-08TMO")),
    ("shots were heard last night", ("last night", "TIME", "2017-04-07TNI")),
    ("the judge ruled at midday", ("midday", "TIME", "2017-04-08T12:00")),
    ("the shop was raided at midnight Friday", ("midnight Friday", "TIME", "2017-04-07T24:00")),
    ("a deadline of midnight Friday", ("midnight Friday", "TIME", "2017-04-14T24:00")),
    # An hour with its part of the day after a preposition: "at 4 in the morning".
    ("the convoy left at 4 in the morning", ("4 in the morning", "TIME", "2017-04-08T04:00")),
    ("the talks ended around 10 in the evening", ("10 in the evening", "TIME", "2017-04-08T22:00")),
    ("the bars close by 12 at night", ("12 at night", "TIME", "2017-04-08T24:00")),
]


def test_a_count_before_a_part_of_the_day_is_no_clock_time() -> None:
    assert every("Rebels killed 3 in the morning raid.") == []


@pytest.mark.parametrize(
    "text",
    [
        # Idioms that hold a clock word name no time.
        "For the old guard, high noon has arrived.",
        "The clerks burned the midnight oil.",
        "She wore a midnight blue gown.",
    ],
)
def test_clock_word_idioms_are_no_times(text: str) -> None:
    assert every(text) == []


@pytest.mark.parametrize(("text", "expected"), TIMES, ids=[c[0][:40] for c in TIMES])
def test_times(text: str, expected: tuple[str, str, str]) -> None:
    assert every(text) == [expected]


def test_default_output_dates_a_time_by_its_day() -> None:
    (mention,) = tag_dates("protesters gathered Friday night", SAT_8_APR_2017)
    assert (mention.type, mention.value, mention.start) == ("TIME", "2017-04-07", date(2017, 4, 7))


REFERENCES = [
    ("Talks are now under way.", ("now", "DATE", "PRESENT_REF")),
    ("He recently moved to Basra.", ("recently", "DATE", "PAST_REF")),
    ("as happened in the past, prices fell", ("the past", "DATE", "PAST_REF")),
    ("in the near future, they said", ("the near future", "DATE", "FUTURE_REF")),
    ("Currently, 40 firms operate there.", ("Currently", "DATE", "PRESENT_REF")),
    # "Now" opening a sentence with no comma after it is still the present.
    ("The plant closed. Now the town has no employer.", ("Now", "DATE", "PRESENT_REF")),
    ("Until now, the ferry ran on time.", ("now", "DATE", "PRESENT_REF")),
]


@pytest.mark.parametrize(("text", "expected"), REFERENCES, ids=[c[0][:40] for c in REFERENCES])
def test_reference_words(text: str, expected: tuple[str, str, str]) -> None:
    assert every(text) == [expected]


def test_reference_words_and_durations_only_under_all_types() -> None:
    text = "Only now, after three years of talks held daily, is the deal done."
    assert [m.text for m in tag_dates(text, SAT_8_APR_2017)] == []
    assert {m.type for m in tag_dates(text, SAT_8_APR_2017, all_types=True)} == {"DATE", "DURATION", "SET"}


@pytest.mark.parametrize(
    "text",
    [
        "the past two years were hard",
        "recent months were calm",
        # "Now," opening a sentence is a discourse marker: it turns the argument, not the time.
        "The bridge was shut. Now, the council argues, it must be rebuilt.",
        '"Now, consider the cost," the engineer said.',
    ],
)
def test_not_reference_words(text: str) -> None:
    assert [
        m.value for m in tag_dates(text, SAT_8_APR_2017, all_types=True) if m.value.endswith("_REF")
    ] == []


EXTENTS = [
    # The possessive stays outside; "earlier" before "this week" is outside; a heading line is apart.
    ("Friday's vote was close.", ("Friday", "2017-04-07")),
    ("He wrote to her earlier this week.", ("this week", "2017-W14")),
    ("a decline since the 1960s in farming", ("1960s", "196")),
    ("the third-quarter results were weak", ("third-quarter", "2016-Q3")),
    ("the latter half of 2008 was worse", ("the latter half of 2008", "2008-H2")),
    ("the final quarter of 2009 was worse", ("the final quarter of 2009", "2009-Q4")),
]


@pytest.mark.parametrize(("text", "expected"), EXTENTS, ids=[c[0][:40] for c in EXTENTS])
def test_extents(text: str, expected: tuple[str, str]) -> None:
    mention = one(text)
    assert (mention.text, mention.value) == expected


def test_no_span_crosses_a_line_break() -> None:
    text = "Iraq talks\n2017 marks a new start"
    for mention in tag_dates(text, SAT_8_APR_2017, all_types=True) + tag_dates(text, SAT_8_APR_2017):
        assert "\n" not in mention.text


def test_weekday_night_and_clock_kept_apart() -> None:
    assert [m.text for m in tag_dates("on Sunday night at 8 PM", SAT_8_APR_2017, all_types=True)] == [
        "Sunday night",
        "8 PM",
    ]


TITLES = [
    # A quoted Title Case name that holds a date word or a number is no time.
    'Baker said on ABC\'s "This Week With David Brinkley" that talks went well.',
    "he told CBS's ''60 Minutes.'' on air",
    'the band played "Tuesday Afternoon" twice',
]


@pytest.mark.parametrize("text", TITLES)
def test_titles_are_not_times(text: str) -> None:
    assert [m.text for m in tag_dates(text, SAT_8_APR_2017, all_types=True) if m.type != "SET"] == []


def test_quoted_speech_keeps_its_dates() -> None:
    assert [m.text for m in tag_dates('He said: "The vote is on Friday."', SAT_8_APR_2017)] == ["Friday"]


RELATIVE_MONTHS = [
    ("the strike last November", THU_2_NOV_1989, ("last November", "1988-11")),
    ("the summit this September", THU_2_NOV_1989, ("this September", "1989-09")),
    ("elections next March", THU_2_NOV_1989, ("next March", "1990-03")),
    ("sales fell last May", MON_16_MAR_2015, ("last May", "2014-05")),
]


@pytest.mark.parametrize(("text", "dct", "expected"), RELATIVE_MONTHS, ids=[c[0] for c in RELATIVE_MONTHS])
def test_relative_months(text: str, dct: date, expected: tuple[str, str]) -> None:
    (mention,) = tag_dates(text, dct)
    assert (mention.text, mention.value) == expected


MONTH_DAY_YEARS = [
    # News: a month-day weeks ahead of publication is ahead, even in a report's past tense, and a far
    # reading gives way; a schedule word ("payable", "effective") reads the nearest occurrence.
    ("The offer was extended to Nov. 20.", THU_2_NOV_1989, "1989-11-20"),
    ("The dividend is payable Jan. 2 to holders of record.", THU_2_NOV_1989, "1990-01-02"),
    ("The rules, effective Dec. 7, were adopted.", THU_2_NOV_1989, "1989-12-07"),
    ("Shares fell on May 2.", THU_2_NOV_1989, "1989-05-02"),
    ("A hearing is set for March 9.", THU_2_NOV_1989, "1990-03-09"),
    # A month alone, next month against a tense pointing eleven months back: the near one.
    ("NATO has decided to admit them in early March.", date(1999, 2, 10), "1999-03"),
    ("The vote was moved to mid-November.", date(1989, 10, 30), "1989-11"),
    ("The talks started in June.", date(2021, 4, 7), "2020-06"),
    # An agreement or decision to act points at the act: "agreed to acquire ... in January".
    ("The bank announced an agreement to acquire the lender in January.", THU_2_NOV_1989, "1990-01"),
    ("Thermo agreed to purchase the unit for $22 million in February.", THU_2_NOV_1989, "1990-02"),
    ("The board bought the unit in February.", THU_2_NOV_1989, "1989-02"),
]


@pytest.mark.parametrize(("text", "dct", "value"), MONTH_DAY_YEARS, ids=[c[0][:40] for c in MONTH_DAY_YEARS])
def test_month_day_year_in_news(text: str, dct: date, value: str) -> None:
    (mention,) = tag_dates(text, dct)
    assert mention.value == value


def test_a_past_reading_stays_when_it_is_near() -> None:
    # Reported in early November, "on Oct. 20" with a past verb stays in the same autumn.
    assert year_for_month_day(THU_2_NOV_1989, 10, 20, "past") == 1989
    # A far past reading against a near future one gives way ...
    assert year_for_month_day(THU_2_NOV_1989, 11, 20, "past") == 1989
    # ... but a month alone keeps its tense unless it is the next month ("the talks started in June").
    assert year_for_month_day(date(2021, 4, 7), 6, None, "past") == 2020


DEADLINE_WEEKDAYS = [
    ("gave them until 9 a.m. Tuesday to sign", date(2000, 4, 3), "2000-04-04T09:00"),
    ("had to answer by Friday", date(2000, 4, 3), "2000-04-07"),
    ("had until Tuesday to sign", date(2000, 4, 3), "2000-04-04"),
]


def test_until_a_weekday_in_a_past_perfect_clause_lies_behind() -> None:
    (mention,) = tag_dates("Until Thursday, they had not called him a suspect.", date(1999, 5, 7))
    assert mention.value == "1999-05-06"


@pytest.mark.parametrize(("text", "dct", "value"), DEADLINE_WEEKDAYS, ids=[c[0] for c in DEADLINE_WEEKDAYS])
def test_deadline_weekday_lies_ahead(text: str, dct: date, value: str) -> None:
    (mention,) = tag_dates(text, dct, all_types=True)
    assert mention.value == value


AMOUNTS = [("three", 3.0), ("2 1/2", 2.5), ("twenty-four", 24.0), ("a couple of", 2.0), ("several", None)]


@pytest.mark.parametrize(("raw", "number"), AMOUNTS)
def test_amounts(raw: str, number: float | None) -> None:
    assert amount_of(raw) == number


VALUES = [
    ((3, "Y"), "P3Y"),
    ((None, "Y"), "PXY"),
    ((5, "H"), "PT5H"),
    ((1.5, "H"), "PT1H30M"),
    ((0.5, "D"), "PT12H"),
    ((2, "DE"), "P20Y"),
    ((3, "Q"), "P9M"),
    ((1, "2W"), "P2W"),
    ((90, "TM"), "PT90M"),
]


@pytest.mark.parametrize(("args", "value"), VALUES)
def test_duration_values(args: tuple[float | None, str], value: str) -> None:
    assert duration_value(*args) == value


NARRATIVE_MAIN_LINE = [
    # A look back ("the previous year") does not move a history's reference time ...
    (
        "The army crossed the river on 6 September 1920. It repeated its successes of the previous year. "
        "On September 18 it took the city.",
        "September 18",
        "1920-09-18",
    ),
    # ... nor does a year that only repeats the story's day: the next month name follows the day.
    (
        "The fleet was attacked on December 7, 1941, and war was declared. In January the islands fell.",
        "January",
        "1942-01",
    ),
    # Two months joined by a slash share the year written after the second.
    ("The talks failed in 1958. In August/September 1956 the army moved.", "August", "1956-08"),
    # "the 28th of that month": that day of the month the story is in.
    (
        "In August 1919 the army advanced. On the 28th of that month it stopped.",
        "the 28th of that month",
        "1919-08-28",
    ),
    (
        "The army advanced in 1919. On the 28th of that month it stopped.",
        "the 28th of that month",
        "XXXX-XX-XX",
    ),
    # An earlier date in brackets or before a noun is a look back: the story stays where it was ...
    (
        "In June 1793 Danton, the leader of the August 1792 insurrection, fell. On 24 June the laws passed.",
        "24 June",
        "1793-06-24",
    ),
    (
        "In 1793 peasants revolted against the Civil Constitution of the Clergy (1790). On 17 August they fled.",
        "17 August",
        "1793-08-17",
    ),
    # ... but a later one in brackets is the story moving on.
    (
        "He died on 1 March 1791. France declared war (20 April 1792). On 10 August the palace fell.",
        "10 August",
        "1792-08-10",
    ),
]


@pytest.mark.parametrize(
    ("text", "expression", "value"), NARRATIVE_MAIN_LINE, ids=[c[1] for c in NARRATIVE_MAIN_LINE]
)
def test_narrative_main_line(text: str, expression: str, value: str) -> None:
    mentions = {m.text: m.value for m in tag_dates(text, None, "narrative")}
    assert mentions[expression] == value


FISCAL_QUARTERS = [
    # A year (or "this year's") before "quarter" or "period" names a quarter: the one the report is about.
    ("a charge in the 1988 second quarter", ("the 1988 second quarter", "1988-Q2")),
    ("profit in this year's third quarter rose", ("this year's third quarter", "1989-Q3")),
    ("the third quarter ended. In the 1988 period, it lost money.", ("the 1988 period", "1988-Q3")),
    # A quarter long before publication is background, not the report's quarter: the comparison is with
    # the quarter just reported.
    (
        "It cut its payout in the second quarter of 1982. Third-quarter sales rose from a year ago.",
        ("a year ago", "1988-Q3"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), FISCAL_QUARTERS, ids=[c[0][:40] for c in FISCAL_QUARTERS])
def test_year_and_quarter(text: str, expected: tuple[str, str]) -> None:
    assert (tag_dates(text, THU_2_NOV_1989)[-1].text, tag_dates(text, THU_2_NOV_1989)[-1].value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Later yesterday, he left.", "Later yesterday"),
        ("mid-afternoon yesterday trading", "mid-afternoon yesterday"),
    ],
)
def test_day_word_modifiers_inside(text: str, expected: str) -> None:
    assert [m.text for m in tag_dates(text, THU_2_NOV_1989)] == [expected]


NEWS_PERIODS = [
    # "the past year" is the last calendar year; "year-earlier" before a figure names last year's quarter.
    ("growth over the past year", ("the past year", "DATE", "1988")),
    ("third-quarter profit rose, compared with year-earlier profit of $3 million", None),
    # A comparison with last year's quarter ("a year ago") is no story date: "earlier in the year" is this year.
    (
        "Third-quarter profit rose from $2 million a year ago. Sales had slowed earlier in the year.",
        ("earlier in the year", "DATE", "1989"),
    ),
    # "the year ended March 31" lasts a year and ends on that day.
    ("revenue for the year ended March 31", ("the year", "DURATION", "P1Y")),
    # TimeML tags "now" in "now that" too.
    ("Aqaba is its only outlet now that the roads are closed", ("now", "DATE", "PRESENT_REF")),
]


@pytest.mark.parametrize(("text", "expected"), NEWS_PERIODS, ids=[c[0][:40] for c in NEWS_PERIODS])
def test_news_periods(text: str, expected: tuple[str, str, str] | None) -> None:
    found = [(m.text, m.type, m.value) for m in tag_dates(text, THU_2_NOV_1989, all_types=True)]
    if expected is None:
        assert found[-1] == ("year-earlier", "DATE", "1988-Q3")
    else:
        assert expected in found


def test_year_ended_covers_the_twelve_months() -> None:
    duration = tag_dates("revenue for the year ended March 31", THU_2_NOV_1989, all_types=True)[0]
    assert (duration.start, duration.end) == (date(1988, 4, 1), date(1989, 3, 31))


NUMERIC_DATES = [
    # A numeric date with its year written out combines directly; two-digit years go to dateparser.
    ("born on 14.04.1889 in London", "1889-04-14"),
    ("filed 12/25/2017 in court", "2017-12-25"),
    ("filed 3/2/19 in court", "2019-03-02"),
]


@pytest.mark.parametrize(("text", "value"), NUMERIC_DATES, ids=[c[0] for c in NUMERIC_DATES])
def test_numeric_dates(text: str, value: str) -> None:
    assert [m.value for m in tag_dates(text, None)] == [value]


def test_impossible_numeric_date_is_none() -> None:
    assert tag_dates("on 31/02/2019 it", None) == []


LEAP_DAYS = [
    # "Feb. 29" read in a non-leap year is the leap day the sentence points to.
    ("The vote was held on Feb. 29.", SAT_8_APR_2017, "2016-02-29"),
    ("The vote will be on Feb. 29.", date(2019, 4, 8), "2020-02-29"),
    ("The vote was held on Feb. 29.", date(2016, 4, 8), "2016-02-29"),
]


@pytest.mark.parametrize(("text", "dct", "value"), LEAP_DAYS, ids=[f"{c[0]} {c[1]}" for c in LEAP_DAYS])
def test_leap_day_keeps_its_day(text: str, dct: date, value: str) -> None:
    assert [m.value for m in tag_dates(text, dct)] == [value]


MISSED_PHRASES = [
    # Section 3's misses, each a general phrase: the part of a year, the unit next to the story's
    # date, the last quarter, an ordinal week, a fiscal year written FY.
    ("It happened late in the year.", ("late in the year", "2017", "2017-09-01", "2017-12-31")),
    (
        "On 3 May 2015 they met; they had met the year before.",
        ("the year before", "2014", "2014-01-01", "2014-12-31"),
    ),
    ("Profits fell in the last quarter.", ("the last quarter", "2017-Q1", "2017-01-01", "2017-03-31")),
    # "the year before last", "the week after next": two units from now.
    ("He left the year before last.", ("the year before last", "2015", "2015-01-01", "2015-12-31")),
    ("They meet the week after next.", ("the week after next", "2017-W16", "2017-04-17", "2017-04-23")),
    ("in the second week of March", ("the second week of March", "2017-W10", "2017-03-06", "2017-03-12")),
    (
        "in the last week of March 2016",
        ("the last week of March 2016", "2016-W13", "2016-03-28", "2016-04-03"),
    ),
    ("results for FY2009 were weak", ("FY2009", "2009", "2009-01-01", "2009-12-31")),
]


@pytest.mark.parametrize(("text", "expected"), MISSED_PHRASES, ids=[c[0][:40] for c in MISSED_PHRASES])
def test_missed_phrases(text: str, expected: tuple[str, str, str, str]) -> None:
    m = tag_dates(text, SAT_8_APR_2017)[-1]
    assert (m.text, m.value, m.start and m.start.isoformat(), m.end and m.end.isoformat()) == expected


def test_the_year_before_an_event_is_not_dated() -> None:
    assert tag_dates("the year before the war ended", SAT_8_APR_2017) == []


def test_cli_batch_all_types_adds_type_and_the_new_values() -> None:
    import io
    import json

    from timeline.cli import run_batch

    line = json.dumps(
        {"id": "a", "text": "Until now, for three years, talks were held daily.", "dct": "2017-04-08"}
    )
    default, every_type = io.StringIO(), io.StringIO()
    run_batch(io.StringIO(line), default, io.StringIO(), default_mode="news", dct=None)
    run_batch(io.StringIO(line), every_type, io.StringIO(), default_mode="news", dct=None, all_types=True)
    assert default.getvalue() == ""
    rows = [json.loads(row) for row in every_type.getvalue().splitlines()]
    assert [(r["id"], r["text"], r["type"], r["value"], r["freq"]) for r in rows] == [
        ("a", "now", "DATE", "PRESENT_REF", None),
        ("a", "three years", "DURATION", "P3Y", None),
        ("a", "daily", "SET", "P1D", "1X"),
    ]
    assert all({"span", "start", "end", "precision", "anchored", "mod", "range_id"} <= r.keys() for r in rows)


LATER_DURATIONS = [
    # TimeML: "three days later" is the duration "three days"; "a year earlier" (a comparison period) a date.
    ("Three days later, the index fell.", [("Three days", "DURATION", "P3D")]),
    ("A few days later, it announced a sale.", [("A few days", "DURATION", "PXD")]),
    ("up 5% from a year earlier, the company said", [("a year earlier", "DATE", "1988")]),
]


@pytest.mark.parametrize(("text", "expected"), LATER_DURATIONS, ids=[c[0][:30] for c in LATER_DURATIONS])
def test_later_is_a_duration_in_timeml(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert every(text, THU_2_NOV_1989) == expected


def test_a_rate_is_a_set() -> None:
    assert every("remittances of $1 billion a year") == [("a year", "SET", "P1Y")]


def test_the_year_in_news_is_the_year_of_the_report() -> None:
    assert every("For the year, volume was flat.", THU_2_NOV_1989) == [("the year", "DATE", "1989")]


REPORT_QUARTERS = [
    # News: the first quarter a report names is the one it is about; a comparison named later ("up from
    # the second quarter") does not move it, and "a year ago" / "the latest quarter" read from it.
    (
        "Net rose in the third quarter, up from the second quarter. A year ago it lost money.",
        ("A year ago", "1988-Q3"),
    ),
    (
        "Profit fell in the third quarter from the second quarter; in the latest quarter costs rose.",
        ("the latest quarter", "1989-Q3"),
    ),
    # "The current quarter" is the one under way at publication.
    (
        "Sales in the third quarter fell, and the current quarter began well.",
        ("the current quarter", "1989-Q4"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), REPORT_QUARTERS, ids=[c[1][0] for c in REPORT_QUARTERS])
def test_report_quarter(text: str, expected: tuple[str, str]) -> None:
    last = tag_dates(text, THU_2_NOV_1989)[-1]
    assert (last.text, last.value) == expected
