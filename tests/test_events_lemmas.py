"""The remembering lemmatizer (timeline/events/lemmas.py) sets the lemma spaCy's rule lemmatizer sets, token
by token, the first time a word is seen and every time after: verbs, nouns, adjectives and adverbs in each
of their forms, words of the exception lists, proper nouns, punctuation, numbers and spaces."""

from __future__ import annotations

import pytest

from timeline.events.lemmas import RememberingLemmatizer
from timeline.events.nlp import load_parser

SENTENCES = [
    # verbs in every form, nouns singular and plural, an adjective and an adverb of degree
    "US forces withdrew from Iraq in December 2011, the Pentagon said on Friday.",
    "The rebels were fleeing; troops had seized the towns and are holding bigger cities more firmly.",
    # the exception lists: irregular verbs, plurals and comparatives
    "Children saw geese and mice; the best men went, the worse women came, and oxen were better fed.",
    # proper nouns, a possessive, numbers, a line break and a double space
    "Iran's Quds Force lost 3,000 fighters.  Kurdish Peshmerga held Kirkuk.\nTalks began in 2019.",
    # words no rule knows, hyphens and clitics
    "The Iran-backed militias couldn't've re-deployed; they'd been out-gunned by ISIS-affiliated cells.",
]


def _lemmas(sentence: str, remembering: RememberingLemmatizer | None) -> list[tuple[str, str, str]]:
    nlp = load_parser()
    doc = nlp.make_doc(sentence)
    for name, component in nlp.pipeline:
        if name == "lemmatizer":
            doc = remembering(doc) if remembering is not None else component(doc)
        elif name != "ner":
            doc = component(doc)
    return [(token.text, token.pos_, token.lemma_) for token in doc]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_remembering_lemmatizer_sets_what_spacy_sets(sentence: str) -> None:
    remembering = RememberingLemmatizer.of(load_parser().get_pipe("lemmatizer"))
    assert remembering is not None
    expected = _lemmas(sentence, None)
    assert _lemmas(sentence, remembering) == expected  # worked out
    assert _lemmas(sentence, remembering) == expected  # remembered


def test_only_a_rule_lemmatizer_is_remembered() -> None:
    from spacy.lang.en import English

    nlp = English()
    lookup = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert RememberingLemmatizer.of(lookup) is None
    assert RememberingLemmatizer.of(nlp.tokenizer) is None
