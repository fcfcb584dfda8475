"""Every input that once crashed the date tagger (issue 10 and the fuzz runs), with what it must give.

Each row is an input that raised (ValueError "year -2901 is out of range", OverflowError, KeyError
'mıd') and the sensible value it gives now. Periods before year 1 or after 9999 are kept but not drawn:
no interval, ``anchored`` False, and a TIMEX3 value naming them (``BC0901``, ``+10000``).
"""

from __future__ import annotations

import io
import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from timeline import cli
from timeline.dates import tag_dates
from timeline.dates.fold import matchable
from timeline.model import Mode, TimeMention

JUNE_2019 = date(2019, 6, 1)
FIRST_DAY = date.min  # 0001-01-01, a Monday
SECOND_DAY = date(1, 1, 2)
LAST_DAY = date.max  # 9999-12-31, a Friday
LAST_NEW_YEAR = date(9999, 1, 1)

# (text, dct, mode, mention text, value, start or None when the period is past the calendar's ends)
CRASHERS: list[tuple[str, date | None, Mode, str, str, str | None]] = [
    # Periods before year 1 or after 9999 (the history phrases).
    ("some 50 centuries ago", JUNE_2019, "news", "50 centuries ago", "BC30", None),
    ("30 centuries ago", JUNE_2019, "news", "30 centuries ago", "BC10", None),
    ("300 decades ago", JUNE_2019, "news", "300 decades ago", "BC098", None),
    ("99 centuries later", JUNE_2019, "news", "99 centuries later", "+119", None),
    ("30 centuries ago", JUNE_2019, "narrative", "30 centuries ago", "BC10", None),
    ("30 centuries ago", None, "news", "30 centuries ago", "XX", None),
    # Letters that lower-case oddly: the word is read as the lexicon word it stands for.
    ("in mıd 2019", None, "news", "mıd 2019", "2019", "2019-05-01"),
    ("the fırst quarter of 2019", None, "news", "the fırst quarter of 2019", "2019-Q1", "2019-01-01"),
    ("the twentıeth century", None, "news", "the twentıeth century", "19", "1900-01-01"),
    ("the ſecond quarter of 2019", None, "news", "the ſecond quarter of 2019", "2019-Q2", "2019-04-01"),
    ("the firſt half of 2019", None, "news", "the firſt half of 2019", "2019-H1", "2019-01-01"),
    ("two dayſ ago", JUNE_2019, "news", "two dayſ ago", "2019-05-30", "2019-05-30"),
    ("the nınth century", None, "narrative", "the nınth century", "08", "0800-01-01"),
    ("the mıddle of the year", date(2000, 2, 29), "news", "the mıddle of the year", "2000", "2000-05-01"),
    ("İN MAY 2019", None, "news", "MAY 2019", "2019-05", "2019-05-01"),
    ("Ｍａｙ ２０１９", None, "news", "Ｍａｙ ２０１９", "2019-05", "2019-05-01"),
    ("in ٢٠١٧", None, "news", "٢٠١٧", "2017", "2017-01-01"),
    # Anchored on the first day the calendar holds: the period before it is 1 BC.
    ("yesterday", FIRST_DAY, "news", "yesterday", "BC0001-XX-XX", None),
    ("last night", FIRST_DAY, "news", "last night", "BC0001-XX-XX", None),
    ("Friday", FIRST_DAY, "news", "Friday", "BC0001-XX-XX", None),
    ("in October", FIRST_DAY, "news", "October", "BC0001-XX", None),
    ("the talks ended on November 3", FIRST_DAY, "news", "November 3", "BC0001-XX-XX", None),
    ("December 12-14", FIRST_DAY, "news", "December 12-14", "BC0001-XX-XX", None),
    ("talks will resume on April 1", FIRST_DAY, "news", "April 1", "0001-04-01", "0001-04-01"),
    ("last Memorial Day", FIRST_DAY, "news", "last Memorial Day", "BC0001-XX-XX", None),
    ("last Easter", FIRST_DAY, "news", "last Easter", "BC0001-XX-XX", None),
    ("last autumn", FIRST_DAY, "news", "last autumn", "BC0001-XX", None),
    ("last winter", FIRST_DAY, "news", "last winter", "BC0001-XX", None),
    ("last week", SECOND_DAY, "news", "last week", "BC0001-WXX", None),
    ("last Saturday", SECOND_DAY, "news", "last Saturday", "BC0001-XX-XX", None),
    ("last Christmas", SECOND_DAY, "news", "last Christmas", "BC0001-XX-XX", None),
    ("last Labor Day", SECOND_DAY, "news", "last Labor Day", "BC0001-XX-XX", None),
    ("the second quarter", SECOND_DAY, "news", "the second quarter", "BC0001-QX", None),
    ("last decade", date(1, 12, 31), "news", "last decade", "BC000", None),
    ("next week", FIRST_DAY, "news", "next week", "0001-W02", "0001-01-08"),
    # Anchored on the last day: the period after it is in year 10000.
    ("yesterday", LAST_DAY, "news", "yesterday", "9999-12-30", "9999-12-30"),
    ("this Saturday", LAST_DAY, "news", "this Saturday", "+10000-XX-XX", None),
    ("this week", LAST_DAY, "news", "this week", "+10000-WXX", None),
    ("next month", LAST_DAY, "news", "next month", "+10000-XX", None),
    ("next year", LAST_DAY, "news", "next year", "+10000", None),
    ("the next day", LAST_DAY, "news", "the next day", "XXXX-XX-XX", None),  # no date before it
    ("next winter", LAST_NEW_YEAR, "news", "next winter", "+10000-XX", None),
    ("the following century", LAST_NEW_YEAR, "narrative", "following century", "+100", None),
]


