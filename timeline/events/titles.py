"""Turn a dated sentence into a short headline a teacher could read aloud.

The headline keeps the sentence's own words: it drops the time expression (the timeline shows the date),
attribution ("the source said", "according to ..."), opening connectives ("But", "However,") and photo
credits, then, when still long, cuts at the last clause or phrase boundary that fits, never mid-phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.events.clauses import MARKER, dated_clause
from timeline.events.resources import load_data

_TOKEN = re.compile(r"\S+")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?’”)\]])")
_CREDIT = re.compile(r"\s*\[[^\[\]]*\]\s*$")
# "BAGHDAD—", "CANBERRA, Australia (AP)_ ", "O'SMACH, Cambodia (AP) - ": a wire dateline opening the text.
_CAPS_DATELINE = re.compile(
    r"^[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+)*(?:,(?: [A-Z][\w.'-]*){1,3})?\s*(?:\([A-Za-z]+\))?\s*(?:—|–|--|_|:|\s-\s)\s*"
)
_WORD_DATELINE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?:\s+")
_SAID_THAT = re.compile(
    r"\b(said|says|announced|declared|mentioned|added|told|stated|confirmed)(\s*\u27e8T\u27e9)?\s+that\s+",
    re.I,
)
_TAIL_WINDOW = 240
_SAID_REACH = 5  # "..., the ministry said in a statement": the verb stands among the last few words
_DOUBLE_QUOTES = '“”"'
_STRIP_CHARS = " ,;:.—–-\u00a0"


@dataclass(frozen=True, slots=True)
class _Words:
    max_words: int
    min_words: int
    attribution_verbs: frozenset[str]
    max_tail_words: int
    attribution_tail: re.Pattern[str]
    attribution_head: re.Pattern[str]
    attribution_colon: re.Pattern[str]
    connective: re.Pattern[str]
    clause_start: frozenset[str]
    time_lead: frozenset[str]
    clause_words: frozenset[str]
    phrase_words: frozenset[str]
    dangling: frozenset[str]


def _alternation(words: list[str]) -> str:
    return "|".join(
        r"\s+".join(re.escape(w) for w in word.split()) for word in sorted(words, key=len, reverse=True)
    )


@cache
def _words() -> _Words:
    data = load_data("events_titles.json")
    verbs = _alternation(data["attribution_verbs"])
    tails = _alternation(data["attribution_tail_starts"])
    return _Words(
        max_words=int(data["max_words"]),
        attribution_verbs=frozenset(data["attribution_verbs"]),
        max_tail_words=int(data["max_attribution_words"]),
        min_words=int(data["min_words"]),
        # ", according to an informed source." at the end, or "According to X, " at the start.
        attribution_tail=re.compile(rf",\s*(?:{tails})\b[^;“”\"]{{0,100}}[.!?]?\s*$", re.I),
        attribution_head=re.compile(rf"^(?:{tails})\b[^,;“”\"]{{0,100}},\s*", re.I),
        # "The source said: " / "The source told X that " at the start.
        attribution_colon=re.compile(
            rf"^[^,;:“”\"]{{0,60}}?\b(?:{verbs})\b(?:\s+[A-Z][\w’'-]*){{0,4}}?\s*(?::|\s+that\b)\s*", re.I
        ),
        connective=re.compile(rf"^(?:{_alternation(data['leading_connectives'])})\b,?\s*", re.I),
        clause_start=frozenset(data["leading_clause_starts"]),
        time_lead=frozenset(data["time_lead_words"]),
        clause_words=frozenset(data["clause_words"]),
        phrase_words=frozenset(data["phrase_words"]),
        dangling=frozenset(data["dangling_words"]),
    )


def _bare(token: str) -> str:
    return token.strip(".,;:!?“”\"‘’'()[]—–").lower()


def _cut_time(sentence: str, time_span: tuple[int, int], placeholder: str) -> str:
    words = _words()
    start, end = time_span
    # A span that stops inside a word ("first quarter" of "first quarterly") takes the whole word.
    while 0 < start < len(sentence) and sentence[start - 1].isalnum() and sentence[start].isalnum():
        start -= 1
    while 0 < end < len(sentence) and sentence[end - 1].isalnum() and sentence[end].isalnum():
        end += 1
    head = sentence[:start]
    while True:
        match = re.search(r"(\S+)\s*$", head)
        if not match or match.group(1).lower() not in words.time_lead:
            break
        head = head[: match.start()]
    tail = sentence[end:]
    tail = re.sub(r"^[’']s\b", "", tail)  # "Friday’s strikes" -> "strikes"
    if head.rstrip().endswith(",") and tail.lstrip().startswith(","):
        tail = tail.lstrip()[1:]
    return f"{head} {placeholder} {tail}"


def remove_time(
    sentence: str,
    time_span: tuple[int, int],
    placeholder: str = "",
    other_spans: tuple[tuple[int, int], ...] = (),
) -> str:
    """``sentence`` without the time expression and the little words that introduce it ("on", "in the").

    ``placeholder`` takes the expression's place (to find its clause later); empty removes it.
    ``other_spans`` are the sentence's other time expressions, removed too (they date other things).
    """
    text = sentence
    spans = sorted({time_span, *other_spans}, reverse=True)
    for span in spans:
        if span != time_span and (span[0] < time_span[1] and time_span[0] < span[1]):
            continue
        text = _cut_time(text, span, placeholder if span == time_span else "")
    return _tidy(text)


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = text.replace(",,", ",")
    return text.strip(_STRIP_CHARS)


def _without_said_tail(text: str) -> str:
    """``text`` without a closing ", the ministry said in a statement" (or ”  X said after a quote)."""
    words = _words()
    body = text.rstrip().rstrip(".!?")
    boundary = max(body.rfind(","), body.rfind("”"), body.rfind('"'))
    if boundary < 0:
        return text
    tail = body[boundary + 1 :]
    tokens = [_bare(token) for token in tail.split()]
    if (
        not tokens
        or len(tokens) > words.max_tail_words
        or any(mark in tail for mark in _DOUBLE_QUOTES)
        or not words.attribution_verbs.intersection(tokens[-_SAID_REACH:])
    ):
        return text
    return body[: boundary + 1] if body[boundary] != "," else body[:boundary]


def strip_attribution(text: str, *, keep_speaker: bool = False) -> str:
    """``text`` without who reported it; ``keep_speaker`` keeps a leading "X said" (the dated act)."""
    words = _words()
    text = _CREDIT.sub("", text)
    text = words.attribution_head.sub("", text)
    window = max(0, len(text) - _TAIL_WINDOW)  # the pattern only ever matches the end: search only there
    shorter = text[:window] + words.attribution_tail.sub("", text[window:])
    if len(_TOKEN.findall(shorter)) >= words.min_words:
        text = shorter
    shorter = _without_said_tail(text)
    if len(_TOKEN.findall(shorter)) >= words.min_words:
        text = shorter
    if not keep_speaker:
        shorter = words.attribution_colon.sub("", text, count=1)
        if len(_TOKEN.findall(shorter)) >= words.min_words:
            text = shorter
    return _tidy(text)


@cache
def _opener_limits() -> tuple[frozenset[str], int, int]:
    data = load_data("events_titles.json")
    short = frozenset(data["short_opener_words"])
    return short, int(data["max_short_opener_words"]), int(data["max_opener_words"])


def _opener_limit(first_word: str) -> int:
    """How long an opening phrase may be and still be dropped ("In recent months a group ..." is a subject)."""
    short, short_limit, limit = _opener_limits()
    return short_limit if first_word in short else limit


def _starts_a_clause(rest: str) -> bool:
    """What follows an opener begins with a subject ("the talks", "it", "Gen. Allen"), not "led by ..."."""
    first = rest.strip(_STRIP_CHARS).split(" ", 1)[0]
    return bool(first) and (first[:1].isupper() or first.lower() in _subject_words())


@cache
def _subject_words() -> frozenset[str]:
    return frozenset(load_data("events_titles.json")["subject_starts"])


def _drop_openers(text: str) -> str:
    words = _words()
    text = _CAPS_DATELINE.sub("", text)
    text = _WORD_DATELINE.sub("", text)
    text = re.sub(rf"^\s*{MARKER}\s*,?\s*", "", text)
    previous = None
    while previous != text:
        previous = text
        text = words.connective.sub("", text).lstrip(_STRIP_CHARS)
        first, comma, rest = text.partition(",")
        opener = first.split()
        if (
            comma
            and MARKER not in first
            and opener
            and opener[0].lower() in words.clause_start
            and len(opener) <= _opener_limit(opener[0].lower())
            and _starts_a_clause(rest)
            and len(_TOKEN.findall(rest)) >= words.min_words
        ):
            text = rest.lstrip(_STRIP_CHARS)
    return text


def _cut(text: str) -> str:
    """At most ``max_words`` words, ending at the last clause boundary, else phrase boundary, that fits."""
    words = _words()
    tokens = list(_TOKEN.finditer(text))
    if len(tokens) <= words.max_words:
        return text
    clause_cut: int | None = None
    phrase_cut: int | None = None
    for index in range(words.min_words, words.max_words + 1):
        previous = tokens[index - 1].group(0)
        current = _bare(tokens[index].group(0))
        if previous.endswith((",", ";", ":", "—", "–")) or current in words.clause_words:
            clause_cut = index
        elif current in words.phrase_words or tokens[index].group(0).startswith(("(", "“", '"', "—")):
            phrase_cut = index
    # A clause boundary reads best, unless it leaves a stub and a phrase boundary keeps much more.
    if clause_cut is not None and phrase_cut is not None and clause_cut < words.max_words * 0.6:
        clause_cut = max(clause_cut, phrase_cut)
    cut = clause_cut or phrase_cut or words.max_words
    return text[: tokens[cut - 1].end()]


def _trim_dangling(text: str) -> str:
    words = _words()
    tokens = text.split()
    while len(tokens) > 1 and (_bare(tokens[-1]) in words.dangling or not _bare(tokens[-1])):
        tokens.pop()
    return " ".join(tokens).strip(_STRIP_CHARS)


def _balance_quotes(text: str) -> str:
    opened = text.count("“") + text.count('"')
    if text.count("“") != text.count("”") or (opened % 2 and '"' in text):
        return "".join(char for char in text if char not in _DOUBLE_QUOTES)
    return text


def _saying_is_dated(sentence: str, time_span: tuple[int, int]) -> bool:
    """The date belongs to a reporting verb: "Kirby said on Monday", "officials mentioned Wednesday"."""
    words = _words()
    before = [_bare(token) for token in sentence[: time_span[0]].split()[-3:]]
    after = [_bare(token) for token in sentence[time_span[1] :].split()[:2]]
    return bool(words.attribution_verbs.intersection(before + after))


def make_title(
    sentence: str,
    time_span: tuple[int, int] | None = None,
    other_spans: tuple[tuple[int, int], ...] = (),
) -> str:
    """A headline of at most about 12 words built from ``sentence``.

    ``time_span`` (offsets into ``sentence``) is the dated expression: it (and ``other_spans``, the
    sentence's other time expressions) is dropped from the headline,
    the headline comes from the clause holding it, and a leading "X said" is kept when the date belongs
    to the saying.
    """
    text = sentence
    speaker_dated = False
    if time_span is not None:
        quoted = sentence[: time_span[0]].count("“") > sentence[: time_span[0]].count("”")
        speaker_dated = quoted or _saying_is_dated(sentence, time_span)
        marked = remove_time(sentence, time_span, MARKER, other_spans)
        # A date inside a quotation belongs to the whole quoted statement, speaker included.
        text = marked if quoted else dated_clause(marked)
    text = strip_attribution(text, keep_speaker=speaker_dated)
    if speaker_dated:
        text = _SAID_THAT.sub(r"\1\2 ", text, count=1)
    text = _tidy(_drop_openers(text).replace(MARKER, ""))
    text = _trim_dangling(_cut(text))
    text = _balance_quotes(text).strip(_STRIP_CHARS)
    if len(text.split()) < 2:
        text = _trim_dangling(_cut(_tidy(sentence)))
    return text[:1].upper() + text[1:]
