"""Shorten a headline to about ``max_words`` words by dropping whole subtrees, never cutting a phrase.

What goes first: asides (appositions, participle and infinitive modifiers of nouns, a member that only
contrasts: "rather than ..."), then adverbial phrases and clauses, then prepositional phrases hung on
nouns, then those hung on the verb (except a verb's only complement: "went to Baghdad" keeps "to
Baghdad"), then the later members of a list, then "of" phrases, and last a subject's second member.
Negation and degree words never go ("barely", "less effective"), nor half of "between X and Y". Within a
rank the rightmost subtree goes first. Words left without their partner (a
preposition without its object, "and" without a second member) go with what they introduced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.wording import title_words, words_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_COMPLEMENTS = frozenset({"dobj", "attr", "acomp", "oprd", "ccomp", "xcomp", "dative"})
_NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET"})


def _rank(token: Token, keep: set[int], root: Token) -> int | None:
    """How early ``token``'s subtree may be dropped (lower: earlier); None when it must stay."""
    dep = token.dep_
    if dep in ("acl", "relcl") and _infinitive(token):
        return 3  # "the first person to catch the virus": the infinitive completes the noun
    if dep == "advmod" and any(c.dep_ == "pobj" for c in token.children):
        return 3  # an adverb with an object works as a preposition ("downwards its toll")
    if dep == "acl" or (dep == "appos" and _set_off(token)):
        return 0
    words = title_words()
    if dep == "advmod" and (
        token.lower_ in words.kept_adverbs
        or (token.lower_ in words.kept_comparatives and token.head.pos_ in ("ADJ", "ADV"))
    ):
        return None  # "barely budged" is not "budged", "less effective" not "effective"
    if (
        dep == "advmod"
        and token.lower_ in words.particle_adverbs
        and token.head.pos_ == "VERB"
        and not any(c.dep_ == "npadvmod" for c in token.children)
    ):
        return None  # "gave back" is not "gave", "stepped down" not "stepped" (but "down 75 cents" may go)
    if dep in ("advcl", "advmod", "intj"):
        return 1
    if dep == "npadvmod":
        # set off by commas it is an aside ("to Baghdad, the place he met ..."); else often an object the
        # parser read as an adverb ("revised downwards its toll")
        return 1 if _set_off(token) else 3
    if dep == "xcomp" and any(c.dep_ == "dobj" and c.i in keep for c in token.head.children):
        return 1  # "assured the minister of support to defeat X": the purpose goes before the object's phrase
    if dep == "agent" or (dep == "poss" and token.pos_ == "PROPN" and _named(token.head)):
        return 2  # "accused by rights groups", "the Guard's commander Ismail Qaani": the name stays
    if dep in ("prep", "agent") and token.head.pos_ in _NOUNISH:
        return 5 if token.lower_ == "of" else 2
    if dep in ("prep", "agent"):
        verb = token.head
        if verb.i != root.i and verb.dep_ not in ("xcomp", "ccomp", "conj"):
            return 3
        kept_children = [c for c in verb.children if c.i in keep]
        if not any(c.dep_ in _COMPLEMENTS for c in kept_children):
            preps = [c for c in kept_children if c.dep_ in ("prep", "agent") and c.i > verb.i]
            if preps and preps[0].i == token.i:
                return None  # the verb's only complement
        return 3
    if dep == "conj" and any(
        c.dep_ in ("cc", "preconj") and c.lower_ in words.contrast_words and c.i < token.i
        for c in token.head.children
    ):
        return 0  # "cool heads rather than buck-passing": the contrast goes first, never "cool heads"
    if dep == "conj" and _restatement(token):
        return 0  # "a loss of $5.1 million, or 10 cents a share,": the same figure said again
    if dep == "conj" and token.head.pos_ in _NOUNISH:
        if any(c.lower_ == "between" for c in token.head.children):
            return None  # "between 35,000 and 60,000" is one phrase
        # a subject's second member goes last: "X and Y were" becomes "X were" only if nothing else can go
        return 6 if token.head.dep_ in ("nsubj", "nsubjpass") else 4
    return None


