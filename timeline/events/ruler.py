"""The pipeline's attribute ruler, its one-token rules applied by table lookup: the same results, faster.

spaCy's ``attribute_ruler`` (in ``en_core_web_sm``: the tag map, "TAG VBD -> POS VERB", and ~120
exceptions, "TAG NN, LOWER something -> POS PRON") runs every rule at every token through its ``Matcher``.
Here each rule whose tokens only compare attributes with a value or a list of values becomes a test
filed under the tag (or each of the tags) it names, so a token meets only its own tag's rules (and those
naming no tag), gathered once per tag and lower-case form. The remaining rules (two tokens, regular
expressions) stay with a ``Matcher``, run only on a doc where each of a rule's tokens finds its lower-case
form, dependency label and tag among the doc's (most sentences hold no "gon na", no "y' all"). As in
spaCy, every rule is matched before any is applied, then
they are applied in their order, later rules overriding earlier.

A pipeline whose ruler sets something else (extension attributes, flags) keeps spaCy's own ruler.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc, Token

Test = Callable[["Token"], bool]

_READ: dict[str, Callable[[Token], object]] = {
    "TAG": lambda token: token.tag_,
    "LOWER": lambda token: token.lower_,
    "DEP": lambda token: token.dep_,
    "ORTH": lambda token: token.text,
    "TEXT": lambda token: token.text,
    "POS": lambda token: token.pos_,
    "LEMMA": lambda token: token.lemma_,
    "NORM": lambda token: token.norm_,
    "IS_SPACE": lambda token: token.is_space,
    "IS_PUNCT": lambda token: token.is_punct,
}
"""Token attributes a compiled rule may compare (pattern key -> the token's value)."""


_WRITTEN = frozenset({"POS", "TAG", "LEMMA", "DEP", "MORPH"})
"""Attributes a rule may set."""
_MAX_KNOWN = 200_000
"""(tag, lower-case form) pairs whose rules are remembered."""


def _condition(key: str, value: Any) -> Test | None:
    """A test of one attribute against a value, or a list of values (IN, NOT_IN); None for other forms."""
    read = _READ.get(key.upper())
    if read is None:
        return None
    if isinstance(value, bool) if key.upper().startswith("IS_") else isinstance(value, str):
        return lambda token: read(token) == value
    if isinstance(value, dict) and len(value) == 1:
        ((operator, values),) = value.items()
        if isinstance(values, list) and all(isinstance(item, str) for item in values):
            allowed = frozenset(values)
            if operator == "IN":
                return lambda token: read(token) in allowed
            if operator == "NOT_IN":
                return lambda token: read(token) not in allowed
    return None


Asks = tuple[frozenset[str] | None, frozenset[str] | None, bool, "Test | None"]
"""What a one-token pattern asks: its tags (None: any), its lower-case forms (None: any), whether it asks
for a space token, and a test of its other attributes (None: none)."""


def _one_token_test(pattern: list[dict[str, Any]]) -> Asks | None:
    """What a one-token pattern asks (``Asks``); None if it is not a one-token pattern of plain
    comparisons."""
    if len(pattern) != 1:
        return None
    tags: frozenset[str] | None = None
    lowers: frozenset[str] | None = None
    space = False
    tests: list[Test] = []
    for key, value in pattern[0].items():
        if key.upper() == "TAG" and tags is None:
            if isinstance(value, str):
                tags = frozenset({value})
                continue
            if (
                isinstance(value, dict)
                and list(value) == ["IN"]
                and all(isinstance(v, str) for v in value["IN"])
            ):
                tags = frozenset(value["IN"])  # filed under each of them
                continue
        if key.upper() == "IS_SPACE" and value is True:
            space = True
            continue
        if key.upper() == "LOWER" and lowers is None:
            if isinstance(value, str):
                lowers = frozenset({value})
                continue
            if (
                isinstance(value, dict)
                and list(value) == ["IN"]
                and all(isinstance(v, str) for v in value["IN"])
            ):
                lowers = frozenset(value["IN"])
                continue
        test = _condition(key, value)
        if test is None:
            return None
        tests.append(test)
    combined: Test | None = None
    for test in tests:
        combined = _both(combined, test)
    return tags, lowers, space, combined


def _both(first: Test | None, second: Test) -> Test:
    return second if first is None else (lambda token: first(token) and second(token))


Setters = tuple[tuple[str, Any], ...]
"""What a rule sets: (attribute, value) pairs, the morphology already analysed."""


@dataclass(frozen=True, slots=True)
class _Rule:
    order: int
    test: Test | None
    attrs: Setters


@dataclass(slots=True)
class _Table:
    """The one-token rules of one tag (or of any tag): those asking no lower-case form, those asking
    one (by form) and those asking for a space token."""

    plain: list[_Rule]
    by_lower: dict[str, list[_Rule]]
    spaces: list[_Rule]


def _apply(token: Token, setters: Setters) -> None:
    for name, value in setters:
        if name == "POS":
            token.pos_ = value
        elif name == "MORPH":
            token.morph = value
        elif name == "LEMMA":
            token.lemma_ = value
        elif name == "TAG":
            token.tag_ = value
        else:
            token.dep_ = value


Words = tuple[frozenset[str], frozenset[str], frozenset[str]]
"""A doc's lower-case forms, dependency labels and tags."""
Need = Callable[[Words], bool]
"""Whether a doc with these words may hold a token a pattern asks for (False: surely not)."""
_NEEDED_BY = {"LOWER": 0, "DEP": 1, "TAG": 2}
_OPTIONAL = frozenset({"?", "*", "!"})


def _value_need(where: int, value: Any) -> Need | None:
    """What one attribute's value asks of a doc's words (None: nothing this can check)."""
    if isinstance(value, str):
        return lambda words: value in words[where]
    if isinstance(value, dict) and len(value) == 1:
        ((operator, values),) = value.items()
        if operator == "IN" and isinstance(values, list) and all(isinstance(v, str) for v in values):
            allowed = frozenset(values)
            return lambda words: not allowed.isdisjoint(words[where])
        if operator == "REGEX" and isinstance(values, str):
            search = re.compile(values).search
            return lambda words: any(search(word) for word in words[where])
    return None


def _pattern_need(pattern: list[dict[str, Any]]) -> Need:
    """What a ``Matcher`` pattern asks of a doc's words: for each token it must match (no optional
    operator), each lower-case form, dependency label or tag it names; other attributes ask nothing."""
    needs: list[Need] = []
    for spec in pattern:
        if str(spec.get("OP", "")) in _OPTIONAL:
            continue
        for key, value in spec.items():
            where = _NEEDED_BY.get(str(key).upper())
            need = _value_need(where, value) if where is not None else None
            if need is not None:
                needs.append(need)
    return lambda words: all(need(words) for need in needs)


class TableRuler:
    """Applies an ``AttributeRuler``'s rules to parsed docs with the same results (see the module doc)."""

    def __init__(
        self,
        tables: dict[str | None, _Table],
        rest: Any,
        rest_rules: dict[int, tuple[int, Setters]],
        rest_needs: tuple[Need, ...] = (),
    ):
        self._tables = tables
        self._any = tables.get(None)
        self._known: dict[tuple[str, str], tuple[tuple[_Rule, ...], tuple[_Rule, ...]]] = {}
        self._rest = rest
        self._rest_rules = rest_rules
        self._rest_needs = rest_needs

    @classmethod
    def of(cls, ruler: AttributeRuler) -> TableRuler | None:
        """The table form of ``ruler``; None when one of its rules sets what this cannot."""
        from spacy.matcher import Matcher
        from spacy.tokens import MorphAnalysis

        tables: dict[str | None, _Table] = {}
        rest = Matcher(ruler.vocab, validate=False)
        rest_rules: dict[int, tuple[int, Setters]] = {}
        rest_needs: list[Need] = []
        specs: list[dict[str, Any]] = list(ruler.patterns)
        for order, spec in enumerate(specs):
            attrs: list[tuple[str, Any]] = []
            for name, value in spec["attrs"].items():
                key = str(name).upper()
                if key not in _WRITTEN or not isinstance(value, str):
                    return None
                attrs.append((key, MorphAnalysis(ruler.vocab, value) if key == "MORPH" else value))
            setters = tuple(attrs)
            index = int(spec["index"])
            compiled = (
                [_one_token_test(pattern) for pattern in spec["patterns"]] if index in (0, -1) else [None]
            )
            if not all(item is not None for item in compiled):
                rest.add(str(order), spec["patterns"])
                rest_rules[order] = (index, setters)
                rest_needs += [_pattern_need(pattern) for pattern in spec["patterns"]]
                continue
            for item in compiled:
                assert item is not None
                tags, lowers, space, test = item
                if space and lowers is not None:
                    test = _both(test, lambda token: token.is_space)
                rule = _Rule(order, test, setters)
                for tag in sorted(tags) if tags is not None else (None,):
                    table = tables.setdefault(tag, _Table(plain=[], by_lower={}, spaces=[]))
                    if space and lowers is None:
                        table.spaces.append(rule)
                    elif lowers is None:
                        table.plain.append(rule)
                    for lower in lowers or ():
                        table.by_lower.setdefault(lower, []).append(rule)
        return cls(tables, rest if rest_rules else None, rest_rules, tuple(rest_needs))

    def _rules_for(self, tag: str, lower: str) -> tuple[tuple[_Rule, ...], tuple[_Rule, ...]]:
        """The rules a token of ``tag`` and ``lower`` form may meet: any token's, a space token's."""
        found = self._known.get((tag, lower))
        if found is None:
            rules: list[_Rule] = []
            spaces: list[_Rule] = []
            for table in (self._tables.get(tag), self._any):
                if table is not None:
                    rules += table.plain + table.by_lower.get(lower, [])
                    spaces += table.spaces
            found = (tuple(rules), tuple(spaces))
            if len(self._known) < _MAX_KNOWN:
                self._known[(tag, lower)] = found
        return found

    def _matches(self, doc: Doc) -> list[tuple[int, int, Setters]]:
        """(rule order, token index, what to set) of every rule that matches, read before any is applied."""
        found: list[tuple[int, int, Setters]] = []
        tags: set[str] = set()
        lowers: set[str] = set()
        for token in doc:
            tag, lower = token.tag_, token.lower_
            tags.add(tag)
            lowers.add(lower)
            rules, spaces = self._rules_for(tag, lower)
            for rule in rules + spaces if spaces and token.is_space else rules:
                if rule.test is None or rule.test(token):
                    found.append((rule.order, token.i, rule.attrs))
        if self._rest is not None and self._rest_may_match(doc, lowers, tags):
            for match_id, start, end in self._rest(doc, allow_missing=True, as_spans=False):
                order = int(doc.vocab.strings[match_id])
                index, setters = self._rest_rules[order]
                found.append((order, doc[start:end][index].i, setters))
        return found

    def _rest_may_match(self, doc: Doc, lowers: set[str], tags: set[str]) -> bool:
        """Whether one of the ``Matcher``'s patterns may match ``doc`` (False: none can)."""
        words = (frozenset(lowers), frozenset(token.dep_ for token in doc), frozenset(tags))
        return any(need(words) for need in self._rest_needs)

    def __call__(self, doc: Doc) -> Doc:
        found = self._matches(doc)
        found.sort(key=lambda match: (match[0], match[1]))
        for _, at, setters in found:
            _apply(doc[at], setters)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 0) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
