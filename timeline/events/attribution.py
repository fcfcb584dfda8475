"""Attribution and hedges in a parsed sentence: who reported it, and words that only soften it.

"..., the source said", "according to officials", "citing a statement" say who reported the event, not
what happened; "reportedly", "allegedly" hedge it. A headline drops them, unless the date belongs to
the saying itself ("Kirby said on Monday that ..."): then the saying is the dated act.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.events.wording import title_words

if TYPE_CHECKING:
    from spacy.tokens import Token


def is_reporting_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in title_words().attribution_lemmas


_ATTRIBUTION_PHRASE_DEPS = frozenset({"prep", "advcl", "advmod", "pcomp", "npadvmod"})


def _is_attribution(token: Token) -> bool:
    words = title_words()
    lower = token.lower_
    if lower in words.attribution_preps and token.dep_ in _ATTRIBUTION_PHRASE_DEPS:
        return True  # "according to officials", "citing a statement"
    if token.dep_ == "advmod" and lower in words.hedges:
        return True  # "reportedly"
    return token.dep_ == "parataxis" or (token.dep_ in ("advcl", "conj") and is_reporting_verb(token))


def attribution_roots(root: Token) -> Iterator[Token]:
    """Tokens in ``root``'s subtree heading attribution: a reporting clause hung on the event
    (", officials said,"), an "according to" / "citing" phrase, a hedge adverb."""
    for token in root.subtree:
        if token.i != root.i and _is_attribution(token):
            yield token
