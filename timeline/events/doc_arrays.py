"""What the event stage reads of a parsed sentence again and again, read once per sentence as plain arrays.

Walking a spaCy ``Doc`` makes a new ``Token`` object at every step (``token.subtree``, ``for token in
doc``); the stage asks the same questions of the same sentence many times (each clause, each headline
cut). Here the answers are read once from the doc's own arrays and kept in ``Doc.user_data``: the
tokens' heads, words and offsets, and each token's subtree (the same tokens, in the same order, as
``Token.subtree`` gives). Only what the parse fixed is kept (no entity annotation), and the stage never
changes a parse once made, so the arrays stay true.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORDS = "timeline.events.words"
_STARTS = "timeline.events.starts"
_TREE = "timeline.events.tree"
_ORDERS = "timeline.events.subtree_orders"
_SUBTREES = "timeline.events.subtree_sets"

Words = tuple[tuple[str, ...], tuple[str, ...], tuple[bool, ...]]
"""Every token's text, the space after it, and whether it is punctuation."""


def words(doc: Doc) -> Words:
    """Every token's text, trailing space and punctuation mark, read once per sentence."""
    found: Words | None = doc.user_data.get(_WORDS)
    if found is None:
        texts = tuple(token.text for token in doc)
        spaces = tuple(token.whitespace_ for token in doc)
        puncts = tuple(bool(flag) for flag in doc.to_array("IS_PUNCT").tolist()) if len(doc) else ()
        found = doc.user_data[_WORDS] = (texts, spaces, puncts)
    return found


def starts(doc: Doc) -> list[int]:
    """Every token's character offset in the sentence (``token.idx``), read once per sentence."""
    found: list[int] | None = doc.user_data.get(_STARTS)
    if found is None:
        found = doc.user_data[_STARTS] = [int(at) for at in doc.to_array("IDX").tolist()] if len(doc) else []
    return list(found)


def _children(doc: Doc) -> tuple[tuple[int, ...], ...]:
    """Every token's children (indices, left to right), from the heads, read once per sentence."""
    found: tuple[tuple[int, ...], ...] | None = doc.user_data.get(_TREE)
    if found is None:
        offsets = doc.to_array("HEAD").tolist() if len(doc) else []
        kids: list[list[int]] = [[] for _ in offsets]
        for at, offset in enumerate(offsets):
            head = at + _signed(int(offset))
            if head != at:
                kids[head].append(at)
        found = doc.user_data[_TREE] = tuple(tuple(row) for row in kids)
    return found


def _signed(offset: int) -> int:
    """``Doc.to_array("HEAD")`` gives the head's offset as an unsigned 64-bit number."""
    return offset - (1 << 64) if offset >= 1 << 63 else offset


def subtree_order(token: Token) -> tuple[int, ...]:
    """The indices of ``token``'s subtree in ``Token.subtree``'s order (left subtrees, the token, right
    subtrees), found once per token."""
    known: dict[int, tuple[int, ...]] = token.doc.user_data.setdefault(_ORDERS, {})
    found = known.get(token.i)
    if found is None:
        found = _order(_children(token.doc), token.i, known)
    return found


def _order(kids: tuple[tuple[int, ...], ...], at: int, known: dict[int, tuple[int, ...]]) -> tuple[int, ...]:
    """``subtree_order`` of token ``at``, children first (no recursion: a sentence may be deep)."""
    stack = [(at, False)]
    while stack:
        node, ready = stack.pop()
        if node in known:
            continue
        if not ready:
            stack.append((node, True))
            stack.extend((child, False) for child in kids[node] if child not in known)
            continue
        out: list[int] = [child for child in kids[node] if child < node for child in known[child]]
        out.append(node)
        out += [child for child in kids[node] if child > node for child in known[child]]
        known[node] = tuple(out)
    return known[at]


def subtree(token: Token) -> frozenset[int]:
    """The indices of ``token``'s subtree (``{t.i for t in token.subtree}``), found once per token."""
    known: dict[int, frozenset[int]] = token.doc.user_data.setdefault(_SUBTREES, {})
    found = known.get(token.i)
    if found is None:
        found = known[token.i] = frozenset(subtree_order(token))
    return found
