"""Date stamps that refer to no event: reader comments' time stamps, bylines, agency and page datelines.

"At 18:20 29th Apr 2009, NAME wrote:" and "Posted by: NAME | June 5, 2010 3:45 PM | Report abuse" say
when a reader wrote; "LONDON, April 29 (Reuters) -", "HONG KONG | Tue May 12, 2009 8:56 am EDT" and
"9 November 2011 Last updated at 10:48 GMT" when the page was published. A written date is a stamp when
the text around it, on its line, fits one of the rules of ``timeline/data/stamps.json`` (patterns of the
text just before and just after the date, see its ``_doc``). A comment's stamp also opens the reader
comments: from its line to the end of the text, nothing is an event reference.

Used by the layout (the spans join ``Document.excluded``) and by the key-event summarizer (its day
references skip them).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from timeline.dates import tag_dates
from timeline.dates.tries import alternation
from timeline.model import Span, TimeMention
from timeline.resources import load_data

StampKind = Literal["comment", "byline", "dateline"]

_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
)
_TIME_REACH = 16
"""How far before or after a date a clock time of its stamp may stand ("At 18:20 29th Apr 2009")."""
_NAME = r"[^\s,:;!?\"“”()\[\]|]+(?:[ \t]+[^\s,:;!?\"“”()\[\]|]+){0,3}"
_CAPS = r"[A-Z][A-Z.'’/\\&-]+"
_PLACE = rf"{_CAPS}(?:[ \t]+{_CAPS})*(?:,[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,2}}){{0,2}}"


@dataclass(frozen=True, slots=True)
class Stamp:
    """A written date that stamps the page or a comment: ``span`` covers the date and its cue words."""

    span: Span
    kind: StampKind
    rule: str


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    kind: StampKind
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    time: bool


@cache
def _time() -> re.Pattern[str]:
    zones = alternation(load_data("stamps.json")["time_zones"])
    return re.compile(
        r"(?:\d{1,2}(?:[:.]\d{2}){1,2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?|\d{1,2}\s*[AaPp]\.?[Mm]\.?(?!\w))"
        rf"(?:\s*(?:{zones})(?![\w]))?"
    )


@cache
def _rules() -> tuple[_Rule, ...]:
    data = load_data("stamps.json")
    verbs = alternation(data["speaker_verbs"])
    actions = alternation(data["comment_actions"])
    agencies = alternation(data["agencies"])
    places = {
        "<TIME>": f"(?:{_time().pattern})",
        "<NAME>": f"(?:{_NAME})",
        "<VERB>": rf"(?i:{verbs})\s*(?::|\.\.\.|…)",
        "<WROTE>": rf"(?i:{alternation(data['writer_verbs'])})\s*(?::|\.\.\.|…)",
        "<ACTION>": f"(?i:{actions})",
        "<AGENCY>": rf"[(/]\s*(?:{agencies})(?:[ \t]+[A-Z][\w.-]*){{0,2}}\s*[)/]",
        "<PLACE>": f"(?:{_PLACE})",
        "<WEEKDAY>": f"(?:{_WEEKDAY})",
    }

    def build(pattern: str | None) -> re.Pattern[str] | None:
        if pattern is None:
            return None
        for placeholder, value in places.items():
            pattern = pattern.replace(placeholder, value)
        return re.compile(pattern)

    return tuple(
        _Rule(
            rule["name"],
            rule["kind"],
            build(rule.get("before")),
            build(rule.get("after")),
            rule.get("time", False),
        )
        for rule in data["rules"]
    )


def _context(text: str, span: Span) -> tuple[str, str]:
    """The text before and after ``span`` on its line (the line above or below when the date opens or
    closes its line), at most ``window_chars`` each side; a cut window starts with NUL, which no rule's
    line-start matches."""
    width = int(load_data("stamps.json")["window_chars"])
    start, end = span
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and line_start > 0:
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    elif not text[end:line_end].strip():
        following = text.find("\n", line_end + 1)
        line_end = len(text) if following < 0 else following
    before = text[max(line_start, start - width) : start]
    if start - width > line_start:
        before = "\0" + before
    return before, text[end : min(line_end, end + width)]


def stamp_of(text: str, mention: TimeMention) -> Stamp | None:
    """The stamp ``mention`` (a date written in ``text``) is part of, or None when it is no stamp."""
    before, after = _context(text, mention.span)
    for rule in _rules():
        head = rule.before.search(before) if rule.before else None
        tail = rule.after.match(after) if rule.after else None
        if (rule.before and head is None) or (rule.after and tail is None):
            continue
        if rule.time and not _writes_time((before, after), mention.text, head, tail):
            continue
        start = mention.span[0] - (len(head.group().lstrip("\0")) if head else 0)
        end = mention.span[1] + (len(tail.group().rstrip()) if tail else 0)
        return Stamp((start, end), rule.kind, rule.name)
    return None


def _writes_time(
    around: tuple[str, str], written: str, head: re.Match[str] | None, tail: re.Match[str] | None
) -> bool:
    """A clock time in the date, in the cue words the rule matched, or just before or after the date
    ("At 18:20 29th Apr 2009, ...", "15 March 2011 13:45")."""
    before, after = around
    near = before[-_TIME_REACH:] + " " + written + " " + after[:_TIME_REACH]
    return any(
        _time().search(part) for part in (near, head.group() if head else "", tail.group() if tail else "")
    )


def find_stamps(text: str, mentions: Iterable[TimeMention]) -> list[Stamp]:
    """The stamps among ``mentions`` (dates written in ``text``), in text order."""
    found = [stamp for mention in mentions if (stamp := stamp_of(text, mention)) is not None]
    return sorted(found, key=lambda stamp: stamp.span)


def comments_start(text: str, stamps: Sequence[Stamp]) -> int | None:
    """Where the reader comments start: the line of the first comment stamp, else None."""
    first = next((stamp for stamp in stamps if stamp.kind == "comment"), None)
    if first is None:
        return None
    return text.rfind("\n", 0, first.span[0]) + 1


_CUE_WORDS = (
    "posted",
    "submitted",
    "updated",
    "modified",
    "published",
    "appeared",
    "comment",
    "reply",
    "response",
)


@cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What a line near a stamp holds, in the lower-cased text (a speaker verb and its colon, a
    publishing or commenting word, an action link opening a line) and in the text itself (a '|' or a
    bullet, an agency in brackets, a place in capitals and a comma). A look-ahead for the words' first
    letters keeps the scan cheap."""
    data = load_data("stamps.json")
    verbs = [verb.lower() for verb in data["speaker_verbs"]]
    words = sorted({*_CUE_WORDS, *data["writer_verbs"]})
    firsts = "".join(sorted({word[0] for word in [*verbs, *words]}))
    lower = re.compile(
        rf"\b(?=[{firsts}])(?:(?:{alternation(verbs)})\s*(?::|\.\.\.|…)|(?:{alternation(words)})\b)"
        rf"|^[ \t]*(?:{alternation(action.lower() for action in data['comment_actions'])})\b",
        re.MULTILINE,
    )
    agencies = alternation(data["agencies"])
    cased = re.compile(rf"(?=[|•·(/A-Z])(?:[|•·]|[(/]\s*(?:{agencies})\b|\b[A-Z][A-Z.'’/\\&-]+,)")
    return lower, cased


