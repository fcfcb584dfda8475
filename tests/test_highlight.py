"""Highlighting time expressions in text, and escaping article text for Streamlit's Markdown."""

from __future__ import annotations

import re

import pytest
from app_support import EVENTS

from timeline.highlight import (
    Mark,
    Segment,
    document_marks,
    escape_markdown,
    highlighted_sentence,
    render_markdown,
    segments,
)

BY_ID = {event.id: event for event in EVENTS}


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("On Monday we met", [Mark(3, 9, "a")], [("On ", False), ("Monday", True), (" we met", False)]),
        ("2014", [Mark(0, 4)], [("2014", True)]),
        ("no marks", [], [("no marks", False)]),
        ("abcdef", [Mark(1, 4, "a"), Mark(2, 5, "b")], [("a", False), ("bcd", True), ("ef", False)]),
        ("abcdef", [Mark(2, 4, "short"), Mark(2, 6, "long")], [("ab", False), ("cdef", True)]),
        ("abc", [Mark(-5, 2), Mark(2, 99)], [("ab", True), ("c", True)]),
        ("abc", [Mark(2, 2)], [("abc", False)]),
    ],
    ids=["middle", "whole", "none", "overlap-first-wins", "same-start-longest", "clipped", "empty-mark"],
)
def test_segments_cover_the_text_once(text: str, marks: list[Mark], expected: list[tuple[str, bool]]) -> None:
    parts = segments(text, marks)
    assert [(part.text, part.marked) for part in parts] == expected
    assert "".join(part.text for part in parts) == text


def test_marked_segments_are_numbered_and_keyed() -> None:
    parts = segments("a 1 b 2", [Mark(6, 7, "second"), Mark(2, 3, "first")])
    assert [(p.key, p.number) for p in parts if p.marked] == [("first", 1), ("second", 2)]


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "**bold** _it_ `code` [link](javascript:alert(1))",
    "# heading\n- item\n1. item\n> quote",
    "$x^2$ and $$y$$",
    ":red[coloured] :smile: :material/home:",
    "&lt;script&gt; &amp;",
    "    indented code\n\tline",
    "a | table | row\n---|---",
    "Title\n===",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_has_no_live_markdown_or_html(text: str) -> None:
    escaped = escape_markdown(text)
    unescaped_specials = re.findall(r"(?<!\\)[<>*_`\[\]()#$:&|=~!-]", escaped.replace("\\\\", ""))
    assert unescaped_specials == []
    assert not re.search(r"^[ \t]", escaped, flags=re.MULTILINE), "no indented code blocks"


@pytest.mark.parametrize("text", HOSTILE)
def test_rendering_keeps_the_characters(text: str) -> None:
    rendered = render_markdown([Segment(text)])
    # Removing the escapes (and the stripped indentation) gives the text back.
    assert re.sub(r"\\(.)", r"\1", rendered) == "\n".join(line.lstrip() for line in text.split("\n"))


def test_a_marked_segment_is_highlighted_and_bold() -> None:
    rendered = render_markdown(segments("Met on May 1, 2020.", [Mark(7, 18, "e")]), numbered=True)
    assert rendered == "Met on :orange-background[**May 1\\, 2020**] \\[1\\]\\."


def test_a_multi_line_mark_is_highlighted_line_by_line() -> None:
    rendered = render_markdown([Segment("a\nb", marked=True)])
    assert rendered == ":orange-background[**a**]\n:orange-background[**b**]"


@pytest.mark.parametrize(("event_id", "time_text"), [("ev-meeting", "Sunday"), ("ev-mosul", "2014")])
def test_an_events_sentence_highlights_its_time_expression(event_id: str, time_text: str) -> None:
    assert f":orange-background[**{time_text}**]" in highlighted_sentence(BY_ID[event_id])


def test_each_mention_of_a_merged_event_has_its_own_quote() -> None:
    event = BY_ID["ev-meeting"]
    assert "February 3\\, 2019" in highlighted_sentence(event, 1)


def test_a_stale_span_falls_back_to_finding_the_time_text() -> None:
    import dataclasses

    event = BY_ID["ev-mosul"]
    moved = dataclasses.replace(event.mentions[0], span=(900, 904))
    assert ":orange-background[**2014**]" in highlighted_sentence(
        dataclasses.replace(event, mentions=(moved,))
    )


def test_document_marks_point_at_each_cited_expression() -> None:
    from app_support import DOCS

    wire = next(doc for doc in DOCS if doc.doc_id == "wire")
    marks = document_marks("wire", EVENTS)
    assert sorted(wire.text[m.start : m.end] for m in marks) == sorted(
        ["Sunday", "March 20, 2003", "2014", "December 31, 2021"]
    )
    assert {m.key for m in marks} == {"ev-meeting", "ev-invasion", "ev-mosul", "ev-withdrawal"}


def test_spaces_around_a_mark_are_kept() -> None:
    rendered = render_markdown(segments("on Saturday assured", [Mark(3, 11)]), numbered=True)
    assert rendered == "on :orange-background[**Saturday**] \\[1\\] assured"


def test_the_focused_event_is_marked_differently() -> None:
    parts = segments("on Monday and Friday", [Mark(3, 9, "a"), Mark(14, 20, "b")])
    rendered = render_markdown(parts, focus="b")
    assert ":orange-background[**Monday**]" in rendered
    assert ":blue-background[**Friday**] ◀" in rendered
