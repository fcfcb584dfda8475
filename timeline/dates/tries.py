"""A list of words as one regular expression shaped like a trie: "da(?:ys|y|)" for day, days.

Python's regex engine tries the alternatives of ``a|b|c`` one by one at each place, and a
case-insensitive alternative is entered before it fails; a trie reads each letter once. Where several
words match at one place the trie tries the longest first, as the alternation sorted longest first
does, so the two match the same. Two branches of one node that differ only by case ("M" and "m")
would both match under IGNORECASE and break that order: such a list stays a plain alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Node = dict[str, "_Node"]


class _CaseTwins(Exception):
    """Two branches of one node differ only by case."""


def alternation(words: Iterable[str], space: str | None = None) -> str:
    """The words as a plain alternation, longest first (``space``: what a space in a word becomes)."""
    escaped = (re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return "|".join(e.replace(r"\ ", space) if space else e for e in escaped)


def trie(words: Iterable[str], space: str | None = None) -> str:
    """The words as a trie (see the module docstring); ``space``: what a space in a word becomes."""
    words = sorted(set(words))
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Node) -> str:
        chars = sorted(char for char in node if char)
        if len({char.lower() for char in chars}) < len(chars):
            raise _CaseTwins
        branches = [
            (space if space and char == " " else re.escape(char)) + emit(node[char]) for char in chars
        ]
        if "" in node:
            return "(?:" + "|".join(branches) + "|)" if branches else ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    try:
        return emit(root)
    except _CaseTwins:
        return alternation(words, space)
