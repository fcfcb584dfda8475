"""Which way a bare date points: the tense of the verb that governs it.

"due to leave his post in November" points forward; "fell to ISIS in May" points back. The cue that
governs the date is looked for in its clause, in words: first the nearest cue before the date with no
comma between (English verbs mostly precede their time adjunct: "will try to plug the well ... on
Wednesday"), then the nearest one after it ("on Monday will visit"), then the nearest across a comma
("On Monday, BP said"). No cue means the caller's default.

Participles are read by what governs them: after a present or future auxiliary a participle of
planning is a future cue ("results are expected on Monday", "is scheduled for"), after a past one the
auxiliary carries the tense ("had been expected on Monday"), and a compound adjective ("so-called",
"long-delayed") or a passive after "be" ("will be named") is no cue at all. The future phrases are the
event stage's table (``events_tense.json``) together with the tagger's lexicon, so the tagger and the
planned-event rule read one list.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from timeline.dates import tense_cues as lexis
from timeline.dates.lexicon import lexicon
from timeline.resources import load_data

Tense = Literal["past", "future"]
Reading = Literal["past", "future", "present", "weak future"]
"""A weak future (a plan participle with no auxiliary: "planned a rally", "a service planned for") governs
only when no other cue stands in the clause."""

_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|\s[—–-]\s|—|\n|(?<![ap]\.m)(?<![AP]\.M)[.!?](?=\s)")
"""Clause ends; the full stop of a clock time ("at 9 a.m. Tuesday") is not one."""
_WORD = re.compile(r"[A-Za-z’']+(?:-[A-Za-z’']+)*")
"""A word; a hyphenated compound ("so-called", "long-delayed") is one word, and never a verb."""
_FILLER = r"(?:\s+(?:[a-z]+ly|now|still|also|not|already|again|then|even|only))?"
"""An adverb that may stand inside a future phrase: "hopes partly to", "is now due to"."""
_ASIDE = re.compile(r",\s*(?:which|who|whom|whose|where)\b[^,;:]*,", re.IGNORECASE)
"""A relative clause set off by commas: its verbs govern its own words, not a date outside it."""
_AUX_BEFORE = re.compile(r"\b(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+$", re.IGNORECASE)
_THAT = re.compile(r"\bthat\b", re.IGNORECASE)
_REDUCED_PLAN = re.compile(r"(?:planned|scheduled|set|slated)\s+for", re.IGNORECASE)
_INFINITIVE_BEFORE = re.compile(r"\bto\s+[a-z]+\s+(?:\S+\s+){0,1}$")

_WINDOW = 300
"""Characters each side of the date searched for its clause (its words are what count)."""
MAX_WORDS = 16
"""A cue farther than this many words from the date governs another part of the sentence."""


@cache
def _future_phrases() -> re.Pattern[str]:
    """Multi-word future cues: the tagger's fixed ones, the lexicon's and the event stage's table."""
    data = load_data("events_tense.json")
    phrases = {p.replace("’", "'") for p in lexicon().strong_future_cues if " " in p}
    phrases |= {p.replace("’", "'") for p in data["future_cues"] if " " in p}
    phrases |= set(lexis.FIXED_FUTURE)
    # The phrases that share a first word are one branch ("is(?:...to|...expected...to)"): the engine
    # reads the first word once, not once per phrase. Two first words never match at one place (each is
    # followed by a space), so within a branch the phrases keep their order, longest first, and the
    # expression matches what the plain alternation of the phrases matches.
    branches: dict[str, list[str]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        first, *rest = (re.escape(w).replace("'", "['’]") for w in phrase.split())
        branches.setdefault(first.lower(), []).append("".join(_FILLER + r"\s+" + w for w in rest))
    body = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in branches.items())
    return re.compile(rf"(?i:(?<![\w'’-])(?:{body})(?![\w'’-]))")


@cache
def _future_words() -> frozenset[str]:
    data = load_data("events_tense.json")
    single = {p.replace("’", "'") for p in data["future_cues"] if " " not in p}
    single |= {p.replace("’", "'") for p in lexicon().strong_future_cues if " " not in p}
    # A participle alone is read by its auxiliary (below), not as a cue of its own.
    return frozenset(single - lexis.PLAN_PARTICIPLES - {"plans", "plan"})


_PAST_PERFECT = re.compile(
    r"\b(?:had|hadn['’]t)\s+(?:(?:not|never|yet|already)\s+)?(?:been|[a-z]+ed)\b", re.IGNORECASE
)


