"""Find the actors (countries, governments, armed groups) a sentence names.

People and bodies map to the actor they act for (Pence -> US, Soleimani -> Iran); the mapping is data
(``timeline/data/actors.json``). Names match as whole words, longest first, and the data's phrase patterns
come before plain names, so "Iran-backed Iraqi militias" is the militias and not also Iraq.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from timeline.resources import load_data


@dataclass(frozen=True, slots=True)
class _Matcher:
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    names: re.Pattern[str]
    """Every name as one alternation, longest first, each starting a word and ending at a word boundary."""
    actor_of: dict[str, str]


@cache
def _matcher() -> _Matcher:
    actors: dict[str, dict[str, list[str]]] = load_data("actors.json")["actors"]
    patterns: list[tuple[re.Pattern[str], str]] = []
    actor_of: dict[str, str] = {}
    for actor, spec in actors.items():
        patterns.extend((re.compile(rf"(?<!\w)(?:{p})(?!\w)"), actor) for p in spec.get("patterns", []))
        for name in spec.get("names", []):
            actor_of.setdefault(name, actor)
    alternation = "|".join(re.escape(name) for name in sorted(actor_of, key=len, reverse=True))
    return _Matcher(
        patterns=tuple(patterns),
        names=re.compile(rf"(?<![\w.’'-])(?:{alternation})(?!\w)"),
        actor_of=actor_of,
    )


@lru_cache(maxsize=4096)
def find_actors(sentence: str) -> tuple[str, ...]:
    """The actors named in ``sentence``, in order of first mention, each once.

    Phrase patterns claim their text first, so the names inside them ("Iraqi" in "Iran-backed Iraqi
    militias") do not count again; then names, longest first, none inside another ("Hezbollah" in
    "Kataib Hezbollah").
    """
    matcher = _matcher()
    found: list[tuple[int, str]] = []
    claimed: list[tuple[int, int]] = []
    for pattern, actor in matcher.patterns:
        for match in pattern.finditer(sentence):
            found.append((match.start(), actor))
            claimed.append(match.span())
    for match in matcher.names.finditer(sentence):
        if not any(start <= match.start() < end for start, end in claimed):
            found.append((match.start(), matcher.actor_of[match.group()]))
    ordered: list[str] = []
    for _, actor in sorted(found, key=lambda item: item[0]):
        if actor not in ordered:
            ordered.append(actor)
    return tuple(ordered)
