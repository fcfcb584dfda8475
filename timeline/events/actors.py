"""Find the actors (countries, governments, armed groups) a sentence names.

People and bodies map to the actor they act for (Pence -> US, Soleimani -> Iran); the mapping is data
(``timeline/data/actors.json``). Names match as whole words, longest first, and the data's phrase patterns
come before plain names, so "Iran-backed Iraqi militias" is the militias and not also Iraq.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.events.resources import load_data


@cache
def _actor_matcher() -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation over every pattern and name, plus the group name -> actor table."""
    actors: dict[str, dict[str, list[str]]] = load_data("actors.json")["actors"]
    alternatives: list[tuple[int, int, str, str]] = []  # (kind, -length, regex, actor): patterns first
    for actor, spec in actors.items():
        for pattern in spec.get("patterns", []):
            alternatives.append((0, -len(pattern), pattern, actor))
        for name in spec.get("names", []):
            alternatives.append((1, -len(name), re.escape(name), actor))
    alternatives.sort(key=lambda item: (item[0], item[1]))
    group_actor: dict[str, str] = {}
    parts: list[str] = []
    for index, (_, _, regex, actor) in enumerate(alternatives):
        group = f"a{index}"
        group_actor[group] = actor
        parts.append(f"(?P<{group}>{regex})")
    matcher = re.compile(r"(?<![\w.])(?:" + "|".join(parts) + r")(?!\w)")
    return matcher, group_actor


def find_actors(sentence: str) -> tuple[str, ...]:
    """The actors named in ``sentence``, in order of first mention, each once."""
    matcher, group_actor = _actor_matcher()
    found: list[str] = []
    for match in matcher.finditer(sentence):
        group = match.lastgroup
        actor = group_actor.get(group or "")
        if actor and actor not in found:
            found.append(actor)
    return tuple(found)
