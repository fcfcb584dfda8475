"""The date tagger: scan with the grammar, keep the longest non-overlapping matches, resolve them in
reading order (so narrative text can anchor each date on the one before), then attach modifiers
("early", "the end of", "since") and link ranges."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import lru_cache

from timeline.dates import calendar as cal
from timeline.dates.anchors import main_year, remember
from timeline.dates.fold import matchable
from timeline.dates.lexicon import lexicon
from timeline.dates.lines import crosses_line_break, line_pieces
from timeline.dates.names import drop_titles
from timeline.dates.patterns import (
    BEFORE_AFTER_BEFORE,
    PART_OF_PERIOD_BEFORE,
    RANGE_JOINER,
    RANGE_OPENER,
    SINCE_BEFORE,
    Rule,
    rules,
)
from timeline.dates.resolve import HANDLERS, Context, Piece
from timeline.dates.resolve.times import mark_time_types
from timeline.dates.trigger_words import CASED_TRIGGERS, number_classes, triggers
from timeline.model import Mode, Precision, TimeMention

_UNANCHORED_VALUE: dict[Precision, str] = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "month": "XXXX-XX",
    "season": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}

_MODIFIABLE: frozenset[Precision] = frozenset(
    {"month", "season", "quarter", "half", "year", "decade", "century"}
)


WINDOW_BEFORE, WINDOW_AFTER = 40, 32
"""How far around a trigger word a match can reach ("the beginning of" ... "summer" ... "of 2018")."""

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, as a trie ("da(?:y(?:s)?)"): one pass of the
    regex engine tries a word's letters once, not every word of the list in turn."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


_LETTER_RUN = re.compile(r"[a-z]+")


@lru_cache(maxsize=8)
def _word_scanner(words: frozenset[str]) -> re.Pattern[str] | None:
    """The trigger words (whole runs of ASCII letters, as the plain tokenizer ``[a-z]+|\\d+`` of
    ``triggers()`` splits them), each with the character before it, in a text given one space in
    front: the same words as that tokenizer filtered by the words, without a step of Python per word.
    The pattern begins with a character class (the non-letter before a word), not a look-behind, so
    the regex engine skips the letters between words (most of a text) without trying it there."""
    # A key of digits is found by the number scan; any other key the tokenizer never yields either.
    letters = sorted(word for word in words if _LETTER_RUN.fullmatch(word))
    if not letters:
        return None
    return re.compile(r"[^a-z](" + _trie(letters) + r")(?![a-z])")


_NUMBER = re.compile(r"\d+")


def trigger_tokens(lowered: str, words: frozenset[str]) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """The trigger words of the ASCII-lower-cased text (matches of ``_word_scanner``: group 1 is the
    word, one place right of where it is in ``lowered``) and its numbers (matches in ``lowered``)."""
    scanner = _word_scanner(words)
    found = [] if scanner is None else list(scanner.finditer(" " + lowered))
    return found, list(_NUMBER.finditer(lowered))


def _windows_by_trigger(text: str, classes: dict[str, tuple[str, ...]]) -> dict[str, list[tuple[int, int]]]:
    """Merged character windows around the trigger words of each class: where its rules can match."""
    windows: dict[str, list[tuple[int, int]]] = {}

    def add(names: tuple[str, ...], word_start: int, word_end: int, lower_case_word: bool) -> None:
        start, end = max(0, word_start - WINDOW_BEFORE), word_end + WINDOW_AFTER
        for name in names:
            if lower_case_word and name in CASED_TRIGGERS:
                continue
            spans = windows.get(name)
            if spans is None:
                windows[name] = [(start, end)]
            elif start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], end))
            else:
                spans.append((start, end))

    # Lower-casing is ASCII-only so offsets stay the same (``str.lower`` is, on ASCII text, and faster).
    lowered = text.lower() if text.isascii() else text.translate(_ASCII_LOWER)
    words, numbers = trigger_tokens(lowered, frozenset(classes))
    word_entries = (
        (m.start(1) - 1, m.end(1) - 1, classes[m.group(1)], text[m.start(1) - 1].islower()) for m in words
    )
    number_entries = (
        (m.start(), m.end(), number_classes(lowered, m.start(), m.end()) + classes.get(m.group(), ()), False)
        for m in numbers
    )
    if any(word.isdigit() for word in classes):
        # A class of both words and numbers: its windows must come in reading order.
        entries: Iterable[tuple[int, int, tuple[str, ...], bool]] = sorted([*word_entries, *number_entries])
    else:
        entries = itertools.chain(word_entries, number_entries)
    for word_start, word_end, names, lower_case_word in entries:
        add(names, word_start, word_end, lower_case_word)
    return windows


def _intersection(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where two sorted lists of disjoint windows overlap."""
    out: list[tuple[int, int]] = []
    i = j = 0
    while i < len(first) and j < len(second):
        start = max(first[i][0], second[j][0])
        end = min(first[i][1], second[j][1])
        if start < end:
            out.append((start, end))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return out


