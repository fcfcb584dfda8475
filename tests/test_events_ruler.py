"""The attribute ruler in table form (timeline/events/ruler.py) sets what spaCy's own ruler sets, token by
token: the tag map, the word exceptions (one-token, two-token, regular-expression rules), spaces."""

from __future__ import annotations

import pytest

from timeline.events.nlp import load_parser
from timeline.events.ruler import TableRuler

SENTENCES = [
    # the tag map: every part of speech of an ordinary news sentence
    "US forces withdrew from Iraq in December 2011, the Pentagon said on Friday.",
    # one-token exceptions: pronouns tagged as nouns, modals, determiners, "that" as a relative pronoun
    "Something happened that nobody expected, and everyone could see it would change the war.",
    "I told him she'd gone, but they'd already left with us.",
    # two-token and regular-expression rules
    "Ain't nothin' gonna stop y'all, let's go, we gotta leave.",
    # "there is": the verb after an expletive
    "There is no deal and there were no talks.",
    # spaces: a double space and a line break are tokens of their own
    "The talks ended.  Both sides left.\nA new round began in May.",
]

_FIELDS = ("tag_", "pos_", "lemma_", "dep_")


def _annotations(sentence: str, table: bool) -> list[tuple[str, ...]]:
    nlp = load_parser()
    doc = nlp.make_doc(sentence)
    for name, component in nlp.pipeline:
        if name == "attribute_ruler":
            ruler = TableRuler.of(component) if table else component
            assert ruler is not None
            doc = ruler(doc)
        elif name != "ner":
            doc = component(doc)
    return [(token.text, *(getattr(token, field) for field in _FIELDS), str(token.morph)) for token in doc]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_table_ruler_sets_what_spacy_sets(sentence: str) -> None:
    assert _annotations(sentence, table=True) == _annotations(sentence, table=False)


def test_a_ruler_setting_what_the_table_cannot_keeps_spacys() -> None:
    from spacy.lang.en import English

    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "iraq"}]], {"POS": "PROPN"})
    assert TableRuler.of(ruler) is not None
    ruler.add([[{"LOWER": "iran"}]], {"NORM": "Iran"})  # a norm: not one of the attributes the table sets
    assert TableRuler.of(ruler) is None


_WORDS = (
    frozenset({"we", "got", "ta", "leave"}),
    frozenset({"nsubj", "ROOT", "aux"}),
    frozenset({"PRP", "VBD"}),
)


@pytest.mark.parametrize(
    ("pattern", "may_match"),
    [
        ([{"LOWER": "got"}, {"LOWER": "ta"}], True),
        ([{"LOWER": "gon"}, {"LOWER": "na"}], False),  # no "gon" among the words
        ([{"LOWER": {"IN": ["let", "leave"]}}], True),
        ([{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}], False),
        ([{"LOWER": {"REGEX": "^t[ao]$"}}], True),
        ([{"DEP": "expl"}, {"LOWER": "got"}], False),  # no expletive
        ([{"TAG": {"IN": ["VBD", "VBN"]}}, {"LOWER": "ta"}], True),
        ([{"LOWER": "gon", "OP": "?"}, {"LOWER": "ta"}], True),  # an optional token asks nothing
        ([{"NORM": "gonna"}], True),  # an attribute the words do not hold asks nothing
    ],
)
def test_a_doc_without_a_patterns_words_is_not_matched(
    pattern: list[dict[str, object]], may_match: bool
) -> None:
    from timeline.events.ruler import _pattern_need

    assert _pattern_need(pattern)(_WORDS) is may_match
