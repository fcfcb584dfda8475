"""Relative clauses read as clauses of their own: the noun they describe put back where its pronoun stands.

"a chemical attack that killed scores" gives its noun as the subject ("a chemical attack killed scores");
"a new option that BP detailed" as the object, written after the verb ("BP detailed a new option");
"Tal Plork, whose husband faced ..." as the owner ("Tal Plork's husband faced ..."). A past participle
describing a noun is a passive clause of its own: "the deal, signed in 2015," gives "The deal was signed".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.clause_parse import SUBJECT_DEPS, SUBORDINATORS
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


def passive_participle(verb: Token) -> bool:
    """A past participle describing the noun it hangs on, with no subject or auxiliary of its own ("the
    deal, signed in 2015,", "the spill triggered by an explosion"): a passive clause whose subject is that
    noun.

    Not when the parse is doubtful: a noun that is the sentence's root or the object of "after" / "since"
    has its past-tense verb misread as a participle ("A similar story followed on Saturday", "after a rig
    burned in 1970"); a set the clause picks from ("one of the groups accused of ...", "among the topics
    raised") leaves the headline to that clause; and on a verb's object, only set off by commas ("replaces
    a cap, fitted last month,"), since a date closing such a phrase is as often the verb's ("took a charge
    related to the ban on Thursday")."""
    noun = verb.head
    if (
        verb.dep_ != "acl"
        or verb.tag_ != "VBN"
        or noun.i == verb.i
        or noun.pos_ not in ("NOUN", "PROPN")
        or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    ):
        return False
    if noun.dep_ == "ROOT" or (noun.dep_ == "pobj" and noun.head.lower_ in SUBORDINATORS):
        return False
    if _partitive(noun):
        return False  # "HHN is one of the groups accused of ...": the one is the headline's, not "the groups"
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "hurt the systems or the company's plans ...": the object's role
    return first.dep_ != "dobj" or _set_off(verb)


_QUANTIFIERS = frozenset(
    {"one", "some", "many", "most", "several", "few", "all", "none", "each", "any", "both"}
)


def _partitive(noun: Token) -> bool:
    """ "one of the groups", "two of the men", "among the first topics": the noun names a set picked from."""
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "among":
        return True
    if noun.dep_ != "pobj" or of.lower_ != "of" or of.head.i == of.i:
        return False
    whole = of.head
    return whole.like_num or whole.pos_ == "NUM" or whole.lower_ in _QUANTIFIERS


def _set_off(verb: Token) -> bool:
    before = verb.left_edge.i - 1
    return before >= 0 and verb.doc[before].text == ","


def passive_written(verb: Token) -> Rewrites:
    """The participle of ``passive_participle`` with the "was" or "were" its clause lacks ("The deal was
    signed", "The talks were held"): past, as the participle tells of what was done to the noun."""
    noun = verb.head
    plural = noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)
    return ((verb.i, f"{'were' if plural else 'was'} {verb.text}"),)
