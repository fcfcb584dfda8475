"""Adding a teacher's article to a collection: its text file and its catalog entry, crash-safe.

``add_article`` checks the confirmed draft with ``timeline.documents.intake.draft_document`` (so what is
written is an article the loader reads), then, holding the articles folder's lock:

1. writes the catalog entry (``articles/catalog.json``, atomically);
2. writes the article's text (``articles/<name>.txt`` or ``.md``, atomically).

The article exists for the sync only once step 2 is done, and a catalog entry without its file is
ignored by the loader, so a ``kill -9`` at any point leaves the old state (no article) or the new one
(article and metadata), never an article without its metadata. Entries left without a file by a killed
writer are removed by the next ``add_article`` (under the lock, so never one still being written).

Names are made from the title and the text's hash (``<slug>-<8 hex>.txt``): adding the same text again
(under any title) is reported as already there (``Added.already_there``) rather than stored twice.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from timeline.documents.catalog import CATALOG_NAME, FORMAT
from timeline.documents.errors import DocumentError
from timeline.documents.intake import Draft, draft_document
from timeline.model import Mode
from timeline.store.folder_sync import OWN_PREFIX
from timeline.store.slugs import slugify
from timeline.workspace.collections import Collection, WorkspaceError
from timeline.workspace.files import folder_lock, remove_stale_temporaries, write_atomic, write_json_atomic

MAX_NAME_SLUG = 40


@dataclass(frozen=True, slots=True)
class Added:
    doc_id: str
    """The article's doc id in the store (``mine/<file name>``)."""
    path: Path
    already_there: bool = False


