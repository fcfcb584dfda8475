"""Relative clauses read as clauses of their own: the noun they describe put back where its pronoun stands.

"a chemical attack that killed scores" gives its noun as the subject ("a chemical attack killed scores");
"a new option that BP detailed" as the object, written after the verb ("BP detailed a new option");
"Tal Plork, whose husband faced ..." as the owner ("Tal Plork's husband faced ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.clause_parse import SUBJECT_DEPS
from timeline.events.noun_phrases import noun_core_text

if TYPE_CHECKING:
    from spacy.tokens import Token

RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
RELATIVE_WORDS = RELATIVE_PRONOUNS | {"where", "when", "whereby"}

Rewrites = tuple[tuple[int, str], ...]
"""Tokens written differently in a headline: (token index, text)."""


def relative_pronoun(verb: Token) -> Token | None:
    """The relative pronoun that is ``verb``'s subject ("that" in "an attack that killed ...")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in RELATIVE_PRONOUNS:
            return child
    return None


def object_described(relative: Token, dated: Token) -> tuple[int | None, Rewrites]:
    """A relative clause whose pronoun is its verb's object ("a new option that BP detailed", "a bill
    that lawmakers hope to pass"): the pronoun, and the noun it describes written after that verb, where
    the object stands in a clause ("BP detailed a new option"). Only when the date is that clause's own
    (``dated`` is its verb): a parse that put the date elsewhere is not trusted this far. None and nothing
    for any other clause."""
    verbs = [relative]
    while xcomp := next((c for c in verbs[-1].children if c.dep_ == "xcomp"), None):
        verbs.append(xcomp)
    if all(verb.i != dated.i for verb in verbs):
        return None, ()
    for verb in verbs:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        if len(objects) == 1 and objects[0].lower_ in RELATIVE_PRONOUNS and not passive:
            # (a second object, or a passive verb, is a misparse: nothing is moved then)
            return objects[0].i, ((verb.i, f"{verb.text} {noun_core_text(relative.head)}"),)
    return None, ()


def owner_named(relative: Token) -> Rewrites:
    """ "X, whose husband faced ...": "whose" becomes the noun's possessive ("X's husband faced ...")."""
    for child in relative.children:
        if child.dep_ in SUBJECT_DEPS or child.dep_ == "dobj":
            whose = next((c for c in child.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
            if whose is not None:
                return ((whose.i, f"{noun_core_text(relative.head)}'s"),)
    return ()
