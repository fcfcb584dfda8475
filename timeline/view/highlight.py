"""Split a text into plain segments with the time expressions marked, and render them as safe Markdown.

The UI shows article text through Markdown (to highlight the date expressions; and Streamlit renders
widget labels and help tooltips as Markdown too), so every piece of article text passes through
``escape_markdown`` (or ``render_markdown``) first and comes out as exactly its characters: no
formatting, HTML, image, link, LaTeX, directive, icon or emoji. No Streamlit here.

Escaping has two layers, because Streamlit's Markdown has two:

* the parser (CommonMark + GFM, math, directives): every ASCII punctuation character is backslash-
  escaped, which CommonMark allows for each of them, so no syntax (``![x](u)``, ``$$``, ``:red[``,
  ``<b>``, ``|``, ``#``...) can start; indentation is dropped (it would make a code block);
* plugins that rewrite the *parsed* text, where the escapes are already gone: GFM's bare-URL and
  e-mail autolinks (``http://…``, ``www.…``, ``a@b.c``), the ``:streamlit:`` logo image,
  ``:material_x:`` icons, emoji shortcodes and the arrows made of ``->``, ``<-``, ``--``, ``>=``,
  ``<=``, ``~=``. Their triggers are broken with an invisible WORD JOINER (U+2060), which matches
  none of those patterns and shows nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from timeline.model import Event

WORD_JOINER = "\u2060"
"""Invisible, not whitespace, not punctuation: breaks a plugin's pattern without changing what is read."""

_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
"""Every ASCII punctuation character: CommonMark lets each be backslash-escaped, so escaping all of them
leaves nothing Markdown, HTML, LaTeX or Streamlit's ``:color[...]`` directives could interpret."""

_PLUGIN_TRIGGERS = re.compile(
    r"(?<=:)(?=//|[^\W\d])"  # "http://", and ":name" (:streamlit:, :material_x:, emoji shortcodes)
    r"|(?<=[wW][wW][wW])(?=\.)"  # "www." (GFM autolink, case-insensitive)
    r"|(?<=@)"  # "a@b.c" (GFM e-mail autolink)
    r"|(?<=[<>~-])(?=[-=>])"  # "->", "<-", "<->", "--", ">=", "<=", "~=" (typographic arrows)
)
"""Where a WORD JOINER goes: inside every pattern a plugin finds in already-parsed text."""

_LEADING_SPACE = re.compile(r"^[ \t]+", re.MULTILINE)
"""Indented lines would become code blocks."""

_LINE_BREAK = re.compile(r"\r\n?")
"""CommonMark also ends lines at a bare carriage return: make every line end a newline."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the text; ``marked`` pieces are time expressions, ``key`` says which (e.g. an event id)."""

    text: str
    marked: bool = False
    key: str | None = None
    number: int | None = None
    """1-based position among the marked segments, for a "[1]" reference beside the text."""


@dataclass(frozen=True, slots=True)
class Mark:
    """A span [start, end) of the text to highlight, and what it refers to."""

    start: int
    end: int
    key: str | None = None


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """The text cut at the marks: in order, covering every character exactly once.

    Marks outside the text are clipped; overlapping marks are resolved in favour of the earlier
    (then longer) one, so no character is shown twice. Identical spans keep the first mark's key.
    """
    ordered = sorted(
        (Mark(max(0, m.start), min(len(text), m.end), m.key) for m in marks),
        key=lambda m: (m.start, -(m.end - m.start)),
    )
    result: list[Segment] = []
    cursor = 0
    number = 0
    for mark in ordered:
        if mark.end <= mark.start or mark.start < cursor:
            continue
        if mark.start > cursor:
            result.append(Segment(text[cursor : mark.start]))
        number += 1
        result.append(Segment(text[mark.start : mark.end], marked=True, key=mark.key, number=number))
        cursor = mark.end
    if cursor < len(text):
        result.append(Segment(text[cursor:]))
    return result


def _literal(text: str) -> str:
    """One piece of text as escaped Markdown (no leading-space handling: that is per line of the whole)."""
    text = _PLUGIN_TRIGGERS.sub(WORD_JOINER, _LINE_BREAK.sub("\n", text))
    return _ASCII_PUNCTUATION.sub(r"\\\1", text)


def escape_markdown(text: str) -> str:
    """Text that Streamlit's Markdown (st.markdown, captions, headers, labels, help) shows literally."""
    return _LEADING_SPACE.sub("", _literal(text))


def shown_text(markdown_text: str) -> str:
    """What a reader sees of ``escape_markdown``'s output: the escapes and word joiners removed."""
    return re.sub(r"\\(.)", r"\1", markdown_text).replace(WORD_JOINER, "")


def render_markdown(
    parts: Sequence[Segment],
    *,
    numbered: bool = False,
    color: str = "orange",
    focus: str | None = None,
    focus_color: str = "blue",
) -> str:
    """Escaped Markdown with the marked segments highlighted (background colour plus bold, so the mark does
    not rely on colour alone); ``numbered`` adds a "[n]" after each mark to match a list of links.
    Marks whose key is ``focus`` (the selected event) get ``focus_color`` and a "◀" after them."""
    out: list[str] = []
    for part in parts:
        body = _literal(part.text)
        if not part.marked or not body.strip():
            out.append(body)
            continue
        # Directives and bold can't span paragraphs: highlight each line of a multi-line mark.
        focused = focus is not None and part.key == focus
        shade = focus_color if focused else color
        lines = [f":{shade}-background[**{line}**]" if line.strip() else line for line in body.split("\n")]
        out.append("\n".join(lines))
        if numbered and part.number is not None:
            out.append(f" \\[{part.number}\\]")
        if focused:
            out.append(" ◀")
    # Indentation only matters at the start of a line of the whole text, not of each segment.
    return _LEADING_SPACE.sub("", "".join(out))


def sentence_marks(event: Event, mention_index: int = 0) -> tuple[str, list[Mark]]:
    """The quoted sentence of one of the event's mentions and the mark of its time expression in it.

    Mention spans are offsets into the article; the sentence span turns them into offsets in the
    sentence. If they disagree (an edited sentence), the time text is searched for instead.
    """
    if not event.mentions:
        return event.sentence, []
    mention = event.mentions[min(mention_index, len(event.mentions) - 1)]
    sentence = mention.sentence or event.sentence
    start = mention.span[0] - mention.sentence_span[0]
    end = mention.span[1] - mention.sentence_span[0]
    if 0 <= start < end <= len(sentence) and sentence[start:end] == mention.time_text:
        return sentence, [Mark(start, end, event.id)]
    found = sentence.find(mention.time_text) if mention.time_text else -1
    if found >= 0:
        return sentence, [Mark(found, found + len(mention.time_text), event.id)]
    return sentence, []


def highlighted_sentence(event: Event, mention_index: int = 0) -> str:
    """Safe Markdown of the event's quoted sentence with its time expression highlighted."""
    sentence, marks = sentence_marks(event, mention_index)
    return render_markdown(segments(sentence, marks))


def document_marks(doc_id: str, events: Iterable[Event]) -> list[Mark]:
    """Every time expression the events cite in one document, keyed by event id."""
    return [
        Mark(mention.span[0], mention.span[1], event.id)
        for event in events
        for mention in event.mentions
        if mention.doc == doc_id
    ]


def quotation(markdown_text: str) -> str:
    """Markdown that shows already-escaped text as a block quotation.

    A block quote rather than added quotation marks: the sentence often opens with its own quote.
    """
    return "> " + " ".join(markdown_text.split())
