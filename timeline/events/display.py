"""Human-readable dates at the precision the text gives: "Fri 7 Apr 2017", "Summer 2018", "Late 2017"."""

from __future__ import annotations

from datetime import date, timedelta

from timeline.model import Precision

_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
_MODIFIERS = {"START": "Early", "MID": "Mid", "END": "Late"}


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _plain(start: date, precision: Precision, value: str) -> str:
    if precision == "day":
        return f"{start:%a} {start.day} {start:%b %Y}"
    if precision == "week":
        return f"Week of {start.day} {start:%b %Y}"
    if precision == "month":
        return f"{start:%b %Y}"
    if precision == "season":
        code = value[5:7] if len(value) >= 7 else ""
        season = _SEASONS.get(code)
        if season is None:
            season = {12: "Winter", 1: "Winter", 2: "Winter", 3: "Spring", 4: "Spring", 5: "Spring"}.get(
                start.month, "Summer" if start.month in (6, 7, 8) else "Autumn"
            )
        return f"{season} {start.year}"
    if precision == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if precision == "half":
        return f"H{1 if start.month <= 6 else 2} {start.year}"
    if precision == "decade":
        return f"{start.year - start.year % 10}s"
    if precision == "century":
        return f"{_ordinal(start.year // 100 + 1)} century"
    return str(start.year)


def display_date(
    start: date | None,
    end: date | None,
    precision: Precision,
    value: str = "",
    mod: str | None = None,
    time_text: str = "",
) -> str:
    """The date as a reader would say it; an unanchored date shows its own words, never a guess."""
    if start is None:
        return f"Undated ({time_text})" if time_text else "Undated"
    text = _plain(start, precision, value)
    if mod == "SINCE":
        return f"Since {text}"
    if mod in ("BEFORE", "AFTER"):
        return f"{mod.capitalize()} {text}"
    prefix = _MODIFIERS.get(mod or "")
    if prefix and precision not in ("day", "week"):
        return f"{prefix} {text}"
    if end is not None and end != start and precision == "day":
        return f"{text} – {end:%a} {end.day} {end:%b %Y}"
    return text


def display_span(start: date, end: date) -> str:
    """The span an anchored duration covers, each end said as finely as the span's edges need:
    "1980 – 1987", "May 2007 – Apr 2009", "Tue 3 Mar 2015 – Thu 5 Mar 2015"."""
    whole_months = start.day == 1 and (end + timedelta(days=1)).day == 1
    if not whole_months:
        return display_date(start, end, "day")
    if (start.month, end.month) == (1, 12):
        return str(start.year) if start.year == end.year else f"{start.year} – {end.year}"
    return display_range(_plain(start, "month", ""), _plain(end, "month", ""))


def display_range(first: str, last: str) -> str:
    """Two display dates joined as a range, the shared year said once: "Mar – May 2003"."""
    first_year, last_year = first.rsplit(" ", 1)[-1], last.rsplit(" ", 1)[-1]
    if " " in first and first_year == last_year and first_year.isdigit():
        first = first.rsplit(" ", 1)[0]
    return f"{first} – {last}"
