"""Extents as TimeML draws them, for the every-type output: a possessive stays outside ("Friday's" is
"Friday"), approximators belong inside ("about two years", "nearly a week ago"), and no expression
crosses a line break."""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.dates.lines import crosses_line_break
from timeline.dates.patterns_types import types_data
from timeline.model import TimeMention

_POSSESSIVE = re.compile(r"['’]s?$")
_TIE_BEFORE_THIS = re.compile(r"(?i:earlier|later)\s+(?=(?i:this|next|last)\s+(?i:week|month|year)\b)")
_THE_BEFORE_MODIFIER = re.compile(
    r"(?i:the)\s+(?=(?:(?i:early|mid|late)[\s-]+)?(?:\d{4}s\b|['’]\d0s\b|(?i:[a-z]+|\d+)-(?i:quarter|year|month|week|day|hour)\b))"
)
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|ago|and|or|to|in|on|at|for|from)\b)[a-z]")


def _lead_mods() -> re.Pattern[str]:
    words = sorted(types_data().lead_mods, key=len, reverse=True)
    return re.compile(
        r"(?i:\b(?P<lead>" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s+)$"
    )


def timeml_extents(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    lead = _lead_mods()
    out: list[TimeMention] = []
    previous_end = 0
    for mention in mentions:
        start, end = mention.span
        m = _POSSESSIVE.search(text, start, end)
        if m and m.start() > start and end - start > 3:
            end = m.start()
        if crosses_line_break(text, start, end):
            end = text.index("\n", start)
            while end > start and text[end - 1] in " \t,;:":
                end -= 1
        m = _TIE_BEFORE_THIS.match(text, start, end)
        if m:
            start = m.end()  # "earlier this week": TimeML tags "this week"
        m = _THE_BEFORE_MODIFIER.match(text, start, end)
        if m and (mention.type == "DATE" or _NOUN_AFTER.match(text, end)):
            start = m.end()  # "the 1960s", "the third-quarter results": the article stays outside
        starts_with_the = text.startswith(("the ", "The "), start)
        if not starts_with_the and (
            mention.type == "DURATION" or mention.text.lower().endswith(("ago", "earlier", "later"))
        ):
            m = lead.search(text, max(previous_end, start - 16), start)
            if m:
                start = m.start()
                mod = types_data().lead_mods[" ".join(m["lead"].lower().split())]
                if mention.type == "DURATION" and mod and mention.mod is None:
                    mention = replace(mention, mod=mod)
        if (start, end) != mention.span and end > start:
            mention = replace(mention, span=(start, end), text=text[start:end])
        out.append(mention)
        previous_end = mention.span[1]
    return out
