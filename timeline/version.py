"""The extractor's version: what decides whether a stored article must be extracted again.

``extractor_fingerprint`` hashes the extractor itself: its code (the date tagger, the document loader,
the event builder, the record types) and its data files (word lists, actors, categories). Any change
to them re-extracts every stored article on the next sync, with no version to remember to bump.
``EXTRACTOR_VERSION`` is kept for changes outside those files that still change records.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

EXTRACTOR_VERSION = "1"

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
EXTRACTOR_SOURCES = ("dates", "documents", "events", "model.py", "pipeline.py", "resources.py")
"""The parts of the package whose code decides what an article's records are."""


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


def extractor_code_digest(package_dir: Path = PACKAGE_DIR) -> str:
    """A short sha256 over the extractor's Python sources (see ``EXTRACTOR_SOURCES``)."""
    digest = hashlib.sha256()
    for name in EXTRACTOR_SOURCES:
        root = package_dir / name
        files = [root] if root.is_file() else sorted(root.rglob("*.py"))
        for path in files:
            digest.update(path.relative_to(package_dir).as_posix().encode("utf-8"))
            digest.update(b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def extractor_fingerprint(data_dir: Path = DATA_DIR) -> str:
    """``EXTRACTOR_VERSION``, the code digest and the data files' digest: stored with each article."""
    return f"{EXTRACTOR_VERSION}+{extractor_code_digest()}+{data_files_digest(data_dir)}"
