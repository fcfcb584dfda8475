"""The headline as a set of the sentence's tokens, from the clause ``headline_root`` chose.

The dated verb's clause is the headline's core: its subject (found through a relative pronoun or a
conjoined verb when the clause has none of its own), the verb and its objects. A relative clause gives its
noun back as subject ("a chemical attack that killed scores this week" -> "a chemical attack killed
scores"); a participle or an infinitive hangs on the clause above it, which then heads the headline with
the dated phrase kept. What never belongs to a headline is dropped here: the time expressions, the
words that only introduced them ("on", "in the"), attribution and hedges, opening connectives and
subordinators, relative clauses and parentheses, clauses conjoined to the event verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.events.antecedents import antecedent
from timeline.events.asides import asides
from timeline.events.attribution import attribution_roots, is_reporting_verb
from timeline.events.clause_parse import SUBJECT_DEPS, ParsedClause, subject_of
from timeline.events.headline_root import headline_root, noun_event, own_subject, reported_content
from timeline.events.noun_phrases import described_group, noun_core
from timeline.events.relatives import (
    RELATIVE_PRONOUNS,
    RELATIVE_WORDS,
    object_described,
    owner_named,
    passive_participle,
    passive_written,
    relative_pronoun,
)
from timeline.events.time_phrase import possessive_dates, time_phrase
from timeline.events.wording import title_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_OBJECT_CORE = frozenset({"dobj", "attr", "acomp", "oprd"})
_ALWAYS_DROP_CHILDREN = frozenset({"mark", "parataxis", "intj", "meta", "dep"})


@dataclass(frozen=True, slots=True)
class TitleClause:
    root: Token
    """The top of the headline's clause."""
    keep: frozenset[int]
    """The tokens the headline starts from (before shortening)."""
    protected: frozenset[int]
    """Tokens shortening must not drop: the path from ``root`` to the dated verb and that verb's core."""
    core: frozenset[int]
    """The headline's subject and verb (with auxiliaries and object): what stays when nothing else can."""
    subject: Token | None
    nominal: bool = False
    """The headline is a noun phrase naming the event (a date on a noun: "Friday's strikes on ...")."""
    replacements: tuple[tuple[int, str], ...] = ()
    """Tokens written differently: a possessive date before a bare noun becomes "the" ("Sunday's vote")."""


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _dated_core(verb: Token) -> set[int]:
    core = {verb.i}
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg", "prt"):
            core.add(child.i)
        elif (child.dep_ in SUBJECT_DEPS and not _second_subject(child)) or child.dep_ in _OBJECT_CORE:
            core |= noun_core(child) if child.pos_ in ("NOUN", "PROPN", "PRON", "NUM") else {child.i}
    return core


def build_clause(parsed: ParsedClause, verb: Token, root: Token) -> TitleClause:
    """The token set of the headline made from ``root``'s clause, for the date on ``verb``."""
    keep = _subtree(root)
    path = {verb.i}
    current = verb
    while current.i != root.i and current.head.i != current.i:
        current = current.head
        path.add(current.i)
    protected = path | _dated_core(verb)
    subject: Token | None = None
    pronoun = relative_pronoun(root) if root.dep_ == "relcl" else None
    if pronoun is not None:
        keep.discard(pronoun.i)
        subject = root.head
        keep |= described_group(subject, root)
    else:
        subject = subject_of(root)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "Jackson, who collapsed and died": the noun, not "who"
        if subject is not None and subject.i not in keep:
            keep |= noun_core(subject)
    if subject is not None:
        protected |= noun_core(subject) & keep
    described: tuple[tuple[int, str], ...] = ()
    named = antecedent(root, subject) if pronoun is None else None
    if named is not None:
        described += (named,)
    if root.dep_ == "relcl":
        # the relative word opening it goes: "where there was a peak" -> "there was a peak"
        keep -= {c.i for c in root.children if c.lower_ in RELATIVE_WORDS and c.i < root.i}
    if root.dep_ in ("relcl", "acl"):  # the parser labels some relative clauses "acl"
        pronoun_object, described = object_described(root, parsed.head)
        if pronoun_object is not None:
            keep.discard(pronoun_object)
        described += owner_named(root)
        if passive_participle(root):
            described += passive_written(root)
    own_time = set() if parsed.keeps_time_words else time_phrase(parsed.time_tokens)
    times = own_time | time_phrase(parsed.other_time_tokens)
    dropped: set[int] = set()
    for head in attribution_roots(root):
        if head.i not in path:
            dropped |= _subtree(head)
    words = title_words()
    for token in root.subtree:
        if token.i in path:
            continue
        dep = token.dep_
        on_spine = token.head.i in path
        relative = (
            dep == "relcl"
            and not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
            and not _pronoun_described(token)
        )
        if relative or (
            on_spine
            and (dep in _ALWAYS_DROP_CHILDREN or (dep == "advcl" and _subordinate(token)))
            and not _opens_noun_clause(token, root)
        ):
            dropped |= _subtree(token)
        elif (
            on_spine
            and dep in ("advmod", "cc", "preconj")
            and token.i < token.head.i
            and (token.lower_ in words.connectives or dep != "advmod")
        ):
            dropped.add(token.i)
        elif dep == "conj" and token.pos_ in ("VERB", "AUX") and (on_spine or own_subject(token)):
            # a verb joined to the dated one, or a whole second clause ("..., but an inquiry blamed ...")
            dropped |= _subtree(token)
            # with the "and" that joined it, not an earlier one ("mutate and grow ... - and what happens")
            joiners = [s.i for s in token.head.children if s.dep_ == "cc" and s.i < token.i]
            dropped |= set(joiners[-1:])
        elif on_spine and dep == "advcl" and token.tag_ in ("VBG", "VBN") and _before_subject(token):
            dropped |= _subtree(token)  # "Moving to blunt criticism, the White House sent ..."
        elif on_spine and dep in ("nsubj", "nsubjpass") and _second_subject(token):
            dropped |= _subtree(token)  # a misparse left a verb two subjects: the first is the verb's
        elif on_spine and dep in ("npadvmod", "advmod") and _before_subject(token):
            dropped |= _subtree(token)  # "months after the army left", "shortly before the vote"
        elif dep == "mark" and token.lower_ == "that" and _right_after_verb(token, times):
            dropped.add(token.i)  # "said that the talks failed" -> "said the talks failed"
        elif dep == "advmod" and token.lower_ in words.hedges:
            dropped |= _subtree(token)
    dropped |= asides(root)
    replacements = (
        possessive_dates(parsed.time_tokens) + possessive_dates(parsed.other_time_tokens) + described
    )
    dropped = (dropped - protected) | times | _clock_stamp(root.doc)  # (a stamp even inside the subject)
    dropped -= {i for i, _ in replacements}
    core = (_dated_core(root) | ({subject.i} if subject is not None else set())) & keep
    return TitleClause(
        root=root,
        keep=frozenset(keep - dropped),
        protected=frozenset(protected & keep),
        core=frozenset(core),
        subject=subject,
        replacements=replacements,
    )


