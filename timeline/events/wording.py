"""Headline settings (``timeline/data/events_titles.json``) and turning a set of tokens back into text.

A headline is a set of the sentence's tokens; ``render`` writes them in sentence order with the
sentence's own spacing where tokens are neighbours, one space where something was dropped between them,
and only the punctuation that still joins two kept words (a comma in a list, a hyphen in "Iran-backed").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from timeline.resources import load_data

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_OPENING_QUOTES = frozenset({"“", "‘", "``", "`"})
_CLOSING_QUOTES = frozenset({"”", "’", "''"})
_OPENING_PHRASES = frozenset({"prep", "advcl", "npadvmod", "ccomp"})
"""Phrases a clause may open with, set off by a comma the headline keeps ("In May, ...", "Troops will stay,
officials said")."""
_UNIT_SIGNS = frozenset({"%", "‰", "$", "£", "€", "¥"})
"""Signs that belong to the number they touch ("1%", "$5"): part of the headline's words at its ends."""
_JOINERS = frozenset({"-", "–", "/", "&", "'s", "’s", "'", "’"}) | _UNIT_SIGNS


@dataclass(frozen=True, slots=True)
class TitleWords:
    max_words: int
    slack_words: int
    min_words: int
    attribution_lemmas: frozenset[str]
    attribution_preps: frozenset[str]
    hedges: frozenset[str]
    connectives: frozenset[str]
    weak_subjects: frozenset[str]
    weak_subject_max_words: int
    comment_lemmas: frozenset[str]
    kept_adverbs: frozenset[str]
    kept_comparatives: frozenset[str]
    contrast_words: frozenset[str]
    consonant_sound_starts: tuple[str, ...]
    vowel_sound_starts: tuple[str, ...]
    time_focus_words: frozenset[str]
    time_lead_words: frozenset[str]
    antecedent_pronouns: dict[str, str]
    particle_adverbs: frozenset[str]


@cache
def title_words() -> TitleWords:
    data = load_data("events_titles.json")
    return TitleWords(
        max_words=int(data["max_words"]),
        slack_words=int(data["slack_words"]),
        min_words=int(data["min_words"]),
        attribution_lemmas=frozenset(data["attribution_lemmas"]),
        attribution_preps=frozenset(data["attribution_preps"]),
        hedges=frozenset(data["hedges"]),
        connectives=frozenset(data["connectives"]),
        weak_subjects=frozenset(data["weak_subjects"]),
        weak_subject_max_words=int(data["weak_subject_max_words"]),
        comment_lemmas=frozenset(data["comment_lemmas"]),
        kept_adverbs=frozenset(data["kept_adverbs"]),
        kept_comparatives=frozenset(data["kept_comparatives"]),
        contrast_words=frozenset(data["contrast_words"]),
        consonant_sound_starts=tuple(data["article_sounds"]["consonant"]),
        vowel_sound_starts=tuple(data["article_sounds"]["vowel"]),
        time_focus_words=frozenset(data["time_focus_words"]),
        time_lead_words=frozenset(data["time_lead_words"]),
        antecedent_pronouns={str(word): str(kind) for word, kind in data["antecedent_pronouns"].items()},
        particle_adverbs=frozenset(data["particle_adverbs"]),
    )


def is_word(token: Token) -> bool:
    """A token that counts as a word of a headline (not punctuation, not a clitic like "'s")."""
    return _is_word_text(token.text)


@lru_cache(maxsize=65536)
def _is_word_text(text: str) -> bool:
    return any(char.isalnum() for char in text) and text.lower() not in ("'s", "’s", "n't", "n’t")


def word_count(tokens: Iterable[Token]) -> int:
    """Words as a reader counts them: "Al-Abadi" and "Iran-backed" are one word each."""
    ordered = sorted(tokens, key=lambda token: token.i)
    kept = {token.i for token in ordered}
    count = 0
    for token in ordered:
        if not is_word(token):
            continue
        before = token.doc[token.i - 1] if token.i > 0 else None
        joined = before is not None and before.i in kept and not before.whitespace_
        if not joined:
            count += 1
    return count


_MARKS = "timeline.events.word_marks"
"""Where ``words_in`` keeps a parsed sentence's word marks (in ``Doc.user_data``)."""


def words_in(doc: Doc, keep: Collection[int]) -> int:
    """``word_count`` of the tokens of ``doc`` at ``keep``, from marks read once per sentence: which
    tokens are words, and which have no space after them."""
    marks: tuple[tuple[bool, ...], tuple[bool, ...]] | None = doc.user_data.get(_MARKS)
    if marks is None:
        marks = tuple(is_word(token) for token in doc), tuple(not token.whitespace_ for token in doc)
        doc.user_data[_MARKS] = marks
    words, glued = marks
    return sum(1 for i in keep if words[i] and not (i > 0 and glued[i - 1] and i - 1 in keep))


def _keeps_punct(token: Token, kept: Collection[int]) -> bool:
    """Punctuation stays when both its neighbours stay and it joins them (a list comma, a hyphen)."""
    if token.text in _JOINERS:
        # a hyphen joins ("Iran-backed"); spaced, it is a dash ("the plan - a bold one - failed")
        previous = token.doc[token.i - 1] if token.i > 0 else None
        spaced = bool(token.whitespace_) and (previous is None or bool(previous.whitespace_))
        return not (spaced and token.text in ("-", "–", "/"))
    if token.text in _OPENING_QUOTES or token.text in _CLOSING_QUOTES:
        return True
    if token.text == '"':
        return True
    if token.text != ",":
        return False
    before, after = token.i - 1, token.i + 1
    if after not in kept:
        return False
    if before not in kept:
        # the opening phrase may end in what the headline dropped ("With the vote due this May, ...")
        return any(i < token.i for i in kept) and _closes_opening_phrase(token, kept)
    # a list comma ("Iran, Iraq and Syria") keeps; a comma that closed a dropped aside does not
    following, previous = token.doc[after], token.doc[before]
    # and a comma before a participle clause that stays ("flooded the valley, cutting off villages")
    if token.head.i in kept and any(
        ancestor.dep_ in ("conj", "advcl") and ancestor.head.i == token.head.i and ancestor.i in kept
        for ancestor in (following, *following.ancestors)
    ):
        return True
    if _closes_opening_phrase(token, kept):
        return True
    # and the commas around an apposition that stays ("The quake, the worst in a century, struck")
    opens = any(a.dep_ == "appos" and a.left_edge.i == after for a in (following, *following.ancestors))
    closes = any(a.dep_ == "appos" and a.right_edge.i == before for a in (previous, *previous.ancestors))
    return opens or closes


def _closes_opening_phrase(comma: Token, kept: Collection[int]) -> bool:
    """The comma closing a phrase the clause opens with ("In trading in New York, BP stock rose")."""
    verb = comma.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.left_edge.i != comma.i + 1:
        return False
    return any(c.i in kept and c.i < comma.i and c.dep_ in _OPENING_PHRASES for c in verb.children)


def _balanced(tokens: list[Token]) -> list[Token]:
    """Drop quotation marks left without their partner (the quote was cut) and trailing punctuation."""
    opened = [t for t in tokens if t.text in _OPENING_QUOTES]
    closed = [
        t for t in tokens if (t.text in _CLOSING_QUOTES and t.text != "’") or (t.text == "'" and t.is_punct)
    ]
    straight = [t for t in tokens if t.text == '"']
    drop: set[int] = set()
    if len(opened) != len(closed):
        drop.update(t.i for t in opened + closed)
    if len(straight) % 2:
        drop.update(t.i for t in straight)
    kept = [t for t in tokens if t.i not in drop]
    while kept and not _ends_well(kept[-1], kept[-2] if len(kept) > 1 else None, _CLOSING_QUOTES):
        kept.pop()
    while kept and not _ends_well(kept[0], kept[1] if len(kept) > 1 else None, _OPENING_QUOTES):
        kept.pop(0)
    return kept


def _ends_well(token: Token, neighbour: Token | None, quotes: frozenset[str]) -> bool:
    """Whether ``token`` may end (or begin) a headline whose next token inward is ``neighbour``: a word,
    a quotation mark of that side, or a sign beside its number ("rose 1%", "$5 billion", "5 %")."""
    if is_word(token) or token.text in quotes or token.text == '"':
        return True
    if token.text not in _UNIT_SIGNS or neighbour is None or abs(neighbour.i - token.i) != 1:
        return False
    return neighbour.like_num or any(char.isdigit() for char in neighbour.text)


def _article(article: str, word: str) -> str:
    """ "a" or "an" before ``word``, in ``article``'s case: by the sound the word starts with, as its
    spelling shows it ("an interview", "a university", "an hour")."""
    lower = word.lower()
    words = title_words()
    vowel = lower[:1] in "aeiou" and not lower.startswith(words.consonant_sound_starts)
    vowel = vowel or lower.startswith(words.vowel_sound_starts)
    chosen = "an" if vowel else "a"
    return chosen.capitalize() if article[:1].isupper() else chosen


def render(tokens: Iterable[Token], replacements: Mapping[int, str] | None = None) -> str:
    """The kept tokens as text, in sentence order, capitalised; ``replacements`` rewrite some tokens."""
    written = replacements or {}
    ordered = sorted(tokens, key=lambda token: token.i)
    kept = {token.i for token in ordered}
    chosen = _balanced([t for t in ordered if not t.is_punct or _keeps_punct(t, kept)])
    parts: list[str] = []
    straight_quotes = 0  # straight quotation marks written so far: odd while a quote is open
    for position, token in enumerate(chosen):
        straight_quotes += token.text == '"'
        following = chosen[position + 1] if position + 1 < len(chosen) else None
        word = written.get(token.i, token.text)
        if following is not None and following.i != token.i + 1 and token.lower_ in ("a", "an"):
            word = _article(word, written.get(following.i, following.text))  # "a June 29 interview"
        parts.append(word)
        if following is None:
            break
        if following.i == token.i + 1:
            parts.append(token.whitespace_)
        elif (
            following.text in (",", "’s", "'s")
            or following.text in _CLOSING_QUOTES
            or token.text in _OPENING_QUOTES
            or (straight_quotes % 2 and '"' in (following.text, token.text))
        ):
            continue  # no space inside the quotation marks where words between were dropped
        else:
            parts.append(" ")
    text = "".join(parts).strip()
    # A headline that opens with a quotation mark capitalises the quote's first word.
    first = len(text) - len(text.lstrip("\"“‘`' "))
    return text[: first + 1].upper() + text[first + 1 :]
