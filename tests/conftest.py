"""Shared fixtures: the seed articles and a factory for files in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

WriteFile = Callable[..., Path]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The project's seed articles (with their catalog.json)."""
    return REPO / "seeds"


@pytest.fixture(scope="session")
def seed_paths(seeds_dir: Path) -> list[Path]:
    """The seed article files, sorted by name."""
    return sorted(seeds_dir.glob("*.txt"))


@pytest.fixture()
def write_file(tmp_path: Path) -> WriteFile:
    """Write ``content`` (bytes, or text in ``encoding``) to ``tmp_path/name`` and return the path."""

    def write(name: str, content: bytes | str, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(data)
        return path

    return write
