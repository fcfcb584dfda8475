"""Times of day (TIMEX3 TIME): "2:41 pm" on its day -> ``2017-04-07T14:41``, "noon" -> ``T12:00``,
"Friday night" -> ``2017-04-07TNI``, "this morning" -> ``...TMO``.

The date rules already date these expressions to their day; this pass, run for the every-type output,
gives them their TIME value. The default output keeps the day value (type TIME) so the event stage
still reads a calendar date.
"""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.dates.patterns_types import types_data
from timeline.model import TimeMention

CLOCK = re.compile(
    r"(?<![\d:.])(?P<hour>[012]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[AaPp])\.?\s?[Mm]\b\.?"
    r"|(?<![\d:])(?P<h24>[01]\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
    r"|(?<![\d:.,])(?P<zh>[01]\d|2[0-3])[.:]?(?P<zm>[0-5]\d)\s*(?=[A-Z]{2,4}\b)"
    r"|\b(?P<word>(?i:noon|midnight|midday))\b"
    r"|(?<![\d:.])(?P<phour>1[0-2]|0?[1-9])\s+(?i:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+night)\b"
)
_DAY_PART = re.compile(
    r"\b(?P<part>(?i:morning|afternoon|mid-afternoon|midafternoon|evening|night|overnight|tonight|dawn|daybreak|dusk))\b"
)


def clock_value(text: str) -> str | None:
    """ "2:41 pm" -> "14:41", "noon" -> "12:00", "9 a.m." -> "09:00"; None when there is no clock time."""
    m = CLOCK.search(text)
    if m is None:
        return None
    if m["word"]:
        return types_data().day_part_codes[m["word"].lower()]
    if m["h24"]:
        return f"{int(m['h24']):02d}:{m['m24']}"
    if m["zh"]:
        return f"{m['zh']}:{m['zm']}"
    if m["phour"]:
        # "4 in the morning" is 04:00, "10 in the evening" and "11 at night" are after noon.
        hour, part = int(m["phour"]), (m["part"] or "night").lower()
        if part == "night" and hour == 12:
            return "24:00"
        return f"{hour % 12 if part == 'morning' else hour % 12 + 12:02d}:00"
    hour = int(m["hour"])
    if not 1 <= hour <= 12:
        return None
    if m["ampm"].lower() == "p" and hour != 12:
        hour += 12
    elif m["ampm"].lower() == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{m['minute'] or '00'}"


def time_values(mentions: list[TimeMention]) -> list[TimeMention]:
    """Day mentions that name a clock time or a part of the day become TIMEX3 TIMEs."""
    out: list[TimeMention] = []
    for mention in mentions:
        if mention.type in ("DATE", "TIME") and mention.precision == "day" and mention.start is not None:
            day = mention.start.isoformat()
            clock = clock_value(mention.text)
            part = _DAY_PART.search(mention.text)
            if clock is not None:
                mention = replace(mention, type="TIME", value=f"{day}T{clock}")
            elif part is not None:
                code = types_data().day_part_codes[part["part"].lower()]
                mention = replace(mention, type="TIME", value=f"{day}T{code}")
        out.append(mention)
    return out


def mark_time_types(mentions: list[TimeMention]) -> list[TimeMention]:
    """The default output: a clock time or a part of the day is a TIME, valued by its day."""
    return [
        replace(m, type="TIME")
        if m.type == "DATE" and m.precision == "day" and (CLOCK.search(m.text) or _DAY_PART.search(m.text))
        else m
        for m in mentions
    ]
