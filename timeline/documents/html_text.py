"""The readable text of an HTML page: the article body as paragraphs, without markup or page furniture.

Uses only the standard library's ``html.parser`` (tolerant of broken markup). Scripts, styles, forms,
navigation, asides, and page-level headers/footers are dropped, as are elements whose class or id names
page furniture (cookie banners, share bars, related-story boxes: whole words of a class or id, or parts
of one, listed in ``chrome.json``). When the page marks its story with ``<article>`` (the one with the
most text) or ``<main>``, only that is kept, plus the first ``<h1>`` as the title. Block elements become
paragraph breaks, ``<br>`` a line break, entities are unescaped and runs of whitespace collapse to one
space. The page's ``<title>`` (without the site's name) and its published-time ``<meta>`` are kept aside
as metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from timeline.documents.data import chrome_data, dateline_data

NEVER_SKIPPED_BY_CLASS = frozenset({"html", "body", "main", "article"})
CLASS_HINTS_MIN_SHARE = 0.25
"""If skipping by class/id keeps less than this share of the text, a wrapper was misread: ignore them."""
SHORT_TEXT_CHARS = 1000
"""A text this short after skipping by class/id is checked against a parse that ignores them."""
STRAY_LESS_THAN = re.compile(r"<(?![A-Za-z/!?])")
"""A '<' that opens no tag is text; escaping it first spares html.parser a slow path per character."""
TITLE_SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " » ")
"""What stands between a page title's headline and the site's name."""
MIN_STORY_SHARE = 0.4
"""The biggest <article>/<main> must hold this share of the page's text to be taken as the story."""
MAX_END_TAG_SEARCH = 64
"""How deep an end tag looks for its start tag: bounded so broken markup stays linear."""


@dataclass(slots=True)
class _Block:
    text: str
    container: int
    """Index of the <article>/<main> the block sits in, -1 outside any."""
    is_h1: bool


@dataclass(slots=True)
class HtmlText:
    """What a page yields: its text (paragraphs separated by blank lines) and metadata found on the way."""

    text: str
    page_title: str | None = None
    published: str | None = None
    """The raw value of a published-time meta tag, if any (parsed by the caller)."""