def _restatement(conj: Token) -> bool:
    """The only other member of a noun, opened by ", or" and closed by a comma or the sentence's end: it
    restates the noun ("$5.1 million, or 10 cents a share,"), a list's last member is not alone."""
    head = conj.head
    if sum(1 for c in head.children if c.dep_ == "conj") != 1:
        return False
    doc = conj.doc
    opener = conj.left_edge.i - 1
    if opener < 1 or doc[opener].lower_ != "or" or doc[opener - 1].text != ",":
        return False
    last = conj.right_edge  # the closing comma may hang inside it
    if last.text in (",", ";") and last.i > conj.i:
        return True
    closing = last.i + 1
    return closing >= len(doc) or doc[closing].text in (",", ".", ";")


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _set_off(token: Token) -> bool:
    """A phrase between commas, brackets or dashes (not a word inside a name: "Force chief Qaani")."""
    before, after = token.left_edge.i - 1, token.right_edge.i + 1
    opened = before >= 0 and token.doc[before].text in (",", "(", "—", "–", "-")
    closed = after < len(token.doc) and token.doc[after].text in (",", ")", "—", "–")
    return opened or closed


def _named(noun: Token) -> bool:
    return noun.pos_ == "PROPN" and any(c.dep_ == "compound" for c in noun.children)


def _orphan(token: Token, keep: set[int]) -> bool:
    """A word left without its partner: a preposition without object, a lone "and", a stray "'s", an
    adverb without its amount ("down" of "down 75 cents")."""
    dep = token.dep_
    if _inside_word(token):
        return False  # "au" in "Port-au-Prince"
    if dep in ("prep", "agent"):
        # (a preposition joined to another is one: "up for grabs", "out of work")
        return not any(c.i in keep and c.dep_ in ("pobj", "pcomp", "prep") for c in token.children)
    if dep in ("cc", "preconj"):
        conjuncts = [c for c in token.head.children if c.dep_ == "conj" and c.i > token.i]
        if not conjuncts:
            # its partner is not its sibling ("all or part", parsed with "part" as the head of "or"): it
            # is alone when the word after it went ("$2.6 million, or 18 cents a share," dropped)
            return token.i + 1 not in keep
        return token.head.i in keep and not any(c.i in keep for c in conjuncts)
    if (
        dep in ("acl", "advcl")
        and token.tag_ in ("VBN", "VBG")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in token.children)
        and not any(t.i in keep for t in token.subtree if t.i > token.i)
    ):
        return True  # a participle left alone: "in his comments, made"
    if dep in ("det", "predet", "poss", "nummod") and token.head.i not in keep:
        return True  # its noun went: "... main seaport the"
    if dep == "advmod":
        # its amount went: "down" of "closed at $71.75, down 75 cents"
        measures = [c for c in token.children if c.dep_ == "npadvmod"]
        return bool(measures) and not any(c.i in keep for c in measures)
    return dep == "case" and token.head.i not in keep


def _inside_word(token: Token) -> bool:
    return token.i in _glued(token.doc)


_GLUED = "timeline.events.glued"
_SUBTREES = "timeline.events.subtrees"
_DEPS = "timeline.events.deps"
"""Where a parsed sentence keeps what ``shorten`` reads of it again and again (in ``Doc.user_data``)."""


def _glued(doc: Doc) -> frozenset[int]:
    """The tokens hyphens glue into a longer word ("au" in "Port-au-Prince"), found once per sentence."""
    found: frozenset[int] | None = doc.user_data.get(_GLUED)
    if found is None:
        hyphens = [t.i for t in doc if t.text == "-"]
        found = frozenset(
            {i + 1 for i in hyphens if not doc[i].whitespace_ and i + 1 < len(doc)}
            | {i - 1 for i in hyphens if i > 0 and not doc[i - 1].whitespace_}
        )
        doc.user_data[_GLUED] = found
    return found


def _deps(doc: Doc) -> tuple[str, ...]:
    """Every token's dependency label, read once per sentence."""
    found: tuple[str, ...] | None = doc.user_data.get(_DEPS)
    if found is None:
        found = doc.user_data[_DEPS] = tuple(token.dep_ for token in doc)
    return found


def _subtree(token: Token) -> frozenset[int]:
    """The indices of ``token``'s subtree, found once per token."""
    known: dict[int, frozenset[int]] = token.doc.user_data.setdefault(_SUBTREES, {})
    found = known.get(token.i)
    if found is None:
        found = known[token.i] = frozenset(t.i for t in token.subtree)
    return found


_PARTNERED = frozenset(
    {"prep", "agent", "cc", "preconj", "acl", "advcl", "det", "predet", "poss", "nummod", "case", "advmod"}
)
"""The roles in which ``_orphan`` can find a word without its partner: no other word is ever one."""


