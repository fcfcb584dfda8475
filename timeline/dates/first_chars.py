"""A guard for a regular expression: the characters any match of it can begin with.

Python's regex engine tries a pattern at every place of the text it scans. A date rule begins with a
word boundary and optional parts (a weekday before a month, "the" before a day), so at each place the
engine enters all of them before it fails, though nearly every place starts with a character no match
can start with: a lower-case letter where a month's capital is needed, a space. ``guarded(pattern)``
puts a look-ahead for the possible first characters in front: the same matches (a match's first
character is one of them, and a look-ahead consumes nothing), found with one test at most places.

The first characters are read off the parsed pattern: literals, character classes, alternatives,
optional parts (then what follows counts too), groups with their case flags; zero-width parts
(boundaries, look-arounds) are stepped over. A pattern that can match the empty string, or begins with
something this does not read (any character, a negated class, a back-reference), is left as it is.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any


class _Unread(Exception):
    """The pattern begins with something whose first characters are not read here."""


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = tuple(
    op for op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) if op is not None
)


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _char(code: int) -> str:
    """One character as a character-class item: itself when a letter or digit, else escaped."""
    char = chr(code)
    if char.isascii() and char.isalnum():
        return char
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _class_items(items: Any) -> list[str]:
    out: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(_char(av))
        elif op is sre.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            raise _Unread  # a negated class, or a category not listed
    return out


def _first(data: Any, caseless: bool, sensitive: set[str], insensitive: set[str]) -> bool:
    """Add the first characters of the sequence ``data`` to the two sets (by case mode); return
    whether the sequence can match the empty string (then what follows it counts too)."""
    target = insensitive if caseless else sensitive
    for op, av in data:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            target.add(_char(av))
            return False
        if op is sre.IN:
            target.update(_class_items(av))
            return False
        if op is sre.BRANCH:
            empty = False
            for alternative in av[1]:
                empty |= _first(alternative.data, caseless, sensitive, insensitive)
            if not empty:
                return False
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            sub_caseless = (caseless or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            if not _first(sub.data, sub_caseless, sensitive, insensitive):
                return False
        elif op in _REPEATS:
            low, _high, sub = av
            if not _first(sub.data, caseless, sensitive, insensitive) and low > 0:
                return False
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            if not _first(av.data, caseless, sensitive, insensitive):
                return False
        else:
            raise _Unread
    return True


def first_chars_guard(pattern: str) -> str | None:
    """A look-ahead matching the characters every match of ``pattern`` begins with, or None."""
    if _GLOBAL_FLAGS.match(pattern):
        return None  # "(?i)..." must stay first
    parsed = _parser.parse(pattern)
    sensitive: set[str] = set()
    insensitive: set[str] = set()
    try:
        if _first(parsed.data, bool(parsed.state.flags & re.IGNORECASE), sensitive, insensitive):
            return None  # it can match the empty string
    except _Unread:
        return None
    # An ASCII letter under IGNORECASE matches both its cases and, as Python documents, four other
    # letters: those join the one class; anything else keeps its case-insensitive class.
    caseless_rest: set[str] = set()
    for item in insensitive:
        letter = _ascii_letter(item)
        if item in _CASE_FREE or _CASE_FREE_ESCAPE.fullmatch(item):
            sensitive.add(item)  # a digit, an ASCII mark, \d or \s: no other case to match
        elif letter is None:
            caseless_rest.add(item)
        else:
            sensitive.update(
                _char(ord(c)) for c in letter.lower() + letter.upper() + _EXTRA_CASES.get(letter.lower(), "")
            )
    branches = [f"[{''.join(sorted(sensitive))}]"] if sensitive else []
    if caseless_rest:
        branches.append(f"(?i:[{''.join(sorted(caseless_rest))}])")
    return f"(?={'|'.join(branches)})"


_EXTRA_CASES = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
"""Non-ASCII letters that match an ASCII letter under IGNORECASE (Python's ``re`` documentation)."""


_CASE_FREE = frozenset({*"0123456789", r"\d", r"\D", r"\s", r"\S"})
_CASE_FREE_ESCAPE = re.compile(r"\\x[0-7][0-9a-f]")
"""An ASCII character that is no letter, as ``_char`` writes it (letters and digits are themselves)."""


def _ascii_letter(item: str) -> str | None:
    """The ASCII letter a class item written by ``_char`` stands for, or None."""
    return item if len(item) == 1 and item.isascii() and item.isalpha() else None


def guarded(pattern: str) -> str:
    """``pattern`` with its first-character look-ahead in front (see the module docstring)."""
    guard = first_chars_guard(pattern)
    return pattern if guard is None else guard + pattern
