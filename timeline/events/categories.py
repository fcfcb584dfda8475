"""Choose an event's category from the cue words of its sentence.

The categories, their cues and the weights are data (``timeline/data/categories.json``): verb cues name
the action and count more than topic words; the headline (the clause that holds the date) counts more
than the rest of its sentence, because that clause says what happened at that date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from timeline.resources import load_data

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


@dataclass(frozen=True, slots=True)
class _Settings:
    exact: dict[str, tuple[tuple[tuple[str, ...], str, float], ...]]
    """First word -> (cue words, category, weight) of the exact cues starting with it."""
    prefixes: dict[str, tuple[tuple[tuple[str, ...], str, float], ...]]
    """First word (or first three letters of a one-word cue) -> (cue words, category, weight); the cue's
    last word is a prefix ("strike*")."""
    order: tuple[str, ...]
    default: str
    context_weight: float


@cache
def _settings() -> _Settings:
    data = load_data("categories.json")
    verb_weight = float(data["verb_weight"])
    exact: dict[str, list[tuple[tuple[str, ...], str, float]]] = {}
    prefixes: dict[str, list[tuple[tuple[str, ...], str, float]]] = {}
    for category, spec in data["categories"].items():
        weighted = [(cue, verb_weight) for cue in spec.get("verbs", [])]
        weighted += [(cue, 1.0) for cue in spec.get("words", [])]
        for cue, weight in weighted:
            words = tuple(cue.rstrip("*").lower().split())
            if cue.endswith("*"):
                key = words[0] if len(words) > 1 else words[0][:3]
                prefixes.setdefault(key, []).append((words, category, weight))
            else:
                exact.setdefault(words[0], []).append((words, category, weight))
    return _Settings(
        exact={key: tuple(value) for key, value in exact.items()},
        prefixes={key: tuple(value) for key, value in prefixes.items()},
        order=tuple(data["categories"]),
        default=str(data["default"]),
        context_weight=float(data["context_weight"]),
    )


def _prefix_hits(words: list[str], at: int, settings: _Settings) -> list[tuple[str, float]]:
    hits: list[tuple[str, float]] = []
    first = words[at]
    for key in (first, first[:3]) if len(first) != 3 else (first,):
        for cue, category, weight in settings.prefixes.get(key, ()):
            if len(cue) == 1 and key != first[:3]:
                continue
            window = words[at : at + len(cue)]
            if len(window) == len(cue) and window[:-1] == list(cue[:-1]) and window[-1].startswith(cue[-1]):
                hits.append((category, weight))
    return hits


def category_scores(text: str) -> dict[str, float]:
    """Score of every category for ``text``: verb cues weigh more than topic words.

    Words are looked up in tables (not one big regular expression) so long texts stay fast.
    """
    return dict(_scores(text))


@lru_cache(maxsize=4096)
def _scores(text: str) -> tuple[tuple[str, float], ...]:
    # Cached: a sentence holding several dates is scored once for all of them.
    settings = _settings()
    words = _WORD.findall(text.lower())
    scores: dict[str, float] = {}
    for at in range(len(words)):
        hits = _prefix_hits(words, at, settings)
        for cue, category, weight in settings.exact.get(words[at], ()):
            if len(cue) == 1 or tuple(words[at : at + len(cue)]) == cue:
                hits.append((category, weight))
        for category, weight in hits:
            scores[category] = scores.get(category, 0.0) + weight
    return tuple(scores.items())


def choose_category(text: str, context: str = "") -> str:
    """The best-scoring category of ``text`` (a headline); ``context`` (its sentence) counts less.

    No cue at all gives the data's default.
    """
    settings = _settings()
    scores = category_scores(text)
    for category, score in category_scores(context).items():
        scores[category] = scores.get(category, 0.0) + score * settings.context_weight
    if not scores:
        return settings.default
    return max(
        settings.order, key=lambda category: (scores.get(category, 0.0), -settings.order.index(category))
    )


def category_names() -> tuple[str, ...]:
    """Every category the data defines, plus the default."""
    settings = _settings()
    return (*settings.order, settings.default)
