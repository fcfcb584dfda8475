"""The pipeline's rule lemmatizer with its answers remembered: the same lemmas, found faster.

spaCy's rule ``lemmatizer`` works a token's lemma out from its text, part of speech and morphology. Two
things make it slow: it remembers only some of its answers (not a base form: "the", a singular noun, a
proper noun go through its morphology checks at every token), and each candidate form its rules make is
looked up in the word list of the part of speech, a Python list of up to 57,000 words searched from the
start. Here every answer is remembered by (text, part of speech, morphology), the three things it depends
on, and a new one is worked out by spaCy's own steps (``rule_lemma``) with each word list as a set: the
same lemma as spaCy's for every token, set as the lemma's hash.

A token with a lemma already (one the attribute ruler set) keeps it, as in spaCy unless the lemmatizer
overwrites. The memory is bounded: past ``MAX_REMEMBERED`` answers, new ones are worked out each time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_REMEMBERED = 200_000
"""Distinct (text, part of speech, morphology) answers kept: a few megabytes."""


class RememberingLemmatizer:
    """Sets the lemmas a rule-mode ``Lemmatizer`` sets, each worked out once per process."""

    def __init__(self, lemmatizer: Any) -> None:
        self._lemmatizer = lemmatizer
        self._overwrite = bool(lemmatizer.overwrite)
        self._known: dict[tuple[int, int, int], int] = {}
        self._indexes: dict[str, frozenset[str]] = {}

    def rule_lemma(self, token: Token) -> str:
        """``Lemmatizer.rule_lemmatize(token)[0]`` (spaCy 3.8), each word list searched as a set."""
        lemmatizer = self._lemmatizer
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return string.lower()
        if lemmatizer.is_base_form(token):
            return string.lower()
        lookups = lemmatizer.lookups
        index_table = lookups.get_table("lemma_index", {})
        exc_table = lookups.get_table("lemma_exc", {})
        rules_table = lookups.get_table("lemma_rules", {})
        if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
            return string if univ_pos == "propn" else string.lower()
        index = self._indexes.get(univ_pos)
        if index is None:
            index = self._indexes[univ_pos] = frozenset(index_table.get(univ_pos, {}))
        exceptions = exc_table.get(univ_pos, {})
        orig, string = string, string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules_table.get(univ_pos, {}):
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [orig])[0]

    @classmethod
    def of(cls, component: Any) -> RememberingLemmatizer | None:
        """The remembering form of ``component``: only for spaCy's rule mode, whose answer depends on
        the token's text, part of speech and morphology alone."""
        from spacy.pipeline import Lemmatizer

        if not isinstance(component, Lemmatizer) or component.mode != "rule":
            return None
        if type(component).rule_lemmatize is not Lemmatizer.rule_lemmatize:
            return None  # a subclass with rules of its own may read more of the token
        if not component._validated:
            component._validate_tables()  # as spaCy checks before its first document
        return cls(component)

    def __call__(self, doc: Doc) -> Doc:
        known = self._known
        strings = doc.vocab.strings
        for token in doc:
            if not self._overwrite and token.lemma != 0:
                continue
            key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
            lemma = known.get(key)
            if lemma is None:
                lemma = strings.add(self.rule_lemma(token))
                if len(known) < MAX_REMEMBERED:
                    known[key] = lemma
            token.lemma = lemma
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 0) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