_CLOCK_STAMP = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


def _clock_stamp(doc: Doc) -> set[int]:
    """A live page's entry time opening the sentence ("1851 Dominican Republic President ... met"): a
    24-hour clock, no date the tagger read, before a capitalised word; the headline leaves it out."""
    stamp = {0, 1} if len(doc) > 1 and doc[1].text == ":" else {0}
    after = max(stamp) + 1
    if after >= len(doc) or not _CLOCK_STAMP.fullmatch(doc[0].text) or not doc[after].text[:1].isupper():
        return set()
    return stamp


def _pronoun_described(relative: Token) -> bool:
    """A relative clause that is all its pronoun says ("those who were responsible", "anyone who"):
    without it the headline would end on a bare "those"."""
    return relative.head.pos_ in ("PRON", "DET")


def _opens_noun_clause(token: Token, root: Token) -> bool:
    """The "that" of a clause inside the headline completing a noun ("an order that Elian remain"):
    without it the clause runs into the noun."""
    clause = token.head
    return token.dep_ == "mark" and clause.i != root.i and clause.dep_ in ("relcl", "acl")


def _subordinate(clause: Token) -> bool:
    """A clause of its own hung on the event ("though Democrats were ...", "after the army left"), not a
    purpose or participle phrase of the event verb ("to round up votes", "cutting off villages")."""
    return any(
        c.dep_ in ("mark", "nsubj", "nsubjpass", "aux", "auxpass") and c.tag_ != "TO" for c in clause.children
    )


def _second_subject(token: Token) -> bool:
    """A subject after another of the same verb, apart from it (not the second half of "al-Kadhimi")."""
    doc = token.doc
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(doc[i].is_alpha for i in range(c.right_edge.i + 1, token.left_edge.i))
        for c in token.head.children
        if c.i < token.i
    )


def _before_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS and c.i > token.i for c in token.head.children)


def _right_after_verb(mark: Token, times: set[int]) -> bool:
    """ "that" opening a reported clause right after its verb (only the date between them)."""
    clause = mark.head
    if clause.dep_ != "ccomp":
        return False
    verb = clause.head
    return verb.i < mark.i and all(i in times for i in range(verb.i + 1, mark.i))


def dated_clauses(parsed: ParsedClause) -> list[TitleClause]:
    """The headline clauses for the date of ``parsed``, best first: the noun it dates (when that names the
    event), then the clause of the verb governing it. Empty when neither exists."""
    options: list[TitleClause] = []
    noun = noun_event(parsed)
    if noun is not None:
        clause = build_clause(parsed, noun, noun)
        options.append(
            TitleClause(
                root=clause.root,
                keep=clause.keep,
                protected=clause.protected,
                core=clause.core,
                subject=clause.subject,
                nominal=True,
                replacements=clause.replacements,
            )
        )
    if parsed.has_verb:
        verb = reported_content(parsed.head)
        root = headline_root(verb)
        content = reported_content(root)
        if content.i != root.i:
            # climbed to a reporting verb after its quote: the quote is the headline
            verb = root = headline_root(content)
        options.append(build_clause(parsed, verb, root))
    return options


def main_clause(parsed: ParsedClause) -> TitleClause:
    """The headline clause of the sentence's main verb (the fallback when the dated clause fails): the top
    verb above the date within its part of the sentence (parts split at colons and semicolons)."""
    time_head = parsed.time_head
    sent = time_head.sent
    marks = [t.i for t in sent if t.text in (":", ";")]
    low = max((i for i in marks if i < time_head.i), default=sent.start - 1)
    high = min((i for i in marks if i > time_head.i), default=sent.end)
    above = [t for t in (time_head, *time_head.ancestors) if low < t.i < high and t.pos_ in ("VERB", "AUX")]
    root = above[-1] if above else sent.root
    if is_reporting_verb(root):
        reported = next((c for c in root.children if c.dep_ == "ccomp"), None)
        root = reported or root
    return build_clause(parsed, root, root)
