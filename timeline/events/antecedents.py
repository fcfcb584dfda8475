"""A subject pronoun of a subordinate, joined or reported clause named by the main clause's subject.

"Elian has been the focus of a custody battle since he was found off the coast" headlines as "Elian was
found off the coast", not "He was found ...": read aloud, a headline has no sentence before it to say
who "he" is. The main clause's subject is the pronoun's most likely antecedent (a subject is what a
pronoun subject picks up first), and it is taken only when it agrees ("he"/"she" a person's name, "it"
one thing, "they" many), comes before the pronoun, and no other noun of the sentence before the
pronoun agrees too ("Obama met Merkel after she won" is left as it is). The pronouns and what each
must agree with are data (``events_titles.json``, ``antecedent_pronouns``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.attribution import is_reporting_verb
from timeline.events.clause_parse import SUBJECT_DEPS
from timeline.events.noun_phrases import noun_core_text
from timeline.events.wording import title_words

if TYPE_CHECKING:
    from spacy.tokens import Token

_JOINED = frozenset({"advcl", "conj"})
_DESCRIBING = frozenset({"relcl", "acl"})


def _agrees(noun: Token, kind: str) -> bool:
    """Whether ``noun`` (the head of a subject) can be what a pronoun of ``kind`` stands for."""
    plural = noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)
    if kind == "plural":
        return plural
    if plural:
        return False
    if kind == "person":  # a person's name; an entity the recogniser read must be a person
        return noun.tag_ == "NNP" and (noun.ent_type_ == "PERSON" or not noun.ent_type_)
    return noun.tag_ in ("NN", "NNP") and noun.ent_type_ != "PERSON"  # "thing": one, not a person


def antecedent(clause: Token, subject: Token | None) -> tuple[int, str] | None:
    """(the pronoun's index, the words to write for it) when ``subject`` of the headline's ``clause`` is a
    pronoun the clause above names: ``clause`` hung on that clause's verb (a subordinate or joined
    clause) whose own subject is a noun that agrees. None otherwise."""
    if subject is None or any(True for _ in subject.children):
        return None
    kind = title_words().antecedent_pronouns.get(subject.lower_)
    if kind is None or clause.head.i == clause.i:
        return None
    if clause.dep_ not in _JOINED and not (clause.dep_ == "ccomp" and is_reporting_verb(clause.head)):
        return None  # (a reported clause headlined without its sayer: "Dow Jones said it extended ...")
    main = clause.head
    if main.dep_ in _DESCRIBING:
        return None  # the clause above describes a noun: its subject is no more likely than others
    named = next((c for c in main.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl"), None)
    if (
        named is None
        or named.i > subject.i
        or named.pos_ not in ("NOUN", "PROPN")
        or not _agrees(named, kind)
    ):
        return None
    own = {t.i for t in named.subtree}
    before = subject.doc[subject.sent.start : subject.i]
    if any(
        t.i not in own and t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound" and _agrees(t, kind)
        for t in before
    ):
        return None  # "Obama met Merkel after she won": another noun could be the one meant
    return subject.i, noun_core_text(named)