def _tidy(doc: Doc, keep: set[int], root: Token) -> set[int]:
    """Drop words left without their partner, until none is left (never the headline's own verb: "The
    deal was signed" ends on it)."""
    deps = _deps(doc)
    while orphans := {i for i in keep if deps[i] in _PARTNERED and i != root.i and _orphan(doc[i], keep)}:
        keep -= orphans
        for i in orphans:
            if deps[i] in ("prep", "agent"):
                keep -= _subtree(doc[i])  # what is left under it goes too: "In particular," -> ""
    return keep


def _hoisted(token: Token, protected: frozenset[int]) -> set[int] | None:
    """For an agent phrase, the phrases under it holding protected words, which stay when it goes
    ("accused by rights groups of killing ...": the "of" phrase, parsed under the agent, is the verb's);
    None when it cannot go (a protected word of its own)."""
    hoisted: set[int] = set()
    own = {token.i}
    for pobj in token.children:
        own |= {t.i for t in pobj.subtree}
        for child in pobj.children:
            if child.dep_ == "prep" and any(t.i in protected for t in child.subtree):
                hoisted |= {t.i for t in child.subtree}
    if any(i in protected for i in own - hoisted - {token.i, *(c.i for c in token.children)}):
        return None
    return hoisted


def _drop(token: Token, keep: set[int], protected: frozenset[int] = frozenset()) -> None:
    hoisted = (_hoisted(token, protected) or set()) if token.dep_ == "agent" else set()
    for t in token.subtree:
        if t.i not in hoisted:
            keep.discard(t.i)
    pair = {"to": "from", "from": "to"}.get(token.lower_)
    if token.lower_ == "to":
        for opener in token.ancestors:  # "from the price of grain to border security": "to" under "from"
            if opener.pos_ in ("VERB", "AUX"):
                break
            if opener.lower_ == "from" and opener.dep_ == "prep":
                for t in opener.subtree:
                    keep.discard(t.i)
                break
    if token.dep_ == "prep" and pair:
        # "from Iraq's energy security to counterterrorism": one phrase in two halves
        for sibling in token.head.children:
            if sibling.dep_ == "prep" and sibling.lower_ == pair:
                for t in sibling.subtree:
                    keep.discard(t.i)
    if token.dep_ == "conj":
        # the comma or "and" that joined it
        for sibling in token.head.children:
            if sibling.dep_ in ("cc", "punct") and sibling.i < token.i:
                conjuncts = [c for c in token.head.children if c.dep_ == "conj"]
                if all(c.i < sibling.i or c.i >= token.i for c in conjuncts):
                    keep.discard(sibling.i)


_LATE_RANK = 2
"""From this rank on (the verb's own phrases), a headline within the slack words keeps them."""


def _shrink(doc: Doc, keep: set[int], protected: frozenset[int], root: Token) -> set[int]:
    words = title_words()
    keep = _tidy(doc, set(keep), root)
    while (count := words_in(doc, keep)) > words.max_words:
        candidates = []
        for i in keep:
            token = doc[i]
            if i == root.i or _inside_word(token):
                continue
            if token.dep_ == "agent":
                if _hoisted(token, protected) is None:
                    continue
            elif i in protected or not protected.isdisjoint(_subtree(token)):
                continue
            rank = _rank(token, keep, root)
            if rank is not None:
                candidates.append((rank, -i, token))
        if not candidates:
            break
        rank, _, chosen = min(candidates, key=lambda item: (item[0], item[1]))
        if rank >= _LATE_RANK and count <= words.max_words + words.slack_words:
            break
        _drop(chosen, keep, protected)
        keep = _tidy(doc, keep, root)
    return keep


def fit(doc: Doc, keep: set[int], protected: frozenset[int], root: Token, core: frozenset[int]) -> set[int]:
    """``keep`` shortened to ``max_words`` words (or as close as whole subtrees allow, within the slack).

    The dated phrase (``protected``) stays when it can; when the headline cannot be short enough with it,
    only the clause's ``core`` (its subject and verb) is kept whole."""
    limit = title_words().max_words + title_words().slack_words
    shorter = _shrink(doc, keep, protected, root)
    if words_in(doc, shorter) <= limit:
        return shorter
    return _shrink(doc, keep, core, root)