MAX_RUN_CHARS = 50_000
"""A run of cue lines longer than this is no stamp block (stamps sit on short lines): it is not tagged,
so a pathological text (one 10 MB line of dates and cue words) still loads in linear time."""


def text_stamps(text: str) -> list[Stamp]:
    """The stamps of ``text``: its dates on or next to a line with a cue ("wrote:", "Posted", "(Reuters)",
    "|"), each run of such lines dated on its own; a text without a cue is not dated at all."""
    lower, cased = _cues()
    cues = [cue.start() for cue in lower.finditer(text.lower())]
    cues += [cue.start() for cue in cased.finditer(text)]
    if not cues:
        return []
    breaks = [match.start() for match in re.finditer("\n", text)]
    near = sorted({line + step for at in cues for line in (bisect_right(breaks, at),) for step in (-1, 0, 1)})
    mentions: list[TimeMention] = []
    run_start = near[0]
    for index, line in enumerate(near):
        if index + 1 < len(near) and near[index + 1] == line + 1:
            continue
        start = breaks[run_start - 1] + 1 if 0 < run_start <= len(breaks) else 0
        end = breaks[line] if 0 <= line < len(breaks) else len(text)
        if run_start <= len(breaks) and end - start <= MAX_RUN_CHARS:
            mentions += [
                _shifted(m, start) for m in tag_dates(text[start:end], None, "news") if _may_stamp(m)
            ]
        if index + 1 < len(near):
            run_start = near[index + 1]
    return find_stamps(text, mentions)


def _may_stamp(mention: TimeMention) -> bool:
    """A stamp names a day ("15 March 2011", "2 days ago"), never a month or a year."""
    return mention.precision == "day" or mention.start is None


def _shifted(mention: TimeMention, offset: int) -> TimeMention:
    return replace(mention, span=(mention.span[0] + offset, mention.span[1] + offset))
