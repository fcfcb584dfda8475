"""Turn one document into event records: one per reported event, dated by the date its verb governs.

``extract_events`` is pure (text and metadata in, records out) so documents can be processed in
parallel; the date tagger is a parameter so tests can hand it fixed mentions. The candidate event
sentences (those holding a dated mention that pass the cheap filters of ``furniture``) are parsed in one
batch per document; the only state is the parser model, loaded once per process.
"""

from __future__ import annotations

import hashlib

from timeline.events.actors import DocumentContext, actors_of, document_context
from timeline.events.candidates import Tagger, Unit, candidates, local_span, parse_start
from timeline.events.categories import category_of
from timeline.events.clause_parse import ParsedClause, parse_clauses
from timeline.events.display import display_date, display_range, display_span
from timeline.events.event_dates import event_dates, is_anchored_duration
from timeline.events.furniture import (
    is_site_furniture,
    settings,
)
from timeline.events.merge import merge_events
from timeline.events.sentences import Sentence
from timeline.events.tense import is_hedged, is_planned
from timeline.events.titles import Title, title_of
from timeline.model import (
    PRECISION_ORDER,
    Document,
    Event,
    Mention,
    Precision,
    Source,
    Span,
    TimeMention,
)

__all__ = ["confidence_of", "event_id", "extract_events", "is_site_furniture"]


def event_id(doc_id: str, span: Span) -> str:
    """A stable id for the event first reported at ``span`` of ``doc_id``."""
    return hashlib.sha1(f"{doc_id}:{span[0]}:{span[1]}".encode()).hexdigest()[:16]


def confidence_of(mention: TimeMention, *, hedged: bool, planned: bool, fallback: bool = False) -> float:
    """0..1: how sure the record is; relative, unanchored, coarse, modified and hedged dates cost, and so
    does a title that fell back from the dated clause."""
    data = settings()
    penalties: dict[str, float] = data["penalties"]
    score = float(data["base_confidence"])
    score -= float(data["precision_penalties"].get(mention.precision, 0.2))
    if mention.relative:
        score -= penalties["relative"]
    if not mention.anchored or mention.start is None:
        score -= penalties["unanchored"]
    if mention.mod:
        score -= penalties["modifier"]
    if hedged:
        score -= penalties["hedged"]
    if planned:
        score -= penalties["planned"]
    if fallback:
        score -= penalties["fallback_title"]
    return min(1.0, max(0.05, score))


def _source(doc: Document) -> Source:
    return Source(doc=doc.doc_id, title=doc.title, outlet=doc.outlet, url=doc.url, published=doc.published)


def _tags(time_mention: TimeMention, title: Title, range_end: TimeMention | None) -> tuple[str, ...]:
    tags: list[str] = []
    if time_mention.relative:
        tags.append("relative")
    if not time_mention.anchored or time_mention.start is None:
        tags.append("unanchored")
    if time_mention.mod:
        tags.append(time_mention.mod.lower())
    if range_end is not None:
        tags.append("range")
    if title.fallback:
        tags.append("fallback-title")
    return tuple(tags)


def _mention(doc: Document, sentence: Sentence, time_mention: TimeMention) -> Mention:
    return Mention(
        doc=doc.doc_id,
        span=time_mention.span,
        time_text=time_mention.text,
        sentence=sentence.text,
        sentence_span=sentence.span,
    )


def _display(time_mention: TimeMention) -> str:
    return display_date(
        time_mention.start,
        time_mention.end,
        time_mention.precision,
        time_mention.value,
        time_mention.mod,
        time_mention.text,
    )


def _coarser(first: Precision, second: Precision) -> Precision:
    return max(first, second, key=PRECISION_ORDER.index)


