"""Loading articles: decoding, HTML to text, site chrome, the publication dateline, and the catalog.

Public API::

    load_document(path, catalog=None) -> Document          # one file; raises DocumentError
    load_text(doc_id, text_or_bytes, *, published=None, title=None, outlet=None, url=None,
              mode="news", kind="text") -> Document        # pasted text; raises DocumentError
    load_corpus(paths, catalog=None) -> (documents, errors) # files and folders; never raises
    load_catalog(path) -> Catalog                            # raises CatalogError

``Document.text`` is the text every offset refers to; ``Document.excluded`` the spans of site chrome
(title line, masthead, related headlines, the tail after "You may also like"...) that extraction ignores;
``Document.dateline`` the span of the article's own dateline.
"""

from timeline.documents.catalog import CATALOG_NAME, Catalog, CatalogEntry, load_catalog, parse_catalog
from timeline.documents.errors import CatalogError, DocumentError, LoadError
from timeline.documents.layout import Layout, analyse_layout
from timeline.documents.load import NO_DATE_WARNING, load_corpus, load_document, load_text

__all__ = [
    "CATALOG_NAME",
    "NO_DATE_WARNING",
    "Catalog",
    "CatalogEntry",
    "CatalogError",
    "DocumentError",
    "Layout",
    "LoadError",
    "analyse_layout",
    "load_catalog",
    "load_corpus",
    "load_document",
    "load_text",
    "parse_catalog",
]
