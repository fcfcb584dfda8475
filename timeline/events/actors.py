"""The actors of an event: the participants of its clause, mapped to the countries and bodies they stand for.

The participants are the event verb's arguments in the dependency tree: its agent, subject and objects
(with their modifiers, appositions and conjuncts) and the place where it happened. Not participants:
the source that reports it ("..., the ministry said" hangs on another verb), relative and adverbial
clauses, and a place that is only background ("the bombing in Baghdad", "groups in Iraq").

Inside a participant, names map to actors through ``timeline/data/actors.json`` ("Pence" -> US, "Iranian"
-> Iran, "Quds Force" -> Iran); a named entity (GPE, NORP, ORG, PERSON) with no mapping is its own actor
("Arab Tribal Council"); a person next to a mapped name is that name's ("HHN spokesman Hashim" is HHN's);
an office with no name ("the prime minister", "government forces") stands for the country in context:
the country where the event happened, else the document's (``main_country``). Those who rise against a
country's government are its opposition ("Syrian rebels", "protesters" in Cairo: "Syria opposition").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal

from timeline.events.actor_match import (
    claimed_by_patterns,
    names_in,
    office_kind,
    sentence_names,
    unmapped_entities,
)
from timeline.events.actor_names import ActorIndex, actor_index, own_name
from timeline.events.clause_parse import ParsedClause, clause_top, parse_clauses, subject_of
from timeline.events.nlp import parse
from timeline.resources import load_data

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


Role = Literal["agent", "subject", "object", "place"]
_ROLE_ORDER: tuple[Role, ...] = ("agent", "subject", "object", "place")

_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within"})
"""Prepositions of place: their object is where something happened, not who took part."""
_CIRCUMSTANCE = frozenset(
    {
        "despite",
        "after",
        "before",
        "following",
        "amid",
        "amidst",
        "during",
        "since",
        "until",
        "till",
        "like",
        "unlike",
    }
)
"""Prepositions of circumstance: what happened before, after or despite is another event."""
_OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "nsubjpass", "acomp"})
_PRUNED = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "mark"})
_NOMINAL_DEPS = frozenset(
    {"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "compound", "npadvmod", "poss"}
)
_INHERITS_SUBJECT = frozenset({"pcomp", "xcomp", "advcl"})
_RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})


@dataclass(frozen=True, slots=True)
class Found:
    actor: str
    role: Role
    position: int
    kind: str


def np_tokens(head: Token, places: list[Token] | None = None) -> list[Token]:
    """The noun phrase of ``head``: its subtree without clauses and without prepositions of place; the
    objects of those prepositions go to ``places`` (the place of an event noun: "airstrikes in Syria")
    or are dropped (background: "militias in Iraq")."""
    found: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        found.append(token)
        for child in token.children:
            if child.dep_ in _PRUNED:
                continue
            if child.dep_ == "prep" and child.lower_ in _LOCATIVE:
                if places is not None and token.lemma_.lower() in _event_nouns():
                    places.extend(grand for grand in child.children if grand.dep_ == "pobj")
                continue
            stack.append(child)
    return sorted(found, key=lambda token: token.i)


@cache
def _event_nouns() -> frozenset[str]:
    """Nouns that name an event (the category cues): a place attached to one is where it happened."""
    categories = load_data("categories.json")["categories"]
    return frozenset(noun for spec in categories.values() for noun in spec.get("nouns", []))


def is_verbal(token: Token) -> bool:
    """A verb heading a clause, not a verb form the parser uses as a noun ("Friday's US strikes")."""
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in _NOMINAL_DEPS


def _subject(head: Token) -> Token | None:
    """The clause's subject; a gerund's or participle's is the subject of the verb it hangs on
    ("factions are accused of carrying out attacks"); a relative pronoun gives its noun."""
    current = head
    for _ in range(4):
        subject = subject_of(current)
        if subject is not None and subject.lower_ in _RELATIVE:
            top = clause_top(current)
            return top.head if top.dep_ == "relcl" else None
        if subject is not None or current.dep_ not in _INHERITS_SUBJECT or current.head.i == current.i:
            return subject
        current = current.head
        while current.head.i != current.i and not is_verbal(current):
            current = current.head
    return None


def arguments(head: Token) -> list[tuple[Role, Token]]:
    """The participants of ``head``'s clause, as (role, token heading the phrase)."""
    found: list[tuple[Role, Token]] = []
    verbal = is_verbal(head)
    if not verbal:
        found.append(("subject", head))
    subject = _subject(head) if verbal else None
    if subject is not None:
        found.append(("subject", subject))
    for child in head.children:
        if child.dep_ in _OBJECT_DEPS and (not verbal or child.dep_ != "nsubjpass" or subject is None):
            found.append(("object", child))
        elif child.dep_ in ("prep", "agent") and child.lower_ not in _CIRCUMSTANCE:
            role: Role = (
                "agent" if child.dep_ == "agent" else "place" if child.lower_ in _LOCATIVE else "object"
            )
            found.extend((role, grand) for grand in child.children if grand.dep_ == "pobj")
    return found


