"""A day's summary: its most central sentences (nearest the TF-IDF centroid of all that day's sentences)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from timeline.summarize.days import settings
from timeline.summarize.vectors import Vector, centroid, cosine, tfidf, words


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that may summarize a day; ``lead`` when it opens its article."""

    text: str
    lead: bool = False


def central_sentences(
    candidates: Sequence[Candidate],
    idf: Mapping[str, float],
    unseen: float,
    *,
    keywords: Collection[str] = (),
) -> list[str]:
    """Up to ``summary_sentences`` of ``candidates``, most central first, none repeating another, until
    ``summary_words`` words are reached.

    Every candidate (repeats included: a sentence many articles carry pulls the centroid) shapes the
    centroid; only sentences of a readable length are chosen, unless there is no other.
    """
    if not candidates:
        return []
    config = settings()
    vectors = [tfidf(words(candidate.text), idf, unseen) for candidate in candidates]
    middle = centroid(vectors)
    low, high = int(config["summary_min_words"]), int(config["summary_max_words"])
    sized = [i for i, c in enumerate(candidates) if low <= len(c.text.split()) <= high]
    pool = sized or list(range(len(candidates)))
    wanted = frozenset(keywords)
    lead_bonus, keyword_bonus = float(config["summary_lead_bonus"]), float(config["summary_keyword_bonus"])

    def score(index: int) -> float:
        value = cosine(vectors[index], middle)
        if candidates[index].lead:
            value *= 1 + lead_bonus
        if wanted and wanted & vectors[index].keys():
            value *= 1 + keyword_bonus
        return value

    chosen: list[int] = []
    seen: set[str] = set()
    limit, redundancy = int(config["summary_sentences"]), float(config["summary_redundancy"])
    budget, used = int(config["summary_words"]), 0
    for index in sorted(pool, key=lambda i: (-score(i), i)):
        if len(chosen) >= limit or used >= budget:
            break
        text = candidates[index].text
        if text in seen or any(_redundant(vectors[index], vectors[other], redundancy) for other in chosen):
            continue
        seen.add(text)
        chosen.append(index)
        used += len(text.split())
    return [candidates[index].text for index in chosen]


def _redundant(left: Vector, right: Vector, threshold: float) -> bool:
    return cosine(left, right) > threshold
