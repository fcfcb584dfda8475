"""Which clause a headline is made of: the dated verb's own, or the clause above it.

A finite verb with its subject heads its own headline; a participle, a gerund or an infinitive hangs on
the clause above it ("to leave" -> "agreed to leave"); a relative clause with its own subject says what
happened there ("Scotland, where there was a peak"); a past participle describing a noun is a passive
clause of its own ("the deal, signed in 2015,"). A saying after what it reports gives way to the report
("Troops will stay, officials said Wednesday"), one before a pronoun keeps its sayer ("Biden declared
we're not going"). A date on the noun of a phrase ("following Friday's strikes") names the event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.attribution import is_reporting_verb
from timeline.events.clause_parse import SUBJECT_DEPS, ParsedClause, clause_top, governing_verb
from timeline.events.relatives import RELATIVE_PRONOUNS, passive_participle, relative_pronoun
from timeline.events.wording import title_words

if TYPE_CHECKING:
    from spacy.tokens import Token

_FRAME_PREPOSITIONS = frozenset({"in", "at", "during", "on", "over", "throughout"})
"""Prepositions whose dated noun sets the scene of its clause ("at Monday's summit, leaders agreed"), unlike
"after" or "following", whose noun is an event of its own ("following Friday's strikes")."""
_CLIMB_FROM = frozenset({"acl", "pcomp", "advcl", "xcomp", "ccomp", "csubj", "conj"})


def _is_finite(verb: Token) -> bool:
    """A tensed verb ("withdrew", "has left", "will leave"), not an infinitive, participle or gerund."""
    if verb.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in verb.children)


def own_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children)


def _complete(relative: Token) -> bool:
    """A relative clause missing no object: opened by "where"/"when", or with an object of its own (not
    "the cities they had overrun", whose object is the noun it describes)."""
    children = list(relative.children)
    return any(c.lower_ in ("where", "when", "whereby") for c in children) or any(
        c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "expl") for c in children
    )


def _weak_subject(verb: Token) -> bool:
    """A subject pronoun that needs the sayer ("it", "we"), not the "there" of "there has been a rise"."""
    words = title_words()
    return any(
        c.dep_ in SUBJECT_DEPS and c.dep_ != "expl" and c.lower_ in words.weak_subjects for c in verb.children
    )


def reported_content(verb: Token) -> Token:
    """A dated reporting verb after what it reports ("Troops will stay, officials said Wednesday"): the
    report is the event; a reporting verb before it ("Kirby said on Monday that ...") stays the head."""
    if not is_reporting_verb(verb):
        return verb
    content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if content is None and verb.dep_ in ("conj", "parataxis") and verb.head.i < verb.i:
        content = verb.head  # "Troops will stay, and delegates said Wednesday" parsed as two verbs
    return content if content is not None and not _weak_subject(content) else verb


def noun_event(parsed: ParsedClause) -> Token | None:
    """A date modifying the noun of a prepositional phrase ("following Friday's US strikes on an
    airbase"): the noun names the event."""
    time_head = parsed.time_head
    noun = time_head.head
    own = {t.i for t in parsed.time_tokens}
    if time_head.dep_ not in ("poss", "compound", "nmod", "amod") or noun.i in own:
        return None
    if noun.dep_ != "pobj":
        return None  # a subject or object noun stays in its clause ("Obama won last year's election")
    if noun.head.lower_ in _FRAME_PREPOSITIONS:
        return None  # "In Wednesday trading, BP stock rose": the phrase sets the scene of the clause
    return noun


def headline_root(verb: Token) -> Token:
    """The clause a headline for ``verb`` is made of: ``verb``'s own when it is finite or a relative
    clause with a subject pronoun, else (a participle, a gerund, an infinitive) the clause above it."""
    current = clause_top(verb)
    for _ in range(8):
        if current.dep_ == "relcl" and relative_pronoun(current) is not None:
            return current
        if current.tag_ == "VBG" and any(
            c.dep_ in SUBJECT_DEPS or c.dep_ == "poss" for c in current.children
        ):
            return current  # "Moscow's commencing its campaign": a gerund with its own subject
        reporter = current.head
        if (
            current.dep_ == "ccomp"
            and is_reporting_verb(reporter)
            and _weak_subject(current)
            and reporter.i < current.i
        ):
            return reporter  # "Biden declared “we're not going to be ...”": keep who said it
        finite = _is_finite(current)
        if current.dep_ == "relcl" and finite and own_subject(current) and _complete(current):
            return current  # "Scotland, where there was a peak": the relative clause says what happened
        if passive_participle(current) or (
            current.dep_ == "acl" and current.head.dep_ in SUBJECT_DEPS and current.tag_ == "VBG"
        ):
            return current  # "the deal, signed in 2015,": "The deal was signed" is the headline
        if current.dep_ == "relcl" and finite:
            # an object relative ("cities they had overrun"): the noun's own clause tells what happened
            pass
        elif finite or current.dep_ not in _CLIMB_FROM | {"relcl"}:
            return current
        above = governing_verb(current.head) if current.head.i != current.i else current
        if above.i == current.i:
            return current
        current = clause_top(above)
    return current
