"""Turn one document into event records: every dated mention in a sentence that reports something.

``extract_events`` is pure (text and metadata in, records out) so documents can be processed in
parallel; the date tagger is a parameter so tests can hand it fixed mentions.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from timeline.dates import tag_dates
from timeline.events.actors import find_actors
from timeline.events.categories import choose_category
from timeline.events.display import display_date
from timeline.events.merge import merge_events
from timeline.events.resources import load_data
from timeline.events.sentences import Sentence, sentence_at, split_sentences
from timeline.events.tense import is_hedged, is_planned
from timeline.events.titles import make_title, remove_time, strip_attribution
from timeline.model import Document, Event, Mention, Mode, Source, Span, TimeMention

Tagger = Callable[[str, date | None, Mode], list[TimeMention]]

_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_CAPTION_CREDIT = re.compile(r"\[[^\[\]]*\]\s*$")


@cache
def _settings() -> dict[str, Any]:
    return load_data("events_build.json")


def event_id(doc_id: str, span: Span) -> str:
    """A stable id for the event first reported at ``span`` of ``doc_id``."""
    return hashlib.sha1(f"{doc_id}:{span[0]}:{span[1]}".encode()).hexdigest()[:16]


def _inside(span: Span, zones: tuple[Span, ...]) -> bool:
    return any(span[0] < zone_end and zone_start < span[1] for zone_start, zone_end in zones)


def is_eventful(sentence: str, time_span: tuple[int, int]) -> bool:
    """The sentence says something beyond its date: enough words, some of them ordinary lowercase words."""
    settings = _settings()
    words = _WORD.findall(remove_time(_CAPTION_CREDIT.sub("", sentence), time_span))
    lowercase = [word for word in words if word[0].islower() and len(word) > 2]
    return len(words) >= settings["min_words"] and len(lowercase) >= settings["min_lowercase_words"]


def confidence_of(mention: TimeMention, *, hedged: bool, planned: bool) -> float:
    """0..1: how sure the date is; relative, unanchored, coarse, modified and hedged dates cost."""
    settings = _settings()
    penalties: dict[str, float] = settings["penalties"]
    score = float(settings["base_confidence"])
    score -= float(settings["precision_penalties"].get(mention.precision, 0.2))
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
    return min(1.0, max(0.05, score))


def _source(doc: Document) -> Source:
    return Source(doc=doc.doc_id, title=doc.title, outlet=doc.outlet, url=doc.url, published=doc.published)


def _tags(sentence: Sentence, time_mention: TimeMention) -> tuple[str, ...]:
    tags: list[str] = []
    if _CAPTION_CREDIT.search(sentence.text):
        tags.append("caption")
    if time_mention.relative:
        tags.append("relative")
    if not time_mention.anchored or time_mention.start is None:
        tags.append("unanchored")
    if time_mention.mod:
        tags.append(time_mention.mod.lower())
    return tuple(tags)


def _category(sentence: str, time_text: str) -> str:
    """Category from the sentence without its attribution (", the ministry said" is not the event)."""
    core = strip_attribution(sentence)
    at = core.find(time_text) if time_text else -1
    return choose_category(core, (at, at + len(time_text)) if at >= 0 else None)


def event_from_mention(doc: Document, sentence: Sentence, time_mention: TimeMention) -> Event:
    """The record for one dated mention of ``doc`` inside ``sentence``."""
    local = (time_mention.span[0] - sentence.start, time_mention.span[1] - sentence.start)
    planned = is_planned(sentence.text, local, time_mention.start, doc.published)
    mention = Mention(
        doc=doc.doc_id,
        span=time_mention.span,
        time_text=time_mention.text,
        sentence=sentence.text,
        sentence_span=sentence.span,
    )
    return Event(
        id=event_id(doc.doc_id, time_mention.span),
        start=time_mention.start,
        end=time_mention.end,
        precision=time_mention.precision,
        value=time_mention.value,
        display_date=display_date(
            time_mention.start,
            time_mention.end,
            time_mention.precision,
            time_mention.value,
            time_mention.mod,
            time_mention.text,
        ),
        title=make_title(sentence.text, local),
        sentence=sentence.text,
        mentions=(mention,),
        sources=(_source(doc),),
        actors=find_actors(sentence.text),
        category=_category(sentence.text, time_mention.text),
        planned=planned,
        anchored=time_mention.anchored and time_mention.start is not None,
        confidence=confidence_of(time_mention, hedged=is_hedged(sentence.text), planned=planned),
        tags=_tags(sentence, time_mention),
    )


def extract_events(doc: Document, *, tagger: Tagger = tag_dates) -> list[Event]:
    """Every event ``doc`` reports, merged where it reports the same one twice, in text order."""
    sentences = split_sentences(doc.text)
    skip = doc.excluded + ((doc.dateline,) if doc.dateline else ())
    events: list[Event] = []
    for time_mention in tagger(doc.text, doc.published, doc.mode):
        if _inside(time_mention.span, skip):
            continue
        sentence = sentence_at(sentences, time_mention.span[0])
        if sentence is None or time_mention.span[1] > sentence.end:
            continue
        local = (time_mention.span[0] - sentence.start, time_mention.span[1] - sentence.start)
        if not is_eventful(sentence.text, local):
            continue
        events.append(event_from_mention(doc, sentence, time_mention))
    return merge_events(events)
