"""Tables of date expressions and what the tagger must make of them. "Now" is always the dct given."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import tag_dates
from timeline.model import Mode

SAT_8_APR_2017 = date(2017, 4, 8)
TUE_20_OCT_2015 = date(2015, 10, 20)
TUE_27_JUL_2021 = date(2021, 7, 27)
WED_7_APR_2021 = date(2021, 4, 7)
THU_2_NOV_1989 = date(1989, 11, 2)


def only(text: str, dct: date | None, mode: Mode = "news") -> tuple[str, str, str | None, str | None, str]:
    mentions = tag_dates(text, dct, mode)
    assert len(mentions) == 1, [m.text for m in mentions]
    m = mentions[0]
    return (
        m.text,
        m.value,
        m.start.isoformat() if m.start else None,
        m.end.isoformat() if m.end else None,
        m.precision,
    )


NEWS_CASES = [
    # Full and partial dates in common news formats.
    (
        "arrived on 17 March, 2017 [photo]",
        SAT_8_APR_2017,
        ("17 March, 2017", "2017-03-17", "2017-03-17", "2017-03-17", "day"),
    ),
    (
        "April 8, 2017 at 2:41 pm",
        SAT_8_APR_2017,
        ("April 8, 2017 at 2:41 pm", "2017-04-08", "2017-04-08", "2017-04-08", "day"),
    ),
    (
        "the vote will open at 9 a.m. Tuesday in Baghdad",
        date(2000, 4, 3),
        ("9 a.m. Tuesday", "2000-04-04", "2000-04-04", "2000-04-04", "day"),
    ),
    (
        "Sunday dawn of 25 June 1950 saw the attack",
        None,
        ("Sunday dawn of 25 June 1950", "1950-06-25", "1950-06-25", "1950-06-25", "day"),
    ),
    (
        "Published October 20th, 2015 - 12:00 GMT",
        None,
        ("October 20th, 2015 - 12:00 GMT", "2015-10-20", "2015-10-20", "2015-10-20", "day"),
    ),
    # a 24-hour clock time with its zone is a time of the day it belongs to
    (
        "Talks resumed at 1400 GMT on Friday.",
        SAT_8_APR_2017,
        ("1400 GMT on Friday", "2017-04-07", "2017-04-07", "2017-04-07", "day"),
    ),
    (
        "Flights resumed at 15.16 BST yesterday.",
        SAT_8_APR_2017,
        ("15.16 BST yesterday", "2017-04-07", "2017-04-07", "2017-04-07", "day"),
    ),
    (
        "Last Modified: Sunday، 03 February 2019 02:30 PM",
        None,
        ("Sunday، 03 February 2019 02:30 PM", "2019-02-03", "2019-02-03", "2019-02-03", "day"),
    ),
    (
        "on the 3rd of March 2017 the",
        None,
        ("the 3rd of March 2017", "2017-03-03", "2017-03-03", "2017-03-03", "day"),
    ),
    # a day written as an ordinal word, with "of"
    (
        "born on the fifth of November 1990 in",
        None,
        ("the fifth of November 1990", "1990-11-05", "1990-11-05", "1990-11-05", "day"),
    ),
    (
        "troops will leave by the thirty-first of August",
        TUE_27_JUL_2021,
        ("the thirty-first of August", "2021-08-31", "2021-08-31", "2021-08-31", "day"),
    ),
    (
        "It was a day of firsts: the first of May.",
        TUE_27_JUL_2021,
        ("the first of May", "2021-05-01", "2021-05-01", "2021-05-01", "day"),
    ),
    ("Sept. 17, 1998, the court", None, ("Sept. 17, 1998", "1998-09-17", "1998-09-17", "1998-09-17", "day")),
    ("filed 2019-02-03 in court", None, ("2019-02-03", "2019-02-03", "2019-02-03", "2019-02-03", "day")),
    (
        "The Iraqi military announced on September 27 that it would begin",
        TUE_20_OCT_2015,
        ("September 27", "2015-09-27", "2015-09-27", "2015-09-27", "day"),
    ),
    (
        "The rights, which expire Nov. 21, can be exercised",
        THU_2_NOV_1989,
        ("Nov. 21", "1989-11-21", "1989-11-21", "1989-11-21", "day"),
    ),
    (
        "the boy must go home by Jan. 14, officials said",
        date(2000, 1, 5),
        ("Jan. 14", "2000-01-14", "2000-01-14", "2000-01-14", "day"),
    ),
    (
        "said in an editorial on Saturday, April 25:",
        date(1998, 4, 24),
        ("Saturday, April 25", "1998-04-25", "1998-04-25", "1998-04-25", "day"),
    ),
    # Weekdays against the publication date and the tense.
    (
        "following Friday’s US strikes on a Syrian airbase",
        SAT_8_APR_2017,
        ("Friday’s", "2017-04-07", "2017-04-07", "2017-04-07", "day"),
    ),
    (
        "Pence on Saturday assured Al-Abadi",
        SAT_8_APR_2017,
        ("Saturday", "2017-04-08", "2017-04-08", "2017-04-08", "day"),
    ),
    (
        "Several groups in Iraq Tuesday welcomed an announcement",
        TUE_27_JUL_2021,
        ("Tuesday", "2021-07-27", "2021-07-27", "2021-07-27", "day"),
    ),
    (
        "Biden declared on Monday that",
        TUE_27_JUL_2021,
        ("Monday", "2021-07-26", "2021-07-26", "2021-07-26", "day"),
    ),
    (
        "the peace process, set to resume Monday in Belfast",
        date(1998, 3, 22),
        ("Monday", "1998-03-23", "1998-03-23", "1998-03-23", "day"),
    ),
    (
        "The talks will resume on Thursday",
        TUE_20_OCT_2015,
        ("Thursday", "2015-10-22", "2015-10-22", "2015-10-22", "day"),
    ),
    (
        "They met last Friday",
        date(2017, 4, 7),
        ("last Friday", "2017-03-31", "2017-03-31", "2017-03-31", "day"),
    ),
    # Relative expressions.
    (
        "during a visit to Baghdad 11 days ago",
        TUE_20_OCT_2015,
        ("11 days ago", "2015-10-09", "2015-10-09", "2015-10-09", "day"),
    ),
    (
        "a chemical attack that killed scores of civilians this week",
        SAT_8_APR_2017,
        ("this week", "2017-W14", "2017-04-03", "2017-04-09", "week"),
    ),
    (
        "Last week, militias threatened the prime minister",
        WED_7_APR_2021,
        ("Last week", "2021-W13", "2021-03-29", "2021-04-04", "week"),
    ),
    (
        "combat operations will end this year",
        TUE_27_JUL_2021,
        ("this year", "2021", "2021-01-01", "2021-12-31", "year"),
    ),
    (
        "killings in Aleppo last year",
        SAT_8_APR_2017,
        ("last year", "2016", "2016-01-01", "2016-12-31", "year"),
    ),
    (
        "the waiver approved last month",
        WED_7_APR_2021,
        ("last month", "2021-03", "2021-03-01", "2021-03-31", "month"),
    ),
    (
        "talks earlier this month",
        WED_7_APR_2021,
        ("earlier this month", "2021-04", "2021-04-01", "2021-04-30", "month"),
    ),
    ("a summit next year", WED_7_APR_2021, ("next year", "2022", "2022-01-01", "2022-12-31", "year")),
    (
        "three years ago, the army",
        WED_7_APR_2021,
        ("three years ago", "2018", "2018-01-01", "2018-12-31", "year"),
    ),
    (
        "the plant closed yesterday",
        WED_7_APR_2021,
        ("yesterday", "2021-04-06", "2021-04-06", "2021-04-06", "day"),
    ),
    # Bare months and seasons, by tense.
    (
        "Gen. Allen, who is due to leave his post in November, asked",
        TUE_20_OCT_2015,
        ("November", "2015-11", "2015-11-01", "2015-11-30", "month"),
    ),
    (
        "the city of Ramadi, which fell to ISIS in May, cannot",
        TUE_20_OCT_2015,
        ("May", "2015-05", "2015-05-01", "2015-05-31", "month"),
    ),
    (
        "The talks started in June under the Trump administration.",
        WED_7_APR_2021,
        ("June", "2020-06", "2020-06-01", "2020-06-30", "month"),
    ),
    (
        "As Iraq plans for parliamentary elections in October, the need",
        WED_7_APR_2021,
        ("October", "2021-10", "2021-10-01", "2021-10-31", "month"),
    ),
    (
        "a NATO summit set for Washington in April",
        date(1999, 3, 12),
        ("April", "1999-04", "1999-04-01", "1999-04-30", "month"),
    ),
    ("since June of 2014", TUE_20_OCT_2015, ("June of 2014", "2014-06", "2014-06-01", "2014-06-30", "month")),
    (
        "protests in the summertime of 2018",
        WED_7_APR_2021,
        ("the summertime of 2018", "2018-SU", "2018-06-01", "2018-08-31", "season"),
    ),
    ("the summer of 2018", None, ("the summer of 2018", "2018-SU", "2018-06-01", "2018-08-31", "season")),
    # Parts of periods, decades, quarters.
    (
        "announced at the end of 2017 that",
        TUE_27_JUL_2021,
        ("the end of 2017", "2017", "2017-12-01", "2017-12-31", "year"),
    ),
    ("in early 2017", None, ("early 2017", "2017", "2017-01-01", "2017-04-30", "year")),
    ("by late 2017", None, ("late 2017", "2017", "2017-09-01", "2017-12-31", "year")),
    ("mid-1996", None, ("mid-1996", "1996", "1996-05-01", "1996-08-31", "year")),
    (
        "we’re not going to be, at the end of the year, in a combat mission",
        TUE_27_JUL_2021,
        ("the end of the year", "2021", "2021-12-01", "2021-12-31", "year"),
    ),
    ("in the 1980s", None, ("the 1980s", "198", "1980-01-01", "1989-12-31", "decade")),
    (
        "the third quarter",
        THU_2_NOV_1989,
        ("the third quarter", "1989-Q3", "1989-07-01", "1989-09-30", "quarter"),
    ),
    (
        "in the fourth quarter of 2017",
        None,
        ("the fourth quarter of 2017", "2017-Q4", "2017-10-01", "2017-12-31", "quarter"),
    ),
    ("in the 20th century", None, ("the 20th century", "19", "1900-01-01", "1999-12-31", "century")),
    ("nineteen ninety-six", None, ("nineteen ninety-six", "1996", "1996-01-01", "1996-12-31", "year")),
    (
        "last Thanksgiving",
        date(2000, 2, 10),
        ("last Thanksgiving", "1999-11-25", "1999-11-25", "1999-11-25", "day"),
    ),
    # A named day with a possessive keeps its capitals ("Valentine's Day", not "Valentine'S Day").
    (
        "they met on Valentine's Day",
        date(2017, 4, 7),
        ("Valentine's Day", "2017-02-14", "2017-02-14", "2017-02-14", "day"),
    ),
    (
        "crowds gathered on New Year's Eve",
        date(2017, 4, 7),
        ("New Year's Eve", "2016-12-31", "2016-12-31", "2016-12-31", "day"),
    ),
    # A decade in two digits after "the".
    ("the music of the 80s", None, ("the 80s", "198", "1980-01-01", "1989-12-31", "decade")),
    ("in the late 90s", None, ("the late 90s", "199", "1996-09-01", "1999-12-31", "decade")),
    # Years among numbers.
    (
        "invited into Iraq in 2014-three years after the occupation",
        TUE_27_JUL_2021,
        ("2014", "2014", "2014-01-01", "2014-12-31", "year"),
    ),
    ("withdrew its troops in 2011.", None, ("2011", "2011", "2011-01-01", "2011-12-31", "year")),
    # "the March" / "the May" before a noun of an event is the month ("the March to the Sea" is not).
    (
        "The March referendum settled the border question.",
        WED_7_APR_2021,
        ("March", "2021-03", "2021-03-01", "2021-03-31", "month"),
    ),
    (
        "Turnout will rise in the May elections.",
        WED_7_APR_2021,
        ("May", "2021-05", "2021-05-01", "2021-05-31", "month"),
    ),
]


@pytest.mark.parametrize(("text", "dct", "expected"), NEWS_CASES, ids=[c[0][:40] for c in NEWS_CASES])
def test_news_expressions(text: str, dct: date | None, expected: tuple[str, ...]) -> None:
    assert only(text, dct) == expected


NOT_DATES = [
    "We'll assume you're ok with this, but you can opt-out if you wish.",
    "We are happy to introduce our channel",
    "this may be repeated",
    "after Iraq called for a 3rd round of talks",
    "Iraq depends on Iranian supplies for a 3rd of energy needs",
    "the mission has now transitioned to training",
    "now a total of 2,500 men",
    "after the end of the eight-year occupation",
    "who has been in power for a little more than a year",
    "UN Security Council Resolution 1441 demanded",
    "a force of 1500 troops",
    "the main Shia political actors in Iraq today when they were in exile",
    "the Iraq of today",
    "You may also like",
    "the March to the Sea",
    "the May government lost the vote",
    "the March of the unemployed reached the capital",
    "after the fall of Baghdad",
    "the F-1600 engine",
    "costs $2014 per unit",
    "its first quarterly loss",
    "has twelve hundred mostly American students",
    "sent two thousand troops",
    "nearly",
    "he is in his 80s",
    "highs will be in the 80s",
    "shares traded in the 90s",
    "a fleet of 20 A380s",
    "the first of many",
    # a capitalised day word inside a sentence, naming a programme or a paper
    "speaking on the Today programme, he said",
    "He told BBC Radio 4's Today programme he would stay.",
    "a report in USA Today said",
    "appeared on NBC's Today show with",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert [m.text for m in tag_dates(text, WED_7_APR_2021)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same moment in another zone, in brackets after the clock time, is no second time
        ("The blast occurred at about 10:35 a.m. (0735 GMT) in the city.", ["10:35 a.m."]),
        ("The rig sank at 10:21 a.m. CDT (1521 GMT) on Thursday.", ["10:21 a.m. CDT", "Thursday"]),
        # a zoned time of its own is one
        ("The rig sank at 1521 GMT and the fire died at 1600 GMT.", ["1521 GMT", "1600 GMT"]),
    ],
)
def test_zone_conversions(text: str, expected: list[str]) -> None:
    assert [m.text for m in tag_dates(text, WED_7_APR_2021)] == expected


RANGES = [
    ("US troops stayed from 2003 to 2011.", [("2003", "2003"), ("2011", "2011")]),
    ("fighting between March and May 2003", [("March", "2003-03"), ("May 2003", "2003-05")]),
    ("the war of 1914–18", [("1914", "1914"), ("18", "1918")]),
    ("on 17–18 September 1939", [("17", "1939-09-17"), ("18 September 1939", "1939-09-18")]),
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_ranges_link_both_ends(text: str, expected: list[tuple[str, str]]) -> None:
    mentions = tag_dates(text, WED_7_APR_2021)
    assert [(m.text, m.value) for m in mentions] == expected
    assert mentions[0].range_id is not None
    assert mentions[0].range_id == mentions[1].range_id


def test_since_marks_the_start_of_an_ongoing_period() -> None:
    (mention,) = tag_dates("airstrikes since June of 2014", TUE_20_OCT_2015)
    assert mention.mod == "SINCE"
    assert (mention.start, mention.end) == (date(2014, 6, 1), date(2014, 6, 30))


NARRATIVE = [
    (
        "Germany invaded Poland on 1 September 1939. Two days later, Britain declared war. "
        "The following year, France fell. In April, Denmark was invaded.",
        [
            ("1 September 1939", "1939-09-01"),
            ("Two days later", "1939-09-03"),
            ("The following year", "1940"),
            ("April", "1940-04"),
        ],
    ),
    (
        "The siege began in November 1941. In January, the army broke out.",
        [("November 1941", "1941-11"), ("January", "1942-01")],
    ),
    (
        "The battle opened on 5 June 1944; the next day the bridgehead held, and on 9 June it widened.",
        [("5 June 1944", "1944-06-05"), ("the next day", "1944-06-06"), ("9 June", "1944-06-09")],
    ),
    # "the previous Friday", "the following Monday": the weekday before or after the day the story is on.
    (
        "The treaty was signed on Saturday, 14 June 1919. The following Monday, the delegates left.",
        [("Saturday, 14 June 1919", "1919-06-14"), ("The following Monday", "1919-06-16")],
    ),
    (
        "The strike ended on 12 May 1926; the previous Wednesday it had begun.",
        [("12 May 1926", "1926-05-12"), ("the previous Wednesday", "1926-05-05")],
    ),
    # After a coarser date the day is unknown inside it: "the day before" stays in that year or month,
    # counted back from its end (not the day before 1 January, in the year before).
    (
        "The fleet sailed in 1588. The day before, the admiral had fallen ill.",
        [("1588", "1588"), ("The day before", "1588")],
    ),
    (
        "The truce was signed in March 1918. A week earlier, the talks had stalled.",
        [("March 1918", "1918-03"), ("A week earlier", "1918-03")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NARRATIVE)
def test_narrative_anchors_on_the_last_date(text: str, expected: list[tuple[str, str]]) -> None:
    # The dct of a history page is only its download date: it must not leak into the story.
    assert [(m.text, m.value) for m in tag_dates(text, date(2009, 12, 19), "narrative")] == expected


def test_narrative_asides_do_not_move_the_anchor() -> None:
    text = (
        "In 1920 the army advanced. In March 1920 it took Kiev. Napoleon had failed there in 1812. "
        "In May it was pushed back."
    )
    values = [m.value for m in tag_dates(text, None, "narrative")]
    assert values[-1] == "1920-05"


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("on Friday", "XXXX-XX-XX", "day"),
        ("last year", "XXXX", "year"),
        ("in November", "XXXX-XX", "month"),
        ("this week", "XXXX-WXX", "week"),
    ],
)
def test_relative_dates_without_publication_date_stay_unanchored(
    text: str, value: str, precision: str
) -> None:
    (mention,) = tag_dates(text, None)
    assert (mention.value, mention.precision, mention.anchored, mention.start, mention.end) == (
        value,
        precision,
        False,
        None,
        None,
    )


def test_absolute_dates_need_no_publication_date() -> None:
    (mention,) = tag_dates("The invasion began on 20 March 2003.", None)
    assert mention.anchored and mention.value == "2003-03-20"


def test_spans_index_the_text() -> None:
    text = "Vice President Mike Pence on Saturday assured Iraq; the US withdrew in 2011."
    for m in tag_dates(text, SAT_8_APR_2017):
        assert text[m.span[0] : m.span[1]] == m.text
