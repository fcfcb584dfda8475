"""What the store hands out: stored articles, their mentions, sync reports and errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


class StoreError(Exception):
    """The database cannot be opened or written; the message says where and what to do."""


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """An article as stored: metadata, the loaded text (mention offsets refer to it) and problems.

    ``error`` is set when the article could not be loaded or extracted; it then has no events, and
    ``text`` may be empty (load failure) or the loaded text (extraction failure).
    """

    doc_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None
    published_from: str | None
    text: str
    warnings: tuple[str, ...] = ()
    error: str | None = None
    path: str | None = None
    mode: str = "news"
    n_events: int = 0

    @property
    def display_name(self) -> str:
        return self.title or self.path or self.doc_id


@dataclass(frozen=True, slots=True)
class StoredMention:
    """One place an event is reported: a time expression's span in an article's text."""

    event_id: str
    doc_id: str
    span_start: int
    span_end: int
    time_text: str


@dataclass(frozen=True, slots=True)
class SyncError:
    """An article (or the catalog) that failed; ``name`` is what a reader recognises: the file name."""

    doc_id: str
    message: str
    path: str | None = None

    @property
    def name(self) -> str:
        return self.path or self.doc_id

    def __str__(self) -> str:
        return f"{self.name}: {self.message}"


@dataclass(slots=True)
class SyncReport:
    """What a sync did. ``extracted``/``unchanged``/``removed`` hold doc ids (file names for failures).

    ``errors`` lists every article that currently has no events because it failed, whether it
    failed in this sync or an earlier one, so the app can always name them. ``recovered_from`` is
    the path a corrupt database was moved to before the store was rebuilt; ``repaired`` names the
    articles extracted again because their stored records were damaged; ``read_only`` says the store
    could not be written, so nothing was read from the folder.
    """

    extracted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[SyncError] = field(default_factory=list)
    rebuilt_events: bool = False
    recovered_from: str | None = None
    notices: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    read_only: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.extracted or self.removed)
