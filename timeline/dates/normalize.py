"""dateparser at work on what the grammar found: written and numeric calendar dates with a year.

The grammar decides *where* a date is and what kind it is; dateparser turns the matched string into a
calendar date (it knows locales, abbreviations and day/month orders). Results are cached per string:
news repeats the same few dates.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import dateparser

_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")
_NOISE = re.compile(r"[،,]|\bthe\b|\bof\b", re.IGNORECASE)
_SETTINGS_BASE = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@lru_cache(maxsize=4096)
def calendar_date(expression: str, date_order: str = "MDY") -> date | None:
    """The date a full written or numeric expression names ("Sept. 17, 1998", "03/02/2019"), or None."""
    cleaned = " ".join(_NOISE.sub(" ", _ORDINAL_SUFFIX.sub("", expression)).split())
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={**_SETTINGS_BASE, "DATE_ORDER": date_order},
    )
    return parsed.date() if parsed else None