_Candidate = tuple[int, int, int, re.Match[str]]
"""start, end, rule index, match."""


def _candidates(
    text: str, rule_list: tuple[Rule, ...], classes: dict[str, tuple[str, ...]]
) -> list[_Candidate]:
    # Scanning every rule over the whole text costs most of the time; each rule only needs the
    # neighbourhood of its trigger words.
    windows = _windows_by_trigger(text, classes)
    both: dict[tuple[str, str], list[tuple[int, int]]] = {}
    found: dict[tuple[int, int, int], re.Match[str]] = {}
    length = len(text)
    for rule_index, rule in enumerate(rule_list):
        spans = windows.get(rule.trigger)
        if not spans:
            continue
        if rule.also is not None:
            key = (rule.trigger, rule.also)
            if key not in both:
                both[key] = _intersection(spans, windows.get(rule.also, []))
            spans = both[key]
        search, finditer = rule.regex.search, rule.regex.finditer
        for window_start, window_end in spans:
            stop = min(window_end, length)
            # Most windows hold no match: one search says so for less than an iterator costs. From the
            # first match on, finditer goes on as it would have from the window's start.
            first = search(text, window_start, stop)
            if first is None:
                continue
            for m in finditer(text, first.start(), stop):
                start, end = m.span()
                if end <= start:
                    continue
                if text.find("\n", start, end) < 0 or not crosses_line_break(text, start, end):
                    found.setdefault((start, end, rule_index), m)
                    continue
                for piece_start, piece_end in line_pieces(text, start, end):  # each line on its own
                    for inner in finditer(text, piece_start, piece_end):
                        if inner.end() > inner.start():
                            found.setdefault((inner.start(), inner.end(), rule_index), inner)
    return [(start, end, rule_index, m) for (start, end, rule_index), m in found.items()]


def tag_dates(
    text: str, dct: date | None, mode: Mode = "news", *, all_types: bool = False
) -> list[TimeMention]:
    """Every date expression of ``text`` in reading order.

    News anchors relative expressions at ``dct`` (the publication date); narrative anchors them at the
    date last mentioned. With no ``dct`` and nothing to anchor on, relative expressions are returned
    unanchored (``anchored=False``, no interval), never dated from today.

    The default output holds DATE and TIME mentions (a TIME valued by its day), what a timeline draws.
    ``all_types=True`` adds every TIMEX3 TempEval-3 scores: durations, sets, reference words ("now"
    ``PRESENT_REF``) and TIME values with the clock (see ``timeline.dates.all_types``).
    """
    if not text:
        return []
    if all_types:
        # The every-type grammar and passes load only when asked for: the default output starts faster.
        from timeline.dates.all_types import all_trigger_classes, finish_all_types, type_rules
    original, text = text, matchable(text)  # same length: offsets hold in both
    ctx = Context(text=text, dct=dct, mode=mode, main_year=main_year(text) if mode == "narrative" else None)
    rule_list = rules() + type_rules() if all_types else rules()
    mentions: list[TimeMention] = []
    found = _candidates(text, rule_list, all_trigger_classes() if all_types else triggers().classes)
    # Try candidates leftmost-longest; when a handler rejects one, shorter overlapping ones get a chance.
    found.sort(key=lambda item: (item[0], item[0] - item[1], item[2]))
    covered_until = 0
    for start, end, rule_index, match in found:
        if start < covered_until:
            continue
        try:
            pieces = HANDLERS[rule_list[rule_index].name](match, ctx)
        except cal.OutOfRange as beyond:
            # "50 centuries ago": a date before year 1 (or after 9999) is kept, named but not drawn.
            pieces = [Piece(start, end, None, beyond.precision, relative=True, value=beyond.value)]
        if pieces is None:
            continue
        covered_until = end  # an empty list claims the words as no date ("the 9/11 Commission")
        for piece in pieces:
            mention = _mention(text, piece)
            mentions.append(mention)
            remember(ctx, mention, piece)
    tagged = _link_ranges(text, _attach_modifiers(text, _absorb_clock_times(text, mentions)))
    tagged = drop_titles(text, tagged)
    tagged = finish_all_types(text, tagged) if all_types else mark_time_types(tagged)
    if original is text:
        return tagged
    return [replace(m, text=original[m.span[0] : m.span[1]]) for m in tagged]


