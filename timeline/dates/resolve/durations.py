"""Durations: "three years", "the past two months", "a 16-hour day", "recent weeks" -> TIMEX3 ``P3Y``,
``P2M``, ``PT16H``, ``PXW``; and the interval a duration covers when the text anchors it ("the
eight-year occupation that began in 2003" -> 2003-01-01 .. 2010-12-31)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from timeline.dates import calendar as cal
from timeline.dates.patterns_types import types_data
from timeline.dates.resolve.context import Context, Piece, handler
from timeline.model import Precision, TimeMention

_PRECISION: dict[str, Precision] = {
    "S": "day",
    "TM": "day",
    "H": "day",
    "D": "day",
    "W": "week",
    "2W": "week",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
    "ML": "century",
}

_SPELLED = re.compile(r"(?i)^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+(\w+)$")


def amount_of(raw: str) -> float | None:
    """The number an amount spells, or None when it is vague ("several", "a few")."""
    data = types_data()
    words = " ".join(raw.lower().split())
    half = 0.0
    if words.endswith(" and a half"):
        words, half = words[: -len(" and a half")], 0.5
    if words.endswith(" 1/2"):
        words, half = words[:-4], 0.5
    if words in data.vague:
        return None
    try:
        return float(words) + half
    except ValueError:
        pass
    m = _SPELLED.match(words)
    if m:
        tens, ones = data.amounts.get(m.group(1)), data.amounts.get(m.group(2))
        if tens is not None and ones is not None:
            return tens + ones + half
    number = data.amounts.get(words)
    return None if number is None else number + half


def _number(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


_IN_SMALLER_UNITS: dict[str, tuple[int, str]] = {
    "DE": (10, "Y"),
    "CE": (100, "Y"),
    "ML": (1000, "Y"),
    "Q": (3, "M"),
}


def duration_value(amount: float | None, code: str) -> str:
    """The TIMEX3 value of ``amount`` units of ``code`` (see dates_types.json); X when vague."""
    if code == "2W":
        amount, code = (None if amount is None else 2 * amount), "W"
    if amount is None:
        # "for decades": as "two decades" is P20Y, an unknown number of decades is PXY (years).
        code = _IN_SMALLER_UNITS[code][1] if code in ("DE", "CE", "ML") else code
        return {"S": "PTXS", "TM": "PTXM", "H": "PTXH"}.get(code, f"PX{code}")
    whole, frac = int(amount), amount - int(amount)
    if frac:
        smaller = {"Y": (12, "M"), "H": (60, "M"), "D": (24, "H"), "TM": (60, "S")}.get(code)
        if smaller is not None:
            factor, small = smaller
            rest = _number(frac * factor) + small
            if code in ("H", "TM"):
                return f"PT{whole}{'H' if code == 'H' else 'M'}{rest}" if whole else f"PT{rest}"
            if code == "D":
                return f"P{whole}DT{rest}" if whole else f"PT{rest}"
            return f"P{whole}Y{rest}" if whole else f"P{rest}"
    if code in _IN_SMALLER_UNITS:
        # ISO 8601 has no decades, centuries or quarters: "two decades" is P20Y, "three quarters" P9M.
        factor, code = _IN_SMALLER_UNITS[code]
        amount *= factor
    text = _number(amount)
    if code in ("S", "TM", "H"):
        return f"PT{text}{'M' if code == 'TM' else code}"
    return f"P{text}{code}"


def _unit_code(word: str) -> str:
    return types_data().units[" ".join(word.lower().split())]


_ADJECTIVE_NEXT = re.compile(
    r"\s+(?!(?:of|ago|and|or|to|in|on|at|for|from|before|after|later|earlier)\b)[A-Za-z]"
)


def _core_start(m: re.Match[str], text: str, amount: float | None) -> int:
    """A duration modifying a noun leaves the determiner outside: hyphenated ("the eight-year war", "a
    27-year Reuters veteran") or a plural number before a singular unit ("a five year plan")."""
    compound = "-" in (m["sep"] or "") or (
        amount is not None and amount > 1 and not m["unit"].lower().endswith("s")
    )
    if m["det"] and compound and _ADJECTIVE_NEXT.match(text, m.end()):
        return m.start("rel") if m["rel"] else m.start("core")
    return m.start()


_AMOUNT_WORDS = frozenset(
    {"hundred", "thousand", "million", "billion", "trillion", "percent", "cents", "dollars"}
)
_YEARLIKE = re.compile(r"^(?:1[0-9]|20)\d\d$")
_OLD_AFTER = re.compile(r"[\s-]+old\b", re.IGNORECASE)
_NOT_RATE_BEFORE = frozenset(
    {"was", "is", "has", "this", "its", "his", "as", "less", "plus", "lasts", "takes"}
)


def _is_age(m: re.Match[str], text: str) -> bool:
    """ "a 6-year-old", "52 years old": an age, not a length of time."""
    return (m["tail"] or "").lower() == "-old" or _OLD_AFTER.match(text, m.end()) is not None


def _is_fraction(m: re.Match[str], text: str) -> bool:
    """ "three-quarters of the vote", "more than a quarter of the market": a share."""
    if not m["unit"].lower().startswith("quarter"):
        return False
    return "-" in m["sep"] or re.match(r"\s+of\b", text[m.end() : m.end() + 4]) is not None


def _is_rate(m: re.Match[str], text: str) -> bool:
    """ "$1.76 a year", "four flights a week": a rate (the set rules read "twice a week")."""
    if m["num"].lower() not in ("a", "an") or m["det"] or m["rel"]:
        return False
    before = re.search(r"(\S+)\s+$", text[max(0, m.start() - 30) : m.start()])
    if before is None:
        return False
    word = before.group(1).lower()
    if word in _AMOUNT_WORDS or word.endswith("%"):
        return True  # "$500 million a year", "5% a year"
    return any(c.isdigit() for c in word) or (word.endswith("s") and word not in _NOT_RATE_BEFORE)


@handler("duration")
def _duration(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    code = _unit_code(m["unit"])
    amount = None if m["num2"] else amount_of(m["num"])
    if amount is not None and m["half"]:
        amount += 0.5  # "a year and a half", "an hour and a half"
    if amount is not None and not 0 < amount < 100000:
        return None
    raw_num = m["num"].lower()
    if raw_num in ("a", "an") and m["unit"].lower().endswith("s"):
        return None  # "a days" is not English; "a" belongs to something else
    if raw_num in ("a", "an", "one") and m["unit"].lower() == "second":
        return None  # "a second group", "one second thought": an ordinal far more often than a length
    if _YEARLIKE.match(m["num"]) and not m["unit"].lower().endswith("s"):
        return None  # "the 1988 second quarter": a year, then an ordinal
    if _is_age(m, ctx.text) or _is_fraction(m, ctx.text):
        return None
    if _is_rate(m, ctx.text):
        # "$1 billion a year", "four flights a week": a rate, TimeML's SET ("a year", P1Y).
        value = duration_value(1, code)
        return [Piece(m.start(), m.end(), None, _PRECISION[code], kind="SET", value=value)]
    value = duration_value(amount, code)
    start = _core_start(m, ctx.text, amount)
    return [Piece(start, m.end(), None, _PRECISION[code], kind="DURATION", value=value)]


@handler("duration_bare")
def _duration_bare(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    """ "for years", "over months": an unspecified number of units."""
    code = _unit_code(m["unit"])
    value = duration_value(None, code)
    return [Piece(m.start(), m.end(), None, _PRECISION[code], kind="DURATION", value=value)]


@handler("duration_decade")
def _duration_decade(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    """ "the past decade": the last ten years, not a calendar decade."""
    code = _unit_code(m["unit"])
    return [Piece(m.start(), m.end(), None, _PRECISION[code], kind="DURATION", value=duration_value(1, code))]


@handler("duration_fiscal_year")
def _duration_fiscal_year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    """ "in the year ended March 31": a twelve-month period, read by its end."""
    return [Piece(m.start(), m.end(), None, "year", kind="DURATION", value="P1Y")]


@handler("duration_long")
def _duration_long(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    """ "a day-long meeting" lasts a day; "a decades-long conflict" an unspecified number of decades."""
    word = m["unit"].lower()
    code = _unit_code(word)
    value = duration_value(None if word.endswith("s") else 1, code)
    return [Piece(m.start(), m.end(), None, _PRECISION[code], kind="DURATION", value=value)]


@handler("duration_ahead")
@handler("duration_over_the")
@handler("duration_vague")
def _duration_vague(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    code = _unit_code(m["unit"])
    return [
        Piece(m.start(), m.end(), None, _PRECISION[code], kind="DURATION", value=duration_value(None, code))
    ]


_VALUE = re.compile(r"^P(?:(\d+(?:\.\d+)?)(Y|M|W|D|Q|DE|CE|ML))?(?:T(?:(\d+(?:\.\d+)?)([HMS]))?)?$")

_BEGAN = re.compile(
    r"^(?:\s+[A-Za-z-]+){0,3}?\s*,?\s*(?:(?:that|which|who)\s+)?(?:has\s+|had\s+)?"
    r"(?:(?P<from>began|begun|started|beginning|starting|from|since|dating\s+from)"
    r"|(?P<to>ended|ending|until|till|through))\s+(?:(?:in|on|at)\s+)?$",
    re.IGNORECASE,
)


def _length(value: str) -> tuple[int, str] | None:
    m = _VALUE.match(value)
    if m is None or m.group(1) is None or "." in m.group(1) or m.group(3):
        return None
    return int(m.group(1)), m.group(2)


def _shift(d: date, amount: int, code: str) -> date | None:
    months = {"Y": 12, "M": 1, "Q": 3, "DE": 120, "CE": 1200}.get(code)
    try:
        if months is not None:
            return cal.shift_months(d, amount * months)
        if code == "W":
            return d + timedelta(weeks=amount)
        if code == "D":
            return d + timedelta(days=amount)
    except (ValueError, OverflowError):
        return None
    return None


def anchor_durations(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """A duration followed by "that began in 2003" / "ending in May 2011" covers that interval."""
    out = list(mentions)
    for i, mention in enumerate(out[:-1]):
        if mention.type != "DURATION":
            continue
        following = out[i + 1]
        if following.type != "DATE" or following.start is None or following.end is None:
            continue
        between = text[mention.span[1] : following.span[0]]
        if len(between) > 60 or "\n" in between:
            continue
        joined = _BEGAN.match(between)
        length = _length(mention.value)
        if joined is None or length is None:
            continue
        amount, code = length
        if joined["from"]:
            first = following.start
            after = _shift(first, amount, code)
            if after is None:
                continue
            last = after - timedelta(days=1)
        else:
            last = following.end
            before = _shift(last, -amount, code)
            if before is None:
                continue
            first = before + timedelta(days=1)
        out[i] = replace(mention, start=first, end=last, anchored=True)
    return out


_LATER = re.compile(
    r"^(?P<num>[\w\s-]+?)[\s-]+(?P<unit>minutes?|hours?|days?|weeks?|months?)\s+(?:later|earlier)$",
    re.IGNORECASE,
)


def later_as_durations(mentions: list[TimeMention]) -> list[TimeMention]:
    """TimeML reads "three days later" as the duration "three days" (the word "later" a signal);
    "a year earlier", a comparison period in financial news, stays a date."""
    out: list[TimeMention] = []
    for mention in mentions:
        m = _LATER.match(mention.text) if mention.type == "DATE" and mention.relative else None
        amount = amount_of(m["num"]) if m else None
        if m is None or (amount is None and m["num"].lower() not in types_data().vague):
            out.append(mention)
            continue
        end = mention.span[0] + m.end("unit")
        value = duration_value(amount, _unit_code(m["unit"]))
        out.append(
            replace(
                mention,
                span=(mention.span[0], end),
                text=mention.text[: m.end("unit")],
                value=value,
                type="DURATION",
                start=None,
                end=None,
                anchored=False,
                relative=False,
            )
        )
    return out


_FISCAL_YEAR = re.compile(r"(?i:(?:the|its|their)\s+(?:fiscal|financial)\s+year)")
_ENDED_AFTER = re.compile(r"\s+(?i:ended|ending|to|through)\s")


def fiscal_years_as_durations(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """ "In the fiscal year ended Jan. 31": twelve months read by their end, TIMEX3 ``P1Y``, as "the year
    ended" is (the date rules read "the fiscal year" alone as the report's year)."""
    out: list[TimeMention] = []
    for mention in mentions:
        if (
            mention.type == "DATE"
            and mention.precision == "year"
            and _FISCAL_YEAR.fullmatch(mention.text)
            and _ENDED_AFTER.match(text, mention.span[1])
        ):
            mention = replace(
                mention, value="P1Y", type="DURATION", start=None, end=None, anchored=False, relative=False
            )
        out.append(mention)
    return out
