"""Errors of the loading stage: one exception for a file that cannot be read, one record per failure."""

from __future__ import annotations

from dataclasses import dataclass


class DocumentError(Exception):
    """A file or text that cannot be loaded; the message names it and says why, for a human reader."""


class CatalogError(DocumentError):
    """A catalog file that is missing, is not valid JSON or holds an entry that makes no sense."""


@dataclass(frozen=True, slots=True)
class LoadError:
    """A file that ``load_corpus`` skipped, and why: shown to the user instead of a traceback."""

    path: str
    message: str

    def __str__(self) -> str:
        return self.message
