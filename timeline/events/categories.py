"""Choose an event's category from the cue words of its sentence.

The categories, their cues and the weights are data (``timeline/data/categories.json``): verb cues name
the action and count more than topic words, and cues close to the time expression count more, because in
"the ministry said on Friday it would keep fighting" the dated act is the saying.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.events.resources import load_data

_WORD = re.compile(r"[\w’']+")


@dataclass(frozen=True, slots=True)
class _Cue:
    category: str
    pattern: re.Pattern[str]
    weight: float


@dataclass(frozen=True, slots=True)
class _Settings:
    cues: tuple[_Cue, ...]
    order: tuple[str, ...]
    default: str
    near_bonus: float
    near_words: int


def _cue_regex(cue: str) -> str:
    stem = cue.rstrip("*")
    words = [re.escape(word) for word in stem.split()]
    body = r"\s+".join(words)
    tail = r"\w*" if cue.endswith("*") else ""
    return rf"(?<!\w){body}{tail}(?!\w)"


@cache
def _settings() -> _Settings:
    data = load_data("categories.json")
    verb_weight = float(data["verb_weight"])
    cues: list[_Cue] = []
    for category, spec in data["categories"].items():
        for cue in spec.get("verbs", []):
            cues.append(_Cue(category, re.compile(_cue_regex(cue), re.IGNORECASE), verb_weight))
        for cue in spec.get("words", []):
            cues.append(_Cue(category, re.compile(_cue_regex(cue), re.IGNORECASE), 1.0))
    return _Settings(
        cues=tuple(cues),
        order=tuple(data["categories"]),
        default=str(data["default"]),
        near_bonus=float(data["near_bonus"]),
        near_words=int(data["near_words"]),
    )


def category_scores(sentence: str, time_span: tuple[int, int] | None = None) -> dict[str, float]:
    """Score of every category for ``sentence``; ``time_span`` (offsets in the sentence) adds nearness."""
    settings = _settings()
    near: tuple[int, int] | None = None
    if time_span is not None:
        before = [m.start() for m in _WORD.finditer(sentence, 0, time_span[0])]
        after = [m.end() for m in _WORD.finditer(sentence, time_span[1])]
        low = before[-settings.near_words] if len(before) >= settings.near_words else 0
        high = after[settings.near_words - 1] if len(after) >= settings.near_words else len(sentence)
        near = (low, high)
    scores: dict[str, float] = {}
    for cue in settings.cues:
        for match in cue.pattern.finditer(sentence):
            weight = cue.weight
            if near is not None and near[0] <= match.start() < near[1]:
                weight += settings.near_bonus
            scores[cue.category] = scores.get(cue.category, 0.0) + weight
    return scores


def choose_category(sentence: str, time_span: tuple[int, int] | None = None) -> str:
    """The best-scoring category of ``sentence``, or the data's default when no cue matches."""
    settings = _settings()
    scores = category_scores(sentence, time_span)
    if not scores:
        return settings.default
    return max(
        settings.order, key=lambda category: (scores.get(category, 0.0), -settings.order.index(category))
    )


def category_names() -> tuple[str, ...]:
    """Every category the data defines, plus the default."""
    settings = _settings()
    return (*settings.order, settings.default)
