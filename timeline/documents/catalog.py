"""The catalog: what a reader knows about each article beyond its text, and it wins over the text.

A catalog is a JSON file, by convention ``catalog.json`` beside the articles (``load_corpus`` finds it
there by itself)::

    {
      "format": "timeline-catalog/1",
      "articles": {
        "000_3da4cc575a5858d1.txt": {
          "title": "Baghdad says US promised continuing support for Iraq against Daesh",
          "outlet": "Middle East Monitor",
          "url": null,
          "published": "2017-04-08",
          "mode": "news",
          "note": "free text for people, ignored by the program"
        }
      }
    }

Keys of ``articles`` are file names (not paths). Every field is optional: ``title``, ``outlet`` and ``url``
are strings or null, ``published`` an ISO date (``YYYY-MM-DD``; a time after it, as in
``2017-04-08T14:41``, is ignored) or null, ``mode`` ``"news"`` (relative dates anchor at the publication
date) or ``"narrative"`` (history texts: they anchor at the date last mentioned). Fields starting with
``_`` and ``note`` are comments. Any other field, or a value of the wrong type, is an error that names the
article and the field, so a typo never passes silently.
"""

from __future__ import annotations

import json
import reprlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

from timeline.documents.errors import CatalogError
from timeline.model import Mode

CATALOG_NAME = "catalog.json"
FORMAT = "timeline-catalog/1"
TEXT_FIELDS = ("title", "outlet", "url")
KNOWN_FIELDS = frozenset({*TEXT_FIELDS, "published", "mode", "note"})
MODES: tuple[Mode, ...] = ("news", "narrative")

_SHOWN = reprlib.Repr()
_SHOWN.maxstring = _SHOWN.maxother = 80
_SHOWN.maxlevel = 3


def _shown(value: Any) -> str:
    """``repr(value)`` cut short: a message names a bad value, it does not reprint a huge or deep one."""
    return _SHOWN.repr(value)


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """What the catalog says about one article; None where it says nothing."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    mode: Mode | None = None


@dataclass(frozen=True, slots=True)
class Catalog:
    """Catalog entries by file name."""

    entries: Mapping[str, CatalogEntry] = field(default_factory=dict)
    path: str | None = None

    def get(self, name: str) -> CatalogEntry | None:
        return self.entries.get(Path(name).name)

    def __len__(self) -> int:
        return len(self.entries)


def load_catalog(path: Path | str) -> Catalog:
    """Read and check a catalog file; a CatalogError names the file and the problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CatalogError(f"catalog {path} does not exist.") from None
    except OSError as error:
        raise CatalogError(f"cannot read catalog {path}: {error.strerror or error}.") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CatalogError(f"catalog {path} is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise CatalogError(
            f"catalog {path} is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})."
        ) from None
    except RecursionError:
        raise CatalogError(f"catalog {path} is not a catalog: its JSON is nested too deeply.") from None
    return parse_catalog(data, str(path))


def parse_catalog(data: Any, source: str = "catalog") -> Catalog:
    """Check already-parsed catalog JSON (see the module docstring for the format)."""
    try:
        return _parsed(data, source)
    except RecursionError:  # a value nested so deeply that even naming it recurses too far
        raise CatalogError(f"{source}: a value is nested too deeply.") from None


def _parsed(data: Any, source: str) -> Catalog:
    if not isinstance(data, dict):
        raise CatalogError(f"{source}: expected a JSON object with an 'articles' object.")
    if data.get("format", FORMAT) != FORMAT:
        raise CatalogError(f"{source}: unknown format {_shown(data.get('format'))} (expected {FORMAT!r}).")
    articles = data.get("articles")
    if not isinstance(articles, dict):
        raise CatalogError(f"{source}: expected an 'articles' object mapping file names to their details.")
    entries = {str(name): _entry(name, fields, source) for name, fields in articles.items()}
    return Catalog(entries, source)


def _entry(name: str, fields: Any, source: str) -> CatalogEntry:
    where = f"{source}, article {_shown(name)}"
    if not isinstance(fields, dict):
        raise CatalogError(f"{where}: expected an object of fields.")
    for key in fields:
        if key not in KNOWN_FIELDS and not str(key).startswith("_"):
            known = ", ".join(sorted(KNOWN_FIELDS))
            raise CatalogError(f"{where}: unknown field {_shown(key)} (known fields: {known}).")
    texts: dict[str, str | None] = {}
    for key in TEXT_FIELDS:
        value = fields.get(key)
        if value is not None and not isinstance(value, str):
            raise CatalogError(f"{where}: {key!r} must be a string or null.")
        texts[key] = value.strip() or None if isinstance(value, str) else None
    mode = fields.get("mode")
    if mode is not None and mode not in MODES:
        raise CatalogError(f"{where}: 'mode' must be 'news' or 'narrative', not {_shown(mode)}.")
    return CatalogEntry(
        title=texts["title"],
        outlet=texts["outlet"],
        url=texts["url"],
        published=_published(fields.get("published"), where),
        mode=cast(Mode | None, mode),
    )


def _published(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise CatalogError(f"{where}: 'published' must be an ISO date such as 2017-04-08, not {_shown(value)}.")


def find_catalog(directory: Path) -> Path | None:
    """The catalog file of a directory of articles, if it has one."""
    candidate = directory / CATALOG_NAME
    return candidate if candidate.is_file() else None
