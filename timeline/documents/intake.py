"""A teacher's own articles: uploaded files, pasted text and web addresses, as drafts to confirm.

``read_upload``, ``read_pasted`` and ``read_address`` turn what was given into a ``Draft``: the article
text and what was found about it (title, outlet, address, publication date and where that date came from)
to prefill the short form a teacher confirms. ``draft_document`` turns a confirmed draft into the
``Document`` the engine extracts. ``check_batch`` applies the limits on count and size before anything is
read. Nothing here raises anything but DocumentError, whose message names the item and says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import PurePath

from timeline.documents.decode import decode_bytes, reject_binary
from timeline.documents.errors import DocumentError
from timeline.documents.load import load_text
from timeline.documents.pdf_text import pdf_to_text
from timeline.documents.web import PDF_TYPE, fetch_article, read_page
from timeline.model import Document, Mode

UPLOAD_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 50
MAX_PASTE_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class Draft:
    """An article read but not yet added: its text and the metadata found, for the form to prefill."""

    name: str
    text: str
    kind: str = "text"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: str | None = None
    """Where ``published`` was found, in words ("the page's metadata (htmldate)"), or None."""
    mode: Mode = "news"


def check_batch(files: Sequence[tuple[str, int]]) -> list[str]:
    """Problems with a batch of (name, size) before reading it: too many files, too large, wrong type."""
    problems: list[str] = []
    if len(files) > MAX_FILES:
        problems.append(f"{len(files)} files were given; at most {MAX_FILES} can be added at once.")
    for name, size in files:
        suffix = PurePath(name).suffix.lower()
        if suffix not in UPLOAD_SUFFIXES:
            kinds = ", ".join(sorted(UPLOAD_SUFFIXES))
            problems.append(
                f"{name}: {suffix or 'a file with no extension'} is not an article type ({kinds})."
            )
        elif size > MAX_FILE_BYTES:
            problems.append(f"{name}: {size / 2**20:.1f} MB is over the {MAX_FILE_BYTES // 2**20} MB limit.")
        elif size == 0:
            problems.append(f"{name} is empty.")
    return problems


def read_upload(name: str, data: bytes) -> Draft:
    """An uploaded file as a draft; DocumentError naming the file when it cannot be an article."""
    problems = check_batch([(name, len(data))])
    if problems:
        raise DocumentError(problems[0])
    kind = UPLOAD_SUFFIXES[PurePath(name).suffix.lower()]
    if kind == "pdf":
        pdf = pdf_to_text(data, name)
        source = "the PDF's creation date" if pdf.created else None
        return Draft(name, pdf.text, "text", title=pdf.title, published=pdf.created, published_source=source)
    if kind == "html":
        markup = decode_bytes(data, name, html=True).text
        page = read_page(markup, name=name)
        return Draft(
            name, page.text, "text", title=page.title, outlet=page.outlet,
            published=page.published, published_source=page.published_source,
        )  # fmt: skip
    text = decode_bytes(data, name).text
    return _with_text_date(Draft(name, text, kind))


def read_pasted(text: str, name: str = "pasted text") -> Draft:
    """Pasted text as a draft; DocumentError when it is empty, binary or too long."""
    if not text.strip():
        raise DocumentError("The pasted text is empty: paste the article's text first.")
    if len(text) > MAX_PASTE_CHARS:
        raise DocumentError(
            f"The pasted text is too long ({len(text):,} characters; the limit is {MAX_PASTE_CHARS:,})."
        )
    reject_binary(text, name)
    return _with_text_date(Draft(name, text, "text"))


def read_address(url: str) -> Draft:
    """The article at a web address (a page or a PDF) as a draft; DocumentError when it cannot be read."""
    article = fetch_article(url)
    if article.content_type == PDF_TYPE and article.raw is not None:
        pdf = pdf_to_text(article.raw, article.url)
        source = "the PDF's creation date" if pdf.created else None
        return Draft(article.url, pdf.text, "text", title=pdf.title, url=article.url,
                     published=pdf.created, published_source=source)  # fmt: skip
    draft = Draft(
        article.url, article.text, "text", title=article.title, outlet=article.outlet, url=article.url,
        published=article.published, published_source=article.published_source,
    )  # fmt: skip
    return draft if draft.published else _with_text_date(draft)


def draft_document(
    draft: Draft,
    doc_id: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: date | None = None,
    mode: Mode | None = None,
) -> Document:
    """The confirmed draft as a Document; the form's values (given here) win over what was found."""
    return load_text(
        doc_id,
        draft.text,
        published=published,
        title=title or draft.title,
        outlet=outlet or draft.outlet,
        url=url or draft.url,
        mode=mode or draft.mode,
        kind="markdown" if draft.kind == "markdown" else "text",
    )


def _with_text_date(draft: Draft) -> Draft:
    """The draft with the publication date its own dateline gives, when it has one (and no other)."""
    try:
        found = load_text(draft.name, draft.text, kind="markdown" if draft.kind == "markdown" else "text")
    except DocumentError:
        raise
    title = draft.title or found.title
    if draft.published is None and found.published is not None:
        return replace(
            draft, title=title, published=found.published, published_source="the article's dateline"
        )
    return replace(draft, title=title)
