"""From a grammar match to a dated interval: one handler per rule of ``patterns.rules()``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline.dates import calendar as cal
from timeline.dates import infer
from timeline.dates.holidays import holiday_date
from timeline.dates.lexicon import lexicon
from timeline.dates.normalize import calendar_date
from timeline.dates.tense import Tense, tense_of
from timeline.model import Mode, Precision


@dataclass
class Context:
    """What a handler may look at: the text, the anchors, and what the document said so far."""

    text: str
    dct: date | None
    mode: Mode
    anchor: cal.Interval | None = None
    """The date last mentioned (narrative reference; also "the next day" in news)."""
    last_quarter: cal.Interval | None = None
    main_year: int | None = None
    """Narrative only: the median year the text names; asides far from it do not move the anchor."""
    tense_cache: dict[tuple[int, int], Tense | None] = field(default_factory=dict)

    def ref(self) -> date | None:
        if self.mode == "narrative":
            if self.anchor is not None:
                return self.anchor.start
            if self.main_year is not None:
                return date(self.main_year, 1, 1)
        return self.dct

    def story_ref(self) -> date | None:
        """Reference of story-relative words ("the next day", "two days later"): last date, else dct."""
        return self.anchor.start if self.anchor is not None else self.dct

    def tense(self, start: int, end: int) -> Tense | None:
        key = (start, end)
        if key not in self.tense_cache:
            self.tense_cache[key] = tense_of(self.text, start, end)
        return self.tense_cache[key]


@dataclass(frozen=True)
class Piece:
    """A resolved part of a match (a range yields two pieces)."""

    start: int
    end: int
    interval: cal.Interval | None
    precision: Precision
    relative: bool = False
    explicit_year: bool = True


Handler = Callable[[re.Match[str], Context], list[Piece] | None]
HANDLERS: dict[str, Handler] = {}

_ANCHORING_WORDS = frozenset(
    "in of on since by until till during through throughout from to and or early late mid between "
    "before after last next this that around circa about the until, mid- each every".split()
)


def handler(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        HANDLERS[name] = fn
        return fn

    return register


def _month_number(word: str) -> int:
    return lexicon().months[word.rstrip(".").lower()]


def _day_of(m: re.Match[str], group: str = "day") -> int:
    return int(m.group(group))


def _valid_day(y: int, month: int, d: int) -> bool:
    return 1 <= d <= cal.last_day(y, month)


def _single(m: re.Match[str], interval: cal.Interval | None, precision: Precision, **kw: bool) -> list[Piece]:
    return [Piece(m.start(), m.end(), interval, precision, **kw)]


def _previous_word(text: str, start: int) -> str:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = i
    while j >= 0 and (text[j].isalnum() or text[j] in "-'’."):
        j -= 1
    return text[j + 1 : i + 1].lower().strip(".")


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([A-Za-z%$’'.-]+)", text[end : end + 30])
    return m.group(1).lower().rstrip(".,") if m else ""


@handler("iso")
def _iso(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    y, month, d = int(m["year"]), int(m["month"]), int(m["day"])
    if not (1 <= month <= 12 and cal.safe_year(y) and _valid_day(y, month, d)):
        return None
    return _single(m, cal.day(date(y, month, d)), "day")


@handler("numeric")
def _numeric(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    a, b = int(m["a"]), int(m["b"])
    if m["sep"] == "." and len(m["year"]) == 2:
        return None  # "3.5.10" is more often a version or a score than a date
    order = "DMY" if a > 12 or m["sep"] == "." else "MDY"
    if a > 12 and b > 12:
        return None
    parsed = calendar_date(m.group(), order)
    return _single(m, cal.day(parsed), "day") if parsed else None


def _full_date(m: re.Match[str]) -> list[Piece] | None:
    y, month, d = int(m["year"]), _month_number(m["month"]), _day_of(m)
    if not _valid_day(y, month, d):
        return None
    expression = m.group()[m.start("month") - m.start() if m["wd"] is None else m.end("wd") - m.start() :]
    parsed = calendar_date(expression.strip(" ,،")) or date(y, month, d)
    return _single(m, cal.day(parsed), "day")


HANDLERS["day_month_year"] = lambda m, ctx: _full_date(m)
HANDLERS["month_day_year"] = lambda m, ctx: _full_date(m)


def _year_without_one(m: re.Match[str], ctx: Context, month: int, d: int | None) -> int | None:
    ref = ctx.ref()
    if ref is None:
        return None
    if ctx.mode == "news" and _previous_word(ctx.text, m.start()) in lexicon().deadline_prepositions:
        # "must be returned by Jan. 14": a deadline, whatever the tense of the report around it.
        return infer.year_for_month_day(ref, month, d, None)
    if ctx.mode == "narrative" and ctx.anchor is not None:
        reference = ctx.anchor.start if ctx.anchor.precision in ("day", "week", "month") else ref
        if ctx.anchor.precision not in ("day", "week", "month") and ctx.anchor.mod is None:
            return ref.year
        return infer.year_for_narrative_month(reference, month)
    return infer.year_for_month_day(ref, month, d, ctx.tense(m.start(), m.end()))


def _partial_day(m: re.Match[str], ctx: Context, month: int, d: int, start: int, end: int) -> Piece | None:
    y = _year_without_one(m, ctx, month, d)
    if y is None:
        return Piece(start, end, None, "day", relative=True, explicit_year=False) if 1 <= d <= 31 else None
    if m.re.groupindex.get("wd") and m["wd"]:
        # "Saturday, April 25": the weekday picks the year.
        weekday = lexicon().weekdays[m["wd"].rstrip(".").lower()]
        for candidate in (y, y + 1, y - 1):
            if _valid_day(candidate, month, d) and date(candidate, month, d).weekday() == weekday:
                y = candidate
                break
    if not _valid_day(y, month, d):
        return None
    return Piece(start, end, cal.day(date(y, month, d)), "day", relative=True, explicit_year=False)


@handler("day_month")
@handler("month_day")
def _day_month(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    month, d = _month_number(m["month"]), _day_of(m)
    if not 1 <= d <= 31:
        return None
    piece = _partial_day(m, ctx, month, d, m.start(), m.end())
    return [piece] if piece else None


@handler("day_range_month")
@handler("month_day_range")
def _day_range(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    month = _month_number(m["month"])
    d1, d2 = int(m["day1"]), _day_of(m)
    if not (1 <= d1 < d2 <= 31):
        return None
    if m["year"]:
        y: int | None = int(m["year"])
    else:
        y = _year_without_one(m, ctx, month, d1)
    first_end = m.start("day1") + len(m["day1"])
    if m.start("month") < m.start("day1"):
        first = (m.start(), first_end)
        second = (m.start("day"), m.end())
    else:
        first = (m.start(), first_end)
        second = (m.start("day"), m.end())
    if y is None or not _valid_day(y, month, d2):
        return None
    explicit = m["year"] is not None
    return [
        Piece(*first, cal.day(date(y, month, d1)), "day", relative=not explicit, explicit_year=explicit),
        Piece(*second, cal.day(date(y, month, d2)), "day", relative=not explicit, explicit_year=explicit),
    ]


@handler("month_year")
def _month_year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    return _single(m, cal.month(int(m["year"]), _month_number(m["month"])), "month")


@handler("month_range_year")
def _month_range_year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    y = int(m["year"])
    m1, m2 = _month_number(m["month1"]), _month_number(m["month"])
    y1 = y if m1 <= m2 else y - 1
    return [
        Piece(m.start(), m.end("month1"), cal.month(y1, m1), "month"),
        Piece(m.start("month"), m.end(), cal.month(y, m2), "month"),
    ]


@handler("month")
def _month(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    word = m["month"].rstrip(".").lower()
    previous = _previous_word(ctx.text, m.start())
    if word in ("may", "march") and (previous not in _ANCHORING_WORDS or previous == "the"):
        return None
    if not m["month"].endswith(".") and any(o != word and o.startswith(word) for o in lexicon().months):
        return None  # a bare abbreviation ("Mar", "Jan") is a name more often than a month  # "May" as a name or the start of a question; "March" as a noun
    if word in ("may",) and _next_word(ctx.text, m.end()) in ("be", "have", "not", "also", "well"):
        return None
    month = _month_number(word)
    y = _year_without_one(m, ctx, month, None)
    if y is None:
        return _single(m, None, "month", relative=True, explicit_year=False)
    return _single(m, cal.month(y, month), "month", relative=True, explicit_year=False)


def _plausible_year(m: re.Match[str], ctx: Context, start: int, end: int) -> bool:
    lx = lexicon()
    previous = _previous_word(ctx.text, start)
    following = _next_word(ctx.text, end)
    if previous in lx.year_blockers_before or following in lx.year_blockers_after:
        return False
    before = ctx.text[max(0, start - 2) : start]
    return not (before.endswith(("$", "#", "№")) or before.rstrip().endswith(("No.", "no.")))


@handler("year")
def _year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    if m.start() > 0 and ctx.text[m.start() - 1].isalpha():
        return None
    if (
        m.start() > 1
        and ctx.text[m.start() - 1] in "-–"
        and _previous_word(ctx.text, m.start() - 1)
        not in ("mid", "post", "pre", "early", "late", "circa", "c")
    ):
        return None  # "F-1600", "Su-2025": model numbers, not years
    if not _plausible_year(m, ctx, m.start(), m.end()):
        return None
    return _single(m, cal.year(int(m["year"])), "year")


@handler("year_range")
def _year_range(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    y1 = int(m["year1"])
    tail = m["year2"]
    y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
    if not (y1 < y2 <= y1 + 100) or not _plausible_year(m, ctx, m.start(), m.end()):
        return None
    return [
        Piece(m.start(), m.start() + 4, cal.year(y1), "year"),
        Piece(m.start("year2"), m.end(), cal.year(y2), "year"),
    ]


def _mod(word: str | None) -> str | None:
    return {"early": "START", "mid": "MID", "late": "END"}.get((word or "").lower())


def _narrowed(interval: cal.Interval, mod_word: str | None) -> cal.Interval:
    mod = _mod(mod_word)
    return cal.narrow(interval, mod) if mod else interval


@handler("decade")
def _decade(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    raw = m["decade"]
    if raw[0] in "'’":
        tens = int(raw[1:])
        ref_year = (ctx.dct or date(2000, 1, 1)).year
        century = 2000 if 2000 + tens <= ref_year else 1900
        first = century + tens
    else:
        first = int(raw)
    return _single(m, _narrowed(cal.decade(first), m["mod"]), "decade")


@handler("decade_words")
def _decade_words(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    if _previous_word(ctx.text, m.start()) not in _ANCHORING_WORDS and not m.group().lower().startswith(
        "the"
    ):
        return None  # "in her forties" is an age, "the forties" a decade
    if "her" in m.group().lower() or _previous_word(ctx.text, m.start()) in ("his", "her", "their", "its"):
        return None
    tens = lexicon().decade_words[m["dword"].lower()]
    return _single(m, _narrowed(cal.decade(1900 + 10 * tens), m["mod"]), "decade")


@handler("century")
def _century(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    number = int(m["cnum"]) if m["cnum"] else lexicon().ordinal_words[m["cword"].lower()]
    if not 1 <= number <= 21:
        return None
    return _single(m, _narrowed(cal.century(number), m["mod"]), "century")


def _season_code(word: str) -> str:
    return lexicon().seasons[word.lower()]


@handler("season_year")
def _season_year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    return _single(m, _narrowed(cal.season(int(m["year"]), _season_code(m["season"])), m["mod"]), "season")


@handler("season_relative")
def _season_relative(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    code = _season_code(m["season"])
    rel = m["rel"].lower()
    ref = ctx.story_ref() if rel in ("that", "the following", "the previous", "the same") else ctx.ref()
    if ref is None:
        return _single(m, None, "season", relative=True)
    current_year, current_code = cal.season_of(ref)
    this = cal.season(ref.year if code != "WI" or ref.month >= 12 else ref.year - 1, code)
    if rel in ("last", "past", "the previous"):
        y = this.start.year if this.end < ref else this.start.year - 1
    elif rel in ("next", "coming", "the following"):
        y = this.start.year if this.start > ref else this.start.year + 1
    elif rel in ("early", "late"):
        y = infer.season_year(ref, code, ctx.tense(m.start(), m.end()))
        return _single(m, _narrowed(cal.season(y, code), rel), "season", relative=True)
    else:
        y = this.start.year
    return _single(m, cal.season(y, code), "season", relative=True)


_SEASON_CUES = frozenset("in the during by until through throughout since before after".split())
_SEASON_NOT_BEFORE = frozenset("months season seasons time camp school olympics games palace quarters".split())


@handler("season")
def _season(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    previous = _previous_word(ctx.text, m.start())
    following = _next_word(ctx.text, m.end())
    if ctx.mode == "news" and previous not in _SEASON_CUES:
        return None  # news writes "peak summer months" as an adjective; history names campaigns by season
    if following in _SEASON_NOT_BEFORE:
        return None
    if m["season"].lower() == "fall" and (following in ("of", "to", "from", "into") or previous not in _SEASON_CUES):
        return None  # "the fall of Paris" is an event, not autumn
    ref = ctx.ref()
    code = _season_code(m["season"])
    if ref is None:
        return _single(m, None, "season", relative=True)
    y = ref.year if ctx.mode == "narrative" else infer.season_year(ref, code, ctx.tense(m.start(), m.end()))
    return _single(m, cal.season(y, code), "season", relative=True)


_QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


@handler("quarter")
def _quarter(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    q = _QUARTER_ORDINALS[m["qord"].lower()]
    rel = (m["qrel"] or "").lower()
    if m["year"]:
        return _single(m, cal.quarter(int(m["year"]), q), "quarter")
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "quarter", relative=True)
    y = infer.quarter_year(ref, q, None)
    if rel in ("year-ago", "year-earlier"):
        y -= 1
    return _single(m, cal.quarter(y, q), "quarter", relative=True)


@handler("quarter_code")
def _quarter_code(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    y = int(m["year"]) if m["year"] else 2000 + int(m["yy"])
    return _single(m, cal.quarter(y, int(m["q"])), "quarter")


def _quarter_reference(ctx: Context) -> cal.Interval | None:
    if ctx.last_quarter is not None:
        return ctx.last_quarter
    ref = ctx.dct
    if ref is None:
        return None
    # The latest quarter already ended by the publication date: what earnings reports cover.
    return infer.shift_unit(ref, "quarter", -1)


@handler("quarter_ref")
def _quarter_ref(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    text = m.group().lower()
    reference = _quarter_reference(ctx)
    if reference is None:
        return _single(m, None, "quarter", relative=True)
    if any(w in text for w in ("year-ago", "year-earlier", "year-before", "prior-year")):
        reference = cal.quarter(reference.start.year - 1, (reference.start.month - 1) // 3 + 1)
    return _single(m, reference, "quarter", relative=True)


@handler("year_earlier_adj")
def _year_earlier_adj(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    reference = _quarter_reference(ctx)
    if reference is None:
        return _single(m, None, "quarter", relative=True)
    return _single(
        m,
        cal.quarter(reference.start.year - 1, (reference.start.month - 1) // 3 + 1),
        "quarter",
        relative=True,
    )


@handler("half")
def _half(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    h = 1 if m["half"].lower() in ("first", "1st") else 2
    if m["year"]:
        return _single(m, cal.half(int(m["year"]), h), "half")
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "half", relative=True)
    shift = {"last": -1, "next": 1}.get((m["hrel"] or "").lower(), 0)
    return _single(m, cal.half(ref.year + shift, h), "half", relative=True)


@handler("fiscal")
def _fiscal(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    return _single(m, cal.year(int(m["year"])), "year")


def _is_generic_today(text: str, start: int, end: int) -> bool:
    """ "the Iraq of today", "today's world", "actors in Iraq today when...": nowadays, not a date."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 16].lower()
    if re.match(r"['’]s\s+(?:world|generation|society|standards|youth|economy)\b", after):
        return True
    if re.search(r"\bof\s+$", before, re.IGNORECASE):
        return True
    in_place = re.search(
        r"\b(?:in|across|throughout)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+$", before
    )
    return in_place is not None and re.match(r"\s*(?:when|who|whose|which|where)\b", after) is not None


