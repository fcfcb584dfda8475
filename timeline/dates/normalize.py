"""dateparser at work on what the grammar found: numeric calendar dates ("03/02/2019", "3.2.19").

The grammar decides *where* a date is and what kind it is. Where it has read the parts itself (a month
name, a day, a year) it combines them directly; a numeric date needs an order of day and month, two-digit
years and separators resolved, which is dateparser's job. dateparser is imported on first use, as its
start-up (about a quarter of a second) would otherwise weigh on every run of the command-line tools;
results are cached per string, as news repeats the same few dates.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

_SETTINGS_BASE = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@lru_cache(maxsize=4096)
def calendar_date(expression: str, date_order: str = "MDY") -> date | None:
    """The date a numeric expression names ("03/02/2019" in ``date_order``), or None."""
    import dateparser  # deferred: see the module docstring

    parsed = dateparser.parse(
        expression,
        languages=["en"],
        settings={**_SETTINGS_BASE, "DATE_ORDER": date_order},
    )
    return parsed.date() if parsed else None
