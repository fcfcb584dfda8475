"""Highlighting time expressions in text, and escaping article text for Streamlit's Markdown."""

from __future__ import annotations

import re

import pytest
from app_support import EVENTS
from markdown_checks import parsed_text, plugin_triggers, unescaped_punctuation

from timeline.view.highlight import (
    WORD_JOINER,
    Mark,
    Segment,
    document_marks,
    escape_markdown,
    highlighted_sentence,
    render_markdown,
    segments,
    shown_text,
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


# Each way article text could turn into markup, a request or a symbol in Streamlit, beside an example.
ESCAPE_TABLE = [
    ("image (a tracking beacon)", "![x](http://127.0.0.2:9/beacon.png)"),
    ("reference image", "![x][b]\n\n[b]: http://127.0.0.2:9/b.png"),
    ("link", "[met](http://evil.example/)"),
    ("javascript link", "[link](javascript:alert(1))"),
    ("angle autolink", "<http://evil.example/>"),
    ("bare URL", "see http://evil.example/path?q=1 now"),
    ("bare URL, capitals", "HTTPS://EVIL.EXAMPLE"),
    ("www autolink", "www.evil.example"),
    ("www autolink, capitals", "WWW.Evil.Example"),
    ("e-mail autolink", "write to press@evil.example"),
    ("mailto", "mailto:press@evil.example"),
    ("display math", "$$x^2$$"),
    ("inline math", "costs $5 and $x$"),
    ("colour directive", ":red[alarm]"),
    ("background directive", ":blue-background[x]"),
    ("badge directive", ":violet-badge[planned]"),
    ("help directive", ":help[tip]"),
    ("Streamlit logo (an <img>)", ":streamlit:"),
    ("Material icon", ":material/home:"),
    ("Material icon, rewritten form", ":material_home:"),
    ("emoji shortcode", ":smile: :+1:"),
    ("HTML", "<b>bold</b> <img src=x onerror=alert(1)> <script>alert(1)</script>"),
    ("HTML entity", "&lt;script&gt; &amp; &#58;"),
    ("emphasis", "**b** __b__ *i* _i_"),
    ("strikethrough", "~~s~~ ~s~"),
    ("code span", "`code` ``a`b``"),
    ("indented code", "    indented code\n\tline"),
    ("fenced code", "```\ncode\n```\n~~~\nmore\n~~~"),
    ("heading", "# heading\n###### six"),
    ("setext heading", "Title\n===\nOther\n---"),
    ("block quote", "> quote"),
    ("lists", "- item\n+ item\n* item\n1. item\n2) item"),
    ("task list", "- [ ] task\n- [x] done"),
    ("table", "a | table | row\n---|---"),
    ("footnote", "text[^1]\n\n[^1]: note"),
    ("thematic break", "***\n___"),
    ("typographic arrows", "a -> b <- c -- d >= e <= f ~= g <-> h"),
    ("carriage-return line end", "line\r    indented after a bare CR"),
    ("backslashes", "back\\slash\\ and \\*"),
    ("times and ratios stay plain", "At 10:30, a 3:1 vote"),
]
ESCAPE_IDS = [why for why, _ in ESCAPE_TABLE]
ESCAPE_TEXTS = [text for _, text in ESCAPE_TABLE]


def _as_read(text: str) -> str:
    """What the reader should see: the same characters, lines without leading indentation."""
    return "\n".join(
        line.lstrip(" \t") for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    )


@pytest.mark.parametrize("text", ESCAPE_TEXTS, ids=ESCAPE_IDS)
def test_escaped_text_shows_exactly_its_characters(text: str) -> None:
    escaped = escape_markdown(text)
    assert shown_text(escaped) == _as_read(text)
    assert parsed_text(escaped).replace(WORD_JOINER, "") == _as_read(text)


@pytest.mark.parametrize("text", ESCAPE_TEXTS, ids=ESCAPE_IDS)
def test_escaped_text_starts_no_markdown_syntax(text: str) -> None:
    escaped = escape_markdown(text)
    assert unescaped_punctuation(escaped) == []
    assert not re.search(r"^[ \t]", escaped, flags=re.MULTILINE), "no indented code blocks"
    assert "\r" not in escaped


@pytest.mark.parametrize("text", ESCAPE_TEXTS, ids=ESCAPE_IDS)
def test_escaped_text_sets_off_none_of_streamlits_text_plugins(text: str) -> None:
    assert plugin_triggers(escape_markdown(text)) == []


WJ = WORD_JOINER


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Talks resumed.", "Talks resumed\\."),
        ("At 10:30, a 3:1 vote", "At 10\\:30\\, a 3\\:1 vote"),
        ("http://e.x/a", f"http\\:{WJ}\\/\\/e\\.x\\/a"),
        ("WWW.e.x", f"WWW{WJ}\\.e\\.x"),
        ("a@b.c", f"a\\@{WJ}b\\.c"),
        (":red[x]", f"\\:{WJ}red\\[x\\]"),
        ("a -> b", f"a \\-{WJ}\\> b"),
        ("  indented", "indented"),
        ("a\r\nb", "a\nb"),
    ],
    ids=["prose", "times", "url", "www", "email", "directive", "arrow", "indent", "crlf"],
)
def test_escaping_adds_a_word_joiner_only_inside_a_plugin_trigger(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("http://evil.example", "bare-URL autolink"),
        ("www.evil.example", "bare-URL autolink"),
        ("press@evil.example", "e-mail autolink"),
        (":streamlit:", "Streamlit logo image"),
        (":material_home:", "Material icon"),
        ("a -> b", "typographic arrow"),
        ("$$x$$", "LaTeX (loads KaTeX)"),
        (":smile:", "emoji shortcode (loads remark-emoji)"),
    ],
)
def test_the_plugin_checks_see_raw_triggers_even_behind_backslashes(text: str, trigger: str) -> None:
    """Backslash escapes alone do not stop the plugins: the checks must catch that (so they can fail)."""
    assert trigger in plugin_triggers(text)
    backslashed_only = re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text)
    if trigger not in {"LaTeX (loads KaTeX)", "emoji shortcode (loads remark-emoji)"}:
        assert trigger in plugin_triggers(backslashed_only)


@pytest.mark.parametrize("text", ESCAPE_TEXTS, ids=ESCAPE_IDS)
def test_highlighted_text_is_as_inert_as_escaped_text(text: str) -> None:
    """A mark in the middle of hostile text: the rest is still escaped, and only our own directive shows."""
    body = f"{text} on May 1, 2020 {text}"
    start = body.index("May 1, 2020")
    rendered = render_markdown(segments(body, [Mark(start, start + len("May 1, 2020"), "e")]))
    assert plugin_triggers(rendered) == []
    own = ":orange-background[**May 1\\, 2020**]"
    assert rendered.count(own) == 1
    assert unescaped_punctuation(rendered.replace(own, "")) == []
    assert shown_text(rendered.replace(own, "May 1, 2020")) == _as_read(body)


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
