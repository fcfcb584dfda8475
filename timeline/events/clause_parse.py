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

Token offsets (``token.idx``) are offsets into the sentence text. ``subject_of`` gives a clause's subject,
following the links a relative clause or a conjoined verb leaves implicit.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.events.attribution import is_reporting_verb
from timeline.events.nlp import parse

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LocalSpan = tuple[int, int]
"""Character offsets [start, end) into the sentence text."""

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_CLIMB_DEPS = frozenset({"xcomp", "aux", "auxpass"})
_VERB_POS = frozenset({"VERB", "AUX"})
_NOT_CLAUSE_AUX = frozenset({"aux", "auxpass", "prep", "agent", "mark", "amod", "compound", "case"})
"""A verb form in one of these roles is not a clause ("following" the preposition, "continued" support)."""
_PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})


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
    keeps_time_words: bool = False
    """The time expression is part of what happened (a duration: "lasted three days", "an eight-year
    war"): the title keeps its words."""

    @property
    def has_verb(self) -> bool:
        return self.head.pos_ in _VERB_POS


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """A candidate event sentence and its dated mentions, in the order given."""

    doc: Doc
    clauses: tuple[ParsedClause, ...]


def tokens_in(doc: Doc, span: LocalSpan, starts: Sequence[int] | None = None) -> tuple[Token, ...]:
    """The tokens whose characters overlap ``span``; the nearest token when none does.

    ``starts`` are the tokens' offsets (``token.idx`` in order), passed when placing many spans."""
    if not len(doc):
        return ()
    offsets = starts if starts is not None else [token.idx for token in doc]
    start, end = span
    first = max(0, bisect_left(offsets, start) - 1)
    covered: list[Token] = []
    for i in range(first, len(doc)):
        token = doc[i]
        if token.idx >= end:
            break
        if start < token.idx + len(token.text):
            covered.append(token)
    if covered:
        return tuple(covered)
    return (doc[min(max(0, bisect_left(offsets, start)), len(doc) - 1)],)


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
    """Climb from an infinitive or auxiliary to the verb of its clause ("withdraw" -> "agreed"), and
    from a predicate adjective to its verb ("to leave" -> "due" -> "is")."""
    current = verb
    while current.head.i != current.i and (
        current.dep_ in _CLIMB_DEPS or (current.dep_ in _PREDICATE_DEPS and current.pos_ not in _VERB_POS)
    ):
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
        if current.dep_ != "conj" or current.head.i == current.i:
            return None
        misread = _subordinate_object(current)
        if misread is not None:
            return misread
        current = current.head
    return None


SUBORDINATORS = frozenset({"after", "before", "since", "until", "till"})
"""Words that open a clause as well as a noun phrase: "after a judge overturned the ban"."""
_COORDINATORS = frozenset({"cc", "preconj"})


def _subordinate_object(verb: Token) -> Token | None:
    """The real subject of a conjoined ``verb`` the parser misread: in "reaffirmed the plan after a
    judge overturned the ban", "after" is read as a preposition with the object "a judge", and
    "overturned" as a second verb of "reaffirmed" (so its subject would be the first verb's). When no
    coordinator or comma links the two verbs and such an object ends right before ``verb``, that object
    is its subject."""
    doc = verb.doc
    if verb.i == 0 or verb.left_edge.i != verb.i:
        return None
    linked = (*verb.head.children, *verb.children)
    if any(
        verb.head.i < token.i < verb.i and (token.dep_ in _COORDINATORS or token.text in (",", ";"))
        for token in linked
    ):
        return None
    token = doc[verb.i - 1]
    for candidate in (token, *token.ancestors):
        if candidate.i == verb.head.i:
            return None
        if (
            candidate.dep_ == "pobj"
            and candidate.head.lower_ in SUBORDINATORS
            and candidate.right_edge.i == verb.i - 1
        ):
            return candidate
    return None


