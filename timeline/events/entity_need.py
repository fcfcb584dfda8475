"""Which of a document's candidate sentences the entity recogniser reads: those where what it finds is read.

The recogniser (``en_core_web_sm``'s ``ner``, with a token encoder of its own) is the costliest step of the
parse, and the event stage reads its entities in few places: the names in an event's participant
phrases (an entity no name of the actor data covers is an actor of its own; a data name inside a longer
entity is another place or body: "Port Sudan"), and the full names of people, which give a last name read
in a participant phrase elsewhere in the document its full name ("Allen" after "Gen. John Allen").

So a sentence is read when a participant phrase of one of its dated clauses holds a proper noun (or a
capitalised word inside the sentence) that is neither a name of the data nor part of a time expression
(without one, every name there is the data's and the recogniser changes nothing: ``needs_entities``);
then, once those are read, a sentence holding such a word spelled as a last name those phrases look up
(where that person's full name can be). The parse is the same with the recogniser run after it: it is
the pipeline's last step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from timeline.events.actor_match import unknown_names
from timeline.events.actor_names import own_name
from timeline.events.actors import arguments, np_tokens, reported_clauses
from timeline.events.nlp import recognise

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from timeline.events.clause_parse import LocalSpan, ParsedSentence


def participant_tokens(head: Token) -> set[int]:
    """Indices of the tokens ``actors.participants(head)`` reads: its clause's participant phrases, those
    of the clauses a saying reports, and the places of the event nouns in them."""
    roles = [token for _, token in arguments(head)]
    for reported in reported_clauses(head):
        roles.extend(token for _, token in arguments(reported))
    read: set[int] = set()
    while roles:
        places: list[Token] = []
        read.update(token.i for token in np_tokens(roles.pop(0), places))
        roles.extend(places)
    return read


def read_entities(parsed: Sequence[ParsedSentence], times: Sequence[Sequence[LocalSpan]]) -> None:
    """Run the recogniser over the sentences of ``parsed`` (a document's candidate sentences, tagged and
    parsed) whose entities are read; ``times[i]`` are the time expressions of sentence ``i`` (local spans).

    First the sentences with a name the data lacks in a participant phrase; then those holding, as such a
    name, a word read as a person's last name in those phrases (one the recogniser left unlabelled there,
    or a person it found under that one name): where a full name can come from."""
    unknown = [unknown_names(sentence.doc, spans) for sentence, spans in zip(parsed, times, strict=True)]
    first: list[int] = []
    read: dict[int, set[int]] = {}
    for at, sentence in enumerate(parsed):
        if not unknown[at]:
            continue
        tokens: set[int] = set()
        for clause in sentence.clauses:
            tokens |= participant_tokens(clause.head)
        if any(i in tokens for i in unknown[at]):
            first.append(at)
            read[at] = tokens
    recognise([parsed[at].doc for at in first])
    last_names = {word for at in first for word in _last_names(parsed[at].doc, read[at])}
    chosen = set(first)
    second = [
        at
        for at in range(len(parsed))
        if at not in chosen and any(parsed[at].doc[i].text in last_names for i in unknown[at])
    ]
    recognise([parsed[at].doc for at in second])


def _last_names(doc: Doc, read: set[int]) -> set[str]:
    """Words of the participant tokens ``read`` that ``actors`` looks up as a person's last name: a
    capitalised word the recogniser left unlabelled, or a person's name of one word."""
    words = {doc[i].text for i in read if doc[i].ent_type_ == "" and doc[i].text[:1].isupper()}
    for entity in doc.ents:
        if entity.label_ == "PERSON" and any(token.i in read for token in entity):
            words.add(own_name(entity.text))
    return words
