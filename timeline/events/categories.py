"""An event's category, from its clause: the event verb and the verb's arguments.

The cue words are data (``timeline/data/categories.json``), as lemmas: verbs that name the action
("withdraw", "pull out"), head nouns of the verb's subject and objects ("the uprising began", "launched
rocket attacks"), verb-noun phrases ("claimed responsibility", "took to the streets"). A light verb
("began", "launched", "held") has no category of its own: its arguments and the verb it governs decide.
Words outside the dated clause do not count: "killed" in a death-toll clause does not make "the uprising
began" an attack, and the "fuel" of an afterthought does not make a submarine's sinking energy. Only a
clause with no cue at all reads the rest of its clause tree, at a lower weight.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from timeline.events.actors import arguments, is_verbal, parsed_clause
from timeline.events.clause_parse import clause_top
from timeline.resources import load_data

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.events.clause_parse import ParsedClause

_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
_MODIFIERS = frozenset({"compound", "amod"})
_PARTICIPLES = frozenset({"VBN", "VBG"})


@dataclass(frozen=True, slots=True)
class _Cues:
    verbs: dict[str, tuple[str, float]]
    """Verb lemma (with its particle or preposition: "pull out") -> (category, weight)."""
    nouns: dict[str, str]
    phrases: dict[str, str]
    light: frozenset[str]
    causers: frozenset[str]
    order: tuple[str, ...]
    default: str
    argument: float
    modifier: float
    phrase: float
    complement: float
    context: float
    max_noun_words: int
    statement: str
    verb: float


@cache
def _cues() -> _Cues:
    data = load_data("categories.json")
    weights: dict[str, float] = {key: float(value) for key, value in data["weights"].items()}
    verbs: dict[str, tuple[str, float]] = {}
    nouns: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for category, spec in data["categories"].items():
        for lemma in spec.get("verbs", []):
            verbs.setdefault(lemma, (category, weights["verb"]))
        for lemma in spec.get("weak_verbs", []):
            verbs.setdefault(lemma, (category, weights["weak_verb"]))
        for lemma in spec.get("nouns", []):
            nouns.setdefault(lemma, category)
        for lemma in spec.get("phrases", []):
            phrases.setdefault(lemma, category)
    return _Cues(
        verbs=verbs,
        nouns=nouns,
        phrases=phrases,
        light=frozenset(data["light_verbs"]),
        causers=frozenset(data["causer_verbs"]),
        order=tuple(data["categories"]),
        default=str(data["default"]),
        argument=weights["argument"],
        modifier=weights["modifier"],
        phrase=weights["phrase"],
        complement=weights["complement"],
        context=weights["context"],
        max_noun_words=max(len(noun.split()) for noun in nouns),
        statement=str(data["statement_category"]),
        verb=weights["verb"],
    )


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _verb_keys(verb: Token) -> Iterator[str]:
    """The verb's lemma with each particle or preposition it takes ("pull out", "call for"), then alone;
        for a past form, also its spelling less the "d" ("fined" -> "fine": the lemmatizer says "fin"). A
    preposition before a figure is not part of the verb (``_to_a_figure``)."""
    bases = [_lemma(verb)]
    if verb.tag_ in ("VBD", "VBN") and verb.lower_.endswith("ed") and verb.lower_[:-1] != bases[0]:
        bases.append(verb.lower_[:-1])
    for base in bases:
        for child in verb.children:
            if child.dep_ in ("prt", "prep") and child.i > verb.i and not _to_a_figure(child):
                yield f"{base} {child.lower_}"
        yield base


def _to_a_figure(prep: Token) -> bool:
    """A preposition whose object is a figure ("fell 5% to $9.5 million"): a level, not a party ("the city
    fell to the rebels"), so the verb is read without it."""
    return any(g.dep_ == "pobj" and (g.like_num or g.pos_ == "NUM") for g in prep.children)


def _verb_cue(verb: Token, cues: _Cues) -> tuple[str, float] | None:
    """(category, weight) of a verb; None for a light verb or one without a cue."""
    for key in _verb_keys(verb):
        if key in cues.verbs:
            return cues.verbs[key]
        if key in cues.light:
            return None
    return None


def _is_light(verb: Token, cues: _Cues) -> bool:
    return any(key in cues.light for key in _verb_keys(verb)) and _verb_cue(verb, cues) is None


def _says(cue: tuple[str, float] | None) -> bool:
    """A verb of saying (a weak cue of the statement category) reports a clause that tells the event."""
    return cue is not None and cue[0] == _cues().statement and cue[1] < _cues().verb


def _noun_cue(noun: Token, cues: _Cues) -> tuple[str, float] | None:
    """The category of a noun with its compounds and adjectives: the longest listed phrase ("car bomb"),
    else a noun compound's own cue ("airstrike campaign", "rescue operation": the modifier says what
    kind, at a lower weight), else the noun alone: (category, weight)."""
    modifiers = [child for child in noun.children if child.dep_ in _MODIFIERS and child.i < noun.i]
    words = [_lemma(child) for child in modifiers] + [_lemma(noun)]
    surface = [child.lower_ for child in modifiers] + [noun.lower_]
    for size in range(min(len(words), cues.max_noun_words), 1, -1):
        for sequence in (words[-size:], surface[-size:]):
            key = " ".join(sequence)
            if key in cues.nouns:
                return cues.nouns[key], cues.argument
    for modifier in reversed(modifiers):
        if _after_hyphen(modifier):
            continue  # the second half of "fast-food", "anti-war": the whole word is no "food", no "war"
        # a participle is read as written: "displaced families", not "New York-based" as "base"
        key = modifier.lower_ if modifier.tag_ in _PARTICIPLES else _lemma(modifier)
        if modifier.pos_ != "PROPN" and key in cues.nouns:
            return cues.nouns[key], cues.modifier
    category = cues.nouns.get(_lemma(noun)) or cues.nouns.get(noun.lower_)
    return (category, cues.argument) if category else None


def _after_hyphen(token: Token) -> bool:
    """The word after a hyphen that glues it to the word before ("food" in "fast-food")."""
    doc = token.doc
    hyphen = doc[token.i - 1] if token.i > 0 else None
    return hyphen is not None and hyphen.text == "-" and not hyphen.whitespace_ and token.i > 1


def _argument_nouns(head: Token, skip: Collection[int]) -> list[Token]:
    """Head nouns of the verb's arguments and conjuncts ("the start of the uprising" gives "uprising")."""
    found: list[Token] = []
    for _, token in arguments(head):
        for noun in (token, *(child for child in token.children if child.dep_ == "conj")):
            if noun.i in skip or noun.ent_type_ in _TIME_ENTITIES or noun.pos_ not in _NOMINAL:
                continue
            found.append(noun)
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    found.extend(g for g in prep.children if g.dep_ == "pobj" and g.pos_ in _NOMINAL)
    return found


def _causer_has_category(verb: Token, cues: _Cues) -> bool:
    """Whether the doer of ``verb`` (its subject, or the agent of a passive) is a noun with a category."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(doer.pos_ in _NOMINAL and _noun_cue(doer, cues) is not None for doer in doers)


def _add(scores: dict[str, float], category: str | None, weight: float) -> None:
    if category is not None:
        scores[category] = scores.get(category, 0.0) + weight


def _clause_scores(head: Token, cues: _Cues, skip: Collection[int], factor: float = 1.0) -> dict[str, float]:
    scores: dict[str, float] = {}
    verbal = is_verbal(head)
    cue = _verb_cue(head, cues) if verbal else None
    if cue is not None and _lemma(head) in cues.causers and _causer_has_category(head, cues):
        cue = None  # "killed by meningitis" is a health event, "the quake destroyed" a disaster
    if cue is not None:
        _add(scores, cue[0], cue[1] * factor)
    nouns = _argument_nouns(head, skip)
    for noun in nouns:
        cue_of_noun = _noun_cue(noun, cues)
        if cue_of_noun is not None:
            _add(scores, cue_of_noun[0], cue_of_noun[1] * factor)
        if noun.i == head.i:
            continue
        if verbal:
            for key in _verb_keys(head):
                _add(scores, cues.phrases.get(f"{key} {_lemma(noun)}"), cues.phrase * factor)
    return scores


def category_scores(head: Token, skip: Collection[int] = ()) -> dict[str, float]:
    """Score of every category for the event whose verb is ``head``; ``skip`` are token indices to ignore
    (the time expressions)."""
    cues = _cues()
    scores = _clause_scores(head, cues, skip)
    # the verb this one governs ("agreed to withdraw", "announced that troops will leave") and the clause
    # above a light or infinitive head ("began to withdraw" dated on "withdraw" reads "began" too)
    own = _verb_cue(head, cues) if is_verbal(head) else None
    light = own is None and _is_light(head, cues)
    for child in head.children:
        # an infinitive always ("began to withdraw"); a that-clause only under a saying ("announced that
        # troops will leave"), not a clause a bad parse hung on a light verb ("began ... and killed")
        if not is_verbal(child) or not (child.dep_ == "xcomp" or (child.dep_ == "ccomp" and _says(own))):
            continue
        weight = 1.0 if light and child.dep_ == "xcomp" else cues.complement
        for category, score in _clause_scores(child, cues, skip, weight).items():
            _add(scores, category, score)
    top = clause_top(head)
    if top.i != head.i:
        for category, score in _clause_scores(top, cues, skip, cues.complement).items():
            _add(scores, category, score)
    if scores:
        return scores
    # no cue in the clause: the rest of its tree (adverbial clauses, participles) counts a little
    for token in top.subtree:
        if token.i in skip or token.ent_type_ in _TIME_ENTITIES:
            continue
        if token.pos_ in _VERBAL and token.i != head.i:
            verb_cue = _verb_cue(token, cues)
            if verb_cue is not None:
                _add(scores, verb_cue[0], verb_cue[1] * cues.context)
        elif token.pos_ in _NOMINAL and not (token.dep_ in _MODIFIERS and _after_hyphen(token)):
            noun_cue = _noun_cue(token, cues)
            if noun_cue is not None:
                _add(scores, noun_cue[0], noun_cue[1] * cues.context)
    return scores


def clause_category(head: Token, skip: Collection[int] = ()) -> str:
    """The best-scoring category of the event whose verb is ``head``; the data's default without a cue."""
    cues = _cues()
    scores = category_scores(head, skip)
    if not scores:
        return cues.default
    return max(cues.order, key=lambda category: (scores.get(category, 0.0), -cues.order.index(category)))


def category_of(parsed: ParsedClause) -> str:
    """The category of a dated mention's event (its clause head), its time expressions ignored."""
    skip = {token.i for token in parsed.time_tokens} | {token.i for token in parsed.other_time_tokens}
    return clause_category(parsed.head, skip)


def categorize(sentence: str, time_span: tuple[int, int] | None = None) -> str:
    """The category of ``sentence``'s event dated at ``time_span`` (its main clause without one).

    Parses the sentence: for one-offs and tests; the event stage calls ``category_of``."""
    return category_of(parsed_clause(sentence, time_span))


def category_names() -> tuple[str, ...]:
    """Every category the data defines, plus the default."""
    cues = _cues()
    return (*cues.order, cues.default)
