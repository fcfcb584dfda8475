"""A copy of a text for the grammar to match, with every character where it was.

Python's case-insensitive matching treats the dotless ı, the dotted İ, the long ſ and the Kelvin sign as
i, i, s and k, so "in mıd 2019" or "the firſt half" match the grammar; the word the match holds is then
no key of the lexicon ("mıd"), or compares unequal to "first". Matching on a folded copy, where each
such character is replaced by the one ASCII character it stands for, makes every matched word a lexicon
word. The copy has the same length as the text, so offsets (and the quoted text of each mention, taken
from the original) are unchanged.

One character maps to one character, never more: a letter whose compatibility form (NFKC) is one ASCII
letter (fullwidth Ｍａｙ, mathematical 𝐌𝐚𝐲, the Kelvin sign), or whose other case is one ("ı", "ſ",
"İ");
a decimal digit of any script to its ASCII digit; a space separator to a space; punctuation whose
compatibility form is one ASCII mark (fullwidth comma). Other characters, and superscripts (a footnote
mark after "2019²" is not a digit of the year), are left alone.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=8192)
def _folded(char: str) -> str:
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)
    category = unicodedata.category(char)
    if category == "Zs":
        return " "
    if category[0] not in "LP":
        return char
    compatible = unicodedata.normalize("NFKC", char)
    if len(compatible) == 1 and compatible.isascii() and compatible.isprintable():
        return compatible
    if category[0] == "L":
        for other in (char.upper(), char.lower()):
            base = other[0]  # "İ".lower() is "i" and a combining dot
            if base.isascii() and base.isalpha() and all(unicodedata.combining(c) for c in other[1:]):
                return base.lower() if char.islower() else base.upper()
    return char


def matchable(text: str) -> str:
    """``text`` with each character folded as the module docstring says; ``text`` itself if all ASCII."""
    if text.isascii():
        return text
    table = {ord(c): folded for c in set(text) if not c.isascii() and (folded := _folded(c)) != c}
    return text.translate(table) if table else text  # curly quotes and dashes alone need no copy
