"""Bag-of-words vectors: content words, inverse document frequencies, cosine and centroid."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from functools import cache

from timeline.resources import load_data

Vector = dict[str, float]

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(load_data("events_merge.json")["stopwords"])


def words(text: str) -> list[str]:
    """Lowercase content words of ``text``, in order (stopwords and possessive endings left out)."""
    stop = _stopwords()
    found = []
    for word in _WORD.findall(text.lower()):
        word = re.sub(r"['’]s$", "", word)
        if word not in stop:
            found.append(word)
    return found


def idf_table(texts: Iterable[Iterable[str]]) -> tuple[dict[str, float], float]:
    """Inverse document frequency of each word over ``texts`` (word lists), and that of an unseen word."""
    counts: dict[str, int] = {}
    total = 0
    for text in texts:
        total += 1
        for word in set(text):
            counts[word] = counts.get(word, 0) + 1
    unseen = math.log((1 + total) / 1)
    return {word: math.log((1 + total) / (1 + count)) for word, count in counts.items()}, unseen


def tfidf(text_words: Iterable[str], idf: Mapping[str, float], unseen: float) -> Vector:
    """A unit-length TF-IDF vector of a word list."""
    vector: Vector = {}
    for word in text_words:
        vector[word] = vector.get(word, 0.0) + idf.get(word, unseen)
    norm = math.sqrt(sum(value * value for value in vector.values()))
    return {word: value / norm for word, value in vector.items()} if norm else {}


def cosine(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    """Dot product of two unit vectors (0 when either is empty)."""
    if len(left) > len(right):
        left, right = right, left
    return sum(value * right.get(word, 0.0) for word, value in left.items())


def centroid(vectors: Iterable[Mapping[str, float]]) -> Vector:
    """The sum of ``vectors``, made unit length."""
    total: Vector = {}
    for vector in vectors:
        for word, value in vector.items():
            total[word] = total.get(word, 0.0) + value
    norm = math.sqrt(sum(value * value for value in total.values()))
    return {word: value / norm for word, value in total.items()} if norm else {}
