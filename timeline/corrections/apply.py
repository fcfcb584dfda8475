"""The shown timeline: the extracted events with a collection's edits applied, in the order they were made.

``apply_edits`` is pure: events and edits in, corrected events out, plus the edits that no longer attach
to any event (orphans, listed for the editor to place or drop: never silently lost) and, per event, the
edits that shaped it (its history). An undo cancels the edit it names; the value shown is then what the
edits before it gave. Every corrected event carries the tag ``edited`` and ``edited:<field>`` per field,
so exports and pages can say what was changed by hand; hidden events carry ``hidden``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from timeline.corrections.anchors import EventIndex, anchor_of, mention_anchor
from timeline.corrections.edits import Anchor, Edit
from timeline.events.display import display_date
from timeline.model import Event, Mention, Precision, Source

HIDDEN_TAG = "hidden"
EDITED_TAG = "edited"
MANUAL_TAG = "added by hand"


@dataclass(frozen=True, slots=True)
class Corrected:
    events: list[Event]
    orphans: list[Edit]
    history: dict[str, list[Edit]] = field(default_factory=dict)
    """Event id (as shown) -> the edits applied to it, oldest first."""
    hidden_articles: frozenset[str] = frozenset()


def active_edits(edits: Iterable[Edit]) -> list[Edit]:
    """The edits in force, oldest first: every edit not cancelled by a later undo (undos themselves out)."""
    ordered = sorted(edits, key=lambda edit: edit.id or 0)
    undone = {int(edit.new) for edit in ordered if edit.field == "undo" and str(edit.new).isdigit()}
    return [edit for edit in ordered if edit.field != "undo" and edit.id not in undone]


def apply_edits(events: list[Event], edits: Iterable[Edit]) -> Corrected:
    """``events`` as corrected by ``edits``; see the module docstring."""
    in_force = active_edits(edits)
    if not in_force:  # the common case (no corrections yet): no anchor index to build
        return Corrected(list({event.id: event for event in events}.values()), [])
    index = EventIndex.build(list(events))
    history: dict[str, list[Edit]] = {}
    orphans: list[Edit] = []
    hidden_articles: set[str] = set()
    for edit in in_force:
        if edit.field == "hide_article":
            if edit.anchor is None:
                orphans.append(edit)
            elif edit.new:
                hidden_articles.add(edit.anchor.doc)
            else:
                hidden_articles.discard(edit.anchor.doc)
            continue
        if edit.field == "create":
            created = _created(edit)
            if created is None:
                orphans.append(edit)
                continue
            index.add(created)
            history.setdefault(created.id, []).append(edit)
            continue
        target = index.locate(edit.event_id, edit.anchor)
        if target is None:
            orphans.append(edit)
            continue
        if edit.field == "merge":
            other = index.locate(str(edit.new.get("event_id", "")), Anchor.from_json(edit.new.get("anchor")))
            if other is None or other.id == target.id:
                orphans.append(edit)
                continue
            merged = _merged(target, other)
            index.remove(other.id)
            history.setdefault(target.id, []).extend([*history.pop(other.id, []), edit])
            index.add(_tagged(merged, "merge"))
            continue
        if edit.field == "split":
            parts = _split(target, edit.new)
            if parts is None:
                orphans.append(edit)
                continue
            kept, split_off = parts
            index.add(_tagged(kept, "split"))
            index.add(_tagged(split_off, "split"))
            history.setdefault(target.id, []).append(edit)
            history.setdefault(split_off.id, []).extend([*history.get(target.id, [])])
            continue
        index.add(_tagged(_with_field(target, edit.field, edit.new), edit.field))
        history.setdefault(target.id, []).append(edit)
    shown = [_hide_if_article_hidden(event, hidden_articles) for event in index.events.values()]
    return Corrected(shown, orphans, history, frozenset(hidden_articles))


def _tagged(event: Event, field_name: str) -> Event:
    tags = list(event.tags)
    for tag in (EDITED_TAG, f"{EDITED_TAG}:{field_name}"):
        if tag not in tags:
            tags.append(tag)
    return replace(event, tags=tuple(tags))


def _with_field(event: Event, field_name: str, value: Any) -> Event:
    if field_name == "hidden":
        tags = [tag for tag in event.tags if tag != HIDDEN_TAG] + ([HIDDEN_TAG] if value else [])
        return replace(event, tags=tuple(tags))
    if field_name in ("start", "end", "precision"):
        return _redated(event, **{field_name: value})
    if field_name == "actors":
        return replace(event, actors=tuple(value or ()))
    if field_name == "planned":
        return replace(event, planned=bool(value))
    return replace(event, **{field_name: value})


def _redated(event: Event, **change: Any) -> Event:
    """A new date, the display redrawn. A new start moves the end with it (the length kept, as calendars
    do); an end before the start moves to the start."""
    start = _day(change["start"]) if "start" in change else event.start
    end = _day(change["end"]) if "end" in change else event.end
    if "start" in change and start and event.start and event.end:
        end = start + (event.end - event.start)
    precision: Precision = change.get("precision", event.precision)
    if start is not None and (end is None or end < start):
        end = start
    value = event.value if start == event.start and precision == event.precision else _value(start, precision)
    shown = display_date(start, end, precision, value)
    return replace(
        event,
        start=start,
        end=end,
        precision=precision,
        display_date=shown,
        value=value,
        anchored=start is not None,
    )


def _value(start: date | None, precision: Precision) -> str:
    """The TIMEX3-style value of a date a teacher gave: as precise as the precision says."""
    if start is None:
        return ""
    if precision == "day":
        return start.isoformat()
    if precision in ("week", "month", "season", "quarter", "half"):
        return f"{start:%Y-%m}"
    if precision == "decade":
        return str(start.year // 10)
    if precision == "century":
        return str(start.year // 100)
    return str(start.year)


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _merged(target: Event, other: Event) -> Event:
    mentions = tuple(dict.fromkeys((*target.mentions, *other.mentions)))
    sources: dict[str, Source] = {source.doc: source for source in target.sources}
    for source in other.sources:
        sources.setdefault(source.doc, source)
    actors = tuple(dict.fromkeys((*target.actors, *other.actors)))
    return replace(target, mentions=mentions, sources=tuple(sources.values()), actors=actors)


def _split(event: Event, spec: Any) -> tuple[Event, Event] | None:
    """The event without the mention ``spec`` names ({"anchor": …}), and that mention as its own event."""
    wanted = Anchor.from_json(spec.get("anchor")) if isinstance(spec, dict) else None
    if wanted is None or len(event.mentions) < 2:
        return None
    chosen: Mention | None = next((m for m in event.mentions if mention_anchor(m) == wanted), None)
    if chosen is None:
        return None
    rest = tuple(mention for mention in event.mentions if mention is not chosen)
    rest_docs = {mention.doc for mention in rest}
    kept = replace(
        event,
        mentions=rest,
        sources=tuple(source for source in event.sources if source.doc in rest_docs) or event.sources[:1],
        sentence=rest[0].sentence,
    )
    source = next((s for s in event.sources if s.doc == chosen.doc), event.sources[0])
    split_off = replace(
        event,
        id=f"{event.id}~{chosen.doc}:{chosen.span[0]}",
        mentions=(chosen,),
        sources=(source,),
        sentence=chosen.sentence,
    )
    return kept, split_off


def _created(edit: Edit) -> Event | None:
    """An event added by hand: from its JSON record, cited (a sentence of an article) or with a note."""
    try:
        event = Event.from_json(edit.new)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    tags = tuple(dict.fromkeys((*event.tags, MANUAL_TAG, EDITED_TAG)))
    return replace(event, tags=tags)


def _hide_if_article_hidden(event: Event, hidden_articles: set[str]) -> Event:
    if not hidden_articles or HIDDEN_TAG in event.tags:
        return event
    if event.sources and all(source.doc in hidden_articles for source in event.sources):
        return replace(event, tags=(*event.tags, HIDDEN_TAG))
    return event


def current_value(event: Event, field_name: str) -> Any:
    """The value of ``field_name`` as shown, in the form edits store it (for the conflict check)."""
    if field_name in ("start", "end"):
        day = getattr(event, field_name)
        return day.isoformat() if day else None
    if field_name == "actors":
        return list(event.actors)
    if field_name == "hidden":
        return HIDDEN_TAG in event.tags
    return getattr(event, field_name, None)


__all__ = ["Corrected", "active_edits", "anchor_of", "apply_edits", "current_value"]
