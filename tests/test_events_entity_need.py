"""The entity recogniser reads the candidate sentences whose entities the event stage reads
(timeline/events/entity_need.py): those with a name the actor data lacks in a participant phrase of a
dated clause, then those holding a last name such a phrase reads alone (where the person's full name is).
A name outside the participants (the source of a report, a relative clause) is not read."""

from __future__ import annotations

import pytest

from timeline.events.clause_parse import parse_clauses

CASES = [
    # (a document's candidate sentences, each one's time expression, which of them the recogniser reads)
    (["John Allen met the Iraqi prime minister on Friday."], ["Friday"], [True]),  # the subject
    (["US troops left Iraq on Friday."], ["Friday"], [False]),  # every name is the data's
    (["US troops left Iraq on Friday, John Allen said."], ["Friday"], [False]),  # only the source's
    (
        ["The talks, which John Allen led, ended on Monday.", "Troops left Iraq on Friday."],
        ["Monday", "Friday"],
        [False, False],  # a name inside a relative clause takes no part in the dated event
    ),
    (
        ["The talks, which John Allen led, ended on Monday.", "Allen left Iraq on Friday."],
        ["Monday", "Friday"],
        [True, True],  # "Allen" acts alone in the second: the first gives his full name
    ),
    (
        ["The talks, which John Allen led, ended on Monday.", "Jane Doe left Iraq on Friday."],
        ["Monday", "Friday"],
        [False, True],  # another person acts: the first's full name is never looked up
    ),
]


@pytest.mark.parametrize(("sentences", "times", "expected"), CASES)
def test_the_recogniser_reads_the_sentences_whose_entities_are_read(
    sentences: list[str], times: list[str], expected: list[bool]
) -> None:
    spans = [
        [(sentence.index(time), sentence.index(time) + len(time))]
        for sentence, time in zip(sentences, times, strict=True)
    ]
    parsed = parse_clauses(sentences, spans)
    assert [sentence.doc.has_annotation("ENT_IOB") for sentence in parsed] == expected


def test_a_chosen_sentence_is_annotated_as_a_whole_parse_would_be() -> None:
    from timeline.events.nlp import parse

    sentence = "John Allen met the Iraqi prime minister on Friday."
    at = sentence.index("Friday")
    chosen = parse_clauses([sentence], [[(at, at + len("Friday"))]])[0].doc
    whole = parse([sentence])[0]
    assert [(e.text, e.label_) for e in chosen.ents] == [(e.text, e.label_) for e in whole.ents]
    assert [(t.tag_, t.dep_, t.lemma_) for t in chosen] == [(t.tag_, t.dep_, t.lemma_) for t in whole]
