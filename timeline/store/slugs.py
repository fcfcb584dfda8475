"""Slugs: the short names of lessons and collections in links and folder names."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60


def slugify(text: str, fallback: str = "item") -> str:
    """Lower-case ASCII letters and digits, other runs of characters as one hyphen
    ("Iran–Iraq War 1980–88" -> "iran-iraq-war-1980-88"); ``fallback`` when nothing is left."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text.lower()):
        if unicodedata.category(char).startswith("M"):
            continue  # accents: "é" -> "e"
        kept.append(char if char.isascii() and char.isalnum() else "-")
    slug = re.sub(r"-+", "-", "".join(kept)).strip("-")
    return slug[:MAX_SLUG].strip("-") or fallback
