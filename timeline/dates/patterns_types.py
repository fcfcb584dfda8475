"""The grammar of the TIMEX3 types beyond calendar dates: durations, sets and reference words.

Built from ``timeline/data/dates_types.json`` and the date lexicon. The tagger scans these rules only
when asked for every type (``tag_dates(..., all_types=True)``), and, like the date rules, only near
their trigger words. Every pattern is linear (alternations of literal words, bounded classes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from timeline.dates.first_chars import guarded
from timeline.dates.lexicon import lexicon
from timeline.dates.patterns import Rule
from timeline.dates.tries import trie
from timeline.dates.trigger_words import triggers
from timeline.resources import load_data


def _alternation(words: Iterable[str]) -> str:
    return trie(words, space=r"\s+")  # the alternation longest first, as a trie: same matches, faster


@dataclass(frozen=True)
class TypesData:
    units: dict[str, str]
    vague: frozenset[str]
    amounts: dict[str, float]
    lead_mods: dict[str, str | None]
    rel_words: tuple[str, ...]
    fillers: tuple[str, ...]
    set_adverbs: dict[str, str]
    set_adverb_not_before: frozenset[str]
    day_part_codes: dict[str, str]
    references: dict[str, str]
    reference_not_before: frozenset[str]
    named_titles_before: frozenset[str]
    clock_word_not_after: frozenset[str]
    clock_word_not_before: frozenset[str]


@cache
def types_data() -> TypesData:
    raw: dict[str, Any] = load_data("dates_types.json")
    amounts: dict[str, float] = {w: float(n) for w, n in lexicon().number_words.items()}
    amounts.update({w: float(n) for w, n in raw["extra_amounts"].items()})
    return TypesData(
        units=raw["duration_units"],
        vague=frozenset(raw["vague_amounts"]),
        amounts=amounts,
        lead_mods=raw["duration_lead_mods"],
        rel_words=tuple(raw["duration_rel_words"]),
        fillers=tuple(raw["duration_noun_fillers"]),
        set_adverbs=raw["set_adverbs"],
        set_adverb_not_before=frozenset(raw["set_adverb_not_before"]),
        day_part_codes=raw["day_part_codes"],
        references=raw["reference_words"],
        reference_not_before=frozenset(raw["reference_not_before"]),
        named_titles_before=frozenset(raw["named_titles_before"]),
        clock_word_not_after=frozenset(raw["clock_word_not_after"]),
        clock_word_not_before=frozenset(raw["clock_word_not_before"]),
    )


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS_1_9 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def amount_pattern() -> str:
    """A number as durations write it: 3, 2.5, 2 1/2, twenty-four, a few, several, a couple of."""
    data = types_data()
    spelled = rf"(?:{'|'.join(_TENS)})[\s-](?:{'|'.join(_UNITS_1_9)})"
    words = _alternation([*data.amounts, *data.vague])
    return (
        rf"(?:\d{{1,4}}(?:\.\d+)?(?:\s+1/2)?|{spelled}|{words})"
        rf"(?:\s+(?:and\s+a\s+half))?"
    )


@cache
def type_rules() -> tuple[Rule, ...]:
    data = types_data()
    i = "(?i:"
    amount = amount_pattern()
    unit = _alternation(data.units)
    rel = _alternation(data.rel_words)
    filler = _alternation(data.fillers)
    weekdays = _alternation(w.title() for w in lexicon().weekdays if w.endswith("day"))
    months = _alternation(m.title() for m in lexicon().months if len(m) > 3 or m == "may")
    day_parts = _alternation(p for p in data.day_part_codes if p.isalpha() and p not in ("tonight",))
    refs = _alternation(data.references)
    table: list[tuple[str, str, str]] = [
        (
            "duration",
            rf"(?<![A-Za-z0-9-]){i}(?:(?P<det>the|its|their|his|her|our|this|these|those|a)\s+)?"
            rf"(?:(?P<rel>{rel})\s+)?"
            rf"(?P<core>(?P<num>{amount})(?:\s*(?:to|-|–|or)\s*(?P<num2>{amount}))?"
            rf"(?:\s+(?:{filler}))?(?P<sep>[\s-]+)(?P<unit>{unit})(?P<half>\s+and\s+a\s+half)?"
            r"(?P<tail>-long|-old|\s+or\s+so)?))"
            r"(?![A-Za-z]|[-‐][A-Za-z])",
            "type:unit",
        ),
        (
            "duration_vague",
            rf"(?<![A-Za-z-]){i}(?:(?P<det>the)\s+)?(?P<rel>recent|coming|past|last|next|ensuing|intervening|early|final|first)\s+"
            rf"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries|quarters))(?![A-Za-z])"
            # "the early hours of Thursday": a part of that day, which is the date; no duration of its own
            r"(?!(?<=hours)\s+of\s+(?:[A-Z0-9]|(?:the|that)\s+(?:day|morning|night|evening)\b))",
            "type:unit",
        ),
        (
            "duration_ahead",
            r"(?<![A-Za-z])(?:[Tt]he\s+)(?P<unit>(?i:days|weeks|months|years|decades))"
            r"(?:\s+(?:ahead(?!\s+of\b)|to\s+come)|(?=\s+that\s+followed\b))(?![A-Za-z])",
            "type:unit",
        ),
        (
            "duration_over_the",  # "over the years": an unspecified stretch of them
            r"(?<=\b[Oo]ver\s)[Tt]he\s+(?P<unit>(?i:years|decades))(?![A-Za-z'’-])(?!\s+(?:of|before|after|since|between|to)\b)",
            "type:unit",
        ),
        (
            "duration_decade",
            r"(?<![A-Za-z])(?:[Tt]he\s+)(?:past|last|next|coming|previous|preceding)\s+(?P<unit>decade|century)(?![A-Za-z])",
            "type:unit",
        ),
        (
            "duration_fiscal_year",
            r"(?<![A-Za-z])(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?P<unit>year)(?=\s+(?:ended|ending|to|through)\s)",
            "type:unit",
        ),
        (
            "the_year",
            r"(?<![A-Za-z])[Tt]he\s+year(?![A-Za-z'’-])"
            r"(?!\s+(?:ended|ending|to|through|before|after|earlier|later|ago|two|nineteen|twenty|one)\b)",
            "type:unit",
        ),
        (
            "duration_bare",
            r"(?:(?<=\b[Ff]or\s)|(?<=\b[Oo]ver\s)|(?<=\b[Ww]ithin\s)|(?<=\b[Ii]n\s))"
            r"(?P<unit>(?i:seconds|minutes|hours|days|weeks|months|years|decades|centuries))"
            r"(?:\s+or\s+(?i:minutes|hours|days|weeks|months|years|decades))?"
            r"(?![A-Za-z-])(?!\s+(?:ago|earlier|later|before|after|of)\b)",
            "type:unit",
        ),
        (
            "duration_long",
            r"(?<![A-Za-z-])(?P<unit>(?i:minute|hour|day|week|month|year|decade|century|"
            r"minutes|hours|days|weeks|months|years|decades|centuries))-long(?![A-Za-z-])",
            "type:unit",
        ),
        (
            "set_adverb",
            rf"(?<![A-Za-z-])(?P<adverb>{i}{_alternation(data.set_adverbs)}))(?![A-Za-z-])",
            "type:set",
        ),
        (
            "set_every",
            rf"(?<![A-Za-z-])(?P<q>{i}every|each))\s+(?:(?P<num>{amount})\s+)?(?:(?P<other>{i}other))\s+)?"
            rf"(?:(?P<unit>{i}{unit}))|(?P<wd>{weekdays})|(?P<month>{months})|(?P<part>{i}{day_parts})))"
            r"(?![A-Za-z])",
            "type:set",
        ),
        (
            "set_rate",
            rf"(?<![A-Za-z-])(?:(?P<rate>{i}once|twice|thrice|(?:\d{{1,3}}|{_alternation(lexicon().number_words)})\s+times))\s+"
            rf"(?P<per>{i}a|an|per|each|every))|(?P<bare>{i}per)))\s+"
            rf"(?P<unit>{i}second|minute|hour|day|night|week|month|quarter|year))(?![A-Za-z])",
            "type:set",
        ),
        (
            "set_weekday_plural",
            rf"(?<![A-Za-z])(?P<wd>{weekdays})s(?:\s+(?P<part>{i}{day_parts})))?(?![A-Za-z])",
            "type:set",
        ),
        (
            "reference",
            rf"(?<![A-Za-z-])(?P<ref>{i}{refs}))(?![A-Za-z-])",
            "type:reference",
        ),
    ]
    # guarded(): the same matches, found faster (see timeline.dates.first_chars)
    return tuple(Rule(name, re.compile(guarded(pattern)), trigger) for name, pattern, trigger in table)


@cache
def all_trigger_classes() -> dict[str, tuple[str, ...]]:
    """The date rules' trigger words and classes (``trigger_words.triggers()``) with those of ``type_rules()``
    (classes named ``type:...``): the tagger finds both in one pass over the text."""
    data = types_data()
    classes: dict[str, list[str]] = {word: list(names) for word, names in triggers().classes.items()}

    def add(name: str, words: Iterable[str]) -> None:
        for word in words:
            for part in re.findall(r"[a-z]+", word.lower()):
                if name not in classes.setdefault(part, []):
                    classes[part].append(name)

    add("type:unit", data.units)
    add("type:set", [*data.set_adverbs, "every", "each", "per", "once", "twice", "thrice", "times"])
    add("type:set", [f"{w}s" for w in lexicon().weekdays if w.endswith("day")])
    add("type:reference", [w.split()[-1] for w in data.references])
    return {word: tuple(names) for word, names in classes.items()}
