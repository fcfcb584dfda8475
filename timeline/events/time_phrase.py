"""The words of a headline's sentence that belong to a time expression, so the headline drops them.

Not only the expression's own tokens: the words that only introduced it ("on", "in the"), its small
subtree ("this" week), and the whole prepositional phrase it heads ("in 2014-three years after ...").
A possessive date before a bare singular noun leaves a determiner in its place ("Sunday's vote" ->
"the vote"), so no hole is left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.wording import title_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TIME_UNITS = frozenset({"year", "month", "week", "day", "decade", "century", "hour", "minute", "season"})
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "weekend"})
"""Nouns that a date only narrows: "on the night of 20 April" is all time."""
_DEGREE_AS = frozenset({"as"})
"""The first "as" of "as early as Monday", "as soon as next month": the phrase is all time."""
_TIME_EXTRA = 2  # words a time expression's subtree may hold beyond its own ("the", "this")


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def time_phrase(tokens: tuple[Token, ...]) -> set[int]:
    """The expression's tokens, its small subtree ("the", "this"), and prepositions left without object."""
    if not tokens:
        return set()
    own = {t.i for t in tokens}
    inside = set(own)
    for token in tokens:
        if token.head.i not in own:
            extra = _subtree(token) - own
            small = len(extra) <= _TIME_EXTRA
            inside |= extra if small else {t.i for t in token.children if t.dep_ in ("det", "case")}
            for child in token.children:
                if child.i not in own and child.left_edge.lower_ == "than":
                    inside |= _subtree(child)  # "a week later than previously indicated"
    for token in tokens:
        parent = token.head
        opener = tokens[0].i - 1
        if (
            token.dep_ in ("compound", "nmod")
            and parent.i not in own
            and parent.pos_ == "PROPN"  # not "In Tuesday trading": a date does not name a name
            and parent.dep_ == "pobj"
            and parent.head.i == opener >= 0
        ):
            # "said on Wednesday BP should ...", misread as "on [Wednesday BP]": the preposition is the date's
            inside.add(opener)
        if token.head.i not in own and token.dep_ == "pobj" and parent.dep_ == "prep":
            inside |= _subtree(parent)  # "in 2014, three years after the withdrawal": the phrase dates
        else:
            noun = token
            while noun.dep_ in ("compound", "nummod", "quantmod") and noun.head.i != noun.i:
                noun = noun.head
            timely = noun.like_num or noun.lemma_.lower() in _TIME_UNITS
            if noun.i != token.i and timely and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
                inside |= _subtree(noun.head)  # "in 2014-three years after": the phrase is all time
    for token in tokens:
        current = token
        while current.head.i != current.i and current.head.i in inside:
            current = current.head  # from the top of what is already time
        while current.head.i != current.i and current.head.i not in inside:
            parent = current.head
            rest = _subtree(parent) - inside - {parent.i}
            words = {token.doc[i].lower_ for i in rest}
            if (
                (not rest and (parent.dep_ in ("prep", "agent") or parent.pos_ == "ADP"))
                # an adjective after its noun that only dates it: "a labor pact effective June 1"
                or (not rest and parent.pos_ == "ADJ" and parent.dep_ == "amod" and parent.i > parent.head.i)
                or (parent.dep_ == "advmod" and current.lower_ == "as" and words <= _DEGREE_AS)
                or (
                    parent.lemma_.lower() in _DAY_PARTS | _TIME_UNITS
                    and parent.dep_
                    in ("pobj", "npadvmod")  # not a subject: "as if the year 1989 never happened"
                    and all(token.doc[i].dep_ == "det" for i in rest)
                )
            ):
                inside |= rest | {parent.i}
                current = parent
                continue
            break
    doc = tokens[0].doc
    return inside | _apposition_after(doc, inside) | _focus_after(doc, inside)


def _focus_after(doc: Doc, inside: set[int]) -> set[int]:
    """An adverb next to the expression that only narrows it ("this year alone", "back in 1983")."""
    words = title_words()
    found = set()
    after, before = max(inside) + 1, min(inside) - 1
    if after < len(doc) and doc[after].dep_ == "advmod" and doc[after].lower_ in words.time_focus_words:
        found.add(after)
    if before >= 0 and doc[before].dep_ == "advmod" and doc[before].lower_ in words.time_lead_words:
        found.add(before)
    return found


_SUBJECTS = ("nsubj", "nsubjpass")


def _apposition_after(doc: Doc, inside: set[int]) -> set[int]:
    """A phrase set off by commas right after the date, which the parser made a subject of the verb
    though another subject follows ("In 2007, the latest year on record, illness killed ...",
    "On Monday, the day of the vote, turnout was low"): it says more of the date."""
    after = max(inside) + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return set()
    phrase = doc[after + 1]
    while phrase.head.i != phrase.i and phrase.head.left_edge.i == after + 1:  # the whole phrase there
        phrase = phrase.head
    closing = phrase.right_edge.i + 1
    if phrase.dep_ not in _SUBJECTS or closing >= len(doc) or doc[closing].text != ",":
        return set()
    if not any(c.dep_ in _SUBJECTS and c.i > closing for c in phrase.head.children):
        return set()
    return {after, closing} | {t.i for t in phrase.subtree}


def possessive_dates(tokens: tuple[Token, ...]) -> tuple[tuple[int, str], ...]:
    """ "Sunday's vote" loses its date but keeps a determiner: "the vote", "the planned march"; and a
    determiner the expression took from the noun after it stays ("The 20 April explosion": "The
    explosion")."""
    own = {t.i for t in tokens}
    for token in tokens:
        noun = token.head
        if token.dep_ == "det" and noun.i not in own and noun.i > token.i:
            return ((token.i, token.text),)
        bare = not any(c.dep_ in ("det", "poss") and c.i not in own for c in noun.children)
        if token.dep_ == "poss" and noun.i not in own and bare:
            return ((token.i, "the"),)
    return ()
