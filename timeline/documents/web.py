"""Articles from the web: fetch a page with httpx, take its text with trafilatura and its date with htmldate.

Every failure a teacher can meet (no answer, a 404, a PDF or an image behind the address, a page with no
article text, a page too large) raises DocumentError naming the address and the reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from timeline.documents.decode import decode_bytes
from timeline.documents.errors import DocumentError

if TYPE_CHECKING:  # httpx is imported when a page is fetched: not on every app start (about 40 ms)
    import httpx

MAX_PAGE_BYTES = 8 * 1024 * 1024
TIMEOUT_SECONDS = 15.0
USER_AGENT = "timeline/0.1 (an article reader for teachers; +https://localhost)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "text/markdown")
PDF_TYPE = "application/pdf"


@dataclass(frozen=True, slots=True)
class WebArticle:
    """What a page gave: its article text and metadata, and where the publication date came from."""

    url: str
    text: str
    title: str | None
    outlet: str | None
    published: date | None
    published_source: str | None
    raw: bytes | None = None
    """The bytes of a non-HTML document behind the address (a PDF), for the caller to read."""
    content_type: str = "text/html"


def check_address(url: str) -> str:
    """The address, trimmed, if it is an http(s) URL with a host; DocumentError otherwise."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise DocumentError(
            f"{url or 'The address'} is not a web address (it must start with http:// or https://)."
        )
    return url


def fetch_article(url: str, *, client: httpx.Client | None = None) -> WebArticle:
    """Fetch ``url`` and read it as an article (HTML through trafilatura, text as is, PDF as bytes)."""
    import httpx

    url = check_address(url)
    own = client is None
    http = client or httpx.Client(
        timeout=TIMEOUT_SECONDS, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    )
    try:
        data, content_type, final_url = _download(http, url)
    finally:
        if own:
            http.close()
    if content_type == PDF_TYPE:
        return WebArticle(final_url, "", None, None, None, None, raw=data, content_type=PDF_TYPE)
    if content_type in _TEXT_TYPES:
        text = decode_bytes(data, final_url).text
        return WebArticle(final_url, text, None, _host(final_url), None, None, content_type=content_type)
    if content_type and content_type not in _HTML_TYPES:
        raise DocumentError(
            f"{url} is not a web page or text ({content_type}): give the address of an article page."
        )
    markup = decode_bytes(data, final_url, html=True).text
    return read_page(markup, final_url)


MIN_ARTICLE_WORDS = 6
"""Fewer words than this is a menu or a stub, not an article."""


def read_page(markup: str, url: str | None = None, *, name: str | None = None) -> WebArticle:
    """The article in an HTML page: trafilatura's main text, title and site name; htmldate's date."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    where = name or url or "The page"
    try:
        found = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as error:  # a library failure on odd markup is the page's problem, not a crash
        raise DocumentError(f"{where} could not be read as a web page ({type(error).__name__}).") from None
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise DocumentError(f"{where} has no readable article text.")
    title = getattr(found, "title", None) or None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # the headline as the first line, as in a saved article
    published, source = _page_date(markup, url)
    outlet = getattr(found, "sitename", None) or (_host(url) if url else None)
    return WebArticle(url or "", text, title, outlet, published, source)


def _page_date(markup: str, url: str | None) -> tuple[date | None, str | None]:
    from htmldate import find_date

    try:
        value = find_date(
            markup, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d"
        )
    except Exception:  # htmldate found nothing it could parse: the form lets the teacher give the date
        return None, None
    if not value:
        return None, None
    try:
        return date.fromisoformat(str(value)), "the page's metadata (htmldate)"
    except ValueError:
        return None, None


def _download(http: httpx.Client, url: str) -> tuple[bytes, str, str]:
    import httpx

    try:
        with http.stream("GET", url) as response:
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise DocumentError(f"{url} answered {response.status_code} ({reason}): no article there.")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > MAX_PAGE_BYTES:
                raise DocumentError(
                    f"{url} is too large ({int(declared) / 2**20:.1f} MB; the limit is {_limit()})."
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_PAGE_BYTES:
                    raise DocumentError(f"{url} is too large (over {_limit()}).")
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return b"".join(chunks), content_type, str(response.url)
    except DocumentError:
        raise
    except httpx.TimeoutException:
        raise DocumentError(f"{url} did not answer in {TIMEOUT_SECONDS:.0f} seconds.") from None
    except httpx.TooManyRedirects:
        raise DocumentError(f"{url} redirects too many times.") from None
    except httpx.HTTPError as error:
        raise DocumentError(f"{url} could not be reached ({type(error).__name__}).") from None


def _limit() -> str:
    return f"{MAX_PAGE_BYTES // 2**20} MB"


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None
