"""Filling in what an expression leaves out: the year of "in November", the day of "Friday".

News anchors at the publication date and lets the tense choose the direction; narrative (history)
anchors at the date last mentioned and moves forward with the story.
"""

from __future__ import annotations

from datetime import date

from timeline.dates import calendar as cal
from timeline.dates.tense import Tense


def year_for_month_day(ref: date, month: int, day: int | None, tense: Tense | None) -> int:
    """The year of a month (and day) named without one, seen from ``ref``."""
    day_in_month = min(day or 1, 28) if day else None
    candidate = date(ref.year, month, day_in_month or 1)
    if tense is not None and _far_against_near(ref, month, day_in_month, tense):
        tense = None  # "extended to Nov. 20" reported in early November: the near reading wins
    if tense == "past":
        # Most recent occurrence not after ref (same month counts as this year).
        if day is None:
            return ref.year if month <= ref.month else ref.year - 1
        return ref.year if candidate <= ref else ref.year - 1
    if tense == "future":
        if day is None:
            return ref.year if month >= ref.month else ref.year + 1
        return ref.year if candidate >= ref else ref.year + 1
    # No cue: the nearest occurrence, within half a year either way.
    months_ahead = (month - ref.month) % 12
    if months_ahead > 6:
        return ref.year if month <= ref.month else ref.year - 1
    return ref.year if month >= ref.month else ref.year + 1


NEAR_DAYS, FAR_DAYS = 45, 300
"""A tense pointing to a month-day FAR_DAYS away gives way when the other occurrence is NEAR_DAYS away:
news dates a day within weeks of publication, and the tense cue is often a reporting verb's."""


def _far_against_near(ref: date, month: int, day: int | None, tense: Tense) -> bool:
    """Whether the tense points FAR_DAYS away while the other occurrence is within NEAR_DAYS.

    A month alone is measured by its nearer edge: "decided to admit them in early March" written on
    10 February means the coming March, not the one eleven months back.
    """
    if not cal.FIRST_YEAR < ref.year < cal.LAST_YEAR:
        return False  # no occurrence on the far side of the calendar's ends to weigh against this one
    if day is None:
        if month == ref.month:
            return False  # the current month is no far occurrence either way
        this_year = date(ref.year, month, 1)
        behind_year = ref.year if this_year < ref else ref.year - 1
        behind = cal.month(behind_year, month).end
        ahead = cal.month(behind_year + 1, month).start
    else:
        this_year = date(ref.year, month, day)
        if this_year <= ref:
            behind, ahead = this_year, date(ref.year + 1, month, day)
        else:
            behind, ahead = date(ref.year - 1, month, day), this_year
    back, forward = (ref - behind).days, (ahead - ref).days
    if tense == "past":
        return back > FAR_DAYS and forward <= NEAR_DAYS
    return forward > FAR_DAYS and back <= NEAR_DAYS


NARRATIVE_WRAP_MONTHS = 9
"""A history that was in November and now says "in February" has moved on to the next year;
one in August that says "in April" is looking back within the same year."""


def year_for_narrative_month(anchor: date, month: int) -> int:
    """History moves forward: a month well before the anchor's month is in the following year."""
    return anchor.year + 1 if anchor.month - month >= NARRATIVE_WRAP_MONTHS else anchor.year


def weekday_date(ref: date, weekday: int, direction: str) -> date:
    """The date of ``weekday`` seen from ``ref``.

    direction: "past" (on or before ref), "future" (on or after), "last" (strictly before: the week
    before), "next" (strictly after).
    """
    delta = (ref.weekday() - weekday) % 7
    if direction == "past":
        return cal.add_days(ref, -delta)
    forward = (weekday - ref.weekday()) % 7
    if direction == "future":
        return cal.add_days(ref, forward)
    if direction == "last":
        return cal.add_days(ref, -(delta or 7))
    return cal.add_days(ref, forward or 7)


def shift_unit(ref: date, unit: str, amount: int) -> cal.Interval:
    """The ``unit``-sized period ``amount`` units away from the one containing ``ref``."""
    if unit == "day":
        return cal.day(cal.add_days(ref, amount))
    if unit == "week":
        return cal.week_of(cal.add_days(ref, 7 * amount, "week"))
    if unit == "month":
        shifted = cal.shift_months(ref, amount)
        return cal.month(shifted.year, shifted.month)
    if unit == "quarter":
        shifted = cal.shift_months(ref, 3 * amount)
        return cal.quarter(shifted.year, (shifted.month - 1) // 3 + 1)
    if unit == "decade":
        return cal.decade(ref.year + 10 * amount)
    if unit == "century":
        return cal.century((ref.year + 100 * amount) // 100 + 1)
    return cal.year(ref.year + amount)


def season_year(ref: date, code: str, tense: Tense | None) -> int:
    """The year of a season named without one ("in the summer"), seen from ``ref``."""
    current = cal.season(ref.year, code)
    if tense == "past" and current.start > ref:
        return ref.year - 1
    if tense == "future" and current.end < ref:
        return ref.year + 1
    return ref.year


def quarter_year(ref: date, q: int, tense: Tense | None) -> int:
    """Financial news reports quarters just ended: the latest quarter ``q`` that has begun by ``ref``."""
    start = cal.quarter(ref.year, q).start
    if tense == "future":
        return ref.year if cal.quarter(ref.year, q).end >= ref else ref.year + 1
    return ref.year if start <= ref else ref.year - 1
