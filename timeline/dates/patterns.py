"""Regular expressions of the date grammar, built from the lexicon's word lists.

Every pattern is linear: alternations of literal words and bounded character classes, no nested
quantifiers, so a 10 MB text scans in linear time. Month and weekday names are case-sensitive (Title or
UPPER case) so that the modal "may", the verb "march" or the pronoun "we" are never read as dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from timeline.dates.first_chars import guarded
from timeline.dates.lexicon import lexicon
from timeline.dates.trigger_words import RULE_ALSO, RULE_TRIGGER


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _cased(words: Iterable[str]) -> list[str]:
    """Title-case and upper-case variants: "march" -> March, MARCH (never the lower-case verb)."""
    return [v for w in words for v in (w.title(), w.upper())]


def _capitalized(phrases: Iterable[str]) -> list[str]:
    """Each word capitalised: "valentine's day" -> Valentine's Day (``str.title`` gives "Valentine'S")."""
    return [" ".join(w[:1].upper() + w[1:] for w in p.split(" ")) for p in phrases]


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    trigger: str
    """The trigger class (see ``triggers()``) whose words every match of this rule contains."""
    also: str | None = None
    """A second class every match contains (a day's or a year's number beside the month): the rule is
    scanned only where windows of both classes meet."""


@cache
def rules() -> tuple[Rule, ...]:
    lx = lexicon()
    full_months = [m for m in lx.months if not any(o != m and o.startswith(m) for o in lx.months)]
    short_months = [m for m in lx.months if m not in full_months]
    month = (
        rf"(?:{_alternation(_cased(full_months))}|(?:{_alternation(_cased(short_months))})\.?)(?![A-Za-z])"
    )
    full_weekdays = [w for w in lx.weekdays if w.endswith("day")]
    short_weekdays = [w for w in lx.weekdays if not w.endswith("day")]
    weekday = (
        rf"(?:{_alternation(_cased(full_weekdays))}|(?:{_alternation(_cased(short_weekdays))})\.)(?![A-Za-z])"
    )
    weekday_prefix = rf"(?:(?P<wd>{weekday})\s*[,،]?\s+)?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d])"
    year = r"(?P<year>(?:1[0-9]|20)\d\d)(?![\d])"
    season = _alternation(_cased(lx.seasons) + list(lx.seasons))
    numbers = _alternation(lx.number_words)
    ordinals = _alternation(lx.ordinal_words)
    decades = _alternation(_cased(lx.decade_words) + list(lx.decade_words))
    day_part = _alternation(lx.day_parts)
    tens = _alternation(lx.spelled_year_tens)
    units_words = "one|two|three|four|five|six|seven|eight|nine"
    units = r"(?P<unit>days?|weeks?|months?|years?|yrs?|decades?|centuries|century)"
    i = "(?i:"  # scoped case-insensitivity for function words
    zones = _alternation(lx.time_zones)  # in capitals: "1400 GMT", "15.16 BST" (a 24-hour clock and its zone)
    # A day written as a word takes "of" ("the fifth of November"), so "the second November running" is no date.
    day_word = rf"(?P<dayword>{i}{ordinals}))\s+{i}of)"
    day_or_word = rf"(?:{day}(?:\s+{i}of))?|{day_word})"

    table: list[tuple[str, str]] = [
        ("iso", r"(?<![\d/.-])(?P<year>\d{4})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?![\d-])"),
        (
            "numeric",
            r"(?<![\d/.,])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<year>\d{4}|\d{2})(?![\d/.]\d)",
        ),
        (
            "day_month_year",
            rf"{weekday_prefix}{i}the\s+)?{day_or_word}\s+(?P<month>{month}),?\s+{year}",
        ),
        (
            "month_day_year",
            rf"{weekday_prefix}(?P<month>{month})\s+{i}the\s+)?{day}(?:\s*,\s*|\s+)(?:{i}of)\s+)?{year}",
        ),
        (
            "day_range_month",
            rf"(?P<day1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:[-–—]|{i}to|and))\s*{day}\s+(?P<month>{month})(?:,?\s+{year})?",
        ),
        (
            "month_day_range",
            rf"(?P<month>{month})\s+(?P<day1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:[-–—]|{i}to|and))\s*{day}(?:,?\s+{year})?",
        ),
        ("day_month", rf"{weekday_prefix}{i}the\s+)?{day}(?:\s+{i}of))?\s+(?P<month>{month})"),
        ("day_word_month", rf"{weekday_prefix}{i}the\s+)?{day_word}\s+(?P<month>{month})"),
        ("month_day", rf"{weekday_prefix}(?P<month>{month})\s+{i}the\s+)?{day}(?!\s*[,:]?\s*\d)"),
        ("month_year", rf"(?P<month>{month}),?\s+(?:{i}of)\s+)?{year}"),
        (
            "month_range_year",
            rf"(?P<month1>{month})\s*(?:[-–—]|{i}to|and))\s*(?P<month>{month}),?\s+(?:{i}of)\s+)?{year}",
        ),
        (
            "month_relative",
            rf"(?P<rel>{i}last|next|this|this\s+past|this\s+coming|past|coming))\s+(?P<month>{month})(?![.\s,]*\d)",
        ),
        (
            "month_rel_year",
            rf"(?P<month>{month})\s+(?:{i}of)\s+)?(?P<rel>{i}last|next|this))\s+{i}year)(?![A-Za-z])",
        ),
        (
            "season_rel_year",
            rf"(?P<season>{season})\s+(?:{i}of)\s+)?(?P<rel>{i}last|next|this))\s+{i}year)(?![A-Za-z])",
        ),
        ("named_day", r"(?<![\d/.])(?<!\d-)(?P<name>\d{1,2}[/.-]\d{1,2})(?![\d%]|[/.-]\d)"),
        (
            "the_weekend",
            rf"{i}(?:at|over|during|across|through|throughout|on)\s+)(?P<we>{i}the\s+weekend))(?![A-Za-z])",
        ),
        ("month", rf"(?P<month>{month})"),
        (
            "year_range",
            rf"(?<![\d,.$£€#/]){year.replace('year>', 'year1>')}\s*[-–—]\s*(?P<year2>(?:1[0-9]|20)?\d\d)(?![\d])",
        ),
        ("year", rf"(?<![\d,.$£€#/])(?<![\d][-–]){year}(?!,\d|\.\d|%|[-–]\d|\d)"),
        (
            "decade",
            rf"{i}the\s+)?(?:(?P<mod>{i}early|mid|late))[\s-]*)?(?P<decade>1\d\d0|20\d0|['’]\d0|(?<!\d)[2-9]0)['’]?s(?![A-Za-z])",
        ),
        (
            "decade_words",
            rf"{i}the\s+)?(?:(?P<mod>{i}early|mid|late))[\s-]*)?(?P<dword>{decades})(?![A-Za-z])",
        ),
        (
            "century",
            rf"{i}the\s+)?(?:(?P<mod>{i}early|mid|late))[\s-]*)?(?:(?P<cnum>\d{{1,2}})(?:st|nd|rd|th)|(?P<cword>{i}{ordinals})))[\s-]+{i}century)(?![A-Za-z])",
        ),
        (
            "season_year",
            rf"{i}(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:the\s+)?)(?P<season>{season})(?:\s+{i}of))?,?\s+{year}",
        ),
        (
            "season_relative",
            rf"(?P<rel>{i}this|last|next|that|the following|the previous|the same|past|coming|early|late))\s+(?P<season>{season})(?![A-Za-z])",
        ),
        ("season", rf"(?P<season>{season})(?![A-Za-z])"),
        (
            "quarter",
            rf"{i}(?:the\s+)?(?:(?P<qrel>latest|last|past|current|previous|same|fiscal|year-ago|year-earlier)\s+)?(?:fiscal\s+)?)(?P<qord>{i}first|second|third|fourth|1st|2nd|3rd|4th|final|last(?=[\s-]+quarter\s+of\s)))[\s-]+{i}quarter)(?![A-Za-z])(?:(?:\s+{i}of)\s+(?:{i}fiscal)\s+)?|,?\s+){year})?",
        ),
        ("quarter_code", rf"(?<![A-Za-z])Q(?P<q>[1-4])\s*[-/ ]?\s*(?:{year}|['’](?P<yy>\d\d))"),
        (
            "quarter_ref",
            rf"{i}the\s+(?:latest|most recent|current|same|year-ago|year-earlier|year-before|comparable|prior-year|previous|last|past)\s+(?:quarter|period)|the\s+quarter)(?![A-Za-z-])",
        ),
        (
            "year_earlier_adj",
            rf"{i}year-(?:earlier|ago))(?=\s+(?:{i}quarter|period|level|levels|figure|figures|results|period's"
            rf"|profit|profits|loss|losses|net|income|earnings|sales|revenue|revenues|results)\b))",
        ),
        (
            "half",
            rf"{i}the\s+)?(?P<half>{i}first|second|1st|2nd|latter|last|final|back|front))\s+{i}half)\s+{i}of)\s+(?:{year}|(?P<hrel>{i}this|last|next|the)\s+year))",
        ),
        ("fiscal", rf"(?:{i}fiscal(?:\s+year)?)\s+|FY\s?){year}"),
        (
            "year_quarter",
            rf"(?:{i}the)\s+)?(?:{year}|(?P<yrel>{i}this|last|next))\s+{i}year)['’]s)\s+"
            rf"(?:(?P<qord>{i}first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+)?(?:{i}fiscal)\s+)?"
            rf"(?P<noun>{i}quarter|period))(?![A-Za-z-])",
        ),
        (
            "day_word",
            rf"(?:(?P<mod>{i}late|early|later|earlier|mid-?afternoon))\s+)?(?P<dword>{i}yesterday|today|tomorrow|tonight))(?:\s+(?P<part>{day_part}))?(?![A-Za-z])",
        ),
        ("day_part_rel", rf"(?P<rel>{i}this|last))\s+(?P<part>{day_part})(?![A-Za-z])"),
        (
            "day_of_that_month",
            rf"{i}the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\s+of\s+(?P<rel>that|the\s+same|this)\s+month)(?![A-Za-z])",
        ),
        (
            "relative_unit",
            rf"(?:(?P<dir>{i}earlier|later))\s+)?(?P<rel>{i}this|last|next|coming|previous|following|current|same|that"
            rf"|the\s+past|past))\s+(?P<unit>{i}week|weekend|month|year|yr|decade|century))(?![A-Za-z])",
        ),
        (
            "the_relative_unit",
            rf"{i}the\s+(?P<rel>previous|following|next|same|prior|preceding|subsequent)\s+)(?P<unit>{i}day|week|weekend|month|year|decade))(?![A-Za-z])",
        ),
        ("day_before_after", rf"{i}the\s+day\s+(?P<dir>before|after))(?!\s+(?:\w+\s+)?\w+ing\b)"),
        (
            "unit_before_after",
            rf"{i}the\s+(?P<unit>week|month|year)\s+(?P<dir>before|after|earlier|later))"
            rf"(?:\s+(?P<far>(?<=before\s)(?i:last)|(?<=after\s)(?i:next))(?![A-Za-z])|(?=\s*(?:[,.;:)]|$)))",
        ),
        (
            "ordinal_week",
            rf"{i}(?:the\s+)?(?P<nth>first|second|third|fourth|last|final)\s+week\s+of)\s+(?P<month>{month})"
            rf"(?:,?\s+{year})?",
        ),
        (
            "that_day",
            rf"(?:{i}earlier|later)\s+)?{i}(?:that|the\s+same)\s+(?:same\s+)?)(?P<unit>{i}day|morning|evening|night|afternoon))(?![A-Za-z])",
        ),
        (
            "ago",
            rf"(?P<num>{i}{numbers})|\d{{1,3}})[\s-]+{i}{units})\s+(?P<dir>{i}ago|earlier|later|before|after|from now|hence|previously|prior))(?![A-Za-z])",
        ),
        (
            "part_of_relative",
            rf"{i}the\s+(?P<part>end|beginning|start|middle|close)\s+of\s+(?:the\s+|this\s+|that\s+)?(?P<rel>last\s+|next\s+|previous\s+|following\s+)?(?P<unit>year|month|week|decade|century))(?![A-Za-z])",
        ),
        ("unit_end", rf"(?P<unit>{i}month|year))['’]s\s+{i}end)(?![A-Za-z])"),
        (
            "in_the_unit",
            rf"(?P<dir>{i}later|earlier|late|early))\s+{i}in\s+the)\s+(?P<unit>{i}year|month|week))(?![A-Za-z])",
        ),
        ("short_year", r"(?<![\w'’])['’](?P<yy>\d\d)(?![\d'’]|s\b)"),
        ("year_end", rf"{i}year[\s-]end)(?![A-Za-z])"),
        (
            "weekday",
            rf"(?:(?:(?P<rel>{i}last|next|this|that|coming|past))|{i}the)\s+(?P<srel>{i}previous|preceding|following)))\s+)?(?P<wd>{weekday})(?P<poss>['’]s)?(?:\s+(?P<part>{day_part})(?![A-Za-z]))?(?![A-Za-z])",
        ),
        (
            "holiday",
            rf"(?:(?P<rel>{i}last|next|this))\s+)?(?P<holiday>{_alternation(_capitalized(lx.holidays))}|{_alternation(k[0].upper() + k[1:] for k in lx.holidays)})(?![A-Za-z])(?:,?\s+{year})?",
        ),
        (
            "spelled_year",
            rf"(?:{i}the\s+year\s+))?(?P<spelled>{i}(?:{tens})[\s-]+(?:hundred|oh[\s-]+(?:{units_words})|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:{units_words}))?|(?:{tens}))|two\s+thousand(?:\s+and\s+(?:{units_words}))?))(?![A-Za-z])",
        ),
        (
            "year_word",
            rf"{i}the\s+(?P<yrel>current\s+fiscal|current|full|fiscal|calendar)\s+year)(?![A-Za-z-])",
        ),
        ("quarter_this", rf"(?P<qrel>{i}this|that|the\s+current))\s+{i}quarter)(?![A-Za-z-])"),
        ("next_day_part", rf"{i}the\s+(?P<rel>next|following|previous)\s+)(?P<part>{day_part})(?![A-Za-z])"),
        (
            "clock_time",
            rf"(?:(?<![\d:.])(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>{i}a\.m\.?|p\.m\.?|am|pm))"
            rf"|(?P<word>{i}noon|midnight|midday))|(?<![\d:.])(?P<phour>1[0-2]|0?[1-9])\s+{i}in\s+the\s+"
            rf"(?:morning|afternoon|evening)|at\s+night)"
            rf"|(?<![\d:.,])(?P<zhour>[01]\d|2[0-3])[.:]?(?P<zminute>[0-5]\d)\s*(?:{zones}))"
            rf"(?![A-Za-z])(?:\s+(?:{zones}|{i}local\s+time))(?![A-Za-z]))?",
        ),
    ]
    return tuple(
        Rule(
            name,
            re.compile(guarded(pattern if name in _MAY_START_OFF_WORD else r"\b" + pattern)),
            RULE_TRIGGER[name],
            RULE_ALSO.get(name),
        )
        for name, pattern in table
    )


