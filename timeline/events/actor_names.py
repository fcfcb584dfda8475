"""What a name stands for: the actor index built from ``timeline/data/actors.json``.

A name is looked up by a key that ignores case, hyphens, dots, apostrophes, a leading "the" and the Arabic
article "al-"/"el-", so "Al-Qaida", "al Qaida" and "the al-Qaida" are one name and "Muqtada Sadr" is
"Muqtada al-Sadr". An all-capitals name in the data (US, IS, UN) only matches capitals in the text, and a
text that starts in lower case never matches a name, so "us" and "is" stay words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from timeline.dates.lexicon import lexicon
from timeline.resources import load_data

Kind = Literal["name", "alias", "place"]
"""How a name stands for its actor: the country or body itself, something acting for it, or a city of it."""

_DASHES = re.compile(r"[-‐‑–—/]")
_DROPPED = re.compile(r"[.'’‘`]")
_PARTICLES = frozenset({"al", "el"})
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The lookup key of a name: lower case, no punctuation inside words, no "al-", no leading "the"."""
    plain = unicodedata.normalize("NFKC", text)
    plain = _DROPPED.sub("", _DASHES.sub(" ", plain)).lower()
    words = [word for word in plain.split() if word not in _PARTICLES]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _letters(text: str) -> str:
    return "".join(char for char in text if char.isalpha())


def is_acronym(text: str) -> bool:
    letters = _letters(text)
    return 1 < len(letters) <= 6 and letters.isupper()


def starts_capitalised(text: str) -> bool:
    """The first word that is not "the" or an "al-" particle starts with a capital (or is a number)."""
    for word in _SPACE.split(_DASHES.sub(" ", text.strip())):
        bare = _DROPPED.sub("", word)
        if not bare or bare.lower() in _PARTICLES or bare.lower() == "the":
            continue
        return bare[0].isupper() or bare[0].isdigit()
    return False


@dataclass(frozen=True, slots=True)
class Entry:
    actor: str
    kind: Kind
    acronym: bool
    """The data spells it in capitals: the text must too."""


@dataclass(frozen=True, slots=True)
class ActorIndex:
    entries: dict[str, Entry]
    max_words: int
    """The most words a name has (how far a lookup looks ahead)."""
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    states: frozenset[str]
    """Actors that are countries (those with cities): what a bare office ("the prime minister") stands for."""
    offices: frozenset[str]
    max_office_words: int
    not_actors: frozenset[str]
    """Keys of entities that never make an actor: descriptions of a people or faith, wire services."""
    entity_labels: frozenset[str]
    opposition_heads: frozenset[str]
    opposition_suffix: str
    order: tuple[str, ...]
    prefixes: frozenset[str] = frozenset()
    """Every beginning of every key ("u", "un", "uni", ... of "united states"): a text whose key begins
    no key can grow into no name, however many words follow."""

    def lookup(self, text: str) -> Entry | None:
        """The entry ``text`` names, honouring capitals: None for a word that only looks like a name."""
        entry = self.entries.get(name_key(text))
        if entry is None or not starts_capitalised(text):
            return None
        if entry.acronym and not _letters(text).isupper():
            return None
        return entry

    def may_grow(self, text: str) -> bool:
        """Whether ``text`` followed by more words can still name something: its key (a key only grows at
        its end as words are added) is empty or begins a key."""
        key = name_key(text)
        return not key or key in self.prefixes


def _add(entries: dict[str, Entry], name: str, actor: str, kind: Kind) -> None:
    key = name_key(name)
    if key and key not in entries:
        entries[key] = Entry(actor=actor, kind=kind, acronym=is_acronym(name))


@cache
def actor_index() -> ActorIndex:
    data: dict[str, Any] = load_data("actors.json")
    actors: dict[str, dict[str, list[str]]] = data["actors"]
    entries: dict[str, Entry] = {}
    patterns: list[tuple[re.Pattern[str], str]] = []
    for actor in actors:
        _add(entries, actor, actor, "name")
    for kind, field in (("name", "names"), ("alias", "aliases"), ("place", "places")):
        for actor, spec in actors.items():
            for name in spec.get(field, []):
                _add(entries, name, actor, kind)  # type: ignore[arg-type]
    for actor, spec in actors.items():
        patterns.extend((re.compile(rf"(?<!\w)(?:{p})(?!\w)"), actor) for p in spec.get("patterns", []))
    offices = frozenset(str(phrase) for phrase in data["offices"]["phrases"])
    return ActorIndex(
        entries=entries,
        max_words=max(len(key.split()) for key in entries),
        patterns=tuple(patterns),
        states=frozenset(actor for actor, spec in actors.items() if spec.get("places")),
        offices=offices,
        max_office_words=max(len(phrase.split()) for phrase in (*offices, *data["opposition"]["heads"])),
        not_actors=frozenset(
            name_key(word)
            for word in (
                *data["descriptors"]["words"],
                *data["news_agencies"]["names"],
                *lexicon().time_zones,
            )
        ),
        entity_labels=frozenset(data["entity_labels"]),
        opposition_heads=frozenset(data["opposition"]["heads"]),
        opposition_suffix=str(data["opposition"]["suffix"]),
        order=tuple(actors),
        prefixes=frozenset(key[:end] for key in entries for end in range(1, len(key) + 1)),
    )


def actor_names() -> tuple[str, ...]:
    """Every actor the data defines, in its order."""
    return actor_index().order


def own_name(text: str) -> str:
    """An unmapped entity as its own actor: no leading "the", possessive or edge punctuation."""
    name = _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip(" ,.;:!?\"“”()[]'’")
    name = re.sub(r"[’']s$", "", name).strip()
    if name[:4].lower() == "the ":
        name = name[4:]
    return name
