"""Property tests: the date tagger never raises, and whatever it returns is well-formed.

Noisy, machine-paraphrased articles reach the tagger, so it is fed arbitrary unicode and, more usefully,
text assembled from date-ish tokens (months, weekdays, numbers, ordinals, "ago", "last", punctuation)
where half-matches and odd combinations are most likely to break a rule.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.dates import tag_dates
from timeline.dates.lexicon import lexicon
from timeline.model import PRECISION_ORDER, Mode, TimeMention

DATE_WORDS_TEXT = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri Sat Sun "
    "spring summer autumn fall winter quarter half decade century 1980s '90s mid-2000s "
    "day days week weeks month months year years ago last next this past coming previous following "
    "earlier later since until from to between and of the on in at by early mid late end beginning "
    "today yesterday tomorrow tonight now may we a an first 1st 2nd 3rd 4th 21st 22nd 23rd 31st "
    "fiscal Q1 Q4 H1 BC AD CE GMT pm am noon"
)
DATE_WORDS = tuple(DATE_WORDS_TEXT.split())
NUMBERS = (
    "0",
    "1",
    "3",
    "7",
    "12",
    "13",
    "29",
    "30",
    "31",
    "32",
    "99",
    "200",
    "1441",
    "1979",
    "2003",
    "2017",
)
PUNCTUATION = (",", ".", "-", "–", "—", "/", ":", "'", "’", "(", ")", "\n", "  ", "،", "…", "\u200b")
UNICODE_BITS = ("é", "ß", "ø", "Ⅻ", "٣", "二〇一七年", "😀", "\ufeff", "İ", "ﬁ", "Σ")

TOKEN = st.one_of(
    st.sampled_from(DATE_WORDS),
    st.sampled_from(DATE_WORDS).map(str.lower),
    st.sampled_from(DATE_WORDS).map(str.upper),
    st.sampled_from(NUMBERS),
    st.integers(min_value=0, max_value=3000).map(str),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(UNICODE_BITS),
)
SEPARATOR = st.sampled_from((" ", " ", " ", "", ", ", "-", "/", ". ", "\n"))
DATEISH_TEXT = st.lists(st.tuples(TOKEN, SEPARATOR), max_size=40).map(
    lambda pairs: "".join(token + separator for token, separator in pairs)
)
MONTH = st.sampled_from(DATE_WORDS[:24])
WEEKDAY = st.sampled_from(DATE_WORDS[24:38])
UNIT = st.sampled_from(("day", "days", "week", "weeks", "month", "months", "year", "years", "decade"))
DAY = st.integers(min_value=0, max_value=40)
YEAR = st.integers(min_value=0, max_value=2200)
# Whole phrases the tagger has rules for, with out-of-range numbers mixed in, so rules fire and resolve.
DATE_PHRASE = st.one_of(
    st.builds("{} {}, {}".format, MONTH, DAY, YEAR),
    st.builds("{} {} {}".format, DAY, MONTH, YEAR),
    st.builds("the {}th of {} {}".format, DAY, MONTH, YEAR),
    st.builds("on {}".format, WEEKDAY),
    st.builds("{} {} ago".format, DAY, UNIT),
    st.builds("last {}".format, UNIT),
    st.builds("next {}".format, UNIT),
    st.builds("{} later".format, st.builds("{} {}".format, DAY, UNIT)),
    st.builds("the {}s".format, YEAR),
    st.builds("between {} and {} {}".format, MONTH, MONTH, YEAR),
    st.builds("from {} to {}".format, YEAR, YEAR),
    st.builds("since {} {}".format, MONTH, YEAR),
    st.builds("{} {}".format, st.sampled_from(("early", "mid", "late", "the end of", "the summer of")), YEAR),
    st.builds("Q{} {}".format, DAY, YEAR),
    st.builds("{}/{}/{}".format, DAY, DAY, YEAR),
    st.builds("{}-{:02d}-{:02d}".format, YEAR, DAY, DAY),
    st.builds(
        "{} {} {}".format,
        st.integers(min_value=0, max_value=999),
        st.sampled_from(("centuries", "century", "decades", "years", "months", "weeks", "days")),
        st.sampled_from(("ago", "later", "earlier", "from now", "before.")),
    ),
    # The corpus idioms: day names, counts, schedules, weekends, a month of a relative year, signals.
    st.builds("after {}/{} attacks".format, DAY, DAY),
    st.builds("{} {} year".format, MONTH, st.sampled_from(("last", "next", "this", "of last"))),
    st.builds("{} the weekend".format, st.sampled_from(("at", "over", "during", "on"))),
    st.builds(
        "{} {} {}".format,
        st.sampled_from(("some", "about", "tens of", "nearly", "and", "in")),
        YEAR,
        st.sampled_from(("troops", "bases", "1000s", "years ago", "s", "Newsnight")),
    ),
    st.builds("{}\n{} News\n".format, YEAR, YEAR),
    st.builds("{} {}".format, st.sampled_from(("long before", "after", "the next day", "the")), WEEKDAY),
)
PHRASE_TEXT = st.lists(st.one_of(DATE_PHRASE, TOKEN), min_size=1, max_size=12).map(" ".join)
ANY_TEXT = st.text(max_size=300)
DCT = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
MODE = st.sampled_from(("news", "narrative"))


def _lexicon_words() -> tuple[str, ...]:
    """Every word and phrase the tagger's lexicon knows, so the fuzz reaches every rule's vocabulary."""
    lx = lexicon()
    keyed = (lx.months, lx.weekdays, lx.seasons, lx.number_words, lx.ordinal_words, lx.decade_words)
    more = (lx.units, lx.part_of_period, lx.holidays, lx.spelled_year_tens)
    listed = (lx.day_parts, lx.strong_future_cues, lx.past_cues, lx.deadline_prepositions, lx.anchoring_words)
    words = {w for table in (*keyed, *more) for w in table} | {w for group in listed for w in group}
    return tuple(sorted(words | set(DATE_WORDS)))


LEXICON_WORDS = _lexicon_words()
ODD_CASE_LETTERS = "ıİſK"
"""Letters Python's case-insensitive matching takes for i, I, s and k: they match the grammar, and the
matched word must still be read (folded) as the lexicon word it stands for."""
LOOKALIKES = ("Ｍａｙ", "𝐌𝐚𝐲", "٢٠١٧", "２０１９", "\u00a0", "\u2009", "²", "½", "ǅ", "ẞ", "µ", "ﬀ", "ΐ")


def _respelled(word: str, how: int, position: int, letter: str) -> str:
    """``word`` upper-cased, title-cased, or with one letter replaced by an odd-case or foreign letter."""
    if how == 0:
        return word.upper()
    if how == 1:
        return word.title()
    if how == 2:
        return word.replace("i", "ı").replace("s", "ſ").replace("I", "İ").replace("k", "K")
    if how == 3 and word:
        i = position % len(word)
        return word[:i] + letter + word[i + 1 :]
    return word


UNICODE_LETTER = st.characters(categories=["L"])
LEXICON_TOKEN = st.builds(
    _respelled,
    st.sampled_from(LEXICON_WORDS),
    st.integers(min_value=0, max_value=6),
    st.integers(min_value=0, max_value=30),
    st.one_of(st.sampled_from(ODD_CASE_LETTERS), UNICODE_LETTER),
)
BROAD_TOKEN = st.one_of(
    LEXICON_TOKEN,
    LEXICON_TOKEN,
    LEXICON_TOKEN,
    st.integers(min_value=0, max_value=200_000).map(str),
    st.sampled_from(NUMBERS),
    st.text(alphabet=st.characters(categories=("L", "M")), min_size=1, max_size=6),
    st.text(alphabet=st.characters(categories=("Nd", "No")), min_size=1, max_size=5),
    st.sampled_from(PUNCTUATION),
    st.characters(categories=("P", "S", "Zs")),
    st.sampled_from(LOOKALIKES),
)
BROAD_TEXT = st.lists(st.tuples(BROAD_TOKEN, SEPARATOR), min_size=1, max_size=24).map(
    lambda pairs: "".join(token + separator for token, separator in pairs)
)
EXTREME_DCT = st.one_of(
    st.none(),
    st.sampled_from(
        (date.min, date(1, 1, 2), date(1, 12, 31), date(9999, 1, 1), date(9999, 12, 25), date.max)
    ),
    st.dates(),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
)
FUZZ_SETTINGS = settings(
    max_examples=20_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
"""The wide fuzz: 20,000 examples each run (about 40 s on one core), the same ones every run."""

PROPERTY_SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def assert_well_formed(text: str, mentions: list[TimeMention]) -> None:
    """Every span lies in the text and quotes it; spans are sorted and disjoint; dates are coherent."""
    previous_end = 0
    for mention in mentions:
        start, end = mention.span
        assert 0 <= start < end <= len(text), mention
        assert text[start:end] == mention.text, mention
        assert start >= previous_end, f"overlapping or unsorted spans: {mentions}"
        previous_end = end
        assert mention.value, mention
        assert mention.precision in PRECISION_ORDER, mention
        if mention.anchored:
            assert mention.start is not None and mention.end is not None, mention
            assert mention.start <= mention.end, mention
        else:
            assert mention.start is None and mention.end is None, mention


@PROPERTY_SETTINGS
@given(text=DATEISH_TEXT, dct=DCT, mode=MODE)
def test_dateish_text_never_raises_and_spans_are_valid(text: str, dct: date | None, mode: Mode) -> None:
    assert_well_formed(text, tag_dates(text, dct, mode))


@PROPERTY_SETTINGS
@given(text=PHRASE_TEXT, dct=DCT, mode=MODE)
def test_date_phrases_never_raise_and_spans_are_valid(text: str, dct: date | None, mode: Mode) -> None:
    assert_well_formed(text, tag_dates(text, dct, mode))


@PROPERTY_SETTINGS
@given(text=ANY_TEXT, dct=DCT, mode=MODE)
def test_arbitrary_unicode_never_raises_and_spans_are_valid(text: str, dct: date | None, mode: Mode) -> None:
    assert_well_formed(text, tag_dates(text, dct, mode))


@FUZZ_SETTINGS
@given(text=BROAD_TEXT, dct=EXTREME_DCT, mode=MODE, all_types=st.booleans())
def test_broad_fuzz_never_raises_and_spans_stay_in_the_text(
    text: str, dct: date | None, mode: Mode, all_types: bool
) -> None:
    """Lexicon words (re-cased, with odd-case or foreign letters), Unicode letters and digits of any
    script, punctuation and symbols, against publication dates up to the calendar's ends, with and
    without every TIMEX3 type."""
    assert_well_formed(text, tag_dates(text, dct, mode, all_types=all_types))


@PROPERTY_SETTINGS
@given(text=PHRASE_TEXT, dct=EXTREME_DCT, mode=MODE)
def test_date_phrases_at_the_calendars_ends_never_raise(text: str, dct: date | None, mode: Mode) -> None:
    """Rules that fire, anchored on 0001-01-01 or 9999-12-31: periods past the ends are kept undrawn."""
    assert_well_formed(text, tag_dates(text, dct, mode))


@pytest.mark.parametrize("mode", ["news", "narrative"])
@pytest.mark.parametrize("dct", [None, date(2017, 4, 8)])
@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n",
        "May",
        "we may",
        "a 3rd",
        "2,500 troops",
        "last last last week ago ago",
        "31 February 2017",
        "the 0th of Octember, 99999",
        "From 2011 to 2003, between May and March.",
        "Friday's strikes; on Saturday; Tuesday welcomed",
        "\ufeffJanuary\u200b 1, 2017",
    ],
)
def test_edge_inputs_are_well_formed(text: str, dct: date | None, mode: Mode) -> None:
    """Fixed awkward inputs, kept as a table so a regression names the input that broke."""
    assert_well_formed(text, tag_dates(text, dct, mode))
