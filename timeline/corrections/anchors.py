"""Finding an edit's event again after re-extraction: by id, else by article, sentence and time words.

An article edited by its owner, or a new extractor, moves offsets (and so event ids) and may regroup
mentions; the sentence that reported the event usually survives word for word. ``EventIndex`` looks an
anchor up in the events of one extraction: the same id with the same anchor first, then an event with a
mention in the same article and sentence and the same time words, then the same sentence alone when
only one event comes from it. Anything else is an orphan for the editor to place or drop.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from timeline.corrections.edits import Anchor
from timeline.model import Event, Mention

_SPACE = re.compile(r"\s+")


def sentence_key(sentence: str) -> str:
    """The sentence's words, case and spacing aside, as a short stable hash."""
    normal = _SPACE.sub(" ", sentence).strip().casefold()
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:16]


def mention_anchor(mention: Mention) -> Anchor:
    return Anchor(doc=mention.doc, sentence_key=sentence_key(mention.sentence), time_text=mention.time_text)


def anchor_of(event: Event) -> Anchor | None:
    """The anchor of the event's first report (None for an event with no mention, e.g. added by hand)."""
    return mention_anchor(event.mentions[0]) if event.mentions else None


def _time_words(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


@dataclass
class EventIndex:
    """The events of one extraction, looked up by id and by anchor."""

    events: dict[str, Event]
    by_anchor: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)
    by_sentence: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, events: list[Event]) -> EventIndex:
        index = cls(events={event.id: event for event in events})
        for event in events:
            index.add(event)
        return index

    def add(self, event: Event) -> None:
        self.events[event.id] = event
        for mention in event.mentions:
            anchor = mention_anchor(mention)
            key = (anchor.doc, anchor.sentence_key, _time_words(anchor.time_text))
            self.by_anchor.setdefault(key, []).append(event.id)
            self.by_sentence.setdefault((anchor.doc, anchor.sentence_key), []).append(event.id)

    def remove(self, event_id: str) -> None:
        self.events.pop(event_id, None)

    def locate(self, event_id: str, anchor: Anchor | None) -> Event | None:
        """The event an edit was made on, in this extraction, or None when it no longer attaches."""
        same_id = self.events.get(event_id) if event_id else None
        if same_id is not None and (anchor is None or self._reports(same_id, anchor)):
            return same_id
        if anchor is None:
            return None
        exact = self._live(
            self.by_anchor.get((anchor.doc, anchor.sentence_key, _time_words(anchor.time_text)))
        )
        if exact:
            return self.events[exact[0]]
        in_sentence = self._live(self.by_sentence.get((anchor.doc, anchor.sentence_key)))
        if len(in_sentence) == 1:
            return self.events[in_sentence[0]]
        return None

    def _reports(self, event: Event, anchor: Anchor) -> bool:
        return any(
            mention.doc == anchor.doc and sentence_key(mention.sentence) == anchor.sentence_key
            for mention in event.mentions
        )

    def _live(self, ids: list[str] | None) -> list[str]:
        return list(dict.fromkeys(event_id for event_id in ids or () if event_id in self.events))
