"""The extractor's version: what decides whether a stored article must be extracted again.

Bump ``EXTRACTOR_VERSION`` whenever extraction rules change in a way that changes records: every
stored article is then re-extracted on the next sync. Editing a data file under ``timeline/data/``
(an actor list, a category lexicon) needs no bump: ``extractor_fingerprint`` mixes in a hash of
those files, so the store notices the edit by itself.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

EXTRACTOR_VERSION = "1"

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_files_digest(data_dir: Path = DATA_DIR) -> str:
    """A short sha256 over the names and bytes of every file under ``data_dir`` (sorted, recursive)."""
    digest = hashlib.sha256()
    if data_dir.is_dir():
        for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(data_dir).as_posix().encode("utf-8"))
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:16]


def extractor_fingerprint(data_dir: Path = DATA_DIR) -> str:
    """``EXTRACTOR_VERSION`` plus the data files' digest: stored with each extracted article."""
    return f"{EXTRACTOR_VERSION}+{data_files_digest(data_dir)}"
