"""``timeline summarize --batch``: the JSON Lines contract of ``../shared/eval/score_tls.py``.

One task a line on stdin, ``{"id", "k", "from", "to", "keywords", "articles": [{"id", "published",
"text"}]}``; out, per task, up to ``k`` lines ``{"id", "date", "summary"}``, the most salient day first
(a day that only one article names or was published on is left out: one source is no agreement).
Cheap on purpose (the date tagger and the sentence splitter only, no parser): a topic of thousands of
articles takes seconds. A malformed line or article is reported on stderr and skipped. The text is read
as given (no layout analysis: measured, its line rules cost the dev figures on one-sentence-a-line
text), but date stamps are no day references (``timeline/documents/stamps.py``, see ``day_mentions``).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TextIO

from timeline.dates import tag_dates
from timeline.documents.stamps import comments_start, find_stamps
from timeline.events.sentences import split_sentences
from timeline.events.windows import Zones
from timeline.model import TimeMention, parse_iso_day
from timeline.summarize.days import (
    DayReference,
    day_salience,
    day_sources,
    names_its_zone,
    settings,
    top_days,
    writes_day_number,
)
from timeline.summarize.sentences import Candidate, central_sentences
from timeline.summarize.vectors import idf_table, words


class TaskError(ValueError):
    """A task line that cannot be summarized (the message says why)."""


@dataclass(slots=True)
class _Corpus:
    """What one task's articles yield: day references, candidate sentences per day, every sentence's words."""

    published: dict[str, date | None] = field(default_factory=dict)
    references: list[DayReference] = field(default_factory=list)
    candidates: dict[date, list[Candidate]] = field(default_factory=dict)
    sentence_words: list[list[str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _DayMention:
    """A mention naming one day: ``reference`` when it counts for the day's salience, ``candidate``
    when its sentence may summarize the day."""

    mention: TimeMention
    day: date
    reference: bool
    candidate: bool


def day_mentions(text: str, published: date | None) -> tuple[list[_DayMention], int]:
    """The mentions of ``text`` that name one day, and where its reader comments start (``len(text)``
    when it has none).

    A reader comment's or a byline's time stamp says when someone wrote: neither a reference nor a
    summary. An agency's or a page's dateline ("LONDON, April 29 (Reuters) -") dates the story, not an
    event: no reference, but its sentence (the story's first) may summarize the day. A sentence in the
    reader comments is no summary (a reader's view); the days a comment names still count (a reader
    naming a day is weak evidence that it mattered).
    """
    days = [
        mention
        for mention in tag_dates(text, published, "news")
        if mention.precision == "day" and mention.start is not None and mention.start == mention.end
    ]
    stamps = find_stamps(text, days)
    comments = comments_start(text, stamps)
    end = len(text) if comments is None else comments
    writers = Zones(tuple(stamp.span for stamp in stamps if stamp.kind != "dateline"))
    datelines = Zones(tuple(stamp.span for stamp in stamps if stamp.kind == "dateline"))
    found = []
    for mention in days:
        if mention.start is None or writers.overlap(mention.span):
            continue
        reference = not datelines.overlap(mention.span)
        found.append(_DayMention(mention, mention.start, reference, mention.span[0] < end))
    return found, end


def read_corpus(articles: Iterable[dict[str, Any]]) -> _Corpus:
    """Tag and split every article; collect the day references and the candidate sentences."""
    corpus = _Corpus()
    config = settings()
    lead_count, lead_sentences = int(config["lead_sentences"]), int(config["published_lead_sentences"])
    for number, article in enumerate(articles):
        text = article.get("text")
        if not isinstance(text, str):
            continue
        doc = str(article.get("id", number))
        published = parse_iso_day(article.get("published"))
        corpus.published[doc] = published
        sentences = split_sentences(text)
        corpus.sentence_words.extend(words(sentence.text) for sentence in sentences)
        mentions, comments = day_mentions(text, published)
        if published is not None:
            day_list = corpus.candidates.setdefault(published, [])
            leads = (s for s in sentences[:lead_sentences] if s.start < comments)
            day_list.extend(Candidate(s.text, lead=True) for s in leads)
        starts = [sentence.start for sentence in sentences]
        for found in mentions:
            position = bisect_right(starts, found.mention.span[0]) - 1
            if position < 0:
                continue
            lead = position < lead_count
            if found.reference:
                reference = DayReference(
                    doc,
                    published,
                    found.day,
                    lead,
                    calendar=writes_day_number(found.mention.text, found.day),
                    time_of_day=found.mention.type == "TIME" and not names_its_zone(found.mention.text),
                )
                corpus.references.append(reference)
            if found.candidate:
                candidate = Candidate(sentences[position].text, lead)
                corpus.candidates.setdefault(found.day, []).append(candidate)
    return corpus


def summarize_task(task: dict[str, Any]) -> list[tuple[date, str]]:
    """The task's ``k`` key days, most salient first, each with its summary."""
    k = task.get("k")
    if not isinstance(k, int) or isinstance(k, bool) or k < 0:
        raise TaskError('"k" must be a whole number of dates')
    articles = task.get("articles")
    if not isinstance(articles, list):
        raise TaskError('"articles" must be a list')
    corpus = read_corpus(a for a in articles if isinstance(a, dict))
    scores = day_salience(
        corpus.references,
        corpus.published,
        date_from=parse_iso_day(task.get("from")),
        date_to=parse_iso_day(task.get("to")),
    )
    idf, unseen = idf_table(corpus.sentence_words)
    raw_keywords = task.get("keywords") or []
    keywords = {w for kw in raw_keywords if isinstance(kw, str) for w in words(kw)}
    # A day only one article points at is left out, even if fewer than k days remain: its odds of being
    # a key date are below half the F1 of the rest, so it costs Date-F1 (and ROUGE precision) on average.
    sources = day_sources(corpus.references, corpus.published)
    least = int(settings()["key_day_sources"])
    result = []
    for day in (d for d in top_days(scores, k) if sources.get(d, 0) >= least):
        chosen = central_sentences(corpus.candidates.get(day, []), idf, unseen, keywords=keywords)
        result.append((day, " ".join(chosen)))
    return result


def run_summarize_batch(lines: Iterable[str], out: TextIO, err: TextIO) -> int:
    """Answer every task line of ``lines`` on ``out``; exit code 0 (bad lines are reported and skipped)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            task = json.loads(line)
        except ValueError as error:
            err.write(f"timeline: stdin line {number}: not valid JSON ({error}); skipped\n")
            continue
        if not isinstance(task, dict):
            err.write(f"timeline: stdin line {number}: expected a JSON object; skipped\n")
            continue
        try:
            days = summarize_task(task)
        except TaskError as error:
            err.write(f"timeline: stdin line {number}: {error}; skipped\n")
            continue
        for day, summary in days:
            record = {"id": task.get("id"), "date": day.isoformat(), "summary": summary}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    return 0