class _PageParser(HTMLParser):
    def __init__(self, *, class_hints: bool) -> None:
        super().__init__(convert_charrefs=True)
        html = chrome_data()["html"]
        self._block: frozenset[str] = frozenset(html["block_tags"])
        self._skipped: frozenset[str] = frozenset(html["skipped_tags"])
        self._skipped_outside: frozenset[str] = frozenset(html["skipped_outside_article"])
        self._void: frozenset[str] = frozenset(html["void_tags"])
        self._chrome_tokens: frozenset[str] = frozenset(html["class_tokens"] if class_hints else ())
        self._chrome_substrings: tuple[str, ...] = tuple(html["class_substrings"] if class_hints else ())
        self._meta_names: frozenset[str] = frozenset(n.lower() for n in dateline_data()["html_meta_names"])
        self.stack: list[tuple[str, bool, int]] = []
        """Open elements: (tag, skipped, index of the <article>/<main> it sits in or -1)."""
        self.skipping = 0
        self.containers = 0
        self.parts: list[str] = []
        self.block_lines: list[str] = []
        self.blocks: list[_Block] = []
        self.in_title = False
        self.title_parts: list[str] = []
        self.published: str | None = None
        self.in_pre = 0

    # -- structure -------------------------------------------------------------------------------------
    def _current_container(self) -> int:
        return self.stack[-1][2] if self.stack else -1

    def _inside_container(self) -> bool:
        return self._current_container() >= 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._read_meta(attrs)
        if tag == "title":
            self.in_title = True
        if tag == "br":
            self._break_line()
            return
        if tag in self._block:
            self._flush()
        if tag in self._void:
            return
        skipped = (
            tag in self._skipped
            or (tag in self._skipped_outside and not self._inside_container())
            or (tag not in NEVER_SKIPPED_BY_CLASS and self._names_chrome(attrs))
        )
        container = self._current_container()
        if tag in ("article", "main") and not self.skipping:
            container = self.containers
            self.containers += 1
        if tag == "pre":
            self.in_pre += 1
        self.stack.append((tag, skipped, container))
        self.skipping += skipped

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._read_meta(attrs)
        elif tag == "br":
            self._break_line()
        elif tag in self._block:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self._block:
            self._flush()
        window = self.stack[-MAX_END_TAG_SEARCH:]
        for depth in range(len(window) - 1, -1, -1):
            if window[depth][0] == tag:
                cut = len(self.stack) - len(window) + depth
                for open_tag, skipped, _container in self.stack[cut:]:
                    self.skipping -= skipped
                    if open_tag == "pre":
                        self.in_pre -= 1
                del self.stack[cut:]
                return

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if not self.skipping:
            self.parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    # -- helpers ---------------------------------------------------------------------------------------
    def _names_chrome(self, attrs: list[tuple[str, str | None]]) -> bool:
        for name, value in attrs:
            if value and name in ("class", "id", "role"):
                lowered = value.lower().replace("_", "-")
                if any(part in lowered for part in self._chrome_substrings):
                    return True
                if any(token in self._chrome_tokens for token in lowered.replace(" ", "-").split("-")):
                    return True
        return False

    def _read_meta(self, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
        content = values.get("content")
        if content and key in self._meta_names and self.published is None:
            self.published = content.strip()

    def _break_line(self) -> None:
        """A <br>: the text so far becomes a line of the current block."""
        self.block_lines.append(self._take_line())

    def _take_line(self) -> str:
        raw = "".join(self.parts)
        self.parts = []
        if self.in_pre:
            return raw.rstrip()
        return " ".join(raw.split())  # HTML whitespace, newlines included, is one space

    def _flush(self) -> None:
        """End the current block: its lines become one paragraph of the text."""
        if self.parts:
            self.block_lines.append(self._take_line())
        if not self.block_lines:
            return
        text = "\n".join(line for line in self.block_lines if line.strip())
        self.block_lines = []
        if text:
            is_h1 = any(tag == "h1" for tag, _s, _c in self.stack[-MAX_END_TAG_SEARCH:])
            self.blocks.append(_Block(text, self._current_container(), is_h1))


def html_to_text(markup: str) -> HtmlText:
    """The article text of an HTML page; never raises on broken markup."""
    hinted = _parse(markup, class_hints=True)
    if len(hinted.text) < SHORT_TEXT_CHARS:
        plain = _parse(markup, class_hints=False)
        if len(hinted.text) < CLASS_HINTS_MIN_SHARE * len(plain.text):
            return plain
    return hinted


def _parse(markup: str, *, class_hints: bool) -> HtmlText:
    parser = _PageParser(class_hints=class_hints)
    parser.feed(_escape_stray_less_than(markup))
    parser.close()
    blocks = _story_blocks(parser.blocks)
    title = _headline_of(" ".join("".join(parser.title_parts).split()))
    return HtmlText("\n\n".join(block.text for block in blocks), title, parser.published)


def _headline_of(page_title: str) -> str | None:
    """The story's headline from a page title: "Headline | Site" and "Headline - Site" lose the site."""
    cut = max(page_title.rfind(separator) for separator in TITLE_SITE_SEPARATORS)
    headline = page_title[:cut] if cut > 0 else page_title
    return headline.strip() or page_title or None


def _escape_stray_less_than(markup: str) -> str:
    """Markup where a '<' that cannot open a tag is written ``&lt;``.

    That is a '<' not followed by a tag name, '/', '!' or '?', and any '<' after the last '>': such an
    unfinished construct makes ``html.parser`` rescan the rest of the page at every one of them.
    """
    last_close = markup.rfind(">")
    head, tail = markup[: last_close + 1], markup[last_close + 1 :]
    return STRAY_LESS_THAN.sub("&lt;", head) + tail.replace("<", "&lt;")


def _story_blocks(blocks: list[_Block]) -> list[_Block]:
    """The blocks of the main story container (the one with the most text) and the page's first h1."""
    sizes: dict[int, int] = {}
    for block in blocks:
        if block.container >= 0:
            sizes[block.container] = sizes.get(block.container, 0) + len(block.text)
    if not sizes:
        return blocks
    story = max(sizes, key=lambda container: sizes[container])
    if sizes[story] < MIN_STORY_SHARE * sum(len(block.text) for block in blocks):
        return blocks  # the <article>s are teaser cards; the story itself is elsewhere on the page
    kept = [block for block in blocks if block.container == story]
    if not any(block.is_h1 for block in kept):
        heading = next((block for block in blocks if block.is_h1), None)
        if heading is not None:
            kept.insert(0, heading)
    return kept
