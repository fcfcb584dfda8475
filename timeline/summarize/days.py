"""Day salience: how strongly a set of articles points at each day.

Each article that names a day (as a day, not a month or year) counts once for it, with its strongest
reference: articles published after the day weigh more the later they are (they refer back to it),
a reference in the article's lead weighs more, one that writes the calendar date ("17 June") more than
a weekday or "yesterday" (a writer dates the events a reader should remember), one by a time of day
("last night", "Monday evening") less (the day of a night-time event depends on the writer's time
zone), and an article that names many days spreads its weight. Every article published on a day
counts for that day too. The weights are data (``summarize.json``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from timeline.dates.lexicon import lexicon
from timeline.resources import load_data


@cache
def settings() -> dict[str, Any]:
    """The summarization settings (weights and thresholds), read once."""
    return load_data("summarize.json")


@dataclass(frozen=True, slots=True)
class DayReference:
    """One article naming one day: ``lead`` when the sentence is near the top of the article."""

    doc: str
    published: date | None
    day: date
    lead: bool = False
    calendar: bool = False
    """The mention writes the day of the month ("7 April", "April 7, 2017"), see ``writes_day_number``."""
    time_of_day: bool = False
    """The mention names the day by a time of it ("last night", "Monday evening", "9pm")."""


def writes_day_number(text: str, day: date) -> bool:
    """Whether a mention's ``text`` holds ``day``'s day of the month as a number of its own."""
    return re.search(rf"(?<!\d)0?{day.day}(?!\d)", text) is not None


@cache
def _zone_pattern() -> re.Pattern[str]:
    zones = "|".join(re.escape(zone) for zone in lexicon().time_zones)
    return re.compile(rf"(?<![A-Za-z])(?:{zones})(?![A-Za-z])")


def names_its_zone(text: str) -> bool:
    """Whether a time of day is written with its zone ("2000 GMT on Tuesday", "9 a.m. EST"): then its day
    is the same for every reader, and it names the day as a weekday or a date would."""
    return _zone_pattern().search(text) is not None


def reference_weight(reference: DayReference) -> float:
    """The weight of one reference before the article's spreading factor (see the module docstring)."""
    config = settings()
    weight = 1.0
    if reference.published is None or reference.published == reference.day:
        weight *= float(config["same_day"])
    elif reference.published > reference.day:
        gap = (reference.published - reference.day).days
        weight *= float(config["later"]) * (1.0 + float(config["later_gap"]) * math.log1p(gap))
    else:
        weight *= float(config["before"])
    if reference.lead:
        weight *= float(config["lead"])
    if reference.time_of_day:
        weight *= float(config["time_of_day"])
    elif reference.calendar:
        weight *= float(config["calendar"])
    return weight


def article_weights(references: Iterable[DayReference]) -> dict[tuple[str, date], float]:
    """Per (article, day): the article's strongest reference to the day, spread over the days it names."""
    best: dict[tuple[str, date], float] = {}
    for reference in references:
        key = (reference.doc, reference.day)
        best[key] = max(best.get(key, 0.0), reference_weight(reference))
    days_per_doc: dict[str, int] = {}
    for doc, _ in best:
        days_per_doc[doc] = days_per_doc.get(doc, 0) + 1
    power = float(settings()["article_days_power"])
    return {key: weight * (1 + days_per_doc[key[0]]) ** power for key, weight in best.items()}


def day_salience(
    references: Iterable[DayReference],
    published: Mapping[str, date | None],
    *,
    date_from: date | None = None,
    date_to: date | None = None,
) -> dict[date, float]:
    """Salience of every day in [date_from, date_to] that an article names or was published on.

    ``published`` maps every article (named or not) to its publication date.
    """

    def inside(day: date) -> bool:
        return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)

    scores: dict[date, float] = {}
    per_published = float(settings()["published"])
    for day in published.values():
        if day is not None and inside(day):
            scores[day] = scores.get(day, 0.0) + per_published
    for (_, day), weight in article_weights(r for r in references if inside(r.day)).items():
        scores[day] = scores.get(day, 0.0) + weight
    return scores


def day_sources(references: Iterable[DayReference], published: Mapping[str, date | None]) -> dict[date, int]:
    """How many distinct articles point at each day: name it, or were published on it."""
    docs: dict[date, set[str]] = {}
    for doc, day in published.items():
        if day is not None:
            docs.setdefault(day, set()).add(doc)
    for reference in references:
        docs.setdefault(reference.day, set()).add(reference.doc)
    return {day: len(names) for day, names in docs.items()}


def top_days(scores: Mapping[date, float], k: int) -> list[date]:
    """The ``k`` most salient days, best first (an earlier day wins a tie)."""
    return sorted(scores, key=lambda day: (-scores[day], day))[: max(0, k)]