@handler("day_word")
def _day_word(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    word = m["dword"].lower()
    if ctx.mode == "narrative":
        return None  # history's "today" means nowadays
    if word == "today" and _is_generic_today(ctx.text, m.start("dword"), m.end("dword")):
        return None
    ref = ctx.dct
    if ref is None:
        return _single(m, None, "day", relative=True)
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    return _single(m, cal.day(ref + timedelta(days=offset)), "day", relative=True)


@handler("day_part_rel")
def _day_part_rel(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    if ctx.mode == "narrative":
        return None
    ref = ctx.dct
    if ref is None:
        return _single(m, None, "day", relative=True)
    offset = -1 if m["rel"].lower() == "last" else 0
    if m["rel"].lower() == "last" and m["part"] != "night":
        return None  # "last morning" is not idiomatic; avoid false readings
    return _single(m, cal.day(ref + timedelta(days=offset)), "day", relative=True)


_UNIT_PRECISION: dict[str, Precision] = {
    "day": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "quarter": "quarter",
}


def _unit(word: str) -> str:
    word = word.lower()
    if word in ("yr", "yrs"):
        return "year"
    return lexicon().units.get(word, word.rstrip("s"))


@handler("relative_unit")
def _relative_unit(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    rel = m["rel"].lower()
    unit = _unit(m["unit"])
    if unit == "weekend":
        unit_for_shift = "week"
    else:
        unit_for_shift = unit
    story = rel in ("that", "same", "following", "previous")
    ref = ctx.story_ref() if story else ctx.ref()
    if rel == "that" and ctx.anchor is None:
        return None  # "that year" with nothing before it to point at
    precision = _UNIT_PRECISION.get(unit, "year")
    if ref is None:
        return _single(m, None, precision, relative=True)
    amount = {"last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
    return _single(m, infer.shift_unit(ref, unit_for_shift, amount), precision, relative=True)


@handler("the_relative_unit")
def _the_relative_unit(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    rel = m["rel"].lower()
    unit = _unit(m["unit"])
    ref = ctx.story_ref()
    precision = _UNIT_PRECISION.get(unit, "year")
    if ref is None:
        return _single(m, None, precision, relative=True)
    amount = {"previous": -1, "prior": -1, "preceding": -1, "following": 1, "next": 1, "subsequent": 1}.get(
        rel, 0
    )
    return _single(
        m, infer.shift_unit(ref, "week" if unit == "weekend" else unit, amount), precision, relative=True
    )


@handler("day_before_after")
def _day_before_after(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    ref = ctx.story_ref()
    if ref is None:
        return _single(m, None, "day", relative=True)
    return _single(
        m, cal.day(ref + timedelta(days=-1 if m["dir"].lower() == "before" else 1)), "day", relative=True
    )


@handler("that_day")
def _that_day(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    if ctx.anchor is None or ctx.anchor.precision != "day":
        return None
    return _single(m, cal.day(ctx.anchor.start), "day", relative=True)


@handler("ago")
def _ago(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    lx = lexicon()
    raw = m["num"].lower()
    amount = int(raw) if raw.isdigit() else lx.number_words.get(raw, 0)
    if not 0 < amount <= 5000:
        return None
    unit = _unit(m["unit"])
    direction = m["dir"].lower()
    if direction in ("before", "after") and not re.match(
        r"\s*(?:[,.;:)]|$)", ctx.text[m.end() : m.end() + 2]
    ):
        return None  # "two days after the attack": anchored on an event we cannot date
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if direction in ("ago", "from now", "hence"):
        ref = ctx.dct if ctx.mode == "news" else ctx.ref()
    else:
        ref = ctx.story_ref()
    precision = _UNIT_PRECISION.get(unit, "year")
    if ref is None:
        return _single(m, None, precision, relative=True)
    if unit == "year" and amount == 1 and ctx.mode == "news" and ctx.last_quarter is not None:
        previous = ctx.last_quarter
        q = (previous.start.month - 1) // 3 + 1
        return _single(m, cal.quarter(previous.start.year - 1, q), "quarter", relative=True)
    return _single(m, infer.shift_unit(ref, unit, sign * amount), precision, relative=True)


@handler("part_of_relative")
def _part_of_relative(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    unit = _unit(m["unit"])
    rel = (m["rel"] or "").strip().lower()
    ref = ctx.ref()
    precision = _UNIT_PRECISION.get(unit, "year")
    if ref is None:
        return _single(m, None, precision, relative=True)
    amount = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(rel, 0)
    base = infer.shift_unit(ref, unit, amount)
    part = m["part"].lower()
    mod = {"end": "END_EXACT", "close": "END_EXACT", "beginning": "START", "start": "START", "middle": "MID"}[
        part
    ]
    return _single(m, cal.narrow(base, mod), precision, relative=True)


@handler("unit_end")
def _unit_end(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    unit = _unit(m["unit"])
    ref = ctx.story_ref() if ctx.mode == "narrative" else ctx.ref()
    precision = _UNIT_PRECISION[unit]
    if ref is None:
        return _single(m, None, precision, relative=True)
    return _single(m, cal.narrow(infer.shift_unit(ref, unit, 0), "END_EXACT"), precision, relative=True)


@handler("in_the_unit")
def _in_the_unit(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    unit = _unit(m["unit"])
    ref = ctx.story_ref()
    if ref is None:
        return _single(m, None, _UNIT_PRECISION[unit], relative=True)
    return _single(m, infer.shift_unit(ref, unit, 0), _UNIT_PRECISION[unit], relative=True)


@handler("short_year")
def _short_year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    """ "the class of '99": the latest such year not after the reference."""
    previous = _previous_word(ctx.text, m.start())
    if previous not in _ANCHORING_WORDS and previous not in ("class", "spring", "summer", "fall", "winter"):
        return None
    ref = ctx.story_ref()
    if ref is None:
        return None
    yy = int(m["yy"])
    y = (ref.year // 100) * 100 + yy
    if y > ref.year:
        y -= 100
    return _single(m, cal.year(y), "year", relative=True)


@handler("year_end")
def _year_end(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "year", relative=True)
    return _single(m, cal.day(date(ref.year, 12, 31)), "day", relative=True)


@handler("weekday")
def _weekday(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    lx = lexicon()
    weekday = lx.weekdays[m["wd"].rstrip(".").lower()]
    previous = _previous_word(ctx.text, m.start())
    if previous in ("good", "black", "bloody", "ash", "holy", "super", "cyber", "palm", "easter"):
        return None  # named days: Good Friday, Bloody Sunday
    rel = (m["rel"] or "").lower()
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "day", relative=True)
    if rel in ("last", "past"):
        direction = "last"
    elif rel in ("next", "coming"):
        direction = "next"
    elif rel == "this":
        direction = "future"
    elif ctx.mode == "narrative" and ctx.anchor is not None:
        direction = "future"
    elif m["poss"]:
        direction = "past"  # "Friday's strikes", "Wednesday's ruling": an event already reported
    else:
        direction = "future" if ctx.tense(m.start(), m.end()) == "future" else "past"
    return _single(m, cal.day(infer.weekday_date(ref, weekday, direction)), "day", relative=True)


@handler("holiday")
def _holiday(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    rule = lexicon().holidays[m["holiday"].lower()]
    if m["year"]:
        return _single(m, cal.day(holiday_date(rule, int(m["year"]))), "day")
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "day", relative=True)
    rel = (m["rel"] or "").lower()
    this_year = holiday_date(rule, ref.year)
    if rel == "last" or (not rel and ctx.tense(m.start(), m.end()) == "past" and ctx.mode == "news"):
        day_ = this_year if this_year < ref else holiday_date(rule, ref.year - 1)
    elif rel == "next" or (not rel and ctx.tense(m.start(), m.end()) == "future"):
        day_ = this_year if this_year >= ref else holiday_date(rule, ref.year + 1)
    else:
        day_ = this_year
    return _single(m, cal.day(day_), "day", relative=True)


@handler("spelled_year")
def _spelled_year(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    words = [w for w in re.split(r"[\s-]+", m["spelled"].lower()) if w not in ("and", "oh")]
    tens = lexicon().spelled_year_tens
    numbers = lexicon().number_words
    if words[:2] == ["two", "thousand"]:
        value = 2000 + sum(numbers.get(w, 0) for w in words[2:])
    else:
        if words[0] not in tens:
            return None
        rest = words[1:]
        value = tens[words[0]] * 100 + (0 if rest == ["hundred"] else sum(numbers.get(w, 0) for w in rest))
    if not 1000 <= value <= 2099:
        return None
    return _single(m, cal.year(value), "year")


@handler("year_word")
def _year_word(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "year", relative=True)
    return _single(m, cal.year(ref.year), "year", relative=True)


@handler("quarter_this")
def _quarter_this(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    rel = m["qrel"].lower()
    if rel == "that":
        if ctx.last_quarter is None:
            return None
        return _single(m, ctx.last_quarter, "quarter", relative=True)
    ref = ctx.ref()
    if ref is None:
        return _single(m, None, "quarter", relative=True)
    return _single(m, infer.shift_unit(ref, "quarter", 0), "quarter", relative=True)


@handler("next_day_part")
def _next_day_part(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    ref = ctx.story_ref()
    if ref is None:
        return _single(m, None, "day", relative=True)
    shift = -1 if m["rel"].lower() == "previous" else 1
    return _single(m, cal.day(ref + timedelta(days=shift)), "day", relative=True)


@handler("clock_time")
def _clock_time(m: re.Match[str], ctx: Context) -> list[Piece] | None:
    if ctx.mode == "narrative":
        return None
    if m["hour"] is not None and not 1 <= int(m["hour"]) <= 12:
        return None
    ref = ctx.anchor.start if ctx.anchor is not None and ctx.anchor.precision == "day" else ctx.dct
    if ref is None:
        return _single(m, None, "day", relative=True)
    return _single(m, cal.day(ref), "day", relative=True)
