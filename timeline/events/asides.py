"""Asides a headline drops whole: words in brackets, between two dashes, after an unpaired dash, and the
clause on the far side of a colon or semicolon from the headline's verb."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.attribution import is_reporting_verb
from timeline.events.doc_arrays import subtree_order, words

if TYPE_CHECKING:
    from spacy.tokens import Token


def _spaced(spaces: tuple[str, ...], at: int) -> bool:
    return bool(spaces[at]) and (at == 0 or bool(spaces[at - 1]))


def asides(root: Token) -> set[int]:
    """Asides in brackets, and between two dashes ("The talks—held online—started ...")."""
    inside: set[int] = set()
    depth = 0
    doc = root.doc
    texts, spaces, _ = words(doc)
    tokens = subtree_order(root)
    for at in tokens:
        text = texts[at]
        if text in ("(", "["):
            depth += 1
        if depth:
            inside.add(at)
        if text in (")", "]") and depth:
            depth -= 1
    dashes = [
        at for at in tokens if texts[at] in ("—", "–", "--") or (texts[at] == "-" and _spaced(spaces, at))
    ]
    for first, second in zip(dashes[::2], dashes[1::2], strict=False):
        inside.update(range(first, second + 1))
    for at in tokens:
        if texts[at] in (":", ";") and not (at > 0 and is_reporting_verb(doc[at - 1])):
            # two clauses joined by a colon or semicolon: the one without the headline's verb goes
            after = root.i > at
            inside.update(i for i in tokens if (i <= at if after else i >= at))
            break
    if len(dashes) % 2:
        # an unpaired dash opens an afterthought: "millions will catch it - it all depends on ..."
        inside.update(i for i in tokens if i >= dashes[-1])
    return inside