def event_from_mention(
    doc: Document,
    sentence: Sentence,
    time_mention: TimeMention,
    clause: ParsedClause,
    title: Title,
    *,
    range_end: TimeMention | None = None,
    context: DocumentContext | None = None,
) -> Event:
    """The record for one dated mention of ``doc`` inside ``sentence``, placed in its parse ``clause``.

    ``range_end`` is the other end of a range that starts at ``time_mention``: the event then spans
    from one to the other. ``context`` is what the document tells about all its events (its main country:
    what "the prime minister" is of; its people's full names).
    """
    last = range_end or time_mention
    local = (time_mention.span[0] - sentence.start, last.span[1] - sentence.start)
    planned = is_planned(sentence.text, local, time_mention.start, doc.published)
    if range_end is None:
        mentions: tuple[Mention, ...] = (_mention(doc, sentence, time_mention),)
        precision, value, shown = time_mention.precision, time_mention.value, _display(time_mention)
        if is_anchored_duration(time_mention) and time_mention.start and time_mention.end:
            value = f"{time_mention.start.isoformat()}/{time_mention.value}"  # ISO 8601: start/duration
            shown = display_span(time_mention.start, time_mention.end)
    else:
        mentions = (_mention(doc, sentence, time_mention), _mention(doc, sentence, range_end))
        precision = _coarser(time_mention.precision, range_end.precision)
        value = f"{time_mention.value}/{range_end.value}"
        shown = display_range(_display(time_mention), _display(range_end))
    hedged = is_hedged(sentence.text)
    return Event(
        id=event_id(doc.doc_id, time_mention.span),
        start=time_mention.start,
        end=last.end,
        precision=precision,
        value=value,
        display_date=shown,
        title=title.text,
        sentence=sentence.text,
        mentions=mentions,
        sources=(_source(doc),),
        actors=actors_of(clause, context),
        category=category_of(clause),
        planned=planned,
        anchored=time_mention.anchored and time_mention.start is not None,
        confidence=confidence_of(time_mention, hedged=hedged, planned=planned, fallback=title.fallback),
        tags=_tags(time_mention, title, range_end),
    )


def _distance(clause: ParsedClause) -> int:
    """Steps from the time expression up to the verb it dates, prepositions not counted ("on Friday" and
    "Friday" are as close): 0 when the verb governs it directly."""
    steps, token = 0, clause.time_head
    while token.i != clause.head.i and token.head.i != token.i:
        token = token.head
        steps += token.pos_ != "ADP" and token.i != clause.head.i
    return steps


def _one_per_event(units: list[Unit], clauses: tuple[ParsedClause, ...]) -> list[tuple[int, Title]]:
    """The units to keep, by index, with their titles: of those dating one verb (or giving one title),
    the date the verb governs most directly, then the finest, then the first.

    A title is made only for a unit whose verb has no date yet: a sentence listing many dates for one
    verb costs one title, not one per date."""
    order = sorted(
        range(len(units)),
        key=lambda at: (_distance(clauses[at]), PRECISION_ORDER.index(units[at][0].precision), at),
    )
    heads: set[int] = set()
    texts: set[str] = set()
    kept: list[tuple[int, Title]] = []
    for at in order:
        if clauses[at].head.i in heads:
            continue
        title = title_of(clauses[at])
        if title is None or title.text.lower() in texts:
            continue
        heads.add(clauses[at].head.i)
        texts.add(title.text.lower())
        kept.append((at, title))
    return sorted(kept, key=lambda item: item[0])


def extract_events(doc: Document, *, tagger: Tagger = event_dates) -> list[Event]:
    """Every event ``doc`` reports, merged where it reports the same one twice, in text order.

    Work per dated mention is bounded (a window of a very long sentence) and the candidate sentences
    are parsed in one batch, so time grows linearly with the text.
    """
    reads = candidates(doc, tagger)
    windows = list(reads)
    offsets = [parse_start(read, reads[read]) for read in windows]
    every = [
        [(start - off, end - off) for start, end in (local_span(unit, read) for unit in reads[read])]
        for read, off in zip(windows, offsets, strict=True)
    ]
    durations = [[is_anchored_duration(first) for first, _ in reads[read]] for read in windows]
    texts = [read.text[off:] for read, off in zip(windows, offsets, strict=True)]
    parsed = parse_clauses(texts, every, durations=durations)
    context = document_context(parsed_sentence.doc for parsed_sentence in parsed)
    events: list[Event] = []
    for read, parsed_sentence in zip(windows, parsed, strict=True):
        if not any(token.pos_ in ("VERB", "AUX") for token in parsed_sentence.doc):
            continue  # a listing, a dateline, a byline: no verb, no event
        units = reads[read]
        for at, title in _one_per_event(units, parsed_sentence.clauses):
            first, last = units[at]
            clause = parsed_sentence.clauses[at]
            event = event_from_mention(doc, read, first, clause, title, range_end=last, context=context)
            events.append(event)
    return merge_events(events)
