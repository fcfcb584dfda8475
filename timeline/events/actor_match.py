"""Names inside a participant phrase: the data's names, phrase patterns, unmapped entities, bare offices.

Works on a phrase's tokens (contiguous runs of a parsed sentence): a name of the data is matched longest
first and never inside a longer place name the data does not know; an entity the recogniser found that
no name covers is returned with its own normalised name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from timeline.events.actor_names import ActorIndex, Entry, actor_index, name_key, own_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NAME_OPENERS = frozenset({"al", "el", "the"})
"""Lower-case words a name may start with ("al-Qaida", "the US"): any other name starts with a capital."""
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_NAME_POS = frozenset({"PROPN", "DET", "ADP", "CCONJ", "PART", "PUNCT"})
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_NOT_ENTITY = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def claimed_by_patterns(doc: Doc | Span, index: ActorIndex) -> dict[int, str]:
    """Token index -> actor for tokens inside a phrase pattern ("Iran-backed Iraqi militias")."""
    text = doc.text
    offset = doc[0].idx if len(doc) else 0
    claimed: dict[int, str] = {}
    for pattern, actor in index.patterns:
        for match in pattern.finditer(text):
            start, end = match.start() + offset, match.end() + offset
            for token in doc:
                if start <= token.idx < end:
                    claimed[token.i] = actor
    return claimed


def names_in(
    tokens: list[Token], index: ActorIndex, claimed: dict[int, str]
) -> Iterator[tuple[int, int, Entry]]:
    """Names of the data among ``tokens`` (contiguous runs only) as (start, end, entry): longest first,
    none inside another, none inside a longer place name the data does not know ("Sudan" in "Port Sudan",
    "Mexico" in "the Gulf of Mexico" are other places)."""
    allowed = {token.i for token in tokens}
    doc = tokens[0].doc if tokens else None
    if doc is None:
        return
    # the words as plain strings, read once: a span's text is its tokens' texts with the spaces between
    words = [(token.text, token.whitespace_, token.is_punct) for token in doc]
    at = 0
    while at < len(tokens):
        first = tokens[at]
        if first.i in claimed:
            yield first.i, first.i + 1, Entry(actor=claimed[first.i], kind="alias", acronym=False)
            at += 1
            continue
        hit: tuple[int, Entry] | None = None
        if not first.is_punct and (first.text[:1].isupper() or first.lower_ in _NAME_OPENERS):
            end = first.i + 1
            text = ""
            while end <= first.i + index.max_words * 2 and end <= len(doc) and (end - 1) in allowed:
                word, space, punct = words[end - 1]
                if not punct:
                    entry = index.lookup(text + word)
                    if entry is not None:
                        hit = (end, entry)
                    elif not index.may_grow(text + word):
                        break  # no longer name starts so
                text += word + space
                end += 1
        if hit is None or _inside_other_name(doc, first.i, hit[0], hit[1], index):
            at += 1
            continue
        yield first.i, hit[0], hit[1]
        while at < len(tokens) and tokens[at].i < hit[0]:
            at += 1


_NAMES = "timeline.events.names"
"""Where ``sentence_names`` keeps a parsed sentence's names (in ``Doc.user_data``), with and without its
entities (a name inside a longer entity is not the data's)."""


def sentence_names(doc: Doc | Span) -> list[tuple[int, int, Entry]]:
    """``names_in`` over the whole of ``doc``, found once per parsed sentence and entity annotation."""
    user_data = getattr(doc, "user_data", None)  # a Doc's own; a Span shares its doc's, so is not kept
    key = (_NAMES, doc.doc.has_annotation("ENT_IOB"))
    found = user_data.get(key) if user_data is not None else None
    if found is None:
        found = list(names_in(list(doc), actor_index(), {}))
        if user_data is not None:
            user_data[key] = found
    return list(found)


def needs_entities(doc: Doc, times: Iterable[tuple[int, int]] = ()) -> bool:
    """Whether the entity recogniser can change the actors read in ``doc`` (tagged and parsed): it holds a
    proper noun that is neither inside a name of the data nor inside a time expression (character spans
    ``times``: "Friday", "March" are proper nouns). Without one, every name is the data's, and what the
    recogniser adds is never read."""
    return bool(unknown_names(doc, times))


def unknown_names(doc: Doc, times: Iterable[tuple[int, int]] = ()) -> list[int]:
    """Indices of the tokens of ``doc`` (tagged and parsed) that may be names the data lacks: proper nouns
    (or capitalised words inside the sentence) neither inside a name of the data nor inside a time
    expression (character spans ``times``)."""
    spans = list(times)
    names = [
        token.i
        for token in doc
        if (token.tag_ in _PROPER_TAGS or (token.i > 0 and token.text[:1].isupper()))
        and not any(start < token.idx + len(token.text) and token.idx < end for start, end in spans)
    ]
    if not names:
        return []
    covered: set[int] = set()
    for start, end, _ in sentence_names(doc):
        covered.update(range(start, end))
    return [at for at in names if at not in covered]


def _inside_other_name(doc: Doc, start: int, end: int, entry: Entry, index: ActorIndex) -> bool:
    """The data's name at [start, end) is part of another name the recogniser found: a longer place
    ("Port Sudan", "the Gulf of Mexico"), an organisation that is not one of the country's institutions
    ("Syrian National Council", but not "the Iraqi Foreign Ministry"), or a person ("Michael Jordan")."""
    label = doc[start].ent_type_
    if not label:
        return False
    first, last = start, end
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    label = doc[first].ent_type_
    if label == "PERSON" and entry.kind == "name" and entry.actor in index.states:
        return True
    if (first, last) == (start, end):
        return False
    if label in _PLACE_ENTITIES:
        return True
    if label == "ORG" and len(name_key(doc[start:end].text).split()) == 1 and entry.actor in index.states:
        # a country's name or adjective inside an organisation's name; a longer known name ("Quds Force"
        # in "the Iranian Revolutionary Guard's Quds Force") still stands for its actor
        words = [token.lemma_.lower() for token in doc[first:last] if not token.is_punct]
        size = min(len(words), index.max_office_words)
        return not any(" ".join(words[-n:]) in index.offices for n in range(1, size + 1))
    return False


def office_kind(tokens: list[Token], head: Token, index: ActorIndex) -> str | None:
    """What a phrase's head noun (with its compounds and adjectives) names: "office" for a country's own
    institution or office holder ("the prime minister", "government forces"), "opposition" for those
    rising against it ("rebels", "the opposition"), None otherwise."""
    core = [t for t in tokens if t.i == head.i or (t.head.i == head.i and t.dep_ in ("compound", "amod"))]
    words = [t.lemma_.lower() for t in core]
    endings = {" ".join(words[-n:]) for n in range(1, min(len(words), index.max_office_words) + 1)}
    if endings & index.opposition_heads:
        return "opposition"
    if endings & index.offices:
        return "office"
    return None


def unmapped_entities(
    tokens: list[Token], index: ActorIndex, taken: set[int]
) -> Iterator[tuple[int, str, str]]:
    """Named entities among ``tokens`` that no name of the data covers: (position, label, own name)."""
    allowed = {token.i for token in tokens}
    seen: set[int] = set()
    for token in tokens:
        if token.i in taken or token.i in seen or not token.ent_type_ or token.ent_type_ in _NOT_ENTITY:
            continue
        if token.ent_type_ not in index.entity_labels:
            continue
        doc = token.doc
        start = token.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        span = range(start, end)
        seen.update(span)
        if any(i in taken for i in span) or not all(i in allowed for i in span):
            continue
        if not all(doc[i].pos_ in _NAME_POS for i in span) or not any(doc[i].pos_ == "PROPN" for i in span):
            continue  # "Congressional", "the oil": a name is made of proper nouns
        name = own_name(doc[start:end].text)
        if not name or not any(char.isupper() for char in name) or any(char.isdigit() for char in name):
            continue
        if name_key(name) in index.not_actors:
            continue
        yield start, token.ent_type_, name
