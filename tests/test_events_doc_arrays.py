"""The arrays read once per parsed sentence give what walking the doc's tokens gives."""

from __future__ import annotations

import pytest

from timeline.events.doc_arrays import starts, subtree, subtree_order, words
from timeline.events.nlp import parse

SENTENCES = [
    "The council voted on Tuesday to close the old bridge, which had stood since 1890.",
    "Rescuers -- working through the night -- pulled two climbers from the ridge.",
    "Prices rose (again) in March: bakers blamed the cost of flour.",
    "A single word",
    "The mayor, who took office in 2019 after a narrow win, said the plan would be revised.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_subtrees_match_the_tokens_own(text: str) -> None:
    (doc,) = parse([text], entities=lambda _, __: False)
    for token in doc:
        assert subtree_order(token) == tuple(t.i for t in token.subtree)
        assert subtree(token) == frozenset(t.i for t in token.subtree)


@pytest.mark.parametrize("text", SENTENCES)
def test_words_and_starts_match_the_tokens(text: str) -> None:
    (doc,) = parse([text], entities=lambda _, __: False)
    texts, spaces, puncts = words(doc)
    assert texts == tuple(t.text for t in doc)
    assert spaces == tuple(t.whitespace_ for t in doc)
    assert puncts == tuple(t.is_punct for t in doc)
    assert starts(doc) == [t.idx for t in doc]


def test_a_deep_sentence_needs_no_recursion() -> None:
    text = " ".join(["the friend of"] * 400) + " the mayor left."
    (doc,) = parse([text], entities=lambda _, __: False)
    root = next(token for token in doc if token.head.i == token.i)
    assert subtree_order(root) == tuple(t.i for t in root.subtree)
