"""The parsed clause a dated mention belongs to: what titles, actors and categories read.

``parse_clauses`` parses each candidate event sentence once (one ``nlp.pipe`` batch per document) and,
for every dated mention in it, finds

- ``time_tokens``: the tokens of the time expression ("on", "Friday" are not both: only the tokens the
  expression's characters cover, "Friday");
- ``time_head``: the token heading the expression (its syntactic root: "week" in "this week");
- ``head``: the event verb the date attaches to, the first verb above the expression ("withdrew" in
  "after the United States withdrew its troops in 2011"); the sentence root when no verb governs it;
- ``clause``: the top of that verb's clause, climbing over infinitive and auxiliary links ("agreed" in
  "agreed to withdraw by 2011"): the verb whose subject is the clause's subject.

Token offsets (``token.idx``) are offsets into the sentence text. ``subject_of`` and ``objects_of`` give a
clause's participants, following the links a relative clause or a conjoined verb leaves implicit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.events.nlp import parse

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LocalSpan = tuple[int, int]
"""Character offsets [start, end) into the sentence text."""

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "pobj", "agent", "acomp"})
_CLIMB_DEPS = frozenset({"xcomp", "aux", "auxpass"})
_VERB_POS = frozenset({"VERB", "AUX"})
_NOT_CLAUSE_AUX = frozenset({"aux", "auxpass"})


@dataclass(frozen=True, slots=True)
class ParsedClause:
    """One dated mention of a sentence, placed in the sentence's dependency tree."""

    sentence: Doc
    """The sentence, parsed alone: ``token.idx`` are offsets into the sentence text."""
    span: LocalSpan
    """The time expression's characters in the sentence text."""
    time_tokens: tuple[Token, ...]
    time_head: Token
    head: Token
    """The event verb governing the date (the sentence root when no verb does)."""
    clause: Token
    """The top of ``head``'s clause (``head`` itself unless ``head`` is an infinitive or auxiliary)."""
    other_time_tokens: tuple[Token, ...] = ()
    """Tokens of the sentence's other time expressions (they date other things, titles drop them)."""

    @property
    def has_verb(self) -> bool:
        return self.head.pos_ in _VERB_POS


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """A candidate event sentence and its dated mentions, in the order given."""

    doc: Doc
    clauses: tuple[ParsedClause, ...]


def tokens_in(doc: Doc, span: LocalSpan) -> tuple[Token, ...]:
    """The tokens whose characters overlap ``span``; the nearest token when none does."""
    start, end = span
    covered = tuple(token for token in doc if token.idx < end and start < token.idx + len(token.text))
    if covered or not len(doc):
        return covered
    return (min(doc, key=lambda token: abs(token.idx - start)),)


def expression_head(tokens: Sequence[Token]) -> Token:
    """The token of ``tokens`` whose head lies outside them (the first such: the expression's root)."""
    inside = {token.i for token in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[0]


def _is_verb(token: Token) -> bool:
    return token.pos_ in _VERB_POS and token.dep_ not in _NOT_CLAUSE_AUX


def governing_verb(token: Token) -> Token:
    """The first verb above ``token`` (``token`` itself when it is a verb); the root without one."""
    current = token
    while True:
        if _is_verb(current):
            return current
        if current.head.i == current.i:
            return current
        current = current.head


def clause_top(verb: Token) -> Token:
    """Climb from an infinitive or auxiliary to the verb of its clause ("withdraw" -> "agreed")."""
    current = verb
    while current.dep_ in _CLIMB_DEPS and current.head.i != current.i:
        current = current.head
    return current


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``'s clause: its own, a relative clause's noun ("the attack that killed"),
    a participle's noun ("troops stationed in Iraq"), or the first conjunct's ("entered ... and seized")."""
    current: Token | None = clause_top(verb)
    seen: set[int] = set()
    while current is not None and current.i not in seen:
        seen.add(current.i)
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if current.dep_ in ("relcl", "acl") and current.head.i != current.i:
            return current.head
        current = current.head if current.dep_ == "conj" and current.head.i != current.i else None
    return None


def objects_of(verb: Token) -> tuple[Token, ...]:
    """The objects and complements of ``verb`` (direct object, attribute, agent, objects of its preps)."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS:
            found.append(child)
        elif child.dep_ in ("prep", "agent"):
            found.extend(grand for grand in child.children if grand.dep_ == "pobj")
    return tuple(found)


def place_clause(doc: Doc, span: LocalSpan, others: Sequence[LocalSpan] = ()) -> ParsedClause:
    """Place the time expression at ``span`` of the parsed sentence ``doc`` in its tree."""
    time_tokens = tokens_in(doc, span)
    time_head = expression_head(time_tokens)
    head = governing_verb(time_head.head if time_head.head.i != time_head.i else time_head)
    own = {token.i for token in time_tokens}
    other_tokens = tuple(
        token for other in others if other != span for token in tokens_in(doc, other) if token.i not in own
    )
    return ParsedClause(
        sentence=doc,
        span=span,
        time_tokens=time_tokens,
        time_head=time_head,
        head=head,
        clause=clause_top(head),
        other_time_tokens=other_tokens,
    )


def parse_clauses(sentences: Sequence[str], mentions: Sequence[Sequence[LocalSpan]]) -> list[ParsedSentence]:
    """Parse ``sentences`` in one batch and place each sentence's dated mentions (local spans) in it.

    ``mentions[i]`` are the time expressions of ``sentences[i]``; each becomes a ``ParsedClause`` (in the
    given order) that knows the sentence's other expressions.
    """
    if len(sentences) != len(mentions):
        raise ValueError("parse_clauses: one list of mentions per sentence")
    docs = parse(list(sentences))
    parsed: list[ParsedSentence] = []
    for doc, spans in zip(docs, mentions, strict=True):
        clauses = tuple(place_clause(doc, span, spans) for span in spans)
        parsed.append(ParsedSentence(doc=doc, clauses=clauses))
    return parsed
