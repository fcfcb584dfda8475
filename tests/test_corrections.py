"""Teachers' corrections: each kind of edit, undo, history, and re-attachment after re-extraction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from timeline.corrections import Edit, EditError, anchor_of, apply_edits, clean_value, current_value
from timeline.corrections.apply import HIDDEN_TAG, MANUAL_TAG
from timeline.model import Event, Mention, Source

SENTENCE_A = "Iran fired missiles at two bases in Iraq on 8 January 2020, officials said."
SENTENCE_B = "The parliament voted on 5 January 2020 to expel foreign troops."


def event(event_id: str, sentence: str, time_text: str, day: date, doc: str = "a.txt", at: int = 0) -> Event:
    start = sentence.index(time_text)
    mention = Mention(doc=doc, span=(at + start, at + start + len(time_text)), time_text=time_text,
                      sentence=sentence, sentence_span=(at, at + len(sentence)))  # fmt: skip
    return Event(
        id=event_id, start=day, end=day, precision="day", value=day.isoformat(),
        display_date=f"{day:%a} {day.day} {day:%b %Y}", title=sentence[:40], sentence=sentence,
        mentions=(mention,), sources=(Source(doc, "Title", "Outlet", None, date(2020, 1, 9)),),
        actors=("Iran",), category="military",
    )  # fmt: skip


A = event("ev-a", SENTENCE_A, "8 January 2020", date(2020, 1, 8))
B = event("ev-b", SENTENCE_B, "5 January 2020", date(2020, 1, 5), at=200)


def edit_on(target: Event, field: str, new: Any, number: int, **extra: Any) -> Edit:
    return Edit(field=field, new=clean_value(field, new), event_id=target.id, anchor=anchor_of(target),  # type: ignore[arg-type]
                old=current_value(target, field), author="ms.khan", created_at="2026-12-01T10:00:00", id=number, **extra)  # fmt: skip


# field, new value as given, attribute checked, value expected, display date expected (or None)
FIELD_EDITS = [
    ("title", "  Iran strikes US bases  in Iraq ", "title", "Iran strikes US bases in Iraq", None),
    ("start", "2020-01-07", "start", date(2020, 1, 7), "Tue 7 Jan 2020"),
    ("end", "2020-01-09", "end", date(2020, 1, 9), "Wed 8 Jan 2020 – Thu 9 Jan 2020"),
    ("precision", "month", "precision", "month", "Jan 2020"),
    ("actors", ["Iran", "United States", "iran", " "], "actors", ("Iran", "United States"), None),
    ("category", "Military", "category", "military", None),
    ("planned", True, "planned", True, None),
]


@pytest.mark.parametrize(
    ("field", "given", "attribute", "expected", "shown"), FIELD_EDITS, ids=[r[0] for r in FIELD_EDITS]
)
def test_each_field_edit_shows_in_the_record(
    field: str, given: Any, attribute: str, expected: Any, shown: str | None
) -> None:
    corrected = apply_edits([A, B], [edit_on(A, field, given, 1)])
    changed = next(e for e in corrected.events if e.id == A.id)
    assert getattr(changed, attribute) == expected
    if shown is not None:
        assert changed.display_date == shown
    assert "edited" in changed.tags and f"edited:{field}" in changed.tags
    assert next(e for e in corrected.events if e.id == B.id) == B  # nothing else changes
    assert [edit.field for edit in corrected.history[A.id]] == [field]


# field, value that must be refused, words of the reason
BAD_VALUES = [
    ("title", "   ", "cannot be empty"),
    ("title", "x" * 300, "at most"),
    ("start", "8 January", "not a date"),
    ("precision", "fortnight", "not a precision"),
    ("actors", "Iran", "list of names"),
    ("planned", "yes", "yes or no"),
    ("colour", "red", "not a field"),
]


@pytest.mark.parametrize(("field", "value", "reason"), BAD_VALUES)
def test_a_value_that_makes_no_sense_is_refused_with_a_reason(field: str, value: Any, reason: str) -> None:
    with pytest.raises(EditError, match=reason):
        clean_value(field, value)


def test_an_end_before_the_start_moves_to_the_start() -> None:
    changed = apply_edits([A], [edit_on(A, "end", "2020-01-06", 1)]).events[0]
    assert (changed.start, changed.end) == (date(2020, 1, 8), date(2020, 1, 8))


def test_undo_restores_what_the_earlier_edits_gave() -> None:
    first = edit_on(A, "title", "First", 1)
    second = edit_on(A, "title", "Second", 2)
    undo = Edit(field="undo", new=2, event_id=A.id, anchor=anchor_of(A), id=3)
    assert apply_edits([A], [first, second, undo]).events[0].title == "First"
    undo_all = Edit(field="undo", new=1, event_id=A.id, anchor=anchor_of(A), id=4)
    assert apply_edits([A], [first, second, undo, undo_all]).events[0] == A


def test_edits_apply_in_the_order_they_were_made_whatever_order_they_come_in() -> None:
    edits = [edit_on(A, "title", "Later", 5), edit_on(A, "title", "Earlier", 2)]
    assert apply_edits([A], edits).events[0].title == "Later"


def test_hiding_an_event_and_an_article() -> None:
    hidden = apply_edits([A, B], [edit_on(A, "hidden", True, 1)])
    assert [HIDDEN_TAG in e.tags for e in hidden.events] == [True, False]
    article = Edit(field="hide_article", new=True, anchor=anchor_of(A), id=2)
    both = apply_edits([A, B], [article])
    assert all(HIDDEN_TAG in e.tags for e in both.events) and both.hidden_articles == {"a.txt"}


def test_an_event_added_by_hand_appears_with_its_note() -> None:
    manual = replace(
        A,
        id="manual-1",
        title="Ceasefire announced",
        mentions=(),
        sources=(Source("note", "Teacher's note", None, None, None),),
    )
    corrected = apply_edits(
        [B],
        [
            Edit(
                field="create", new=manual.to_json() | {"mentions": []}, id=1, note="From the textbook, p. 12"
            )
        ],
    )
    added = next(e for e in corrected.events if e.id == "manual-1")
    assert added.title == "Ceasefire announced" and MANUAL_TAG in added.tags


def test_merge_two_events_then_split_them_again() -> None:
    other_report = event(
        "ev-c",
        "Missiles hit the Ain al-Asad base on 8 January 2020.",
        "8 January 2020",
        date(2020, 1, 8),
        doc="b.txt",
    )
    merge = Edit(field="merge", new={"event_id": other_report.id, "anchor": anchor_of(other_report).to_json()},  # type: ignore[union-attr]
                 event_id=A.id, anchor=anchor_of(A), id=1)  # fmt: skip
    merged = apply_edits([A, other_report], [merge])
    assert [e.id for e in merged.events] == [A.id]
    assert {s.doc for s in merged.events[0].sources} == {"a.txt", "b.txt"}
    split = Edit(
        field="split",
        new={"anchor": anchor_of(other_report).to_json()},
        event_id=A.id,
        anchor=anchor_of(A),
        id=2,
    )  # type: ignore[union-attr]
    again = apply_edits([A, other_report], [merge, split])
    assert sorted(len(e.mentions) for e in again.events) == [1, 1]
    assert {e.sources[0].doc for e in again.events} == {"a.txt", "b.txt"}


def test_an_edit_reattaches_after_the_article_changes_around_its_sentence() -> None:
    title = edit_on(A, "title", "Iran strikes US bases", 1)
    # The article gained a paragraph: offsets (so the id) moved, the sentence did not change.
    moved = replace(event("ev-a-moved", SENTENCE_A, "8 January 2020", date(2020, 1, 8), at=500))
    corrected = apply_edits([moved, B], [title])
    assert not corrected.orphans
    assert next(e for e in corrected.events if e.id == "ev-a-moved").title == "Iran strikes US bases"


def test_an_edit_reattaches_when_the_new_extractor_regroups_the_sentence() -> None:
    title = edit_on(A, "title", "Iran strikes US bases", 1)
    retimed = replace(event("ev-x", SENTENCE_A, "8 January 2020", date(2020, 1, 8)), id="ev-new-id")
    relabelled = replace(retimed, mentions=(replace(retimed.mentions[0], time_text="on 8 January 2020"),))
    assert apply_edits([relabelled], [title]).events[0].title == "Iran strikes US bases"


def test_an_edit_whose_sentence_is_gone_is_an_orphan_never_dropped() -> None:
    title = edit_on(A, "title", "Iran strikes US bases", 1)
    rewritten = event(
        "ev-a", "Iran launched missiles at US troops on 8 January 2020.", "8 January 2020", date(2020, 1, 8)
    )
    corrected = apply_edits([rewritten, B], [title])
    assert corrected.orphans == [title]
    assert all(e.title != "Iran strikes US bases" for e in corrected.events)


def test_the_same_id_reporting_another_sentence_does_not_take_the_edit() -> None:
    title = edit_on(A, "title", "Iran strikes US bases", 1)
    impostor = replace(B, id=A.id)
    assert apply_edits([impostor], [title]).orphans == [title]


def test_a_new_start_moves_the_end_with_it() -> None:
    week = replace(A, end=date(2020, 1, 14), precision="week")
    changed = apply_edits([week], [edit_on(week, "start", "2020-02-03", 1)]).events[0]
    assert (changed.start, changed.end) == (date(2020, 2, 3), date(2020, 2, 9))