def past_perfect_in_clause(text: str, start: int, end: int) -> bool:
    """Whether the clause around [start, end) holds a past perfect: "Until Thursday, they had not called
    him a suspect" looks back from a day already past ("had until Tuesday to sign" is no such verb)."""
    clause_start, clause_end = clause_bounds(text, start, end)
    return _PAST_PERFECT.search(text, clause_start, clause_end) is not None


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): bounded by strong punctuation, dashes or line breaks."""
    left = max(0, start - _WINDOW)
    right = min(len(text), end + _WINDOW)
    clause_start = left
    for m in _CLAUSE_BREAK.finditer(text, left, start):
        clause_start = m.end()
    following_break = _CLAUSE_BREAK.search(text, end, right)
    clause_end = following_break.start() if following_break else right
    return clause_start, clause_end


_NOT_GOVERNED = "not governed"
Cue = tuple[int, int, Reading]
"""(start, end, reading) of one cue word or phrase."""


def _participle_cue(
    word: str, auxiliary: str, before_auxiliary: str, past_cues: frozenset[str]
) -> str | None:
    """What a participle after ``auxiliary`` says: a reading, None (no cue) or _NOT_GOVERNED."""
    is_participle = word in lexis.PLAN_PARTICIPLES or word.endswith("ed") or word in past_cues
    if not is_participle:
        return _NOT_GOVERNED
    if word in lexis.PLAN_PARTICIPLES and auxiliary in lexis.PRESENT_AUX | lexis.PERFECT_AUX:
        return "future"  # "are expected on Monday", "has scheduled a news conference Thursday"
    if auxiliary == "be" and before_auxiliary == "to":
        return "weak future"  # "guidelines to be published in early November" (but "found to be infected")
    if auxiliary in lexis.FINITE_PRESENT:
        return "present"  # "when the case is heard in May": a present verb, pointing neither way
    if auxiliary in lexis.PRESENT_AUX or auxiliary in lexis.PAST_AUX:
        return None  # "will be named", "had been expected", "was killed": the auxiliary carries the tense
    if auxiliary in lexis.PERFECT_AUX:
        return "past"  # "has announced on Monday"
    return _NOT_GOVERNED


def tense_of(text: str, start: int, end: int) -> Tense | None:
    """The tense governing the date at [start, end), from the cue that governs it in its clause."""
    clause_start, clause_end = clause_bounds(text, start, end)
    words = _words_near(text, clause_start, clause_end, start, end)
    before = [m for m in words if m.end() <= start][-MAX_WORDS:]
    after = [m for m in words if m.start() >= end][:MAX_WORDS]
    lo = before[0].start() if before else start
    hi = after[-1].end() if after else end
    covered: set[int] = set()
    cues = _phrase_cues(text, words, lo, hi, start, end, covered)
    if _INFINITIVE_BEFORE.search(text, max(clause_start, start - 30), start):
        infinitive = text.rfind("to", max(clause_start, start - 30), start)
        cues.append((infinitive, infinitive + 2, "future"))  # "set to resume Monday", "to expire Nov. 6"
        covered.update(w.start() for w in before if w.start() >= infinitive)
    for side in (before, after):
        cues.extend(_word_cues(side, covered))
    asides = [a.span() for a in _ASIDE.finditer(text, lo, hi) if not a.start() <= start < a.end()]
    best: tuple[tuple[int, ...], Reading] | None = None
    for cue_start, cue_end, reading in cues:
        aside = int(any(a_start <= cue_start < a_end for a_start, a_end in asides))
        rank = (int(reading == "weak future"), aside, *_rank(text, words, cue_start, cue_end, start, end))
        if best is None or rank < best[0]:
            best = (rank, reading)
    if best is None and clause_start > 0 and text[clause_start - 1] == "(":
        # "will leave at 4 in the morning (4 a.m. EDT Thursday)": an aside with no verb of its own
        # is read by the clause it stands in.
        return tense_of(text, clause_start - 1, clause_start - 1)
    if best is None or best[1] == "present":
        return None
    return "past" if best[1] == "past" else "future"  # a weak future governs as a future


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz’'-")
_NEAR_CHARS = 160
"""Where the scan for the words before a date starts: MAX_WORDS words fit in it mostly (else the clause's
start)."""


def _words_near(text: str, clause_start: int, clause_end: int, start: int, end: int) -> list[re.Match[str]]:
    """The clause's words outside the date, from at least MAX_WORDS before it to MAX_WORDS after it: what
    the cues are read from, the same words a scan of the whole clause gives there, found without it."""
    scan = max(clause_start, start - _NEAR_CHARS)
    while scan > clause_start and text[scan - 1] in _WORD_CHARS:
        scan -= 1  # a word is never cut: the scan starts where no word goes on across it
    while True:
        words: list[re.Match[str]] = []
        before = after = 0
        for m in _WORD.finditer(text, scan, clause_end):
            at = m.start()
            if start <= at < end:
                continue
            if at >= end:
                if after == MAX_WORDS:
                    break
                after += 1
            elif m.end() <= start:
                before += 1
            words.append(m)
        if before >= MAX_WORDS or scan == clause_start:
            return words
        scan = clause_start


def _phrase_cues(
    text: str, words: list[re.Match[str]], lo: int, hi: int, start: int, end: int, covered: set[int]
) -> list[Cue]:
    """The multi-word future cues around the date; the words they cover are marked in ``covered``."""
    cues: list[Cue] = []
    for m in _future_phrases().finditer(text, lo, hi):
        if m.start() < end and m.end() > start:
            continue
        head_start = max(lo, m.start() - 12)
        head = text[head_start : m.start()]
        # "had been scheduled to expire at midnight Friday": a plan the report has overtaken
        perfect = re.search(r"\bhad\s+been\s+$", head, re.IGNORECASE)
        aux = _AUX_BEFORE.search(head)  # "was set to": the auxiliary belongs to the phrase
        # "the service planned for Saturday was canceled": a participle with no auxiliary yields to a verb
        reduced = aux is None and _REDUCED_PLAN.fullmatch(m.group()) is not None
        cues.append((m.start(), m.end(), "past" if perfect else "weak future" if reduced else "future"))
        phrase_start = head_start + aux.start() if aux else m.start()
        covered.update(w.start() for w in words if phrase_start <= w.start() < m.end())
    return cues


def _word_cues(side: list[re.Match[str]], covered: set[int]) -> list[Cue]:
    """The one-word cues on one side of the date, each read with the auxiliary before it."""
    lx = lexicon()
    future_words = _future_words()
    cues: list[Cue] = []
    auxiliary = earlier = ""
    for index, m in enumerate(side):
        word = m.group().lower().replace("’", "'")
        governing, governing_before = auxiliary, earlier
        if not _is_filler(word):
            auxiliary, earlier = word, auxiliary
        if m.start() in covered or "-" in word or governing in lexis.BASE_FORM_AFTER:
            continue  # a compound adjective, or an infinitive ("is due to put"): no tense of its own
        reading = _participle_cue(word, governing, governing_before, lx.past_cues)
        if reading in _READINGS:
            cues.append((m.start(), m.end(), _READINGS[reading]))
        elif reading is None:
            continue
        elif word == "couldn't" or (
            word == "could"
            and (_next_word(side, index) in lexis.COULD_PAST or _negative_subject(side, index))
        ):
            cues.append((m.start(), m.end(), "past"))  # "could not be reached Tuesday", "could have"
        elif word in future_words or word in lexis.WOULD or word.endswith("'ll"):
            cues.append((m.start(), m.end(), "future"))
        elif word in lexis.PLAN_PARTICIPLES and word not in lx.past_cues:
            if word != "expected":  # "planned a rally for Sunday", "a scheduled appearance"
                cues.append((m.start(), m.end(), "weak future"))
        elif governing in lexis.DETERMINERS or (governing.endswith("ing") and governing != "having"):
            continue  # "the seabed", "expressing continued frustration": a noun or an adjective
        elif word in lx.past_cues or (
            len(word) > 4 and word.endswith("ed") and word not in lx.not_past_ed_words
        ):
            cues.append((m.start(), m.end(), "past"))
    return cues


def _negative_subject(side: list[re.Match[str]], index: int) -> bool:
    """Whether a negative subject ("neither ... nor", "nobody") stands in the few words before ``index``."""
    for w in reversed(side[max(0, index - 8) : index]):
        word = w.group().lower()
        if word in lexis.REPORTING_VERBS:
            return False
        if word in lexis.NEGATIVE_SUBJECTS:
            return True
    return False


def _next_word(side: list[re.Match[str]], index: int) -> str:
    return side[index + 1].group().lower() if index + 1 < len(side) else ""


_READINGS: dict[str, Reading] = {r: r for r in ("past", "future", "present", "weak future")}


def _is_filler(word: str) -> bool:
    return (len(word) > 4 and word.endswith("ly")) or word in ("not", "now", "still", "also", "already")


def _rank(
    text: str, words: list[re.Match[str]], cue_start: int, cue_end: int, start: int, end: int
) -> tuple[int, int, int]:
    """Lower governs: (crosses a comma, stands after the date, words between)."""
    if cue_end <= start:
        between = text[cue_end:start]
        gap = sum(1 for w in words if cue_end <= w.start() and w.end() <= start)
        after = 0
    else:
        between = text[end:cue_start]
        gap = sum(1 for w in words if end <= w.start() and w.end() <= cue_start)
        after = 1
    comma = 1 if "," in between or _THAT.search(between) else 0  # "added that ...": another clause
    return (comma, after if not comma else 0, gap)