def reported_clauses(head: Token) -> list[Token]:
    """The verbs a saying reports ("announced that the Islamic State had been defeated"): their
    participants take part in the dated statement."""
    if not is_verbal(head) or head.lemma_.lower() not in _saying_verbs():
        return []
    return [child for child in head.children if child.dep_ == "ccomp" and is_verbal(child)]


@cache
def _saying_verbs() -> frozenset[str]:
    data = load_data("categories.json")
    return frozenset(data["categories"][data["statement_category"]].get("weak_verbs", []))


def _phrase_actors(
    role: Role,
    head: Token,
    index: ActorIndex,
    claimed: dict[int, str],
    places: list[Token],
    people: Mapping[str, str],
) -> tuple[list[Found], str | None]:
    """The actors one participant phrase names, and what its head noun is when it names none (a bare
    "office" or "opposition": the country in context decides); the place of an event noun in it goes
    to ``places``."""
    tokens = np_tokens(head, places)
    kind = office_kind(tokens, head, index)
    found: list[Found] = []
    taken: set[int] = set()
    for start, end, entry in names_in(tokens, index, claimed):
        actor = entry.actor
        if kind == "opposition" and actor in index.states:
            actor += index.opposition_suffix  # "Syrian rebels" rise against Syria's government
        found.append(Found(actor, role, start, entry.kind))
        taken.update(range(start, end))
    mapped = bool(found)
    entities = list(unmapped_entities(tokens, index, taken))
    # a last name the document gave in full before, which the recogniser missed alone ("Odom left"); a
    # name starts with a capital (not "1876" of a misread "Mary E. 1876")
    seen = {position for position, _, _ in entities} | taken
    entities += [
        (t.i, "PERSON", t.text)
        for t in tokens
        if t.text in people and t.i not in seen and t.ent_type_ == "" and t.text[:1].isupper()
    ]
    for position, label, name in sorted(entities):
        if label == "PERSON" and mapped:
            continue  # "HHN spokesman Hashim al-Musawi": the person acts for the body beside him
        if label == "GPE" and _modifying_place(head.doc[position]):
            continue  # "the Atlanta clinic bombing", "off the Florida coast": background, as a city
        if label == "PERSON":
            name = people.get(name, name)  # "Allen" after "Gen. John Allen": one person, one actor
        found.append(Found(name, role, position, "unmapped"))
    return found, None if found else kind


_PLACE_MODIFIERS = frozenset({"compound", "amod", "npadvmod", "nmod"})


def _modifying_place(first: Token) -> bool:
    """Whether the place name starting at ``first`` only modifies a noun ("the Florida coast", "a New
    York-based firm", "Elian's Miami cousins"): a place the data does not know, named as background like a
    city of the data, not a party (a party heads its phrase: "Florida sued", "talks with Ontario"; or
    names whom a person acts for: "Arizona Congressman Raul Grijalva")."""
    doc = first.doc
    end = first.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    roots = [t for t in doc[first.i : end] if not first.i <= t.head.i < end or t.head.i == t.i]
    if len(roots) != 1 or roots[0].dep_ not in _PLACE_MODIFIERS:
        return False
    # before a name it says whom the person acts for: "California Governor Arnold Schwarzenegger"
    return roots[0].head.pos_ != "PROPN"


