"""Find the actors (countries, governments, armed groups) a sentence names.

People and bodies map to the actor they act for (Pence -> US, Soleimani -> Iran); the mapping is data
(``timeline/data/actors.json``). Names match as whole words, longest first, and the data's phrase patterns
come before plain names, so "Iran-backed Iraqi militias" is the militias and not also Iraq.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from timeline.events.resources import load_data

_WORD_START = re.compile(r"(?<![\w.’'-])[\w]")


@dataclass(frozen=True, slots=True)
class _Matcher:
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    names: dict[str, tuple[tuple[str, str], ...]]
    """First two characters -> (name, actor), longest name first."""


@cache
def _matcher() -> _Matcher:
    actors: dict[str, dict[str, list[str]]] = load_data("actors.json")["actors"]
    patterns: list[tuple[re.Pattern[str], str]] = []
    names: dict[str, list[tuple[str, str]]] = {}
    for actor, spec in actors.items():
        patterns.extend((re.compile(rf"(?<!\w)(?:{p})(?!\w)"), actor) for p in spec.get("patterns", []))
        for name in spec.get("names", []):
            names.setdefault(name[:2], []).append((name, actor))
    return _Matcher(
        patterns=tuple(patterns),
        names={key: tuple(sorted(value, key=lambda item: -len(item[0]))) for key, value in names.items()},
    )


def _name_at(sentence: str, position: int, matcher: _Matcher) -> tuple[str, str] | None:
    """The longest name starting at ``position`` and ending at a word boundary, with its actor."""
    for name, actor in matcher.names.get(sentence[position : position + 2], ()):
        end = position + len(name)
        if sentence.startswith(name, position) and not (end < len(sentence) and _is_word(sentence[end])):
            return name, actor
    return None


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


@lru_cache(maxsize=4096)
def find_actors(sentence: str) -> tuple[str, ...]:
    """The actors named in ``sentence``, in order of first mention, each once.

    Phrase patterns claim their text first, so the names inside them ("Iraqi" in "Iran-backed Iraqi
    militias") do not count again; names are looked up by their first letters, longest first.
    """
    matcher = _matcher()
    found: list[tuple[int, str]] = []
    claimed: list[tuple[int, int]] = []
    for pattern, actor in matcher.patterns:
        for match in pattern.finditer(sentence):
            found.append((match.start(), actor))
            claimed.append(match.span())
    free_from = 0  # a name's own words ("Hezbollah" in "Kataib Hezbollah") do not match again
    for word in _WORD_START.finditer(sentence):
        position = word.start()
        if position < free_from or any(start <= position < end for start, end in claimed):
            continue
        hit = _name_at(sentence, position, matcher)
        if hit:
            found.append((position, hit[1]))
            free_from = position + len(hit[0])
    ordered: list[str] = []
    for _, actor in sorted(found, key=lambda item: item[0]):
        if actor not in ordered:
            ordered.append(actor)
    return tuple(ordered)
