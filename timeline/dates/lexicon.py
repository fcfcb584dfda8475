"""The tagger's word lists, loaded once from ``timeline/data/dates_lexicon.json`` (read-only data)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from timeline.resources import load_data


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    number_words: dict[str, int]
    ordinal_words: dict[str, int]
    decade_words: dict[str, int]
    units: dict[str, str]
    part_of_period: dict[str, str]
    day_parts: tuple[str, ...]
    strong_future_cues: frozenset[str]
    past_cues: frozenset[str]
    not_past_ed_words: frozenset[str]
    year_blockers_before: frozenset[str]
    year_blockers_after: frozenset[str]
    generic_today_before: frozenset[str]
    holidays: dict[str, dict[str, Any]]
    spelled_year_tens: dict[str, int]
    deadline_prepositions: frozenset[str]
    anchoring_words: frozenset[str]
    season_cues: frozenset[str]
    season_not_before: frozenset[str]
    month_event_nouns: frozenset[str]
    time_zones: tuple[str, ...]
    """Time-zone abbreviations, in capitals: "1400 GMT" is a clock time."""


@cache
def lexicon() -> Lexicon:
    raw = load_data("dates_lexicon.json")
    return Lexicon(
        months=raw["months"],
        weekdays=raw["weekdays"],
        seasons=raw["seasons"],
        number_words=raw["number_words"],
        ordinal_words=raw["ordinal_words"],
        decade_words=raw["decade_words"],
        units=raw["units"],
        part_of_period=raw["part_of_period"],
        day_parts=tuple(raw["day_parts"]),
        strong_future_cues=frozenset(raw["strong_future_cues"]),
        past_cues=frozenset(raw["past_cues"]),
        not_past_ed_words=frozenset(raw["not_past_ed_words"]),
        year_blockers_before=frozenset(raw["year_blockers_before"]),
        year_blockers_after=frozenset(raw["year_blockers_after"]),
        generic_today_before=frozenset(raw["generic_today_before"]),
        holidays=raw["holidays"],
        spelled_year_tens=raw["spelled_year_tens"],
        deadline_prepositions=frozenset(raw["deadline_prepositions"]),
        anchoring_words=frozenset(raw["anchoring_words"]),
        season_cues=frozenset(raw["season_cues"]),
        season_not_before=frozenset(raw["season_not_before"]),
        month_event_nouns=frozenset(raw["month_event_nouns"]),
        time_zones=tuple(raw["time_zones"]),
    )
