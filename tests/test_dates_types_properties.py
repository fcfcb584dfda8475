"""Property tests for the every-type output (``all_types=True``): it never raises, its spans lie inside the
text, every mention has a TIMEX3 type, and a duration's value parses as an ISO 8601 duration (or as
TimeML's vague ``PX<unit>``)."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.dates import tag_dates
from timeline.dates.resolve.durations import duration_value
from timeline.model import Mode, TimeMention

WORDS_TEXT = (
    "a an one two three 3 16 2.5 1/2 twenty-four few several couple of dozen half more than about nearly "
    "at least over within the past last next first recent coming for each every per once twice times "
    "second seconds minute minutes hour hours day days week weeks fortnight month months quarter quarters "
    "year years decade decades century centuries -long -old old daily weekly monthly annually hourly "
    "Monday Fridays Sunday night morning evening noon midnight midday 9 a.m. p.m. EST now recently "
    "currently the future the near future in 2003 May 2011 began ending since until that which ago later "
    "earlier this Nov. 6 1989 's ’s \" '' `` “ ” , . -"
)
WORDS = (*WORDS_TEXT.split(), "\n")

TOKEN = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(str.upper),
    st.sampled_from(WORDS).map(str.title),
    st.integers(min_value=0, max_value=100000).map(str),
    st.sampled_from(("é", "İ", "ß", "\u200b", "٣", "😀", "ﬁ")),
)
TEXT = st.lists(TOKEN, max_size=40).map(" ".join)
DCT = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
MODE = st.sampled_from(("news", "narrative"))

_ISO_DURATION = re.compile(
    r"^P(?!$)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?"
    r"(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$"
)
_VAGUE_DURATION = re.compile(r"^PT?X(?:Y|M|W|D|H|S|Q|DE|CE|ML)$")
_SET_VALUE = re.compile(r"^(?:P|XXXX)")
TYPES = {"DATE", "TIME", "DURATION", "SET"}


def is_duration_value(value: str) -> bool:
    return _ISO_DURATION.match(value) is not None or _VAGUE_DURATION.match(value) is not None


def assert_well_formed(text: str, mentions: list[TimeMention]) -> None:
    previous_start = -1
    for m in mentions:
        start, end = m.span
        assert 0 <= start < end <= len(text)
        assert start >= previous_start
        previous_start = start
        assert m.text == text[start:end]
        assert m.type in TYPES
        assert m.value
        if m.type == "DURATION":
            assert is_duration_value(m.value), m.value
            if m.start is not None:
                assert m.end is not None and m.start <= m.end
        elif m.type == "SET":
            assert _SET_VALUE.match(m.value), m.value
        elif m.start is not None and m.end is not None:
            assert m.start <= m.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, dct=DCT, mode=MODE)
def test_all_types_well_formed_on_timeish_text(text: str, dct: date | None, mode: Mode) -> None:
    assert_well_formed(text, tag_dates(text, dct, mode, all_types=True))


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=200), dct=DCT, mode=MODE)
def test_all_types_never_raises_on_arbitrary_text(text: str, dct: date | None, mode: Mode) -> None:
    assert_well_formed(text, tag_dates(text, dct, mode, all_types=True))


@settings(max_examples=150, deadline=None)
@given(text=TEXT, dct=DCT)
def test_default_output_holds_only_dates_and_times(text: str, dct: date | None) -> None:
    for m in tag_dates(text, dct):
        assert m.type in ("DATE", "TIME")
        assert not m.value.endswith("_REF")


@given(
    amount=st.one_of(st.none(), st.integers(min_value=1, max_value=5000), st.sampled_from((0.5, 1.5, 2.5))),
    code=st.sampled_from(("S", "TM", "H", "D", "W", "2W", "M", "Q", "Y", "DE", "CE", "ML")),
)
def test_duration_values_parse(amount: float | None, code: str) -> None:
    value = duration_value(amount, code)
    assert is_duration_value(value), value
    if amount is not None:
        assert _ISO_DURATION.match(value), value
