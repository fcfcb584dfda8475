"""Loading articles: files, folders of files, or pasted text, into Documents ready for extraction.

``load_document`` reads one file, ``load_text`` takes text a user pasted, ``load_corpus`` takes files and
folders and never raises for a bad file: it returns the documents it could load and a LoadError for each
one it could not. Every offset reported later refers to ``Document.text``: for .txt and .md files the
decoded file exactly as Python reads it in text mode (``Path.read_text``), for HTML the article text
extracted from the page.

The publication date comes, in order of precedence, from the caller (``published_from="user"``), the
catalog (``"catalog"``), the page's published-time meta tag or the article's own dateline (``"text"``).
Without one, relative dates cannot be anchored, and the document carries a warning that says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Literal

from timeline.documents.catalog import CATALOG_NAME, Catalog, CatalogEntry, find_catalog, load_catalog
from timeline.documents.dateline import find_date
from timeline.documents.decode import decode_bytes, reject_binary, universal_newlines
from timeline.documents.errors import DocumentError, LoadError
from timeline.documents.html_text import html_to_text
from timeline.documents.layout import analyse_layout
from timeline.model import Document, Mode, PublishedFrom

TextKind = Literal["text", "markdown", "html"]
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
"""What ``load_corpus`` takes from a folder (any file named explicitly is tried)."""
MAX_BYTES = 32 * 1024 * 1024
NO_DATE_WARNING = "no publication date: relative dates are left unanchored"


@dataclass(frozen=True, slots=True)
class _Given:
    """Metadata known before reading the text: from the caller or the catalog."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: PublishedFrom | None = None
    mode: Mode = "news"


def kind_of(path: Path) -> TextKind:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    return "markdown" if suffix in MARKDOWN_SUFFIXES else "text"


