"""The teacher's workspace on disk: collections, their own articles, backups and restores.

No UI here (no streamlit import): the pages and the command line (``timeline.cli_workspace``) call it.
``collections`` lists, creates and renames collections and opens their stores; ``articles`` adds a
teacher's article crash-safely; ``backup`` writes and restores one-file backups; ``recover`` reads the
edits back from a store that was set aside as damaged.
"""

from timeline.workspace.articles import Added, add_article, remove_article
from timeline.workspace.collections import (
    DEFAULT_SLUG,
    Collection,
    WorkspaceError,
    create_collection,
    get_collection,
    list_collections,
    open_store,
    rename_collection,
    sync_collection,
)

__all__ = [
    "DEFAULT_SLUG",
    "Added",
    "Collection",
    "WorkspaceError",
    "add_article",
    "create_collection",
    "get_collection",
    "list_collections",
    "open_store",
    "remove_article",
    "rename_collection",
    "sync_collection",
]