def place_clause(
    doc: Doc,
    span: LocalSpan,
    others: Sequence[LocalSpan] = (),
    starts: Sequence[int] | None = None,
    *,
    keeps_time_words: bool = False,
) -> ParsedClause:
    """Place the time expression at ``span`` of the parsed sentence ``doc`` in its tree; ``others`` are
    the sentence's other time expressions (spans overlapping ``span`` are part of it)."""
    offsets = starts if starts is not None else [token.idx for token in doc]
    time_tokens = tokens_in(doc, span, offsets) or tuple(doc[:1])
    time_head = expression_head(time_tokens)
    head = governing_verb(time_head.head if time_head.head.i != time_head.i else time_head)
    at = time_tokens[0].i - 1
    if at >= 0 and doc[at].pos_ == "ADP" and time_head.head.i == at:
        at -= 1  # "said on Friday" where the expression is "Friday"
    before = doc[at] if at >= 0 else None
    if before is not None and before.i != head.i and is_reporting_verb(before) and head.head.i == before.i:
        head = before  # "said on Friday the world must be ready": the date is the saying's
    own = {token.i for token in time_tokens}
    other_tokens = tuple(
        token
        for other in others
        if other[1] <= span[0] or span[1] <= other[0]
        for token in tokens_in(doc, other, offsets)
        if token.i not in own
    )
    return ParsedClause(
        sentence=doc,
        span=span,
        time_tokens=time_tokens,
        time_head=time_head,
        head=head,
        clause=clause_top(head),
        other_time_tokens=other_tokens,
        keeps_time_words=keeps_time_words,
    )


EntityReader = Callable[[Sequence["ParsedSentence"], Sequence[Sequence[LocalSpan]]], None]
"""Runs the entity recogniser over the parsed sentences it picks, given each one's time expressions."""


def _read_entities(parsed: Sequence[ParsedSentence], times: Sequence[Sequence[LocalSpan]]) -> None:
    from timeline.events.entity_need import read_entities

    read_entities(parsed, times)


def parse_clauses(
    sentences: Sequence[str],
    mentions: Sequence[Sequence[LocalSpan]],
    others: Sequence[Sequence[LocalSpan]] | None = None,
    durations: Sequence[Sequence[bool]] | None = None,
    entities: EntityReader = _read_entities,
) -> list[ParsedSentence]:
    """Parse ``sentences`` in one batch and place each sentence's dated mentions (local spans) in it.

    ``mentions[i]`` are the dated mentions of ``sentences[i]`` (a range's two ends as one span); each
    becomes a ``ParsedClause``, in the given order. ``others[i]`` are all the sentence's time expressions
    (default: ``mentions[i]``), whose tokens each clause knows as ``other_time_tokens``.
    ``durations[i][j]`` tells that ``mentions[i][j]`` is an anchored duration: its words say what
    happened ("lasted three days"), so no title drops them. Once the clauses are placed, ``entities`` runs
    the entity recogniser over the sentences it picks (default: those whose entities the event stage
    reads, ``timeline.events.entity_need``).
    """
    lengths = [len(sentences), len(mentions)]
    lengths += [len(others)] if others is not None else []
    lengths += [len(durations)] if durations is not None else []
    if len(set(lengths)) > 1:
        raise ValueError("parse_clauses: one list of mentions per sentence")
    times = others if others is not None else mentions
    docs = parse(list(sentences), entities=lambda _, __: False)
    parsed: list[ParsedSentence] = []
    for at, (doc, spans) in enumerate(zip(docs, mentions, strict=True)):
        starts = [token.idx for token in doc]
        lasting = durations[at] if durations is not None else [False] * len(spans)
        content = {span for span, kept in zip(spans, lasting, strict=True) if kept}
        every = [span for span in (others[at] if others is not None else spans) if span not in content]
        clauses = tuple(
            place_clause(doc, span, every, starts, keeps_time_words=kept)
            for span, kept in zip(spans, lasting, strict=True)
        )
        parsed.append(ParsedSentence(doc=doc, clauses=clauses))
    entities(parsed, times)
    return parsed