def read_catalog(folder: Path) -> dict[str, Any]:
    """The own articles' catalog as JSON (an empty one when missing); WorkspaceError when damaged, so a
    damaged catalog is never overwritten (its metadata would be lost)."""
    path = folder / CATALOG_NAME
    if not path.exists():
        return {"format": FORMAT, "articles": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise WorkspaceError(
            f"The catalog {path} cannot be read ({error}); no article was added. Repair or move it away."
        ) from error
    if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
        raise WorkspaceError(
            f"The catalog {path} is not a catalog; no article was added. Repair or move it away."
        )
    return data


def entry_for(
    *, title: str | None, outlet: str | None, url: str | None, published: date | None, mode: Mode, note: str
) -> dict[str, Any]:
    """A catalog entry in the seeds' format (``timeline.documents.catalog``)."""
    entry: dict[str, Any] = {
        "title": title or None,
        "outlet": outlet or None,
        "url": url or None,
        "published": published.isoformat() if published else None,
        "mode": mode,
    }
    if note:
        entry["note"] = note
    return entry


def file_name(draft: Draft, title: str | None) -> str:
    digest = hashlib.sha256(draft.text.encode("utf-8")).hexdigest()[:8]
    stem = slugify(title or draft.title or Path(draft.name).stem, "article")[:MAX_NAME_SLUG].strip("-")
    suffix = ".md" if draft.kind == "markdown" else ".txt"
    return f"{stem or 'article'}-{digest}{suffix}"


def _same_text(folder: Path, name: str, data: bytes) -> list[Path]:
    """Articles already in ``folder`` with exactly this text (whatever their title): names end with the
    text's hash, so only those are read."""
    tail = name[name.rindex("-") :]
    return [path for path in sorted(folder.glob(f"*{tail}")) if path.is_file() and path.read_bytes() == data]


def add_article(
    collection: Collection,
    draft: Draft,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: date | None = None,
    mode: Mode | None = None,
) -> Added:
    """Write ``draft`` into the collection's own articles (see the module docstring); a sync extracts it.

    The form's values win over the draft's; with no publication date the article is still added (the
    loader flags it, and its relative dates stay unanchored until a date is given). DocumentError
    (from the intake) when the text is not an article; WorkspaceError when the folder or its catalog
    cannot be written.
    """
    name = file_name(draft, title)
    chosen_mode: Mode = mode or draft.mode
    chosen_published = published or draft.published
    draft_document(draft, OWN_PREFIX + name, title=title, outlet=outlet, url=url, published=chosen_published,
                   mode=chosen_mode)  # fmt: skip
    note = ""
    if published is None and draft.published is not None and draft.published_source:
        note = f"Publication date from {draft.published_source}."
    elif chosen_published is None:
        note = "No publication date was found or given."
    entry = entry_for(
        title=title or draft.title, outlet=outlet or draft.outlet, url=url or draft.url,
        published=chosen_published, mode=chosen_mode, note=note,
    )  # fmt: skip
    folder = collection.articles_dir
    data = draft.text.encode("utf-8")
    try:
        with folder_lock(folder):
            remove_stale_temporaries(folder)
            target = folder / name
            same = _same_text(folder, name, data)
            if same:
                return Added(OWN_PREFIX + same[0].name, same[0], already_there=True)
            catalog = read_catalog(folder)
            articles = catalog["articles"]
            for stale in [key for key in articles if not (folder / str(key)).exists()]:
                del articles[stale]  # left by a writer killed between its two steps
            articles[name] = entry
            write_json_atomic(folder / CATALOG_NAME, catalog)
            write_atomic(target, data)
    except OSError as error:
        raise WorkspaceError(f"The article could not be saved in {folder}: {error}") from error
    return Added(OWN_PREFIX + name, target)


_UNSET: Any = object()


def update_article(
    collection: Collection,
    doc_id: str,
    *,
    title: str | None = _UNSET,
    outlet: str | None = _UNSET,
    url: str | None = _UNSET,
    published: date | None = _UNSET,
    mode: Mode = _UNSET,
) -> dict[str, Any]:
    """Change what the catalog says about one of the collection's own articles (only the fields given;
    None clears one); the next sync extracts that article again (and only it). Returns the new entry.

    WorkspaceError for an article that is not one of the collection's own, or a damaged catalog.
    """
    folder = collection.articles_dir
    name = _own_name(collection, doc_id)
    if mode is not _UNSET and mode not in ("news", "narrative"):
        raise WorkspaceError(f"{mode!r} is not a kind of text (news or narrative).")
    with folder_lock(folder):
        catalog = read_catalog(folder)
        entry = dict(catalog["articles"].get(name) or {})
        for key, value in (("title", title), ("outlet", outlet), ("url", url), ("mode", mode)):
            if value is not _UNSET:
                entry[key] = (" ".join(value.split()) or None) if isinstance(value, str) else value
        if published is not _UNSET:
            entry["published"] = published.isoformat() if published else None
            if published is not None:
                entry["note"] = "Publication date given by the editor."
        catalog["articles"][name] = entry
        try:
            write_json_atomic(folder / CATALOG_NAME, catalog)
        except OSError as error:
            raise WorkspaceError(f"The catalog in {folder} could not be saved: {error}") from error
    return entry


def set_published(collection: Collection, doc_id: str, published: date | None) -> dict[str, Any]:
    """Give (or clear) an own article's publication date: its relative dates anchor at it once synced."""
    return update_article(collection, doc_id, published=published)


def _own_name(collection: Collection, doc_id: str) -> str:
    if not doc_id.startswith(OWN_PREFIX):
        raise WorkspaceError("Only articles added to the collection can be changed here.")
    name = doc_id[len(OWN_PREFIX) :]
    if "/" in name or name.startswith(".") or not (collection.articles_dir / name).is_file():
        raise WorkspaceError(f"The collection has no article {doc_id!r}.")
    return name


def remove_article(collection: Collection, doc_id: str) -> None:
    """Take an own article out of the collection (its file and catalog entry); edits on it become orphans
    the editor can place or drop. A seed article cannot be removed (hide it instead)."""
    if not doc_id.startswith(OWN_PREFIX):
        raise WorkspaceError("Only articles added to the collection can be removed; hide the others instead.")
    folder = collection.articles_dir
    name = _own_name(collection, doc_id)
    with folder_lock(folder):
        (folder / name).unlink()  # first: without its file, a catalog entry is ignored
        catalog = read_catalog(folder)
        catalog["articles"].pop(name, None)
        write_json_atomic(folder / CATALOG_NAME, catalog)


__all__ = [
    "Added",
    "DocumentError",
    "add_article",
    "read_catalog",
    "remove_article",
    "set_published",
    "update_article",
]
