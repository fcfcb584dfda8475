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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from timeline.dates import tag_dates
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


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _time() -> re.Pattern[str]:
    zones = _alternation(load_data("stamps.json")["time_zones"])
    return re.compile(
        r"(?:\d{1,2}(?:[:.]\d{2}){1,2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?|\d{1,2}\s*[AaPp]\.?[Mm]\.?(?!\w))"
        rf"(?:\s*(?:{zones})(?![\w]))?"
    )


@cache
def _rules() -> tuple[_Rule, ...]:
    data = load_data("stamps.json")
    verbs = _alternation(data["speaker_verbs"])
    actions = _alternation(data["comment_actions"])
    agencies = _alternation(data["agencies"])
    places = {
        "<TIME>": f"(?:{_time().pattern})",
        "<NAME>": f"(?:{_NAME})",
        "<VERB>": rf"(?i:{verbs})\s*(?::|\.\.\.|…)",
        "<WROTE>": rf"(?i:{_alternation(data['writer_verbs'])})\s*(?::|\.\.\.|…)",
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


@cache
def _cues() -> re.Pattern[str]:
    """What a line near a stamp holds: a speaker verb and its colon, a '|' or a bullet, an agency in
    brackets, a publishing or commenting word, an action link opening a line, or a place in capitals and
    a comma."""
    data = load_data("stamps.json")
    verbs = _alternation(data["speaker_verbs"])
    agencies = _alternation(data["agencies"])
    actions = _alternation(data["comment_actions"])
    return re.compile(
        rf"\||(?i:\b(?:{verbs})\s*(?::|\.\.\.|…))|[(/]\s*(?:{agencies})\b"
        r"|[•·]|(?i:\b(?:posted|submitted|updated|modified|published|appeared|comment|reply|response)\b)"
        rf"|^\s*(?i:{actions})\b|\b[A-Z][A-Z.'’/\\&-]+,",
        re.MULTILINE,
    )


def text_stamps(text: str) -> list[Stamp]:
    """The stamps of ``text``, dating only the lines near a cue word ("wrote", "Posted", "Reuters", "|")."""
    starts = [0] + [match.end() for match in re.finditer("\n", text)]
    wanted: set[int] = set()
    line = 0
    for cue in _cues().finditer(text):
        while line + 1 < len(starts) and starts[line + 1] <= cue.start():
            line += 1
        wanted.update((line - 1, line, line + 1))
    mentions: list[TimeMention] = []
    for number in sorted(n for n in wanted if 0 <= n < len(starts)):
        start = starts[number]
        end = starts[number + 1] - 1 if number + 1 < len(starts) else len(text)
        for mention in tag_dates(text[start:end], None, "news"):
            mentions.append(_shifted(mention, start))
    return find_stamps(text, mentions)


def _shifted(mention: TimeMention, offset: int) -> TimeMention:
    return replace(mention, span=(mention.span[0] + offset, mention.span[1] + offset))