@pytest.mark.parametrize(("text", "dct", "mode", "quoted", "value", "start"), CRASHERS)
def test_former_crasher_gives_its_value(
    text: str, dct: date | None, mode: Mode, quoted: str, value: str, start: str | None
) -> None:
    mentions = tag_dates(text, dct, mode)
    assert [m.text for m in mentions] == [quoted]
    mention = mentions[0]
    assert text[mention.span[0] : mention.span[1]] == quoted
    assert mention.value == value
    assert (mention.start.isoformat() if mention.start else None) == start
    assert mention.anchored is (start is not None)
    if start is None:
        assert mention.end is None


def test_counting_days_past_the_last_day_is_kept_undrawn() -> None:
    mentions = tag_dates("Yesterday it began. Three days later it ended.", LAST_DAY)
    assert [(m.text, m.value, m.start) for m in mentions] == [
        ("Yesterday", "9999-12-30", date(9999, 12, 30)),
        ("Three days later", "+10000-XX-XX", None),
    ]


def test_the_first_half_is_the_first_half_whatever_the_s() -> None:
    """The long s once made "firſt" compare unequal to "first", so the second half was given."""
    (plain,) = tag_dates("the first half of 2019", None)
    (long_s,) = tag_dates("the firſt half of 2019", None)
    assert (long_s.value, long_s.start, long_s.end) == (plain.value, plain.start, plain.end)
    assert (long_s.start, long_s.end) == (date(2019, 1, 1), date(2019, 6, 30))


def test_every_letter_the_grammar_takes_for_an_ascii_letter_is_folded_to_it() -> None:
    """Case-insensitive matching equates a few non-ASCII letters with ASCII ones (ı, İ, ſ, K): each
    must fold to that letter, or a matched word would be no lexicon word (the KeyError of issue 10)."""
    ascii_letter = re.compile(r"(?i)[a-z]")
    found = []
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        if ascii_letter.fullmatch(char):
            found.append(char)
            assert matchable(char).isascii(), char
            assert re.fullmatch(r"(?i)" + re.escape(matchable(char)), char), char
    assert {"\u0131", "\u0130", "\u017f", "\u212a"} <= set(found)  # ı İ ſ and the Kelvin sign


@pytest.mark.parametrize(
    "text",
    ["in mıd 2019 and ﬁrst", "İstanbul, 3 Ｍａｙ 2019", "2019² 😀 ſ", "\ufeffa\u00a0b\u2009c", "", "x"],
)
def test_folding_keeps_every_offset(text: str) -> None:
    assert len(matchable(text)) == len(text)


def test_superscripts_stay_out_of_years() -> None:
    """A footnote mark is no digit: "2019²" is the year 2019, not 20192."""
    assert [m.value for m in tag_dates("elected in 2019² and", None)] == ["2019"]


def _mention_lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.parametrize("dct", ["0001-01-01", "9999-12-31"])
def test_batch_dct_at_the_calendars_ends_keeps_the_document(dct: str) -> None:
    line = json.dumps({"id": "d1", "text": "Yesterday the talks resumed. Next week they meet.", "dct": dct})
    out, err = io.StringIO(), io.StringIO()
    code = cli.run_batch(io.StringIO(line + "\n"), out, err, default_mode="news", dct=None)
    assert code == 0, err.getvalue()
    texts = [record["text"] for record in _mention_lines(out.getvalue())]
    assert texts == ["Yesterday", "Next week"]


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_catalog_date_at_the_calendars_ends_keeps_the_article(tmp_path: Path, published: str) -> None:
    (tmp_path / "a.txt").write_text(
        "Talks resumed\n\nThe war began in 2003. Yesterday the talks resumed in Vienna, officials said. "
        "Some 50 centuries ago the first cities were built, the minister said.\n",
        encoding="utf-8",
    )
    catalog = {"format": "timeline-catalog/1", "articles": {"a.txt": {"published": published}}}
    (tmp_path / "catalog.json").write_text(json.dumps(catalog), encoding="utf-8")
    from timeline.pipeline import extract_corpus  # the whole engine, imported only by this test

    result = extract_corpus([tmp_path])
    assert not result.errors
    quoted = {m.time_text for event in result.events for m in event.mentions}
    assert {"2003", "Yesterday", "50 centuries ago"} <= quoted
    (ancient,) = [e for e in result.events if "50 centuries ago" in {m.time_text for m in e.mentions}]
    if published == "0001-01-01":
        assert ancient.start is None and not ancient.anchored  # before year 1: kept, not drawn
    else:
        assert ancient.start == date(4900, 1, 1)


def test_a_period_past_the_calendar_is_well_formed() -> None:
    (mention,) = tag_dates("99 centuries later", JUNE_2019)
    assert isinstance(mention, TimeMention)
    assert mention.to_json()["start"] is None
    assert mention.precision == "century" and mention.relative
