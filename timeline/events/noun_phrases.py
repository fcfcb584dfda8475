"""A noun with its determiners and modifiers: the part of a noun phrase a headline keeps or moves."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_NP_CORE_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "case", "predet"})


def noun_core(noun: Token) -> set[int]:
    """The noun with its determiners and modifiers, not its prepositional phrases or clauses."""
    core = {noun.i}
    for child in noun.children:
        if child.dep_ in _NP_CORE_DEPS:
            core |= {t.i for t in child.subtree}
    return core


def noun_core_text(noun: Token) -> str:
    """``noun_core`` as words to write inside a sentence: an opening determiner in lower case ("The plan"
    -> "the plan"), a name as it is."""
    tokens = [noun.doc[i] for i in sorted(noun_core(noun))]
    words = "".join(token.text_with_ws for token in tokens).strip()
    return words[:1].lower() + words[1:] if tokens[0].pos_ == "DET" else words


def described_group(noun: Token, clause: Token) -> set[int]:
    """The noun a relative ``clause`` describes, with its conjuncts when the clause follows the last of
    them ("Poland, the Czech Republic and Hungary, who were invited ..." describes all three), and the
    commas and "and" between them."""
    group = noun_core(noun)
    members = [noun]
    while conj := next((c for c in members[-1].children if c.dep_ == "conj"), None):
        members.append(conj)
    if len(members) == 1 or clause.i < members[-1].i:
        return group
    for member in members:
        group |= noun_core(member)
        group |= {c.i for c in member.children if c.dep_ in ("cc", "punct") and c.i < clause.left_edge.i}
    return group
