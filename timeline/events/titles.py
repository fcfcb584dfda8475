"""A headline a teacher could read aloud, built from the dependency tree of the dated clause.

Who did what to whom, in the sentence's own words: the clause the date belongs to (``clauses``), without
the time expression, attribution, hedges and relative clauses, shortened by dropping whole phrases
(``shorten``). A clause that gives no headline (no verb governs the date, no subject, a bare pronoun and
verb such as "You came") falls back to the sentence's main clause, flagged ``fallback``; a sentence that
gives nothing better than a fragment gives no headline at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.events.clause_parse import SUBJECT_DEPS, ParsedClause, parse_clauses
from timeline.events.clauses import TitleClause, dated_clauses, main_clause
from timeline.events.furniture import content_start
from timeline.events.shorten import fit
from timeline.events.wording import render, title_words, words_in

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Title", "make_title", "title_of"]


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    fallback: bool = False
    """The dated clause gave no headline: this one comes from the sentence's main clause or its words."""


def _has_subject(clause: TitleClause, keep: set[int]) -> bool:
    if clause.subject is not None and clause.subject.i in keep:
        return True
    doc = clause.root.doc
    return any(doc[i].dep_ in SUBJECT_DEPS and doc[i].head.i in keep for i in keep)


def _dangling_participle(clause: TitleClause, keep: set[int]) -> bool:
    """A participle headline left with nothing after its verb: "A containment cap placing" (a past
    participle is written as a passive: "The deal was signed")."""
    root = clause.root
    if root.dep_ != "acl" or root.tag_ not in ("VBN", "VBG"):
        return False
    if any(i == root.i for i, _ in clause.replacements):
        return False
    return not any(t.i in keep and t.i > root.i and t.is_alpha for t in root.subtree)


def _bare_copula(clause: TitleClause, keep: set[int]) -> bool:
    """ "The US was": a form of "be" with nothing kept after it says nothing."""
    root = clause.root
    return root.lemma_.lower() == "be" and not any(
        t.i in keep and t.i > root.i and t.is_alpha for t in root.subtree
    )


def _is_fragment(clause: TitleClause, keep: set[int]) -> bool:
    words = title_words()
    doc = clause.root.doc
    count = words_in(doc, keep)
    if count < words.min_words:
        return True
    if clause.nominal:
        return count <= words.min_words  # a noun naming the event: "Sunday's missile strikes on a base"
    if clause.root.pos_ not in ("VERB", "AUX"):
        return True
    if not _has_subject(clause, keep):
        return True
    if _dangling_participle(clause, keep) or _bare_copula(clause, keep):
        return True
    subject = clause.subject
    weak = subject is not None and subject.lower_ in words.weak_subjects and len(list(subject.subtree)) == 1
    named = subject is not None and any(i == subject.i for i, _ in clause.replacements)  # "he" -> "Smith"
    return weak and not named and count <= words.weak_subject_max_words


def _reads_as_a_clause(doc: Doc, keep: set[int]) -> bool:
    """A fallback the parse could not place still reads as a clause: a verb and a few more words."""
    words = title_words()
    has_verb = any(doc[i].pos_ in ("VERB", "AUX") and doc[i].dep_ not in ("amod", "compound") for i in keep)
    has_subject = any(doc[i].dep_ in SUBJECT_DEPS for i in keep)
    return has_verb and has_subject and words_in(doc, keep) > words.weak_subject_max_words - 1


def _shortened(clause: TitleClause) -> set[int]:
    doc = clause.root.doc
    keep = set(clause.keep)
    return fit(doc, keep, clause.protected, clause.root, clause.core)


def _comment_stamp(parsed: ParsedClause) -> bool:
    """ "At 12:13 pm on 30 June, jdoe wrote: ...": the date stamps a reader's comment, not an event."""
    head = parsed.head
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    return head.lemma_.lower() in title_words().comment_lemmas and after is not None and after.text == ":"


def _too_long(doc: Doc, keep: set[int]) -> bool:
    words = title_words()
    return words_in(doc, keep) > words.max_words + words.slack_words


def title_of(parsed: ParsedClause) -> Title | None:
    """The headline for the dated mention ``parsed``: from its clause, else a flagged fallback, else None
    (a fragment, or a clause that no dropping of whole phrases makes short enough)."""
    doc = parsed.sentence
    if _comment_stamp(parsed):
        return None
    for clause in dated_clauses(parsed):
        keep = _shortened(clause)
        if not _is_fragment(clause, keep) and not _too_long(doc, keep):
            return Title(render((doc[i] for i in keep), dict(clause.replacements)))
    fallback = main_clause(parsed)
    keep = _shortened(fallback)
    if _bare_copula(fallback, keep):
        return _subject_alone(fallback, keep)
    if _too_long(doc, keep) or (_is_fragment(fallback, keep) and not _reads_as_a_clause(doc, keep)):
        return None
    return Title(render((doc[i] for i in keep), dict(fallback.replacements)), fallback=True)


def _subject_alone(clause: TitleClause, keep: set[int]) -> Title | None:
    """ "The vote is on Tuesday" has only its subject left: "The vote", flagged; nothing for a pronoun."""
    subject = clause.subject
    if subject is None or subject.pos_ == "PRON" or subject.lower_ in title_words().weak_subjects:
        return None
    words = keep & {t.i for t in subject.subtree}
    doc = clause.root.doc
    if words_in(doc, words) < title_words().min_words:
        return None
    return Title(render((doc[i] for i in sorted(words)), dict(clause.replacements)), fallback=True)


def make_title(
    sentence: str,
    time_span: tuple[int, int] | None = None,
    other_spans: tuple[tuple[int, int], ...] = (),
) -> str:
    """The headline of ``sentence`` for the date at ``time_span`` (parses the sentence: for one-offs and
    tests; the event stage parses a document's sentences in one batch and calls ``title_of``)."""
    span = time_span or (0, 0)
    start = content_start(sentence) if span[0] >= content_start(sentence) else 0
    shifted = [(a - start, b - start) for a, b in (span, *other_spans) if a >= start]
    parsed = parse_clauses([sentence[start:]], [shifted])[0].clauses[0]
    title = title_of(parsed)
    return title.text if title else ""
