"""A teacher's own articles: uploads, pasted text and web addresses become drafts, and bad input a message."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from tests.intake_fixtures import encrypted, serve, text_pdf
from timeline.documents import DocumentError
from timeline.documents import web as web_module
from timeline.documents.intake import (
    MAX_FILE_BYTES,
    MAX_FILES,
    check_batch,
    draft_document,
    read_address,
    read_pasted,
    read_upload,
)

ARTICLE = (
    "Ministers meet in Geneva\n\n"
    "The foreign ministers of six countries met in Geneva on 14 July 2015 and signed a nuclear agreement "
    "with Iran after two years of talks.\n"
)
PAGE = b"""<!doctype html><html><head><title>Ministers meet in Geneva | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2015-07-15T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ministers meet in Geneva</h1>
<p>The foreign ministers of six countries met in Geneva on Tuesday and signed a nuclear agreement with Iran
after two years of talks, officials said.</p>
<p>The agreement limits the country's enrichment of uranium for at least ten years in return for the
lifting of sanctions, diplomats told reporters in the Swiss city.</p></article>
<footer>Copyright 2015 The Daily Example. All rights reserved.</footer></body></html>"""


# name, bytes, expected text fragment, expected title, expected published, expected date source
UPLOADS = [
    ("plain.txt", ARTICLE.encode(), "signed a nuclear agreement", "Ministers meet in Geneva", None, None),
    (
        "notes.md",
        b"# Ministers meet\n\nThey met in Geneva on 14 July 2015 to sign it.\n",
        "met in Geneva",
        None,
        None,
        None,
    ),
    (
        "cp1252.txt",
        "Café talks: the ministers met on 14 July 2015 in Genève.".encode("cp1252"),
        "Genève",
        None,
        None,
        None,
    ),
    (
        "page.html",
        PAGE,
        "six countries met in Geneva on Tuesday",
        "Ministers meet in Geneva",
        date(2015, 7, 15),
        "the page's metadata (htmldate)",
    ),
    (
        "report.pdf",
        text_pdf(
            ["The ministers met in Geneva on 14 July 2015", "and signed the agreement."],
            title="Geneva report",
            created="D:20150716090000Z",
        ),
        "met in Geneva on 14 July 2015",
        "Geneva report",
        date(2015, 7, 16),
        "the PDF's creation date",
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "fragment", "title", "published", "source"), UPLOADS, ids=[row[0] for row in UPLOADS]
)
def test_an_upload_becomes_a_draft_with_what_was_found(
    name: str, data: bytes, fragment: str, title: str | None, published: date | None, source: str | None
) -> None:
    draft = read_upload(name, data)
    assert fragment in draft.text
    if title is not None:
        assert draft.title == title
    assert draft.published == published
    assert draft.published_source == source


def test_a_web_page_loses_its_navigation_and_footer() -> None:
    draft = read_upload("page.html", PAGE)
    assert "Home" not in draft.text and "Copyright" not in draft.text
    assert draft.outlet == "The Daily Example"


def test_a_dateline_in_pasted_text_prefills_the_date() -> None:
    draft = read_pasted(
        "Tehran, 3 January 2020\n\nA US strike killed the general near the airport on Friday."
    )
    assert draft.published == date(2020, 1, 3)
    assert draft.published_source == "the article's dateline"


# name, bytes, what the message must say
BAD_UPLOADS = [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"   \n\n  ", "no text to read"),
    ("binary.txt", bytes(range(256)) * 40, "binary"),
    ("image.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "not an article type"),
    ("noext", b"some text", "no extension"),
    ("fake.pdf", b"this is not a pdf at all", "not a PDF"),
    ("locked.pdf", encrypted(text_pdf(["Secret minutes of 3 May 2004."])), "password-protected"),
    ("scan.pdf", text_pdf([]), "no text"),
    ("broken.pdf", text_pdf(["Half a file"])[:120], "could not be read as a PDF"),
    ("chrome.html", b"<html><body><nav>Home</nav></body></html>", "no readable article text"),
]


@pytest.mark.parametrize(("name", "data", "says"), BAD_UPLOADS, ids=[row[0] for row in BAD_UPLOADS])
def test_a_bad_upload_gets_a_clear_message_naming_it(name: str, data: bytes, says: str) -> None:
    with pytest.raises(DocumentError) as raised:
        read_upload(name, data)
    assert says in str(raised.value)
    assert name in str(raised.value)


def test_a_file_over_the_limit_is_refused_before_it_is_read() -> None:
    problems = check_batch([("huge.txt", 50 * 1024 * 1024), ("ok.txt", 10)])
    assert problems == [f"huge.txt: 50.0 MB is over the {MAX_FILE_BYTES // 2**20} MB limit."]
    assert "at most" in check_batch([(f"{n}.txt", 1) for n in range(MAX_FILES + 1)])[0]


def test_pasted_text_that_is_empty_is_refused() -> None:
    with pytest.raises(DocumentError, match="empty"):
        read_pasted("  \n ")


def test_the_form_wins_and_a_missing_date_is_flagged() -> None:
    draft = read_pasted("The two sides met on Friday and agreed to talk again the following week.")
    assert draft.published is None
    undated = draft_document(draft, "mine-1", title="Talks")
    assert undated.published is None and any("no publication date" in w for w in undated.warnings)
    dated = draft_document(draft, "mine-1", title="Talks", published=date(2019, 6, 14))
    assert dated.title == "Talks" and dated.published == date(2019, 6, 14) and dated.published_from == "user"
    from timeline.events import extract_events

    events = extract_events(dated)
    assert events and events[0].start == date(2019, 6, 14)


def test_an_address_is_fetched_and_read_as_an_article() -> None:
    pdf = text_pdf(["The ministers met in Geneva on 14 July 2015."])
    routes = {
        "/story": (200, "text/html; charset=utf-8", PAGE),
        "/report.pdf": (200, "application/pdf", pdf),
        "/notes.txt": (200, "text/plain", ARTICLE.encode()),
    }
    with serve(routes) as base:
        page = read_address(f"{base}/story")
        assert "six countries met in Geneva" in page.text
        assert page.url == f"{base}/story" and page.published == date(2015, 7, 15)
        assert "met in Geneva" in read_address(f"{base}/report.pdf").text
        assert read_address(f"{base}/notes.txt").published is None


def test_bad_addresses_get_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_module, "TIMEOUT_SECONDS", 0.5)
    routes = {"/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n")}
    with serve(routes) as base:
        cases = [
            (f"{base}/missing", "answered 404"),
            (f"{base}/logo.png", "not a web page"),
            (f"{base}/hang", "did not answer"),
            ("ftp://example.org/a.txt", "not a web address"),
            ("not a url", "not a web address"),
            ("http://127.0.0.1:9/", "could not be reached"),
        ]
        for url, says in cases:
            with pytest.raises(DocumentError) as raised:
                read_address(url)
            assert says in str(raised.value), url


def test_a_page_larger_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_module, "MAX_PAGE_BYTES", 1000)
    with (
        serve({"/big": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>")}) as base,
        pytest.raises(DocumentError, match="too large"),
    ):
        web_module.fetch_article(f"{base}/big", client=httpx.Client(timeout=5))