def participants(head: Token, context: str | DocumentContext | None = None) -> list[Found]:
    """Every actor of ``head``'s clause with its role; ``context`` is the document's (or just its main
    country: what a bare office stands for when the clause names no place)."""
    document = context if isinstance(context, DocumentContext) else DocumentContext(country=context)
    index = actor_index()
    sentence = head.sent if head.doc.has_annotation("SENT_START") else head.doc[:]
    claimed = claimed_by_patterns(sentence, index)
    found: list[Found] = []
    offices: list[tuple[Role, int, str]] = []
    roles = arguments(head)
    for reported in reported_clauses(head):
        roles.extend(("object" if role == "subject" else role, token) for role, token in arguments(reported))
    while roles:
        role, token = roles.pop(0)
        event_places: list[Token] = []
        phrase, bare = _phrase_actors(role, token, index, claimed, event_places, document.people)
        roles.extend(("place", place) for place in event_places)
        found.extend(phrase)
        if bare is not None:
            offices.append((role, token.i, bare))
    places = [item for item in found if item.role == "place"]
    parties = [item for item in found if item.role != "place"]
    countries = [item.actor for item in places if item.actor in index.states]
    country = countries[0] if countries else document.country
    if country is not None:
        for role, position, bare in offices:
            actor = country + index.opposition_suffix if bare == "opposition" else country
            parties.append(Found(actor, role, position, bare))
    # a place takes part when it is a country or body by name, or when nothing else does
    kept_places = [item for item in places if item.kind == "name" or not parties]
    return sorted(parties + kept_places, key=lambda item: (_ROLE_ORDER.index(item.role), item.position))


def clause_actors(head: Token, context: str | DocumentContext | None = None) -> tuple[str, ...]:
    """The actors of the event whose verb is ``head``: agent, subject, objects, then place; each once."""
    ordered: list[str] = []
    for item in participants(head, context):
        if item.actor not in ordered:
            ordered.append(item.actor)
    return tuple(ordered)


def actors_of(parsed: ParsedClause, context: str | DocumentContext | None = None) -> tuple[str, ...]:
    """The actors of a dated mention's event (its clause head's participants)."""
    return clause_actors(parsed.head, context)


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What a document tells about all its events: its main country and its people's full names."""

    country: str | None = None
    """The state named most often: what "the prime minister" or "government forces" stand for."""
    people: Mapping[str, str] = field(default_factory=dict)
    """A person's last name -> the full name the document gives ("Allen" -> "John Allen")."""


def main_country(docs: Iterable[Doc | Span]) -> str | None:
    """The country a document is mostly about: the state named most often in its parsed sentences."""
    return document_context(docs).country


def document_context(docs: Iterable[Doc | Span]) -> DocumentContext:
    """The main country and the full names of people that ``docs`` (a document's parsed sentences) name."""
    index = actor_index()
    counts: Counter[str] = Counter()
    full_names: dict[str, set[str]] = {}
    for doc in docs:
        for _, _, entry in sentence_names(doc):
            if entry.actor in index.states:
                counts[entry.actor] += 1
        for entity in doc.ents:
            words = own_name(entity.text).split()
            if entity.label_ == "PERSON" and len(words) > 1 and index.lookup(entity.text) is None:
                full_names.setdefault(words[-1], set()).add(" ".join(words))
    people = {last: next(iter(names)) for last, names in full_names.items() if len(names) == 1}
    return DocumentContext(country=counts.most_common(1)[0][0] if counts else None, people=people)


@lru_cache(maxsize=256)
def parsed_clause(sentence: str, time_span: tuple[int, int] | None = None) -> ParsedClause:
    """``sentence`` parsed alone, with the date at ``time_span`` placed in it; without a span, the clause
    is the sentence's root (cached: one-off callers ask for actors and category of the same sentence)."""
    if time_span is not None:
        return parse_clauses([sentence], [[time_span]])[0].clauses[0]
    doc = parse([sentence])[0]
    root = doc[:].root
    return ParsedClause(sentence=doc, span=(0, 0), time_tokens=(), time_head=root, head=root, clause=root)


def find_actors(
    sentence: str, time_span: tuple[int, int] | None = None, context: str | DocumentContext | None = None
) -> tuple[str, ...]:
    """The actors of ``sentence``'s event dated at ``time_span`` (its main clause without one).

    Parses the sentence: for one-offs and tests; the event stage parses a document's sentences in one
    batch and calls ``actors_of``."""
    return actors_of(parsed_clause(sentence, time_span), context)