def load_document(path: Path | str, catalog: Catalog | None = None) -> Document:
    """One article file; DocumentError (naming the file) if it cannot be read as an article."""
    path = Path(path)
    try:
        if path.is_dir():
            raise DocumentError(f"{path} is a folder, not an article file.")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(
                f"{path} is too large ({size / 2**20:.1f} MB; the limit is {MAX_BYTES // 2**20} MB)."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{path} does not exist.") from None
    except OSError as error:
        raise DocumentError(f"cannot read {path}: {error.strerror or error}.") from None
    kind = kind_of(path)
    decoded = decode_bytes(data, path.name, html=kind == "html")
    entry = catalog.get(path.name) if catalog else None
    given = _from_catalog(entry)
    return _build(path.name, decoded.text, kind, given, list(decoded.warnings), str(path))


def load_text(
    doc_id: str,
    text_or_bytes: str | bytes,
    *,
    published: date | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    mode: Mode = "news",
    kind: TextKind = "text",
) -> Document:
    """An article given as text or bytes (pasted by a user); what the caller says wins over the text."""
    warnings: list[str] = []
    if isinstance(text_or_bytes, bytes):
        decoded = decode_bytes(text_or_bytes, doc_id, html=kind == "html")
        text = decoded.text
        warnings.extend(decoded.warnings)
    else:
        text = universal_newlines(text_or_bytes)
        if not text.strip():
            raise DocumentError(f"{doc_id} is empty: there is no text to read.")
        reject_binary(text, doc_id)
    given = _Given(title, outlet, url, published, "user" if published else None, mode)
    return _build(doc_id, text, kind, given, warnings, None)


def load_corpus(
    paths: Iterable[Path | str], catalog: Catalog | None = None
) -> tuple[list[Document], list[LoadError]]:
    """Every article in ``paths`` (files, or folders of .txt/.md/.html/.htm files), sorted by name.

    Without a ``catalog``, each folder's ``catalog.json`` is used for its articles (and a file's sibling
    one for a file named directly). Nothing raises: unreadable files and catalogs become LoadErrors.
    """
    errors: list[LoadError] = []
    catalogs: dict[Path, Catalog | None] = {}
    documents: list[Document] = []
    seen_files: set[Path] = set()
    used_ids: set[str] = set()
    for path in _article_files(paths, errors):
        resolved = path.resolve()
        if resolved in seen_files:
            continue
        seen_files.add(resolved)
        folder_catalog = catalog if catalog is not None else _folder_catalog(path.parent, catalogs, errors)
        try:
            document = load_document(path, folder_catalog)
        except DocumentError as error:
            errors.append(LoadError(str(path), str(error)))
            continue
        except Exception as error:  # a bug must not cost the user the other articles
            message = f"{path} could not be loaded: unexpected {type(error).__name__}: {error}"
            errors.append(LoadError(str(path), message))
            continue
        if document.doc_id in used_ids:
            document = _renamed(document, f"{path.parent.name}/{path.name}")
        used_ids.add(document.doc_id)
        documents.append(document)
    documents.sort(key=lambda document: document.doc_id)
    return documents, errors


def _article_files(paths: Iterable[Path | str], errors: list[LoadError]) -> list[Path]:
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            members = sorted(child for child in path.iterdir() if _is_article(child))
            if not members:
                errors.append(LoadError(str(path), f"{path} holds no .txt, .md or .html articles."))
            files.extend(members)
        elif path.name == CATALOG_NAME:
            continue  # a catalog named with its articles is picked up beside them
        elif path.exists():
            files.append(path)
        else:
            errors.append(LoadError(str(path), f"{path} does not exist."))
    return files


def _is_article(path: Path) -> bool:
    return (
        path.suffix.lower() in ARTICLE_SUFFIXES
        and not path.name.startswith(".")
        and path.stem.lower() != "readme"
        and path.is_file()
    )


def _folder_catalog(
    folder: Path, cache: dict[Path, Catalog | None], errors: list[LoadError]
) -> Catalog | None:
    if folder not in cache:
        cache[folder] = None
        catalog_path = find_catalog(folder)
        if catalog_path is not None:
            try:
                cache[folder] = load_catalog(catalog_path)
            except DocumentError as error:
                message = f"{error} The articles in {folder} were loaded without it."
                errors.append(LoadError(str(catalog_path), message))
    return cache[folder]


def _from_catalog(entry: CatalogEntry | None) -> _Given:
    if entry is None:
        return _Given()
    return _Given(
        title=entry.title,
        outlet=entry.outlet,
        url=entry.url,
        published=entry.published,
        published_from="catalog" if entry.published else None,
        mode=entry.mode or "news",
    )


def _build(
    doc_id: str, text: str, kind: TextKind, given: _Given, warnings: list[str], path: str | None
) -> Document:
    page_title: str | None = None
    meta_published: date | None = None
    if kind == "html":
        page = html_to_text(text)
        text = page.text
        if not text.strip():
            raise DocumentError(f"{doc_id} is a web page with no readable article text.")
        page_title = page.page_title
        found = find_date(page.published) if page.published else None
        meta_published = found[0] if found else None
    layout = analyse_layout(text, given.mode)
    published, published_from = given.published, given.published_from
    text_date = meta_published or layout.published
    if published is None and text_date is not None:
        published, published_from = text_date, "text"
    elif published is not None and text_date is not None and text_date != published:
        source = "you gave" if given.published_from == "user" else "in the catalog"
        warnings.append(
            f"the publication date {source} ({published.isoformat()}) differs from the one in the text "
            f"({text_date.isoformat()}); using {published.isoformat()}."
        )
    if published is None:
        warnings.append(NO_DATE_WARNING)
    return Document(
        doc_id=doc_id,
        text=text,
        title=given.title or layout.title or page_title,
        outlet=given.outlet,
        url=given.url,
        published=published,
        published_from=published_from,
        mode=given.mode,
        excluded=layout.excluded,
        dateline=layout.dateline,
        path=path,
        warnings=tuple(warnings),
    )


def _renamed(document: Document, doc_id: str) -> Document:
    return replace(document, doc_id=doc_id)
