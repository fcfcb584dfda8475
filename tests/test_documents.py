"""Loading articles: decoding, HTML to text, site chrome, datelines, the catalog and the corpus."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

import pytest

from timeline.documents import (
    NO_DATE_WARNING,
    CatalogError,
    DocumentError,
    analyse_layout,
    load_catalog,
    load_corpus,
    load_document,
    load_text,
)
from timeline.documents.chrome import chrome_reason, classify
from timeline.documents.dateline import parse_dateline
from timeline.documents.html_text import html_to_text
from timeline.documents.lines import Line, split_lines
from timeline.model import Document

WriteFile = Callable[..., Path]

ARTICLE = (
    "Iraq and the US hold talks on troops\n\n"
    "Published: 3 February 2019 14:30 GMT\n\n"
    "Iraqi leaders said on Sunday that US troops would stay in the country for now, officials said.\n\n"
    "The talks began in June under the previous administration, a statement said.\n"
)
"""A small well-formed article: title, labelled dateline, two paragraphs."""


def excluded(document: Document, phrase: str) -> bool:
    """Whether the first occurrence of ``phrase`` lies inside one excluded span of ``document``."""
    start = document.text.index(phrase)
    end = start + len(phrase)
    return any(s <= start and end <= e for s, e in document.excluded)


def line_of(text: str) -> Line:
    [line] = split_lines(text)
    return line


# -- decoding ----------------------------------------------------------------------------------------
TEXT = "Pence’s visit on 8 April 2017 — “support” café\nsecond line\n"


@pytest.mark.parametrize(
    ("name", "data", "expected", "warning"),
    [
        ("utf8.txt", TEXT.encode("utf-8"), TEXT, None),
        ("utf8-bom.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "\ufeff" + TEXT, None),
        ("utf16-bom-le.txt", TEXT.encode("utf-16"), TEXT, None),
        ("utf16-bom-be.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, None),
        ("utf16-le-nobom.txt", TEXT.encode("utf-16-le"), TEXT, None),
        ("utf16-be-nobom.txt", TEXT.encode("utf-16-be"), TEXT, None),
        ("utf32.txt", TEXT.encode("utf-32"), TEXT, None),
        ("cp1252.txt", TEXT.encode("cp1252"), TEXT, "Windows-1252"),
        ("mixed.txt", "café ".encode() + "Pence’s".encode("cp1252"), "café Pence’s", "Windows-1252"),
        ("crlf.txt", b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n", None),
    ],
)
def test_decoding(write_file: WriteFile, name: str, data: bytes, expected: str, warning: str | None) -> None:
    path = write_file(name, data)
    document = load_document(path)
    assert document.text == expected
    if warning is None and not name.startswith(("utf16", "utf32")):
        assert document.text == path.read_text(encoding="utf-8")  # how the seed scorer reads a file
    encoding_warnings = [w for w in document.warnings if w != NO_DATE_WARNING]
    if warning is None:
        assert encoding_warnings == []
    else:
        assert (
            len(encoding_warnings) == 1 and warning in encoding_warnings[0] and name in encoding_warnings[0]
        )


def test_html_declared_charset_is_used_when_not_utf8(write_file: WriteFile) -> None:
    page = '<html><head><meta charset="windows-1256"></head><body><p>بغداد قالت</p></body></html>'
    document = load_document(write_file("arabic.html", page, encoding="cp1256"))
    assert document.text == "بغداد قالت"
    assert any("windows-1256" in w or "cp1256" in w for w in document.warnings)


@pytest.mark.parametrize(
    "charset",
    ["base64", "zlib", "rot13", "hex", "idna", "punycode", "unicode_escape", "undefined", "utf-7", "no-such"],
)
def test_html_declaring_a_codec_that_is_no_text_encoding_is_read_as_undeclared(
    write_file: WriteFile, charset: str
) -> None:
    body = "<body><p>Café talks on 3 May 2019.</p></body>"
    page = f'<html><head><meta charset="{charset}"></head>{body}</html>'
    document = load_document(write_file("odd.html", page, encoding="cp1252"))
    assert document.text == "Café talks on 3 May 2019."  # the non-UTF-8 byte read as Windows-1252
    assert any("Windows-1252" in w for w in document.warnings)
    assert not any(charset in w for w in document.warnings)


def test_seed_text_is_the_file_read_as_utf8(seed_paths: list[Path]) -> None:
    """Offsets are reported into Document.text: for the seeds it must be the file as the scorer reads it."""
    assert len(seed_paths) == 5
    for path in seed_paths:
        assert load_document(path).text == path.read_text(encoding="utf-8")


# -- HTML ----------------------------------------------------------------------------------------------
PAGE = """<!doctype html><html><head><title>Talks | The Daily</title>
<meta property="article:published_time" content="2019-02-03T14:30:00+00:00">
<style>p { color: red } .x:before { content: "8 May 2020" }</style>
<script>var published = "1 January 2001"; if (a < b) { document.write("<p>injected</p>") }</script>
</head><body class="page has-sidebar">
<nav><a href="/">Home</a> <a href="/iraq">Iraq</a></nav>
<header class="site-header">Site masthead since 1999</header>
<h1>Iraq &amp; US hold talks</h1>
<main><article>
<p>Iraqi leaders said on&nbsp;Sunday that   US troops
would stay.<br>A second line.</p>
<div class="share-buttons">Share on Facebook</div>
<p>The talks began in <b>June</b> &ndash; officials said.</p>
<aside>Related: Iraq votes on 12 May</aside>
<!-- a comment with 4 July 2016 -->
</article></main>
<footer>Copyright 2019 The Daily</footer>
<noscript>Enable JavaScript</noscript>
</body></html>"""


@pytest.mark.parametrize(
    "kept",
    [
        "Iraq & US hold talks",
        "Iraqi leaders said on Sunday that US troops would stay.\nA second line.",
        "The talks began in June – officials said.",
    ],
)
def test_html_keeps_the_article_body(kept: str) -> None:
    assert kept in html_to_text(PAGE).text


@pytest.mark.parametrize(
    "dropped",
    [
        "color: red",
        "8 May 2020",
        "1 January 2001",
        "injected",
        "document.write",
        "Home",
        "masthead",
        "Share on Facebook",
        "12 May",
        "4 July 2016",
        "Copyright",
        "Enable JavaScript",
        "<",
        "&amp;",
        "&nbsp;",
    ],
)
def test_html_drops_markup_scripts_and_furniture(dropped: str) -> None:
    assert dropped not in html_to_text(PAGE).text


def test_html_blocks_become_paragraphs_and_metadata_is_read(write_file: WriteFile) -> None:
    page = html_to_text(PAGE)
    assert page.text.split("\n\n")[0] == "Iraq & US hold talks"
    assert page.page_title == "Talks"  # without the site's name
    document = load_document(write_file("talks.html", PAGE))
    assert document.title == "Iraq & US hold talks"
    assert (document.published, document.published_from) == (date(2019, 2, 3), "text")


@pytest.mark.parametrize(
    ("page_title", "title"),
    [
        ("Talks resume | The Daily", "Talks resume"),
        ("Iraq - US talks resume - The Daily", "Iraq - US talks resume"),
        ("Talks resume", "Talks resume"),
    ],
)
def test_page_title_is_the_fallback_title(page_title: str, title: str) -> None:
    document = load_text("p.html", f"<title>{page_title}</title><p>{BODY}</p>", kind="html")
    assert document.title == title


WORDPRESS_PAGE = """<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8">
<title>Baghdad says US promised support &#8211; Middle East Monitor</title>
<meta property="og:title" content="Baghdad says US promised support">
<meta property="article:published_time" content="2017-04-08T14:41:00+00:00">
<script type="application/ld+json">{"datePublished":"2017-04-08"}</script></head>
<body class="post-template-default single single-post postid-123 has-sidebar">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
<p class="site-description">Creating new perspectives since 2009</p>
<nav id="site-navigation" class="main-navigation"><ul><li>Home</li><li>News</li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-123" class="post-123 post type-post status-publish hentry category-news tag-iraq">
<header class="entry-header">
<h1 class="entry-title">Baghdad says US promised continuing support for Iraq against Daesh</h1>
<div class="entry-meta">
<span class="posted-on">Posted on
<time class="entry-date published" datetime="2017-04-08T14:41:00+00:00">April 8, 2017</time>
</span><span class="byline"> by <span class="author vcard">admin</span></span></div></header>
<figure class="wp-caption"><img src="x.jpg">
<figcaption>Vice President Mike Pence arrives on 17 March, 2017 [Samuel Corum/Anadolu Agency]</figcaption>
</figure>
<div class="entry-content">
<p>US Vice President Mike Pence on Saturday assured Iraqi Prime Minister Haider Al-Abadi
of continued US support.</p>
<p><strong>Read:</strong> <a href="/x">Trump son-in-law Jared Kushner visits Iraq</a></p>
<p>The Shia-led Iraqi government issued a statement on Friday.</p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li>Twitter</li>
<li>Facebook</li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p>Iraq votes on 12 May 2018</p></div>
</div><footer class="entry-footer"><span class="cat-links">Posted in News</span></footer></article>
<nav class="navigation post-navigation"><a>Previous post</a></nav>
<div id="comments" class="comments-area"><div id="respond"><h3 id="reply-title">Leave a Reply</h3><form>
<p>Your email address will not be published.</p></form></div></div>
</main></div><aside id="secondary" class="widget-area">
<section class="widget">Recent posts 3 March 2019</section></aside></div>
<footer id="colophon" class="site-footer"><p>Copyright 2019 MEMO. All rights reserved.</p></footer></div>
<div id="cookie-notice">This website uses cookies to improve your experience. Accept</div></body></html>
"""
"""A page laid out like a WordPress news site: masthead, article with entry header and footer, share
and related-posts boxes, comments, sidebar, site footer and cookie notice."""


def test_wordpress_page(write_file: WriteFile) -> None:
    document = load_document(write_file("memo.html", WORDPRESS_PAGE))
    for kept in (
        "Vice President Mike Pence arrives on 17 March, 2017 [Samuel Corum/Anadolu Agency]",
        "US Vice President Mike Pence on Saturday assured",
        "The Shia-led Iraqi government issued a statement on Friday.",
    ):
        assert kept in document.text and not excluded(document, kept)
    for dropped in (
        "since 2009",
        "Skip to content",
        "Home",
        "Twitter",
        "12 May 2018",
        "Leave a Reply",
        "Your email",
        "3 March 2019",
        "Copyright",
        "cookies",
        "Posted in",
        "Previous post",
    ):
        assert dropped not in document.text
    assert excluded(document, "Posted on April 8, 2017 by admin")
    assert excluded(document, "Read: Trump son-in-law Jared Kushner visits Iraq")
    assert document.title == "Baghdad says US promised continuing support for Iraq against Daesh"
    assert (document.published, document.published_from) == (date(2017, 4, 8), "text")


def test_html_story_outside_article_teaser_cards_is_kept() -> None:
    story = " ".join([BODY] * 5)
    page = f"<div class='story-body'><p>{story}</p></div><article><p>Teaser one.</p></article>"
    assert story in html_to_text(page).text


def test_html_without_article_element_keeps_body_text() -> None:
    text = html_to_text("<body><div><p>One paragraph here.</p><p>Two.</p></div></body>").text
    assert text == "One paragraph here.\n\nTwo."


def test_html_class_words_never_hide_the_whole_page() -> None:
    page = '<body><div class="wrapper with-sidebar"><p>The only article text.</p></div></body>'
    assert html_to_text(page).text == "The only article text."


# -- site chrome, line by line ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("clear", "menu"),
        ("Menu", "menu"),
        ("Skip to main content", "menu"),
        ("Read More »", "menu"),
        ("Creating new perspectives since 2009", "tagline"),
        ("Trusted news since 1887", "tagline"),
        ("You may also like", "end"),
        ("Leave a Reply", "end"),
        ("Source link", "end"),
        ("Share via", "end"),
        ("Related articles:", "end"),
        ("Copy link", "menu"),
        ("Powered by Social Snap", "phrase"),
        ("Powered by WordPress", "phrase"),
        (
            "This website uses cookies to improve your experience. We'll assume you're ok with this, "
            "but you can opt-out if you wish. Accept Read More",
            "phrase",
        ),
        ("We use cookies to personalise content and ads.", "phrase"),
        ("Subscribe to get curated news from various unbias news channels", "phrase"),
        ("Sign up for our daily newsletter", "phrase"),
        ("Copyright © Saudi Research and Publishing Co. All rights reserved.", "phrase"),
        ("© 2019 Baghdad Post", "phrase"),
        ("READ MORE: Iraq says US troops will stay", "phrase"),
        ("by akoloy", "byline"),
        ("By John Smith, Reuters", "byline"),
        ("Iraq News - Local News - Baghdadpost", "breadcrumb"),
        ("Home › World › Middle East", "breadcrumb"),
    ],
)
def test_chrome_lines(line: str, reason: str) -> None:
    assert chrome_reason(line_of(line)) == reason


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "Vice President Mike Pence arrives for a joint press conference at the White House in "
            "Washington, United States on 17 March, 2017 [Samuel Corum/Anadolu Agency]",
            "caption",
        ),
        ("Troops patrol Mosul on 3 May 2017. (AFP Photo)", "caption"),
        ("By the end of 2017, the Islamic State had been defeated.", "paragraph"),
        ("US troops withdrew from Iraq in 2011, officials said.", "paragraph"),
        ("The source said the meeting was held since June.", "paragraph"),
        ("Iraq warns against ‘hasty measures’ in Syria", "short"),
        ("Share prices rose in Baghdad on Monday after the talks ended.", "paragraph"),
        ("Home-grown militias have grown stronger since 2014, the report said.", "paragraph"),
        (
            "Facebook changed its privacy policy on 3 May 2018 after regulators in Brussels and Washington "
            "questioned how it shared the data of its users with advertisers.",
            "paragraph",
        ),
    ],
)
def test_not_chrome(line: str, kind: str) -> None:
    assert chrome_reason(line_of(line)) is None
    assert classify(line_of(line)) == kind


# -- layout: title, related headlines, end of article ----------------------------------------------------
BODY = "US troops stayed in Iraq in 2019 while talks went on, officials in Baghdad said on Monday."


def test_title_masthead_and_repeated_title() -> None:
    text = (
        f"Menu\n\nGood News Daily\n\nIraq and US agree on troops\n\nIraq and US agree on troops\n\n{BODY}\n"
    )
    layout = analyse_layout(text)
    assert layout.title == "Iraq and US agree on troops"
    assert layout.title_span == (text.index("Iraq and"), text.index("Iraq and") + 27)
    spans = {text[s:e] for s, e in layout.excluded}
    assert spans == {"Menu", "Good News Daily", "Iraq and US agree on troops"}


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("Menu\n\nGood News Daily\n\nIraq votes today", "Iraq votes today"),
        ("Iraq votes today\n\nBy John Smith", "Iraq votes today"),
        ("Published: 3 May 2018\n\nIraq votes in a general election", "Iraq votes in a general election"),
        ("", None),
    ],
)
def test_title(head: str, title: str | None) -> None:
    assert analyse_layout(f"{head}\n\n{BODY}\n").title == title


def test_related_headlines_between_paragraphs_are_excluded() -> None:
    text = (
        f"Talks go on\n\n{BODY}\n\nKushner visits Iraq -US official\n\n{BODY}\n\n"
        f"Iraq warns against hasty measures in Syria\nIran hails talks with Baghdad\n\n{BODY}\n"
    )
    spans = {text[s:e] for s, e in analyse_layout(text).excluded}
    assert "Kushner visits Iraq -US official" in spans
    assert "Iraq warns against hasty measures in Syria" in spans
    assert "Iran hails talks with Baghdad" in spans
    assert not any(BODY in span for span in spans)
    assert analyse_layout(text, "narrative").excluded == analyse_layout("Talks go on\n\n" + BODY).excluded


def test_no_related_headlines_in_text_that_lost_its_punctuation() -> None:
    unpunctuated = BODY.rstrip(".") + " and the talks would go on in Baghdad"
    text = f"Iraq and US talks go on\n\n{unpunctuated}\n\nThe embassy was attacked\n\n{unpunctuated}\n"
    assert [text[s:e] for s, e in analyse_layout(text).excluded] == ["Iraq and US talks go on"]


@pytest.mark.parametrize(
    "line",
    [
        "- US troops leave Iraq",  # list item
        "1980 Iran-Iraq war begins",  # a chronology entry
        "then the talks resumed in June",  # a lower-case continuation
        "Iraq",  # too short for a headline
    ],
)
def test_lines_between_paragraphs_that_are_not_headlines(line: str) -> None:
    text = f"Talks go on\n\n{BODY}\n\n{line}\n\n{BODY}\n"
    assert (text.index(line), text.index(line) + len(line)) not in analyse_layout(text).excluded


def test_end_marker_excludes_the_tail() -> None:
    tail = "You may also like\n\nIraq votes on 12 May 2018\n\nMarch 3, 2019\n"
    text = f"Talks go on\n\n{BODY}\n\n{BODY}\n\n{tail}"
    layout = analyse_layout(text)
    assert layout.excluded[-1] == (text.index("You may also like"), len(text))
    assert layout.published is None  # the date under "You may also like" is a related story's


def test_end_marker_above_the_story_does_not_hide_it() -> None:
    text = f"Talks go on\n\nShare via\n\n{BODY}\n\n{BODY}\n\n{BODY}\n"
    layout = analyse_layout(text)
    assert not any(text[s:e].startswith(BODY) for s, e in layout.excluded)


# -- the seeds ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("seed", "phrase", "is_excluded"),
    [
        ("000", "clear", True),
        ("000", "Creating new perspectives since 2009", True),
        ("000", "Baghdad says US promised continuing support for Iraq against Daesh", True),
        ("000", "April 8, 2017 at 2:41 pm", True),
        ("000", "Trump son-in-law Jared Kushner visits Iraq -US official", True),
        ("000", "Iraq warns against ‘hasty measures’ in Syria", True),
        ("000", "in Washington, United States on 17 March, 2017 [Samuel Corum/Anadolu Agency]", False),
        ("000", "Nineveh, Iraq on 29 March 2017 [Yunus Keleş/Anadolu]", False),
        ("000", "US Vice President Mike Pence on Saturday assured", False),
        ("000", "after the United States withdrew its troops in 2011", False),
        ("001", "Washington ‘concerned’ by Iraq collaborating with Russia", True),
        ("001", "Published October 20th, 2015 - 12:00 GMT", True),
        ("001", "Copyright © Saudi Research and Publishing Co. All rights reserved.", True),
        ("001", "You may also like", True),
        ("001", "since June of 2014", False),
        ("001", "announced on September 27", False),
        ("002", "Pro-Iran groups welcome US pledge to end Iraq combat operations", True),
        ("002", "You may also like", True),
        ("002", "announced at the end of 2017", False),
        ("002", "But the more radical pro-Iranian groups have yet to respond.", False),
        ("003", "by akoloy", True),
        ("003", "Source link", True),
        ("003", "You may also like", True),
        ("003", "Leave a Reply", True),
        ("003", "This website uses cookies", True),
        ("003", "We'll assume you're ok with this", True),
        ("003", "We are happy to introduce our Youtube Channel", True),
        ("003", "Subscribe to get curated news", True),
        ("003", "Share via", True),
        ("003", "Copy link", True),
        ("003", "Powered by Social Snap", True),
        ("003", "Last week, native militias", False),
        ("003", "The Trump administration supported a drawdown", False),
        ("004", "Iraq News - Local News - Baghdadpost", True),
        ("004", "US military presence rattles Iran-linked militias in Iraq: Report", True),
        ("004", "Last Modified: Sunday، 03 February 2019 02:30 PM", True),
        ("004", "Repercussions from recent visits", False),
        ("004", "The report concluded saying", False),
    ],
)
def test_seed_chrome(seed_paths: list[Path], seed: str, phrase: str, is_excluded: bool) -> None:
    [path] = [p for p in seed_paths if p.name.startswith(seed)]
    assert excluded(load_document(path), phrase) is is_excluded


@pytest.mark.parametrize(
    ("seed", "dateline", "published"),
    [
        ("000", "April 8, 2017 at 2:41 pm", date(2017, 4, 8)),
        ("001", "Published October 20th, 2015 - 12:00 GMT", date(2015, 10, 20)),
        ("002", None, None),
        ("003", None, None),
        ("004", "Last Modified: Sunday، 03 February 2019 02:30 PM", date(2019, 2, 3)),
    ],
)
def test_seed_datelines_without_catalog(
    seed_paths: list[Path], seed: str, dateline: str | None, published: date | None
) -> None:
    [path] = [p for p in seed_paths if p.name.startswith(seed)]
    document = load_document(path)
    span = document.dateline
    assert (document.text[span[0] : span[1]] if span else None) == dateline
    assert document.published == published
    assert (NO_DATE_WARNING in document.warnings) is (published is None)
    assert document.published_from == ("text" if published else None)


@pytest.mark.parametrize(
    ("seed", "published", "outlet"),
    [
        ("000", date(2017, 4, 8), "Middle East Monitor"),
        ("001", date(2015, 10, 20), "Asharq Al-Awsat (Saudi Research and Publishing Co.)"),
        ("002", date(2021, 7, 27), "Wire report (outlet unknown)"),
        ("003", date(2021, 4, 7), "AP report, republished by an aggregator"),
        ("004", date(2019, 2, 3), "Baghdad Post"),
    ],
)
def test_seed_catalog(seeds_dir: Path, seed: str, published: date, outlet: str) -> None:
    documents, errors = load_corpus([seeds_dir])
    assert errors == []
    [document] = [d for d in documents if d.doc_id.startswith(seed)]
    assert (document.published, document.published_from, document.outlet) == (published, "catalog", outlet)
    assert document.title and document.mode == "news" and document.warnings == ()


# -- datelines --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("April 8, 2017 at 2:41 pm", date(2017, 4, 8)),
        ("Published October 20th, 2015 - 12:00 GMT", date(2015, 10, 20)),
        ("Last Modified: Sunday، 03 February 2019 02:30 PM", date(2019, 2, 3)),
        ("Updated: 2019-02-03", date(2019, 2, 3)),
        ("8 April 2017 14:41 GMT", date(2017, 4, 8)),
        ("Posted on April 8, 2017 by admin", date(2017, 4, 8)),
        ("Sat, 08 Apr 2017 14:41:00 GMT", date(2017, 4, 8)),
        ("2017-04-08T14:41:00+03:00", date(2017, 4, 8)),
        ("Feb. 3, 2019", date(2019, 2, 3)),
        ("Sept 30, 2020 | 10:15 AM EDT", date(2020, 9, 30)),
        ("3rd of February, 2019", date(2019, 2, 3)),
        ("**Published:** 20 October 2015", date(2015, 10, 20)),
        ("Date: 13/04/2019", date(2019, 4, 13)),
        ("03.02.2019 14:30", date(2019, 2, 3)),
        ("Published: 3 May 2018 | Updated: 4 May 2018 10:02 a.m.", date(2018, 5, 3)),
        ("03/04/2019", None),  # US or European order: unknowable, so no guess
        ("Updated 3 hours ago", None),
        ("February 2019", None),  # not a full date
        ("Today", None),
        ("Creating new perspectives since 2009", None),
        ("The summit was held on 8 April 2017 in Baghdad with many leaders", None),
        ("30 February 2019", None),
    ],
)
def test_dateline_formats(line: str, expected: date | None) -> None:
    parsed = parse_dateline(line)
    assert (parsed[0] if parsed else None) == expected


@pytest.mark.parametrize(
    ("text", "published", "dateline"),
    [
        (ARTICLE, date(2019, 2, 3), "Published: 3 February 2019 14:30 GMT"),
        (
            f"Talks go on\n\n{BODY}\n\n{BODY}\n\nLast updated: 4 Feb 2019\n",
            date(2019, 2, 4),
            "Last updated: 4 Feb 2019",
        ),
        (
            f"Talks go on\n\nUpdated: 5 February 2019\n\nPublished: 3 February 2019\n\n{BODY}\n",
            date(2019, 2, 3),
            "Published: 3 February 2019",
        ),
        (
            f"Talks go on\n\n{BODY}\n\n" + f"{BODY}\n\n" * 20 + "On 3 February 2019\n",
            date(2019, 2, 3),
            "On 3 February 2019",
        ),
        ("Talks go on\n\n" + f"{BODY}\n\n" * 10 + "3 February 2019\n\n" + f"{BODY}\n\n" * 10, None, None),
    ],
)
def test_dateline_position(text: str, published: date | None, dateline: str | None) -> None:
    document = load_text("t.txt", text)
    assert document.published == published
    span = document.dateline
    assert (document.text[span[0] : span[1]] if span else None) == dateline
    if span:
        assert span in document.excluded


# -- catalog -------------------------------------------------------------------------------------------
def catalog_json(**articles: Mapping[str, object]) -> str:
    return json.dumps({"format": "timeline-catalog/1", "articles": articles})


def test_catalog_wins_over_the_text(write_file: WriteFile) -> None:
    path = write_file("a.txt", ARTICLE)
    write_file("catalog.json", catalog_json(**{"a.txt": {"published": "2019-02-05", "title": "Talks"}}))
    [document], errors = load_corpus([path.parent])
    assert errors == []
    assert (document.published, document.published_from, document.title) == (
        date(2019, 2, 5),
        "catalog",
        "Talks",
    )
    assert document.dateline is not None  # the dateline is still chrome, never an event
    assert any("2019-02-05" in w and "2019-02-03" in w for w in document.warnings)


def test_catalog_is_found_beside_a_file_named_directly(write_file: WriteFile) -> None:
    path = write_file("b.txt", BODY)
    write_file("catalog.json", catalog_json(**{"b.txt": {"published": "2021-07-27", "mode": "narrative"}}))
    [document], _ = load_corpus([path])
    assert (document.published, document.mode) == (date(2021, 7, 27), "narrative")


def test_no_date_anywhere_warns(write_file: WriteFile) -> None:
    [document], _ = load_corpus([write_file("c.txt", BODY)])
    assert document.published is None and document.published_from is None
    assert NO_DATE_WARNING in document.warnings


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"articles": []}', "'articles' object"),
        (catalog_json(**{"a.txt": {"published": "April 2019"}}), "ISO date"),
        (catalog_json(**{"a.txt": {"publised": "2019-02-03"}}), "unknown field 'publised'"),
        (catalog_json(**{"a.txt": {"mode": "story"}}), "'mode'"),
        (catalog_json(**{"a.txt": {"title": 3}}), "'title'"),
        ('{"format": "other/2", "articles": {}}', "unknown format"),
    ],
)
def test_bad_catalog(write_file: WriteFile, content: str, message: str) -> None:
    catalog = write_file("catalog.json", content)
    with pytest.raises(CatalogError, match=message) as raised:
        load_catalog(catalog)
    assert "catalog.json" in str(raised.value)
    write_file("a.txt", ARTICLE)
    documents, errors = load_corpus([catalog.parent])
    assert [d.published for d in documents] == [date(2019, 2, 3)]  # loaded without the catalog
    assert len(errors) == 1 and errors[0].path == str(catalog) and message in errors[0].message


def test_missing_catalog_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="does not exist"):
        load_catalog(tmp_path / "catalog.json")


# -- corpus and pasted text ---------------------------------------------------------------------------------
def test_corpus_takes_articles_sorted_and_skips_catalog_and_readme(
    write_file: WriteFile, tmp_path: Path
) -> None:
    for name in ("b.md", "a.txt", "c.html", "d.htm", "README.md", "notes.json", ".hidden.txt"):
        write_file(name, f"<p>{BODY}</p>" if name.endswith(("html", "htm")) else BODY)
    write_file("catalog.json", catalog_json())
    documents, errors = load_corpus([tmp_path, tmp_path / "a.txt", tmp_path / "missing.txt"])
    assert [d.doc_id for d in documents] == ["a.txt", "b.md", "c.html", "d.htm"]
    assert [e.path for e in errors] == [str(tmp_path / "missing.txt")]
    assert "does not exist" in errors[0].message


def test_corpus_keeps_same_names_from_two_folders_apart(write_file: WriteFile, tmp_path: Path) -> None:
    write_file("one/a.txt", BODY)
    write_file("two/a.txt", BODY)
    documents, errors = load_corpus([tmp_path / "one", tmp_path / "two"])
    assert errors == [] and [d.doc_id for d in documents] == ["a.txt", "two/a.txt"]


def test_corpus_reports_an_empty_folder(tmp_path: Path) -> None:
    documents, errors = load_corpus([tmp_path])
    assert documents == [] and "no .txt, .md or .html" in errors[0].message


@pytest.mark.parametrize(
    ("given", "published", "source", "warned"),
    [
        (None, date(2019, 2, 3), "text", False),
        (date(2019, 2, 4), date(2019, 2, 4), "user", True),
    ],
)
def test_load_text(given: date | None, published: date, source: str, warned: bool) -> None:
    document = load_text("pasted", ARTICLE.replace("\n", "\r\n"), published=given)
    assert document.text == ARTICLE
    assert (document.published, document.published_from) == (published, source)
    assert any("differs" in w for w in document.warnings) is warned


def test_markdown_article(write_file: WriteFile) -> None:
    text = f"# Iraq and the US hold talks\n\n*By Jane Doe*\n\n**Published:** 3 May 2018\n\n{BODY}\n"
    document = load_document(write_file("talks.md", text))
    assert document.text == text
    assert (document.title, document.published) == ("Iraq and the US hold talks", date(2018, 5, 3))
    assert [text[s:e] for s, e in document.excluded] == [
        "# Iraq and the US hold talks",
        "*By Jane Doe*",
        "**Published:** 3 May 2018",
    ]


def test_load_text_bytes_and_html() -> None:
    document = load_text("p.html", PAGE.encode("utf-16"), kind="html", title="Given title")
    assert document.title == "Given title" and "Iraqi leaders said" in document.text
    assert "<" not in document.text


def test_load_text_rejects_blank_text() -> None:
    with pytest.raises(DocumentError, match="pasted is empty"):
        load_text("pasted", " \n\t ")
