"""The text of a PDF article, with pypdf: page by page, plus the title and date its metadata holds.

A PDF that cannot be an article (not a PDF, password-protected, only scanned images) raises
DocumentError with a reason a teacher can act on, never a library traceback.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from datetime import date

from timeline.documents.errors import DocumentError

_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_HYPHEN_BREAK = re.compile(r"(\w)-\n(\w)")


@dataclass(frozen=True, slots=True)
class PdfText:
    text: str
    title: str | None
    created: date | None
    pages: int


def pdf_to_text(data: bytes, name: str) -> PdfText:
    """The PDF's text, its pages joined by blank lines; DocumentError when there is none to read."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-but-readable files warn a lot
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise DocumentError(f"{name} is not a PDF file (it does not start like one).")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{name} is password-protected: save an unprotected copy and upload that.")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        metadata = reader.metadata
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        raise DocumentError(f"{name} could not be read as a PDF ({type(error).__name__}).") from None
    except Exception as error:  # pypdf raises many kinds on damaged files; none may reach the reader
        if "password" in str(error).lower() or "decrypt" in str(error).lower():
            raise DocumentError(
                f"{name} is password-protected: save an unprotected copy and upload that."
            ) from None
        raise DocumentError(f"{name} could not be read as a PDF ({type(error).__name__}).") from None
    text = _HYPHEN_BREAK.sub(r"\1\2", "\n\n".join(page for page in pages if page))
    if not text.strip():
        raise DocumentError(f"{name} holds no text to read (is it a scan? only text PDFs can be read).")
    title = _clean(metadata.title) if metadata else None
    created = _pdf_date(metadata.get("/CreationDate")) if metadata else None
    return PdfText(text=text, title=title, created=created, pages=len(pages))


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _pdf_date(value: object) -> date | None:
    """A PDF date string (``D:20200108120000Z``) as a date, or None when it is not one."""
    match = _PDF_DATE.match(str(value)) if value else None
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
    except ValueError:
        return None
