"""Asides a headline drops whole: words in brackets, between two dashes, after an unpaired dash, and the
clause on the far side of a colon or semicolon from the headline's verb."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.attribution import is_reporting_verb

if TYPE_CHECKING:
    from spacy.tokens import Token


def _spaced(token: Token) -> bool:
    before = token.doc[token.i - 1] if token.i > 0 else None
    return bool(token.whitespace_) and (before is None or bool(before.whitespace_))


def asides(root: Token) -> set[int]:
    """Asides in brackets, and between two dashes ("The talks—held online—started ...")."""
    inside: set[int] = set()
    depth = 0
    tokens = list(root.subtree)
    for token in tokens:
        if token.text in ("(", "["):
            depth += 1
        if depth:
            inside.add(token.i)
        if token.text in (")", "]") and depth:
            depth -= 1
    dashes = [t.i for t in tokens if t.text in ("—", "–", "--") or (t.text == "-" and _spaced(t))]
    for first, second in zip(dashes[::2], dashes[1::2], strict=False):
        inside.update(range(first, second + 1))
    for token in tokens:
        if token.text in (":", ";") and not (token.i > 0 and is_reporting_verb(token.doc[token.i - 1])):
            # two clauses joined by a colon or semicolon: the one without the headline's verb goes
            after = root.i > token.i
            inside.update(t.i for t in tokens if (t.i <= token.i if after else t.i >= token.i))
            break
    if len(dashes) % 2 and dashes[-1] > root.i:
        # an unpaired dash after the verb opens an afterthought: "millions will catch it - it all depends
        # on ..."; one before the verb sits in a phrase of its own ("when it rose to five - one short of a
        # pandemic, the agency stopped short of ..."), and what follows it holds the headline
        inside.update(t.i for t in tokens if t.i >= dashes[-1])
    return inside
