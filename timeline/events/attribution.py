"""Attribution in a sentence: who reported it ("the source said", "according to ...").

A headline drops it, unless the date belongs to the saying itself ("Kirby said on Monday that ...").
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.events.wording import DOUBLE_QUOTES, TOKEN, bare, tidy, title_words

_CREDIT = re.compile(r"\s*\[[^\[\]]*\]\s*$")
SAID_THAT = re.compile(
    r"\b(said|says|announced|declared|mentioned|added|told|stated|confirmed)(\s*\u27e8T\u27e9)?\s+that\s+",
    re.I,
)
_TAIL_WINDOW = 240
_SAID_REACH = 5  # "..., the ministry said in a statement": the verb stands among the last few words


def _without_said_tail(text: str) -> str:
    """``text`` without a closing ", the ministry said in a statement" (or ”  X said after a quote)."""
    words = title_words()
    body = text.rstrip().rstrip(".!?")
    boundary = max(body.rfind(","), body.rfind("”"), body.rfind('"'))
    if boundary < 0:
        return text
    tail = body[boundary + 1 :]
    tokens = [bare(token) for token in tail.split()]
    if (
        not tokens
        or len(tokens) > words.max_tail_words
        or any(mark in tail for mark in DOUBLE_QUOTES)
        or not words.attribution_verbs.intersection(tokens[-_SAID_REACH:])
    ):
        return text
    return body[: boundary + 1] if body[boundary] != "," else body[:boundary]


@lru_cache(maxsize=4096)
def strip_attribution(text: str, *, keep_speaker: bool = False) -> str:
    """``text`` without who reported it; ``keep_speaker`` keeps a leading "X said" (the dated act)."""
    words = title_words()
    text = _CREDIT.sub("", text)
    text = words.attribution_head.sub("", text)
    window = max(0, len(text) - _TAIL_WINDOW)  # the pattern only ever matches the end: search only there
    shorter = text[:window] + words.attribution_tail.sub("", text[window:])
    if len(TOKEN.findall(shorter)) >= words.min_words:
        text = shorter
    shorter = _without_said_tail(text)
    if len(TOKEN.findall(shorter)) >= words.min_words:
        text = shorter
    if not keep_speaker:
        shorter = words.attribution_colon.sub("", text, count=1)
        if len(TOKEN.findall(shorter)) >= words.min_words:
            text = shorter
    return tidy(text)


def saying_is_dated(sentence: str, time_span: tuple[int, int]) -> bool:
    """The date belongs to a reporting verb: "Kirby said on Monday", "officials mentioned Wednesday"."""
    words = title_words()
    before = [bare(token) for token in sentence[: time_span[0]].split()[-3:]]
    after = [bare(token) for token in sentence[time_span[1] :].split()[:2]]
    return bool(words.attribution_verbs.intersection(before + after))