def _mention(text: str, piece: Piece) -> TimeMention:
    interval = piece.interval
    if interval is None:
        return TimeMention(
            span=(piece.start, piece.end),
            text=text[piece.start : piece.end],
            value=piece.value or _UNANCHORED_VALUE[piece.precision],
            start=None,
            end=None,
            precision=piece.precision,
            anchored=False,
            relative=piece.kind == "DATE",
            type=piece.kind,
            freq=piece.freq,
        )
    return TimeMention(
        span=(piece.start, piece.end),
        text=text[piece.start : piece.end],
        value=interval.value,
        start=interval.start,
        end=interval.end,
        precision=interval.precision,
        relative=piece.relative,
        mod=interval.mod,
    )


_TIME_JOINER = re.compile(r"^(?:\s*,)?\s*(?:(?i:at|-|–))?\s*$")


_WEEKDAY_JOINER = re.compile(
    r"^\s*(?:(?i:morning|afternoon|evening|night|dawn|dusk))?\s*(?:,|(?i:of|the))?\s*$"
)


def _absorb_clock_times(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """ "April 8, 2017 at 2:41 pm", "9 a.m. Tuesday" and "Sunday dawn of 25 June 1950" are one expression
    each: a clock time or a weekday joins the date beside it, and the more precise date gives the value."""
    out: list[TimeMention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        keep = _joined_value(text, previous, mention) if previous is not None else None
        if previous is None or keep is None:
            out.append(mention)
            continue
        out[-1] = replace(
            keep, span=(previous.span[0], mention.span[1]), text=text[previous.span[0] : mention.span[1]]
        )
    return out


def _joined_value(text: str, previous: TimeMention, mention: TimeMention) -> TimeMention | None:
    """Which of two adjacent day mentions gives the value of the expression they form, or None."""
    if not {previous.type, mention.type} <= {"DATE", "TIME"} or "_REF" in previous.value + mention.value:
        return None  # a duration or a reference word ("now") never joins a clock time
    if previous.precision != "day" and not _CLOCK.match(previous.text):
        return None
    if mention.precision != "day":
        return None
    between = text[previous.span[1] : mention.span[0]]
    if "\n" in between and crosses_line_break(text, previous.span[0], mention.span[1]):
        return None
    weekday_then_date = (
        previous.relative
        and not mention.relative
        and previous.text.rstrip("’'s").rstrip(".").lower() in _weekday_names()
        and _WEEKDAY_JOINER.match(between)
    )
    if weekday_then_date or (_CLOCK.match(previous.text) and _CLOCK_THEN_DATE.match(between)):
        return mention
    if _DAY_PART_END.search(previous.text):
        return None  # "Sunday night at 8 PM": TimeML keeps the part of the day and the clock apart
    if mention.relative and _CLOCK.match(mention.text) and _TIME_JOINER.match(between):
        return previous
    return None


def _weekday_names() -> frozenset[str]:
    return frozenset(lexicon().weekdays)


_DAY_PART_END = re.compile(r"(?i:morning|afternoon|evening|night)$")
_CLOCK_THEN_DATE = re.compile(r"^\s*(?:(?i:[ecmp][sd]t|gmt|utc)\b)?\s*(?:,|(?i:on))?\s*$")
"""Between a clock time and the date it belongs to: "5 p.m. EST, Nov. 6", "9 a.m. on Tuesday"."""

_CLOCK = re.compile(
    r"^(?:\d{1,2}(?::\d\d)?\s*[AaPp]\.?[Mm]\b|(?i:noon|midnight|midday)|(?:[01]\d|2[0-3])[.:]?[0-5]\d\s*[A-Z]{2,4}\b)"
)
"""A clock time opening a mention: "9 a.m.", "noon", a 24-hour time with its zone ("1400 GMT")."""


def _attach_modifiers(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    out: list[TimeMention] = []
    previous_end = 0
    for mention in mentions:
        start = mention.span[0]
        window_start = max(previous_end, start - 40)
        before = text[window_start:start]
        if (
            mention.start is not None
            and mention.end is not None
            and mention.precision in _MODIFIABLE
            and mention.mod is None
        ):
            m = PART_OF_PERIOD_BEFORE.search(before) if _holds_any(before, _PART_OF_PERIOD_WORDS) else None
            if m and crosses_line_break(text, window_start + m.start(), start):
                m = None  # "Late" ending a heading line does not modify the date opening the next
            if m:
                mod = _mod_of(m.group("early"), m.group("of"))
                interval = cal.narrow(
                    cal.Interval(mention.value, mention.start, mention.end, mention.precision), mod
                )
                new_start = window_start + m.start()
                mention = replace(
                    mention,
                    span=(new_start, mention.span[1]),
                    text=text[new_start : mention.span[1]],
                    start=interval.start,
                    end=interval.end,
                    mod=interval.mod,
                )
        if mention.type == "DATE" and mention.mod is None:
            window = text[max(previous_end, mention.span[0] - 15) : mention.span[0]]
            if _holds_any(window, ("since",)) and SINCE_BEFORE.search(window):
                mention = replace(mention, mod="SINCE")
        if mention.type == "DATE" and mention.mod is None and mention.start is not None:
            window = text[max(previous_end, mention.span[0] - 24) : mention.span[0]]
            signal = BEFORE_AFTER_BEFORE.search(window) if _holds_any(window, ("before", "after")) else None
            if signal:
                mention = replace(mention, mod=signal["dir"].upper())  # "long before 2003": BEFORE
        out.append(mention)
        previous_end = mention.span[1]
    return out


_PART_OF_PERIOD_WORDS = (
    "early",
    "late",
    "mid",
    "end",
    "beginning",
    "start",
    "middle",
    "close",
    "half",
    "part",
)
"""A word every match of ``PART_OF_PERIOD_BEFORE`` holds."""


def _holds_any(window: str, words: tuple[str, ...]) -> bool:
    """Whether ``window`` holds one of the lower-case ``words`` in any case: a cheap test before a
    regular expression anchored at the window's end, which would try every place in it. (The text is
    folded: a letter that matches an ASCII one case-insensitively is that ASCII letter.)"""
    lowered = window.lower()
    return any(word in lowered for word in words)


def _mod_of(early: str | None, of: str | None) -> str:
    if early:
        return {"early": "START", "mid": "MID", "late": "END"}[early.lower()]
    part = " ".join((of or "").lower().split())
    return {
        "end": "END_EXACT",
        "close": "END_EXACT",
        "beginning": "START",
        "start": "START",
        "middle": "MID",
        "first half": "START",
        "second half": "END",
        "latter part": "END",
    }.get(part, "END")


def _link_ranges(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """Give both ends of "from X to Y", "between X and Y", "X-Y" a shared range id.

    A first end written without its year ("between March and May 2003") takes the second end's year.
    """
    out = list(mentions)
    next_id = 0
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if first.range_id is not None or first.start is None or second.start is None:
            continue
        between = text[first.span[1] : second.span[0]]
        if not RANGE_JOINER.match(between):
            continue
        opened = RANGE_OPENER.search(text[max(0, first.span[0] - 10) : first.span[0]]) is not None
        if between.strip().lower() == "and" and not opened:
            continue  # "in May and June" lists two dates; "between May and June" is a range
        if (
            first.relative
            and not second.relative
            and first.precision == "month"
            and second.precision in ("month", "day")
        ):
            year = second.start.year - (1 if first.start.month > second.start.month else 0)
            if year >= cal.FIRST_YEAR:
                fixed = cal.month(year, first.start.month)
                first = replace(first, value=fixed.value, start=fixed.start, end=fixed.end)
        out[i] = replace(first, range_id=next_id)
        out[i + 1] = replace(second, range_id=next_id)
        next_id += 1
    return out
