"""The entity recogniser reads only the sentences where it can change the actors: those holding a proper
noun (or a capitalised word inside the sentence) that is neither one of the actor data's names nor part
of a time expression. Elsewhere every name is the data's, and what the recogniser adds is never read."""

from __future__ import annotations

import pytest

from timeline.events.actor_match import needs_entities
from timeline.events.nlp import parse

CASES = [
    # (sentence, time expression, does the recogniser read it)
    ("US troops left Iraq on Friday.", "Friday", False),
    ("Iran and Iraq signed a deal in March 2019.", "March 2019", False),
    ("the army withdrew from the city last week.", "last week", False),
    ("John Allen met the Iraqi prime minister on Friday.", "Friday", True),  # a person the data lacks
    ("The Arab Tribal Council met in Deir ez-Zor in 2019.", "2019", True),  # a body and a place it lacks
    ("Earlier, the Slepian family sent a fax on Monday.", "Monday", True),  # a name the tagger calls JJ
    ("Sudan's army entered Port Sudan in 2019.", "2019", True),  # "Port": a longer place than "Sudan"
]


@pytest.mark.parametrize(("sentence", "time", "expected"), CASES)
def test_the_recogniser_reads_sentences_with_names_the_data_lacks(
    sentence: str, time: str, expected: bool
) -> None:
    at = sentence.index(time)
    doc = parse([sentence], entities=lambda _, __: False)[0]
    assert needs_entities(doc, [(at, at + len(time))]) is expected


def test_only_the_chosen_docs_get_entities() -> None:
    sentences = ["John Allen met Iraqi officials in Baghdad.", "Jane Doe visited Tehran."]
    docs = parse(sentences, entities=lambda at, _: at == 0)
    assert [entity.text for entity in docs[0].ents] and not docs[1].ents
    assert [entity.label_ for entity in parse(sentences)[1].ents]