_MAY_START_OFF_WORD = frozenset({"short_year", "decade"})
"""Rules whose match may begin with a non-word character ("'90s"); every other match begins a word, and
a leading word boundary lets the regex engine skip the other positions at once (a large speed-up on long
text: most positions are inside words)."""


PART_OF_PERIOD_BEFORE = re.compile(
    r"(?i:(?:\bthe\s+)?(?:(?:\bvery\s+)?\b(?P<early>early|late|mid)[\s-]*"
    r"|\b(?P<of>end|beginning|start|middle|close|first\s+half|second\s+half|latter\s+part)\s+of\s+(?:the\s+)?))$"
)
"""A part-of-period phrase right before a date ("early", "mid-", "the end of"), matched on the text before it."""

SINCE_BEFORE = re.compile(r"(?i:\b(?:since|ever\s+since)\s+)$")
BEFORE_AFTER_BEFORE = re.compile(
    r"(?i:\b(?:(?:long|well|shortly|just|soon|not\s+long|even|years|decades|centuries)\s+)?(?P<dir>before|after)\s+(?:the\s+)?)$"
)
"""A date right after "before" / "long before" / "after (the)": the event lies before (after) it (TIMEX3 mod)."""
RANGE_JOINER = re.compile(r"^\s*(?:[-–—/]|(?i:to|through|until|till|and))\s*$")
RANGE_OPENER = re.compile(r"(?i:\b(?:from|between)\s+)$")
